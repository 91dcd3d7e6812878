import Foundation
import Testing
@testable import GuanaiCore

/// Rights cases (issue 19): the lifecycle, who reads the confidential part, and each form's refusals by field.
@Suite struct RightsRulesTests {
    let today = CivilDate(iso: "2027-03-10")!
    let village = UnitFacts(code: "421081104200", level: .village, isActive: true)

    func fields(_ c: FormChecker) -> Set<String> { Set(c.errors.map(\.field)) }

    @Test func theLifecycleMovesOnlyInOrder() {
        #expect(RightsLifecycle.next(.received, .accept) == .accepted)
        #expect(RightsLifecycle.next(.received, .refuse) == .referred)
        #expect(RightsLifecycle.next(.received, .decline) == .declined)
        #expect(RightsLifecycle.next(.accepted, .meet) == .mediating)
        #expect(RightsLifecycle.next(.mediating, .meet) == .mediating)
        #expect(RightsLifecycle.next(.mediating, .agree) == .agreed)
        #expect(RightsLifecycle.next(.mediating, .fail) == .failed)
        #expect(RightsLifecycle.next(.agreed, .followUp) == .followedUp)
        #expect(RightsLifecycle.next(.followedUp, .close) == .closed)
        for s in [RightsStatus.failed, .declined, .referred] { #expect(RightsLifecycle.next(s, .close) == .closed) }
        // Out of order: nothing to mediate before acceptance, no agreement without a meeting, no closing mid-way.
        #expect(RightsLifecycle.next(.received, .meet) == nil)
        #expect(RightsLifecycle.next(.accepted, .agree) == nil)
        #expect(RightsLifecycle.next(.agreed, .close) == nil)
        #expect(RightsLifecycle.next(.mediating, .close) == nil)
        #expect(RightsLifecycle.next(.accepted, .accept) == nil)
        for e in RightsEvent.allCases { #expect(RightsLifecycle.next(.closed, e) == nil) }
        guard case .failure(let e) = RightsLifecycle.move(.received, .agree) else {
            Issue.record("a jump must be refused")
            return
        }
        #expect(e.field == "status" && e.args == ["received"])
    }

    @Test func theConfidentialPartIsForTheAssignedTheOfficersAndOpenGrants() {
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        let staff = RightsAccess.Viewer(username: "xz", role: .townshipStaff, duties: [])
        let officer = RightsAccess.Viewer(username: "admin", role: .cityAdmin, duties: [.rightsOfficer])
        let justice = RightsAccess.Viewer(username: "sifa", role: .partnerJustice, duties: [.rightsOfficer])
        let inspector = RightsAccess.Viewer(username: "ducha", role: .inspector, duties: [.rightsOfficer])
        #expect(RightsAccess.level(staff, assigned: [], grants: [], now: now) == .none)
        #expect(RightsAccess.level(staff, assigned: ["xz"], grants: [], now: now) == .full)
        #expect(RightsAccess.level(officer, assigned: [], grants: [], now: now) == .full)
        #expect(RightsAccess.level(justice, assigned: [], grants: [], now: now) == .full)
        // A duty the role may not hold opens nothing.
        #expect(RightsAccess.level(inspector, assigned: [], grants: [], now: now) == .none)
        let grant = RightsAccess.Grant(username: "xz", until: now.addingTimeInterval(60))
        #expect(RightsAccess.level(staff, assigned: [], grants: [grant], now: now) == .read)
        #expect(RightsAccess.level(staff, assigned: [], grants: [grant], now: now.addingTimeInterval(60)) == .none)
        let other = RightsAccess.Grant(username: "someone", until: now.addingTimeInterval(60))
        #expect(RightsAccess.level(staff, assigned: [], grants: [other], now: now) == .none)
        #expect(RightsSettings().breakGlassSeconds == 3 * 3600)
    }

    @Test func whoTakesNamesAndMediatesCases() {
        #expect(Set(Role.allCases.filter(RightsAccess.mayTakeCases)) == [.cityAdmin, .townshipStaff, .villageWorker, .partnerJustice])
        #expect(Set(Role.allCases.filter(RightsAccess.mayBreakGlass)) == [.cityAdmin, .townshipStaff, .partnerJustice])
        let v = "421081104200"
        #expect(RightsAccess.mayMediate(role: .townshipStaff, unit: "421081104000", village: v))
        #expect(!RightsAccess.mayMediate(role: .townshipStaff, unit: "421081105000", village: v))
        #expect(RightsAccess.mayMediate(role: .villageWorker, unit: v, village: v))
        #expect(!RightsAccess.mayMediate(role: .villageWorker, unit: "421081104201", village: v))
        #expect(RightsAccess.mayMediate(role: .partnerJustice, unit: "421081000000", village: v))
        #expect(!RightsAccess.mayMediate(role: .cityAdmin, unit: "421081000000", village: v))
        #expect(!RightsAccess.mayMediate(role: .volunteer, unit: v, village: v))
        #expect(RightsAccess.mayAssign(.init(username: "a", role: .partnerJustice, duties: [.rightsOfficer])))
        #expect(!RightsAccess.mayAssign(.init(username: "a", role: .partnerJustice, duties: [])))
        #expect(!RightsAccess.mayAssign(.init(username: "a", role: .villageWorker, duties: [])))
    }

    @Test func anIntakeNamesEachBadField() {
        var c = FormChecker()
        let empty = RightsCaseForm.check(RightsCaseInput(), village: nil, today: today, &c)
        #expect(empty == nil)
        #expect(fields(c) == ["villageCode", "channel", "category", "parties", "narrative", "receivedOn"])

        c = FormChecker()
        let bad = RightsCaseInput(
            villageCode: "421081104000", channel: "fax", category: "theft",
            parties: [
                RightsPartyInput(role: "respondent", name: "张某"), RightsPartyInput(role: "judge", name: " ", personId: "x", phone: "123"),
            ],
            narrative: String(repeating: "字", count: 5001), request: "a\u{0}b", receivedOn: "2027-03-11")
        let township = UnitFacts(code: "421081104000", level: .township, isActive: true)
        #expect(RightsCaseForm.check(bad, village: township, today: today, &c) == nil)
        #expect(
            fields(c) == [
                "villageCode", "channel", "category", "parties[1].role", "parties[1].name", "parties[1].personId", "parties[1].phone",
                "narrative", "request", "receivedOn",
            ])

        c = FormChecker()
        let noApplicant = RightsCaseInput(
            villageCode: "421081104200", channel: "walk_in", category: "support",
            parties: [RightsPartyInput(role: "respondent", name: "张某")],
            narrative: "赡养纠纷", receivedOn: "2027-03-10")
        #expect(RightsCaseForm.check(noApplicant, village: village, today: today, &c) == nil)
        #expect(c.errors.map(\.key) == ["rights.error.applicant"])

        c = FormChecker()
        let good = RightsCaseInput(
            villageCode: "421081104200", channel: "walk_in", category: "support",
            parties: [
                RightsPartyInput(role: "applicant", name: "李某", relation: "母亲", phone: "13800000000"),
                RightsPartyInput(role: "respondent", name: "王某", personId: "6F9619FF-8B86-D011-B42D-00C04FC964FF"),
            ],
            narrative: "两个儿子都不给赡养费。\n已协商多次。", receivedOn: "2027-03-10")
        let ok = RightsCaseForm.check(good, village: village, today: today, &c)
        #expect(c.errors.isEmpty)
        #expect(ok?.parties.count == 2 && ok?.parties[1].personId == "6f9619ff-8b86-d011-b42d-00c04fc964ff")
        #expect(ok?.womensHome == false && ok?.channel == .walkIn)
        #expect(RightsCaseForm.caseNumber(year: 2027, sequence: 1) == "2027-0001")
        #expect(RightsCaseForm.caseNumber(year: 2027, sequence: 12345) == "2027-12345")
    }

    @Test func consentBothWaysOrAdviceForARefusal() {
        var c = FormChecker()
        #expect(RightsMediationForm.accept(RightsAcceptInput(), &c) == nil)
        #expect(fields(c) == ["consents.applicant", "consents.respondent"])
        c = FormChecker()
        let yes = RightsMediationForm.accept(.init(consents: .init(applicant: true, respondent: true)), &c)
        #expect(yes?.consented == true)
        c = FormChecker()
        #expect(RightsMediationForm.accept(.init(consents: .init(applicant: true, respondent: false)), &c) == nil)
        #expect(fields(c) == ["advice"])
        c = FormChecker()
        let no = RightsMediationForm.accept(.init(consents: .init(applicant: true, respondent: false), advice: "建议向法院起诉"), &c)
        #expect(no?.consented == false && no?.advice == "建议向法院起诉")
    }

    @Test func eachOutcomeNamesTheFieldsItLacks() {
        let since = CivilDate(iso: "2027-03-01")!
        var c = FormChecker()
        #expect(RightsMediationForm.outcome(.init(kind: "written_agreement"), since: since, today: today, &c) == nil)
        #expect(fields(c) == ["facts", "terms", "performance", "signedBy", "signedOn"])
        c = FormChecker()
        #expect(RightsMediationForm.outcome(.init(kind: "oral_agreement"), since: since, today: today, &c) == nil)
        #expect(fields(c) == ["content"])
        c = FormChecker()
        #expect(RightsMediationForm.outcome(.init(kind: "failed", referral: "moon"), since: since, today: today, &c) == nil)
        #expect(fields(c) == ["referral", "advice"])
        c = FormChecker()
        #expect(RightsMediationForm.outcome(.init(kind: "truce"), since: since, today: today, &c) == nil)
        #expect(fields(c) == ["kind"])
        c = FormChecker()
        let early = RightsOutcomeInput(
            kind: "written_agreement", facts: "f", terms: "t", performance: "p", signedBy: ["李某", "王某"], signedOn: "2027-02-28")
        #expect(RightsMediationForm.outcome(early, since: since, today: today, &c) == nil)
        #expect(c.errors.map(\.key) == ["rights.error.before"])
        c = FormChecker()
        var written = early
        written.signedOn = "2027-03-09"
        let w = RightsMediationForm.outcome(written, since: since, today: today, &c)
        #expect(w?.on.iso == "2027-03-09" && w?.signedBy == ["李某", "王某"])
        c = FormChecker()
        let oral = RightsMediationForm.outcome(.init(kind: "oral_agreement", content: "每月给付 300 元"), since: since, today: today, &c)
        #expect(oral?.on == today)
    }

    @Test func meetingsFollowupsAndMediators() {
        var c = FormChecker()
        #expect(RightsMediationForm.meeting(.init(), acceptedOn: nil, today: today, &c) == nil)
        #expect(fields(c) == ["date", "place", "attendees", "minutes"])
        c = FormChecker()
        let m = RightsMediationForm.meeting(
            .init(date: "2027-03-05", place: "妇女之家", attendees: ["李某", " ", "王某"], minutes: "双方陈述"),
            acceptedOn: CivilDate(iso: "2027-03-01"), today: today, &c)
        #expect(m?.attendees == ["李某", "王某"])
        c = FormChecker()
        #expect(RightsMediationForm.followup(.init(on: "2027-03-11", compliance: "maybe"), since: nil, today: today, &c) == nil)
        #expect(fields(c) == ["on", "compliance"])
        c = FormChecker()
        #expect(RightsMediationForm.mediators(.init(userIds: ["nope"]), &c) == nil)
        #expect(fields(c) == ["userIds[0]"])
        c = FormChecker()
        let id = UUID()
        #expect(RightsMediationForm.mediators(.init(userIds: [id.uuidString, id.uuidString]), &c)?.ids == [id])
        c = FormChecker()
        #expect(RightsMediationForm.reason(.init(reason: "  "), &c) == nil)
        #expect(fields(c) == ["reason"])
    }
}

@Suite struct RightsSettingsTests {
    @Test func eachSettingInItsRange() throws {
        var input = RightsSettingsInput(mediationDays: 366, breakGlassHours: 0)
        guard case .failure(let e) = RightsSettings().applying(input.values) else {
            Issue.record("out of range must be refused")
            return
        }
        #expect(Set(e.items.map(\.field)) == ["breakGlassHours", "mediationDays"])
        input = RightsSettingsInput(mediationDays: 45, breakGlassHours: 72)
        let ok = try RightsSettings().applying(input.values).get()
        #expect(ok.breakGlassHours == 72 && ok.mediationDays == 45 && ok.followupDays == 30)
        #expect(ok.input.values.count == RightsSettings.fields.count)
    }
}

@Suite struct RightsDeadlineTests {
    let s = RightsSettings()
    let due = CivilDate(iso: "2027-04-10")!

