import Testing
import GuanaiCore

private func day(_ s: String) -> CivilDate { CivilDate(iso: s)! }

/// 2026: winter holiday 24 Jan – 28 Feb, summer 4 Jul – 31 Aug, closed on Spring Festival's eve and day.
private let calendar2026 = StationCalendar(
    year: 2026, winter: .init(from: day("2026-01-24"), to: day("2026-02-28")),
    summer: .init(from: day("2026-07-04"), to: day("2026-08-31")),
    closedDays: [day("2026-02-16"), day("2026-02-17")])

@Suite struct StationKindsTests {
    @Test func rawValuesAreTheIssueTokens() {
        #expect(StationHost.allCases.map(\.rawValue) == ["school", "village_committee", "womens_home", "other"])
        #expect(StationSession.allCases.map(\.rawValue) == ["after_school", "weekends", "winter_holiday", "summer_holiday"])
        #expect(StationStatus.allCases.map(\.rawValue) == ["open", "closed"])
        #expect(AttendanceStatus.allCases.map(\.rawValue) == ["present", "absent", "leave"])
        #expect(
            StationActivityKind.allCases.map(\.rawValue) == [
                "homework", "reading", "psychological_support", "safety_education", "parent_video_call", "other",
            ])
        #expect(
            ChildrenEventKind.allCases.map(\.rawValue) == [
                "holiday_camp", "parent_video_call", "safety_education", "health_education", "volunteer_visit", "other",
            ])
    }
}

@Suite struct StationScheduleTests {
    @Test func weekdays() {
        #expect(day("1970-01-01").isoWeekday == 4, "a Thursday")
        #expect(day("2026-12-02").isoWeekday == 3, "a Wednesday")
        #expect(day("2026-12-06").isoWeekday == 7 && day("2026-12-06").isWeekend)
        #expect(day("1969-12-29").isoWeekday == 1, "before day 0 too")
    }

    @Test func afterSchoolIsSchoolDaysOutsideHolidaysAndClosedDays() {
        let s = StationSchedule([.afterSchool])
        #expect(s.isOpen(on: day("2026-03-02"), calendar: calendar2026), "a Monday in term")
        #expect(!s.isOpen(on: day("2026-03-07"), calendar: calendar2026), "a Saturday")
        #expect(!s.isOpen(on: day("2026-02-10"), calendar: calendar2026), "a Tuesday in the winter holiday")
        #expect(!s.isOpen(on: day("2026-07-06"), calendar: calendar2026), "a Monday in the summer holiday")
        #expect(s.isOpen(on: day("2026-07-03"), calendar: calendar2026), "the Friday before the summer holiday")
        #expect(s.isOpen(on: day("2026-09-01"), calendar: calendar2026), "the Tuesday after it")
        #expect(s.isOpen(on: day("2026-07-06"), calendar: nil), "no calendar: no holiday known")
    }

    @Test func weekendsAndHolidays() {
        let w = StationSchedule([.weekends]), winter = StationSchedule([.winterHoliday]), summer = StationSchedule([.summerHoliday])
        #expect(w.isOpen(on: day("2026-03-07"), calendar: calendar2026) && !w.isOpen(on: day("2026-03-06"), calendar: calendar2026))
        #expect(w.isOpen(on: day("2026-02-07"), calendar: calendar2026), "a Saturday in the winter holiday is a weekend too")
        #expect(
            winter.isOpen(on: day("2026-01-24"), calendar: calendar2026) && winter.isOpen(on: day("2026-02-28"), calendar: calendar2026))
        #expect(
            !winter.isOpen(on: day("2026-01-23"), calendar: calendar2026) && !winter.isOpen(on: day("2026-03-01"), calendar: calendar2026))
        #expect(winter.isOpen(on: day("2026-02-07"), calendar: calendar2026), "a holiday Saturday")
        #expect(
            !winter.isOpen(on: day("2026-07-10"), calendar: calendar2026) && summer.isOpen(on: day("2026-07-10"), calendar: calendar2026))
        #expect(!winter.isOpen(on: day("2026-02-10"), calendar: nil), "no calendar: no holiday")
    }

    @Test func closedDaysCloseEverySession() {
        let all = StationSchedule(Set(StationSession.allCases))
        #expect(!all.isOpen(on: day("2026-02-16"), calendar: calendar2026) && !all.isOpen(on: day("2026-02-17"), calendar: calendar2026))
        #expect(all.isOpen(on: day("2026-02-18"), calendar: calendar2026))
    }

    @Test func aWinterHolidayFromTheDecemberBefore() {
        let next = StationCalendar(year: 2027, winter: .init(from: day("2026-12-28"), to: day("2027-02-20")), summer: nil)
        let s = StationSchedule([.afterSchool])
        #expect(!s.isOpen(on: day("2026-12-29"), calendars: [calendar2026, next]))
        #expect(s.isOpen(on: day("2026-12-29"), calendars: [calendar2026]))
    }

    @Test func calendarForm() {
        var c = FormChecker()
        let ok = StationCalendar.check(
            .init(
                year: 2026, winter: .init(from: "2026-01-24", to: "2026-02-28"), summer: .init(from: "2026-07-04", to: "2026-08-31"),
                closedDays: ["2026-02-16"]), &c)
        #expect(ok?.winter?.contains(day("2026-02-01")) == true && ok?.closedDays == [day("2026-02-16")] && c.errors.isEmpty)
        var bad = FormChecker()
        let no = StationCalendar.check(
            .init(
                year: 2026, winter: .init(from: "2026-02-28", to: "2026-01-24"), summer: .init(from: "2026-07-04"),
                closedDays: ["2025-02-16", "x"]), &bad)
        #expect(no == nil)
        #expect(bad.errors.map(\.field) == ["winter.to", "summer.to", "closedDays[0]", "closedDays[1]"])
        #expect(
            bad.errors.map(\.key) == [
                "stations.error.rangeOrder", "field.error.required", "stations.error.outsideYear", "field.error.date",
            ])
    }
}

