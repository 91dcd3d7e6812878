import Testing
import VaporTesting
import Fluent
import GuanaiCore
@testable import GuanaiWeb

@Suite struct APITests {
    static func document() throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: OpenAPIDocument.json) as! [String: Any]
    }

    @Test func everyAPIRouteIsDocumented() async throws {
        try await withTestApp { ctx in
            let paths = try Self.document()["paths"] as! [String: Any]
            var checked = 0
            for route in ctx.app.routes.all {
                let comps = route.path.map { c -> String in
                    switch c {
                    case .parameter(let p): return "{\(p)}"
                    default: return c.description
                    }
                }
                guard comps.starts(with: ["api", "v1"]) else { continue }
                let path = "/" + comps.joined(separator: "/")
                let ops = paths[path] as? [String: Any]
                #expect(ops?[route.method.rawValue.lowercased()] != nil, "\(route.method) \(path) is not in openapi.json")
                checked += 1
            }
            #expect(checked >= 20)
            // And nothing documented that does not exist.
            let registered = Set(
                ctx.app.routes.all.map { r in
                    "/"
                        + r.path.map { c -> String in if case .parameter(let p) = c { return "{\(p)}" } else { return c.description } }
                        .joined(separator: "/")
                })
            for p in paths.keys { #expect(registered.contains(p), "\(p) documented but not routed") }
            let served = try await ctx.api(.GET, "/api/v1/openapi.json", token: nil)
            #expect(served.status == .ok)
            #expect(served.body.string.contains("\"openapi\":\"3.0.3\""))
        }
    }

    @Test func realResponsesMatchTheirSchemas() async throws {
        try await withTestApp { ctx in
            let v = SchemaValidator(document: try Self.document())
            try await ctx.makeUser("admin", .cityAdmin, Codes.county)
            let target = try await ctx.makeUser("cun", .villageWorker, Codes.shihuayan)
            let t = try await ctx.token("admin")
            var probes: [(HTTPMethod, String, String, Int, ByteBuffer?)] = [
                (.GET, "/api/v1/me", "/api/v1/me", 200, nil),
                (.GET, "/api/v1/units?parent=\(Codes.taohuashan)", "/api/v1/units", 200, nil),
                (.GET, "/api/v1/units/\(Codes.shihuayan)", "/api/v1/units/{code}", 200, nil),
                (.GET, "/api/v1/units/\(Codes.county)/history", "/api/v1/units/{code}/history", 200, nil),
                (.GET, "/api/v1/accounts", "/api/v1/accounts", 200, nil),
                (.GET, "/api/v1/accounts/\(target.id!)", "/api/v1/accounts/{id}", 200, nil),
                (.POST, "/api/v1/accounts/\(target.id!)/reveal-phone", "/api/v1/accounts/{id}/reveal-phone", 200, nil),
                (
                    .POST, "/api/v1/accounts", "/api/v1/accounts", 201,
                    ctx.json(["username": "new.one", "displayName": "新人", "role": "volunteer", "unitCode": Codes.shihuayan])
                ),
                (
                    .POST, "/api/v1/accounts", "/api/v1/accounts", 409,
                    ctx.json(["username": "new.one", "displayName": "新人", "role": "volunteer", "unitCode": Codes.shihuayan])
                ),
                (.POST, "/api/v1/accounts", "/api/v1/accounts", 422, ctx.json(["username": "x"])),
                (.POST, "/api/v1/units", "/api/v1/units", 201, ctx.json(["parentCode": Codes.taohuashan, "name": "王李场村", "reason": "试点"])),
                (.PATCH, "/api/v1/units/\(Codes.shihuayan)", "/api/v1/units/{code}", 200, ctx.json(["name": "石华堰村", "reason": "核对"])),
                (.GET, "/api/v1/units/999999999999", "/api/v1/units/{code}", 404, nil),
                (.POST, "/api/v1/accounts/\(target.id!)/reset-password", "/api/v1/accounts/{id}/reset-password", 200, nil),
                (.POST, "/api/v1/accounts/\(target.id!)/disable", "/api/v1/accounts/{id}/disable", 200, nil),
                (.GET, "/api/v1/audit?per=5", "/api/v1/audit", 200, nil),
                (.POST, "/api/v1/stations", "/api/v1/stations", 201, ctx.json(StationTests.good)),
                (.POST, "/api/v1/stations", "/api/v1/stations", 422, ctx.json(["name": "x"])),
                (.GET, "/api/v1/stations", "/api/v1/stations", 200, nil),
                (
                    .PUT, "/api/v1/units/\(Codes.shihuayan)/point", "/api/v1/units/{code}/point", 200,
                    ctx.json(UnitPointInput(latitude: 29.65, longitude: 112.48))
                ),
            ]
            probes.append((.POST, "/api/v1/accounts/\(target.id!)/enable", "/api/v1/accounts/{id}/enable", 200, nil))
            for (method, url, path, status, body) in probes {
                let res = try await ctx.api(method, url, token: t, body: body)
                #expect(Int(res.status.code) == status, "\(method) \(url): \(res.body.string)")
                let schema = try #require(
                    v.responseSchema(path: path, method: method.rawValue, status: status), "\(method) \(path) \(status) undocumented")
                let json = try JSONValue.parse(Data(buffer: res.body))
                let problems = v.validate(json, schema)
                #expect(problems.isEmpty, "\(method) \(url): \(problems)")
            }
            let login = try await ctx.api(
                .POST, "/api/v1/session", token: nil, body: ctx.json(["username": "admin", "password": ctx.password("admin")]))
            #expect(
                v.validate(
                    try JSONValue.parse(Data(buffer: login.body)), v.responseSchema(path: "/api/v1/session", method: "POST", status: 201)!
                ).isEmpty)
            // The validator itself rejects what does not fit.
            #expect(!v.validate(.object(["code": .int(1)]), ["$ref": "#/components/schemas/Unit"]).isEmpty)
        }
    }

    @Test func malformedInputIsNeverA500() async throws {
        try await withTestApp { ctx in
            try await ctx.makeUser("admin", .cityAdmin, Codes.county)
            let t = try await ctx.token("admin")
            func code(_ r: TestingHTTPResponse) -> String? {
                (try? JSONSerialization.jsonObject(with: Data(buffer: r.body)) as? [String: Any]).flatMap {
                    ($0["error"] as? [String: Any])?["code"] as? String
                }
            }
            let notJSON = try await ctx.api(.POST, "/api/v1/accounts", token: t, body: ByteBuffer(string: "{not json"))
            #expect(notJSON.status == .badRequest && code(notJSON) == "malformed")
            let wrongType = try await ctx.api(
                .POST, "/api/v1/accounts", token: t,
                body: ByteBuffer(string: #"{"username": 5, "displayName": [], "role": true, "unitCode": 1}"#))
            #expect(wrongType.status == .badRequest)
            let empty = try await ctx.api(.POST, "/api/v1/session", token: nil, body: nil)
            #expect(empty.status == .badRequest)
            let missing = try await ctx.api(.POST, "/api/v1/accounts", token: t, body: ByteBuffer(string: "{}"))
            #expect(missing.status == .unprocessableEntity)
            for f in ["username", "displayName", "role", "unitCode"] { #expect(missing.body.string.contains("\"field\":\"\(f)\"")) }
            let huge = try await ctx.api(
                .POST, "/api/v1/accounts", token: t,
                body: ByteBuffer(string: "{\"username\":\"" + String(repeating: "x", count: 100_000) + "\"}"))
            #expect(huge.status == .payloadTooLarge && code(huge) == "too_large")
            let badPage = try await ctx.api(.GET, "/api/v1/accounts?page=abc", token: t)
            #expect(badPage.status == .badRequest)
            let zero = try await ctx.api(.GET, "/api/v1/accounts?per=0", token: t)
            #expect(zero.status == .badRequest)
            let unknown = try await ctx.api(.GET, "/api/v1/nothing-here", token: t)
            #expect(unknown.status == .notFound && code(unknown) == "not_found")
            let noToken = try await ctx.api(.GET, "/api/v1/me", token: nil)
            #expect(noToken.status == .unauthorized && code(noToken) == "unauthorized")
            let badToken = try await ctx.api(.GET, "/api/v1/me", token: "forged")
            #expect(badToken.status == .unauthorized)
            let badUUID = try await ctx.api(.GET, "/api/v1/accounts/not-a-uuid", token: t)
            #expect(badUUID.status == .notFound)
            let badCode = try await ctx.api(.GET, "/api/v1/units/abc", token: t)
            #expect(badCode.status == .notFound)
            let badMerge = try await ctx.api(
                .POST, "/api/v1/units/\(Codes.shihuayan)/merge", token: t, body: ctx.json(["into": "nonsense", "reason": "x"]))
            #expect(badMerge.status == .unprocessableEntity)
            // Chinese by default, English on request.
            #expect(unknown.body.string.contains("找不到"))
            let en = try await ctx.app.testing().sendRequest(
                .GET, "/api/v1/nothing-here", headers: ["Accept-Language": "en", "Authorization": "Bearer \(t)"])
            #expect(en.body.string.contains("cannot be found"))
        }
    }

    @Test func pagesCarrySecurityHeadersAndChineseErrors() async throws {
        try await withTestApp { ctx in
            let login = try await ctx.app.testing().sendRequest(.GET, "/login")
            #expect(login.headers.first(name: "Content-Security-Policy")?.contains("script-src 'self'") == true)
            #expect(login.headers.first(name: "Content-Security-Policy")?.contains("unsafe-inline") == false)
            #expect(login.headers.first(name: "X-Content-Type-Options") == "nosniff")
            #expect(login.headers.first(name: "X-Frame-Options") == "DENY")
            #expect(!login.body.string.contains("<script>"), "no inline script")
            #expect(!login.body.string.contains("style="), "no inline style")
            let missing = try await ctx.app.testing().sendRequest(.GET, "/no/such/page")
            #expect(missing.status == .notFound)
            #expect(missing.body.string.contains("找不到这个页面"))
            #expect(!missing.body.string.contains("Abort"))
            try await ctx.makeUser("cun", .villageWorker, Codes.shihuayan)
            var b = Browser(ctx)
            try await b.login("cun")
            let forbidden = try await b.get("/accounts")
            #expect(forbidden.status == .forbidden)
            #expect(forbidden.body.string.contains("没有这项权限"))
            let en = try await b.get("/lang/en?back=/")
            #expect(en.status == .seeOther)
            b.cookies["guanai_lang"] = "en"
            let home = try await b.get("/")
            #expect(home.body.string.contains("Hello"))
            #expect(home.body.string.contains("lang=\"en\""))
        }
    }
}
