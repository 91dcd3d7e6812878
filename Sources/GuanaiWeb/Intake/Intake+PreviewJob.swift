import Fluent
import SQLKit
import Vapor
import GuanaiCore
import GuanaiSheets

/// Where an upload's preview stands, kept on its row (`intake_uploads.preview`) so that any instance answers the
/// page's polls from it and a finished preview is not run again.
struct PreviewRecord: Codable, Sendable {
    var stage: PreviewWatch.Stage
    /// What the run was for (language, sheet, column mapping): a record for another set-up is not shown.
    var key: String
    /// The run began on a commit whose process died (item 7): said above the finished preview.
    var interrupted = false
    var summary: PreviewSummary? = nil
    /// The file's error (`failed`) or why the run stopped (`stopped`): a catalogue key and its arguments.
    var message: String? = nil
    var args: [String] = []

    static func key(lang: UILanguage, sheet: String?, overrides: String) -> String {
        [lang.rawValue, sheet ?? "", overrides].joined(separator: "\n")
    }

    static func decode(_ text: String?) -> PreviewRecord? {
        text.flatMap { try? JSONDecoder().decode(PreviewRecord.self, from: Data($0.utf8)) }
    }

    var json: String { RegistryService.json(self) }
}

/// What the preview page shows of a finished run, bounded (`PreviewWatch.stored…`) whatever the file.
struct PreviewSummary: Codable, Sendable {
    var sheetNames: [String]
    var sheetName: String?
    var headerRowNumber: Int
    /// Schema key by column, as the header was matched.
    var columns: [Int: String]
    /// Header text by column, as the file shows it.
    var headerText: [Int: String]
    /// The counts; the per-row errors are left out (the preview lists its first rows only).
    var report: ImportReport
    var preview: [ImportPreviewRow]

    init(_ r: ImportResult) {
        let b = PreviewWatch.bounded
        sheetNames = r.sheetNames.prefix(PreviewWatch.storedSheets).map(b)
        sheetName = r.sheetName.map(b)
        headerRowNumber = r.header.headerRowNumber
        let shown = Set(r.headerText.keys.sorted().prefix(PreviewWatch.storedColumns))
        columns = r.header.columns.filter { shown.contains($0.key) }
        headerText = r.headerText.filter { shown.contains($0.key) }.mapValues(b)
        report = r.report
        report.errors = []
        report.notes = []
        preview = r.preview.prefix(PreviewWatch.storedRows).map {
            ImportPreviewRow(
                row: $0.row, outcome: $0.outcome, summary: b($0.summary), messages: $0.messages.map(b), warning: $0.warning.map(b))
        }
    }
}

extension IntakeUpload {
    var previewRecord: PreviewRecord? { PreviewRecord.decode(preview) }

    /// A poll: the preview's page is still open until `until`.
    static func watch(_ id: IntakeUploadID, until: Date, on db: any Database) async throws {
        try await db.sql.raw("UPDATE intake_uploads SET watched_until = \(bind: until) WHERE id = \(bind: id.uuid)").run()
    }

    static func watchedUntil(_ id: IntakeUploadID, on db: any Database) async throws -> Date? {
        let row = try await db.sql.raw("SELECT watched_until FROM intake_uploads WHERE id = \(bind: id.uuid)").first()
        return try row?.decode(column: "watched_until", as: Date?.self)
    }

    /// The run that holds the lease `token` starts: its record and first heartbeat. An interrupted commit's
    /// `committing` goes back to `uploaded` (the record remembers it), so the preview's lease is not read as a
    /// commit's.
    static func beginPreview(_ id: IntakeUploadID, token: String, record: PreviewRecord, watchedUntil: Date, on db: any Database)
        async throws
    {
        try await db.sql.raw(
            """
            UPDATE intake_uploads SET preview = \(bind: record.json), watched_until = \(bind: watchedUntil),
            status = \(bind: IntakeUploadStatus.uploaded.rawValue) WHERE id = \(bind: id.uuid) AND claimed_by = \(bind: token)
            """
        ).run()
    }

