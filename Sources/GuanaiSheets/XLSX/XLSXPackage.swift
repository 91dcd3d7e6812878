import Foundation
import ZIPFoundation

/// The parts of an `.xlsx` zip this library reads, located through the relationship files rather
/// than assumed paths, because WPS and some generators name them differently.
struct XLSXPackage {
    struct Sheet: Sendable {
        let name: String
        let hidden: Bool
        let path: String
    }

    let archive: Archive
    private let entries: [String: Entry]
    let guardrail: ReadGuard

    init(url: URL, guard guardrail: ReadGuard = ReadOptions().guardrail) throws {
        self.guardrail = guardrail
        do {
            archive = try Archive(url: url, accessMode: .read)
        } catch {
            throw SheetError.unreadable("not a readable zip archive")
        }
        var map: [String: Entry] = [:]
        var count = 0
        var declared = 0
        let limits = guardrail.limits
        // What the central directory declares is checked before anything is inflated; what a part really
        // inflates to is counted as it streams (`ReadGuard.expanded`), since a header can lie.
        for entry in archive {
            count += 1
            if count > limits.maxEntries { throw SheetError.limit(.entries, limit: limits.maxEntries, seen: count) }
            let size = Int(entry.uncompressedSize)
            if size > limits.maxPartBytes { throw SheetError.limit(.partSize, limit: limits.maxPartBytes, seen: size) }
            declared += size
            if declared > limits.maxPackageBytes { throw SheetError.limit(.packageSize, limit: limits.maxPackageBytes, seen: declared) }
            map[Self.key(entry.path)] = entry
        }
        entries = map
    }

    /// Zip paths compared case-insensitively and with Windows separators, as Excel itself tolerates.
    private static func key(_ path: String) -> String {
        var p = path.replacingOccurrences(of: "\\", with: "/").lowercased()
        while p.hasPrefix("/") { p.removeFirst() }
        return p
    }

    func entry(_ path: String) -> Entry? { entries[Self.key(path)] }

    /// A whole (small) part: workbook, relationships, styles.
    func read(_ path: String) throws -> [UInt8] {
        guard let entry = entry(path) else { throw SheetError.unreadable("missing part \(path)") }
        let compressed = Int(entry.compressedSize)
        try guardrail.checkDeclared(uncompressed: Int(entry.uncompressedSize), compressed: compressed)
        var bytes: [UInt8] = []
        do {
            _ = try archive.extract(entry, skipCRC32: false) { data in
                bytes.append(contentsOf: data)
                try guardrail.expanded(data.count, partSoFar: bytes.count, compressed: compressed)
            }
        } catch let error as SheetError {
            throw error
        } catch {
            throw SheetError.unreadable("corrupt part \(path)")
        }
        return bytes
    }

    /// Streams a part through an XML handler; inflating runs on a second thread (`InflatePipe`).
    func stream<H: XMLEventHandler>(_ path: String, into handler: H, stopWhen done: (H) -> Bool = { _ in false }) throws -> H {
        guard let entry = entry(path) else { throw SheetError.unreadable("missing part \(path)") }
        let compressed = Int(entry.compressedSize)
        try guardrail.checkDeclared(uncompressed: Int(entry.uncompressedSize), compressed: compressed)
        var scanner = XMLStreamScanner(handler: handler, limits: guardrail.limits)
        let pipe = InflatePipe(url: archive.url, path: path, limits: guardrail.limits)
        defer { pipe.close() }
        var partSoFar = 0
        do {
            while let data = try pipe.next() {
                partSoFar += data.count
                try guardrail.expanded(data.count, partSoFar: partSoFar, compressed: compressed)
                try data.withUnsafeBytes { try scanner.feed($0) }
                if done(scanner.handler) { return scanner.handler }
            }
            try scanner.finish()
        } catch let error as SheetError {
            throw error
        } catch let wrapped as PassThrough {
            throw wrapped.error
        } catch {
            throw SheetError.unreadable("corrupt part \(path): \(error)")
        }
        return scanner.handler
    }

    /// Carries an error thrown by the caller's row closure past the "corrupt archive" mapping.
    struct PassThrough: Error {
        let error: any Error
    }

    // MARK: Relationships

    struct Relationship {
        let id: String
        let type: String
        let target: String
    }

    /// Relationships of `partPath`, targets resolved to package paths.
    func relationships(of partPath: String) throws -> [Relationship] {
        let dir = (partPath as NSString).deletingLastPathComponent
        let file = (partPath as NSString).lastPathComponent
        let relsPath = dir.isEmpty ? "_rels/\(file).rels" : "\(dir)/_rels/\(file).rels"
        guard entry(relsPath) != nil else { return [] }
        var collector = ElementCollector(element: "Relationship")
        try collector.feed(read(relsPath))
        return collector.items.compactMap { attrs in
            guard let id = attrs["Id"], let target = attrs["Target"] else { return nil }
            if attrs["TargetMode"] == "External" { return nil }
            return Relationship(id: id, type: attrs["Type"] ?? "", target: Self.resolve(target, from: dir))
        }
    }

