import Foundation
import Testing
@testable import GuanaiSheets

@Suite("Reading .xlsx fixtures")
struct XLSXReaderTests {
    @Test("register written by openpyxl and by LibreOffice", arguments: ["register_openpyxl.xlsx", "register_libreoffice.xlsx"])
    func register(_ name: String) throws {
        let reader = try SheetReader.open(Fixture.url(name))
        #expect(reader.format == .xlsx)
        #expect(reader.sheetNames == ["儿童台账", "妇女台账"])
        #expect(reader.sheetName == "儿童台账")  // the hidden 填表说明 comes first but is skipped
        let rows = try readAll(Fixture.url(name))
        #expect(rows.keys.sorted() == [1, 2, 3, 4, 5, 6, 8, 9, 10, 11, 12, 13])  // row 7 is blank
        #expect(rows[1] == [.text("某镇2024年农村留守儿童信息台账")])
        #expect(rows[2] == [.text("填报单位：测试镇（盖章）"), .empty, .empty, .empty, .empty, .text("填报日期：")])
        #expect(rows[3]?[3] == .text("身份证号码（18位）"))

        let r4 = try #require(rows[4])
        #expect(r4[0] == .number("1"))
        #expect(r4[3] == .text(Fixture.ids[0]))
        #expect(r4[4] == .date(year: 2015, month: 3, day: 2))
        #expect(r4[5] == .month(year: 2015, month: 3))
        #expect(r4[6] == .text("√"))
        #expect(r4[8] == .text("13800000001"))

        let r5 = try #require(rows[5])
        #expect(r5[4] == .date(year: 2016, month: 4, day: 15))  // yyyy"年"m"月"d"日"
        #expect(r5[5] == .text("2016.4"))
        #expect(r5[8] == .number("13800000002"))
        guard case .number(let exactAsFloat) = r5[3] else { Issue.record("ID cell should be a number"); return }
        #expect(Normalize.idNumber(.number(exactAsFloat)) == .lostDigits(exactAsFloat))

        let r6 = try #require(rows[6])
        #expect(r6[4] == .number("42875"))  // a serial in a General cell stays a number
        #expect(r6[8] == .empty)
        #expect(r6[9] == .date(year: 2020, month: 1, day: 2))  // the time 23:59:59 does not move the day
        guard case .number(let lost) = r6[3] else { Issue.record("ID cell should be a number"); return }
        #expect(lost.uppercased().contains("E+"))

        let r8 = try #require(rows[8])
        #expect(r8[1] == .text("  测试丁 "))
        #expect(r8[3] == .text("４２１０８１２０１４０１０１１０４１"))
        #expect(rows[9]?[3] == .text("42108120130708106x"))
        #expect(rows[11]?[9] == .text("2015-02-30"))
        #expect(rows[12] == [.empty, .text("测试辛"), .empty, .empty, .empty, .empty, .empty, .empty, .empty, .text("重点关注：独居")])
        #expect(rows[13]?[1] == .text("A&B <C> \"D\""))
    }

