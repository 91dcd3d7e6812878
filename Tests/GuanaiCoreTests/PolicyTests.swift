import Testing
import Foundation
@testable import GuanaiCore

@Suite struct PolicyTests {
    /// docs/roles.md is the table people read; every cell must say what `Policy.allows` does.
    @Test func docsTableMatchesPolicy() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let md = try String(contentsOf: root.appendingPathComponent("docs/roles.md"), encoding: .utf8)
        let lines = md.split(separator: "\n").map(String.init).filter {
            $0.hasPrefix("| `") && $0.split(separator: "|").count >= 2 + Action.allCases.count
        }
        var seen = Set<Role>()
        for line in lines {
            let cells = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            guard let token = cells.first?.trimmingCharacters(in: CharacterSet(charactersIn: "`")), let role = Role(rawValue: token) else {
                continue
            }
            seen.insert(role)
            let marks = cells.dropFirst(2).prefix(Action.allCases.count)
            #expect(marks.count == Action.allCases.count, "row \(token)")
            for (action, mark) in zip(Action.allCases, marks) {
                #expect((mark == "✓") == Policy.allows(role, action), "\(role.rawValue) × \(action.rawValue) says \(mark)")
            }
        }
        #expect(seen == Set(Role.allCases))
    }

    @Test func readOnlyAndPartners() {
        #expect(!Policy.allows(.inspector, .revealID))
        #expect(Policy.allows(.inspector, .export))
        #expect(!Policy.canRead(.partnerHealth, .child))
        #expect(Policy.canRead(.partnerHealth, .health))
        #expect(!Policy.canRead(.partnerHealth, .rights))
        #expect(!Policy.canRead(.volunteer, .household))
        #expect(!Policy.canRead(.villageWorker, .account))
        #expect(Role.townshipStaff.manageableRoles.contains(.villageWorker))
        #expect(!Role.townshipStaff.manageableRoles.contains(.cityAdmin))
    }

    @Test func masks() {
        #expect(Masking.idNumber("421081201503021234") == "421081********1234")
        #expect(Masking.phone("13812345678") == "138****5678")
        #expect(PhoneNumber.isValidMobile("13812345678"))
        #expect(!PhoneNumber.isValidMobile("23812345678"))
        #expect(!PhoneNumber.isValidMobile("1381234567"))
    }
}

@Suite struct RealUseRuleTests {
    @Test func temporaryPasswordsReadOverThePhone() {
        var g = SystemRandomNumberGenerator()
        for _ in 0..<2000 {
            let p = TemporaryPassword.make(using: &g)
            #expect(p.count == TemporaryPassword.length)
            #expect(p.allSatisfy { $0.isASCII && ($0.isLowercase || $0.isNumber) }, "\(p)")
            #expect(!p.contains { "0o1li".contains($0) }, "\(p)")
        }
    }

    @Test func historyGoesThroughTheRecordsRule() {
        for role in Role.allCases {
            for kind in RecordKind.allCases {
                // Screening results: only their own readers, whatever of the trail the role reads.
                let expected =
                    kind == .healthResult
                    ? Policy.canRead(role, kind) : role != .volunteer && (Policy.canRead(role, .audit) || Policy.canRead(role, kind))
                #expect(Policy.mayReadHistory(role, of: kind) == expected, "\(role) \(kind)")
            }
            #expect(!Policy.mayReadHistory(.volunteer, of: .child) && !Policy.mayReadHistory(.volunteer, of: .pair))
        }
        #expect(Policy.historyKind("person") == .child && Policy.historyKind("campaign") == .pair && Policy.historyKind("zzz") == .audit)
        #expect(!Policy.mayReadHistory(.partnerHealth, of: Policy.historyKind("person")))
        #expect(!Policy.mayReadHistory(.cityAdmin, of: .healthResult))
        #expect(Policy.mayReadHistory(.cityAdmin, duties: [.healthOfficer], of: .healthResult))
        #expect(!Policy.mayReadHistory(.inspector, duties: [.healthOfficer], of: .healthResult))
    }

