import Foundation
import ZIPFoundation

/// Streams one sheet into an `.xlsx` file that Excel, WPS, LibreOffice and openpyxl open.
/// Rows go to a temporary file as they arrive; `finish()` wraps them into the zip package.
///
/// Order of calls: `setTitle` and `setColumns` (both optional) before the first `append`.
public final class XLSXWriter {
    public enum ColumnKind: Sendable {
        /// Stored as text with the `@` format, so ID and phone numbers stay exactly as written.
        case text
        case number
        /// `yyyy-mm-dd`; `.month` values use `yyyy-mm`.
        case date
    }

    public struct Column: Sendable {
        public var header: String
        /// Width in Excel's character units.
        public var width: Double
        public var kind: ColumnKind

        public init(header: String, width: Double = 12, kind: ColumnKind = .text) {
            self.header = header
            self.width = width
            self.kind = kind
        }
    }

    private let url: URL
    private let sheetName: String
    private var title: (text: String, columns: Int)?
    private var columns: [Column] = []
    private let body: TempFile
    private var buffer: [UInt8] = []
    private var rowNumber = 0
    private var maxColumn = 0
    private var started = false
    private var finished = false
    private var columnLetters: [[UInt8]] = []
    /// Further sheets, written after the first (a template's list of accepted words): small, kept as writers of their own.
    private var extraSheets: [XLSXWriter] = []

    /// - Parameter sheetName: made valid for Excel (no `[]:*?/\`, at most 31 characters).
    public init(url: URL, sheetName: String) throws {
        self.url = url
        self.sheetName = Self.validSheetName(sheetName)
        body = try TempFile()
        buffer.reserveCapacity(1 << 20)
    }

    /// A title in row 1, merged across `columns` columns, above the header row.
    public func setTitle(_ title: String, spanning columns: Int) throws {
        try requireNotStarted("setTitle")
        self.title = (title, max(1, columns))
    }

    /// Column headers (bold, frozen below), widths and kinds. Without it rows are written untyped.
    public func setColumns(_ columns: [Column]) throws {
        try requireNotStarted("setColumns")
        self.columns = columns
    }

    /// Appends one data row; index = column. `.empty` cells are left out.
    public func append(_ row: [CellValue]) throws {
        guard !finished else { throw SheetError.writerMisuse("append after finish") }
        if !started { try start() }
        try writeRow(row, styleOverride: nil)
    }

    /// A further sheet after this one, with its own header row and rows, written at `finish()`.
    public func addSheet(name: String, columns: [Column], rows: [[CellValue]]) throws {
        guard !finished else { throw SheetError.writerMisuse("addSheet after finish") }
        let sheet = try XLSXWriter(url: url, sheetName: name)
        try sheet.setColumns(columns)
        for row in rows { try sheet.append(row) }
        extraSheets.append(sheet)
    }

    /// Ends the rows: the sheet's XML head and tail around the body already written.
    private func close() throws -> (head: [UInt8], tail: [UInt8]) {
        if !started { try start() }
        finished = true
        try flush()
        let lastRow = max(rowNumber, 1)
        let lastColumn = max(maxColumn, title?.columns ?? 1, columns.count, 1)
        return (sheetHead(dimension: "A1:\(ColumnName.letters(forIndex: lastColumn - 1))\(lastRow)"), sheetTail())
    }

    /// Writes the package to `url` (replacing it atomically) and removes the temporary data.
    public func finish() throws {
        guard !finished else { throw SheetError.writerMisuse("finish called twice") }
        let (head, tail) = try close()

        let directory = url.deletingLastPathComponent()
        let staging = directory.appendingPathComponent(".\(url.lastPathComponent).\(UUID().uuidString).partial")
        defer { try? FileManager.default.removeItem(at: staging) }
        do {
            let archive = try Archive(url: staging, accessMode: .create)
            for (path, content) in XLSXParts.fixedParts(sheetNames: [sheetName] + extraSheets.map(\.sheetName)) {
                try Self.add(archive, path, bytes: Array(content.utf8))
            }
            try addSheet(archive, path: "xl/worksheets/sheet1.xml", head: head, tail: tail)
            for (i, sheet) in extraSheets.enumerated() {
                let (h, t) = try sheet.close()
                try sheet.addSheet(archive, path: "xl/worksheets/sheet\(i + 2).xml", head: h, tail: t)
            }
        } catch let error as SheetError {
            throw error
        } catch {
            throw SheetError.io("cannot write \(url.path): \(error)")
        }
        try TempFile.moveReplacing(staging, to: url)
        body.dispose()
        for sheet in extraSheets { sheet.body.dispose() }
    }

