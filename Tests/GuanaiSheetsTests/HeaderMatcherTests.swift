import Testing
import GuanaiSheets

@Suite("Header detection")
struct HeaderMatcherTests {
    static let schema: [ColumnSpec] = [
        ColumnSpec(key: "name", title: "姓名", synonyms: ["儿童姓名", "学生姓名"], required: true),
        ColumnSpec(key: "sex", title: "性别"),
        ColumnSpec(key: "idNumber", title: "身份证号码", synonyms: ["身份证号", "公民身份号码"], required: true),
        ColumnSpec(key: "birthDate", title: "出生日期"),
        ColumnSpec(key: "birthMonth", title: "出生年月"),
        ColumnSpec(key: "inSchool", title: "是否在校", synonyms: ["在校情况"]),
        ColumnSpec(key: "guardian", title: "监护人姓名", synonyms: ["监护人"]),
        ColumnSpec(key: "phone", title: "联系电话", synonyms: ["电话", "手机"]),
        ColumnSpec(key: "school", title: "就读学校", required: true),
    ]

    @Test(
        "register fixtures: title rows skipped, notes and markers stripped",
        arguments: ["register_openpyxl.xlsx", "register_libreoffice.xlsx"])
    func fixtures(_ name: String) throws {
        var rows: [SheetRow] = []
        try SheetReader.open(Fixture.url(name)).forEachRow { if rows.count < 20 { rows.append($0) } }
        let match = try #require(HeaderMatcher.detect(rows: rows, schema: Self.schema))
        #expect(match.headerRowNumber == 3)
        #expect(
            match.columns == [
                1: "name", 2: "sex", 3: "idNumber", 4: "birthDate", 5: "birthMonth",
                6: "inSchool", 7: "guardian", 8: "phone",
            ])
        #expect(match.unmatchedHeaders == [.init(column: 0, text: "序号"), .init(column: 9, text: "备注")])
        #expect(match.missingRequired == ["school"])
    }

    @Test func normalisation() {
        #expect(HeaderMatcher.normalizeHeader(" *身份证号码（18位） ") == "身份证号码")
        #expect(HeaderMatcher.normalizeHeader("姓　名(必填)") == "姓名")
        #expect(HeaderMatcher.normalizeHeader("联系电话【手机】：") == "联系电话")
        #expect(HeaderMatcher.normalizeHeader("ID\nNumber") == "idnumber")
    }

    @Test("exact synonyms beat contains-matches; contains picks the longest name")
    func containsFallback() throws {
        let header = SheetRow(number: 1, cells: [.text("留守儿童姓名"), .text("监护人联系电话"), .text("姓名"), .text("公民身份号码")])
        let match = try #require(HeaderMatcher.detect(rows: [header], schema: Self.schema))
        #expect(match.columns[2] == "name")
        #expect(match.columns[3] == "idNumber")
        #expect(match.columns[1] == "phone")
        #expect(match.columns[0] == "guardian" || match.columns[0] == nil)
    }

    @Test("manual overrides by header text and by column letter")
    func overrides() throws {
        let rows = [
            SheetRow(number: 2, cells: [.text("孩子"), .text("证件号"), .text("电话"), .text("备用电话")]),
            SheetRow(number: 3, cells: [.text("测试甲"), .text(Fixture.ids[0]), .text("13800000001")]),
        ]
        let plain = try #require(HeaderMatcher.detect(rows: rows, schema: Self.schema))
        #expect(plain.columns == [2: "phone"])
        let match = try #require(
            HeaderMatcher.detect(
                rows: rows, schema: Self.schema,
                overrides: ["孩子": "name", "B": "idNumber", "电话": "", "D": "phone"]))
        #expect(match.headerRowNumber == 2)
        #expect(match.columns == [0: "name", 1: "idNumber", 3: "phone"])
        #expect(match.unmatchedHeaders == [.init(column: 2, text: "电话")])
    }

    @Test func nothingMatches() {
        #expect(HeaderMatcher.detect(rows: [SheetRow(number: 1, cells: [.text("甲"), .number("1")])], schema: Self.schema) == nil)
        #expect(HeaderMatcher.detect(rows: [], schema: Self.schema) == nil)
    }
}
