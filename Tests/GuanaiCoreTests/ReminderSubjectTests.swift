import Testing
@testable import GuanaiCore

/// Who reminders that are not about a child reach, and when a missing follow-up is late.
@Suite struct ReminderSubjectTests {
    @Test func remindersReachTheRolesThatActOnThem() {
        #expect(ReminderSubject.loan.recipients == [.partnerHR, .villageWorker])
        #expect(ReminderSubject.trainingEnrolment.recipients == [.townshipStaff])
        #expect(ReminderSubject.jobFairHire.recipients == [.townshipStaff])
        let reached = Set(Role.allCases.filter(ReminderSubject.reach))
        #expect(reached == [.partnerHR, .villageWorker, .townshipStaff, .partnerJustice, .cityAdmin, .partnerHealth])
        #expect(!ReminderSubject.reach(.volunteer) && ReminderSubject.reach(.partnerHealth))
        // A late follow-up step: the health department by role, the health officers (city admins) by name.
        #expect(ReminderSubject.healthFollowup.recipients == [.partnerHealth] && ReminderSubject.healthFollowup.personal == [.cityAdmin])
    }

    @Test func aFollowUpIsLateFromItsCheckDay() {
        let due = CivilDate(iso: "2027-02-18")!
        let check = due.adding(days: FollowupReminders.grace(.trainingEnrolment))
        #expect(check.iso == "2027-02-25")
        #expect(FollowupReminders.late(checkOn: check, grace: 7, today: check.adding(days: -1)) == nil)
        let onTheDay = FollowupReminders.late(checkOn: check, grace: 7, today: check)
        #expect(onTheDay?.due == due && onTheDay?.days == 7)
        #expect(FollowupReminders.late(checkOn: check, grace: 7, today: check.adding(days: 10))?.days == 17)
        #expect(FollowupReminders.grace(.jobFairHire) == JobFairRules.followupGraceDays)
    }
}
