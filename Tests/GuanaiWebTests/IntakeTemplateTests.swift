import Testing
import Foundation
import Fluent
import VaporTesting
import GuanaiCore
import GuanaiSheets
@testable import GuanaiWeb

@Suite struct IntakeTemplateTests {
    /// The template: headers, an example row with its ID numbers as text, and 表格说明 listing the words understood.
    @Test func theTemplateHasTheHeadersAnExampleAndTheWords() async throws {
        try await withTestApp { ctx in
            try await ctx.makeUser("town", .townshipStaff, Codes.taohuashan)
            var b = Browser(ctx)
            try await b.login("town")
            let page = try await b.get("/imports/new?kind=children").body.string
            #expect(
                page.contains("/imports/template?kind=children") && page.contains("/imports/template?kind=women")
                    && page.contains("/imports/template?kind=households"))
            #expect(try await b.get("/imports/template?kind=nonsense").status == .notFound)
            for kind in ["children", "women", "households"] {
                let res = try await b.get("/imports/template?kind=\(kind)")
                #expect(res.status == .ok && res.headers.contentType == IntakePagesController.xlsxType, "\(kind)")
                let file = FileManager.default.temporaryDirectory.appendingPathComponent("t-\(UUID().uuidString).xlsx")
                defer { try? FileManager.default.removeItem(at: file) }
                try Data(res.body.readableBytesView).write(to: file)
                let reader = try SheetReader.open(file)
                #expect(reader.sheetNames == ["台账", "表格说明"], "\(reader.sheetNames)")
                var rows: [SheetRow] = []
                try reader.forEachRow { rows.append($0) }
                #expect(rows.count == 2)
                let k = try #require(IntakeKind(rawValue: kind))
                let headers = rows[0].cells.map { Normalize.text($0) ?? "" }
                #expect(headers == IntakeTemplate.columns(k).map { Normalize.text($0.names[0]) })
                // ID numbers are text cells, all 18 digits, with a valid check digit.
                let idColumn = try #require(IntakeTemplate.columns(k).firstIndex { $0.kind == .idNumber })
                guard case .text(let id) = rows[1].cells[idColumn] else {
                    Issue.record("ID not stored as text: \(rows[1].cells[idColumn])"); continue
                }
                #expect((try? IDNumber(id)) != nil)
                var words: [String] = []
                try SheetReader.open(file, sheet: "表格说明").forEachRow {
                    words.append($0.cells.compactMap { Normalize.text($0) }.joined(separator: " "))
                }
                let all = words.joined(separator: "\n")
                if kind == "children" {
                    for w in ["哥哥", "邻居", "姥爷", "体弱", "外出务工（广东深圳）", "68周岁", "母亲", "监护人年龄"] {
                        #expect(all.contains(Normalize.text(w)), "\(w)")
                    }
                }
            }
        }
    }
}