    @Test("second sheet chosen by name")
    func sheetByName() throws {
        for name in ["register_openpyxl.xlsx", "register_libreoffice.xlsx"] {
            let rows = try readAll(Fixture.url(name), sheet: "妇女台账")
            #expect(rows.keys.sorted() == [1, 2, 3])
            #expect(rows[2]?[0] == .text("测试妇女甲"))
        }
        // A hidden sheet can still be asked for explicitly.
        #expect(try readAll(Fixture.url("register_openpyxl.xlsx"), sheet: "填表说明")[1] == [.text("本表为测试数据，请勿使用")])
        #expect(throws: SheetError.noSuchSheet("不存在")) {
            try SheetReader.open(Fixture.url("register_openpyxl.xlsx"), sheet: "不存在")
        }
    }

    @Test("hand-written package: inline strings, booleans, errors, phonetics, escapes, prefixes, date1904")
    func edgeCases() throws {
        let reader = try SheetReader.open(Fixture.url("edge_handwritten.xlsx"))
        #expect(reader.sheetNames == ["边界 & 情况"])
        #expect(reader.date1904)
        let rows = try readAll(Fixture.url("edge_handwritten.xlsx"))
        #expect(rows.keys.sorted() == [2, 3, 4, 6, 8])  // row 7 only has empty styled cells
        #expect(rows[2] == [.text("内联"), .text("  前后空格  "), .text("漢字中文"), .text("line1\r\nline2")])
        #expect(
            rows[3] == [
                .text("ab"), .bool(true), .error("#N/A"), .empty,
                .date(year: 1904, month: 1, day: 1), .number("12.5"), .number("0.5"),
            ])
        // Cells and a row without `r` continue from the previous position.
        #expect(rows[4] == [.number("1"), .number("2"), .empty, .empty, .date(year: 1915, month: 3, day: 31)])
        #expect(rows[6] == [.empty, .text("富 文本"), .text("a<b&c")])
        #expect(rows[8] == [.number(Fixture.ids[1]), .number(String(Fixture.ids[1].prefix(15)) + "000")])
    }

    @Test("legacy .xls is rejected by content even when named .xlsx")
    func legacy() {
        #expect(throws: SheetError.legacyXLS) { try SheetReader.open(Fixture.url("legacy_renamed.xlsx")) }
    }

    @Test("other content is told apart")
    func sniffing() throws {
        let empty = temporaryURL("empty.csv")
        try Data().write(to: empty)
        #expect(throws: SheetError.emptyFile) { try SheetReader.open(empty) }
        let html = temporaryURL("export.xls")
        try Data("<html><table><tr><td>1</td></tr></table></html>".utf8).write(to: html)
        #expect(throws: SheetError.unsupportedFormat("html")) { try SheetReader.open(html) }
        let broken = temporaryURL("broken.xlsx")
        try Data([0x50, 0x4B, 0x03, 0x04, 1, 2, 3]).write(to: broken)
        #expect(throws: SheetError.self) { try SheetReader.open(broken) }
        var encrypted = Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0, count: 600))
        encrypted.append(contentsOf: "EncryptedPackage".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
        let protected = temporaryURL("protected.xlsx")
        try encrypted.write(to: protected)
        #expect(throws: SheetError.passwordProtected) { try SheetReader.open(protected) }
    }

    @Test("an error thrown by the row closure stops reading and comes back unchanged")
    func closureError() throws {
        struct Stop: Error, Equatable {}
        var seen = 0
        #expect(throws: Stop()) {
            try SheetReader.open(Fixture.url("register_libreoffice.xlsx")).forEachRow { _ in
                seen += 1
                if seen == 2 { throw Stop() }
            }
        }
        #expect(seen == 2)
    }

    @Test("shared strings spill to a temporary file past the limit")
    func spill() throws {
        let tiny = ReadOptions(sharedStringsSpillCount: 2, sharedStringsSpillBytes: 16)
        for name in ["register_libreoffice.xlsx", "register_openpyxl.xlsx"] {
            #expect(try readAll(Fixture.url(name), options: tiny) == readAll(Fixture.url(name)))
        }
    }
}

@Suite("Reading CSV fixtures")
struct CSVReaderTests {
    @Test("UTF-8 with BOM, without BOM, GB18030", arguments: ["utf8_bom.csv", "utf8.csv", "gb18030.csv"])
    func csv(_ name: String) throws {
        let reader = try SheetReader.open(Fixture.url(name), sheet: "ignored")
        #expect(reader.format == .csv)
        let rows = try readAll(Fixture.url(name))
        #expect(rows.keys.sorted() == [1, 2, 4, 6])  // line 3 is blank; the record at line 4 spans two lines
        #expect(rows[1] == [.text("姓名"), .text("身份证号"), .text("出生日期"), .text("备注")])
        #expect(rows[2] == [.text("测试甲"), .text(Fixture.ids[0]), .text("2015-03-02"), .text("地址：某村,3组")])
        #expect(rows[4] == [.text("测试乙"), .text(Fixture.ids[1]), .text("2016/4/15"), .text("第一行\n第二行")])
        #expect(rows[6] == [.text("测试\"丙\""), .text(Fixture.ids[2]), .text("2017年5月20日")])
    }

