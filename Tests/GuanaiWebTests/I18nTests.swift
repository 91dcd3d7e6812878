import Testing
import Foundation
import GuanaiCore
@testable import GuanaiWeb

@Suite struct I18nTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func webSources() throws -> [(String, String)] {
        let dir = root.appendingPathComponent("Sources/GuanaiWeb")
        return try FileManager.default.enumerator(at: dir, includingPropertiesForKeys: nil)!.compactMap { $0 as? URL }
            .filter { $0.pathExtension == "swift" }
            .map { ($0.path.replacingOccurrences(of: dir.path + "/", with: ""), try String(contentsOf: $0, encoding: .utf8)) }
    }

    @Test func bothCataloguesHaveTheSameKeys() {
        let zh = Set(Catalogue.zh.keys), en = Set(Catalogue.en.keys)
        #expect(zh.subtracting(en).sorted() == [], "missing in English")
        #expect(en.subtracting(zh).sorted() == [], "missing in Chinese")
        #expect(zh.count > 150)
    }

    @Test func everyKeyTheCodeUsesExists() throws {
        var used = Set<String>()
        let pattern = /\b(?:t|label|title|key|titleKey)\(?:?\s?"([a-zA-Z]+\.[a-zA-Z.]+)"/
        for (_, text) in try Self.webSources() {
            for m in text.matches(of: pattern) where !m.1.hasSuffix(".") { used.insert(String(m.1)) }
        }
        // Keys built from tokens.
        for r in Role.allCases { used.insert("role." + r.rawValue) }
        for k in DivisionKind.allCases { used.insert("kind." + k.rawValue) }
        for a in AuditAction.allCases { used.insert("audit.action." + a.rawValue) }
        for f in AuditController.fieldNames { used.insert("f." + f) }
        for r in AuditController.recordTypes { used.insert("record." + r) }
        for c in ["loaded", "added", "renamed", "merged", "absorbed", "retired", "recoded"] { used.insert("units.change." + c) }
        #expect(used.count > 80)
        for k in used.sorted() { #expect(Catalogue.zh[k] != nil && Catalogue.en[k] != nil, "key \(k)") }
    }

    /// UI text lives in the catalogues; view code with a Chinese literal would show Chinese to English readers.
    @Test func noChineseLiteralsInViewCode() throws {
        let allowed = [
            "Demo/Demo.swift", "Demo/DemoData.swift", "Demo/DemoData+Neighbours.swift",
            "Demo/DemoData+Donations.swift", "Demo/DemoData+Training.swift", "Demo/DemoData+JobFairs.swift",
            "Demo/DemoData+Loans.swift", "Demo/DemoData+Rights.swift", "Demo/DemoData+Health.swift",
        ]
        for (path, text) in try Self.webSources() where !allowed.contains(path) && !path.hasPrefix("Shared/I18n/Catalogue+") {
            for (i, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                let code = line.components(separatedBy: "//").first ?? ""
                let hasCJK = code.unicodeScalars.contains {
                    (0x4E00...0x9FFF).contains($0.value) || (0x3000...0x303F).contains($0.value) || (0xFF00...0xFFEF).contains($0.value)
                }
                #expect(!hasCJK, "\(path):\(i + 1) has a Chinese literal")
            }
        }
    }
}