    @Test func eachStageFromItsDay() {
        func on(_ iso: String) -> [RightsReminderLevel.Stage] { RightsDeadlines.stages(due: due, today: CivilDate(iso: iso)!, s) }
        #expect(on("2027-04-04") == [])
        #expect(on("2027-04-05") == [.soon])
        #expect(on("2027-04-10") == [.soon])
        #expect(on("2027-04-11") == [.overdue])
        #expect(on("2027-04-16") == [.overdue])
        #expect(on("2027-04-17") == [.overdue, .escalated])
        #expect(RightsDeadlines.nextCheck(due: due, today: CivilDate(iso: "2027-04-05")!, s)?.iso == "2027-04-11")
        #expect(RightsDeadlines.nextCheck(due: due, today: CivilDate(iso: "2027-04-11")!, s)?.iso == "2027-04-17")
        #expect(RightsDeadlines.nextCheck(due: due, today: CivilDate(iso: "2027-04-17")!, s) == nil)
        #expect(RightsDeadlines.firstCheck(due: due, today: CivilDate(iso: "2027-03-11")!, s).iso == "2027-04-05")
        #expect(RightsDeadlines.firstCheck(due: due, today: CivilDate(iso: "2027-04-12")!, s).iso == "2027-04-12")
    }

    @Test func theDeadlineFollowsTheStatus() {
        let d = CivilDate(iso: "2027-05-01")!, f = CivilDate(iso: "2027-06-01")!
        #expect(RightsDeadlines.current(status: .mediating, deadlineOn: d, followupDueOn: nil)?.kind == .mediation)
        #expect(RightsDeadlines.current(status: .agreed, deadlineOn: d, followupDueOn: f)?.due == f)
        #expect(RightsDeadlines.current(status: .received, deadlineOn: nil, followupDueOn: nil) == nil)
        #expect(RightsDeadlines.current(status: .followedUp, deadlineOn: d, followupDueOn: nil) == nil)
        #expect(
            RightsReminderLevel(.followup, .escalated) == .followupEscalated && RightsReminderLevel.followupEscalated.stage == .escalated)
    }
}

