import Foundation

/// Bounds on what one file may make the reader do. They are checked while streaming, before the work they guard,
/// so a crafted file is refused after at most one chunk past a bound, not after it has been expanded.
/// Real ledgers stay far below every default; Excel's own limits are used where it has one.
public struct SheetLimits: Sendable, Equatable {
    /// Inflated bytes of any one zip part.
    public var maxPartBytes: Int
    /// Inflated bytes of all parts read together.
    public var maxPackageBytes: Int
    /// Inflated ÷ compressed bytes of one part, checked once the part is past `ratioFloorBytes`
    /// (tiny parts compress oddly; a deflate bomb runs at about 1000:1, real sheets at 5–50:1).
    public var maxCompressionRatio: Int
    public var ratioFloorBytes: Int
    /// Characters of one cell (Excel's limit, counted in UTF-16 units as Excel does).
    public var maxCellCharacters: Int
    /// Columns of one row (Excel's limit: XFD).
    public var maxColumns: Int
    /// Rows of one sheet (Excel's limit), above any real register and the 1,000,000-row import.
    public var maxRows: Int
    /// Text bytes of one row: many long cells, or one long shared string referred to by every cell.
    public var maxRowBytes: Int
    /// Cell text bytes a whole sheet may produce (shared strings are copied out once per reference).
    public var maxSheetTextBytes: Int
    /// Entries of the shared string table and their total UTF-8 bytes.
    public var maxSharedStrings: Int
    public var maxSharedStringBytes: Int
    /// Entries of the zip's central directory.
    public var maxEntries: Int

    public init(
        maxPartBytes: Int = 200_000_000, maxPackageBytes: Int = 200_000_000,
        maxCompressionRatio: Int = 200, ratioFloorBytes: Int = 1 << 20,
        maxCellCharacters: Int = 32_767, maxColumns: Int = 16_384, maxRows: Int = 1_048_576,
        maxRowBytes: Int = 4 << 20, maxSheetTextBytes: Int = 1 << 30,
        maxSharedStrings: Int = 4_000_000, maxSharedStringBytes: Int = 128 << 20,
        maxEntries: Int = 10_000
    ) {
        self.maxPartBytes = maxPartBytes
        self.maxPackageBytes = maxPackageBytes
        self.maxCompressionRatio = maxCompressionRatio
        self.ratioFloorBytes = ratioFloorBytes
        self.maxCellCharacters = maxCellCharacters
        self.maxColumns = maxColumns
        self.maxRows = maxRows
        self.maxRowBytes = maxRowBytes
        self.maxSheetTextBytes = maxSheetTextBytes
        self.maxSharedStrings = maxSharedStrings
        self.maxSharedStringBytes = maxSharedStringBytes
        self.maxEntries = maxEntries
    }

    /// Longest run of markup or raw text the XML scanner holds while waiting for its end: a cell of the longest
    /// allowed text, every character written as the longest entity (`&#x10FFFF;`), plus room for the tag around it.
    var maxTokenBytes: Int { maxCellCharacters * 10 + 64 * 1024 }
}

/// Which bound a file went over; the raw value names it in logs and in the app's message keys.
public enum SheetLimit: String, Sendable, Equatable, CaseIterable {
    case partSize, packageSize, compressionRatio, cellLength, markupLength, columns, rows, rowLength, sheetText
    case sharedStringCount, sharedStringBytes, entries
}

/// Counts what the reader has done, so tests can say "stopped within N bytes" without timing anything, and
/// the app can log it. Shared by the reader's thread and whoever looks at it.
public final class ReadMeter: @unchecked Sendable {
    private let lock = NSLock()
    private var _expanded = 0
    private var _text = 0

    public init() {}

    /// Bytes inflated from zip parts (for CSV: bytes read from the file).
    public var expandedBytes: Int { lock.lock(); defer { lock.unlock() }; return _expanded }
    /// Cell text bytes produced.
    public var textBytes: Int { lock.lock(); defer { lock.unlock() }; return _text }

    func addExpanded(_ n: Int) -> Int { lock.lock(); defer { lock.unlock() }; _expanded += n; return _expanded }
    func addText(_ n: Int) -> Int { lock.lock(); defer { lock.unlock() }; _text += n; return _text }
}
