import Fluent
import SQLKit
import Vapor
import GuanaiCore

/// Photos taken on a visit (the stove, the food, the child), kept in the database with the visit so every instance
/// serves them and a backup holds them. Children's photos are sensitive: served only inside the jurisdiction,
/// every view audited.
final class VisitPhoto: Model, @unchecked Sendable {
    static let schema = "visit_photos"
    @ID(key: .id) var id: UUID?
    @Field(key: "visit_id") var visitID: UUID
    @Field(key: "child_id") var childID: UUID
    /// 1, 2, 3 in the order they were sent; the URL names them by it.
    @Field(key: "n") var n: Int
    @Field(key: "content_type") var contentType: String
    @Field(key: "bytes") var bytes: Data
    @Field(key: "created_at") var createdAt: Date
    init() {}
}

/// Storing and serving a visit's photos; what a photo must be is Core's (`VisitPhotoRules`).
enum VisitPhotos {
    /// Stored in the caller's transaction, numbered after those already there.
    static func store(_ uploads: [VisitPhotoRules.Upload], visit v: Visit, on db: any Database, at: Date) async throws {
        for (i, u) in uploads.enumerated() {
            let p = VisitPhoto()
            p.visitID = v.id!
            p.childID = v.childID
            p.n = v.photos + i + 1
            p.contentType = u.contentType
            p.bytes = u.bytes
            p.createdAt = at
            try await p.create(on: db)
        }
        v.photos += uploads.count
    }

    /// One photo of a visit inside the jurisdiction, its view audited.
    static func serve(_ req: Request, visitID: VisitID, n: Int) async throws -> Response {
        guard let v = try await Visit.find(visitID, on: req.db), try req.scoped.inScope(v.unitCode),
            let p = try await VisitPhoto.query(on: req.db).filter(\.$visitID == visitID.uuid).filter(\.$n == n).first()
        else { throw Abort(.notFound) }
        try req.requireBrowse(.child)
        try await req.audit(
            AuditEvent(
                AuditAction.view, .visitPhoto, "\(visitID)/\(n)", unit: v.unitCode, detail: ["childId": v.childID.uuidString]))
        let res = Response(status: .ok, body: .init(data: p.bytes))
        res.headers.contentType = HTTPMediaType(type: "image", subType: String(p.contentType.dropFirst(6)))
        res.headers.replaceOrAdd(name: "X-Content-Type-Options", value: "nosniff")
        res.headers.replaceOrAdd(name: .cacheControl, value: "private, no-store")
        return res
    }
}

/// The foreign keys, typed: the columns stay `UUID` (no schema change); code between reads and sets these.
extension VisitPhoto {
    var visit: VisitID {
        get { VisitID(visitID) }
        set { visitID = newValue.uuid }
    }
    var child: ChildID {
        get { ChildID(childID) }
        set { childID = newValue.uuid }
    }
}