@Suite struct RightsStatsTests {
    @Test func medianAndRates() {
        #expect(RightsStats.median([:]) == nil)
        #expect(RightsStats.median([7: 1]) == 7)
        #expect(RightsStats.median([3: 1, 10: 1]) == 6.5)
        #expect(RightsStats.median([1: 2, 5: 1, 30: 2]) == 5)
        #expect(RightsStats.median([2: 3, 9: 1]) == 2)
        var f = RightsFigures(cases: 5, accepted: 3, resolved: 2, followupsDue: 0, followupsOnTime: 0)
        #expect(f.resolutionRate == "0.6667" && f.followupRate == nil)
        f = f + RightsFigures(cases: 1, accepted: 1, resolved: 0, followupsDue: 4, followupsOnTime: 3)
        #expect(f.resolutionRate == "0.5000" && f.followupRate == "0.7500" && f.cases == 6)
        #expect(RightsFigures().resolutionRate == nil)
        let rows = DivisionRollup.rows(
            [
                "421081104200": f, "421081104201": f,
                "421081105200": RightsFigures(cases: 1, accepted: 0, resolved: 0, followupsDue: 0, followupsOnTime: 0),
            ],
            under: DivisionCode("421081")!)
        #expect(rows.map(\.code) == ["421081104000", "421081105000"] && rows[0].figures.cases == 12)
    }
}

