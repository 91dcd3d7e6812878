import Testing
import Foundation
import Fluent
import Vapor
import VaporTesting
import GuanaiCore
import GuanaiSheets
@testable import GuanaiWeb

/// Issue 15, items 1 and 7 on the pages and the CLI: a file over a limit is refused with words naming the limit;
/// imports run one per account (a lease in `intake_uploads`) and a few per instance (429); a commit whose process
/// died can be confirmed again, and the page says so.
@Suite(.serialized) struct IntakeLimitsTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/intake")
    static let ledger = { try! Data(contentsOf: fixtures.appendingPathComponent("children_openpyxl.xlsx")) }()
    static let wideCSV = Data(("姓名,身份证号\n" + String(repeating: "a,", count: 1_000_000) + "\n").utf8)

    static func upload(_ b: inout Browser, _ data: Data, name: String) async throws -> TestingHTTPResponse {
        _ = try await b.get("/imports/new?kind=children")
        return try await b.postMultipart(
            "/imports/new", ["kind": "children", "unit": Codes.taohuashan],
            files: [(field: "file", filename: name, type: "application/octet-stream", data: data)])
    }

    @Test func aFileOverALimitIsRefusedWithTheLimitNamed() async throws {
        try await withTestApp { ctx in
            try await ctx.makeUser("town", .townshipStaff, Codes.taohuashan)
            var b = Browser(ctx)
            try await b.login("town")
            // What the zip declares is checked at upload: the upload page, with the limit in words.
            ctx.app.guanai.maxExpandedBytes = 2_000
            let declared = try await Self.upload(&b, Self.ledger, name: "台账.xlsx")
            #expect(
                declared.status == .unprocessableEntity && declared.body.string.contains("解压后") && declared.body.string.contains("2 KB"),
                "\(declared.body.string)")
            #expect(try await IntakeUpload.query(on: ctx.app.db).count() == 0)
            ctx.app.guanai.maxExpandedBytes = 200_000_000

            // What only reading finds is refused by the preview, in seconds.
            let up = try await Self.upload(&b, Self.wideCSV, name: "宽.csv")
            #expect(up.status == .seeOther)
            let page = try #require(up.headers.first(name: .location))
            let preview = try await b.getSettled(page)
            #expect(preview.status == .unprocessableEntity && preview.body.string.contains("有一行超过 16384 列"), "\(preview.body.string)")
            #expect(try await IntakeUpload.query(on: ctx.app.db).first()?.claimedUntil == nil, "the lease is given back")

            // A PNG renamed .xlsx is not a sheet.
            let png = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D] + [UInt8](repeating: 1, count: 500))
            #expect(try await Self.upload(&b, png, name: "照片.xlsx").status == .unprocessableEntity)
        }
    }

    @Test func theCLIExitsTwoOnALimit() async throws {
        try await withTestApp { ctx in
            let file = FileManager.default.temporaryDirectory.appendingPathComponent("wide-\(UUID().uuidString).csv")
            try Self.wideCSV.write(to: file)
            defer { try? FileManager.default.removeItem(at: file) }
            let out = try await IntakeCLI.importFile(
                ctx.app, kind: "children", file: file.path, unit: Codes.taohuashan, sheet: nil, dryRun: true, as: nil)
            #expect(out.exitCode == 2 && out.summary.contains("16384 列"), "\(out.summary)")
        }
    }

    /// The deadline stops the reading thread between chunks, and the importer between batches.
    @Test func aRunPastItsDeadlineStops() async throws {
        try await withTestApp { ctx in
            let unit = try #require(try await Unit.find(Codes.taohuashan, on: ctx.app.db))
            for file in ["children_openpyxl.xlsx", "children_gb18030.csv"] {
                var r = ImportRun(
                    kind: .children, file: Self.fixtures.appendingPathComponent(file), fileName: file, unit: unit,
                    scoped: Scoped(db: ctx.app.db, jurisdiction: Jurisdiction(root: DivisionCode(Codes.taohuashan)!)),
                    actor: .system("test"), at: ctx.app.now)
                r.deadline = Date().addingTimeInterval(-1)
                do {
                    _ = try await r.run()
                    Issue.record("\(file): the run should have stopped")
                } catch let e as IntakeFileError {
                    #expect(e.key == "intake.error.deadline", "\(file)")
                }
            }
            #expect(try await Child.query(on: ctx.app.db).count() == 0)
        }
    }

    @Test func oneImportPerAccountAndAFewPerInstance() async throws {
        try await withTestApp { ctx in
            try await ctx.makeUser("town", .townshipStaff, Codes.taohuashan)
            var b = Browser(ctx)
            try await b.login("town")
            let first = try #require(try await Self.upload(&b, Self.ledger, name: "一.xlsx").headers.first(name: .location))
            let second = try #require(try await Self.upload(&b, Self.ledger, name: "二.xlsx").headers.first(name: .location))
            let third = try #require(try await Self.upload(&b, Self.ledger, name: "三.xlsx").headers.first(name: .location))
            let uploads = try await IntakeUpload.query(on: ctx.app.db).sort(\.$createdAt).all()
            let user = UserID(uploads[0].userID)

            // Another instance runs the first upload's preview: the second waits, and is told why.
            let held = try await IntakeLease.claim(
                ctx.app.db, upload: uploads[0].recordID, user: user, now: ctx.app.now, seconds: 600, commit: false)
            guard case .claimed(let token) = held else { Issue.record("claim failed"); return }
            let busy = try await b.get(second)
            #expect(busy.status == .conflict && busy.body.string.contains("您有一个导入正在进行"), "\(busy.body.string)")
            #expect(try await b.get(first).status == .conflict, "the same upload from another tab waits too")
            try await IntakeLease.release(ctx.app.db, upload: uploads[0].recordID, token: token)
            #expect(try await b.get(second).status == .ok)
            #expect(try await b.getSettled(second).status == .ok, "the preview runs to its end")

            // A lease whose process died lapses: the account is free again after it.
            guard
                case .claimed = try await IntakeLease.claim(
                    ctx.app.db, upload: uploads[0].recordID, user: user, now: ctx.app.now, seconds: 600, commit: false)
            else { Issue.record("claim failed"); return }
            #expect(try await b.get(third).status == .conflict)
            ctx.clock.advance(by: 601)
            #expect(try await b.getSettled(third).status == .ok)

            // Every slot of this instance taken: 429.
            let slots = ImportSlots(capacity: 1)
            ctx.app.storage[ImportSlotsKey.self] = slots
            #expect(slots.tryAcquire())
            let full = try await b.get(first)
            #expect(full.status == .tooManyRequests && full.body.string.contains("现在导入的人较多"))
            slots.release()
            #expect(try await b.get(first).status == .ok)
            #expect(try await b.getSettled(first).status == .ok)
        }
    }

    /// Item 7: before, a commit killed mid-way left the upload `committing` for ever and the button did nothing.
    @Test func aCommitWhoseLeaseLapsedCanBeConfirmedAgain() async throws {
        try await withTestApp { ctx in
            try await ctx.makeUser("town", .townshipStaff, Codes.taohuashan)
            var b = Browser(ctx)
            try await b.login("town")
            let page = try #require(try await Self.upload(&b, Self.ledger, name: "台账.xlsx").headers.first(name: .location))
            let u = try #require(try await IntakeUpload.query(on: ctx.app.db).first())
            // A commit is running (another instance holds the lease): the page says so, a second press waits.
            guard
                case .claimed = try await IntakeLease.claim(
                    ctx.app.db, upload: u.recordID, user: UserID(u.userID), now: ctx.app.now, seconds: 660, commit: true)
            else {
                Issue.record("claim failed"); return
            }
            let running = try await b.get(page)
            #expect(running.status == .ok && running.body.string.contains("正在写入这个文件的数据"), "\(running.body.string)")
            #expect(try await b.post(page + "/commit", [:]).status == .conflict)
            #expect(try await Child.query(on: ctx.app.db).count() == 0)

            // Its process was killed: the transaction rolled back, the lease lapses. The page says what happened
            // and the button works.
            ctx.clock.advance(by: 661)
            let again = try await b.getSettled(page)
            #expect(
                again.status == .ok && again.body.string.contains("上次确认导入时处理中断了") && again.body.string.contains("可以导入：4 行"),
                "\(again.body.string)")
            #expect(try await b.post(page + "/commit", [:]).status == .seeOther)
            #expect(try await Child.query(on: ctx.app.db).count() == 4)
            let done = try #require(try await IntakeUpload.find(u.id, on: ctx.app.db))
            #expect(done.status == .committed && done.claimedUntil == nil && done.claimedBy == nil)
        }
    }
}
