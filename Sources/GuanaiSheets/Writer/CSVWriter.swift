import Foundation

/// Streams rows into a CSV file as Excel on a Chinese Windows opens it correctly:
/// UTF-8 with BOM, CRLF line ends, RFC 4180 quoting, dates as `yyyy-mm-dd`.
public final class CSVWriter {
    private let url: URL
    private let staging: URL
    private let handle: FileHandle
    private var buffer: [UInt8] = []
    private let neutralizeFormulas: Bool
    private var finished = false

    /// - Parameter neutralizeFormulas: prefix text starting with `=`, `+`, `-` or `@` with an
    ///   apostrophe so that Excel does not execute it as a formula (CSV injection). Numbers are
    ///   never touched; only `.text` values are.
    public init(url: URL, neutralizeFormulas: Bool = true) throws {
        self.url = url
        self.neutralizeFormulas = neutralizeFormulas
        staging = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).\(UUID().uuidString).partial")
        guard FileManager.default.createFile(atPath: staging.path, contents: nil) else {
            throw SheetError.io("cannot create \(staging.path)")
        }
        handle = try FileHandle(forWritingTo: staging)
        buffer = [0xEF, 0xBB, 0xBF]
    }

    deinit {
        if !finished {
            try? handle.close()
            try? FileManager.default.removeItem(at: staging)
        }
    }

    public func append(_ row: [CellValue]) throws {
        guard !finished else { throw SheetError.writerMisuse("append after finish") }
        Self.append(row, to: &buffer, neutralizeFormulas: neutralizeFormulas)
        if buffer.count >= 1 << 20 { try flush() }
    }

    /// A small list in memory, written exactly as the file would be (BOM, quoting, formula guard): for lists that
    /// go straight into a response.
    public static func text(_ rows: [[CellValue]], neutralizeFormulas: Bool = true) -> String {
        var bytes: [UInt8] = [0xEF, 0xBB, 0xBF]
        for row in rows { append(row, to: &bytes, neutralizeFormulas: neutralizeFormulas) }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func append(_ row: [CellValue], to buffer: inout [UInt8], neutralizeFormulas: Bool) {
        for (index, value) in row.enumerated() {
            if index > 0 { buffer.append(UInt8(ascii: ",")) }
            appendField(render(value, neutralizeFormulas: neutralizeFormulas), to: &buffer)
        }
        buffer.append(contentsOf: [0x0D, 0x0A])
    }

    /// Convenience for a header row.
    public func append(header: [String]) throws {
        try append(header.map { .text($0) })
    }

    public func finish() throws {
        guard !finished else { throw SheetError.writerMisuse("finish called twice") }
        finished = true
        try flush()
        try handle.close()
        try TempFile.moveReplacing(staging, to: url)
    }

    private static func render(_ value: CellValue, neutralizeFormulas: Bool) -> String {
        switch value {
        case .empty: return ""
        case .text(let text):
            if neutralizeFormulas, let first = text.utf8.first, Self.formulaStarters.contains(first) {
                return "'" + text
            }
            return text
        case .number(let text): return text
        case let .date(year, month, day): return DateText.day(year: year, month: month, day: day)
        case let .month(year, month): return DateText.month(year: year, month: month)
        case .bool(let flag): return flag ? "TRUE" : "FALSE"
        case .error(let literal): return literal
        }
    }

    private static let formulaStarters: Set<UInt8> = [0x3D, 0x2B, 0x2D, 0x40]  // = + - @

    private static func appendField(_ text: String, to buffer: inout [UInt8]) {
        let needsQuotes =
            text.utf8.contains { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }
            || text.first?.isWhitespace == true || text.last?.isWhitespace == true
        guard needsQuotes else {
            buffer.append(contentsOf: text.utf8)
            return
        }
        buffer.append(0x22)
        for b in text.utf8 {
            if b == 0x22 { buffer.append(0x22) }
            buffer.append(b)
        }
        buffer.append(0x22)
    }

    private func flush() throws {
        guard !buffer.isEmpty else { return }
        do {
            try handle.write(contentsOf: buffer)
        } catch {
            throw SheetError.io("cannot write \(staging.path): \(error)")
        }
        buffer.removeAll(keepingCapacity: true)
    }
}
