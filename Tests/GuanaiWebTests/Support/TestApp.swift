import Foundation
import Testing
import VaporTesting
import Fluent
import SQLKit
import GuanaiCore
@testable import GuanaiWeb

/// One fresh app per test: an in-memory SQLite database, or, with GUANAI_TEST_DATABASE_URL set, a schema of its own
/// on PostgreSQL so tests can run in parallel. Time is a manual clock that tests move.
struct TestContext {
    let app: Application
    let clock: ManualClock
    var isPostgres: Bool { app.db.isPostgres }
}

let testStart = Date(timeIntervalSince1970: 1_795_000_000)  // 2026-11-18 19:06 in 石首 (11:06 UTC)

func withTestApp(_ body: (TestContext) async throws -> Void) async throws {
    let app = try await Application.make(.testing)
    let clock = ManualClock(testStart)
    var schema: String? = nil
    let target: DatabaseTarget
    if let url = ProcessInfo.processInfo.environment["GUANAI_TEST_DATABASE_URL"], !url.isEmpty {
        let s = "t_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(16).lowercased()
        schema = s
        target = .postgres(url: url, searchPath: s)
    } else {
        target = .sqliteMemory
    }
    var cfg = GuanaiConfig(database: target, bcryptCost: 4, clock: clock)
    cfg.maxBodySize = "64kb"
    do {
        if let s = schema {
            try GuanaiApp.useDatabase(app, target)
            // The first connection of a test: with a few hundred tests starting at once, the server may refuse it
            // for a moment (too many clients); try again before calling the test failed.
            for attempt in 1...5 {
                do {
                    try await app.db.sql.raw("CREATE SCHEMA \(ident: s)").run()
                    break
                } catch  where attempt < 5 && String(describing: type(of: error)) == "PSQLError" {
                    try await Task.sleep(for: .seconds(attempt))
                }
            }
        }
        try await GuanaiApp.configure(app, cfg)
        try await body(TestContext(app: app, clock: clock))
    } catch {
        if let s = schema { try? await app.db.sql.raw("DROP SCHEMA \(ident: s) CASCADE").run() }
        try? await app.asyncShutdown()
        // PostgresNIO hides a server error's text behind a generic description; a failing test should say it.
        if String(describing: type(of: error)) == "PSQLError" { throw DiagnosedError(text: String(reflecting: error)) }
        throw error
    }
    if let s = schema { try await app.db.sql.raw("DROP SCHEMA \(ident: s) CASCADE").run() }
    try await app.asyncShutdown()
}

struct DiagnosedError: Error, CustomStringConvertible {
    let text: String
    var description: String { text }
}

// Units used across tests (石首市 2021 codes).
enum Codes {
    static let county = "421081000000"  // 石首市
    static let taohuashan = "421081104000"  // 桃花山镇
    static let shihuayan = "421081104200"  // 石华堰村委会
    static let xiaoshiqiao = "421081104202"  // 小石桥村委会
    static let tiaoguan = "421081105000"  // 调关镇
    static let tiaoguanVillage = "421081105200"
}

extension TestContext {
    /// Creates an account directly (no forced password change) and returns its username and password.
    @discardableResult
    func makeUser(_ username: String, _ role: Role, _ unit: String, phone: String = "13800001234", mustChange: Bool = false) async throws
        -> User
    {
        let (u, _) = try await AccountService.create(
            NewAccount(username: username, displayName: username, role: role.rawValue, unitCode: unit, phone: phone),
            creator: nil, scoped: Scoped.system(app.db), hasher: { try Bcrypt.hash($0, cost: 4) }, by: .system("test"), at: clock.now(),
            mustChange: mustChange, password: "pass-\(username)-1")
        return u
    }

    func password(_ username: String) -> String { "pass-\(username)-1" }

    func json(_ value: some Encodable) -> ByteBuffer {
        ByteBuffer(data: try! JSONEncoder().encode(value))
    }

    /// API sign-in; returns the bearer token.
    func token(_ username: String, password: String? = nil) async throws -> String {
        let res = try await app.testing().sendRequest(
            .POST, "/api/v1/session", headers: ["Content-Type": "application/json"],
            body: json(["username": username, "password": password ?? self.password(username)]))
        #expect(res.status == .created, "login \(username): \(res.body.string)")
        return try res.content.decode(SessionResponse.self).token
    }

    func api(_ method: HTTPMethod, _ path: String, token: String?, body: ByteBuffer? = nil) async throws -> TestingHTTPResponse {
        var h: HTTPHeaders = ["Content-Type": "application/json"]
        if let t = token { h.add(name: .authorization, value: "Bearer \(t)") }
        return try await app.testing().sendRequest(method, path, headers: h, body: body)
    }

