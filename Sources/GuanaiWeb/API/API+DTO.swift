import Vapor
import GuanaiCore

/// `{"items": [...], "page", "per", "total"}` for every list.
struct ListPage<T: Content>: Content {
    let items: [T]
    let page: Int
    let per: Int
    let total: Int
}

struct PageParams {
    let page: Int
    let per: Int
    /// The largest page number and page size the lists read (larger ones are cut to these).
    static let maxPage = 1_000_000
    static let maxPer = 200

    /// Absent → defaults; present but not a positive number → 400, never a silent default.
    init(_ req: Request) throws {
        func read(_ key: String, _ def: Int, _ max: Int) throws -> Int {
            guard let raw = req.query[String.self, at: key] else { return def }
            guard let n = Int(raw), n >= 1 else { throw Abort(.badRequest) }
            return min(n, max)
        }
        page = try read(APIQuery.page.rawValue, 1, Self.maxPage)
        per = try read(APIQuery.per.rawValue, 50, Self.maxPer)
    }
}

struct UnitDTO: Content {
    let code: String
    let name: String
    let officialName: String
    let kind: String
    let level: String
    let parentCode: String?
    let statistical: Bool
    let status: String
    let mergedInto: String?
    /// The unit's point; written as `null` when unknown, so a reader sees the key either way.
    let latitude: Double?
    let longitude: Double?

    init(_ u: Unit) {
        code = u.code
        name = u.shortName
        officialName = u.officialName
        kind = u.kind.rawValue
        level = u.divisionLevel.token
        parentCode = u.parentCode
        statistical = u.statistical
        status = u.status.rawValue
        mergedInto = u.mergedInto
        latitude = u.latitude
        longitude = u.longitude
    }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(code, forKey: .code)
        try c.encode(name, forKey: .name)
        try c.encode(officialName, forKey: .officialName)
        try c.encode(kind, forKey: .kind)
        try c.encode(level, forKey: .level)
        try c.encodeIfPresent(parentCode, forKey: .parentCode)
        try c.encode(statistical, forKey: .statistical)
        try c.encode(status, forKey: .status)
        try c.encodeIfPresent(mergedInto, forKey: .mergedInto)
        try c.encode(latitude, forKey: .latitude)
        try c.encode(longitude, forKey: .longitude)
    }
}

struct UnitChangeDTO: Content {
    let change: String
    let detail: String
    let reason: String
    let actor: String
    let at: String
    init(_ c: UnitChange) {
        change = c.change
        detail = c.detail
        reason = c.reason
        actor = c.actorName
        at = AuditLog.timestamp(c.at)
    }
}

struct AccountDTO: Content {
    let id: String
    let username: String
    let displayName: String
    let role: String
    let unitCode: String
    /// Masked; the full number only through the audited reveal.
    let phone: String?
    let disabled: Bool
    let locked: Bool
    let mustChangePassword: Bool
    let successorId: String?
    let createdAt: String
    let duties: [String]

    init(_ u: User, now: Date) {
        id = u.id!.uuidString
        username = u.username
        displayName = u.displayName
        role = u.role.rawValue
        unitCode = u.unitCode
        phone = u.phone.map(Masking.phone)
        disabled = u.disabled
        locked = (u.lockedUntil ?? .distantPast) > now
        mustChangePassword = u.mustChangePassword
        successorId = u.successorID?.uuidString
        createdAt = AuditLog.timestamp(u.createdAt)
        duties = u.duties.map(\.rawValue)
    }
}

struct AccountWithPassword: Content {
    let account: AccountDTO
    let oneTimePassword: String
}

struct AuditEntryDTO: Content {
    let seq: Int
    let at: String
    let actorId: String?
    let actorName: String
    let ip: String
    let unitCode: String
    let action: String
    let recordType: String
    let recordId: String
    let changes: String
    let hash: String
    init(_ e: AuditEntry) {
        seq = e.id ?? 0
        at = e.at
        actorId = e.actorID
        actorName = e.actorName
        ip = e.ip
        unitCode = e.unitCode
        action = e.action
        recordType = e.recordType
        recordId = e.recordID
        changes = e.changes
        hash = e.hash
    }
}

struct SessionRequest: Content { let username: String?; let password: String? }
struct SessionResponse: Content { let token: String; let account: AccountDTO; let idleTimeoutSeconds: Int }
struct UnitCreateRequest: Content { let parentCode: String?; let name: String?; let reason: String? }
struct UnitRenameRequest: Content { let name: String?; let reason: String? }
struct UnitMergeRequest: Content { let into: String?; let reason: String? }
struct ReasonRequest: Content { let reason: String? }
struct AccountCreateRequest: Content {
    let username: String?; let displayName: String?; let role: String?; let unitCode: String?; let phone: String?
}
struct HandoverRequest: Content { let username: String?; let displayName: String?; let phone: String? }
struct PasswordChangeRequest: Content { let current: String?; let new: String? }
struct RevealResponse: Content { let field: String; let value: String }
struct MeResponse: Content { let account: AccountDTO; let permissions: [String]; let readable: [String] }

extension Request {
    /// Strict JSON: a body that is not JSON, or has a wrong type, is a 400 with a Chinese message.
    func json<T: Decodable>(_ t: T.Type) async throws -> T {
        if body.data == nil { _ = try await body.collect(max: application.guanai.maxBodySize.value).get() }
        guard let buf = body.data, buf.readableBytes > 0 else { throw Abort(.badRequest) }
        guard buf.readableBytes <= application.guanai.maxBodySize.value else { throw Abort(.payloadTooLarge) }
        let data = Data(buffer: buf)
        let value: T
        do { value = try JSONDecoder().decode(T.self, from: data) } catch { throw Abort(.badRequest) }
        let problems = TextCheck.json(data)
        if !problems.isEmpty { throw FieldErrors(problems) }
        return value
    }
}

/// Required string fields of an API body, each missing one named in a 422.
func requireFields(_ pairs: [(String, String?)]) throws -> [String: String] {
    var out: [String: String] = [:]
    var errs: [FieldError] = []
    for (k, v) in pairs {
        if let v, !v.trimmingCharacters(in: .whitespaces).isEmpty {
            out[k] = v
        } else {
            errs.append(FieldError(field: k, key: "field.error.required"))
        }
    }
    if !errs.isEmpty { throw FieldErrors(errs) }
    return out
}
