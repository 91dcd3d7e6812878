import Foundation
import GuanaiCore
import Testing

/// Statuses, kinds, situations, relations, tiers and channels are Core enums: the web module names them by case, never by
/// spelling. A token retyped as a string literal compiles whatever it says, so a misspelt or renamed one fails silently;
/// this suite finds every such literal.
@Suite struct TokenLiteralTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static func values<E: CaseIterable & RawRepresentable>(_: E.Type) -> (String, [String]) where E.RawValue == String {
        (String(describing: E.self), E.allCases.map(\.rawValue))
    }

    /// Every Core enum whose raw values are stored, sent or put in a URL.
    static let tokenEnums: [(String, [String])] = [
        values(Sex.self), values(Hukou.self), values(Health.self), values(VitalStatus.self), values(ParentSituation.self),
        values(LivingArrangement.self), values(GuardianRelation.self), values(ChildStatus.self), values(WomanStatus.self),
        values(PovertyStatus.self), values(ChildNeed.self), values(WomanNeed.self), values(ChildCategory.self),
        values(ChildSort.self), values(ReasonCode.self),
        values(ReminderLevel.self), values(VolunteerSkill.self), values(ScreeningStep.self), values(VolunteerStatus.self),
        values(PairStatus.self), values(PairCloseReason.self), values(ContactMode.self), values(CheckinWith.self),
        values(PairAction.self),
        values(OutboxStatus.self), values(OutboxChannelName.self), values(ReportStatus.self), values(ReportStepKind.self),
        values(ReportAction.self), values(InterventionDecision.self), values(AlertKind.self), values(AlertStatus.self),
        values(RiskTier.self), values(VisitMode.self), values(VisitCheck.self), values(CheckAnswer.self),
        values(EscalationLevel.self), values(EscalationStep.self), values(InboxRule.self),
        values(Role.self), values(Action.self), values(RecordKind.self), values(AuditSubject.self), values(AuditAction.self),
        values(IntakeKind.self), values(IntakeUploadStatus.self),
        ("PreviewWatch.Stage", ["running", "done", "stopped", "failed"]),
        values(StationHost.self), values(StationSession.self), values(StationStatus.self), values(AttendanceStatus.self),
        values(StationActivityKind.self), values(ChildrenEventKind.self), values(ChildrenEventStatus.self),
        values(NeighbourGroupStatus.self), values(NeighbourActivityKind.self),
        values(DonorKind.self), values(DonationType.self), values(AllocationTarget.self),
        values(UnitStatus.self), values(DivisionKind.self), values(UnitChangeKind.self), values(ChangeCause.self),
        values(SiteKind.self),
        values(LoanKind.self), values(LoanStatus.self), values(LoanStep.self), values(LoanDecision.self), values(RepaymentMethod.self),
        values(SubsidyStatus.self), values(Duty.self), values(CourseTopic.self), values(FollowupOutcome.self),
        values(EnrolmentStage.self),
        values(LoanReminderLevel.self), values(SubsidyAction.self), values(ReminderSubject.self), values(FollowupReminderLevel.self),
        values(RightsChannel.self), values(RightsCategory.self), values(RightsStatus.self), values(PartyRole.self),
        values(RightsOutcomeKind.self), values(RightsReferral.self), values(RightsCompliance.self), values(RightsAccessKind.self),
        values(RightsEvent.self), values(RightsAssignmentKind.self), values(RightsDeadlineKind.self),
        values(RightsReminderLevel.self), values(SafetyRisk.self), values(ProtectionOrderStatus.self),
        values(HealthProgramme.self), values(HealthCampaignProgramme.self), values(HealthExamFinding.self),
        values(CervicalMethod.self), values(CytologyResult.self), values(HPVResult.self), values(BiRads.self),
        values(FollowupStep.self), values(HealthDeadlineKind.self), values(CervicalDiagnosis.self), values(BreastDiagnosis.self),
        values(CancerStage.self), values(HealthFollowupStatus.self), values(HealthLostReason.self), values(HealthAttemptChannel.self),
        values(HealthTeamKind.self), values(HealthReminderLevel.self), values(HealthIndicatorCode.self), values(HealthCampaignStage.self),
        values(HealthOutboxKind.self),
        values(AssessmentScore.UnscoredReason.self), values(WomensHomeRating.self), values(PenjingTownship.Reason.self),
    ]

    /// Core string enums whose raw values are names, not values: JSON and form field names (each record's plain
    /// fields, coding keys) and a ledger's parent columns. A field named `phone` is not the contact mode `phone`.
    static let nameEnums: Set<String> = ["CodingKeys", "ChildDetail", "WomanDetail", "VolunteerDetail", "ParentRole"]

    /// Core string enums whose tokens are everyday field names too (`month`, `year`, `count`, `rate`): a literal of
    /// those words in the web module is a JSON key or a column far more often than the token, so the scan would only
    /// cry wolf. The web still names these by case.
    static let commonWordEnums: Set<String> = ["Kind", "TargetKind"]

    @Test func everyCoreStringEnumIsListed() throws {
        let declaration = try Regex(#"enum\s+(\w+)\s*:\s*String\b"#)
        let listed = Set(Self.tokenEnums.map { $0.0.split(separator: ".").last.map(String.init) ?? $0.0 })
        var missing: [String] = []
        for (url, text) in Self.swiftFiles(under: "Sources/GuanaiCore") {
            for m in text.matches(of: declaration) {
                let name = String(m.output[1].substring ?? "")
                if !listed.contains(name) && !Self.nameEnums.contains(name) && !Self.commonWordEnums.contains(name) {
                    missing.append("\(name) (\(url.lastPathComponent))")
                }
            }
        }
        #expect(missing.isEmpty, "Core string enums neither listed as tokens nor as names: \(missing.sorted())")
    }

    /// The stage list above is written out because `Stage` is not `CaseIterable`; it must match Core.
    @Test func previewStagesAreTheCoreOnes() {
        for raw in Self.tokenEnums.first(where: { $0.0 == "PreviewWatch.Stage" })!.1 {
            #expect(PreviewWatch.Stage(rawValue: raw) != nil, "\(raw)")
        }
    }

    @Test func noTokenIsSpelledOutInTheWebModule() {
        let tokens = Set(Self.tokenEnums.flatMap(\.1))
        var found: [String] = []
        for (url, text) in Self.swiftFiles(under: "Sources/GuanaiWeb") {
            let path = url.path
            if path.contains("/Migrations/") || path.contains("/I18n/") { continue }
            for (n, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                for hit in Self.tokenLiterals(in: String(line), tokens: tokens) {
                    found.append("\(url.lastPathComponent):\(n + 1): \(hit)")
                }
            }
        }
        #expect(found.isEmpty, "\(found.count) token literals:\n\(found.joined(separator: "\n"))")
    }

    /// The scanner itself: what it must find and what it must leave.
    @Test func theScannerTellsValuesFromNames() {
        let t: Set<String> = ["exited", "open", "phone", "critical", "left_behind", "children"]
        #expect(Self.tokenLiterals(in: #"if status == "exited" {"#, tokens: t) == ["exited"])
        #expect(Self.tokenLiterals(in: #"let s = c.tier ?? "critical""#, tokens: t) == ["critical"])
        #expect(Self.tokenLiterals(in: #"WHERE status = 'open' AND x"#, tokens: t) == ["'open'"])
        #expect(Self.tokenLiterals(in: #"case "exited", "open":"#, tokens: t) == ["exited", "open"])
        #expect(Self.tokenLiterals(in: #"f(.x, "left_behind", id)"#, tokens: t) == ["left_behind"])
        // Names: a dictionary key, a subscript, a form or query name, a label, a route, an HTML attribute, a column list.
        #expect(Self.tokenLiterals(in: #"["phone": p, "x": 1]"#, tokens: t).isEmpty)
        #expect(Self.tokenLiterals(in: #"let v = e["phone"]"#, tokens: t).isEmpty)
        #expect(Self.tokenLiterals(in: #"req.query[String.self, at: "exited"]"#, tokens: t).isEmpty)
        #expect(Self.tokenLiterals(in: #"Forms.field(l, label: "a.b", name: "phone", value: x)"#, tokens: t).isEmpty)
        #expect(Self.tokenLiterals(in: #"r.get("children", ":id", use: show)"#, tokens: t).isEmpty)
        #expect(Self.tokenLiterals(in: #"details(.class("action"), Attr("open", nil))"#, tokens: t).isEmpty)
        #expect(Self.tokenLiterals(in: #"  "reasons", "left_behind", "status", "exited_on","#, tokens: t).isEmpty)
        #expect(Self.tokenLiterals(in: #"// the status is "exited" here"#, tokens: t).isEmpty)
        #expect(Self.tokenLiterals(in: #"[("unit", u), ("exited", e)]"#, tokens: t).isEmpty)
    }

    /// The token literals on one line of Swift that stand as values. A literal in a name's place is left: a dictionary
    /// key, a subscript, a tuple's first element (a query pair), the argument of a name-taking label (`at:`, `name:`,
    /// `key:`, `label:`, `field:`, `column:`, `table:`), an HTML attribute or id (`Attr(`, `.name(`, `.id(`, `.class(`),
    /// a route's path, an SQL identifier (`SQLColumn(`, `.from(`), and a line that is only a list of four or more
    /// snake_case names (a column list). Single-quoted SQL literals are values wherever they are.
    static func tokenLiterals(in line: String, tokens: Set<String>) -> [String] {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        if trimmed.hasPrefix("//") { return [] }
        let code = line.range(of: " // ").map { String(line[..<$0.lowerBound]) } ?? line
        if Self.isNameList(code) { return [] }
        var out: [String] = []
        var i = code.startIndex
        var inString = false
        var start = code.startIndex
        while i < code.endIndex {
            let ch = code[i]
            if ch == "\\" && inString {
                i = code.index(after: i)
                if i < code.endIndex { i = code.index(after: i) }
                continue
            }
            if ch == "\"" {
                if inString {
                    let literal = String(code[code.index(after: start)..<i])
                    let before = String(code[..<start]), after = String(code[code.index(after: i)...])
                    if tokens.contains(literal) && (trimmed.hasPrefix("case ") || !Self.isName(before: before, after: after)) {
                        out.append(literal)
                    }
                } else {
                    start = i
                }
                inString.toggle()
            } else if ch == "'" {
                // An SQL literal, in a Swift string or on a line of a multi-line one.
                if let close = code[code.index(after: i)...].firstIndex(of: "'") {
                    let inner = String(code[code.index(after: i)..<close])
                    if tokens.contains(inner) && !Self.isCSPKeyword(before: String(code[..<i])) { out.append("'" + inner + "'") }
                    i = close
                }
            }
            i = code.index(after: i)
        }
        return out
    }

    nonisolated(unsafe) static let nameLabels = try! Regex(
        #"(\b(at|key|name|label|field|column|table|into|from|ident)\s*:\s*|\bAttr\(\s*"[^"]*",\s*|\bschema\s*=\s*|\.(name|id|for|class|from|column|join)\(\s*|\bAttr\(\s*|SQLColumn\(\s*)$"#
    )
    nonisolated(unsafe) static let routeStart = try! Regex(#"\.(get|post|patch|put|delete|grouped)\(\s*("[^"]*",\s*)*$"#)
    nonisolated(unsafe) static let tupleHead = try! Regex(#"(^|[^\w\)\]])\(\s*$"#)

    static func isName(before: String, after: String) -> Bool {
        let a = after.drop { $0 == " " }
        if a.hasPrefix(":") && !a.hasPrefix("::") { return true }
        let b = before.reversed().drop { $0 == " " }
        if a.hasPrefix("]") && b.first == "[" { return true }
        if before.firstMatch(of: nameLabels) != nil { return true }
        if before.firstMatch(of: routeStart) != nil { return true }
        if a.hasPrefix(",") && before.firstMatch(of: tupleHead) != nil { return true }
        return false
    }

    static func isCSPKeyword(before: String) -> Bool {
        ["-src ", "-ancestors ", "base-uri "].contains { before.hasSuffix($0) }
    }

    /// `"id", "unit_code", "left_behind",` and nothing else: a list of column or field names continued over lines.
    static func isNameList(_ code: String) -> Bool {
        let parts = code.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        guard parts.count >= 4 else { return false }
        return parts.allSatisfy { p in
            p.count > 2 && p.hasPrefix("\"") && p.hasSuffix("\"")
                && p.dropFirst().dropLast().allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_" || $0 == ".") }
        }
    }

    static func swiftFiles(under folder: String) -> [(URL, String)] {
        let base = root.appendingPathComponent(folder)
        return FileManager.default.enumerator(at: base, includingPropertiesForKeys: nil)!.compactMap { $0 as? URL }
            .filter { $0.pathExtension == "swift" }.sorted { $0.path < $1.path }
            .compactMap { url in (try? String(contentsOf: url, encoding: .utf8)).map { (url, $0) } }
    }
}
