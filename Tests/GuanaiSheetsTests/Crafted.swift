import Foundation
import ZIPFoundation

/// Hostile files built in the test, never stored: a part is a head, a pattern repeated `count` times and a tail,
/// produced lazily so a 300 MB part costs no memory to write.
enum Crafted {
    struct Part {
        let path: String
        var head: [UInt8]
        var pattern: [UInt8] = []
        var count = 0
        var tail: [UInt8] = []

        init(_ path: String, _ head: String, repeating pattern: String = "", count: Int = 0, _ tail: String = "") {
            self.path = path
            self.head = Array(head.utf8)
            self.pattern = Array(pattern.utf8)
            self.count = count
            self.tail = Array(tail.utf8)
        }

        var size: Int { head.count + pattern.count * count + tail.count }

        func bytes(at position: Int, _ n: Int) -> Data {
            var out = [UInt8]()
            out.reserveCapacity(n)
            let bodyEnd = head.count + pattern.count * count
            var p = position
            while out.count < n {
                if p < head.count {
                    out.append(head[p])
                    p += 1
                } else if p < bodyEnd {
                    // Whole repetitions at once: a byte-by-byte loop takes seconds per 30 MB in a debug build.
                    let k = (p - head.count) % pattern.count
                    let run = min(n - out.count, bodyEnd - p)
                    let block = Array(pattern[k...] + pattern[..<k])
                    var big = [UInt8](repeating: 0, count: 0)
                    big.reserveCapacity(65_536 + block.count)
                    if block.count == 1 {
                        big = [UInt8](repeating: block[0], count: 65_536)
                    } else {
                        while big.count < 65_536 { big.append(contentsOf: block) }
                    }
                    var left = run
                    while left >= big.count {
                        out.append(contentsOf: big)
                        left -= big.count
                    }
                    out.append(contentsOf: big.prefix(left))
                    p += run
                } else {
                    out.append(tail[p - bodyEnd])
                    p += 1
                }
            }
            return Data(out)
        }
    }

    static let rootRels = Part(
        "_rels/.rels",
        """
        <?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
        <Relationship Id="rId1" \
        Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>\
        </Relationships>
        """)
    static let workbook = Part(
        "xl/workbook.xml",
        """
        <?xml version="1.0"?><workbook xmlns:r="r"><sheets><sheet name="台账" sheetId="1" r:id="rId1"/></sheets></workbook>
        """)
    static let workbookRels = Part(
        "xl/_rels/workbook.xml.rels",
        """
        <?xml version="1.0"?><Relationships>\
        <Relationship Id="rId1" \
        Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>\
        <Relationship Id="rId2" \
        Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>\
        </Relationships>
        """)

    static func sheet(_ head: String, repeating pattern: String = "", count: Int = 0, _ tail: String = "") -> Part {
        Part(
            "xl/worksheets/sheet1.xml", "<worksheet><sheetData>" + head, repeating: pattern, count: count, tail + "</sheetData></worksheet>"
        )
    }

    static func sharedStrings(_ head: String, repeating pattern: String = "", count: Int = 0, _ tail: String = "") -> Part {
        Part("xl/sharedStrings.xml", "<sst>" + head, repeating: pattern, count: count, tail + "</sst>")
    }

    /// A workbook of the minimal parts plus `parts`, deflated.
    static func xlsx(_ name: String, _ parts: [Part]) throws -> URL {
        let url = temporaryURL(name)
        let archive = try Archive(url: url, accessMode: .create)
        for part in [rootRels, workbook, workbookRels] + parts {
            try archive.addEntry(
                with: part.path, type: .file, uncompressedSize: Int64(part.size),
                compressionMethod: .deflate, bufferSize: 1 << 20
            ) { position, n in
                part.bytes(at: Int(position), n)
            }
        }
        return url
    }

    /// Makes the zip headers of `path` declare `size` inflated bytes, as a crafted file may: the reader must
    /// count what it inflates, not trust the header.
    static func lie(_ url: URL, path: String, size: UInt32 = 1000) throws {
        var bytes = [UInt8](try Data(contentsOf: url))
        func u16(_ i: Int) -> Int { Int(bytes[i]) | Int(bytes[i + 1]) << 8 }
        func u32(_ i: Int) -> Int { u16(i) | u16(i + 2) << 16 }
        func put(_ i: Int) { for k in 0..<4 { bytes[i + k] = UInt8((size >> (8 * UInt32(k))) & 0xFF) } }
        var i = 0
        while i + 46 <= bytes.count {
            if bytes[i] == 0x50, bytes[i + 1] == 0x4B, bytes[i + 2] == 1, bytes[i + 3] == 2 {
                let nameLength = u16(i + 28)
                let name = String(decoding: bytes[(i + 46)..<(i + 46 + nameLength)], as: UTF8.self)
                if name == path {
                    put(i + 24)
                    put(u32(i + 42) + 22)
                }
                i += 46 + nameLength + u16(i + 30) + u16(i + 32)
            } else {
                i += 1
            }
        }
        try Data(bytes).write(to: url)
    }

    static func file(_ name: String, _ part: Part) throws -> URL {
        let url = temporaryURL(name)
        _ = FileManager.default.createFile(atPath: url.path, contents: nil)
        let handle = try FileHandle(forWritingTo: url)
        var position = 0
        while position < part.size {
            let n = min(1 << 20, part.size - position)
            handle.write(part.bytes(at: position, n))
            position += n
        }
        try handle.close()
        return url
    }
}
