import Foundation
#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The shared string table, kept as one byte arena plus offsets (no object per string, so a
/// million distinct IDs cost their bytes and 8 bytes each). Past the spill limits the arena moves
/// to an unlinked temporary file and is read back through a small block cache.
final class SharedStrings {
    private var arena: [UInt8] = []
    private var offsets: [Int] = [0]
    private var spill: SpillFile?
    private let limits: ReadOptions
    private let bounds: SheetLimits

    init(limits: ReadOptions) {
        self.limits = limits
        self.bounds = limits.limits
    }

    var count: Int { offsets.count - 1 }

    var isSpilled: Bool { spill != nil }

    /// Scratch for the item being read once the table has spilled.
    private var item: [UInt8] = []

    /// Adds one text node of the current `<si>`, decoding entities and `_xHHHH_` escapes straight
    /// into the arena (text nodes are never split, so an escape is never cut in two).
    func appendText(_ raw: ByteSlice, isCDATA: Bool) throws {
        let itemBytes: Int
        if spill == nil {
            Self.appendDecoded(raw, isCDATA: isCDATA, to: &arena)
            itemBytes = arena.count - offsets[offsets.count - 1]
        } else {
            Self.appendDecoded(raw, isCDATA: isCDATA, to: &item)
            itemBytes = item.count
        }
        // Many rich-text runs can make one item; each run alone is bounded by the scanner.
        if itemBytes > 3 * bounds.maxCellCharacters {
            throw SheetError.limit(.cellLength, limit: bounds.maxCellCharacters, seen: itemBytes / 3)
        }
    }

    private static func appendDecoded(_ raw: ByteSlice, isCDATA: Bool, to out: inout [UInt8]) {
        let plain =
            isCDATA
            || (memchr(raw.base, Int32(UInt8(ascii: "&")), raw.count) == nil
                && memchr(raw.base, Int32(UInt8(ascii: "_")), raw.count) == nil)
        if plain {
            out.append(contentsOf: raw.buffer)
        } else {
            XMLText.decode(raw, ooxmlEscapes: true, into: &out)
        }
    }

    /// Closes the current `<si>`.
    func endItem() throws {
        let itemBytes = spill == nil ? arena.count - offsets[offsets.count - 1] : item.count
        if itemBytes > bounds.maxCellCharacters {
            let text =
                spill == nil
                ? arena.withUnsafeBufferPointer {
                    String(decoding: UnsafeBufferPointer(rebasing: $0[offsets[offsets.count - 1]...]), as: UTF8.self)
                }
                : String(decoding: item, as: UTF8.self)
            if text.utf16.count > bounds.maxCellCharacters {
                throw SheetError.limit(.cellLength, limit: bounds.maxCellCharacters, seen: text.utf16.count)
            }
        }
        if count >= bounds.maxSharedStrings {
            throw SheetError.limit(.sharedStringCount, limit: bounds.maxSharedStrings, seen: count + 1)
        }
        if let spill {
            try spill.append(item)
            offsets.append(offsets[offsets.count - 1] + item.count)
            item.removeAll(keepingCapacity: true)
        } else {
            offsets.append(arena.count)
        }
        if offsets[offsets.count - 1] > bounds.maxSharedStringBytes {
            throw SheetError.limit(.sharedStringBytes, limit: bounds.maxSharedStringBytes, seen: offsets[offsets.count - 1])
        }
        if spill == nil, count > limits.sharedStringsSpillCount || arena.count > limits.sharedStringsSpillBytes {
            let file = try SpillFile()
            try file.append(arena)
            arena = []
            spill = file
        }
    }

    func string(at index: Int) throws -> String {
        guard index >= 0, index < count else {
            throw SheetError.unreadable("shared string index \(index) out of range")
        }
        let start = offsets[index]
        let end = offsets[index + 1]
        if let spill { return try spill.string(from: start, to: end) }
        return arena.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[start..<end]), as: UTF8.self) }
    }

    static func load(from package: XLSXPackage, path: String?, limits: ReadOptions) throws -> SharedStrings {
        let table = SharedStrings(limits: limits)
        guard let path, package.entry(path) != nil else { return table }
        _ = try package.stream(path, into: SharedStringsHandler(table: table))
        try table.spill?.flush()
        return table
    }
}