    /// The run ends: its record and the lease given back in one statement.
    static func endPreview(_ id: IntakeUploadID, token: String, record: PreviewRecord, on db: any Database) async throws {
        try await db.sql.raw(
            "UPDATE intake_uploads SET preview = \(bind: record.json), claimed_until = NULL, claimed_by = NULL "
                + "WHERE id = \(bind: id.uuid) AND claimed_by = \(bind: token)"
        ).run()
    }

    /// A stopped preview has been said once: the next open runs it again.
    static func forgetPreview(_ id: IntakeUploadID, on db: any Database) async throws {
        try await db.sql.raw("UPDATE intake_uploads SET preview = NULL WHERE id = \(bind: id.uuid) AND claimed_until IS NULL").run()
    }
}

/// One preview run in the background of the instance that claimed its lease; the request that started it has
/// already answered. It stops between chunks once the heartbeat has lapsed, at its deadline, or at shutdown.
struct PreviewJob: Sendable {
    let app: Application
    let upload: IntakeUploadID
    let token: String
    var record: PreviewRecord
    /// Everything but the file, which the job reads from the database into its own work file.
    let run: ImportRun
    /// The import slot the starting request took; given back when the run ends.
    let slots: ImportSlots

    /// `watchedUntil`: the heartbeat the starting request wrote.
    func start(watchedUntil: Date) {
        let job = PreviewJobs.Job(seenUntil: watchedUntil)
        app.previewJobs.launch(upload, job) {
            await self.body(job)
            self.slots.release()
        }
    }

    private func body(_ job: PreviewJobs.Job) async {
        let db = app.db
        let id = upload
        // SQLite has one writer: while this run's transaction holds it, a poll cannot write the heartbeat and
        // notes it in `PreviewJobs` instead (one instance per SQLite file); PostgreSQL takes it from the row too.
        let readRow = db.sql.dialect.name != "sqlite"
        let interval = app.guanai.previewCheckSeconds
        let clock = app.guanai.clock
        let jobs = app.previewJobs
        let watcher = Task {
            while !job.stop.isSet && !Task.isCancelled {
                try? await Task.sleep(nanoseconds: UInt64(interval * 1_000_000_000))
                let row: Date? = readRow ? (try? await IntakeUpload.watchedUntil(id, on: db)) ?? nil : nil
                let inFlight = jobs.pollsInFlight(id)
                if PreviewWatch.watcherGone(watchedUntil: [row, job.seenUntil], now: clock.now(), pollsInFlight: inFlight) {
                    job.stopFor(.watcherGone)
                }
            }
        }
        defer { watcher.cancel() }
        var record = self.record
        let tmp = run.file
        defer { try? FileManager.default.removeItem(at: tmp) }
        do {
            guard let bytes = try await IntakeUpload.file(of: id, on: db) else { throw Abort(.gone) }
            try WorkDir.write(bytes, to: tmp)
            var r = run
            r.file = tmp
            r.stop = job.stop
            r.scoped = run.scoped.on(app.db(.intake))
            let result = try await r.run()
            record.stage = .done
            record.summary = PreviewSummary(result)
        } catch let e as IntakeFileError where job.cause == nil {
            record.stage = .failed
            record.message = e.key
            record.args = e.args
        } catch {
            if job.cause == nil { app.logger.report(error: error) }
            record.stage = .stopped
            record.message = job.cause == .watcherGone ? "intake.preview.stopped" : "intake.preview.brokeOff"
        }
        job.stop.set()
        do { try await IntakeUpload.endPreview(id, token: token, record: record, on: db) } catch { app.logger.report(error: error) }
    }
}

/// The previews this instance runs, with the polls it answered for them. Only the running instance needs this:
/// another instance's polls reach the run through `watched_until` (PostgreSQL), and a SQLite file has one instance.
final class PreviewJobs: @unchecked Sendable {
    enum Cause { case watcherGone, shutdown }

