#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Receives the events of `XMLStreamScanner`. Element names have their namespace prefix removed,
/// so `<x:row>` (OpenXML SDK output) and `<row>` look the same.
protocol XMLEventHandler {
    mutating func start(_ name: ByteSlice, _ attributes: XMLAttributes, selfClosing: Bool) throws
    mutating func end(_ name: ByteSlice) throws
    /// Raw character data, entities not yet decoded; CDATA content arrives with `isCDATA`.
    /// A text node is always delivered whole, never split at a chunk boundary.
    mutating func text(_ raw: ByteSlice, isCDATA: Bool) throws
}

/// A minimal, non-validating XML tokenizer fed with arbitrary chunks (e.g. straight out of
/// the zip inflater). Only the bytes of an unfinished token are carried over between chunks, so
/// memory stays bounded by the largest single tag or text node, not by the document.
struct XMLStreamScanner<Handler: XMLEventHandler> {
    var handler: Handler
    private var pending: [UInt8] = []
    /// Bytes an unfinished token may hold: a text node or tag longer than this is refused instead of
    /// being gathered (a 300 MB cell once filled memory and rescanned the whole pending buffer per chunk).
    private let maxToken: Int
    private let maxCell: Int

    init(handler: Handler, limits: SheetLimits = SheetLimits()) {
        self.handler = handler
        self.maxToken = limits.maxTokenBytes
        self.maxCell = limits.maxCellCharacters
    }

    private func checkPending() throws {
        guard pending.count > maxToken else { return }
        let isMarkup = pending.first == UInt8(ascii: "<")
        throw SheetError.limit(
            isMarkup ? .markupLength : .cellLength,
            limit: isMarkup ? maxToken : maxCell, seen: pending.count)
    }

    mutating func feed(_ chunk: UnsafeRawBufferPointer) throws {
        guard let base = chunk.baseAddress?.assumingMemoryBound(to: UInt8.self), chunk.count > 0 else { return }
        if pending.isEmpty {
            let consumed = try scan(base, chunk.count)
            if consumed < chunk.count {
                pending.append(contentsOf: UnsafeBufferPointer(start: base + consumed, count: chunk.count - consumed))
                try checkPending()
            }
        } else {
            pending.append(contentsOf: UnsafeBufferPointer(start: base, count: chunk.count))
            var buffer = pending
            pending = []
            let consumed = try buffer.withUnsafeBufferPointer { try scan($0.baseAddress!, $0.count) }
            buffer.removeFirst(consumed)
            pending = buffer
            try checkPending()
        }
    }

    mutating func feed(_ bytes: [UInt8]) throws {
        try bytes.withUnsafeBytes { try feed($0) }
    }

    /// Trailing bytes that never formed a complete token mean the document was cut off.
    func finish() throws {
        if pending.contains(where: { !isXMLSpace($0) }) {
            throw SheetError.unreadable("XML ends inside a tag")
        }
    }

    /// Consumes complete tokens from `p[0..<n]`; returns how many bytes were consumed.
    private mutating func scan(_ p: UnsafePointer<UInt8>, _ n: Int) throws -> Int {
        // Attribute positions of the current tag live on the stack; a tag with more attributes
        // keeps only the first 64 (no element this library reads has nearly as many).
        try withUnsafeTemporaryAllocation(of: XMLAttributes.Span.self, capacity: 64) { spans in
            try scan(p, n, spans: spans)
        }
    }

    private mutating func scan(
        _ p: UnsafePointer<UInt8>, _ n: Int,
        spans: UnsafeMutableBufferPointer<XMLAttributes.Span>
    ) throws -> Int {
        var i = 0
        while i < n {
            if p[i] != UInt8(ascii: "<") {
                guard let end = indexOf(UInt8(ascii: "<"), p, from: i, to: n) else { return i }
                try handler.text(ByteSlice(base: p + i, count: end - i), isCDATA: false)
                i = end
                continue
            }
            guard i + 1 < n else { return i }
            switch p[i + 1] {
            case UInt8(ascii: "/"):
                guard let end = indexOf(UInt8(ascii: ">"), p, from: i + 2, to: n) else { return i }
                var name = ByteSlice(base: p + i + 2, count: end - i - 2).trimmingXMLWhitespace()
                name = localName(name)
                try handler.end(name)
                i = end + 1
            case UInt8(ascii: "?"):
                guard let end = find(p, n, from: i + 2, "?>") else { return i }
                i = end + 2
            case UInt8(ascii: "!"):
                if hasPrefix(p, n, at: i, "<!--") {
                    guard let end = find(p, n, from: i + 4, "-->") else { return i }
                    i = end + 3
                } else if hasPrefix(p, n, at: i, "<![CDATA[") {
                    guard let end = find(p, n, from: i + 9, "]]>") else { return i }
                    try handler.text(ByteSlice(base: p + i + 9, count: end - i - 9), isCDATA: true)
                    i = end + 3
                } else {
                    // A DOCTYPE, unless the chunk cut a comment or CDATA opener short.
                    guard i + 9 <= n, let gt = indexOf(UInt8(ascii: ">"), p, from: i, to: n) else { return i }
                    i = gt + 1
                }
            default:
                guard let end = try startTag(p, n, at: i, spans: spans) else { return i }
                i = end
            }
        }
        return i
    }

