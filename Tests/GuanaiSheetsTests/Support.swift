import Foundation
import GuanaiSheets

enum Fixture {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    static func url(_ name: String) -> URL { directory.appendingPathComponent(name) }

    /// IDs written by make_fixtures.py, in its order: text, exact, lost, full-width, lower-case x.
    static let ids: [String] = {
        let text = (try? String(contentsOf: url("ids.txt"), encoding: .utf8)) ?? ""
        return text.split(separator: "\n").map(String.init)
    }()
}

func readAll(_ url: URL, sheet: String? = nil, options: ReadOptions = ReadOptions()) throws -> [Int: [CellValue]] {
    var rows: [Int: [CellValue]] = [:]
    try SheetReader.open(url, sheet: sheet, options: options).forEachRow { rows[$0.number] = $0.cells }
    return rows
}

func temporaryURL(_ name: String) -> URL {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("guanai-sheets-tests-\(UUID().uuidString)")
    try? FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    return dir.appendingPathComponent(name)
}