    func auditCount(_ action: AuditAction, recordID: String? = nil) async throws -> Int {
        var q = AuditEntry.query(on: app.db).filter(\.$action == action.rawValue)
        if let r = recordID { q = q.filter(\.$recordID == r) }
        return try await q.count()
    }
}

/// A signed-in browser: the session cookie and the page's CSRF token.
struct Browser {
    let ctx: TestContext
    var cookies: [String: String] = [:]
    var csrf = ""

    init(_ ctx: TestContext) { self.ctx = ctx }

    var cookieHeader: String { cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; ") }

    mutating func absorb(_ res: TestingHTTPResponse) {
        for (name, value) in res.headers.setCookie?.all ?? [:] {
            if value.string.isEmpty { cookies[name] = nil } else { cookies[name] = value.string }
        }
        if let m = res.body.string.firstMatch(of: /name="_csrf" value="([^"]+)"/) { csrf = String(m.1) }
    }

    mutating func get(_ path: String) async throws -> TestingHTTPResponse {
        let res = try await ctx.app.testing().sendRequest(.GET, path, headers: ["Cookie": cookieHeader])
        absorb(res)
        return res
    }

    /// An import preview reloads itself (`Refresh`) while its check runs: follows the reloads, as a browser does,
    /// until the page stops asking (the finished preview, or what stopped it).
    mutating func getSettled(_ path: String, seconds: Double = 120) async throws -> TestingHTTPResponse {
        let end = Date().addingTimeInterval(seconds)
        while true {
            let res = try await get(path)
            if res.headers.first(name: "Refresh") == nil || Date() > end { return res }
            try await Task.sleep(nanoseconds: 20_000_000)
        }
    }

    mutating func post(_ path: String, _ fields: [String: String], withCSRF: Bool = true) async throws -> TestingHTTPResponse {
        var f = fields
        if withCSRF && f["_csrf"] == nil { f["_csrf"] = csrf }
        var comps = URLComponents()
        comps.queryItems = f.map { URLQueryItem(name: $0.key, value: $0.value) }
        let body = (comps.percentEncodedQuery ?? "").replacingOccurrences(of: "+", with: "%2B")
        let res = try await ctx.app.testing().sendRequest(
            .POST, path, headers: ["Cookie": cookieHeader, "Content-Type": "application/x-www-form-urlencoded"],
            body: ByteBuffer(string: body))
        absorb(res)
        return res
    }

    /// A form with files, as a browser sends `enctype="multipart/form-data"`.
    mutating func postMultipart(
        _ path: String, _ fields: [String: String], files: [(field: String, filename: String, type: String, data: Data)]
    ) async throws -> TestingHTTPResponse {
        let boundary = "----guanai\(UUID().uuidString)"
        var body = Data()
        var f = fields
        if f["_csrf"] == nil { f["_csrf"] = csrf }
        for (k, v) in f.sorted(by: { $0.key < $1.key }) {
            body.append(Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(k)\"\r\n\r\n\(v)\r\n".utf8))
        }
        for file in files {
            let disposition = "form-data; name=\"\(file.field)\"; filename=\"\(file.filename)\""
            body.append(Data("--\(boundary)\r\nContent-Disposition: \(disposition)\r\nContent-Type: \(file.type)\r\n\r\n".utf8))
            body.append(file.data)
            body.append(Data("\r\n".utf8))
        }
        body.append(Data("--\(boundary)--\r\n".utf8))
        let res = try await ctx.app.testing().sendRequest(
            .POST, path, headers: ["Cookie": cookieHeader, "Content-Type": "multipart/form-data; boundary=\(boundary)"],
            body: ByteBuffer(data: body))
        absorb(res)
        return res
    }

    /// Signs in through the login form; returns the response to the form post (a redirect on success).
    @discardableResult
    mutating func login(_ username: String, password: String? = nil, extra: [String: String] = [:]) async throws -> TestingHTTPResponse {
        let page = try await get("/login" + (extra["query"].map { "?" + $0 } ?? ""))
        guard let m = page.body.string.firstMatch(of: /name="_pre" value="([^"]+)"/) else { Issue.record("no login form"); return page }
        var f = ["_pre": String(m.1), "username": username, "password": password ?? ctx.password(username)]
        for (k, v) in extra where k != "query" { f[k] = v }
        let res = try await post("/login", f, withCSRF: false)
        if res.status == .seeOther || res.status == .found {
            _ = try await get("/")
        }
        return res
    }
}
