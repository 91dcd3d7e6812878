import Foundation
import Testing
import GuanaiSheets

@Suite("Writers")
struct WriterTests {
    static let columns: [XLSXWriter.Column] = [
        .init(header: "姓名", width: 10),
        .init(header: "身份证号码", width: 22, kind: .text),
        .init(header: "出生日期", width: 12, kind: .date),
        .init(header: "人数", width: 6, kind: .number),
        .init(header: "备注", width: 30),
    ]

    static let rows: [[CellValue]] = [
        [.text("测试甲"), .number(Fixture.ids[0]), .date(year: 2015, month: 3, day: 2), .number("3"), .text("A&B <C> \"D\" 'E'")],
        [.text("  前后空格 "), .text(Fixture.ids[4]), .month(year: 2019, month: 3), .number("2.5"), .text("第一行\r\n第二行")],
        [.text("控制\u{1}字符\u{FFFF}"), .empty, .date(year: 1900, month: 3, day: 1), .bool(true), .text("普通备注")],
        [],
        [.text("缺列")],
    ]

    /// Display strings as openpyxl and LibreOffice show them (see Fixtures/check_export.py).
    static let expectedDisplay: [[String]] = [
        ["测试标题"],
        ["姓名", "身份证号码", "出生日期", "人数", "备注"],
        ["测试甲", Fixture.ids[0], "2015-03-02", "3", "A&B <C> \"D\" 'E'"],
        ["  前后空格 ", Fixture.ids[4], "2019-03", "2.5", "第一行\n第二行"],
        ["控制字符", "", "1900-03-01", "TRUE", "普通备注"],
        [],
        ["缺列"],
    ]

    private func writeSample(to url: URL) throws {
        let writer = try XLSXWriter(url: url, sheetName: "导出/台账:2024")
        try writer.setTitle("测试标题", spanning: Self.columns.count)
        try writer.setColumns(Self.columns)
        for row in Self.rows { try writer.append(row) }
        try writer.finish()
    }

