import Testing
import VaporTesting
import Fluent
import GuanaiCore
@testable import GuanaiWeb

@Suite struct AccountTests {
    @Test func webCreateKeepsTypedValuesAndNamesTheField() async throws {
        try await withTestApp { ctx in
            try await ctx.makeUser("admin", .cityAdmin, Codes.county)
            var b = Browser(ctx)
            try await b.login("admin")
            _ = try await b.get("/accounts/new")
            let bad = try await b.post(
                "/accounts/new",
                ["username": "zhang.san", "displayName": "", "role": "village_worker", "unitCode": Codes.shihuayan, "phone": "2381234567"])
            #expect(bad.status == .unprocessableEntity)
            let html = bad.body.string
            #expect(html.contains("value=\"zhang.san\""))
            #expect(html.contains("value=\"2381234567\""))
            #expect(html.contains("请填写姓名"))
            #expect(html.contains("手机号码应为以1开头的11位数字"))
            #expect(html.contains("aria-invalid=\"true\""))
            #expect(try await User.query(on: ctx.app.db).filter(\.$username == "zhang.san").count() == 0)

            let ok = try await b.post(
                "/accounts/new",
                [
                    "username": "zhang.san", "displayName": "张三", "role": "village_worker", "unitCode": Codes.shihuayan,
                    "phone": "13812345678",
                ])
            #expect(ok.status == .ok)
            let pw = try #require(ok.body.string.firstMatch(of: /id="one-time-password">([^<]+)</)).1

            // First sign-in with the one-time password must end at the password page.
            var z = Browser(ctx)
            let first = try await z.login("zhang.san", password: String(pw))
            #expect(first.headers.first(name: .location) == "/")
            let home = try await z.get("/")
            #expect(home.status == .seeOther)
            #expect(home.headers.first(name: .location) == "/password")
            _ = try await z.get("/password")
            let weak = try await z.post("/password", ["current": String(pw), "new": "short", "confirm": "short"])
            #expect(weak.status == .unprocessableEntity)
            #expect(weak.body.string.contains("新密码至少需要8位"))
            let changed = try await z.post("/password", ["current": String(pw), "new": "shihuayan2026", "confirm": "shihuayan2026"])
            #expect(changed.status == .seeOther)
            #expect(try await z.get("/").status == .ok)

            // Duplicate username: 409 with the existing id over the API.
            let t = try await ctx.token("admin")
            let dup = try await ctx.api(
                .POST, "/api/v1/accounts", token: t,
                body: ctx.json(["username": "zhang.san", "displayName": "x", "role": "volunteer", "unitCode": Codes.shihuayan]))
            #expect(dup.status == .conflict)
            let existing = try await User.query(on: ctx.app.db).filter(\.$username == "zhang.san").first()
            #expect(dup.body.string.contains(existing!.id!.uuidString))
        }
    }

    @Test func townshipStaffManagesOnlyItsOwnRanksAndTownship() async throws {
        try await withTestApp { ctx in
            try await ctx.makeUser("town", .townshipStaff, Codes.taohuashan)
            let t = try await ctx.token("town")
            let admin = try await ctx.api(
                .POST, "/api/v1/accounts", token: t,
                body: ctx.json(["username": "boss", "displayName": "x", "role": "city_admin", "unitCode": Codes.county]))
            #expect(admin.status == .unprocessableEntity)
            let far = try await ctx.api(
                .POST, "/api/v1/accounts", token: t,
                body: ctx.json(["username": "far", "displayName": "x", "role": "village_worker", "unitCode": Codes.tiaoguanVillage]))
            #expect(far.status == .unprocessableEntity)
            #expect(far.body.string.contains("unitCode"))
            let ok = try await ctx.api(
                .POST, "/api/v1/accounts", token: t,
                body: ctx.json(["username": "near", "displayName": "x", "role": "village_worker", "unitCode": Codes.shihuayan]))
            #expect(ok.status == .created)
            let level = try await ctx.api(
                .POST, "/api/v1/accounts", token: t,
                body: ctx.json(["username": "lvl", "displayName": "x", "role": "village_worker", "unitCode": Codes.taohuashan]))
            #expect(level.status == .unprocessableEntity)
        }
    }

