import Foundation
import Testing
import GuanaiSheets

/// A workbook of more than one sheet (the import template and its 表格说明): each sheet reads back by name, the first
/// stays the one an import reads.
@Suite("Writer, further sheets")
struct WriterSheetsTests {
    @Test("addSheet writes a second sheet after the first")
    func twoSheets() throws {
        let url = temporaryURL("two-sheets.xlsx")
        let w = try XLSXWriter(url: url, sheetName: "台账")
        try w.setColumns([.init(header: "姓名"), .init(header: "身份证号码", width: 21, kind: .text)])
        try w.append([.text("测试甲"), .text(Fixture.ids[0])])
        try w.addSheet(
            name: "表格说明", columns: [.init(header: "列名"), .init(header: "可以这样写")],
            rows: [[.text("与儿童关系"), .text("奶奶、祖母")], [.text("健康状况"), .text("健康、良好")]])
        try w.finish()

        let first = try SheetReader.open(url)
        #expect(first.sheetNames == ["台账", "表格说明"])
        var rows: [SheetRow] = []
        try first.forEachRow { rows.append($0) }
        #expect(rows.map(\.cells) == [[.text("姓名"), .text("身份证号码")], [.text("测试甲"), .text(Fixture.ids[0])]])
        var second: [SheetRow] = []
        try SheetReader.open(url, sheet: "表格说明").forEachRow { second.append($0) }
        #expect(
            second.map(\.cells) == [[.text("列名"), .text("可以这样写")], [.text("与儿童关系"), .text("奶奶、祖母")], [.text("健康状况"), .text("健康、良好")]])
    }
}
