/// RFC 4180 record splitter over raw bytes, fed in chunks. Works on the undecoded bytes: in both
/// UTF-8 and GB18030 the bytes of `"`, `,`, TAB, CR and LF never occur inside a multi-byte character.
struct CSVParser {
    private enum State {
        case fieldStart, unquoted, quoted, quoteInQuoted
    }

    private let delimiter: UInt8
    private let encoding: CSVEncoding
    private let emit: (SheetRow) throws -> Void
    private let guardrail: ReadGuard
    /// A field's bytes beyond which it cannot be a cell Excel would hold (4 bytes per character in GB18030).
    private let maxFieldBytes: Int
    private var records = 0
    private var rowBytes = 0

    private var state = State.fieldStart
    private var field: [UInt8] = []
    private var cells: [CellValue] = []
    private var hasValue = false
    private var recordStarted = false
    private var recordLine = 1
    private var line = 1
    private var previousWasCR = false

    init(
        delimiter: UInt8, encoding: CSVEncoding, guard guardrail: ReadGuard = ReadOptions().guardrail,
        emit: @escaping (SheetRow) throws -> Void
    ) {
        self.guardrail = guardrail
        self.maxFieldBytes = 4 * guardrail.limits.maxCellCharacters
        self.delimiter = delimiter
        self.encoding = encoding
        self.emit = emit
    }

    mutating func feed(_ bytes: UnsafeRawBufferPointer) throws {
        for b in bytes {
            let isBreak = b == 0x0A || b == 0x0D
            // CRLF is one line break; a lone CR (old Mac files) is one too.
            let continuesCRLF = b == 0x0A && previousWasCR
            previousWasCR = b == 0x0D

            if !recordStarted {
                if isBreak && state == .fieldStart && cells.isEmpty {
                    if !continuesCRLF { line += 1 }
                    continue
                }
                recordStarted = true
                recordLine = line
            }

            switch state {
            case .fieldStart:
                if b == UInt8(ascii: "\"") {
                    state = .quoted
                } else if b == delimiter {
                    try endField()
                } else if isBreak {
                    try endRecord()
                } else {
                    try append(b)
                    state = .unquoted
                }
            case .unquoted:
                if b == delimiter {
                    try endField()
                    state = .fieldStart
                } else if isBreak {
                    try endRecord()
                } else {
                    try append(b)
                }
            case .quoted:
                if b == UInt8(ascii: "\"") {
                    state = .quoteInQuoted
                } else {
                    try append(b)
                }
            case .quoteInQuoted:
                if b == UInt8(ascii: "\"") {
                    try append(b)
                    state = .quoted
                } else if b == delimiter {
                    try endField()
                    state = .fieldStart
                } else if isBreak {
                    try endRecord()
                } else {
                    // Tolerate `"abc"def` as Excel does: keep the stray text.
                    try append(b)
                    state = .unquoted
                }
            }
            if isBreak && !continuesCRLF { line += 1 }
        }
    }

    /// Every byte of a field goes through here, so an unterminated quote is refused after one cell's worth.
    @inline(__always)
    private mutating func append(_ b: UInt8) throws {
        field.append(b)
        if field.count > maxFieldBytes {
            throw SheetError.limit(.cellLength, limit: guardrail.limits.maxCellCharacters, seen: field.count / 4)
        }
    }

    mutating func finish() throws {
        if recordStarted { try endRecord() }
    }

    private mutating func endField() throws {
        if cells.count >= guardrail.limits.maxColumns {
            throw SheetError.limit(.columns, limit: guardrail.limits.maxColumns, seen: cells.count + 1)
        }
        if field.isEmpty {
            cells.append(.empty)
        } else {
            let text = field.withUnsafeBufferPointer { encoding.decode($0) }
            let bytes = text.utf8.count
            try guardrail.checkCell(text, bytes: bytes)
            rowBytes += bytes
            if rowBytes > guardrail.limits.maxRowBytes {
                throw SheetError.limit(.rowLength, limit: guardrail.limits.maxRowBytes, seen: rowBytes)
            }
            try guardrail.text(bytes)
            cells.append(.text(text))
            hasValue = true
        }
        field.removeAll(keepingCapacity: true)
    }

    private mutating func endRecord() throws {
        try endField()
        rowBytes = 0
        if hasValue {
            records += 1
            try guardrail.checkRow(records, columns: cells.count, bytes: 0)
            while let last = cells.last, last.isEmpty { cells.removeLast() }
            try emit(SheetRow(number: recordLine, cells: cells))
        }
        cells.removeAll(keepingCapacity: true)
        hasValue = false
        recordStarted = false
        state = .fieldStart
    }
}
