/// Turns worksheet XML events into `SheetRow`s. This is the hot path of an import, so cells are
/// decoded straight from the scanner's bytes and strings are only created for cell values.
struct WorksheetHandler: XMLEventHandler {
    private enum CellType {
        case number, sharedString, inlineString, formulaString, boolean, error, isoDate
    }

    private let strings: SharedStrings
    private let styles: [NumberFormatKind]
    private let date1904: Bool
    private let emit: (SheetRow) throws -> Void
    private let guardrail: ReadGuard
    private var rowBytes = 0

    private(set) var finished = false
    private var inSheetData = false
    private var rowNumber = 0
    private var cells: [CellValue] = []
    private var hasValue = false
    private var nextColumn = 0

    private var inCell = false
    private var column = 0
    private var style = 0
    private var type = CellType.number
    private var collecting = false
    private var inInlineString = false
    private var phoneticDepth = 0
    private var raw: [UInt8] = []

    init(
        strings: SharedStrings, styles: [NumberFormatKind], date1904: Bool, guard guardrail: ReadGuard = ReadOptions().guardrail,
        emit: @escaping (SheetRow) throws -> Void
    ) {
        self.guardrail = guardrail
        self.strings = strings
        self.styles = styles
        self.date1904 = date1904
        self.emit = emit
        raw.reserveCapacity(256)
    }

    mutating func start(_ name: ByteSlice, _ attributes: XMLAttributes, selfClosing: Bool) throws {
        guard inSheetData else {
            if name.equals("sheetData") { inSheetData = !selfClosing }
            return
        }
        switch name.count {
        case 1 where name[0] == UInt8(ascii: "c"):
            startCell(attributes)
        case 1 where name[0] == UInt8(ascii: "v"):
            collecting = inCell && !selfClosing
        case 1 where name[0] == UInt8(ascii: "t"):
            collecting = inInlineString && phoneticDepth == 0 && !selfClosing
        case 2 where name.equals("is"):
            inInlineString = inCell && !selfClosing
        case 3 where name.equals("row"):
            let explicit = attributes.value("r")?.decimalInt
            rowNumber = explicit ?? rowNumber + 1
            try guardrail.checkRow(rowNumber, columns: 0, bytes: 0)
            rowBytes = 0
            cells.removeAll(keepingCapacity: true)
            hasValue = false
            nextColumn = 0
        case 3 where name.equals("rPh"):
            if !selfClosing { phoneticDepth += 1 }
        default:
            break
        }
    }

    private mutating func startCell(_ attributes: XMLAttributes) {
        inCell = true
        column = nextColumn
        style = 0
        type = .number
        if !raw.isEmpty { raw.removeAll(keepingCapacity: true) }
        attributes.forEach { key, value in
            guard key.count == 1 else { return }
            switch key[0] {
            case UInt8(ascii: "r"):
                if let parsed = Self.column(ofReference: value) { column = parsed }
            case UInt8(ascii: "s"):
                style = value.decimalInt ?? 0
            case UInt8(ascii: "t"):
                type = Self.cellType(value)
            default:
                break
            }
        }
    }

    mutating func end(_ name: ByteSlice) throws {
        guard inSheetData else { return }
        switch name.count {
        case 1 where name[0] == UInt8(ascii: "c"):
            if inCell { try finishCell() }
        case 1 where name[0] == UInt8(ascii: "v"), 1 where name[0] == UInt8(ascii: "t"):
            collecting = false
        case 2 where name.equals("is"):
            inInlineString = false
        case 3 where name.equals("row"):
            if hasValue { try emit(SheetRow(number: rowNumber, cells: cells)) }
            cells.removeAll(keepingCapacity: true)
            hasValue = false
        case 3 where name.equals("rPh"):
            phoneticDepth = max(0, phoneticDepth - 1)
        case 9 where name.equals("sheetData"):
            inSheetData = false
            finished = true
        default:
            break
        }
    }

