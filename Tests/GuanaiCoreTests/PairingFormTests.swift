import Testing
import Foundation
@testable import GuanaiCore

/// Volunteers, the pair gate, the pair lifecycle's steps and what is recorded about a pair, without a database.
@Suite struct VolunteerFormTests {
    let today = CivilDate(year: 2026, month: 10, day: 15)!
    let village = VolunteerForm.UnitFacts(level: .village, isActive: true)
    static let id = IDNumber.make(address: "421081", birth: CivilDate(year: 1978, month: 8, day: 8)!, order: 224).value

    @Test func aRegistration() throws {
        var c = FormChecker()
        let input = VolunteerInput(
            name: "刘爱华", idNumber: Self.id, phone: "13912345678", unitCode: " 421081104200 ",
            details: .typed([.organisation: " "]), skills: ["tutoring", "arts", "tutoring"], latitude: 29.7, longitude: 112.4)
        #expect(VolunteerForm.unitCode(input) == "421081104200")
        let k = try #require(VolunteerForm.check(input, unit: village, &c))
        #expect(k.unitCode == "421081104200" && k.record.skills == "tutoring,arts" && k.record.capacity == 1 && k.record.status == .active)
        #expect(k.record.details[text: .organisation] == nil && k.record.phone == "13912345678")
    }

    @Test func sheBelongsToAnActiveVillageOrTownship() {
        let units: [(VolunteerForm.UnitFacts, Bool)] = [
            (.init(level: .township, isActive: true), true),
            (.init(level: .county, isActive: true), false),
            (.init(level: .village, isActive: false), false),
        ]
        for (unit, ok) in units {
            var c = FormChecker()
            #expect(
                (VolunteerForm.check(
                    VolunteerInput(name: "刘爱华", idNumber: Self.id, unitCode: "4210811042"), unit: unit,
                    &c) != nil) == ok)
        }
        var c = FormChecker()
        #expect(VolunteerForm.check(VolunteerInput(name: "刘爱华", idNumber: Self.id, unitCode: "x"), unit: nil, &c) == nil)
        #expect(c.errors == [FieldError(field: "unitCode", key: "field.error.choice")])
    }

    @Test func everyProblemOfARegistration() {
        var c = FormChecker()
        let bad = VolunteerInput(name: "", idNumber: "123", skills: ["singing"], capacity: 9, latitude: 29.7)
        #expect(VolunteerForm.check(bad, unit: nil, &c) == nil)
        #expect(c.errors.map(\.field) == ["name", "idNumber", "unitCode", "skills", "capacity", "longitude"])
        #expect(c.errors[4] == FieldError(field: "capacity", key: "pairing.error.capacity", args: ["5"]))
    }

    @Test func aChangeCannotOverbookHer() {
        var r = VolunteerForm.Record(
            phone: nil, details: Details().complete, skills: "", capacity: 3,
            latitude: nil,
            longitude: nil, status: .active)
        var c = FormChecker()
        VolunteerForm.change(&r, VolunteerInput(capacity: 1), openLoad: 2, &c)
        #expect(c.errors.map(\.key) == ["pairing.error.capacityBelowLoad"] && r.capacity == 3)
        c = FormChecker()
        VolunteerForm.change(&r, VolunteerInput(details: .typed([.honours: " 三八红旗手 "]), capacity: 2, status: "withdrawn"), openLoad: 2, &c)
        #expect(c.errors == [] && r.capacity == 2 && r.details[text: .honours] == "三八红旗手" && r.status == .withdrawn)
        VolunteerForm.change(&r, VolunteerInput(capacity: 0, status: "gone"), openLoad: 0, &c)
        #expect(c.errors.map(\.field) == ["capacity", "status"])
    }

    @Test func pointsComeInPairsOnTheGlobe() {
        let cases: [(Double?, Double?, [String])] = [
            (nil, nil, []), (29.7, nil, ["longitude"]), (nil, 112.4, ["latitude"]),
            (90.1, 180.1, ["latitude", "longitude"]),
        ]
        for (lat, lon, fields) in cases {
            var c = FormChecker()
            VolunteerForm.point(lat, lon, &c)
            #expect(c.errors.map(\.field) == fields)
        }
    }

    @Test func herAccountIsAVolunteersInScopeAndFree() {
        #expect(VolunteerForm.accountProblem(found: nil)?.key == "pairing.error.account")
        #expect(VolunteerForm.accountProblem(found: (.villageWorker, true, false))?.key == "pairing.error.account")
        #expect(VolunteerForm.accountProblem(found: (.volunteer, false, false))?.key == "pairing.error.account")
        #expect(VolunteerForm.accountProblem(found: (.volunteer, true, true))?.key == "pairing.error.accountTaken")
        #expect(VolunteerForm.accountProblem(found: (.volunteer, true, false)) == nil)
    }

    @Test func aDoneDateIsTodayOrBefore() {
        var c = FormChecker()
        #expect(VolunteerForm.pastDate(nil, "on", today: today, &c) == today)
        #expect(VolunteerForm.pastDate("2026-10-15", "on", today: today, &c) == today && c.errors == [])
        _ = VolunteerForm.pastDate("2026-10-16", "on", today: today, &c)
        #expect(c.errors == [FieldError(field: "on", key: "pairing.error.future")])
    }
}

