import Testing
import Foundation
import Fluent
import Vapor
import VaporTesting
import GuanaiCore
@testable import GuanaiWeb

/// Issue 15, the last part of item 1: a preview is a job its page polls, and it stops when the polling stops
/// (Vapor 4 does not tell a handler that its client left). The heartbeat is on the upload's row; the test clock
/// moves it past, and the run notices within a few checks.
@Suite(.serialized) struct IntakePreviewJobTests {
    /// A township ledger of `rows` made-up children (synthetic ID numbers, all distinct): long enough that its
    /// preview is still running when the test stops watching it.
    static func bigLedger(rows: Int) -> Data {
        var s = "序号,儿童姓名,性别,公民身份号码,出生年月,所在村,监护人,与儿童关系,父亲情况,母亲情况\n"
        let given = Array("明华丽芳强军伟静敏燕")
        for i in 0..<rows {
            let order = 100 + i % 800
            let (y, m, d) = (2012 + i / 800, 1 + i % 12, 1 + i % 28)
            let id = Synthetic.id(y, m, d, order: order)
            let name = "王" + String(given[i % 10]) + String(given[(i / 10) % 10])
            s += "\(i + 1),\(name),\(order % 2 == 1 ? "男" : "女"),\(id),\(y).\(m),石华堰村,王奶奶,奶奶,外出务工,外出务工\n"
        }
        return Data(s.utf8)
    }

    /// Waits (real time, at most `seconds`) until `done` holds.
    /// Waits for what a background run does, as long as a loaded machine may need (the whole suite on PostgreSQL
    /// beside a build); returns as soon as it is done.
    static func eventually(seconds: Double = 30, _ done: () async throws -> Bool) async throws -> Bool {
        let end = Date().addingTimeInterval(seconds)
        while Date() < end {
            if try await done() { return true }
            try await Task.sleep(nanoseconds: 25_000_000)
        }
        return try await done()
    }

    static func uploadID(_ page: String) throws -> IntakeUploadID {
        try #require(IntakeUploadID(String(page.split(separator: "/").last ?? "")))
    }

    @Test func aPreviewWhosePageIsLeftStopsAndTheReopenedPageSaysSo() async throws {
        try await withTestApp { ctx in
            ctx.app.guanai.previewCheckSeconds = 0.02
            try await ctx.makeUser("town", .townshipStaff, Codes.taohuashan)
            var b = Browser(ctx)
            try await b.login("town")
            let up = try await IntakeLimitsTests.upload(&b, Self.bigLedger(rows: 4_000), name: "大台账.csv")
            let page = try #require(up.headers.first(name: .location))
            let id = try Self.uploadID(page)

            // The upload's page answers at once: the check is running, and the page reloads itself.
            let first = try await b.get(page)
            let html = first.body.string
            #expect(first.status == .ok && first.headers.first(name: "Refresh") == "2", "\(html.prefix(400))")
            #expect(html.contains("正在检查文件") && html.contains("<meta http-equiv=\"refresh\" content=\"2\">"))
            let started = try #require(try await IntakeUpload.find(id, on: ctx.app.db))
            #expect(started.claimedUntil != nil && started.previewRecord?.stage == .running)
            #expect(started.watchedUntil == ctx.app.now.addingTimeInterval(PreviewWatch.heartbeatSeconds))

            // A poll 15 s later keeps it going past the first heartbeat.
            ctx.clock.advance(by: 15)
            #expect(try await b.get(page).body.string.contains("正在检查文件"))
            ctx.clock.advance(by: 10)
            try await Task.sleep(nanoseconds: 200_000_000)
            #expect(try await IntakeUpload.find(id, on: ctx.app.db)?.claimedUntil != nil, "still running: the poll moved the heartbeat")

            // Then the page is left: no poll for longer than the heartbeat. The run stops and gives its lease back.
            ctx.clock.advance(by: 30)
            #expect(try await Self.eventually { try await IntakeUpload.find(id, on: ctx.app.db)?.claimedUntil == nil }, "stopped")
            let stopped = try #require(try await IntakeUpload.find(id, on: ctx.app.db))
            #expect(stopped.claimedBy == nil && stopped.previewRecord?.stage == .stopped)
            #expect(try await Self.eventually { ctx.app.previewJobs.running == 0 })
            #expect(try await Child.query(on: ctx.app.db).count() == 0, "a preview writes nothing")

            // Reopened later: the page says why, once, and offers to check again; the next open runs it again.
            let reopened = try await b.get(page)
            #expect(reopened.status == .ok && reopened.headers.first(name: "Refresh") == nil)
            #expect(reopened.body.string.contains("离开了本页") && reopened.body.string.contains("重新检查"), "\(reopened.body.string)")
            let again = try await b.get(page)
            #expect(again.headers.first(name: "Refresh") == "2" && again.body.string.contains("正在检查文件"))
            #expect(try await IntakeUpload.find(id, on: ctx.app.db)?.previewRecord?.stage == .running)

            // Left again: it stops again (and the test ends quickly).
            ctx.clock.advance(by: 60)
            #expect(try await Self.eventually { try await IntakeUpload.find(id, on: ctx.app.db)?.claimedUntil == nil })
        }
    }

