#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A view into the scanner's buffer, valid only for the duration of a callback.
struct ByteSlice {
    let base: UnsafePointer<UInt8>
    let count: Int

    @inline(__always)
    subscript(i: Int) -> UInt8 { base[i] }

    @inline(__always)
    func equals(_ literal: StaticString) -> Bool {
        count == literal.utf8CodeUnitCount && memcmp(base, literal.utf8Start, count) == 0
    }

    var buffer: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: base, count: count) }

    /// The bytes as UTF-8 text, without entity decoding (invalid sequences are repaired).
    var rawString: String { String(decoding: buffer, as: UTF8.self) }

    /// Non-negative decimal integer, `nil` if anything else is present.
    var decimalInt: Int? {
        guard count > 0, count < 19 else { return nil }
        var n = 0
        for i in 0..<count {
            let d = base[i] &- 48
            guard d < 10 else { return nil }
            n = n * 10 + Int(d)
        }
        return n
    }

    func trimmingXMLWhitespace() -> ByteSlice {
        var start = 0
        var end = count
        while start < end, isXMLSpace(base[start]) { start += 1 }
        while end > start, isXMLSpace(base[end - 1]) { end -= 1 }
        return ByteSlice(base: base + start, count: end - start)
    }
}

@inline(__always)
func isXMLSpace(_ b: UInt8) -> Bool {
    b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D
}

/// Attributes of a start tag, located by the scanner in the same pass that finds the tag's end.
struct XMLAttributes {
    struct Span {
        var nameStart: Int32
        var nameLength: Int32
        var valueStart: Int32
        var valueLength: Int32
    }

    let base: UnsafePointer<UInt8>
    let spans: UnsafeBufferPointer<Span>

    /// Calls `body` with each attribute's local name (prefix stripped) and raw, still-escaped value.
    /// Namespace declarations are skipped.
    @inline(__always)
    func forEach(_ body: (ByteSlice, ByteSlice) throws -> Void) rethrows {
        for span in spans {
            var name = ByteSlice(base: base + Int(span.nameStart), count: Int(span.nameLength))
            var k = 0
            while k < name.count, name[k] != UInt8(ascii: ":") { k += 1 }
            if k < name.count {
                if k == 5, memcmp(name.base, "xmlns", 5) == 0 { continue }
                name = ByteSlice(base: name.base + k + 1, count: name.count - k - 1)
            } else if name.equals("xmlns") {
                continue
            }
            try body(name, ByteSlice(base: base + Int(span.valueStart), count: Int(span.valueLength)))
        }
    }

    /// Raw value of the first attribute with this local name.
    func value(_ name: StaticString) -> ByteSlice? {
        var found: ByteSlice?
        forEach { key, value in
            if found == nil, key.equals(name) { found = value }
        }
        return found
    }

    /// Entity-decoded value of the first attribute with this local name.
    func string(_ name: StaticString) -> String? {
        value(name).map { XMLText.decode($0, ooxmlEscapes: false) }
    }
}
