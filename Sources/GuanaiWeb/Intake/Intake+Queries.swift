import Fluent
import Foundation

extension IntakeUpload {
    /// An account's own imports, newest first: an upload belongs to the account that sent it, not to a unit, so
    /// this is read by owner rather than through a jurisdiction.
    static func recent(by user: UUID, limit: Int, on db: any Database) async throws -> [IntakeUpload] {
        try await IntakeUpload.query(on: db).filter(\.$userID == user).sort(\.$createdAt, .descending).limit(limit).all()
    }
}
