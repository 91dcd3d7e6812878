import Foundation
#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Decides the format from the first bytes, because office staff rename files freely.
enum FormatSniffer {
    static func sniff(_ url: URL) throws -> SheetReader.Format {
        let file = try ChunkedFile(url: url)
        let head = try file.read(at: 0, count: 512)
        guard !head.isEmpty else { throw SheetError.emptyFile }
        if head.starts(with: [0x50, 0x4B, 0x03, 0x04]) { return .xlsx }
        if head.starts(with: [0x50, 0x4B, 0x05, 0x06]) { throw SheetError.unreadable("empty zip archive") }
        if head.starts(with: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
            throw try file.containsUTF16("EncryptedPackage") ? SheetError.passwordProtected : SheetError.legacyXLS
        }
        if head.starts(with: [0xFF, 0xFE]) || head.starts(with: [0xFE, 0xFF]) {
            throw SheetError.unsupportedFormat("utf16")
        }
        // A NUL never occurs in CSV text in either encoding we read: an image or other binary file renamed.
        if head.contains(0) { throw SheetError.unsupportedFormat("binary") }
        var text = head[...]
        if text.starts(with: [0xEF, 0xBB, 0xBF]) { text = text.dropFirst(3) }
        let firstNonSpace = text.first { !isXMLSpace($0) }
        if firstNonSpace == UInt8(ascii: "<") {
            // HTML tables and SpreadsheetML 2003 saved with an .xls name by web systems.
            let lowered = String(decoding: text.prefix(256), as: UTF8.self).lowercased()
            throw SheetError.unsupportedFormat(lowered.contains("<html") || lowered.contains("<!doctype") ? "html" : "xml")
        }
        return .csv
    }
}

/// Reads a file in fixed-size chunks with plain POSIX calls.
final class ChunkedFile {
    private let fd: Int32
    private let path: String
    static let chunkSize = 256 * 1024

    init(url: URL) throws {
        path = url.path
        fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw SheetError.io("\(path): \(String(cString: strerror(errno)))") }
    }

    deinit { close(fd) }

    func read(at offset: Int, count: Int) throws -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: count)
        let n = bytes.withUnsafeMutableBytes { pread(fd, $0.baseAddress!, count, off_t(offset)) }
        guard n >= 0 else { throw SheetError.io("\(path): \(String(cString: strerror(errno)))") }
        bytes.removeLast(count - n)
        return bytes
    }

    /// Sequential chunks from the start; `body` returns false to stop early.
    func forEachChunk(_ body: (UnsafeRawBufferPointer) throws -> Bool) throws {
        var buffer = [UInt8](repeating: 0, count: Self.chunkSize)
        var offset = 0
        while true {
            let n = buffer.withUnsafeMutableBytes { pread(fd, $0.baseAddress!, Self.chunkSize, off_t(offset)) }
            guard n >= 0 else { throw SheetError.io("\(path): \(String(cString: strerror(errno)))") }
            if n == 0 { return }
            offset += n
            let goOn = try buffer.withUnsafeBytes { try body(UnsafeRawBufferPointer(rebasing: $0[0..<n])) }
            if !goOn { return }
        }
    }

    /// Whether the UTF-16LE form of `needle` occurs anywhere, e.g. an OLE2 directory entry name.
    func containsUTF16(_ needle: String) throws -> Bool {
        let pattern = needle.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        var carry: [UInt8] = []
        var found = false
        try forEachChunk { chunk in
            let window = carry + chunk
            found = window.withUnsafeBufferPointer { w in
                guard w.count >= pattern.count else { return false }
                for i in 0...(w.count - pattern.count) where w[i] == pattern[0] {
                    if pattern.indices.allSatisfy({ w[i + $0] == pattern[$0] }) { return true }
                }
                return false
            }
            carry = Array(window.suffix(pattern.count - 1))
            return !found
        }
        return found
    }
}