    @Test("tab-separated text when the first line has tabs and no commas")
    func tabs() throws {
        #expect(try readAll(Fixture.url("tabs.txt")) == [1: [.text("姓名"), .text("电话")], 2: [.text("测试甲"), .text("13800000001")]])
    }

    @Test("Foundation decodes GB18030 four-byte sequences on this platform")
    func foundationGB18030() {
        let bytes: [UInt8] = [0xC4, 0xE3, 0xBA, 0xC3, 0x95, 0x32, 0x82, 0x36, 0x81, 0x30, 0x81, 0x30]
        #expect(String(bytes: bytes, encoding: CSVEncoding.foundationGB18030) == "你好\u{20000}\u{80}")
    }

    @Test("records split at every possible chunk boundary")
    func chunkBoundaries() throws {
        let text = "a,\"b,\r\nc\"\"d\"\r\n\r\n\"\"\r\ne,f\rg\n"
        let bytes = Array(text.utf8)
        var reference: [SheetRow] = []
        var whole = CSVParser(delimiter: UInt8(ascii: ","), encoding: .utf8) { reference.append($0) }
        try bytes.withUnsafeBytes { try whole.feed($0) }
        try whole.finish()
        #expect(
            reference == [
                SheetRow(number: 1, cells: [.text("a"), .text("b,\r\nc\"d")]),
                SheetRow(number: 5, cells: [.text("e"), .text("f")]),  // line 4 holds only an empty quoted field
                SheetRow(number: 6, cells: [.text("g")]),
            ])
        for cut in 1..<bytes.count {
            var rows: [SheetRow] = []
            var parser = CSVParser(delimiter: UInt8(ascii: ","), encoding: .utf8) { rows.append($0) }
            try bytes[..<cut].withUnsafeBytes { try parser.feed($0) }
            try bytes[cut...].withUnsafeBytes { try parser.feed($0) }
            try parser.finish()
            #expect(rows == reference, "cut at \(cut)")
        }
    }
}

@Suite("XML scanner")
struct XMLScannerTests {
    private struct Recorder: XMLEventHandler {
        var events: [String] = []
        mutating func start(_ name: ByteSlice, _ attributes: XMLAttributes, selfClosing: Bool) throws {
            var attrs: [String] = []
            attributes.forEach { attrs.append("\($0.rawString)=\(XMLText.decode($1, ooxmlEscapes: false))") }
            events.append("<\(name.rawString) \(attrs.joined(separator: " "))>")
        }
        mutating func end(_ name: ByteSlice) throws { events.append("</\(name.rawString)>") }
        mutating func text(_ raw: ByteSlice, isCDATA: Bool) throws {
            events.append((isCDATA ? "C:" : "T:") + XMLText.decode(raw, ooxmlEscapes: !isCDATA))
        }
    }

    @Test("same events whatever the chunking")
    func chunking() throws {
        let xml = #"<?xml version="1.0"?><!-- c > d --><x:a p:q="1>2" r='&amp;&#x4E2D;'><b/>t&lt;&#25991;_x000D_<![CDATA[<&>]]></x:a>"#
        let bytes = Array(xml.utf8)
        var whole = XMLStreamScanner(handler: Recorder())
        try whole.feed(bytes)
        try whole.finish()
        #expect(whole.handler.events == ["<a q=1>2 r=&中>", "<b >", "</b>", "T:t<文\r", "C:<&>", "</a>"])
        for cut in 1..<bytes.count {
            var scanner = XMLStreamScanner(handler: Recorder())
            try scanner.feed(Array(bytes[..<cut]))
            try scanner.feed(Array(bytes[cut...]))
            try scanner.finish()
            // Text may arrive in two pieces around a cut only if it was not followed by '<' yet;
            // the scanner holds it back, so the events are identical.
            #expect(scanner.handler.events == whole.handler.events, "cut at \(cut)")
        }
    }
}