    /// Parses `<name attr="v" …>` starting at `i` in one pass; returns the index after `>`, or
    /// `nil` if the tag is not complete in the buffer yet.
    @inline(__always)
    private mutating func startTag(
        _ p: UnsafePointer<UInt8>, _ n: Int, at i: Int,
        spans: UnsafeMutableBufferPointer<XMLAttributes.Span>
    ) throws -> Int? {
        var j = i + 1
        while j < n {
            let b = p[j]
            if isXMLSpace(b) || b == UInt8(ascii: ">") || b == UInt8(ascii: "/") { break }
            j += 1
        }
        let name = localName(ByteSlice(base: p + i + 1, count: j - i - 1))
        var count = 0
        var selfClosing = false
        while true {
            while j < n, isXMLSpace(p[j]) { j += 1 }
            guard j < n else { return nil }
            let b = p[j]
            if b == UInt8(ascii: ">") { break }
            if b == UInt8(ascii: "/") {
                guard j + 1 < n else { return nil }
                if p[j + 1] == UInt8(ascii: ">") {
                    selfClosing = true
                    j += 1
                    break
                }
                j += 1
                continue
            }
            let nameStart = j
            while j < n {
                let c = p[j]
                if c == UInt8(ascii: "=") || isXMLSpace(c) || c == UInt8(ascii: ">") || c == UInt8(ascii: "/") { break }
                j += 1
            }
            let nameEnd = j
            while j < n, isXMLSpace(p[j]) { j += 1 }
            guard j < n else { return nil }
            guard p[j] == UInt8(ascii: "=") else {
                // Malformed (a bare word or a stray character): skip it rather than fail the import.
                if nameEnd == nameStart { j += 1 }
                continue
            }
            j += 1
            while j < n, isXMLSpace(p[j]) { j += 1 }
            guard j < n else { return nil }
            let quote = p[j]
            guard quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") else {
                throw SheetError.unreadable("unquoted attribute value")
            }
            guard let valueEnd = indexOf(quote, p, from: j + 1, to: n) else { return nil }
            if count < spans.count {
                spans[count] = XMLAttributes.Span(
                    nameStart: Int32(nameStart - i), nameLength: Int32(nameEnd - nameStart),
                    valueStart: Int32(j + 1 - i), valueLength: Int32(valueEnd - j - 1))
                count += 1
            }
            j = valueEnd + 1
        }
        let attributes = XMLAttributes(base: p + i, spans: UnsafeBufferPointer(rebasing: spans[0..<count]))
        try handler.start(name, attributes, selfClosing: selfClosing)
        if selfClosing { try handler.end(name) }
        return j + 1
    }

    @inline(__always)
    private func indexOf(_ byte: UInt8, _ p: UnsafePointer<UInt8>, from start: Int, to end: Int) -> Int? {
        // Most hits are a few bytes away (attribute values, cell values): a plain loop beats a call.
        var k = start
        let shortEnd = min(end, start + 16)
        while k < shortEnd {
            if p[k] == byte { return k }
            k += 1
        }
        let start = k
        guard start < end, let hit = memchr(p + start, Int32(byte), end - start) else { return nil }
        return UnsafePointer<UInt8>(hit.assumingMemoryBound(to: UInt8.self)) - p
    }

    @inline(__always)
    private func localName(_ name: ByteSlice) -> ByteSlice {
        var k = name.count - 1
        while k >= 0 {
            if name.base[k] == UInt8(ascii: ":") {
                return ByteSlice(base: name.base + k + 1, count: name.count - k - 1)
            }
            k -= 1
        }
        return name
    }

    private func hasPrefix(_ p: UnsafePointer<UInt8>, _ n: Int, at i: Int, _ s: StaticString) -> Bool {
        let len = s.utf8CodeUnitCount
        return i + len <= n && memcmp(p + i, s.utf8Start, len) == 0
    }

    private func find(_ p: UnsafePointer<UInt8>, _ n: Int, from start: Int, _ s: StaticString) -> Int? {
        let len = s.utf8CodeUnitCount
        var i = start
        while i + len <= n {
            if p[i] == s.utf8Start[0], memcmp(p + i, s.utf8Start, len) == 0 { return i }
            i += 1
        }
        return nil
    }
}