    // MARK: Rows

    private func requireNotStarted(_ call: String) throws {
        guard !started, !finished else { throw SheetError.writerMisuse("\(call) after the first row") }
    }

    private func start() throws {
        started = true
        if let title {
            rowNumber += 1
            buffer.append(contentsOf: Array("<row r=\"\(rowNumber)\" ht=\"24\" customHeight=\"1\">".utf8))
            appendCell(column: 0, value: .text(title.text), style: XLSXParts.Style.title, kind: .text)
            buffer.append(contentsOf: Array("</row>".utf8))
            maxColumn = max(maxColumn, title.columns)
        }
        if !columns.isEmpty {
            try writeRow(columns.map { .text($0.header) }, styleOverride: XLSXParts.Style.header)
        }
    }

    private func writeRow(_ row: [CellValue], styleOverride: Int?) throws {
        rowNumber += 1
        buffer.append(contentsOf: [0x3C, 0x72, 0x6F, 0x77, 0x20, 0x72, 0x3D, 0x22])  // <row r="
        appendDecimal(rowNumber)
        buffer.append(contentsOf: [0x22, 0x3E])  // ">
        for (index, value) in row.enumerated() {
            if case .empty = value { continue }
            let kind = index < columns.count ? columns[index].kind : nil
            appendCell(column: index, value: value, style: styleOverride, kind: kind)
        }
        buffer.append(contentsOf: [0x3C, 0x2F, 0x72, 0x6F, 0x77, 0x3E])  // </row>
        maxColumn = max(maxColumn, row.count)
        if buffer.count >= 1 << 20 { try flush() }
    }

    private func appendCell(column: Int, value: CellValue, style explicit: Int?, kind: ColumnKind?) {
        let style: Int
        switch value {
        case .date: style = explicit ?? XLSXParts.Style.date
        case .month: style = explicit ?? XLSXParts.Style.month
        default: style = explicit ?? (kind == .text ? XLSXParts.Style.text : 0)
        }
        buffer.append(contentsOf: [0x3C, 0x63, 0x20, 0x72, 0x3D, 0x22])  // <c r="
        appendColumnLetters(column)
        appendDecimal(rowNumber)
        buffer.append(0x22)
        if style != 0 {
            buffer.append(contentsOf: [0x20, 0x73, 0x3D, 0x22])  //  s="
            appendDecimal(style)
            buffer.append(0x22)
        }
        switch value {
        case .empty:
            buffer.append(contentsOf: [0x2F, 0x3E])
        case .text(let string):
            appendInlineString(string)
        case .number(let text):
            if kind == .text || !Self.isNumberLiteral(text) {
                appendInlineString(text)
            } else {
                appendValue(text, type: nil)
            }
        case let .date(year, month, day):
            if ExcelDate.isValid(year: year, month: month, day: day), year >= 1900 {
                appendValue(String(ExcelDate.serial(year: year, month: month, day: day)), type: nil)
            } else {
                appendInlineString(DateText.day(year: year, month: month, day: day))
            }
        case let .month(year, month):
            if ExcelDate.isValid(year: year, month: month, day: 1), year >= 1900 {
                appendValue(String(ExcelDate.serial(year: year, month: month, day: 1)), type: nil)
            } else {
                appendInlineString(DateText.month(year: year, month: month))
            }
        case .bool(let flag):
            appendValue(flag ? "1" : "0", type: "b")
        case .error(let literal):
            if Self.errorLiterals.contains(literal) {
                appendValue(literal, type: "e")
            } else {
                appendInlineString(literal)
            }
        }
    }

