import Testing
import Foundation
import Fluent
import Vapor
import VaporTesting
import GuanaiCore
@testable import GuanaiWeb

/// Photos on a visit, and the printable 走访记录表.
@Suite(.serialized) struct VisitPhotoTests {
    /// The smallest bytes each sniffer accepts: headers only, enough for the type check.
    static let jpeg = Data([0xFF, 0xD8, 0xFF, 0xE0] + Array(repeating: 0x11, count: 60))
    static let png = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + Array(repeating: 0x22, count: 60))

    static func child(_ ctx: TestContext, _ token: String) async throws -> ChildDTO {
        var body = ChildBody()
        body.idNumber = Synthetic.id(2016, 4, 9, order: 122)
        let res = try await ctx.api(.POST, "/api/v1/children", token: token, body: ctx.json(body))
        #expect(res.status == .created, "\(res.body.string)")
        return try res.content.decode(ChildDTO.self)
    }

    @Test func photosByAPIAreScopedCheckedAndAudited() async throws {
        try await withTestApp { ctx in
            try await ctx.makeUser("cun", .villageWorker, Codes.shihuayan)
            try await ctx.makeUser("other", .villageWorker, Codes.xiaoshiqiao)
            let t = try await ctx.token("cun")
            let c = try await Self.child(ctx, t)
            let v = try await ctx.api(
                .POST, "/api/v1/children/\(c.id)/visits", token: t,
                body: ctx.json(VisitInput(mode: "home", checklist: ["warmth": "ok"], notes: ""))
            ).content.decode(VisitDTO.self)
            #expect(v.photos.isEmpty)

            func send(_ data: Data, token: String = t) async throws -> TestingHTTPResponse {
                try await ctx.app.testing().sendRequest(
                    .POST, "/api/v1/visits/\(v.id)/photos", headers: ["Authorization": "Bearer \(token)", "Content-Type": "image/jpeg"],
                    body: ByteBuffer(data: data))
            }
            let first = try await send(Self.jpeg)
            #expect(first.status == .created, "\(first.body.string)")
            #expect(try first.content.decode(VisitDTO.self).photos == ["/api/v1/visits/\(v.id)/photos/1"])
            // Not an image: refused with the field named, whatever the header claimed.
            let text = try await send(Data("hello".utf8))
            #expect(text.status == .unprocessableEntity && text.body.string.contains("photos"))
            #expect(try await send(Self.png).status == .created)
            #expect(try await send(Self.jpeg).status == .created)
            let fourth = try await send(Self.jpeg)
            #expect(fourth.status == .unprocessableEntity && fourth.body.string.contains("3"), "three per visit")
            // Another village's worker cannot add to it or see it.
            let o = try await ctx.token("other")
            #expect(try await send(Self.jpeg, token: o).status == .notFound)
            #expect(try await ctx.api(.GET, "/api/v1/visits/\(v.id)/photos/1", token: o).status == .notFound)

            let img = try await ctx.api(.GET, "/api/v1/visits/\(v.id)/photos/2", token: t)
            #expect(img.status == .ok && img.headers.contentType == HTTPMediaType(type: "image", subType: "png"))
            #expect(Data(buffer: img.body) == Self.png)
            #expect(img.headers.first(name: "X-Content-Type-Options") == "nosniff")
            #expect(try await ctx.auditCount(AuditAction.view, recordID: "\(v.id)/2") == 1)
            #expect(try await ctx.api(.GET, "/api/v1/visits/\(v.id)/photos/9", token: t).status == .notFound)
        }
    }

    @Test func theVisitFormTakesPhotosAndKeepsWhatWasTypedOnAnError() async throws {
        try await withTestApp { ctx in
            try await ctx.makeUser("cun", .villageWorker, Codes.shihuayan)
            let c = try await Self.child(ctx, try await ctx.token("cun"))
            var b = Browser(ctx)
            try await b.login("cun")
            _ = try await b.get("/children/\(c.id)/visit")
            // A concern without notes and a file that is not a photo: both named, the choices kept.
            let bad = try await b.postMultipart(
                "/children/\(c.id)/visit", ["mode": "phone", "check.warmth": "concern", "notes": ""],
                files: [(field: "photos", filename: "说明.txt", type: "text/plain", data: Data("x".utf8))])
            #expect(bad.status == .unprocessableEntity)
            let page = bad.body.string
            #expect(page.contains("请写情况说明") && page.contains("“说明.txt”不是照片"))
            #expect(page.contains("value=\"phone\" checked") && page.contains("name=\"check.warmth\" value=\"concern\" checked"))
            #expect(try await Visit.query(on: ctx.app.db).count() == 0)

            let ok = try await b.postMultipart(
                "/children/\(c.id)/visit", ["mode": "home", "check.warmth": "concern", "notes": "炉子坏了，已联系村里修"],
                files: [
                    (field: "photos", filename: "stove.jpg", type: "image/jpeg", data: Self.jpeg),
                    (field: "photos", filename: "", type: "application/octet-stream", data: Data()),
                ])
            #expect(ok.status == .seeOther, "\(ok.body.string)")
            let v = try #require(try await Visit.query(on: ctx.app.db).first())
            #expect(v.photos == 1 && v.notes == "炉子坏了，已联系村里修")
            let shown = try await b.get("/children/\(c.id)")
            #expect(shown.body.string.contains("/visits/\(v.id!.uuidString)/photos/1"))
            let photo = try await b.get("/visits/\(v.id!.uuidString)/photos/1")
            #expect(photo.status == .ok && Data(buffer: photo.body) == Self.jpeg)

            // 走访记录表: the visit, blank rows to fill in by hand, and the export audited.
            let sheet = try await b.get("/children/\(c.id)/visits/print")
            #expect(sheet.status == .ok)
            let html = sheet.body.string
            #expect(html.contains("走访记录表") && html.contains("炉子坏了") && html.contains("×（有问题）"))
            #expect(html.components(separatedBy: "class=\"blank noscreen\"").count - 1 == SafetyViews.blankRows)
            #expect(try await ctx.auditCount(AuditAction.export, recordID: c.id) == 1)
        }
    }
}
