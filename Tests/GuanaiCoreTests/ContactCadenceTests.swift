import Testing
@testable import GuanaiCore

@Suite struct ContactCadenceTests {
    func d(_ s: String) -> CivilDate { CivilDate(iso: s)! }

    @Test func firstMonthNeverOverdue() {
        let s = ContactCadence.standing(startedOn: d("2026-10-05"), contacts: [d("2026-10-05")], today: d("2026-10-31"))
        #expect(!s.overdue)
        #expect(s.thisMonth == 1 && s.thisMonthQuota == 2)
        #expect(s.nextCheck == d("2026-11-04"))
    }

    @Test func firstMonthNeedsTwo() {
        let one = ContactCadence.standing(startedOn: d("2026-10-05"), contacts: [d("2026-10-05")], today: d("2026-11-01"))
        #expect(one.shortMonth == "2026-10" && one.missing == 1 && one.daysOverdue == 0 && one.levels.isEmpty)
        #expect(one.nextCheck == d("2026-11-04"))
        let two = ContactCadence.standing(startedOn: d("2026-10-05"), contacts: [d("2026-10-05"), d("2026-10-20")], today: d("2026-11-20"))
        #expect(!two.overdue)
        #expect(two.thisMonthQuota == 1)
    }

    @Test func remindersAtEachBoundary() {
        let start = d("2026-09-10"), contacts = [d("2026-09-10"), d("2026-09-20")]
        func levels(_ day: String) -> [ReminderLevel] {
            ContactCadence.standing(startedOn: start, contacts: contacts, today: d(day)).levels
        }
        #expect(levels("2026-11-03") == [])
        #expect(levels("2026-11-04") == [.volunteer])
        #expect(levels("2026-11-07") == [.volunteer])
        #expect(levels("2026-11-08") == [.volunteer, .village])
        #expect(levels("2026-11-14") == [.volunteer, .village])
        #expect(levels("2026-11-15") == [.volunteer, .village, .township])
        #expect(ContactCadence.standing(startedOn: start, contacts: contacts, today: d("2026-11-05")).nextCheck == d("2026-11-08"))
        #expect(ContactCadence.standing(startedOn: start, contacts: contacts, today: d("2026-11-15")).nextCheck == d("2026-12-04"))
    }

    @Test func aContactThisMonthPutsThePairBackInStep() {
        let s = ContactCadence.standing(
            startedOn: d("2026-09-10"), contacts: [d("2026-09-10"), d("2026-09-20"), d("2026-11-09")], today: d("2026-11-20"))
        #expect(!s.overdue)
        #expect(s.nextCheck == d("2026-12-04"))
    }

    @Test func configurableRules() {
        let rules = ContactCadenceRules(firstMonthContacts: 1, monthlyContacts: 2, volunteerDays: 1, villageDays: 2, townshipDays: 3)
        let s = ContactCadence.standing(
            startedOn: d("2026-09-10"), contacts: [d("2026-09-10"), d("2026-10-02")], today: d("2026-11-04"), rules: rules)
        #expect(s.shortMonth == "2026-10" && s.missing == 1 && s.levels == [.volunteer, .village, .township])
    }

    @Test func yearBoundary() {
        let s = ContactCadence.standing(startedOn: d("2026-11-10"), contacts: [d("2026-11-10"), d("2026-11-11")], today: d("2027-01-05"))
        #expect(s.shortMonth == "2026-12" && s.daysOverdue == 4 && s.levels == [.volunteer])
    }

    @Test func theMonthOfResumingAsksNothing() {
        let start = d("2026-07-01"), contacts = [d("2026-07-02"), d("2026-07-03")]
        #expect(!ContactCadence.standing(startedOn: start, resumedOn: d("2026-10-20"), contacts: contacts, today: d("2026-10-25")).overdue)
        #expect(!ContactCadence.standing(startedOn: start, resumedOn: d("2026-10-20"), contacts: contacts, today: d("2026-11-10")).overdue)
        #expect(
            ContactCadence.standing(startedOn: start, resumedOn: d("2026-10-20"), contacts: contacts, today: d("2026-12-04")).levels == [
                .volunteer
            ])
    }
}