    /// Polled to its end, the preview shows the figures the preview showed before it was a job, and they are kept:
    /// later polls read them from the row instead of running the file again.
    @Test func aPreviewPolledToItsEndShowsTheSameFiguresAndIsNotRunAgain() async throws {
        try await withTestApp { ctx in
            try await ctx.makeUser("town", .townshipStaff, Codes.taohuashan)
            var b = Browser(ctx)
            try await b.login("town")
            let up = try await IntakeLimitsTests.upload(&b, IntakeLimitsTests.ledger, name: "桃花山镇台账.xlsx")
            let page = try #require(up.headers.first(name: .location))
            let id = try Self.uploadID(page)
            let done = try await b.getSettled(page)
            let html = done.body.string
            #expect(done.status == .ok && done.headers.first(name: "Refresh") == nil)
            #expect(html.contains("可以导入：4 行") && html.contains("有错误、不能导入：6 行") && html.contains("丢失了位数"), "\(html)")
            let u = try #require(try await IntakeUpload.find(id, on: ctx.app.db))
            let record = try #require(u.previewRecord)
            #expect(record.stage == .done && u.claimedUntil == nil)
            #expect(record.summary?.report.accepted == 4 && record.summary?.report.rejected == 6)
            #expect((u.preview?.utf8.count ?? .max) < 64_000, "what is kept is small")
            #expect(try await Child.query(on: ctx.app.db).count() == 0, "a preview writes nothing")

            // The same figures as a dry run of the file straight through `ImportRun`.
            let unit = try #require(try await Unit.find(Codes.taohuashan, on: ctx.app.db))
            let file = IntakeLimitsTests.fixtures.appendingPathComponent("children_openpyxl.xlsx")
            var direct = ImportRun(
                kind: .children, file: file, fileName: "x.xlsx", unit: unit,
                scoped: Scoped(db: ctx.app.db, jurisdiction: Jurisdiction(root: DivisionCode(Codes.taohuashan)!)), actor: .system("test"),
                at: ctx.app.now)
            direct.dryRun = true
            let r = try await direct.run().report
            #expect(
                [r.accepted, r.duplicates, r.rejected, r.warnings]
                    == [
                        record.summary?.report.accepted, record.summary?.report.duplicates, record.summary?.report.rejected,
                        record.summary?.report.warnings,
                    ].map { $0 ?? -1 })

            // Polls after the end show the kept preview; the file is not run again (a run would claim the lease).
            let other = try await IntakeLimitsTests.upload(&b, IntakeLimitsTests.ledger, name: "另一个.xlsx")
            let otherPage = try #require(other.headers.first(name: .location))
            let otherID = try Self.uploadID(otherPage)
            let user = UserID(u.userID)
            guard
                case .claimed(let token) = try await IntakeLease.claim(
                    ctx.app.db, upload: otherID, user: user, now: ctx.app.now, seconds: 600, commit: false)
            else { Issue.record("claim failed"); return }
            let again = try await b.get(page)
            #expect(again.status == .ok && again.body.string.contains("可以导入：4 行"), "shown although the account's lease is taken")
            try await IntakeLease.release(ctx.app.db, upload: otherID, token: token)

            // A commit confirmed after the preview dies (item 7): the kept preview says so, and may be confirmed again.
            guard
                case .claimed = try await IntakeLease.claim(
                    ctx.app.db, upload: id, user: user, now: ctx.app.now, seconds: 660, commit: true)
            else { Issue.record("claim failed"); return }
            ctx.clock.advance(by: 661)
            let interrupted = try await b.get(page).body.string
            #expect(interrupted.contains("上次确认导入时处理中断了") && interrupted.contains("可以导入：4 行"), "\(interrupted)")

            // Another language is another preview (its messages are in that language).
            _ = try await b.get("/lang/en?back=/")
            let english = try await b.getSettled(page)
            #expect(english.body.string.contains("lost digits"), "\(english.body.string.prefix(600))")
        }
    }
}