    static func resolve(_ target: String, from dir: String) -> String {
        var parts: [Substring] = target.hasPrefix("/") ? [] : dir.split(separator: "/")
        for part in target.split(separator: "/") {
            if part == "." { continue }
            if part == ".." { _ = parts.popLast(); continue }
            parts.append(part)
        }
        return parts.joined(separator: "/")
    }

    // MARK: Workbook

    struct Workbook {
        let sheets: [Sheet]
        let date1904: Bool
        let sharedStringsPath: String?
        let stylesPath: String?
    }

    func workbook() throws -> Workbook {
        let rootRels = try relationships(of: "")
        let workbookPath = rootRels.first { $0.type.hasSuffix("/officeDocument") }?.target ?? "xl/workbook.xml"
        let rels = try relationships(of: workbookPath)
        var byId: [String: Relationship] = [:]
        for rel in rels { byId[rel.id] = rel }

        var collector = ElementCollector(element: "sheet", also: "workbookPr")
        try collector.feed(read(workbookPath))
        var sheets: [Sheet] = []
        for attrs in collector.items {
            guard let name = attrs["name"] else { continue }
            // Chart sheets, dialog sheets and macro sheets have no cells.
            guard let rid = attrs["id"], let rel = byId[rid], rel.type.hasSuffix("/worksheet") else { continue }
            let state = attrs["state"] ?? "visible"
            sheets.append(Sheet(name: name, hidden: state != "visible", path: rel.target))
        }
        let flag = collector.secondary.first?["date1904"]
        return Workbook(
            sheets: sheets,
            date1904: flag == "1" || flag == "true",
            sharedStringsPath: rels.first { $0.type.hasSuffix("/sharedStrings") }?.target
                ?? (entry("xl/sharedStrings.xml") != nil ? "xl/sharedStrings.xml" : nil),
            stylesPath: rels.first { $0.type.hasSuffix("/styles") }?.target
                ?? (entry("xl/styles.xml") != nil ? "xl/styles.xml" : nil)
        )
    }

    // MARK: Styles

    /// Number-format kind per `cellXfs` index (the cell's `s` attribute).
    func styleKinds(_ path: String?) throws -> [NumberFormatKind] {
        guard let path, entry(path) != nil else { return [] }
        var handler = StylesHandler()
        var scanner = XMLStreamScanner(handler: handler, limits: guardrail.limits)
        try scanner.feed(read(path))
        handler = scanner.handler
        return handler.xfFormatIds.map { id in
            if let code = handler.customFormats[id] { return NumberFormatKind.classify(code: code) }
            return NumberFormatKind.builtIn(id)
        }
    }
}

/// Collects the attributes of every occurrence of one element (and optionally a second one).
struct ElementCollector: XMLEventHandler {
    let element: StaticString
    let also: StaticString?
    var items: [[String: String]] = []
    var secondary: [[String: String]] = []

    init(element: StaticString, also: StaticString? = nil) {
        self.element = element
        self.also = also
    }

    mutating func feed(_ bytes: [UInt8]) throws {
        var scanner = XMLStreamScanner(handler: self)
        try scanner.feed(bytes)
        try scanner.finish()
        self = scanner.handler
    }

    mutating func start(_ name: ByteSlice, _ attributes: XMLAttributes, selfClosing: Bool) throws {
        let isPrimary = name.equals(element)
        let isSecondary = also.map { name.equals($0) } ?? false
        guard isPrimary || isSecondary else { return }
        var dict: [String: String] = [:]
        attributes.forEach { key, value in
            dict[key.rawString] = XMLText.decode(value, ooxmlEscapes: false)
        }
        if isPrimary { items.append(dict) } else { secondary.append(dict) }
    }

    mutating func end(_ name: ByteSlice) throws {}
    mutating func text(_ raw: ByteSlice, isCDATA: Bool) throws {}
}

private struct StylesHandler: XMLEventHandler {
    var customFormats: [Int: String] = [:]
    var xfFormatIds: [Int] = []
    private var inCellXfs = false

    mutating func start(_ name: ByteSlice, _ attributes: XMLAttributes, selfClosing: Bool) throws {
        if name.equals("numFmt") {
            if let id = attributes.value("numFmtId")?.decimalInt, let code = attributes.string("formatCode") {
                customFormats[id] = code
            }
        } else if name.equals("cellXfs") {
            inCellXfs = !selfClosing
        } else if inCellXfs, name.equals("xf") {
            xfFormatIds.append(attributes.value("numFmtId")?.decimalInt ?? 0)
        }
    }

    mutating func end(_ name: ByteSlice) throws {
        if name.equals("cellXfs") { inCellXfs = false }
    }

    mutating func text(_ raw: ByteSlice, isCDATA: Bool) throws {}
}
