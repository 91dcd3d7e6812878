import Testing
@testable import GuanaiCore

/// The one checker every set of numbers shares: ranges beside the defaults, rules across fields, changes listed.
@Suite struct NumberSettingsTests {
    @Test func cadenceDefaultsAreInRangeAndItsLevelsInOrder() throws {
        let d = ContactCadenceRules()
        for (name, kp, range) in ContactCadenceRules.fields { #expect(range.contains(d[keyPath: kp]), "\(name)") }
        #expect(d.problemsAcrossFields().isEmpty)
        #expect(ContactCadenceRules.storageKey == "pairing.cadence")
        let next = try d.applying(["monthlyContacts": "2", "townshipDays": " 20 "]).get()
        #expect(next.monthlyContacts == 2 && next.townshipDays == 20)
        #expect(d.changes(to: next).map(\.name) == ["monthlyContacts", "townshipDays"])
        #expect(d.changes(to: d).isEmpty)
    }

    @Test func outOfRangeAndOutOfOrderAreEachNamed() {
        let d = ContactCadenceRules()
        guard case .failure(let e) = d.applying(["firstMonthContacts": "9", "volunteerDays": "x"]) else {
            Issue.record("accepted"); return
        }
        #expect(e.items.map(\.field) == ["firstMonthContacts", "volunteerDays"])
        #expect(e.items.first?.args == ["1–8"])
        // The village is reminded after the volunteer and before the township.
        guard case .failure(let order) = d.applying(["villageDays": "14"]) else { Issue.record("same day accepted"); return }
        #expect(order.items.map(\.key) == ["pairing.error.levelOrder"])
        #expect(order.items.map(\.field) == ["villageDays"])
    }
}