    @Test func disableResetAndHandover() async throws {
        try await withTestApp { ctx in
            try await ctx.makeUser("admin", .cityAdmin, Codes.county)
            let old = try await ctx.makeUser("cun.old", .villageWorker, Codes.shihuayan)
            let oldToken = try await ctx.token("cun.old")
            let t = try await ctx.token("admin")

            // Reset: old password stops working, the new one forces a change.
            let reset = try await ctx.api(.POST, "/api/v1/accounts/\(old.id!)/reset-password", token: t).content.decode(
                AccountWithPassword.self)
            #expect(reset.account.mustChangePassword)
            #expect(try await ctx.api(.GET, "/api/v1/me", token: oldToken).status == .unauthorized, "reset ends sessions")
            let fresh = try await ctx.token("cun.old", password: reset.oneTimePassword)
            let blocked = try await ctx.api(.GET, "/api/v1/me", token: fresh)
            #expect(blocked.status == .forbidden)
            #expect(blocked.body.string.contains("password_change_required"))
            #expect(
                try await ctx.api(
                    .POST, "/api/v1/session/password", token: fresh,
                    body: ctx.json(["current": reset.oneTimePassword, "new": "newpass2026"])
                ).status == .noContent)
            #expect(try await ctx.api(.GET, "/api/v1/me", token: fresh).status == .ok)

            // Handover: the successor gets the same role and unit; the old account is disabled and points to it.
            let h = try await ctx.api(
                .POST, "/api/v1/accounts/\(old.id!)/handover", token: t,
                body: ctx.json(["username": "cun.new", "displayName": "李四", "phone": "13900001111"]))
            #expect(h.status == .created)
            let successor = try h.content.decode(AccountWithPassword.self).account
            #expect(successor.role == "village_worker")
            #expect(successor.unitCode == Codes.shihuayan)
            let oldNow = try await User.find(old.id, on: ctx.app.db)!
            #expect(oldNow.disabled)
            #expect(oldNow.successorID?.uuidString == successor.id)
            #expect(try await ctx.api(.GET, "/api/v1/me", token: fresh).status == .unauthorized)
            let login = try await ctx.api(
                .POST, "/api/v1/session", token: nil, body: ctx.json(["username": "cun.old", "password": "newpass2026"]))
            #expect(login.status == .unauthorized)

            // Enable again, then disable through the page.
            #expect(try await ctx.api(.POST, "/api/v1/accounts/\(old.id!)/enable", token: t).status == .ok)
            var b = Browser(ctx)
            try await b.login("admin")
            _ = try await b.get("/accounts/\(old.id!)")
            #expect(try await b.post("/accounts/\(old.id!)/disable", [:]).status == .seeOther)
            #expect(try await User.find(old.id, on: ctx.app.db)!.disabled)
        }
    }

    @Test func lockoutAfterFiveFailuresFor15Minutes() async throws {
        try await withTestApp { ctx in
            try await ctx.makeUser("cun", .villageWorker, Codes.shihuayan)
            var statuses: [UInt] = []
            for _ in 1...5 {
                let r = try await ctx.api(.POST, "/api/v1/session", token: nil, body: ctx.json(["username": "cun", "password": "wrong"]))
                statuses.append(r.status.code)
            }
            #expect(statuses == [401, 401, 401, 401, 423])
            let right = try await ctx.api(
                .POST, "/api/v1/session", token: nil, body: ctx.json(["username": "cun", "password": ctx.password("cun")]))
            #expect(right.status.code == 423)
            #expect(right.body.string.contains("\"code\":\"locked\""))
            var b = Browser(ctx)
            #expect(try await b.login("cun").status.code == 423)
            ctx.clock.advance(by: 14 * 60)
            #expect(
                try await ctx.api(
                    .POST, "/api/v1/session", token: nil, body: ctx.json(["username": "cun", "password": ctx.password("cun")])
                ).status.code == 423)
            ctx.clock.advance(by: 61)
            #expect(
                try await ctx.api(
                    .POST, "/api/v1/session", token: nil, body: ctx.json(["username": "cun", "password": ctx.password("cun")])
                ).status == .created)
            #expect(try await ctx.auditCount(AuditAction.locked) == 1)
        }
    }

    @Test func sessionsExpireAfter30IdleMinutes() async throws {
        try await withTestApp { ctx in
            try await ctx.makeUser("cun", .villageWorker, Codes.shihuayan)
            let t = try await ctx.token("cun")
            ctx.clock.advance(by: 29 * 60)
            #expect(try await ctx.api(.GET, "/api/v1/me", token: t).status == .ok)
            ctx.clock.advance(by: 29 * 60)
            #expect(try await ctx.api(.GET, "/api/v1/me", token: t).status == .ok, "activity keeps a session alive")
            ctx.clock.advance(by: 31 * 60)
            #expect(try await ctx.api(.GET, "/api/v1/me", token: t).status == .unauthorized)

            var b = Browser(ctx)
            try await b.login("cun")
            #expect(try await b.get("/").status == .ok)
            ctx.clock.advance(by: 31 * 60)
            let r = try await b.get("/units")
            #expect(r.status == .seeOther)
            #expect(r.headers.first(name: .location)?.hasPrefix("/login") == true)
        }
    }

    @Test func formPostedAfterExpiryIsKeptAndCompletedAfterLogin() async throws {
        try await withTestApp { ctx in
            try await ctx.makeUser("admin", .cityAdmin, Codes.county)
            var b = Browser(ctx)
            try await b.login("admin")
            _ = try await b.get("/accounts/new")
            ctx.clock.advance(by: 31 * 60)
            let late = try await b.post(
                "/accounts/new",
                ["username": "kept.user", "displayName": "王五", "role": "volunteer", "unitCode": Codes.shihuayan, "phone": ""])
            #expect(late.status == .seeOther)
            let loc = try #require(late.headers.first(name: .location))
            #expect(loc.hasPrefix("/login?kept="))
            #expect(try await User.query(on: ctx.app.db).filter(\.$username == "kept.user").count() == 0)
            let keptID = String(loc.dropFirst("/login?kept=".count))
            let page = try await b.get(loc)
            #expect(page.body.string.contains("您刚才填写的内容已保存"))

            let signedIn = try await b.login("admin", extra: ["kept": keptID])
            let resumeURL = try #require(signedIn.headers.first(name: .location))
            #expect(resumeURL.hasPrefix("/resume?id="))
            let resume = try await b.get(resumeURL)
            let html = resume.body.string
            #expect(html.contains("data-autosubmit"))
            #expect(html.contains("value=\"kept.user\""))
            #expect(html.contains("value=\"王五\""))
            // What the browser's script does: post the kept fields with the fresh token.
            let done = try await b.post(
                "/accounts/new",
                ["username": "kept.user", "displayName": "王五", "role": "volunteer", "unitCode": Codes.shihuayan, "phone": ""])
            #expect(done.status == .ok)
            #expect(try await User.query(on: ctx.app.db).filter(\.$username == "kept.user").count() == 1)
            #expect(try await PendingForm.query(on: ctx.app.db).count() == 0, "a kept form is used once")

            // Someone else signing in does not get it.
            try await ctx.makeUser("other", .cityAdmin, Codes.county)
            var c = Browser(ctx)
            try await c.login("admin")
            _ = try await c.get("/accounts/new")
            ctx.clock.advance(by: 31 * 60)
            let late2 = try await c.post(
                "/accounts/new", ["username": "kept.two", "displayName": "x", "role": "volunteer", "unitCode": Codes.shihuayan])
            let id2 = String(late2.headers.first(name: .location)!.dropFirst("/login?kept=".count))
            var d = Browser(ctx)
            let other = try await d.login("other", extra: ["kept": id2])
            #expect(other.headers.first(name: .location) == "/")
        }
    }

    @Test func formsWithoutTheCSRFTokenAreRefused() async throws {
        try await withTestApp { ctx in
            try await ctx.makeUser("admin", .cityAdmin, Codes.county)
            var b = Browser(ctx)
            try await b.login("admin")
            let r = try await b.post(
                "/accounts/new",
                ["username": "csrf.user", "displayName": "x", "role": "volunteer", "unitCode": Codes.shihuayan, "_csrf": "forged"])
            #expect(r.status == .forbidden)
            #expect(r.body.string.contains("表单已失效"))
            #expect(try await User.query(on: ctx.app.db).filter(\.$username == "csrf.user").count() == 0)
            // The login form has its own token (double-submit cookie).
            var c = Browser(ctx)
            let noPre = try await c.post("/login", ["username": "admin", "password": ctx.password("admin")], withCSRF: false)
            #expect(noPre.status == .forbidden)
            // Every form on a page carries the token.
            let page = try await b.get("/accounts/new")
            let forms = page.body.string.components(separatedBy: "method=\"post\"").count - 1
            let tokens = page.body.string.components(separatedBy: "name=\"_csrf\"").count - 1
            #expect(forms >= 2)
            #expect(tokens == forms)
        }
    }

    @Test func cliCreatesAccountsAndVerifiesTheTrail() async throws {
        try await withTestApp { ctx in
            let pw = try await Admin.createUser(
                ctx.app, username: "cli.user", role: "township_staff", unit: Codes.taohuashan, displayName: "命令行", phone: nil)
            #expect(pw.count == TemporaryPassword.length)
            let u = try #require(try await User.query(on: ctx.app.db).filter(\.$username == "cli.user").first())
            #expect(u.mustChangePassword && u.role == .townshipStaff)
            #expect(
                try await ctx.api(.POST, "/api/v1/session", token: nil, body: ctx.json(["username": "cli.user", "password": pw])).status
                    == .created)
            await #expect(throws: CLIError.self) {
                _ = try await Admin.createUser(
                    ctx.app, username: "cli.user", role: "township_staff", unit: Codes.taohuashan, displayName: nil, phone: nil)
            }
            await #expect(throws: CLIError.self) {
                _ = try await Admin.createUser(
                    ctx.app, username: "cli.bad", role: "mayor", unit: Codes.taohuashan, displayName: nil, phone: nil)
            }
            let created = try await AuditEntry.query(on: ctx.app.db).filter(\.$action == AuditAction.create.rawValue).filter(
                \.$actorName == "cli"
            )
            .count()
            #expect(created == 1)
            #expect(try await Admin.verifyAudit(ctx.app).ok)
        }
    }
}

@Suite struct SmallCSVTests {
    /// The units and accounts lists come out of the spreadsheet writer: a BOM, a header row, and a name that starts
    /// like a formula kept from being one.
    @Test func smallListsAreWrittenAsTheFileWriterWritesThem() async throws {
        try await withTestApp { ctx in
            try await ctx.makeUser("admin", .cityAdmin, Codes.county)
            let odd = try await ctx.makeUser("cun", .villageWorker, Codes.shihuayan)
            odd.displayName = "=cmd"
            try await odd.save(on: ctx.app.db)
            let t = try await ctx.token("admin")
            let accounts = try await ctx.api(.GET, "/api/v1/accounts/export", token: t)
            #expect(accounts.status == .ok)
            let text = accounts.body.string
            #expect(text.hasPrefix("\u{FEFF}") && text.contains("\r\n"))
            #expect(text.contains("'=cmd") && !text.contains(",=cmd"), "\(text)")
            var b = Browser(ctx)
            try await b.login("admin")
            let units = try await b.get("/units.csv?unit=\(Codes.taohuashan)")
            #expect(
                units.status == .ok && units.body.string.hasPrefix("\u{FEFF}") && units.body.string.contains("石华堰村"),
                "\(units.body.string.prefix(200))")
        }
    }
}