@Suite struct PairGateTests {
    let child = PairGate.ChildFacts(status: .active, otherOpenPair: false)
    let volunteer = PairGate.VolunteerFacts(status: .active, screened: Set(ScreeningStep.allCases), capacity: 2, openLoad: 1)

    @Test func aListedChildAndAScreenedVolunteerWithRoomPass() {
        #expect(PairGate.errors(child: child, volunteer: volunteer) == [])
    }

    @Test func eachFailureNamesItsField() {
        let c = PairGate.ChildFacts(status: .exited, otherOpenPair: true)
        let v = PairGate.VolunteerFacts(status: .withdrawn, screened: [.identity, .training], capacity: 2, openLoad: 2)
        #expect(
            PairGate.errors(child: c, volunteer: v).map(\.key) == [
                "pairing.error.childNotListed", "pairing.error.childPaired", "pairing.error.withdrawn",
                "pairing.error.notScreened.record_check", "pairing.error.notScreened.conduct", "pairing.error.full",
            ])
    }
}

@Suite struct PairStepTests {
    let today = CivilDate(year: 2026, month: 10, day: 15)!
    func record(_ s: PairStatus) -> PairLifecycle.Record {
        .init(status: s, startedOn: nil, resumedOn: nil, closeReason: nil, closeNote: nil)
    }

    @Test func aTransitionThatDoesNotExistIsRefusedFirst() {
        guard case .failure(let e) = PairLifecycle.step(from: .closed, .close, PairActionInput()) else { Issue.record("allowed"); return }
        #expect(e.items == [PairLifecycle.refused])
    }

    @Test func closingNeedsAReasonAndANote() throws {
        guard case .failure(let e) = PairLifecycle.step(from: .active, .close, PairActionInput(note: " ", closeReason: "bored")) else {
            Issue.record("allowed"); return
        }
        #expect(e.items.map(\.key) == ["field.error.choice", "field.error.required"])
        let step = try PairLifecycle.step(from: .active, .close, PairActionInput(note: " 搬家 ", closeReason: "moved")).get()
        #expect(step.eventNote == "moved: 搬家")
        var r = record(.active)
        step.apply(to: &r, today: today)
        #expect(r.status == .closed && r.closeReason == .moved && r.closeNote == "搬家")
    }

