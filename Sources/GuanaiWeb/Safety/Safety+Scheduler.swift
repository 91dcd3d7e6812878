import Vapor

/// Runs the sweep every few minutes inside the server. Several instances may all run it: the sweep lease lets one
/// through at a time, and the sweep is idempotent, so an instance that finds the lease taken simply waits for the
/// next tick. Nothing is kept in memory between runs.
struct SweepScheduler: LifecycleHandler {
    let minutes: Double

    final class Box: @unchecked Sendable { var task: Task<Void, Never>? }
    let box = Box()

    func didBootAsync(_ app: Application) async throws {
        guard minutes > 0 else { return }
        let interval = minutes
        box.task = Task {
            while !Task.isCancelled {
                do {
                    let r = try await SafetySweep.run(on: app.db, at: app.now)
                    if !r.skipped && (r.escalations + r.overdue + r.contactReminders + r.risk + r.registry.changed) > 0 {
                        let summary =
                            "sweep: \(r.registry.changed) reclassified, \(r.risk) tiers reviewed, \(r.escalations) "
                            + "escalations, \(r.overdue) overdue, \(r.contactReminders) contact reminders"
                        app.logger.info("\(summary)")
                    }
                    let o = try await Outbox.drain(on: app.db, channels: Self.channels(app), at: app.now)
                    if o.sent + o.retried + o.failed > 0 {
                        app.logger.info("outbox: \(o.sent) sent, \(o.retried) to retry, \(o.failed) given up")
                    }
                } catch {
                    app.logger.error("sweep failed: \(String(reflecting: error))")
                }
                try? await Task.sleep(for: .seconds(interval * 60))
            }
        }
    }

    static func channels(_ app: Application) -> [any OutboxChannel] {
        guard let u = app.guanai.webhookURL, !u.isEmpty else { return [] }
        return [WebhookChannel(url: URI(string: u), client: app.client)]
    }

    func shutdownAsync(_ app: Application) async {
        box.task?.cancel()
    }
}
