import Testing
import VaporTesting
import Fluent
import SQLKit
import GuanaiCore
@testable import GuanaiWeb

@Suite struct AuditTests {
    /// The trail's changes are written by hand for speed; they must read exactly as JSONEncoder would write them.
    @Test func handWrittenChangesMatchTheEncoder() {
        let odd = "引号\"反斜杠\\ 斜杠/ 换行\n回车\r制表\t退格\u{08}换页\u{0C}单元\u{1F}空\u{00}删除\u{7F} 𠀀 é"
        let events = [
            AuditEvent(
                AuditAction.create, .child, "x",
                fields: AuditLog.created(["name": odd, "Zeta": "1", "alpha": "", "fatherId": "a", "fatherSince": "b", "father": "c"])),
            AuditEvent(
                AuditAction.update, .person, "y",
                fields: [
                    "health": FieldChange(before: "healthy", after: nil), "phone": FieldChange(before: nil, after: nil),
                    "b": FieldChange(before: odd, after: odd),
                ],
                detail: ["by": "classification", "文件": odd, "A": "", "a": "x"]),
            AuditEvent(AuditAction.view, .child, "z"),
        ]
        for e in events { #expect(AuditLog.encodeChanges(e) == AuditLog.encodeChangesWithEncoder(e)) }
    }

    @Test func everyKindOfActionIsRecorded() async throws {
        try await withTestApp { ctx in
            try await ctx.makeUser("admin", .cityAdmin, Codes.county)
            let target = try await ctx.makeUser("cun", .villageWorker, Codes.shihuayan, phone: "13912345678")
            _ = try await ctx.api(.POST, "/api/v1/session", token: nil, body: ctx.json(["username": "admin", "password": "nope"]))
            _ = try await ctx.api(.POST, "/api/v1/session", token: nil, body: ctx.json(["username": "ghost", "password": "nope"]))
            let t = try await ctx.token("admin")
            _ = try await ctx.api(.GET, "/api/v1/accounts/\(target.id!)", token: t)
            let reveal = try await ctx.api(.POST, "/api/v1/accounts/\(target.id!)/reveal-phone", token: t)
            #expect(reveal.body.string.contains("13912345678"))
            _ = try await ctx.api(.GET, "/api/v1/accounts/export", token: t)
            _ = try await ctx.api(.POST, "/api/v1/accounts/\(target.id!)/disable", token: t)
            _ = try await ctx.api(.DELETE, "/api/v1/session", token: t)

            for action in [
                AuditAction.login, AuditAction.loginFailed, AuditAction.logout, AuditAction.create, AuditAction.update, AuditAction.view,
                AuditAction.reveal, AuditAction.export, AuditAction.import,
            ] {
                #expect(try await ctx.auditCount(action) >= 1, "no \(action) entry")
            }
            // Field-level before/after for the update, who and from where.
            let upd = try await AuditEntry.query(on: ctx.app.db).filter(\.$action == AuditAction.update.rawValue).filter(
                \.$recordID == target.id!.uuidString
            ).first()
            let u = try #require(upd)
            #expect(u.changes.contains("\"disabled\":{\"after\":\"true\",\"before\":\"false\"}"))
            #expect(u.actorName == "admin")
            #expect(!u.ip.isEmpty)
            #expect(u.unitCode == Codes.shihuayan)
            // Lists never carry the full phone; only the reveal does.
            let list = try await ctx.api(.GET, "/api/v1/accounts", token: try await ctx.token("admin"))
            #expect(!list.body.string.contains("13912345678"))
            #expect(list.body.string.contains("139****5678"))
            #expect(try await HistoryWordsTests.trailLeaks(ctx) == [], "the trail reads in words")
        }
    }

    @Test func databaseRefusesUpdateAndDeleteOfTheTrail() async throws {
        try await withTestApp { ctx in
            let sql = ctx.app.db.sql
            let before = try await AuditEntry.query(on: ctx.app.db).count()
            #expect(before >= 1)
            await #expect(throws: (any Error).self) { try await sql.raw("UPDATE audit_log SET actor_name = 'x'").run() }
            await #expect(throws: (any Error).self) { try await sql.raw("DELETE FROM audit_log").run() }
            let altered = try await AuditEntry.query(on: ctx.app.db).filter(\.$actorName == "x").count()
            #expect(altered == 0)
        }
    }

    @Test func verifyFindsATamperedRow() async throws {
        try await withTestApp { ctx in
            try await ctx.makeUser("admin", .cityAdmin, Codes.county)
            for _ in 0..<3 { _ = try await ctx.token("admin") }
            let ok = try await AuditLog.verify(on: ctx.app.db)
            #expect(ok.ok)
            #expect(ok.checked == (try await AuditEntry.query(on: ctx.app.db).count()))
            // Someone with database rights drops the trigger and edits an entry.
            let sql = ctx.app.db.sql
            if ctx.isPostgres {
                try await sql.raw("DROP TRIGGER audit_log_no_update ON audit_log").run()
            } else {
                try await sql.raw("DROP TRIGGER audit_log_no_update").run()
            }
            try await sql.raw("UPDATE audit_log SET ip = '10.0.0.9' WHERE seq = 3").run()
            let bad = try await AuditLog.verify(on: ctx.app.db)
            #expect(!bad.ok)
            #expect(bad.firstBroken == 3)
        }
    }

    @Test func auditPagesSearchAndHistory() async throws {
        try await withTestApp { ctx in
            try await ctx.makeUser("admin", .cityAdmin, Codes.county)
            let target = try await ctx.makeUser("cun", .villageWorker, Codes.shihuayan)
            var b = Browser(ctx)
            try await b.login("admin")
            _ = try await b.get("/accounts/\(target.id!)")
            let search = try await b.get("/audit?action=view&user=admin")
            #expect(search.status == .ok)
            #expect(search.body.string.contains(String(target.id!.uuidString.prefix(12))))
            let history = try await b.get("/history/account/\(target.id!)")
            #expect(history.status == .ok)
            #expect(history.body.string.contains("查看"))
            #expect(history.body.string.contains("新建"))
            var c = Browser(ctx)
            try await ctx.makeUser("cun2", .villageWorker, Codes.shihuayan)
            try await c.login("cun2")
            #expect(try await c.get("/audit").status == .forbidden)
        }
    }
}
