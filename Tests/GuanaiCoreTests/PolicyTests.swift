import Testing
import Foundation
@testable import GuanaiCore

@Suite struct PolicyTests {
    /// docs/roles.md is the table people read; every cell must say what `Policy.allows` does.
    @Test func docsTableMatchesPolicy() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let md = try String(contentsOf: root.appendingPathComponent("docs/roles.md"), encoding: .utf8)
        let lines = md.split(separator: "\n").map(String.init).filter { $0.hasPrefix("| `") && $0.split(separator: "|").count >= 2 + Action.allCases.count }
        var seen = Set<Role>()
        for line in lines {
            let cells = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            guard let token = cells.first?.trimmingCharacters(in: CharacterSet(charactersIn: "`")), let role = Role(rawValue: token) else { continue }
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
