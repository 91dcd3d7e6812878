import Testing
import Foundation
import VaporTesting
import Fluent
import GuanaiCore
@testable import GuanaiWeb

/// Hostile input and hardening (issue 15): no redirect off the site, HTTPS cookies, the inspector's reads.
@Suite struct HardeningTests {
    static let evil = [
        "/%09/evil.example", "/%0A/evil.example", "/%5Cevil.example", "//evil.example", "/%2F%2Fevil.example", "/%5C%5Cevil.example",
        "https://evil.example/", "%2F%2Fevil.example", "/%0D%0A/evil.example",
    ]

    @Test func noRedirectLeavesTheSite() async throws {
        try await withTestApp { ctx in
            try await ctx.makeUser("cun", .villageWorker, Codes.shihuayan)
            for back in Self.evil {
                let res = try await ctx.app.testing().sendRequest(.GET, "/lang/en?back=\(back)")
                #expect(res.headers.first(name: .location) == "/", "back=\(back) → \(res.headers.first(name: .location) ?? "")")
            }
            #expect(
                try await ctx.app.testing().sendRequest(.GET, "/lang/en?back=/children%3Fpage%3D2").headers.first(name: .location)
                    == "/children?page=2")
            // The login form's `next`, decoded from the form as a browser posts it.
            for next in [
                "/\t/evil.example", "/\n/evil.example", "/\\evil.example", "//evil.example", "/%09/evil.example", "\\\\evil.example",
            ] {
                var b = Browser(ctx)
                let page = try await b.get("/login")
                let pre = try #require(page.body.string.firstMatch(of: /name="_pre" value="([^"]+)"/)).1
                let res = try await b.post(
                    "/login", ["_pre": String(pre), "username": "cun", "password": ctx.password("cun"), "next": next], withCSRF: false)
                #expect(
                    res.headers.first(name: .location) == "/", "next=\(next.debugDescription) → \(res.headers.first(name: .location) ?? "")"
                )
            }
        }
    }

    @Test func cookiesAreSecureOverHTTPS() async throws {
        try await withTestApp { ctx in
            try await ctx.makeUser("cun", .villageWorker, Codes.shihuayan)
            // Plain HTTP (the default): no Secure flag, no HSTS.
            var plain = try await ctx.app.testing().sendRequest(.GET, "/login")
            #expect(plain.headers.first(name: "Strict-Transport-Security") == nil)
            #expect(!(plain.headers.first(name: .setCookie) ?? "").contains("Secure"))
            // Behind a proxy that says so.
            ctx.app.guanai.https = .forwarded
            plain = try await ctx.app.testing().sendRequest(.GET, "/login")
            #expect(plain.headers.first(name: "Strict-Transport-Security") == nil, "no proxy header, no HTTPS")
            let https = try await ctx.app.testing().sendRequest(.GET, "/login", headers: ["X-Forwarded-Proto": "https"])
            #expect(https.headers.first(name: "Strict-Transport-Security")?.hasPrefix("max-age=") == true)
            #expect(https.headers.setCookie?.all.values.allSatisfy { $0.isSecure } == true)
            ctx.app.guanai.https = .always
            let always = try await ctx.app.testing().sendRequest(.GET, "/lang/en?back=/")
            #expect(always.headers.setCookie?[UILanguage.cookieName]?.isSecure == true)
        }
    }

    @Test func theInspectorReadsCasesCampaignsAndAlertsAndChangesNothing() async throws {
        try await withTestApp { ctx in
            try await ctx.makeUser("cun", .villageWorker, Codes.shihuayan)
            try await ctx.makeUser("town", .townshipStaff, Codes.taohuashan)
            try await ctx.makeUser("ducha", .inspector, Codes.county)
            let t = try await ctx.token("cun"), tt = try await ctx.token("town"), ti = try await ctx.token("ducha")
            let c = try await RealUseTests.register(ctx, t)
            let filed = try await ctx.api(
                .POST, "/api/v1/reports", token: t, body: ctx.json(ReportInput(childId: c.id, reporter: "邻居", seen: "孩子一个人在家两天")))
            #expect(filed.status == .created, "\(filed.body.string)")
            let report = try filed.content.decode(ReportDTO.self)
            let campaign = try await ctx.api(
                .POST, "/api/v1/campaigns", token: tt,
                body: ctx.json(CampaignInput(name: "石华堰村结对试点", unitCode: Codes.shihuayan, launchedOn: "2026-11-01")))
            #expect(campaign.status == .created, "\(campaign.body.string)")
            let k = try campaign.content.decode(CampaignDTO.self)
            // Reads: 200.
            #expect(try await ctx.api(.GET, "/api/v1/campaigns", token: ti).status == .ok)
            #expect(try await ctx.api(.GET, "/api/v1/campaigns/\(k.id)", token: ti).status == .ok)
            #expect(try await ctx.api(.GET, "/api/v1/reports/\(report.id)", token: ti).status == .ok)
            let alerts = try await SafetyNetTests.inbox(ctx, tt)
            let alertID = try #require(alerts.items.first?.id)
            var b = Browser(ctx)
            try await b.login("ducha")
            for path in ["/campaigns", "/campaigns/\(k.id)", "/reports/\(report.id)", "/alerts/\(alertID)", "/inbox"] {
                #expect(try await b.get(path).status == .ok, "\(path)")
            }
            // Acting: 403.
            #expect(
                try await ctx.api(
                    .POST, "/api/v1/reports/\(report.id)/steps", token: ti, body: ctx.json(["step": "emergency", "note": "x"])
                ).status == .forbidden)
            #expect(
                try await ctx.api(
                    .POST, "/api/v1/campaigns/\(k.id)/volunteers", token: ti, body: ctx.json(["volunteerId": UUID().uuidString])
                ).status == .forbidden)
            #expect(
                try await ctx.api(
                    .POST, "/api/v1/campaigns", token: ti, body: ctx.json(CampaignInput(name: "x", unitCode: Codes.shihuayan))
                ).status == .forbidden)
            #expect(try await ctx.api(.POST, "/api/v1/alerts/\(alertID)/acknowledge", token: ti).status == .forbidden)
            #expect(try await b.post("/alerts/\(alertID)/acknowledge", [:]).status == .forbidden)
        }
    }

    /// A real name and a made-up one answer alike: the same statuses through a lockout, and the same bcrypt cost.
    @Test func usernamesCannotBeTold() async throws {
        try await withTestApp { ctx in
            try await ctx.makeUser("cun", .villageWorker, Codes.shihuayan)
            func statuses(_ name: String) async throws -> [UInt] {
                var out: [UInt] = []
                for _ in 1...5 {
                    out.append(
                        try await ctx.api(
                            .POST, "/api/v1/session", token: nil, body: ctx.json(["username": name, "password": "wrong-guess"])
                        ).status.code)
                }
                out.append(
                    try await ctx.api(
                        .POST, "/api/v1/session", token: nil, body: ctx.json(["username": name, "password": ctx.password("cun")])
                    ).status.code)
                return out
            }
            let real = try await statuses("cun"), madeUp = try await statuses("nobody.here")
            #expect(real == [401, 401, 401, 401, 423, 423])
            #expect(madeUp == real)
            // The browser's form too: locked reads the same.
            var b = Browser(ctx)
            #expect(try await b.login("nobody.here").status.code == 423)
            // The dummy hash is made at the configured cost, so an unknown name costs a real bcrypt check.
            let cost = ctx.app.dummyPasswordHash.split(separator: "$").dropFirst().first
            #expect(cost == "04", "tests run bcrypt at cost 4")
            // After the lock, both come back; the failures are kept per name, hashed.
            ctx.clock.advance(by: 15 * 60 + 1)
            #expect(
                try await ctx.api(
                    .POST, "/api/v1/session", token: nil, body: ctx.json(["username": "cun", "password": ctx.password("cun")])
                ).status == .created)
            let rows = try await LoginFailure.query(on: ctx.app.db).all()
            #expect(rows.count == 5 && !rows.contains { $0.nameHash.contains("nobody") })
            // The sweep forgets them after a day.
            ctx.clock.advance(by: 24 * 3600 + 1)
            _ = try await SafetySweep.run(on: ctx.app.db, at: ctx.app.now)
            #expect(try await LoginFailure.query(on: ctx.app.db).count() == 0)
        }
    }

    /// A number registered in another township: the answer says it is registered and whom to ask, never which record
    /// or where; inside the jurisdiction the existing record is named as before.
    @Test func numbersOutsideTheJurisdictionCannotBeConfirmed() async throws {
        try await withTestApp { ctx in
            try await ctx.makeUser("cun", .villageWorker, Codes.shihuayan)
            try await ctx.makeUser("cun2", .villageWorker, Codes.shihuayan)
            try await ctx.makeUser("far", .villageWorker, Codes.tiaoguanVillage)
            let c = try await RealUseTests.register(ctx, try await ctx.token("cun"))
            let tf = try await ctx.token("far")
            var same = ChildBody()
            same.villageCode = Codes.tiaoguanVillage
            same.father = nil; same.mother = nil; same.guardian = ["name": "周奶奶", "relation": "grandmother"]
            let out = try await ctx.api(.POST, "/api/v1/children", token: tf, body: ctx.json(same))
            #expect(out.status == .conflict)
            #expect(
                !out.body.string.contains(c.id) && !out.body.string.contains("existingId\":\"") && out.body.string.contains("乡镇妇联或市妇联"),
                "\(out.body.string)")
            // Inside the jurisdiction: the record is named.
            let inside = try await ctx.api(.POST, "/api/v1/children", token: try await ctx.token("cun2"), body: ctx.json(ChildBody()))
            #expect(inside.status == .conflict && inside.body.string.contains(c.id))
            // A guardian's number from another township: registered, nothing about where.
            var other = ChildBody()
            other.idNumber = Synthetic.id(2017, 5, 5, order: 162)
            other.villageCode = Codes.tiaoguanVillage
            other.father = nil; other.mother = nil
            other.guardian = ["name": "张桂兰", "idNumber": ChildBody().guardian!["idNumber"]!, "relation": "grandmother"]
            let g = try await ctx.api(.POST, "/api/v1/children", token: tf, body: ctx.json(other))
            #expect(g.status == .unprocessableEntity && g.body.string.contains("guardian.idNumber"))
            #expect(
                !g.body.string.contains("其他村") && !g.body.string.contains("石华堰") && g.body.string.contains("乡镇妇联或市妇联"), "\(g.body.string)")
            // The page: no "open the existing record" link.
            var b = Browser(ctx)
            try await b.login("far")
            _ = try await b.get("/children/new")
            let page = try await b.post(
                "/children/new",
                [
                    "name": "王小花", "idNumber": ChildBody().idNumber, "villageCode": Codes.tiaoguanVillage, "hukou": "rural",
                    "livingArrangement": "with_guardian", "guardian.name": "周奶奶", "guardian.relation": "grandmother",
                ])
            #expect(page.status == .conflict && !page.body.string.contains(c.id))
            // An import rejects the row with the same words instead of counting it as already here.
            let csv = "姓名,身份证号,村\n王小花,\(ChildBody().idNumber),\(Codes.tiaoguanVillage)\n"
            let file = FileManager.default.temporaryDirectory.appendingPathComponent("elsewhere-\(UUID().uuidString).csv")
            try Data(csv.utf8).write(to: file)
            defer { try? FileManager.default.removeItem(at: file) }
            let unit = try #require(try await Unit.find(Codes.tiaoguanVillage, on: ctx.app.db))
            let r = try await ImportRun(
                kind: .children, file: file, fileName: "x.csv", unit: unit,
                scoped: Scoped(db: ctx.app.db, jurisdiction: Jurisdiction(root: DivisionCode(Codes.tiaoguanVillage)!)),
                actor: .system("test"), at: ctx.app.now
            ).run().report
            #expect(r.duplicates == 0 && r.rejected == 1 && r.errors.first?.message.contains("乡镇妇联或市妇联") == true, "\(r)")
        }
    }

    /// `guanai import/export --as` acts with exactly the named account's rights, as the pages do.
    @Test(arguments: Role.allCases)
    func theCLIActsWithTheAccountsRights(_ role: Role) async throws {
        try await withTestApp { ctx in
            let (unit, _) = AccessTests.placement(role)
            let home = role == .villageWorker || role == .volunteer ? Codes.shihuayan : (role == .townshipStaff ? Codes.taohuashan : unit)
            try await ctx.makeUser("who", role, home)
            let out = FileManager.default.temporaryDirectory.appendingPathComponent("cli-\(UUID().uuidString).csv")
            defer { try? FileManager.default.removeItem(at: out) }
            for (kind, record) in [("children", RecordKind.child), ("women", .woman), ("households", .household)] {
                for full in [false, true] {
                    var status: HTTPStatus = .ok
                    do {
                        _ = try await IntakeCLI.export(
                            ctx.app, kind: kind, unit: Codes.shihuayan, format: "csv", out: out.path, full: full, as: "who")
                    } catch let e as any AbortError { status = e.status }
                    #expect((status == .ok) == Policy.mayExport(role, record, full: full), "\(role) export \(kind) full=\(full): \(status)")
                }
            }
            let csv = FileManager.default.temporaryDirectory.appendingPathComponent("cli-in-\(UUID().uuidString).csv")
            try Data("姓名,身份证号,村,居住情况\n王小花,\(ChildBody().idNumber),石华堰村,与父母同住\n".utf8).write(to: csv)
            defer { try? FileManager.default.removeItem(at: csv) }
            var status: HTTPStatus = .ok
            do {
                _ = try await IntakeCLI.importFile(
                    ctx.app, kind: "children", file: csv.path, unit: Codes.shihuayan, sheet: nil, dryRun: true, as: "who")
            } catch let e as any AbortError { status = e.status }
            #expect((status == .ok) == Policy.mayImport(role, .child), "\(role) import: \(status)")
            #expect(!Policy.mayExport(.partnerHealth, .child, full: true) && !Policy.mayImport(.partnerHealth, .child))
        }
    }

    /// Ledgers at rest: import and export files live in a 0700 folder per process, are 0600, go when the request
    /// ends, and a dead process's folder is removed at the next start.
    @Test func workingFilesAreThisUsersAloneAndDoNotOutliveTheirProcess() async throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("guanai-work-test-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createDirectory(at: root.appendingPathComponent("999999"), withIntermediateDirectories: true)
        try Data("王小花,421081…".utf8).write(to: root.appendingPathComponent("999999/import-left-behind"))
        let w = try WorkDir.prepare(root: root)
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("999999").path), "a dead process's files are removed")
        func mode(_ u: URL) throws -> Int {
            (try FileManager.default.attributesOfItem(atPath: u.path)[.posixPermissions] as? NSNumber)?.intValue ?? -1
        }
        #expect(try mode(root) == 0o700 && mode(w.mine) == 0o700)
        let f = w.file(.export, "xlsx")
        try Data("x".utf8).write(to: f)
        #expect(try mode(f) == 0o600)
        w.removeMine()
        #expect(!FileManager.default.fileExists(atPath: w.mine.path))
        // Through the web: an export leaves nothing behind.
        try await withTestApp { ctx in
            try await ctx.makeUser("cun", .villageWorker, Codes.shihuayan)
            _ = try await RealUseTests.register(ctx, try await ctx.token("cun"))
            var b = Browser(ctx)
            try await b.login("cun")
            #expect(try await b.get("/children/export?format=xlsx").status == .ok)
            let left = try FileManager.default.contentsOfDirectory(atPath: ctx.app.workDir.mine.path)
            #expect(left.isEmpty, "\(left)")
            #expect(ctx.app.workDir.mine.path.hasPrefix(ctx.app.workDir.root.path))
        }
    }

    /// Every text field has a length and refuses control characters (line breaks only in long text), named in the
    /// answer; the OpenAPI document states the same limits; an address too long for any page of ours is a 414.
    @Test func textHasLimitsAndTheDocumentSaysThem() async throws {
        try await withTestApp { ctx in
            try await ctx.makeUser("cun", .villageWorker, Codes.shihuayan)
            let t = try await ctx.token("cun")
            var long = ChildBody()
            long.name = String(repeating: "王", count: 10_000)  // 100,000 would be refused as too large a body (413) first
            var r = try await ctx.api(.POST, "/api/v1/children", token: t, body: ctx.json(long))
            #expect(
                r.status == .unprocessableEntity && r.body.string.contains("\"field\":\"name\"") && r.body.string.contains("最多 50 个字"),
                "\(r.body.string.prefix(300))")
            var nul = ChildBody()
            nul.father = ["name": "王大山", "situation": "working_away", "workPlace": "广东\u{0}东莞"]
            r = try await ctx.api(.POST, "/api/v1/children", token: t, body: ctx.json(nul))
            #expect(
                r.status == .unprocessableEntity && r.body.string.contains("father.workPlace") && r.body.string.contains("控制字符"),
                "\(r.body.string)")
            #expect(try await Child.query(on: ctx.app.db).count() == 0)
            // A visit's notes may span lines.
            let c = try await RealUseTests.register(ctx, t)
            let v = try await ctx.api(
                .POST, "/api/v1/children/\(c.id)/visits", token: t,
                body: ctx.json(VisitInput(mode: "home", checklist: ["food": "ok"], notes: "第一行\n第二行")))
            #expect(v.status == .created, "\(v.body.string)")
            // A form: the page names the field.
            var b = Browser(ctx)
            try await b.login("cun")
            _ = try await b.get("/children/\(c.id)/edit")
            let f = try await b.post("/children/\(c.id)/edit", ["name": "王小\u{7}花", "name.was": "王小花"])
            #expect(
                f.status == .unprocessableEntity && f.body.string.contains("控制字符") && f.body.string.contains("姓名"),
                "\(f.body.string.prefix(500))")
            // An address longer than any of ours: 414, not a dropped connection.
            let url = try await ctx.app.testing().sendRequest(
                .GET, "/children?q=" + String(repeating: "a", count: 9000), headers: ["Cookie": b.cookieHeader])
            #expect(url.status == .uriTooLong)
            // The document says it.
            let doc =
                try JSONSerialization.jsonObject(
                    with: Data(try await ctx.app.testing().sendRequest(.GET, "/api/v1/openapi.json").body.string.utf8)) as! [String: Any]
            let schemas = ((doc["components"] as! [String: Any])["schemas"] as! [String: Any])
            let name = ((schemas["ChildInput"] as! [String: Any])["properties"] as! [String: Any])["name"] as! [String: Any]
            #expect(name["maxLength"] as? Int == 50 && (name["pattern"] as? String)?.contains("u0000") == true)
            let notes = ((schemas["VisitInput"] as! [String: Any])["properties"] as! [String: Any])["notes"] as! [String: Any]
            #expect(notes["maxLength"] as? Int == 2000)
            #expect(TextRules.problem(field: "notes", value: "a\nb") == nil && TextRules.problem(field: "name", value: "a\nb") == .control)
        }
    }

    /// Two requests that each read and then write, on two SQLite connections at once (the fuzzer with two workers):
    /// with the driver's deferred BEGIN the second writer got "database is locked" at once, a 500. Both now land,
    /// one after the other, and the audit chain stays whole.
    @Test func concurrentWritersOnSQLiteWaitTheirTurn() async throws {
        try await withTestApp { ctx in
            if ctx.isPostgres { return }
            let loops = Array(ctx.app.eventLoopGroup.makeIterator())
            try #require(loops.count >= 2, "one connection per event loop: two loops make two connections")
            let before = try await AuditEntry.query(on: ctx.app.db).count()
            try await withThrowingTaskGroup(of: Void.self) { group in
                for i in 0..<4 {
                    let db = ctx.app.databases.database(logger: ctx.app.logger, on: loops[i % loops.count])!
                    let at = ctx.clock.now()
                    group.addTask {
                        try await db.transaction { tx in
                            _ = try await AuditEntry.query(on: tx).count()
                            try await Task.sleep(for: .milliseconds(50))
                            try await AuditLog.append(
                                AuditEvent(AuditAction.update, .settings, "w\(i)"), by: .system("test"), at: at, on: tx)
                        }
                    }
                }
                try await group.waitForAll()
            }
            #expect(try await AuditEntry.query(on: ctx.app.db).count() == before + 4)
            #expect(try await AuditLog.verify(on: ctx.app.db).firstBroken == nil)
        }
    }
}