    mutating func text(_ slice: ByteSlice, isCDATA: Bool) throws {
        guard collecting else { return }
        if isCDATA {
            for b in slice.buffer {
                if b == UInt8(ascii: "&") { raw.append(contentsOf: [0x26, 0x61, 0x6D, 0x70, 0x3B]) } else { raw.append(b) }
            }
        } else {
            raw.append(contentsOf: slice.buffer)
        }
        // Several text nodes (CDATA pieces) can make one value; the scanner only bounds each node.
        if raw.count > guardrail.limits.maxTokenBytes {
            throw SheetError.limit(.cellLength, limit: guardrail.limits.maxCellCharacters, seen: raw.count)
        }
    }

    private mutating func finishCell() throws {
        inCell = false
        collecting = false
        inInlineString = false
        nextColumn = column + 1
        // Checked before the padding below, which a crafted column number would make huge.
        if column >= guardrail.limits.maxColumns {
            throw SheetError.limit(.columns, limit: guardrail.limits.maxColumns, seen: column + 1)
        }
        let value = try raw.withUnsafeBufferPointer { buffer -> CellValue in
            guard let base = buffer.baseAddress, !buffer.isEmpty else { return .empty }
            return try cellValue(ByteSlice(base: base, count: buffer.count))
        }
        if case .empty = value { return }
        let bytes: Int
        switch value {
        case .text(let t):
            bytes = t.utf8.count
            try guardrail.checkCell(t, bytes: bytes)
        case .number(let t), .error(let t):
            bytes = t.utf8.count
            try guardrail.checkCell(t, bytes: bytes)
        default:
            bytes = 8
        }
        rowBytes += bytes
        try guardrail.checkRow(rowNumber, columns: column + 1, bytes: rowBytes)
        try guardrail.text(bytes)
        if column >= cells.count {
            cells.reserveCapacity(column + 1)
            while cells.count < column { cells.append(.empty) }
            cells.append(value)
        } else {
            cells[column] = value
        }
        hasValue = true
    }

    private func cellValue(_ raw: ByteSlice) throws -> CellValue {
        switch type {
        case .number:
            let text = raw.trimmingXMLWhitespace()
            guard text.count > 0 else { return .empty }
            let kind = style < styles.count ? styles[style] : .plain
            if kind != .plain, let serial = text.decimalInt.map(Double.init) ?? Double(text.rawString),
                let date = ExcelDate.date(fromSerial: serial, date1904: date1904)
            {
                return kind == .yearMonth
                    ? .month(year: date.year, month: date.month)
                    : .date(year: date.year, month: date.month, day: date.day)
            }
            return .number(text.rawString)
        case .sharedString:
            guard let index = raw.trimmingXMLWhitespace().decimalInt else {
                throw SheetError.unreadable("bad shared string index in row \(rowNumber)")
            }
            let string = try strings.string(at: index)
            return string.isEmpty ? .empty : .text(string)
        case .inlineString, .formulaString:
            let string = XMLText.decode(raw, ooxmlEscapes: true)
            return string.isEmpty ? .empty : .text(string)
        case .boolean:
            let text = raw.trimmingXMLWhitespace()
            return .bool(text.equals("1") || text.equals("true"))
        case .error:
            return .error(XMLText.decode(raw, ooxmlEscapes: false))
        case .isoDate:
            let text = XMLText.decode(raw, ooxmlEscapes: false)
            let parts = text.prefix(10).split(separator: "-").compactMap { Int($0) }
            guard parts.count == 3, ExcelDate.isValid(year: parts[0], month: parts[1], day: parts[2]) else {
                return .text(text)
            }
            return .date(year: parts[0], month: parts[1], day: parts[2])
        }
    }

    private static func cellType(_ value: ByteSlice) -> CellType {
        if value.equals("s") { return .sharedString }
        if value.equals("inlineStr") { return .inlineString }
        if value.equals("str") { return .formulaString }
        if value.equals("b") { return .boolean }
        if value.equals("e") { return .error }
        if value.equals("d") { return .isoDate }
        return .number
    }

    /// Column index of a reference like `C7` or `$AB$12`.
    private static func column(ofReference ref: ByteSlice) -> Int? {
        var n = 0
        var letters = 0
        for i in 0..<ref.count {
            let b = ref[i]
            if b == UInt8(ascii: "$") { continue }
            let upper = b & 0xDF
            guard upper >= 65, upper <= 90 else { break }
            n = n * 26 + Int(upper - 64)
            letters += 1
        }
        guard letters > 0, letters <= 3 else { return nil }
        return n - 1
    }
}
