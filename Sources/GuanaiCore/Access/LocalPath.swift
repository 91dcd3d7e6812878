/// Where a page may send the browser back to (`?back=`, the login form's `next`): a path on this site only.
/// Browsers drop tabs and newlines inside a URL and read `\` as `/`, so `/\t/evil.example` or `/\evil.example`
/// would leave the site: the rule is checked on the value as received and once more after percent-decoding.
public enum LocalPath {
    public static func safe(_ raw: String?) -> String? {
        guard let raw, raw.count <= 2048 else { return nil }
        var candidates = [raw]
        if let decoded = raw.removingPercentEncodingASCII(), decoded != raw { candidates.append(decoded) }
        for s in candidates {
            let scalars = Array(s.unicodeScalars)
            guard scalars.first == "/" else { return nil }
            if scalars.count > 1, scalars[1] == "/" || scalars[1] == "\\" { return nil }
            // Control characters (tab, newline …), DEL, and backslashes have no place in our own paths.
            if scalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F || $0 == "\\" || (0x80...0x9F).contains($0.value) }) {
                return nil
            }
        }
        return raw
    }
}

extension String {
    /// Percent-decoding without Foundation: `%XX` pairs to bytes, read back as UTF-8 (nil when they are not UTF-8).
    func removingPercentEncodingASCII() -> String? {
        var bytes: [UInt8] = []
        var it = Array(utf8)[...]
        while let b = it.popFirst() {
            if b == UInt8(ascii: "%"), it.count >= 2, let h = hex(it[it.startIndex]), let l = hex(it[it.startIndex + 1]) {
                bytes.append(h << 4 | l)
                it = it.dropFirst(2)
            } else {
                bytes.append(b)
            }
        }
        return String(validating: bytes, as: UTF8.self)
    }

    private func hex(_ c: UInt8) -> UInt8? {
        switch c {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return c - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return c - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return c - UInt8(ascii: "A") + 10
        default: return nil
        }
    }
}
