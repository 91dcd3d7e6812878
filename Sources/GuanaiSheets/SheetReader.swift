import Foundation

/// Tuning for `SheetReader`; the defaults suit real registers.
public struct ReadOptions: Sendable {
    /// Shared strings beyond this count are kept in a temporary file instead of memory
    /// (in memory each costs its UTF-8 bytes plus 8 bytes).
    public var sharedStringsSpillCount: Int
    /// Shared strings beyond this many UTF-8 bytes are kept in a temporary file instead of memory.
    public var sharedStringsSpillBytes: Int

    public var limits: SheetLimits
    /// Counts expanded and text bytes; one is made at `open` if none is given, so the package bound covers
    /// opening and reading together.
    public var meter: ReadMeter?
    /// Asked between chunks (every 256 KiB at most); `true` stops reading with `SheetError.cancelled`.
    /// Must be cheap: a deadline comparison or a flag.
    public var shouldStop: (@Sendable () -> Bool)?

    public init(
        sharedStringsSpillCount: Int = 2_000_000, sharedStringsSpillBytes: Int = 48 << 20,
        limits: SheetLimits = SheetLimits(), meter: ReadMeter? = nil, shouldStop: (@Sendable () -> Bool)? = nil
    ) {
        self.sharedStringsSpillCount = sharedStringsSpillCount
        self.sharedStringsSpillBytes = sharedStringsSpillBytes
        self.limits = limits
        self.meter = meter
        self.shouldStop = shouldStop
    }

    var guardrail: ReadGuard { ReadGuard(self) }
}

/// The checks of `SheetLimits` and `shouldStop`, in one place for every reading path.
struct ReadGuard {
    let limits: SheetLimits
    let meter: ReadMeter
    let shouldStop: (@Sendable () -> Bool)?

    init(_ options: ReadOptions) {
        limits = options.limits
        meter = options.meter ?? ReadMeter()
        shouldStop = options.shouldStop
    }

    func checkStop() throws {
        if let shouldStop, shouldStop() { throw SheetError.cancelled }
    }

    /// Before inflating a part: what its header declares (it may lie; the streamed count is checked too).
    func checkDeclared(uncompressed: Int, compressed: Int) throws {
        if uncompressed > limits.maxPartBytes { throw SheetError.limit(.partSize, limit: limits.maxPartBytes, seen: uncompressed) }
        if meter.expandedBytes + uncompressed > limits.maxPackageBytes {
            throw SheetError.limit(.packageSize, limit: limits.maxPackageBytes, seen: meter.expandedBytes + uncompressed)
        }
        try checkRatio(expanded: uncompressed, compressed: compressed)
    }

    /// After each inflated chunk of a part.
    func expanded(_ n: Int, partSoFar: Int, compressed: Int) throws {
        let total = meter.addExpanded(n)
        if partSoFar > limits.maxPartBytes { throw SheetError.limit(.partSize, limit: limits.maxPartBytes, seen: partSoFar) }
        if total > limits.maxPackageBytes { throw SheetError.limit(.packageSize, limit: limits.maxPackageBytes, seen: total) }
        try checkRatio(expanded: partSoFar, compressed: compressed)
        try checkStop()
    }

    private func checkRatio(expanded: Int, compressed: Int) throws {
        guard expanded > limits.ratioFloorBytes else { return }
        if expanded / max(compressed, 1) > limits.maxCompressionRatio {
            throw SheetError.limit(.compressionRatio, limit: limits.maxCompressionRatio, seen: expanded / max(compressed, 1))
        }
    }

    func text(_ n: Int) throws {
        let total = meter.addText(n)
        if total > limits.maxSheetTextBytes { throw SheetError.limit(.sheetText, limit: limits.maxSheetTextBytes, seen: total) }
    }

    /// Length of one cell's text, UTF-8 `bytes` long: cheap bounds first, UTF-16 units only near the bound.
    func checkCell(_ text: String, bytes: Int) throws {
        let max = limits.maxCellCharacters
        guard bytes > max else { return }
        let units = bytes > 3 * max ? bytes / 3 : text.utf16.count
        if units > max { throw SheetError.limit(.cellLength, limit: max, seen: units) }
    }

    func checkRow(_ number: Int, columns: Int, bytes: Int) throws {
        if number > limits.maxRows { throw SheetError.limit(.rows, limit: limits.maxRows, seen: number) }
        if columns > limits.maxColumns { throw SheetError.limit(.columns, limit: limits.maxColumns, seen: columns) }
        if bytes > limits.maxRowBytes { throw SheetError.limit(.rowLength, limit: limits.maxRowBytes, seen: bytes) }
    }
}

/// Streaming reader for one sheet of an `.xlsx` workbook or a `.csv` file. The format is decided
/// by the file's content, not its extension. Memory use does not grow with the number of rows.
public struct SheetReader: Sendable {
    public enum Format: Sendable, Equatable {
        case xlsx
        case csv
    }

    public let url: URL
    public let format: Format
    /// Names of the visible sheets in workbook order; empty for CSV.
    public let sheetNames: [String]
    /// The sheet `forEachRow` reads; `nil` for CSV.
    public let sheetName: String?
    /// Whether serial numbers count from 1904 (old Mac Excel). Needed to turn a serial in a
    /// general-format cell into a date; date-formatted cells are already converted.
    public let date1904: Bool
    public let options: ReadOptions

    private let sheetPath: String?
    private let sharedStringsPath: String?
    private let stylesPath: String?

