/// One cell as read from a spreadsheet, before any interpretation by the importer.
public enum CellValue: Sendable, Equatable, Hashable {
    case empty
    case text(String)
    /// The exact number text stored in the file (e.g. `"4.21081201503021E+17"`), so that digits
    /// lost by the producing program can be detected instead of silently re-rounded.
    case number(String)
    /// A cell whose number format shows a calendar date. Any time of day is dropped.
    case date(year: Int, month: Int, day: Int)
    /// A date cell whose number format shows only year and month (e.g. `yyyy"年"m"月"`):
    /// the stored day is an artefact of typing "2019年3月", not information.
    case month(year: Int, month: Int)
    case bool(Bool)
    /// An error literal such as `#N/A` or `#DIV/0!`.
    case error(String)

    public var isEmpty: Bool {
        if case .empty = self { return true }
        return false
    }
}

/// One non-blank row. Rows without any non-empty cell are not reported.
public struct SheetRow: Sendable, Equatable {
    /// The row number the spreadsheet program shows (1-based); for CSV the line where the record starts.
    public let number: Int
    /// Index = 0-based column; trailing empty cells are dropped, gaps are `.empty`.
    public let cells: [CellValue]

    public init(number: Int, cells: [CellValue]) {
        self.number = number
        self.cells = cells
    }

    /// The cell at `column`, `.empty` beyond the last stored cell.
    public subscript(column: Int) -> CellValue {
        column >= 0 && column < cells.count ? cells[column] : .empty
    }
}

/// Spreadsheet column letters ("A", "Z", "AA", …) ↔ 0-based indexes.
public enum ColumnName {
    public static func letters(forIndex index: Int) -> String {
        precondition(index >= 0, "column index must not be negative")
        var n = index + 1
        var scalars: [Unicode.Scalar] = []
        while n > 0 {
            let rem = (n - 1) % 26
            scalars.append(Unicode.Scalar(UInt8(65 + rem)))
            n = (n - 1) / 26
        }
        return String(String.UnicodeScalarView(scalars.reversed()))
    }

    /// `nil` unless `letters` is 1–3 ASCII letters (either case).
    public static func index(ofLetters letters: String) -> Int? {
        let bytes = Array(letters.utf8)
        guard (1...3).contains(bytes.count) else { return nil }
        var n = 0
        for b in bytes {
            let upper = b & 0xDF
            guard upper >= 65 && upper <= 90 else { return nil }
            n = n * 26 + Int(upper - 64)
        }
        return n - 1
    }
}