@Suite struct StationFormTests {
    let village = UnitFacts(code: "421081104200", level: .village, isActive: true)
    let today = day("2026-12-02")

    func input() -> StationInput {
        StationInput(
            name: "石华堰村留守儿童服务站", unitCode: "421081104200", host: "village_committee", address: "村委会二楼", latitude: 29.72, longitude: 112.40,
            capacity: 40, schedule: ["weekends", "after_school", "weekends"], staff: [.init(name: "示例管理员", phone: "13800000000")],
            volunteerIds: ["v1", "v1"], facilities: "图书角", status: nil, openedOn: "2026-09-01")
    }

    @Test func aGoodStation() {
        var c = FormChecker()
        let s = StationForm.check(input(), unit: village, knownVolunteers: ["v1"], today: today, &c)
        #expect(c.errors == [])
        #expect(s?.host == .villageCommittee && s?.status == .open && s?.capacity == 40)
        #expect(s?.schedule == [.afterSchool, .weekends], "a set, in the tokens' order")
        #expect(s?.volunteerIds == ["v1"] && s?.point == GeoPoint(latitude: 29.72, longitude: 112.40))
    }

    @Test func capacityBounds() {
        for (cap, ok) in [(0, false), (1, true), (500, true), (501, false)] {
            var i = input()
            i.capacity = cap
            var c = FormChecker()
            _ = StationForm.check(i, unit: village, knownVolunteers: nil, today: today, &c)
            #expect(c.errors.map(\.field) == (ok ? [] : ["capacity"]), "capacity \(cap)")
        }
    }

    @Test func everyFieldNamedAtOnce() {
        var i = input()
        i.name = String(repeating: "名", count: 51)
        i.host = "church"
        i.address = String(repeating: "址", count: 201)
        i.latitude = 91
        i.longitude = nil
        i.capacity = nil
        i.schedule = []
        i.staff = [.init(name: " ", phone: "123")]
        i.volunteerIds = ["v9"]
        i.status = "paused"
        i.openedOn = "2026-12-03"
        var c = FormChecker()
        #expect(StationForm.check(i, unit: village, knownVolunteers: ["v1"], today: today, &c) == nil)
        #expect(
            c.errors.map(\.field) == [
                "name", "host", "address", "longitude", "latitude", "capacity", "schedule", "staff[0].name", "staff[0].phone",
                "volunteerIds[0]", "status", "openedOn",
            ])
        #expect(c.errors.first?.key == "field.error.textTooLong" && c.errors.first?.args == ["50"])
    }

    @Test func unitScheduleAndDates() {
        var i = input()
        i.schedule = ["after_school", "mornings"]
        i.status = "open"
        i.closedOn = "2026-08-01"
        var c = FormChecker()
        _ = StationForm.check(
            i, unit: UnitFacts(code: "421081000000", level: .county, isActive: true), knownVolunteers: nil, today: today, &c)
        #expect(c.errors.map(\.field) == ["unitCode", "schedule", "closedOn", "closedOn"])
        #expect(c.errors.map(\.key).suffix(2) == ["stations.error.rangeOrder", "stations.error.closedOnOpen"])
        var township = FormChecker()
        _ = StationForm.check(
            input(), unit: UnitFacts(code: "421081104000", level: .township, isActive: true), knownVolunteers: nil, today: today, &township)
        #expect(township.errors == [], "a township may hold a station")
        var retired = FormChecker()
        _ = StationForm.check(
            input(), unit: UnitFacts(code: "421081104200", level: .village, isActive: false), knownVolunteers: nil, today: today, &retired)
        #expect(retired.errors.map(\.field) == ["unitCode"])
    }
}

@Suite struct EnrolmentRulesTests {
    let today = day("2026-12-02")
    func facts(active: Bool = true, enrolled: Bool = false, open: Int = 3, capacity: Int = 4, status: StationStatus = .open)
        -> EnrolmentRules.Facts
    {
        .init(childActive: active, childHasOpenEnrolment: enrolled, openAtStation: open, capacity: capacity, stationStatus: status)
    }

