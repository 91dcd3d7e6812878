import Foundation

/// One column the importer expects.
public struct ColumnSpec: Sendable, Equatable {
    public var key: String
    /// The header the app's own template uses.
    public var title: String
    /// Other headers seen in the wild for the same column.
    public var synonyms: [String]
    public var required: Bool

    public init(key: String, title: String, synonyms: [String] = [], required: Bool = false) {
        self.key = key
        self.title = title
        self.synonyms = synonyms
        self.required = required
    }
}

public struct HeaderMatch: Sendable, Equatable {
    public struct Unmatched: Sendable, Equatable {
        public let column: Int
        public let text: String

        public init(column: Int, text: String) {
            self.column = column
            self.text = text
        }
    }

    /// Row number (as the spreadsheet shows it) of the header row; data starts below it.
    public let headerRowNumber: Int
    /// 0-based column index → `ColumnSpec.key`.
    public let columns: [Int: String]
    /// Non-empty header cells that map to no key, in column order.
    public let unmatchedHeaders: [Unmatched]
    /// Keys of required specs that no column maps to.
    public let missingRequired: [String]
}

/// Finds the header row among the first rows of a sheet and maps its columns to schema keys.
public enum HeaderMatcher {
    /// Only this many columns of a candidate row, and this many characters of a cell, are compared: a header
    /// is short and near the left, and a crafted row of 16,384 long cells once kept this loop busy for minutes.
    public static let maxHeaderColumns = 512
    public static let maxHeaderCharacters = 100

    static func bounded(_ row: SheetRow) -> SheetRow {
        let cells = row.cells.prefix(maxHeaderColumns).map { cell -> CellValue in
            guard case .text(let t) = cell, t.utf8.count > maxHeaderCharacters else { return cell }
            return .text(String(t.prefix(maxHeaderCharacters)))
        }
        return SheetRow(number: row.number, cells: Array(cells))
    }

    /// - Parameters:
    ///   - rows: the first rows of the sheet (about 20 is enough); title rows above the header
    ///     are skipped because the header is the row with the most matching cells.
    ///   - overrides: manual corrections, keyed by header text (as shown) or column letter (`"C"`),
    ///     valued by schema key; an empty value means "ignore this column".
    /// - Returns: `nil` if no row matches any column.
    public static func detect(rows: [SheetRow], schema: [ColumnSpec], overrides: [String: String] = [:]) -> HeaderMatch? {
        let textOverrides = Dictionary(overrides.map { (normalizeHeader($0.key), $0.value) }, uniquingKeysWith: { a, _ in a })
        var best: (row: SheetRow, columns: [Int: String], exact: Int)?
        for row in rows.map(bounded) {
            let (columns, exact) = match(row, schema: schema, overrides: overrides, textOverrides: textOverrides)
            guard !columns.isEmpty else { continue }
            if best == nil || columns.count > best!.columns.count
                || (columns.count == best!.columns.count && exact > best!.exact)
            {
                best = (row, columns, exact)
            }
        }
        guard let best else { return nil }
        var unmatched: [HeaderMatch.Unmatched] = []
        for (index, cell) in best.row.cells.enumerated() where best.columns[index] == nil {
            if let text = Normalize.text(cell) { unmatched.append(.init(column: index, text: text)) }
        }
        let mappedKeys = Set(best.columns.values)
        let missing = schema.filter { $0.required && !mappedKeys.contains($0.key) }.map(\.key)
        return HeaderMatch(
            headerRowNumber: best.row.number, columns: best.columns,
            unmatchedHeaders: unmatched, missingRequired: missing)
    }

    /// Header text reduced to what identifies it: half-width, no whitespace, lower case, without
    /// required markers (`*`, `（必填）`) and bracketed notes (`（18位）`, `【选填】`), no trailing colon.
    public static func normalizeHeader(_ text: String) -> String {
        var result = ""
        var depth = 0
        for scalar in Normalize.halfWidth(text).unicodeScalars {
            switch scalar {
            case "(", "[", "【", "〔", "《": depth += 1
            case ")", "]", "】", "〕", "》": depth = max(0, depth - 1)
            default:
                if depth == 0, !Normalize.isTrimmable(scalar), scalar != "*" {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        while result.hasSuffix(":") || result.hasSuffix("：") { result.removeLast() }
        return result.lowercased()
    }

    private static func match(
        _ row: SheetRow, schema: [ColumnSpec], overrides: [String: String],
        textOverrides: [String: String]
    ) -> (columns: [Int: String], exact: Int) {
        var columns: [Int: String] = [:]
        var used = Set<String>()
        var ignored = Set<Int>()
        var headers: [(index: Int, text: String)] = []
        for (index, cell) in row.cells.enumerated() {
            guard let raw = Normalize.text(cell) else { continue }
            headers.append((index, normalizeHeader(raw)))
        }
        let headerTexts = Set(headers.map(\.text))

        // Manual overrides win: by header text first, then by column letter.
        for header in headers {
            if let key = textOverrides[header.text] { assign(key, to: header.index) }
        }
        for (name, key) in overrides where !headerTexts.contains(normalizeHeader(name)) {
            if let index = ColumnName.index(ofLetters: name.trimmingCharacters(in: .whitespaces)),
                columns[index] == nil, !ignored.contains(index)
            {
                assign(key, to: index)
            }
        }
        func assign(_ key: String, to index: Int) {
            if key.isEmpty {
                ignored.insert(index)
                return
            }
            guard !used.contains(key) else { return }
            columns[index] = key
            used.insert(key)
        }

        let names = schema.map { spec in (spec.key, ([spec.title] + spec.synonyms).map(normalizeHeader).filter { !$0.isEmpty }) }
        var exact = 0
        for header in headers where columns[header.index] == nil && !ignored.contains(header.index) {
            if let (key, _) = names.first(where: { !used.contains($0.0) && $0.1.contains(header.text) }) {
                assign(key, to: header.index)
                exact += 1
            }
        }
        // Fallback: the header contains a known name ("儿童姓名" contains "姓名"); the longest wins.
        for header in headers where columns[header.index] == nil && !ignored.contains(header.index) {
            var bestKey: String?
            var bestLength = 0
            for (key, variants) in names where !used.contains(key) {
                for variant in variants where variant.count > bestLength && header.text.contains(variant) {
                    bestKey = key
                    bestLength = variant.count
                }
            }
            if let bestKey { assign(bestKey, to: header.index) }
        }
        return (columns, exact)
    }
}