    /// Opens `url` and selects `sheet` (any sheet, hidden ones included, by exact name after trimming),
    /// or the first visible sheet. `sheet` is ignored for CSV, which has exactly one.
    public static func open(_ url: URL, sheet: String? = nil, options: ReadOptions = ReadOptions()) throws -> SheetReader {
        var options = options
        if options.meter == nil { options.meter = ReadMeter() }
        switch try FormatSniffer.sniff(url) {
        case .xlsx:
            return try SheetReader(xlsx: url, sheet: sheet, options: options)
        case .csv:
            return SheetReader(
                url: url, format: .csv, sheetNames: [], sheetName: nil, date1904: false,
                options: options, sheetPath: nil, sharedStringsPath: nil, stylesPath: nil)
        }
    }

    private init(
        url: URL, format: Format, sheetNames: [String], sheetName: String?, date1904: Bool,
        options: ReadOptions, sheetPath: String?, sharedStringsPath: String?, stylesPath: String?
    ) {
        self.url = url
        self.format = format
        self.sheetNames = sheetNames
        self.sheetName = sheetName
        self.date1904 = date1904
        self.options = options
        self.sheetPath = sheetPath
        self.sharedStringsPath = sharedStringsPath
        self.stylesPath = stylesPath
    }

    private init(xlsx url: URL, sheet requested: String?, options: ReadOptions) throws {
        let workbook = try XLSXPackage(url: url, guard: options.guardrail).workbook()
        let chosen: XLSXPackage.Sheet
        if let requested {
            let wanted = requested.trimmingCharacters(in: .whitespaces)
            guard
                let match = workbook.sheets.first(where: { $0.name == wanted })
                    ?? workbook.sheets.first(where: { $0.name.trimmingCharacters(in: .whitespaces) == wanted })
            else { throw SheetError.noSuchSheet(requested) }
            chosen = match
        } else {
            guard let first = workbook.sheets.first(where: { !$0.hidden }) else {
                throw workbook.sheets.isEmpty ? SheetError.unreadable("workbook has no worksheet") : SheetError.noVisibleSheet
            }
            chosen = first
        }
        self.init(
            url: url, format: .xlsx, sheetNames: workbook.sheets.filter { !$0.hidden }.map(\.name),
            sheetName: chosen.name, date1904: workbook.date1904, options: options,
            sheetPath: chosen.path, sharedStringsPath: workbook.sharedStringsPath, stylesPath: workbook.stylesPath)
    }

    /// Calls `body` for every row that has at least one non-empty cell, in file order.
    /// An error thrown by `body` stops reading and is rethrown unchanged.
    public func forEachRow(_ body: (SheetRow) throws -> Void) throws {
        try withoutActuallyEscaping(body) { emit in
            switch format {
            case .xlsx: try readXLSX(emit)
            case .csv: try readCSV(emit)
            }
        }
    }

    private func readXLSX(_ emit: @escaping (SheetRow) throws -> Void) throws {
        guard let sheetPath else { return }
        let package = try XLSXPackage(url: url, guard: options.guardrail)
        let styles = try package.styleKinds(stylesPath)
        let strings = try SharedStrings.load(from: package, path: sharedStringsPath, limits: options)
        let handler = WorksheetHandler(strings: strings, styles: styles, date1904: date1904, guard: options.guardrail) { row in
            do { try emit(row) } catch { throw XLSXPackage.PassThrough(error: error) }
        }
        _ = try package.stream(sheetPath, into: handler, stopWhen: { $0.finished })
    }

    private func readCSV(_ emit: @escaping (SheetRow) throws -> Void) throws {
        let file = try ChunkedFile(url: url)
        var validator = UTF8Validator()
        var bomLength = 0
        var firstChunk: [UInt8]?
        let stop = options.guardrail
        try file.forEachChunk { chunk in
            try stop.checkStop()
            if firstChunk == nil {
                firstChunk = Array(chunk.prefix(64 * 1024))
                if firstChunk!.starts(with: [0xEF, 0xBB, 0xBF]) { return false }
            }
            validator.feed(chunk)
            return validator.isValid
        }
        let head = firstChunk ?? []
        if head.starts(with: [0xEF, 0xBB, 0xBF]) { bomLength = 3 }
        // A BOM is a deliberate statement; stray invalid bytes later do not make it GB18030.
        let encoding: CSVEncoding = bomLength > 0 || validator.isComplete ? .utf8 : .gb18030
        let guardrail = options.guardrail
        var parser = CSVParser(delimiter: Self.delimiter(head.dropFirst(bomLength)), encoding: encoding, guard: guardrail, emit: emit)
        var skip = bomLength
        try file.forEachChunk { chunk in
            _ = guardrail.meter.addExpanded(chunk.count)
            try guardrail.checkStop()
            let rest = UnsafeRawBufferPointer(rebasing: chunk[min(skip, chunk.count)...])
            skip = max(0, skip - chunk.count)
            try parser.feed(rest)
            return true
        }
        try parser.finish()
    }

    /// Comma, unless the first line has tabs and no comma (Excel's "Unicode/Text (Tab delimited)").
    private static func delimiter(_ head: ArraySlice<UInt8>) -> UInt8 {
        let firstLine = head.prefix { $0 != 0x0A && $0 != 0x0D }
        let hasTab = firstLine.contains(0x09)
        let hasComma = firstLine.contains(UInt8(ascii: ","))
        return hasTab && !hasComma ? 0x09 : UInt8(ascii: ",")
    }
}
