import Foundation
import Testing
@testable import GuanaiSheets

/// Crafted files against `SheetLimits`: each is refused by the named limit, and the reader stopped within a
/// stated number of expanded bytes (counted by `ReadMeter`, so the assertion depends on neither time nor memory).
@Suite("Hostile files are refused by a named limit")
struct LimitsTests {
    static let chunk = 256 * 1024

    /// Reads the whole file; returns the error it was refused with and the bytes it had inflated by then.
    func refusal(_ url: URL, limits: SheetLimits = SheetLimits(), stop: (@Sendable () -> Bool)? = nil) -> (SheetError?, ReadMeter) {
        let meter = ReadMeter()
        let options = ReadOptions(limits: limits, meter: meter, shouldStop: stop)
        do {
            try SheetReader.open(url, options: options).forEachRow { _ in }
            return (nil, meter)
        } catch let e as SheetError {
            return (e, meter)
        } catch {
            Issue.record("unexpected error \(error)")
            return (nil, meter)
        }
    }

    func limitName(_ e: SheetError?) -> SheetLimit? {
        if case .limit(let which, _, _) = e { return which }
        return nil
    }

    func fileSize(_ url: URL) throws -> Int { try FileManager.default.attributesOfItem(atPath: url.path)[.size] as! Int }

    /// At a tenth of the scale of the issue's 300 MB cell (writing it costs a minute of CRC in a debug build;
    /// `bench/hostile.sh` runs the full size): the bound is scaled with it.
    @Test("package bomb: one cell of 30 MB, honest header → partSize before inflating it")
    func packageBomb() throws {
        let url = try Crafted.xlsx(
            "bomb.xlsx",
            [
                Crafted.sheet(
                    #"<row r="1"><c r="A1" t="inlineStr"><is><t>"#,
                    repeating: "A", count: 30_000_000, "</t></is></c></row>")
            ])
        #expect(try fileSize(url) < 100_000)
        var limits = SheetLimits()
        limits.maxPartBytes = 20_000_000
        let (error, meter) = refusal(url, limits: limits)
        guard case .limit(.partSize, 20_000_000, let seen) = error else {
            Issue.record("expected partSize, got \(String(describing: error))"); return
        }
        #expect(seen > 30_000_000)
        #expect(meter.expandedBytes == 0, "refused from the central directory, before any part is inflated")
    }

    @Test("the same bomb with a lying header → cellLength, within one token and two chunks")
    func lyingCellBomb() throws {
        let url = try Crafted.xlsx(
            "lying.xlsx",
            [
                Crafted.sheet(
                    #"<row r="1"><c r="A1" t="inlineStr"><is><t>"#,
                    repeating: "A", count: 5_000_000, "</t></is></c></row>")
            ])
        try Crafted.lie(url, path: "xl/worksheets/sheet1.xml")
        let (error, meter) = refusal(url)
        #expect(limitName(error) == .cellLength)
        #expect(meter.expandedBytes <= SheetLimits().maxTokenBytes + 2 * Self.chunk)
    }

    @Test("markup that compresses 1000:1 with a lying header → compressionRatio within ratio × file size")
    func ratioBomb() throws {
        let url = try Crafted.xlsx("ratio.xlsx", [Crafted.sheet("", repeating: "<x/>", count: 5_000_000)])
        try Crafted.lie(url, path: "xl/worksheets/sheet1.xml")
        let (error, meter) = refusal(url)
        #expect(limitName(error) == .compressionRatio)
        // The ratio is taken against the part's whole compressed size (how much of it inflate consumed is not
        // known), so the bound is the ratio times the file's size.
        #expect(meter.expandedBytes <= SheetLimits().maxCompressionRatio * (try fileSize(url)) + 2 * Self.chunk)
        #expect(meter.expandedBytes < 20_000_000 / 2)
    }

