/// RFC 4180 record splitter over raw bytes, fed in chunks. Works on the undecoded bytes: in both
/// UTF-8 and GB18030 the bytes of `"`, `,`, TAB, CR and LF never occur inside a multi-byte character.
struct CSVParser {
    private enum State {
        case fieldStart, unquoted, quoted, quoteInQuoted
    }

    private let delimiter: UInt8
    private let encoding: CSVEncoding
    private let emit: (SheetRow) throws -> Void

    private var state = State.fieldStart
    private var field: [UInt8] = []
    private var cells: [CellValue] = []
    private var hasValue = false
    private var recordStarted = false
    private var recordLine = 1
    private var line = 1
    private var previousWasCR = false

    init(delimiter: UInt8, encoding: CSVEncoding, emit: @escaping (SheetRow) throws -> Void) {
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
                    endField()
                } else if isBreak {
                    try endRecord()
                } else {
                    field.append(b)
                    state = .unquoted
                }
            case .unquoted:
                if b == delimiter {
                    endField()
                    state = .fieldStart
                } else if isBreak {
                    try endRecord()
                } else {
                    field.append(b)
                }
            case .quoted:
                if b == UInt8(ascii: "\"") {
                    state = .quoteInQuoted
                } else {
                    field.append(b)
                }
            case .quoteInQuoted:
                if b == UInt8(ascii: "\"") {
                    field.append(b)
                    state = .quoted
                } else if b == delimiter {
                    endField()
                    state = .fieldStart
                } else if isBreak {
                    try endRecord()
                } else {
                    // Tolerate `"abc"def` as Excel does: keep the stray text.
                    field.append(b)
                    state = .unquoted
                }
            }
            if isBreak && !continuesCRLF { line += 1 }
        }
    }

    mutating func finish() throws {
        if recordStarted { try endRecord() }
    }

    private mutating func endField() {
        if field.isEmpty {
            cells.append(.empty)
        } else {
            let text = field.withUnsafeBufferPointer { encoding.decode($0) }
            cells.append(.text(text))
            hasValue = true
        }
        field.removeAll(keepingCapacity: true)
    }

    private mutating func endRecord() throws {
        endField()
        if hasValue {
            while let last = cells.last, last.isEmpty { cells.removeLast() }
            try emit(SheetRow(number: recordLine, cells: cells))
        }
        cells.removeAll(keepingCapacity: true)
        hasValue = false
        recordStarted = false
        state = .fieldStart
    }
}