    @Test("xlsx round trip through our reader")
    func roundTrip() throws {
        let url = temporaryURL("export.xlsx")
        try writeSample(to: url)
        try writeSample(to: url)  // replacing an existing file
        let reader = try SheetReader.open(url)
        #expect(reader.sheetNames == ["导出_台账_2024"])
        let rows = try readAll(url)
        #expect(rows[1] == [.text("测试标题")])
        #expect(rows[2] == Self.columns.map { .text($0.header) })
        #expect(
            rows[3] == [.text("测试甲"), .text(Fixture.ids[0]), .date(year: 2015, month: 3, day: 2), .number("3"), .text("A&B <C> \"D\" 'E'")])
        #expect(rows[4] == [.text("  前后空格 "), .text(Fixture.ids[4]), .month(year: 2019, month: 3), .number("2.5"), .text("第一行\n第二行")])
        #expect(rows[5] == [.text("控制字符"), .empty, .date(year: 1900, month: 3, day: 1), .bool(true), .text("普通备注")])
        #expect(rows[6] == nil)
        #expect(rows[7] == [.text("缺列")])
    }

    /// Writes the sample and its expectation for Fixtures/check_export.py, which CI runs with
    /// openpyxl and LibreOffice: GUANAI_EXPORT_CHECK_DIR=dir swift test --filter externalCheckFiles
    @Test("files for the external openpyxl/LibreOffice check")
    func externalCheckFiles() throws {
        let directory =
            ProcessInfo.processInfo.environment["GUANAI_EXPORT_CHECK_DIR"].map { URL(fileURLWithPath: $0) }
            ?? temporaryURL("x").deletingLastPathComponent()
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try writeSample(to: directory.appendingPathComponent("export.xlsx"))
        let expected: [String: Any] = [
            "sheet": "导出_台账_2024", "freeze": "A3", "merged": ["A1:E1"], "rows": Self.expectedDisplay,
        ]
        try JSONSerialization.data(withJSONObject: expected, options: [.prettyPrinted, .sortedKeys])
            .write(to: directory.appendingPathComponent("export.expected.json"))
        #expect(FileManager.default.fileExists(atPath: directory.appendingPathComponent("export.xlsx").path))
    }

    @Test("writer without title or columns, and misuse")
    func plainAndMisuse() throws {
        let url = temporaryURL("plain.xlsx")
        let writer = try XLSXWriter(url: url, sheetName: "")
        // A literal `_x000D_` is protected as `_x005F_x000D_`, as Excel does; openpyxl does not
        // decode that escape, so this case stays out of the external check.
        try writer.append([.number("1e3"), .number("not a number"), .error("#N/A"), .error("oops"), .text("_x000D_ 不是转义")])
        #expect(throws: SheetError.writerMisuse("setColumns after the first row")) { try writer.setColumns([]) }
        try writer.finish()
        #expect(throws: SheetError.self) { try writer.append([]) }
        #expect(try SheetReader.open(url).sheetNames == ["Sheet1"])
        #expect(try readAll(url) == [1: [.number("1e3"), .text("not a number"), .error("#N/A"), .text("oops"), .text("_x000D_ 不是转义")]])
    }

    @Test("many rows: sheet XML crosses many inflate chunks")
    func manyRows() throws {
        let url = temporaryURL("many.xlsx")
        let writer = try XLSXWriter(url: url, sheetName: "大表")
        try writer.setColumns(Self.columns)
        for i in 0..<20_000 {
            try writer.append([
                .text("测试\(i)"), .text(String(1_000_000_000 + i)), .date(year: 2000 + i % 20, month: 1 + i % 12, day: 1 + i % 28),
                .number(String(i)), .text(i % 7 == 0 ? "<&>\"" : ""),
            ])
        }
        try writer.finish()
        var count = 0
        try SheetReader.open(url).forEachRow { row in
            defer { count += 1 }
            guard row.number > 1 else { return }
            let i = row.number - 2
            #expect(row.number == count + 1)
            if row.cells != [
                .text("测试\(i)"), .text(String(1_000_000_000 + i)), .date(year: 2000 + i % 20, month: 1 + i % 12, day: 1 + i % 28),
                .number(String(i)),
            ] + (i % 7 == 0 ? [.text("<&>\"")] : []) {
                Issue.record("row \(row.number): \(row.cells)")
            }
        }
        #expect(count == 20_001)
    }

    @Test("an empty export is still a valid workbook")
    func emptyExport() throws {
        let url = temporaryURL("empty.xlsx")
        let writer = try XLSXWriter(url: url, sheetName: "空表")
        try writer.setColumns(Self.columns)
        try writer.finish()
        #expect(try readAll(url) == [1: Self.columns.map { .text($0.header) }])
    }

    @Test("csv: BOM, CRLF, quoting, dates; re-read by our reader")
    func csv() throws {
        let url = temporaryURL("export.csv")
        let writer = try CSVWriter(url: url)
        try writer.append(header: ["姓名", "身份证号", "出生日期", "备注"])
        try writer.append([.text("测试甲"), .text(Fixture.ids[0]), .date(year: 2015, month: 3, day: 2), .text("a,b \"c\"\nd")])
        try writer.append([.text("=1+1"), .number("-5"), .month(year: 2019, month: 3), .bool(false)])
        try writer.finish()
        let bytes = try [UInt8](Data(contentsOf: url))
        #expect(bytes.starts(with: [0xEF, 0xBB, 0xBF]))
        let text = String(decoding: bytes.dropFirst(3), as: UTF8.self)
        #expect(text == "姓名,身份证号,出生日期,备注\r\n测试甲,\(Fixture.ids[0]),2015-03-02,\"a,b \"\"c\"\"\nd\"\r\n'=1+1,-5,2019-03,FALSE\r\n")
        let rows = try readAll(url)
        #expect(rows[2]?[3] == .text("a,b \"c\"\nd"))
        #expect(rows[4]?[0] == .text("'=1+1"))  // the quoted field above spans lines 2–3
    }
}