@Suite struct RightsSafetyTests {
    let today = CivilDate(iso: "2027-03-10")!
    func fields(_ c: FormChecker) -> Set<String> { Set(c.errors.map(\.field)) }

    @Test func aSafetyPlanNamesEachBadField() {
        var c = FormChecker()
        #expect(RightsSafetyForm.check(RightsSafetyInput(), today: today, &c) == nil)
        #expect(fields(c) == ["risk"])
        c = FormChecker()
        let bad = RightsSafetyInput(
            risk: "extreme", warningLetter: .init(issuedOn: "2027-03-11"),
            protectionOrder: .init(appliedOn: "2027-03-01", status: "granted", decidedOn: "2027-02-28", expiresOn: "2027-02-01"))
        #expect(RightsSafetyForm.check(bad, today: today, &c) == nil)
        #expect(
            fields(c) == [
                "risk", "warningLetter.issuedOn", "warningLetter.by", "protectionOrder.court", "protectionOrder.decidedOn",
            ])
        c = FormChecker()
        let pending = RightsSafetyInput(
            risk: "high", protectionOrder: .init(appliedOn: "2027-03-01", court: "石首市人民法院", status: "pending", expiresOn: "2027-09-01"))
        #expect(RightsSafetyForm.check(pending, today: today, &c) == nil)
        #expect(fields(c) == ["protectionOrder.expiresOn"])
        c = FormChecker()
        let early = RightsSafetyInput(
            risk: "high",
            protectionOrder: .init(
                appliedOn: "2027-03-01", court: "石首市人民法院", status: "granted", decidedOn: "2027-03-05", expiresOn: "2027-03-05"))
        #expect(RightsSafetyForm.check(early, today: today, &c) == nil)
        #expect(c.errors.map(\.key) == ["rights.error.after"])
    }

    @Test func aGrantedOrderIsToldOfAsItsExpiryNears() {
        var c = FormChecker()
        let granted = RightsSafetyForm.check(
            RightsSafetyInput(
                risk: "high", plan: "暂住娘家", policeReportNo: "JQ2027-001", warningLetter: .init(issuedOn: "2027-03-02", by: "城关派出所"),
                protectionOrder: .init(
                    appliedOn: "2027-03-01", court: "石首市人民法院", status: "granted", decidedOn: "2027-03-05", expiresOn: "2027-09-05")),
            today: today, &c)
        #expect(c.errors.isEmpty && granted?.protectionOrder?.expiresOn?.iso == "2027-09-05")
        let exp = CivilDate(iso: "2027-09-05")!
        #expect(RightsSafetyForm.expiryToTell(granted, today: exp.adding(days: -15), warnDays: 14) == nil)
        #expect(RightsSafetyForm.expiryToTell(granted, today: exp.adding(days: -14), warnDays: 14) == exp)
        #expect(RightsSafetyForm.expiryToTell(granted, today: exp, warnDays: 14) == exp)
        #expect(RightsSafetyForm.expiryToTell(granted, today: exp.adding(days: 1), warnDays: 14) == nil)
    }
}