    @Test func anApprovalMayPlanTheStart() throws {
        let step = try PairLifecycle.step(from: .proposed, .approve, PairActionInput(startOn: "2026-10-01")).get()
        #expect(step.planned?.iso == "2026-10-01" && step.startsAtOnce(today: today))
        var r = record(.proposed)
        step.apply(to: &r, today: today)
        #expect(r.status == .approved && r.startedOn == "2026-10-01")
        let later = try PairLifecycle.step(from: .proposed, .approve, PairActionInput(startOn: "2026-11-01")).get()
        #expect(!later.startsAtOnce(today: today))
        guard case .failure(let e) = PairLifecycle.step(from: .proposed, .approve, PairActionInput(startOn: "11月")) else {
            Issue.record("allowed")
            return
        }
        #expect(e.items.map(\.field) == ["startOn"])
    }

    @Test func theFirstContactDatesTheStart() throws {
        let start = try PairLifecycle.step(from: .approved, .start, PairActionInput()).get()
        var r = record(.approved)
        r.startedOn = "2026-11-01"
        start.apply(to: &r, startedOn: "2026-10-10", today: today)
        #expect(r.status == .active && r.startedOn == "2026-10-10", "even before the planned day")
        var plain = record(.approved)
        start.apply(to: &plain, today: today)
        #expect(plain.startedOn == "2026-10-15")
    }

    @Test func reopeningPassesTheGateAndForgetsTheClosing() throws {
        let full = [FieldError(field: "volunteerId", key: "pairing.error.full", args: ["1"])]
        guard case .failure(let e) = PairLifecycle.step(from: .closed, .reopen, PairActionInput(), gate: full) else {
            Issue.record("allowed")
            return
        }
        #expect(e.items == full)
        #expect(
            (try? PairLifecycle.step(from: .active, .pause, PairActionInput(), gate: full).get()) != nil,
            "the gate is reopening's alone")
        var r = PairLifecycle.Record(status: .closed, startedOn: "2026-01-01", resumedOn: nil, closeReason: .moved, closeNote: "搬家")
        try PairLifecycle.step(from: .closed, .reopen, PairActionInput()).get().apply(to: &r, today: today)
        #expect(
            r
                == PairLifecycle.Record(
                    status: .active, startedOn: "2026-01-01", resumedOn: "2026-10-15", closeReason: nil,
                    closeNote: nil))
    }
}

@Suite struct PairRecordsTests {
    let today = CivilDate(year: 2026, month: 10, day: 15)!

    @Test func aContact() throws {
        var c = FormChecker()
        let k = try #require(PairRecords.contact(ContactInput(mode: "visit", notes: " 辅导作业 "), pair: .approved, today: today, &c))
        #expect(k == PairRecords.Contact(date: today, mode: .visit, minutes: 60, notes: "辅导作业"))
        let long = String(repeating: "字", count: 2001)
        #expect(
            PairRecords.contact(
                ContactInput(date: "2026-10-16", mode: "letter", minutes: 721, notes: long), pair: .paused,
                today: today, &c) == nil)
        #expect(c.errors.map(\.field) == ["date", "mode", "minutes", "notes", "status"])
        c = FormChecker()
        #expect(PairRecords.contact(ContactInput(mode: "call", minutes: 720), pair: .active, today: today, &c)?.minutes == 720)
    }

    @Test func aCheckinNeedsNotes() throws {
        var c = FormChecker()
        #expect(PairRecords.checkin(with: "parent", on: nil, notes: " ", today: today, &c) == nil)
        #expect(c.errors.map(\.field) == ["with", "notes"])
        c = FormChecker()
        #expect(PairRecords.checkin(with: "guardian", on: "2026-10-01", notes: "奶奶说很好", today: today, &c)?.date.iso == "2026-10-01")
    }

    @Test func aScreeningStep() throws {
        var c = FormChecker()
        let s = try #require(PairRecords.screening(ScreeningInput(step: "record_check"), today: today, &c))
        #expect(s.step == .recordCheck && s.on == today)
        #expect(PairRecords.screening(ScreeningInput(step: "dance", on: "2027-01-01"), today: today, &c) == nil)
        #expect(c.errors.map(\.key) == ["field.error.choice", "pairing.error.future"])
    }
}