    @Test func enrolAndRefusals() {
        var c = FormChecker()
        #expect(EnrolmentRules.enrol(childId: "c1", from: nil, facts: facts(), today: today, &c) == today && c.errors.isEmpty)
        for (f, key) in [
            (facts(active: false), "stations.error.childInactive"), (facts(enrolled: true), "stations.error.alreadyEnrolled"),
            (facts(open: 4), "stations.error.full"), (facts(status: .closed), "stations.error.stationClosed"),
        ] {
            var e = FormChecker()
            #expect(EnrolmentRules.enrol(childId: "c1", from: "2026-12-01", facts: f, today: today, &e) == nil)
            #expect(e.errors == [FieldError(field: "childId", key: key, args: key == "stations.error.full" ? ["4"] : [])])
        }
        var unknown = FormChecker()
        _ = EnrolmentRules.enrol(childId: "c9", from: "x", facts: nil, today: today, &unknown)
        #expect(unknown.errors.map(\.field) == ["from", "childId"])
    }

    @Test func endingAndExitMidTerm() {
        let p = EnrolmentPeriod(from: day("2026-09-01"), to: nil)
        var c = FormChecker()
        let e = EnrolmentRules.end(p, on: "2026-11-13", reason: "随父母外出", today: today, &c)
        #expect(e?.on == day("2026-11-13") && e?.reason == "随父母外出")
        let ended = EnrolmentPeriod(from: p.from, to: e!.on)
        #expect(ended.covers(day("2026-11-13")) && !ended.covers(day("2026-11-16")) && !ended.covers(day("2026-08-31")))
        var before = FormChecker()
        _ = EnrolmentRules.end(p, on: "2026-08-31", reason: nil, today: today, &before)
        #expect(before.errors == [FieldError(field: "on", key: "stations.error.rangeOrder")])
        var sameDay = FormChecker()
        #expect(EnrolmentRules.end(p, on: "2026-09-01", reason: nil, today: today, &sameDay) != nil, "end on the start day")
        var twice = FormChecker()
        _ = EnrolmentRules.end(ended, on: nil, reason: nil, today: today, &twice)
        #expect(twice.errors.map(\.key) == ["stations.error.alreadyEnded"])
        var future = FormChecker()
        _ = EnrolmentRules.end(p, on: "2026-12-03", reason: nil, today: today, &future)
        #expect(future.errors.map(\.key) == ["pairing.error.future"])
    }
}

@Suite struct RosterRulesTests {
    let today = day("2026-03-11")  // a Wednesday in term
    let schedule = StationSchedule([.afterSchool])
    let periods = [
        "c1": EnrolmentPeriod(from: day("2026-03-02"), to: nil), "c2": EnrolmentPeriod(from: day("2026-03-02"), to: day("2026-03-06")),
    ]

    func check(_ date: String, _ entries: [RosterEntryInput], rules: RosterRules = RosterRules()) -> (CivilDate?, [FieldError]) {
        var c = FormChecker()
        let r = rules.check(
            date: date, entries: entries, today: today, schedule: schedule, calendars: [calendar2026],
            enrolled: { id, d in periods[id]?.covers(d) ?? false }, &c)
        return (r?.date, c.errors)
    }

    @Test func aGoodDayWithLeave() {
        let (d, e) = check("2026-03-11", [.init(childId: "c1", status: "leave", note: "发烧")])
        #expect(d == today && e.isEmpty)
    }

    @Test func dates() {
        #expect(check("2026-03-12", []).1 == [FieldError(field: "date", key: "pairing.error.future")])
        #expect(check("2026-03-07", []).1 == [FieldError(field: "date", key: "stations.error.closedDay")], "a Saturday, after school only")
        #expect(check("2026-03-04", []).1 == [], "seven days back")
        #expect(check("2026-03-03", []).1 == [FieldError(field: "date", key: "stations.error.tooOld", args: ["7"])], "eight")
        #expect(check("2026-03-03", [], rules: RosterRules(maxAgeDays: 10)).1 == [], "configurable")
        #expect(check("2026-13-01", []).1.map(\.key) == ["field.error.date"])
    }

    @Test func calendarClosesTheDayToo() {
        var c = FormChecker()
        _ = RosterRules().check(
            date: "2026-02-17", entries: [], today: day("2026-02-18"), schedule: StationSchedule(Set(StationSession.allCases)),
            calendars: [calendar2026], enrolled: { _, _ in true }, &c)
        #expect(c.errors == [FieldError(field: "date", key: "stations.error.closedDay")])
    }

    @Test func entries() {
        let (_, e) = check(
            "2026-03-09",
            [
                .init(childId: "c1", status: "present"), .init(childId: "c2", status: "present"), .init(childId: "c1", status: "absent"),
                .init(childId: "c1x", status: "leave"), .init(childId: "", status: "sick"),
            ])
        #expect(
            e.map(\.field) == [
                "entries[1].childId", "entries[2].childId", "entries[3].childId", "entries[3].note", "entries[4].childId",
                "entries[4].status",
            ])
        #expect(
            e.map(\.key).prefix(4) == [
                "stations.error.notEnrolled", "stations.error.duplicateChild", "stations.error.notEnrolled", "stations.error.leaveNote",
            ])
        #expect(check("2026-03-06", [.init(childId: "c2", status: "absent")]).1 == [], "her last day is still hers")
    }
}