    @Test func inboxRules() {
        #expect(InboxRule.rule(role: .villageWorker, level: .village) == .village)
        #expect(InboxRule.rule(role: .townshipStaff, level: .township) == .township)
        #expect(InboxRule.rule(role: .cityAdmin, level: .county) == .city)
        #expect(
            InboxRule.rule(role: .inspector, level: .county) == .city && InboxRule.rule(role: .inspector, level: .township) == .township)
        for r in [Role.volunteer, .partnerHealth, .partnerHR, .partnerJustice] {
            #expect(InboxRule.rule(role: r, level: .county) == nil && InboxRule.rule(role: r, level: .village) == nil)
        }
        #expect(InboxRule.village.includes(kind: .overdueVisit, escalatedTo: []))
        #expect(InboxRule.township.includes(kind: .critical, escalatedTo: []))
        #expect(
            !InboxRule.township.includes(kind: .overdueVisit, escalatedTo: [])
                && InboxRule.township.includes(kind: .overdueVisit, escalatedTo: [.township]))
        #expect(
            !InboxRule.city.includes(kind: .critical, escalatedTo: [.township])
                && InboxRule.city.includes(kind: .critical, escalatedTo: [.city]))
    }

    /// Two volunteers (one in the critical child's village, one in the next) and a normal-tier child next door to
    /// the first: least total distance would send the critical child's volunteer from the next village.
    @Test func aCriticalChildGetsHerOwnVillagesVolunteerFirst() {
        // children: 0 critical (village A), 1 normal (village A); volunteers: 0 in A, 1 in B.
        let p = AssignmentProblem(
            penalties: [1_000_000, 100_000], capacities: [1, 1],
            edges: [
                .init(child: 0, volunteer: 0, cost: 800), .init(child: 0, volunteer: 1, cost: 6_000),
                .init(child: 1, volunteer: 0, cost: 100), .init(child: 1, volunteer: 1, cost: 6_000),
            ])
        let plain = MinCostAssignment.solve(p)
        #expect(plain.volunteerOf == [1, 0], "the plain optimum is what the rule corrects")
        let ruled = PrioritisedAssignment.solve(p, first: [true, false]) { $0.volunteer == 0 }
        #expect(ruled.volunteerOf == [0, 1] && ruled.totalCost == 6_800)
        // Without an own-village volunteer with room, the plain answer stands.
        #expect(PrioritisedAssignment.solve(p, first: [true, false]) { _ in false } == plain)
        // A lower-tier child never takes the place first: with one volunteer in A only, the critical child has her.
        let one = AssignmentProblem(
            penalties: [1_000_000, 100_000], capacities: [1],
            edges: [.init(child: 0, volunteer: 0, cost: 800), .init(child: 1, volunteer: 0, cost: 10)])
        #expect(PrioritisedAssignment.solve(one, first: [true, false]) { _ in true }.volunteerOf == [0, nil])
    }
}

@Suite struct LocalPathTests {
    @Test func onlyPathsOnThisSite() {
        for ok in ["/", "/children", "/children/abc?page=2&q=%E7%8E%8B", "/history/child/1", "/lang/en?back=/x"] {
            #expect(LocalPath.safe(ok) == ok, "\(ok)")
        }
        for bad in [
            "//evil.example", "/\\evil.example", "/\t/evil.example", "/\n/evil.example", "/%09/evil.example", "/%0a/evil.example",
            "/%2F/evil.example",
            "/%5Cevil.example", "/%5C%5Cevil", "\\\\evil", "https://evil.example", "evil.example", "", " /x", "/x\\y", "/\r/evil",
            "/%0D/evil",
            "/%2f%2fevil", "/\u{7F}/evil", "/\u{85}/evil",
        ] {
            #expect(LocalPath.safe(bad) == nil, "\(bad.debugDescription)")
        }
        #expect(LocalPath.safe(nil) == nil)
    }
}

@Suite struct AuditSubjectTests {
    /// Every record kind of the access rules and every ledger kind is also something the trail can be about.
    @Test func everyRecordAndLedgerKindIsAnAuditSubject() {
        for k in RecordKind.allCases { #expect(AuditSubject(k).rawValue == k.rawValue) }
        for k in IntakeKind.allCases { #expect(AuditSubject(k).rawValue == k.rawValue) }
    }
}
