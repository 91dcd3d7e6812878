#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Entity decoding for reading and escaping for writing.
enum XMLText {
    /// Decodes `&lt;`-style and numeric entities and, with `ooxmlEscapes`, the `_xHHHH_` escapes that
    /// Excel uses in strings for characters XML cannot carry (e.g. `_x000D_`).
    static func decode(_ raw: ByteSlice, ooxmlEscapes: Bool) -> String {
        let needsWork =
            memchr(raw.base, Int32(UInt8(ascii: "&")), raw.count) != nil
            || (ooxmlEscapes && memchr(raw.base, Int32(UInt8(ascii: "_")), raw.count) != nil)
        if !needsWork { return raw.rawString }
        var out: [UInt8] = []
        out.reserveCapacity(raw.count)
        decode(raw, ooxmlEscapes: ooxmlEscapes, into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    static func decode(_ raw: ByteSlice, ooxmlEscapes: Bool, into out: inout [UInt8]) {
        let p = raw.base
        let n = raw.count
        var i = 0
        while i < n {
            let b = p[i]
            if b == UInt8(ascii: "&"), let (scalar, length) = entity(p + i, n - i) {
                appendUTF8(scalar, to: &out)
                i += length
            } else if ooxmlEscapes, b == UInt8(ascii: "_"), let scalar = ooxmlEscape(p + i, n - i) {
                appendUTF8(scalar, to: &out)
                i += 7
            } else {
                out.append(b)
                i += 1
            }
        }
    }

    private static func entity(_ p: UnsafePointer<UInt8>, _ n: Int) -> (UInt32, Int)? {
        var end = 1
        while end < n, end < 12, p[end] != UInt8(ascii: ";") { end += 1 }
        guard end < n, p[end] == UInt8(ascii: ";") else { return nil }
        let body = ByteSlice(base: p + 1, count: end - 1)
        let length = end + 1
        if body.equals("lt") { return (0x3C, length) }
        if body.equals("gt") { return (0x3E, length) }
        if body.equals("amp") { return (0x26, length) }
        if body.equals("quot") { return (0x22, length) }
        if body.equals("apos") { return (0x27, length) }
        guard body.count >= 2, body[0] == UInt8(ascii: "#") else { return nil }
        var value: UInt32 = 0
        if body[1] == UInt8(ascii: "x") || body[1] == UInt8(ascii: "X") {
            guard body.count > 2 else { return nil }
            for k in 2..<body.count {
                guard let h = hexValue(body[k]) else { return nil }
                value = value &* 16 &+ h
            }
        } else {
            for k in 1..<body.count {
                let d = body[k] &- 48
                guard d < 10 else { return nil }
                value = value &* 10 &+ UInt32(d)
            }
        }
        guard Unicode.Scalar(value) != nil else { return nil }
        return (value, length)
    }

    private static func ooxmlEscape(_ p: UnsafePointer<UInt8>, _ n: Int) -> UInt32? {
        guard n >= 7, p[1] == UInt8(ascii: "x"), p[6] == UInt8(ascii: "_") else { return nil }
        var value: UInt32 = 0
        for k in 2..<6 {
            guard let h = hexValue(p[k]) else { return nil }
            value = value * 16 + h
        }
        return Unicode.Scalar(value) != nil ? value : nil
    }

    @inline(__always)
    private static func hexValue(_ b: UInt8) -> UInt32? {
        switch b {
        case 48...57: return UInt32(b - 48)
        case 65...70: return UInt32(b - 55)
        case 97...102: return UInt32(b - 87)
        default: return nil
        }
    }

    static func appendUTF8(_ value: UInt32, to out: inout [UInt8]) {
        guard let scalar = Unicode.Scalar(value) else { return }
        out.append(contentsOf: UTF8.encode(scalar)!)
    }

    /// Appends `text` escaped for element content or a double-quoted attribute, with forbidden
    /// characters dropped, CR/CRLF turned into LF (what a line break inside an Excel cell is), and
    /// literal `_xHHHH_` sequences protected so Excel does not decode them.
    static func appendEscaped(_ text: String, to out: inout [UInt8]) {
        var text = text
        text.withUTF8 { appendEscaped($0, to: &out) }
    }

    static func appendEscaped(_ s: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        let n = s.count
        var i = 0
        while i < n {
            let b = s[i]
            if b >= 0x80 {
                // U+FFFE and U+FFFF (EF BF BE/BF) are the only non-ASCII scalars XML forbids.
                if b == 0xEF, i + 2 < n, s[i + 1] == 0xBF, s[i + 2] >= 0xBE {
                    i += 3
                    continue
                }
                out.append(b)
                i += 1
                continue
            }
            switch b {
            case 0x26: out.append(contentsOf: [0x26, 0x61, 0x6D, 0x70, 0x3B])  // &amp;
            case 0x3C: out.append(contentsOf: [0x26, 0x6C, 0x74, 0x3B])  // &lt;
            case 0x3E: out.append(contentsOf: [0x26, 0x67, 0x74, 0x3B])  // &gt;
            case 0x22: out.append(contentsOf: [0x26, 0x71, 0x75, 0x6F, 0x74, 0x3B])  // &quot;
            case 0x0D:
                out.append(0x0A)
                if i + 1 < n, s[i + 1] == 0x0A { i += 1 }
            case 0x5F:
                if isOOXMLEscapeShape(s, at: i) {
                    out.append(contentsOf: [0x5F, 0x78, 0x30, 0x30, 0x35, 0x46, 0x5F])  // _x005F_
                } else {
                    out.append(0x5F)
                }
            default:
                if b >= 0x20 || b == 0x09 || b == 0x0A { out.append(b) }
            }
            i += 1
        }
    }

    private static func isOOXMLEscapeShape(_ utf8: UnsafeBufferPointer<UInt8>, at i: Int) -> Bool {
        guard i + 6 < utf8.count, utf8[i + 1] == UInt8(ascii: "x"), utf8[i + 6] == UInt8(ascii: "_") else {
            return false
        }
        return (2..<6).allSatisfy { hexValue(utf8[i + $0]) != nil }
    }
}