    private static let errorLiterals: Set<String> = ["#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A"]

    private func appendInlineString(_ string: String) {
        buffer.append(contentsOf: Array(" t=\"inlineStr\"><is><t".utf8))
        if let first = string.unicodeScalars.first, let last = string.unicodeScalars.last,
            (first.value < 0x80 ? first.value <= 0x20 : first.properties.isWhitespace)
                || (last.value < 0x80 ? last.value <= 0x20 : last.properties.isWhitespace)
        {
            buffer.append(contentsOf: Array(" xml:space=\"preserve\"".utf8))
        }
        buffer.append(0x3E)
        XMLText.appendEscaped(Self.truncatedForExcel(string), to: &buffer)
        buffer.append(contentsOf: Array("</t></is></c>".utf8))
    }

    private func appendValue(_ text: String, type: String?) {
        if let type {
            buffer.append(contentsOf: Array(" t=\"\(type)\"".utf8))
        }
        buffer.append(contentsOf: [0x3E, 0x3C, 0x76, 0x3E])  // ><v>
        XMLText.appendEscaped(text, to: &buffer)
        buffer.append(contentsOf: [0x3C, 0x2F, 0x76, 0x3E, 0x3C, 0x2F, 0x63, 0x3E])  // </v></c>
    }

    private func appendColumnLetters(_ column: Int) {
        while columnLetters.count <= column {
            columnLetters.append(Array(ColumnName.letters(forIndex: columnLetters.count).utf8))
        }
        buffer.append(contentsOf: columnLetters[column])
    }

    private func appendDecimal(_ value: Int) {
        var v = value
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0
        withUnsafeMutableBytes(of: &digits) { d in
            repeat {
                d[count] = UInt8(48 + v % 10)
                v /= 10
                count += 1
            } while v > 0 && count < 10
            for k in stride(from: count - 1, through: 0, by: -1) { buffer.append(d[k]) }
        }
    }

    /// Excel refuses files with cells longer than 32,767 characters ("we found a problem").
    private static func truncatedForExcel(_ string: String) -> String {
        guard string.utf16.count > 32_767 else { return string }
        var result = ""
        var units = 0
        for character in string {
            units += character.utf16.count
            if units > 32_767 { break }
            result.append(character)
        }
        return result
    }

    /// Only plain decimal literals go into `<v>`; anything else would corrupt the file for Excel.
    static func isNumberLiteral(_ text: String) -> Bool {
        var sawDigit = false
        var sawDot = false
        var sawExponent = false
        var previous: UInt8 = 0
        for (i, b) in text.utf8.enumerated() {
            switch b {
            case 48...57: sawDigit = true
            case UInt8(ascii: "-"), UInt8(ascii: "+"):
                guard i == 0 || previous == UInt8(ascii: "E") || previous == UInt8(ascii: "e") else { return false }
            case UInt8(ascii: "."):
                guard !sawDot, !sawExponent else { return false }
                sawDot = true
            case UInt8(ascii: "E"), UInt8(ascii: "e"):
                guard sawDigit, !sawExponent else { return false }
                sawExponent = true
            default:
                return false
            }
            previous = b
        }
        return sawDigit && previous != UInt8(ascii: "E") && previous != UInt8(ascii: "e")
            && previous != UInt8(ascii: "-") && previous != UInt8(ascii: "+")
    }

    private func flush() throws {
        try body.write(buffer)
        buffer.removeAll(keepingCapacity: true)
    }

    // MARK: Package