private struct SharedStringsHandler: XMLEventHandler {
    let table: SharedStrings
    private var inItem = false
    private var collecting = false
    private var phoneticDepth = 0

    init(table: SharedStrings) {
        self.table = table
    }

    mutating func start(_ name: ByteSlice, _ attributes: XMLAttributes, selfClosing: Bool) throws {
        if name.equals("si") {
            inItem = !selfClosing
            if selfClosing { try table.endItem() }
        } else if name.equals("rPh") {
            // Phonetic guides (furigana) are not part of the cell's text.
            if !selfClosing { phoneticDepth += 1 }
        } else if inItem, phoneticDepth == 0, name.equals("t") {
            collecting = !selfClosing
        }
    }

    mutating func end(_ name: ByteSlice) throws {
        if name.equals("t") {
            collecting = false
        } else if name.equals("rPh") {
            phoneticDepth = max(0, phoneticDepth - 1)
        } else if name.equals("si"), inItem {
            inItem = false
            try table.endItem()
        }
    }

    mutating func text(_ raw: ByteSlice, isCDATA: Bool) throws {
        if collecting { try table.appendText(raw, isCDATA: isCDATA) }
    }
}

/// Append-only byte store in an anonymous temporary file. Reads go through a small cache of
/// 64 KiB blocks: a sheet refers to shared strings roughly in the order they were first used,
/// so neighbouring strings are usually wanted together.
private final class SpillFile {
    private static let blockSize = 64 * 1024
    private static let cachedBlocks = 64

    private let fd: Int32
    private var writeBuffer: [UInt8] = []
    private var flushed = 0
    private var blocks: [Int: [UInt8]] = [:]
    private var blockOrder: [Int] = []

    init() throws {
        var template = Array((NSTemporaryDirectory() + "/guanai-sst-XXXXXX").utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else { throw SheetError.io("cannot create temporary file: \(String(cString: strerror(errno)))") }
        // Unlinked at once so nothing is left behind if the process dies mid-import.
        template.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) }
        self.fd = fd
    }

    deinit { close(fd) }

    func append(_ bytes: [UInt8]) throws {
        writeBuffer.append(contentsOf: bytes)
        if writeBuffer.count >= 1 << 20 { try flush() }
    }

    func flush() throws {
        var written = 0
        while written < writeBuffer.count {
            let n = writeBuffer.withUnsafeBytes { buffer in
                pwrite(fd, buffer.baseAddress! + written, buffer.count - written, off_t(flushed + written))
            }
            guard n > 0 else { throw SheetError.io("cannot write temporary file: \(String(cString: strerror(errno)))") }
            written += n
        }
        flushed += written
        writeBuffer.removeAll(keepingCapacity: true)
    }

    func string(from start: Int, to end: Int) throws -> String {
        let blockIndex = start / Self.blockSize
        guard end <= (blockIndex + 1) * Self.blockSize else {
            return String(decoding: try read(at: start, count: end - start), as: UTF8.self)
        }
        let block = try self.block(blockIndex)
        let offset = blockIndex * Self.blockSize
        return block.withUnsafeBufferPointer {
            String(decoding: UnsafeBufferPointer(rebasing: $0[(start - offset)..<(end - offset)]), as: UTF8.self)
        }
    }

    private func block(_ index: Int) throws -> [UInt8] {
        if let cached = blocks[index] { return cached }
        let block = try read(at: index * Self.blockSize, count: min(Self.blockSize, flushed - index * Self.blockSize))
        if blockOrder.count >= Self.cachedBlocks {
            blocks[blockOrder.removeFirst()] = nil
        }
        blocks[index] = block
        blockOrder.append(index)
        return block
    }

    private func read(at offset: Int, count: Int) throws -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: count)
        var done = 0
        while done < count {
            let n = bytes.withUnsafeMutableBytes { pread(fd, $0.baseAddress! + done, count - done, off_t(offset + done)) }
            guard n > 0 else { throw SheetError.io("cannot read temporary file") }
            done += n
        }
        return bytes
    }
}