    final class Job: @unchecked Sendable {
        private let lock = NSLock()
        let stop = StopFlag()
        private var seen: Date?
        private var why: Cause?
        init(seenUntil: Date?) { seen = seenUntil }
        var seenUntil: Date? { lock.withLock { seen } }
        var cause: Cause? { lock.withLock { why } }
        func saw(until: Date) { lock.withLock { seen = max(seen ?? until, until) } }
        func stopFor(_ c: Cause) {
            lock.withLock { if why == nil { why = c } }
            stop.set()
        }
    }

    private let lock = NSLock()
    private var jobs: [IntakeUploadID: (job: Job, task: Task<Void, Never>)] = [:]
    private var polls: [IntakeUploadID: Int] = [:]

    /// A request for an upload's preview page came in (`PreviewPollMiddleware`) / was answered.
    func pollArrived(_ upload: IntakeUploadID) { lock.withLock { polls[upload, default: 0] += 1 } }
    func pollAnswered(_ upload: IntakeUploadID) {
        lock.withLock {
            let n = (polls[upload] ?? 1) - 1
            polls[upload] = n > 0 ? n : nil
        }
    }
    func pollsInFlight(_ upload: IntakeUploadID) -> Int { lock.withLock { polls[upload] ?? 0 } }

    func launch(_ upload: IntakeUploadID, _ job: Job, _ body: @escaping @Sendable () async -> Void) {
        lock.withLock {
            let task = Task {
                await body()
                self.ended(upload)
            }
            jobs[upload] = (job, task)
        }
    }

    private func ended(_ upload: IntakeUploadID) { lock.withLock { _ = jobs.removeValue(forKey: upload) } }

    /// A poll answered here: true when this instance runs the upload's preview (and now knows it is watched).
    @discardableResult func saw(_ upload: IntakeUploadID, until: Date) -> Bool {
        guard let job = lock.withLock({ jobs[upload]?.job }) else { return false }
        job.saw(until: until)
        return true
    }

    var running: Int { lock.withLock { jobs.count } }

    /// At shutdown every run stops between chunks and records that it broke off (the next open runs it again).
    func stopAll() async {
        let all = lock.withLock { Array(jobs.values) }
        for j in all { j.job.stopFor(.shutdown) }
        for j in all { await j.task.value }
    }
}

extension DatabaseID {
    /// The pool background previews run on (see `GuanaiApp.useDatabase`).
    static let intake = DatabaseID(string: "intake")
}

struct PreviewJobsKey: StorageKey { typealias Value = PreviewJobs }

extension Application {
    /// Set up in `configure`.
    var previewJobs: PreviewJobs {
        if let j = storage[PreviewJobsKey.self] { return j }
        let j = PreviewJobs()
        storage[PreviewJobsKey.self] = j
        return j
    }
}

/// Counts the requests for a preview's page that this instance is answering, from before the session is looked
/// up: such a request can wait there for the write lock a SQLite preview holds, and it still is a poll.
struct PreviewPollMiddleware: AsyncMiddleware {
    func respond(to req: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard req.method == .GET, let id = Self.upload(req.url.path) else { return try await next.respond(to: req) }
        let jobs = req.application.previewJobs
        jobs.pollArrived(id)
        defer { jobs.pollAnswered(id) }
        return try await next.respond(to: req)
    }

    /// The upload of `/imports/{id}`, the preview's page (not its commit or rejected file).
    static func upload(_ path: String) -> IntakeUploadID? {
        let prefix = SiteURL.intake(nil).path.replacingOccurrences(of: ":id", with: "")
        guard path.hasPrefix(prefix) else { return nil }
        return IntakeUploadID(String(path.dropFirst(prefix.count)))
    }
}

/// Stops the running previews before the database goes away.
struct PreviewJobsShutdown: LifecycleHandler {
    func shutdownAsync(_ application: Application) async { await application.previewJobs.stopAll() }
}