@Suite struct RightsChildReportTests {
    let kid = UUID(), stranger = UUID()
    func fields(_ c: FormChecker) -> [String] { c.errors.map(\.field) }

    @Test func filingNeedsAChildOfTheHouseholdAndWhatWasSeen() {
        var c = FormChecker()
        #expect(RightsChildReportForm.check(RightsChildReportInput(), household: [kid], &c) == nil)
        #expect(fields(c) == ["childId", "seen"])
        c = FormChecker()
        let other = RightsChildReportInput(childId: stranger.uuidString, seen: "孩子手臂有淤青")
        #expect(RightsChildReportForm.check(other, household: [kid], &c) == nil)
        #expect(c.errors.map(\.key) == ["rights.error.childId"])
        c = FormChecker()
        #expect(RightsChildReportForm.check(.init(childId: "not-a-uuid", seen: "x"), household: [kid], &c) == nil)
        #expect(fields(c) == ["childId"])
        c = FormChecker()
        let filed = RightsChildReportForm.check(.init(childId: kid.uuidString, seen: "  孩子手臂有淤青 "), household: [kid], &c)
        #expect(filed == .file(childId: kid, seen: "孩子手臂有淤青") && filed?.declined == false)
        c = FormChecker()
        let long = String(repeating: "看", count: 2001)
        #expect(RightsChildReportForm.check(.init(childId: kid.uuidString, seen: long), household: [kid], &c) == nil)
        #expect(fields(c) == ["seen"])
    }

    @Test func decliningNeedsAReasonAndNoSeen() {
        var c = FormChecker()
        #expect(RightsChildReportForm.check(.init(childId: kid.uuidString, declined: true), household: [kid], &c) == nil)
        #expect(fields(c) == ["reason"])
        c = FormChecker()
        let both = RightsChildReportInput(childId: kid.uuidString, seen: "淤青", declined: true, reason: "已由派出所处理")
        #expect(RightsChildReportForm.check(both, household: [kid], &c) == nil)
        #expect(fields(c) == ["seen"])
        c = FormChecker()
        let declined = RightsChildReportForm.check(
            .init(childId: kid.uuidString, declined: true, reason: "孩子不在家中居住"), household: [kid], &c)
        #expect(declined == .decline(childId: kid, reason: "孩子不在家中居住") && declined?.declined == true && declined?.childId == kid)
        // Declining false is filing.
        c = FormChecker()
        #expect(RightsChildReportForm.check(.init(childId: kid.uuidString, declined: false), household: [kid], &c) == nil)
        #expect(fields(c) == ["seen"])
    }
}
