import Testing
import Foundation
@testable import GuanaiWeb

/// The source tree holds its own rules: where migrations live, and which files may touch the database directly.
@Suite struct LayoutTests {
    static let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Sources/GuanaiWeb")

    static func swiftFiles() -> [(url: URL, text: String)] {
        FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil)!.compactMap { $0 as? URL }
            .filter { $0.pathExtension == "swift" }
            .compactMap { url in (try? String(contentsOf: url, encoding: .utf8)).map { (url, $0) } }
    }

    /// Fluent records each migration by name on every database it has run on; a renamed, moved-into-a-type or
    /// reordered migration would run again, or be skipped, on the databases already in use.
    @Test func migrationNamesAreThoseAlreadyRecorded() {
        #expect(
            Migrations.all.map(\.name) == [
                "GuanaiWeb.M0001_CreateUnits", "GuanaiWeb.M0002_CreateUnitChanges", "GuanaiWeb.M0003_CreateUsers",
                "GuanaiWeb.M0004_CreateSessions", "GuanaiWeb.M0005_CreatePendingForms", "GuanaiWeb.M0006_CreateAuditLog",
                "GuanaiWeb.M0007_AuditAppendOnlyTriggers", "GuanaiWeb.M0008_CreateRegistry", "GuanaiWeb.M0009_CreateWomen",
                "GuanaiWeb.M0010_ChildMergedInto", "GuanaiWeb.M0011_ChildListIndex", "GuanaiWeb.M0012_ChildTallies",
                "GuanaiWeb.M0013_SafetyNet", "GuanaiWeb.M0014_SweepLease", "GuanaiWeb.M0015_Reports", "GuanaiWeb.M0016_Outbox",
                "GuanaiWeb.M0017_Settings", "GuanaiWeb.M0018_VisitPhotos", "GuanaiWeb.M0019_IntakeUploads", "GuanaiWeb.M0020_Pairing",
                "GuanaiWeb.M0021_PairFollowup", "GuanaiWeb.M0022_Campaigns", "GuanaiWeb.M0023_PairStartIndex",
                "GuanaiWeb.M0024_LikelyDuplicateIndex", "GuanaiWeb.M0025_OverdueSweepIndex", "GuanaiWeb.M0026_AlertsDueIndex",
                "GuanaiWeb.M0027_LoginFailures", "GuanaiWeb.M0028_IntakeLease", "GuanaiWeb.M0029_IntakePreviewWatch",
                "GuanaiWeb.M0030_Stations",
                "GuanaiWeb.M0031_StationDays", "GuanaiWeb.M0032_LastContact",
                "GuanaiWeb.M0033_NeighbourGroups",
                "GuanaiWeb.M0034_Sites",
                "GuanaiWeb.M0035_Donations",
                "GuanaiWeb.M0036_ChildrenEvents",
                "GuanaiWeb.M0039_AccountDuties",
                "GuanaiWeb.M0040_ChildrenEventChanges",
                "GuanaiWeb.M0041_StationCoverage",
                "GuanaiWeb.M0043_Training",
                "GuanaiWeb.M0044_JobFairs",
                "GuanaiWeb.M0045_Loans", "GuanaiWeb.M0046_LoanFigures", "GuanaiWeb.M0048_Rights", "GuanaiWeb.M0049_RightsReminders",
                "GuanaiWeb.M0050_RightsStats", "GuanaiWeb.M0051_RightsSafety",
                "GuanaiWeb.M0052_RightsStatsIndex",
                "GuanaiWeb.M0053_RightsChildReports",
                "GuanaiWeb.M0054_Health",
                "GuanaiWeb.M0055_HealthCampaigns",
                "GuanaiWeb.M0056_HealthTeams",
                "GuanaiWeb.M0057_HealthWomenIndex",
            ])
    }

    /// A shipped migration is found by its number alone: Migrations/M00xx_Name.swift, top level, one per file.
    @Test func everyMigrationIsInItsOwnFile() throws {
        let declaration = try Regex(#"^([ \t]*)(?:[a-z]+[ \t]+)*struct[ \t]+(M0\w+)"#).anchorsMatchLineEndings()
        var found: [String] = []
        for (url, text) in Self.swiftFiles() {
            for m in text.matches(of: declaration) {
                let indent = m.output[1].substring.map(String.init) ?? ""
                let name = m.output[2].substring.map(String.init) ?? ""
                found.append(name)
                let folder = url.deletingLastPathComponent().lastPathComponent
                #expect(folder == "Migrations", "\(name) is declared in \(folder)/\(url.lastPathComponent)")
                #expect(url.lastPathComponent == name + ".swift", "\(name) is declared in \(url.lastPathComponent)")
                #expect(indent.isEmpty, "\(name) is nested in another declaration")
            }
        }
        #expect(found.sorted() == Migrations.all.map { String(describing: type(of: $0)) }.sorted())
    }

    /// A file that registers routes or renders pages reaches records only through `Scoped` and the features' query
    /// files: a `.query(on:`, the system scope or raw SQL there would bypass the jurisdiction, unseen by review.
    /// Chosen by content, not by file name, so a new page file cannot slip past by being named differently.
    @Test func pagesAndRoutesHaveNoUnscopedQueries() throws {
        let marks = ["RouteCollection", "func boot(routes", "RoutesBuilder", "Layout.page("]
        let registration = try Regex(#"\.(get|post|put|patch|delete)\(("|SiteURL\.|use:)"#)
        let forbidden = [
            ".query(on:", "Scoped.system", "scoped: .system(",
            "sql.raw(", "sql.select()", "sql.update(", "sql.insert(", "sql.delete(",
        ]
        let files = Self.swiftFiles().filter { f in marks.contains { f.text.contains($0) } || f.text.contains(registration) }
        let names = Set(files.map(\.url.lastPathComponent))
        let expected = [
            "configure.swift", "Auth+Controller.swift", "Registry+Pages.swift",
            "Pairing+DeskAPIController.swift", "Settings+Pages.swift",
        ]
        for known in expected {
            #expect(names.contains(known), "\(known) is not recognised as a page or route file")
        }
        for (url, text) in files {
            for (n, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                for f in forbidden where line.contains(f) {
                    Issue.record("\(url.lastPathComponent):\(n + 1) uses \(f) outside a query or service file")
                }
            }
        }
    }

    /// Every `.swift` file under `Sources` (all four targets), by path relative to `Sources`.
    static func allSources() -> [(path: String, text: String)] {
        let root = sources.deletingLastPathComponent()
        return FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)!.compactMap { $0 as? URL }
            .filter { $0.pathExtension == "swift" }
            .compactMap { url in
                (try? String(contentsOf: url, encoding: .utf8)).map { (url.path.replacingOccurrences(of: root.path + "/", with: ""), $0) }
            }
    }

    /// Runs of `length` identical lines (trimmed, blank lines skipped) that stand in two or more files.
    static func repeatedBlocks(_ files: [(path: String, text: String)], length: Int = 12) -> [(files: [String], first: String)] {
        var places: [[Substring]: Set<String>] = [:]
        for (path, text) in files {
            let lines = text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
                .map { Substring($0) }
            guard lines.count >= length else { continue }
            for i in 0...(lines.count - length) { places[Array(lines[i..<i + length]), default: []].insert(path) }
        }
        return places.filter { $0.value.count > 1 }.map { (files: $0.value.sorted(), first: String($0.key[0])) }
    }

    /// A block written twice is a shape or a rule that should have one home (issue 16): twelve identical lines in two
    /// files of `Sources` fail here.
    @Test func noTwelveLineBlockIsWrittenTwice() {
        let sources = Self.allSources()
        #expect(sources.count > 150)
        for block in Self.repeatedBlocks(sources) {
            Issue.record("12 identical lines starting \"\(block.first)\" stand in \(block.files.joined(separator: ", "))")
        }
        // The counter itself finds a copied block and ignores a shorter one.
        let block = (1...12).map { "let v\($0) = \($0)" }.joined(separator: "\n")
        #expect(Self.repeatedBlocks([("a", "x\n" + block), ("b", block + "\ny")]).count == 1)
        #expect(Self.repeatedBlocks([("a", block), ("b", block.split(separator: "\n").dropLast().joined(separator: "\n"))]).isEmpty)
    }

    /// The line limit of `.swift-format`, counted in characters as a reader sees them.
    @Test func noSourceLineIsOver140Characters() {
        for (path, text) in Self.allSources() {
            for (n, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() where line.count > 140 {
                Issue.record("\(path):\(n + 1) has \(line.count) characters")
            }
        }
    }
}
