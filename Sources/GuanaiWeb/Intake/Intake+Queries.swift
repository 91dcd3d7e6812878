import Fluent
import SQLKit
import Vapor
import Foundation
import GuanaiCore

extension IntakeUpload {
    /// An account's own imports, newest first: an upload belongs to the account that sent it, not to a unit, so
    /// this is read by owner rather than through a jurisdiction.
    static func recent(by user: UserID, limit: Int, on db: any Database) async throws -> [IntakeUpload] {
        try await withoutFile(IntakeUpload.query(on: db), rejected: false).filter(\.$userID == user.uuid).sort(\.$createdAt, .descending)
            .limit(
                limit
            ).all()
    }
}

extension IntakeUpload {
    /// Every column but the uploaded file: a page about an upload needs its state, not its (up to 40 MB) bytes.
    /// `bytes` reads as nil on these; `file(of:)` reads it. A list leaves out the rejected rows' file and the
    /// stored preview too.
    static func withoutFile(_ query: QueryBuilder<IntakeUpload>, rejected: Bool = true) -> QueryBuilder<IntakeUpload> {
        let q = query.field(\.$id).field(\.$userID).field(\.$kind).field(\.$unitCode).field(\.$fileName).field(\.$sheet)
            .field(\.$overrides).field(\.$status).field(\.$report).field(\.$createdAt)
            .field(\.$committedAt).field(\.$claimedUntil).field(\.$claimedBy).field(\.$watchedUntil)
        return rejected ? q.field(\.$rejected).field(\.$preview) : q
    }

    static func withoutFile(_ id: IntakeUploadID, on db: any Database) async throws -> IntakeUpload? {
        try await withoutFile(IntakeUpload.query(on: db).filter(\.$id == id.uuid)).first()
    }

    /// Stores a new upload and its file, read from the work file straight into the buffer that is bound: a
    /// `Data` in the model would be copied again into the driver's own buffer.
    static func store(_ u: IntakeUpload, file: ByteBuffer, on db: any Database) async throws {
        try await db.transaction { tx in
            try await u.create(on: tx)
            try await tx.sql.update(IntakeUpload.schema).set("bytes", to: SQLBind(file)).where("id", .equal, SQLBind(u.id!)).run()
        }
    }

    /// The uploaded file, as the driver read it (no copy into a `Data`); nil once committed.
    static func file(of id: IntakeUploadID, on db: any Database) async throws -> ByteBuffer? {
        guard let row = try await db.sql.select().column("bytes").from(IntakeUpload.schema).where("id", .equal, SQLBind(id.uuid)).first(),
            try !row.decodeNil(column: "bytes")
        else { return nil }
        return try row.decode(column: "bytes", as: ByteBuffer.self)
    }
}
