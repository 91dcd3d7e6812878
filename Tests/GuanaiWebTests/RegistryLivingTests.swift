import Testing
import Foundation
import Fluent
import VaporTesting
import GuanaiCore
import GuanaiSheets
@testable import GuanaiWeb

@Suite struct RegistryLivingTests {
    /// The registration form: 居住情况 left blank is derived from what was typed, not defaulted to 与委托监护人同住.
    @Test func theFormDerivesLivingFromWhatWasTyped() async throws {
        try await withTestApp { ctx in
            try await ctx.makeUser("cun", .villageWorker, Codes.shihuayan)
            var b = Browser(ctx)
            try await b.login("cun")
            let page = try await b.get("/children/new").body.string
            #expect(!page.contains("value=\"with_guardian\" selected"), "no default arrangement")
            var body = ChildBody()
            body.guardian = nil
            body.mother = ["name": "李秀英", "idNumber": Synthetic.id(1997, 8, 9, order: 222), "situation": "at_home"]
            var f = RegistryPageTests.form(body)
            f["livingArrangement"] = ""
            #expect(try await b.post("/children/new", f).status == .seeOther)
            #expect(try await LedgerWordsImportTests.child(ctx, "王小花").livingArrangement == "with_parent")

            var g = RegistryPageTests.form(ChildBody())
            g["name"] = "王小军"; g["idNumber"] = Synthetic.id(2019, 7, 7, order: 131); g["livingArrangement"] = ""
            #expect(try await b.post("/children/new", g).status == .seeOther)
            #expect(try await LedgerWordsImportTests.child(ctx, "王小军").livingArrangement == "with_guardian")

            // Nothing to derive it from (both parents away, no guardian): it must be chosen.
            var h = RegistryPageTests.form(ChildBody())
            h["name"] = "王小兰"; h["idNumber"] = Synthetic.id(2020, 2, 2, order: 142); h["livingArrangement"] = ""
            for k in ["name", "idNumber", "relation", "health", "phone"] { h["guardian." + k] = nil }
            #expect(try await b.post("/children/new", h).status == .unprocessableEntity)
        }
    }
}
