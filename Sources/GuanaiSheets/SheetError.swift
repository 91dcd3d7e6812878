/// Why a file could not be read or written. Cases are precise so the app can word its own message.
public enum SheetError: Error, Sendable, Equatable {
    /// An OLE2 compound file: legacy `.xls` (Excel 97–2003, or WPS's default). Ask for `.xlsx`.
    case legacyXLS
    /// An OLE2 container holding an encrypted OOXML package: the workbook has an opening password.
    case passwordProtected
    /// Content that is neither a zip package nor CSV text, e.g. `"html"`, `"xml"`, `"utf16"`.
    case unsupportedFormat(String)
    /// The file is empty.
    case emptyFile
    /// A broken zip, a missing workbook part or malformed XML; the payload says which.
    case unreadable(String)
    /// The requested sheet name is not in the workbook.
    case noSuchSheet(String)
    /// Every sheet of the workbook is hidden.
    case noVisibleSheet
    /// The file system refused an operation (payload: path and errno text).
    case io(String)
    /// The writer was used out of order (e.g. `setColumns` after the first `append`).
    case writerMisuse(String)
    /// The file went over a bound of `SheetLimits`: which, the bound, and what was seen when reading stopped
    /// (a lower bound: reading stops as soon as the bound is passed).
    case limit(SheetLimit, limit: Int, seen: Int)
    /// The caller's `ReadOptions.shouldStop` said to stop (deadline passed, request gone).
    case cancelled
}
