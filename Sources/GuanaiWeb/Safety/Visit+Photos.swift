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

/// What a photo must be: an image a phone makes, not too large, at most a few per visit.
enum VisitPhotos {
    static let maxCount = 3
    static let maxBytes = 8 * 1024 * 1024

    struct Upload: Sendable { let contentType: String; let bytes: Data }

    /// The image type from the first bytes, whatever the browser claimed.
    static func sniff(_ d: Data) -> String? {
        let b = [UInt8](d.prefix(12))
        if b.count >= 3, b[0] == 0xFF, b[1] == 0xD8, b[2] == 0xFF { return "image/jpeg" }
        if b.count >= 8, b[0..<8] == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] { return "image/png" }
        if b.count >= 12, b[0..<4] == [0x52, 0x49, 0x46, 0x46], b[8..<12] == [0x57, 0x45, 0x42, 0x50] { return "image/webp" }
        return nil
    }

    /// Checks the files of a form or API call; each problem is an error on the `photos` field.
    static func check(_ files: [(name: String, bytes: Data)], already: Int = 0) throws -> [Upload] {
        var out: [Upload] = []
        var errors: [FieldError] = []
        if files.count + already > maxCount { errors.append(FieldError(field: "photos", key: "visit.error.photoCount", args: [String(maxCount)])) }
        for f in files {
            if f.bytes.count > maxBytes { errors.append(FieldError(field: "photos", key: "visit.error.photoSize", args: [f.name])); continue }
            guard let type = sniff(f.bytes) else { errors.append(FieldError(field: "photos", key: "visit.error.photoType", args: [f.name])); continue }
            out.append(Upload(contentType: type, bytes: f.bytes))
        }
        if !errors.isEmpty { throw FieldErrors(errors) }
        return out
    }

    /// Stored in the caller's transaction, numbered after those already there.
    static func store(_ uploads: [Upload], visit v: Visit, on db: any Database, at: Date) async throws {
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
    static func serve(_ req: Request, visitID: String, n: Int) async throws -> Response {
        guard let uuid = UUID(uuidString: visitID), let v = try await Visit.find(uuid, on: req.db), try req.scoped.inScope(v.unitCode),
              let p = try await VisitPhoto.query(on: req.db).filter(\.$visitID == uuid).filter(\.$n == n).first() else { throw Abort(.notFound) }
        try req.requireBrowse(.child)
        try await req.audit(AuditEvent(AuditAction.view, "visit_photo", "\(uuid.uuidString)/\(n)", unit: v.unitCode, detail: ["childId": v.childID.uuidString]))
        let res = Response(status: .ok, body: .init(data: p.bytes))
        res.headers.contentType = HTTPMediaType(type: "image", subType: String(p.contentType.dropFirst(6)))
        res.headers.replaceOrAdd(name: "X-Content-Type-Options", value: "nosniff")
        res.headers.replaceOrAdd(name: .cacheControl, value: "private, no-store")
        return res
    }
}