    @Test("shared-strings bomb: millions of tiny items → sharedStringCount")
    func sharedStringsBomb() throws {
        let url = try Crafted.xlsx(
            "sst.xlsx",
            [
                Crafted.sheet(#"<row r="1"><c r="A1" t="s"><v>0</v></c></row>"#),
                Crafted.sharedStrings("", repeating: "<si><t>A</t></si>", count: 2_000_000),
            ])
        try Crafted.lie(url, path: "xl/sharedStrings.xml")
        var limits = SheetLimits()
        limits.maxSharedStrings = 10_000
        let (error, meter) = refusal(url, limits: limits)
        #expect(error == .limit(.sharedStringCount, limit: 10_000, seen: 10_001))
        #expect(meter.expandedBytes <= 10_001 * 17 + 2 * Self.chunk)
        // With the defaults the same file is stopped by its ratio, before the table grows.
        let (byDefault, meter2) = refusal(url)
        #expect(limitName(byDefault) == .compressionRatio)
        #expect(meter2.expandedBytes <= SheetLimits().maxCompressionRatio * (try fileSize(url)) + 2 * Self.chunk)
        #expect(meter2.expandedBytes < 34_000_000 / 2)
    }

    @Test("one long shared string referred to by every cell → rowLength")
    func sharedStringReferences() throws {
        let long = String(repeating: "长", count: 30_000)
        let url = try Crafted.xlsx(
            "refs.xlsx",
            [
                Crafted.sheet(#"<row r="1">"#, repeating: #"<c t="s"><v>0</v></c>"#, count: 16_000, "</row>"),
                Crafted.sharedStrings("<si><t>\(long)</t></si>"),
            ])
        let (error, meter) = refusal(url)
        #expect(limitName(error) == .rowLength)
        #expect(meter.textBytes <= SheetLimits().maxRowBytes + 90_000)
    }

    @Test("a cell of 32,767 characters is read; one more is refused (inline and shared)")
    func cellLength() throws {
        for n in [32_767, 32_768] {
            let text = String(repeating: "字", count: n)
            let inline = try Crafted.xlsx(
                "inline.xlsx", [Crafted.sheet(#"<row r="1"><c r="A1" t="inlineStr"><is><t>\#(text)</t></is></c></row>"#)])
            let shared = try Crafted.xlsx(
                "shared.xlsx",
                [
                    Crafted.sheet(#"<row r="1"><c r="A1" t="s"><v>0</v></c></row>"#),
                    Crafted.sharedStrings("<si><t>\(text)</t></si>"),
                ])
            for url in [inline, shared] {
                let (error, _) = refusal(url)
                #expect(error == (n == 32_767 ? nil : .limit(.cellLength, limit: 32_767, seen: n)))
            }
        }
    }

    @Test("columns beyond XFD and rows beyond 1,048,576 are refused")
    func columnsAndRows() throws {
        let wide = try Crafted.xlsx("wide.xlsx", [Crafted.sheet(#"<row r="1"><c r="XFE1"><v>1</v></c></row>"#)])
        #expect(refusal(wide).0 == .limit(.columns, limit: 16_384, seen: 16_385))
        let tall = try Crafted.xlsx("tall.xlsx", [Crafted.sheet(#"<row r="1048577"><c r="A1048577"><v>1</v></c></row>"#)])
        #expect(refusal(tall).0 == .limit(.rows, limit: 1_048_576, seen: 1_048_577))
        let last = try Crafted.xlsx("last.xlsx", [Crafted.sheet(#"<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>"#)])
        #expect(refusal(last).0 == nil)
    }

    @Test("CSV: a line of a million columns → columns, within the first chunk")
    func millionColumns() throws {
        let url = try Crafted.file("wide.csv", Crafted.Part("", "", repeating: "a,", count: 1_000_000, "\n"))
        let (error, meter) = refusal(url)
        #expect(error == .limit(.columns, limit: 16_384, seen: 16_385))
        #expect(meter.expandedBytes <= Self.chunk)
    }

    @Test("CSV: a 30 MB unterminated quoted field → cellLength, within the first chunk")
    func unterminatedQuote() throws {
        let url = try Crafted.file("quote.csv", Crafted.Part("", "姓名,身份证号\n\"", repeating: "A", count: 30_000_000))
        let (error, meter) = refusal(url)
        #expect(limitName(error) == .cellLength)
        #expect(meter.expandedBytes <= Self.chunk)
    }

    @Test("CSV: rows beyond the limit")
    func csvRows() throws {
        let url = try Crafted.file("rows.csv", Crafted.Part("", "", repeating: "a,b\n", count: 1_000))
        var limits = SheetLimits()
        limits.maxRows = 500
        #expect(refusal(url, limits: limits).0 == .limit(.rows, limit: 500, seen: 501))
    }

    @Test("a truncated zip is unreadable, a PNG named .xlsx is not a sheet")
    func truncatedAndPNG() throws {
        let whole = try Data(contentsOf: Fixture.url("register_openpyxl.xlsx"))
        let cut = temporaryURL("cut.xlsx")
        try whole.prefix(whole.count / 2).write(to: cut)
        let (error, meter) = refusal(cut)
        guard case .unreadable = error else { Issue.record("expected unreadable, got \(String(describing: error))"); return }
        #expect(meter.expandedBytes == 0)

        let png = temporaryURL("photo.xlsx")
        try Data(
            [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52] + [UInt8](repeating: 7, count: 4000)
        ).write(to: png)
        #expect(refusal(png).0 == .unsupportedFormat("binary"))
    }

    @Test("shouldStop ends a read between chunks")
    func cancellation() throws {
        let url = try Crafted.file("many.csv", Crafted.Part("", "", repeating: "测试,421081200001010011\n", count: 100_000))
        let (error, meter) = refusal(url, stop: { true })
        #expect(error == .cancelled)
        #expect(meter.expandedBytes <= Self.chunk)
    }

    @Test("the header search compares the first 512 columns and 100 characters of each")
    func headerBounded() {
        let long = String(repeating: "姓名", count: 16_000)
        let row = SheetRow(number: 1, cells: [.text("身份证号"), .text(long)] + Array(repeating: .text(long), count: 16_000))
        let bounded = HeaderMatcher.bounded(row)
        #expect(bounded.cells.count == 512)
        #expect(bounded.cells.allSatisfy { if case .text(let t) = $0 { t.count <= 100 } else { true } })
        let match = HeaderMatcher.detect(rows: [row], schema: [ColumnSpec(key: "id", title: "身份证号"), ColumnSpec(key: "name", title: "姓名")])
        #expect(match?.columns[0] == "id")
        #expect(match?.columns[1] == "name")
    }
}