    private func sheetHead(dimension: String) -> [UInt8] {
        var xml = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" \
            xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">\
            <dimension ref="\(dimension)"/>
            """
        let headerRow = columns.isEmpty ? nil : (title == nil ? 1 : 2)
        if let headerRow {
            let topLeft = "A\(headerRow + 1)"
            xml += "<sheetViews><sheetView workbookViewId=\"0\">"
            xml += "<pane ySplit=\"\(headerRow)\" topLeftCell=\"\(topLeft)\" activePane=\"bottomLeft\" state=\"frozen\"/>"
            xml += "<selection pane=\"bottomLeft\" activeCell=\"\(topLeft)\" sqref=\"\(topLeft)\"/>"
            xml += "</sheetView></sheetViews>"
        } else {
            xml += "<sheetViews><sheetView workbookViewId=\"0\"/></sheetViews>"
        }
        xml += "<sheetFormatPr defaultRowHeight=\"15\"/>"
        if !columns.isEmpty {
            xml += "<cols>"
            for (i, column) in columns.enumerated() {
                let style = column.kind == .text ? " style=\"\(XLSXParts.Style.text)\"" : ""
                let width = column.width.isFinite ? min(max(column.width, 1), 255) : 12
                xml += "<col min=\"\(i + 1)\" max=\"\(i + 1)\" width=\"\(width)\"\(style) customWidth=\"1\"/>"
            }
            xml += "</cols>"
        }
        xml += "<sheetData>"
        return Array(xml.utf8)
    }

    private func sheetTail() -> [UInt8] {
        var xml = "</sheetData>"
        if let title, title.columns > 1 {
            xml += "<mergeCells count=\"1\"><mergeCell ref=\"A1:\(ColumnName.letters(forIndex: title.columns - 1))1\"/></mergeCells>"
        }
        xml += "<pageMargins left=\"0.7\" right=\"0.7\" top=\"0.75\" bottom=\"0.75\" header=\"0.3\" footer=\"0.3\"/>"
        xml += "</worksheet>"
        return Array(xml.utf8)
    }

    private static func add(_ archive: Archive, _ path: String, bytes: [UInt8]) throws {
        let data = Data(bytes)
        try archive.addEntry(
            with: path, type: .file, uncompressedSize: Int64(data.count),
            compressionMethod: .deflate
        ) { position, size in
            data.subdata(in: Int(position)..<min(data.count, Int(position) + size))
        }
    }

    /// Streams head + temporary body + tail into the zip without holding the body in memory.
    private func addSheet(_ archive: Archive, path: String, head: [UInt8], tail: [UInt8]) throws {
        let bodySize = body.size
        let total = head.count + bodySize + tail.count
        let body = self.body
        try archive.addEntry(
            with: path, type: .file, uncompressedSize: Int64(total),
            compressionMethod: .deflate, bufferSize: 256 * 1024
        ) { position, size in
            var chunk = Data(capacity: size)
            var pos = Int(position)
            let end = min(total, pos + size)
            while pos < end {
                if pos < head.count {
                    let n = min(end, head.count) - pos
                    chunk.append(contentsOf: head[pos..<(pos + n)])
                    pos += n
                } else if pos < head.count + bodySize {
                    let offset = pos - head.count
                    let n = min(end - pos, bodySize - offset)
                    chunk.append(contentsOf: try body.read(at: offset, count: n))
                    pos += n
                } else {
                    let offset = pos - head.count - bodySize
                    let n = end - pos
                    chunk.append(contentsOf: tail[offset..<(offset + n)])
                    pos += n
                }
            }
            return chunk
        }
    }

    static func validSheetName(_ name: String) -> String {
        let forbidden: Set<Character> = ["[", "]", ":", "*", "?", "/", "\\"]
        var cleaned = String(name.map { forbidden.contains($0) ? "_" : $0 })
            .trimmingCharacters(in: CharacterSet(charactersIn: "' ").union(.whitespacesAndNewlines))
        if cleaned.utf16.count > 31 {
            var shortened = ""
            for character in cleaned {
                if shortened.utf16.count + character.utf16.count > 31 { break }
                shortened.append(character)
            }
            cleaned = shortened
        }
        return cleaned.isEmpty ? "Sheet1" : cleaned
    }
}
