import Fluent
import SQLKit
import Vapor
import GuanaiCore

/// Who may run an import now. Across instances: one per account, held as a lease on its `intake_uploads` row
/// (`claimed_until`, `claimed_by`; a partial unique index allows one live claim per account). Within an instance:
/// a few at once (`ImportSlots`), so imports cannot take every core from the pages.
enum IntakeLease {
    enum Outcome: Equatable {
        case claimed(token: String)
        /// Another import of this account (or this one, from another tab or instance) holds a live lease.
        case busy
    }

    static let instance = "\(ProcessInfo.processInfo.hostName)/\(ProcessInfo.processInfo.processIdentifier)"

    /// Claims `upload` for `seconds`. For a commit the row also moves to `committing`, from `uploaded` or from a
    /// `committing` whose lease ran out (its process died: the transaction was rolled back, nothing was written).
    static func claim(_ db: any Database, upload: IntakeUploadID, user: UserID, now: Date, seconds: Double, commit: Bool) async throws
        -> Outcome
    {
        // Expired claims are cleared first, so the unique index sees only live ones; the status stays, so an
        // interrupted commit is recognisable as `committing` without a lease.
        try await db.sql.raw(
            "UPDATE intake_uploads SET claimed_until = NULL, claimed_by = NULL WHERE user_id "
                + "= \(bind: user.uuid) AND claimed_until < \(bind: now)"
        ).run()
        let token = instance + "/" + UUID().uuidString
        let until = now.addingTimeInterval(seconds)
        let (uploaded, committing) = (IntakeUploadStatus.uploaded.rawValue, IntakeUploadStatus.committing.rawValue)
        let query: SQLQueryString =
            commit
            ? """
            UPDATE intake_uploads SET status = \(bind: committing), claimed_until = \(bind: until), claimed_by = \(bind: token)
            WHERE id = \(bind: upload.uuid) AND claimed_until IS NULL AND status IN (\(bind: uploaded), \(bind: committing)) RETURNING id
            """
            : "UPDATE intake_uploads SET claimed_until = \(bind: until), claimed_by = \(bind: token) "
                + "WHERE id = \(bind: upload.uuid) AND claimed_until IS NULL RETURNING id"
        do {
            let rows = try await db.sql.raw(query).all()
            return rows.isEmpty ? .busy : .claimed(token: token)
        } catch  where isUniqueViolation(error) {
            return .busy
        }
    }

    /// Another instance claimed for the same account between our two statements: SQLite says "UNIQUE constraint
    /// failed", PostgreSQL SQLSTATE 23505 ("duplicate key value violates unique constraint").
    static func isUniqueViolation(_ error: any Error) -> Bool {
        let text = String(reflecting: error).lowercased()
        return text.contains("unique") || text.contains("23505")
    }

    /// Gives the lease back (only its own: after expiry another claim may hold the row); `status` is set with it.
    static func release(_ db: any Database, upload: IntakeUploadID, token: String, status: IntakeUploadStatus? = nil) async throws {
        if let status {
            try await db.sql.raw(
                "UPDATE intake_uploads SET claimed_until = NULL, claimed_by = NULL, status = \(bind: status.rawValue) "
                    + "WHERE id = \(bind: upload.uuid) AND claimed_by = \(bind: token)"
            ).run()
        } else {
            try await db.sql.raw(
                "UPDATE intake_uploads SET claimed_until = NULL, claimed_by = NULL WHERE id = \(bind: upload.uuid) "
                    + "AND claimed_by = \(bind: token)"
            ).run()
        }
    }
}

/// Imports running on this instance; in memory, since it bounds this process's cores.
final class ImportSlots: @unchecked Sendable {
    private let lock = NSLock()
    private var running = 0
    let capacity: Int

    init(capacity: Int) { self.capacity = max(1, capacity) }

    func tryAcquire() -> Bool {
        lock.lock(); defer { lock.unlock() }
        guard running < capacity else { return false }
        running += 1
        return true
    }

    func release() {
        lock.lock(); running = max(0, running - 1); lock.unlock()
    }
}

struct ImportSlotsKey: StorageKey { typealias Value = ImportSlots }

extension Application {
    /// Set up in `configure`; an app built another way gets a fresh, unshared one per call (bounding nothing).
    var importSlots: ImportSlots { storage[ImportSlotsKey.self] ?? ImportSlots(capacity: guanai.importsPerInstance) }
}
