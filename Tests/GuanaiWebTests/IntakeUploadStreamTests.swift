import Testing
import Foundation
import Fluent
import NIOCore
import Vapor
import VaporTesting
import GuanaiCore
@testable import GuanaiWeb

/// Issue 15, an upload's memory: the import's upload is read as it arrives, its file written to the work folder a
/// chunk at a time; the CSRF token must come before the file, or the file is never written; the upload limit is
/// enforced while reading; pages about an upload do not load its file.
@Suite(.serialized) struct IntakeUploadStreamTests {
    static let csv = Data(("姓名,身份证号,性别,出生日期\n" + (0..<4_000).map { "测试\($0),,女,2015-03-0\($0 % 9 + 1)\n" }.joined()).utf8)

    /// A multipart body as a browser sends it, the fields in the order given (a browser keeps the form's order).
    static func body(_ parts: [(name: String, value: String)], file: Data?, fileFirst: Bool = false, boundary: String) -> ByteBuffer {
        var out = Data()
        func filePart() {
            guard let file else { return }
            out.append(
                Data(
                    "--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"台账.csv\"\r\nContent-Type: text/csv\r\n\r\n"
                        .utf8))
            out.append(file)
            out.append(Data("\r\n".utf8))
        }
        if fileFirst { filePart() }
        for (k, v) in parts { out.append(Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(k)\"\r\n\r\n\(v)\r\n".utf8)) }
        if !fileFirst { filePart() }
        out.append(Data("--\(boundary)--\r\n".utf8))
        return ByteBuffer(data: out)
    }

    static func post(
        _ b: inout Browser, _ parts: [(name: String, value: String)], file: Data?, fileFirst: Bool = false, running: Bool = false
    ) async throws -> TestingHTTPResponse {
        let boundary = "----guanai\(UUID().uuidString)"
        let tester = try b.ctx.app.testing(method: running ? .running(port: 0) : .inMemory)
        let res = try await tester.sendRequest(
            .POST, "/imports/new", headers: ["Cookie": b.cookieHeader, "Content-Type": "multipart/form-data; boundary=\(boundary)"],
            body: body(parts, file: file, fileFirst: fileFirst, boundary: boundary))
        b.absorb(res)
        return res
    }

    static func workFiles(_ ctx: TestContext) -> [String] {
        (try? FileManager.default.contentsOfDirectory(atPath: ctx.app.workDir.mine.path)) ?? []
    }

    @Test func theParserWritesAFileAsItArrivesAndKeepsTheFields() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("guanai-stream-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let work = try WorkDir.prepare(root: root)
        let file = Data((0..<3_000_000).map { UInt8(truncatingIfNeeded: $0 &* 31) })
        let whole = Self.body([("_csrf", "t"), ("kind", "children")], file: file, boundary: "b0undary")
        let stream = MultipartStream(boundary: "b0undary", work: work, maxTotal: 4_000_000, maxFields: 1_000) { $0["_csrf"]?.last == "t" }
        var rest = whole
        while let chunk = rest.readSlice(length: min(1_000, rest.readableBytes)), chunk.readableBytes > 0 { try stream.feed(chunk) }
        let form = try stream.finish()
        #expect(form.fields["kind"] == ["children"] && form.fields["_csrf"] == ["t"])
        let up = try #require(form.files.first)
        guard case .file(let url) = up.content else { Issue.record("kept in memory"); return }
        let onDisk = try Data(contentsOf: url)
        #expect(up.size == file.count && onDisk == file)

        // Over the bound while reading: refused, and what was written so far is gone.
        let small = MultipartStream(boundary: "b0undary", work: work, maxTotal: 1_000_000, maxFields: 1_000)
        var again = whole
        var refused = false
        do {
            while let chunk = again.readSlice(length: min(64_000, again.readableBytes)), chunk.readableBytes > 0 { try small.feed(chunk) }
        } catch MultipartStream.Refusal.tooLarge { refused = true }
        #expect(refused)
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: work.mine.path) == [url.lastPathComponent],
            "only the first stream's file is left")

        // Fields past their own bound are refused too: they are kept in memory.
        let chatty = MultipartStream(boundary: "b0undary", work: work, maxTotal: 4_000_000, maxFields: 100)
        #expect(throws: MultipartStream.Refusal.tooLarge) {
            try chatty.feed(Self.body([("notes", String(repeating: "a", count: 500))], file: nil, boundary: "b0undary"))
        }
    }

    @Test func aFileBeforeTheTokenOrWithoutItIsNeverWritten() async throws {
        try await withTestApp { ctx in
            try await ctx.makeUser("town", .townshipStaff, Codes.taohuashan)
            var b = Browser(ctx)
            try await b.login("town")
            _ = try await b.get("/imports/new?kind=children")
            let fields = [("kind", "children"), ("unit", Codes.taohuashan)]
            let missing = try await Self.post(&b, fields, file: Self.csv)
            #expect(missing.status == .forbidden)
            let wrong = try await Self.post(&b, [("_csrf", "forged")] + fields, file: Self.csv)
            #expect(wrong.status == .forbidden)
            // The right token, but after the file: the file was read before anything said the form was ours.
            let late = try await Self.post(&b, [("_csrf", b.csrf)] + fields, file: Self.csv, fileFirst: true)
            #expect(late.status == .forbidden)
            #expect(try await IntakeUpload.query(on: ctx.app.db).count() == 0)
            #expect(Self.workFiles(ctx).isEmpty)
        }
    }

    @Test func anUploadOverTheLimitIsRefusedAndNothingKept() async throws {
        try await withTestApp { ctx in
            try await ctx.makeUser("town", .townshipStaff, Codes.taohuashan)
            var b = Browser(ctx)
            try await b.login("town")
            _ = try await b.get("/imports/new?kind=children")
            ctx.app.guanai.maxUploadSize = "50kb"
            let fields = [("_csrf", b.csrf), ("kind", "children"), ("unit", Codes.taohuashan)]
            let big = try await Self.post(&b, fields, file: Self.csv)
            #expect(big.status == .payloadTooLarge && big.body.string.contains("提交的内容太大"))
            let streamed = try await Self.post(&b, fields, file: Self.csv, running: true)
            #expect(streamed.status == .payloadTooLarge)
            #expect(try await IntakeUpload.query(on: ctx.app.db).count() == 0)
            #expect(Self.workFiles(ctx).isEmpty)
        }
    }

    @Test func anHonestUploadIsStreamedStoredAndPreviewed() async throws {
        try await withTestApp { ctx in
            try await ctx.makeUser("town", .townshipStaff, Codes.taohuashan)
            var b = Browser(ctx)
            try await b.login("town")
            _ = try await b.get("/imports/new?kind=children")
            // Over a socket, so the body reaches the route in pieces; 64 KB is the tests' `maxBodySize`.
            #expect(Self.csv.count > 64 * 1024)
            // The client follows the redirect: the answer is the preview's page, which reloads itself until it is done.
            let checking = try await Self.post(
                &b, [("_csrf", b.csrf), ("kind", "children"), ("unit", Codes.shihuayan)], file: Self.csv, running: true)
            #expect(checking.status == .ok && checking.headers.first(name: "Refresh") != nil)
            let u = try #require(try await IntakeUpload.query(on: ctx.app.db).first())
            let preview = try await b.getSettled(SiteURL.intake(u.recordID).path)
            #expect(preview.status == .ok && preview.body.string.contains("：4000 行"), "all 4000 rows read back from the stored file")
            #expect(Self.workFiles(ctx).isEmpty, "the work files go with their requests and runs")
            #expect(try await IntakeUpload.file(of: u.recordID, on: ctx.app.db).map { Data(buffer: $0) } == Self.csv)
            // Pages about uploads leave the file in the database.
            let recent = try await IntakeUpload.recent(by: UserID(u.userID), limit: 10, on: ctx.app.db)
            #expect(recent.count == 1 && recent[0].bytes == nil && recent[0].fileName == "台账.csv")
            #expect(try await IntakeUpload.withoutFile(u.recordID, on: ctx.app.db)?.bytes == nil)
        }
    }
}
