import Testing
import Foundation
import Fluent
import Vapor
import VaporTesting
import GuanaiCore
@testable import GuanaiWeb

/// 留守儿童服务站, second slice: enrolments, the daily roster, activities, the holiday calendar and the station
/// rules. The test clock stands on Wednesday 2026-11-18.
@Suite(.serialized) struct StationDaysTests {
    static func station(_ ctx: TestContext, _ token: String, capacity: Int, schedule: [String] = ["after_school"]) async throws
        -> StationDTO
    {
        var input = StationTests.good
        input.capacity = capacity
        input.schedule = schedule
        let res = try await ctx.api(.POST, "/api/v1/stations", token: token, body: ctx.json(input))
        #expect(res.status == .created, "\(res.body.string)")
        return try res.content.decode(StationDTO.self)
    }

    /// Her home on the map: a household of her village with a point `north` degrees north of the station's.
    static func home(_ ctx: TestContext, _ k: ChildDTO, village: String, order: Int, north: Double) async throws {
        guard let c = try await Child.find(UUID(uuidString: k.id), on: ctx.app.db) else { return }
        let h = Household()
        h.id = UUID()
        h.unitCode = village
        h.address = "\(order)号"
        h.latitude = 29.65 + north
        h.longitude = 112.48
        h.poverty = PovertyStatus.none.rawValue
        h.createdAt = ctx.clock.now()
        try await h.create(on: ctx.app.db)
        c.householdID = h.id
        try await c.save(on: ctx.app.db)
    }

    static func enrol(_ ctx: TestContext, _ token: String, _ station: String, _ child: String, from: String? = nil) async throws
        -> TestingHTTPResponse
    {
        try await ctx.api(
            .POST, "/api/v1/stations/\(station)/enrolments", token: token, body: ctx.json(EnrolmentInput(childId: child, from: from)))
    }

    static func roster(_ ctx: TestContext, _ token: String, _ station: String, _ day: String, _ entries: [RosterEntryInput]) async throws
        -> TestingHTTPResponse
    {
        try await ctx.api(
            .PUT, "/api/v1/stations/\(station)/attendance/\(day)", token: token, body: ctx.json(RosterInput(entries: entries)))
    }

    @Test func enrolmentsKeepPlacesAndOneStationPerChild() async throws {
        try await withTestApp { ctx in
            try await ctx.makeUser("cun", .villageWorker, Codes.shihuayan)
            try await ctx.makeUser("tiaoguan", .townshipStaff, Codes.tiaoguan)
            let t = try await ctx.token("cun"), far = try await ctx.token("tiaoguan")
            let small = try await Self.station(ctx, t, capacity: 2), big = try await Self.station(ctx, t, capacity: 10)
            let kids = [
                try await PairingTests.child(ctx, t, order: 301, name: "安小花"),
                try await PairingTests.child(ctx, t, order: 302, name: "白小花"),
                try await PairingTests.child(ctx, t, order: 303, name: "陈小花"),
            ]
            var outside = ChildBody()
            outside.villageCode = Codes.tiaoguanVillage
            outside.idNumber = Synthetic.id(2017, 4, 4, order: 304)
            outside.father?["idNumber"] = Synthetic.id(1990, 1, 1, order: 305)
            outside.mother?["idNumber"] = Synthetic.id(1991, 2, 2, order: 306)
            outside.guardian?["idNumber"] = Synthetic.id(1960, 3, 3, order: 307)
            let o = try await ctx.api(.POST, "/api/v1/children", token: far, body: ctx.json(outside))
            #expect(o.status == .created, "\(o.body.string)")
            let farChild = try o.content.decode(ChildDTO.self).id

            // Refused on `childId`: missing, outside her jurisdiction; on `from`: not a date. Nothing stored.
            #expect(try StationTests.errorFields(try await Self.enrol(ctx, t, small.id, "")) == ["childId"])
            #expect(try StationTests.errorFields(try await Self.enrol(ctx, t, small.id, farChild)) == ["childId"])
            #expect(try StationTests.errorFields(try await Self.enrol(ctx, t, small.id, kids[0].id, from: "2026-13-01")) == ["from"])
            #expect(try await StationEnrolment.query(on: ctx.app.db).count() == 0)

            #expect(try await Self.enrol(ctx, t, small.id, kids[0].id).status == .created)
            // Any spelling of her id is the same child: one open enrolment, at this station or another.
            let twice = try await Self.enrol(ctx, t, big.id, kids[0].id.lowercased())
            #expect(try StationTests.errorFields(twice) == ["childId"], "\(twice.body.string)")
            #expect(try await Self.enrol(ctx, t, small.id, kids[1].id, from: "2026-11-01").status == .created)
            let full = try await Self.enrol(ctx, t, small.id, kids[2].id)
            #expect(try StationTests.errorFields(full) == ["childId"] && full.body.string.contains("2"), "\(full.body.string)")
            let shown = try await ctx.api(.GET, "/api/v1/stations/\(small.id)", token: t).content.decode(StationDTO.self)
            #expect(shown.enrolled == 2)

            // Ending a place: not before she came, not in the future; then not again. A place is freed.
            let list = try await ctx.api(.GET, "/api/v1/stations/\(small.id)/enrolments", token: t).content.decode(
                ListPage<EnrolmentDTO>.self)
            let second = try #require(list.items.first { $0.childId == kids[1].id })
            #expect(second.childName == "白小花" && second.from == "2026-11-01")
            let end = "/api/v1/stations/\(small.id)/enrolments/\(second.id)/end"
            #expect(
                try StationTests.errorFields(try await ctx.api(.POST, end, token: t, body: ctx.json(EnrolmentEndInput(on: "2026-10-31"))))
                    == ["on"])
            #expect(
                try StationTests.errorFields(try await ctx.api(.POST, end, token: t, body: ctx.json(EnrolmentEndInput(on: "2026-11-19"))))
                    == ["on"])
            let ended = try await ctx.api(.POST, end, token: t, body: ctx.json(EnrolmentEndInput(on: "2026-11-17", reason: "随父母外出")))
            #expect(ended.status == .ok, "\(ended.body.string)")
            #expect(try ended.content.decode(EnrolmentDTO.self).to == "2026-11-17")
            #expect(try StationTests.errorFields(try await ctx.api(.POST, end, token: t, body: ctx.json(EnrolmentEndInput()))) == ["on"])
            #expect(try await Self.enrol(ctx, t, small.id, kids[2].id).status == .created)
            let all = try await ctx.api(.GET, "/api/v1/stations/\(small.id)/enrolments?all=true", token: t)
                .content.decode(ListPage<EnrolmentDTO>.self)
            #expect(all.total == 3 && all.items.last?.to == "2026-11-17", "open ones first")
            // Another township's staff do not see the station or its enrolments.
            #expect(try await ctx.api(.GET, "/api/v1/stations/\(small.id)/enrolments", token: far).status == .notFound)
            #expect(try await Self.enrol(ctx, far, small.id, farChild).status == .notFound)

            let trail = try await AuditEntry.query(on: ctx.app.db).filter(\.$recordType == "station").filter(\.$recordID == small.id).all()
            #expect(trail.filter { $0.changes.contains("enrolment") }.count == 4, "three enrolments and an end")
        }
    }

    @Test func rostersTakeSchoolDaysOfTheLastWeekForEnrolledChildren() async throws {
        try await withTestApp { ctx in
            try await ctx.makeUser("cun", .villageWorker, Codes.shihuayan)
            try await ctx.makeUser("city", .cityAdmin, Codes.county)
            try await ctx.makeUser("town", .townshipStaff, Codes.taohuashan)
            let t = try await ctx.token("cun"), city = try await ctx.token("city")
            let s = try await Self.station(ctx, t, capacity: 10)
            let a = try await PairingTests.child(ctx, t, order: 311, name: "安小花"),
                b = try await PairingTests.child(ctx, t, order: 312, name: "白小花")
            let c = try await PairingTests.child(ctx, t, order: 313, name: "陈小花")
            #expect(try await Self.enrol(ctx, t, s.id, a.id, from: "2026-11-01").status == .created)
            #expect(try await Self.enrol(ctx, t, s.id, b.id, from: "2026-11-01").status == .created)

            // The day: not in the future, not a weekend for an after-school station, not more than 7 days back.
            for day in ["2026-11-19", "2026-11-15", "2026-11-10"] {
                let res = try await Self.roster(ctx, t, s.id, day, [RosterEntryInput(childId: a.id, status: "present")])
                #expect(try StationTests.errorFields(res) == ["date"], "\(day): \(res.body.string)")
            }
            // Each entry named: a leave needs a note, a child not enrolled, an unknown mark, a child twice.
            let bad = try await Self.roster(
                ctx, t, s.id, "2026-11-18",
                [
                    RosterEntryInput(childId: a.id, status: "leave"), RosterEntryInput(childId: c.id, status: "present"),
                    RosterEntryInput(childId: b.id, status: "late"), RosterEntryInput(childId: a.id, status: "present"),
                ])
            #expect(
                try StationTests.errorFields(bad) == ["entries[0].note", "entries[1].childId", "entries[2].status", "entries[3].childId"],
                "\(bad.body.string)")
            #expect(try await StationAttendance.query(on: ctx.app.db).count() == 0)

            let ok = try await Self.roster(
                ctx, t, s.id, "2026-11-18",
                [RosterEntryInput(childId: a.id, status: "present"), RosterEntryInput(childId: b.id, status: "leave", note: "发烧")])
            #expect(ok.status == .ok, "\(ok.body.string)")
            let r = try ok.content.decode(RosterDTO.self)
            #expect(r.open && r.entries.map(\.status) == ["present", "leave"] && r.entries[1].note == "发烧")
            // The day's marks are replaced: a child left out loses hers. One trail entry per child whose mark changed.
            _ = try await Self.roster(ctx, t, s.id, "2026-11-18", [RosterEntryInput(childId: a.id, status: "absent")])
            let now = try await ctx.api(.GET, "/api/v1/stations/\(s.id)/attendance?date=2026-11-18", token: t).content.decode(
                RosterDTO.self)
            #expect(now.entries.map(\.status) == ["absent", nil])
            let marks = try await AuditEntry.query(on: ctx.app.db).filter(\.$recordID == s.id).filter(\.$action == "update").all()
                .filter { $0.changes.contains("attendance") }
            #expect(marks.count == 4, "a, b; then a changed and b removed")

            // A child who leaves mid-term is marked on her last day, not after.
            let places = try await ctx.api(.GET, "/api/v1/stations/\(s.id)/enrolments", token: t).content.decode(
                ListPage<EnrolmentDTO>.self)
            let bs = try #require(places.items.first { $0.childId == b.id })
            _ = try await ctx.api(
                .POST, "/api/v1/stations/\(s.id)/enrolments/\(bs.id)/end", token: t, body: ctx.json(EnrolmentEndInput(on: "2026-11-17")))
            #expect(try await Self.roster(ctx, t, s.id, "2026-11-17", [RosterEntryInput(childId: b.id, status: "present")]).status == .ok)
            let after = try await Self.roster(ctx, t, s.id, "2026-11-18", [RosterEntryInput(childId: b.id, status: "present")])
            #expect(try StationTests.errorFields(after) == ["entries[0].childId"])

            // The city shuts a day for every station; the rules let rosters go further back.
            let town = try await ctx.token("town")
            let k = StationCalendarInput(year: 2026, summer: .init(from: "2026-07-04", to: "2026-08-31"), closedDays: ["2026-11-16"])
            #expect(try await ctx.api(.PUT, "/api/v1/stations/calendar", token: town, body: ctx.json(k)).status == .forbidden)
            let set = try await ctx.api(.PUT, "/api/v1/stations/calendar", token: city, body: ctx.json(k))
            #expect(set.status == .ok, "\(set.body.string)")
            let shut = try await Self.roster(ctx, t, s.id, "2026-11-16", [RosterEntryInput(childId: a.id, status: "present")])
            #expect(try StationTests.errorFields(shut) == ["date"])
            let closed = try await ctx.api(.GET, "/api/v1/stations/\(s.id)/attendance?date=2026-11-16", token: t).content.decode(
                RosterDTO.self)
            #expect(!closed.open && closed.reason?.isEmpty == false)
            let calendar = try await ctx.api(.GET, "/api/v1/stations/calendar?year=2026", token: t).content.decode(StationCalendarDTO.self)
            #expect(calendar.closedDays == ["2026-11-16"] && calendar.summer?.to == "2026-08-31" && calendar.winter == nil)
            let badCalendar = StationCalendarInput(
                year: 2026, winter: .init(from: "2026-02-20", to: "2026-01-20"), closedDays: ["2027-01-01"])
            #expect(
                try StationTests.errorFields(try await ctx.api(.PUT, "/api/v1/stations/calendar", token: city, body: ctx.json(badCalendar)))
                    == ["winter.to", "closedDays[0]"])

            #expect(try await ctx.api(.PUT, "/api/v1/stations/rules", token: t, body: ctx.json(["rosterDays": 10])).status == .forbidden)
            let rules = try await ctx.api(
                .PUT, "/api/v1/stations/rules", token: city, body: ctx.json(["rosterDays": 10, "reachMetres": 50]))
            #expect(try StationTests.errorFields(rules) == ["reachMetres"])
            #expect(try await ctx.api(.PUT, "/api/v1/stations/rules", token: city, body: ctx.json(["rosterDays": 10])).status == .ok)
            #expect(try await Self.roster(ctx, t, s.id, "2026-11-10", [RosterEntryInput(childId: a.id, status: "present")]).status == .ok)
        }
    }

    @Test func activitiesAreWithChildrenEnrolledThatDay() async throws {
        try await withTestApp { ctx in
            try await ctx.makeUser("cun", .villageWorker, Codes.shihuayan)
            try await ctx.makeUser("insp", .inspector, Codes.county)
            let t = try await ctx.token("cun")
            let s = try await Self.station(ctx, t, capacity: 10)
            let a = try await PairingTests.child(ctx, t, order: 321, name: "安小花"),
                b = try await PairingTests.child(ctx, t, order: 322, name: "白小花")
            #expect(try await Self.enrol(ctx, t, s.id, a.id, from: "2026-11-10").status == .created)
            #expect(try await Self.enrol(ctx, t, s.id, b.id).status == .created)
            let path = "/api/v1/stations/\(s.id)/activities"
            let bad = try await ctx.api(
                .POST, path, token: t,
                body: ctx.json(StationActivityInput(kind: "karaoke", date: "2026-11-12", participants: [a.id, b.id, a.id])))
            #expect(try StationTests.errorFields(bad) == ["kind", "participants[1]", "participants[2]"], "\(bad.body.string)")
            let future = try await ctx.api(
                .POST, path, token: t, body: ctx.json(StationActivityInput(kind: "reading", date: "2026-11-20", participants: [a.id])))
            #expect(try StationTests.errorFields(future) == ["date"])
            let none = try await ctx.api(.POST, path, token: t, body: ctx.json(StationActivityInput(kind: "reading", participants: [])))
            #expect(try StationTests.errorFields(none) == ["participants"])
            let ok = try await ctx.api(
                .POST, path, token: t,
                body: ctx.json(StationActivityInput(kind: "parent_video_call", title: "周末亲情视频", participants: [a.id, b.id])))
            #expect(ok.status == .created, "\(ok.body.string)")
            #expect(try ok.content.decode(StationActivityDTO.self).date == "2026-11-18")
            let insp = try await ctx.token("insp")
            let list = try await ctx.api(.GET, path, token: insp).content.decode(ListPage<StationActivityDTO>.self)
            #expect(list.total == 1 && list.items[0].participants.count == 2)
            #expect(try await ctx.api(.POST, path, token: insp, body: ctx.json(StationActivityInput(kind: "reading"))).status == .forbidden)
        }
    }

    @Test func theRosterPageTakesAPhoneTickAndKeepsWhatWasTyped() async throws {
        try await withTestApp { ctx in
            try await ctx.makeUser("cun", .villageWorker, Codes.shihuayan)
            let t = try await ctx.token("cun")
            let s = try await Self.station(ctx, t, capacity: 10)
            let a = try await PairingTests.child(ctx, t, order: 331, name: "安小花"),
                b = try await PairingTests.child(ctx, t, order: 332, name: "白小花")
            for k in [a, b] { #expect(try await Self.enrol(ctx, t, s.id, k.id, from: "2026-11-01").status == .created) }
            var browser = Browser(ctx)
            try await browser.login("cun")
            let page = try await browser.get("/stations/\(s.id)/roster?date=2026-11-18")
            #expect(page.status == .ok && page.body.string.contains("安小花") && page.body.string.contains("白小花"))
            // Rows follow the page's order (by name): 安 then 白. A leave without a note comes back with the note field
            // named, and the tick typed for the other child kept.
            let refused = try await browser.post(
                "/stations/\(s.id)/roster", ["date": "2026-11-18", "c0": a.id, "s0": "present", "c1": b.id, "s1": "leave", "n1": ""])
            #expect(refused.status == .unprocessableEntity)
            let html = refused.body.string
            #expect(html.contains("请假须写明原因") && html.contains("白小花"))
            #expect(html.contains(#"name="s0" value="present" checked"#), "the tick kept")
            let saved = try await browser.post(
                "/stations/\(s.id)/roster", ["date": "2026-11-18", "c0": a.id, "s0": "present", "c1": b.id, "s1": "leave", "n1": "看病"])
            #expect(saved.status == .seeOther)
            let marks = try await StationAttendance.query(on: ctx.app.db).all()
            #expect(Set(marks.map(\.status)) == [.present, .leave] && marks.contains { $0.note == "看病" })
        }
    }

    /// A day present at a station counts as contact for the 60-day rule (`lastContactOn`); the next visit is still
    /// counted from visits.
    @Test func aDayAtTheStationIsAContactForTheSixtyDayRule() async throws {
        try await withTestApp { ctx in
            try await ctx.makeUser("cun", .villageWorker, Codes.shihuayan)
            let t = try await ctx.token("cun")
            let s = try await Self.station(ctx, t, capacity: 10, schedule: ["after_school", "weekends"])
            let k = try await PairingTests.child(ctx, t, order: 341, name: "安小花")
            #expect(try await Self.enrol(ctx, t, s.id, k.id).status == .created)
            func child() async throws -> ChildDTO {
                // A fresh sign-in each time: the clock moves past a token's life.
                try await ctx.api(.GET, "/api/v1/children/\(k.id)", token: try await ctx.token("cun")).content.decode(ChildDTO.self)
            }
            func silent(_ iso: String) async throws -> Bool {
                ctx.clock.set(PairingFollowupTests.day(iso))
                _ = try await SafetySweep.run(on: ctx.app.db, at: PairingFollowupTests.day(iso))
                return try await child().riskReasons.contains { $0.code == ReasonCode.riskNoContact.rawValue }
            }
            let due = try await child().nextVisitDue
            ctx.clock.set(PairingFollowupTests.day("2026-12-10"))
            let absent = try await Self.roster(
                ctx, try await ctx.token("cun"), s.id, "2026-12-10", [RosterEntryInput(childId: k.id, status: "absent")])
            #expect(absent.status == .ok)
            let afterAbsent = try await child()
            #expect(afterAbsent.lastContactOn == nil, "absent is no contact")
            #expect(
                try await Self.roster(
                    ctx, try await ctx.token("cun"), s.id, "2026-12-10", [RosterEntryInput(childId: k.id, status: "present")]
                ).status == .ok)
            #expect(try await child().lastContactOn == "2026-12-10")
            #expect(try await child().nextVisitDue == due, "the visit schedule counts visits")
            #expect(try await !silent("2027-01-17"), "60 days after registering, but seen 38 days ago")
            #expect(try await silent("2027-02-08"), "60 days after the station day")
            #expect(
                try await Self.roster(
                    ctx, try await ctx.token("cun"), s.id, "2027-02-08", [RosterEntryInput(childId: k.id, status: "present")]
                ).status == .ok)
            let seen = try await child()
            #expect(!seen.riskReasons.contains { $0.code == ReasonCode.riskNoContact.rawValue } && seen.lastContactOn == "2027-02-08")
        }
    }

    /// Covered: enrolled, or an open station in her village or within reach of her home (a child with no point only
    /// from her village). Rows one level down; the uncovered critical first; the reach is a rule the city sets.
    @Test func coverageCountsEnrolledAndReachableChildren() async throws {
        try await withTestApp { ctx in
            try await ctx.makeUser("cun", .villageWorker, Codes.shihuayan)
            try await ctx.makeUser("town", .townshipStaff, Codes.taohuashan)
            try await ctx.makeUser("city", .cityAdmin, Codes.county)
            let t = try await ctx.token("cun"), town = try await ctx.token("town")
            let s = try await Self.station(ctx, t, capacity: 10)  // at 29.65, 112.48 in 石华堰村
            func child(_ order: Int, village: String, north: Double?, alone: Bool = false) async throws -> ChildDTO {
                var b = ChildBody()
                b.idNumber = Synthetic.id(2014 + order % 5, 1 + order % 12, 5, order: order)
                b.villageCode = village
                if alone { b.livingArrangement = "alone"; b.guardian = nil }
                let res = try await ctx.api(.POST, "/api/v1/children", token: town, body: ctx.json(b))
                #expect(res.status == .created, "\(res.body.string)")
                let k = try res.content.decode(ChildDTO.self)
                if let north { try await Self.home(ctx, k, village: village, order: order, north: north) }
                return k
            }
            _ = try await child(351, village: Codes.shihuayan, north: nil)
            _ = try await child(352, village: Codes.xiaoshiqiao, north: 0.02)  // about 2.2 km
            let far = try await child(353, village: Codes.xiaoshiqiao, north: 0.05, alone: true)  // about 5.6 km
            let placed = try await child(354, village: Codes.xiaoshiqiao, north: 0.2)
            #expect(try await Self.enrol(ctx, town, s.id, placed.id).status == .created)

            let r = try await ctx.api(.GET, "/api/v1/stations/coverage?unit=\(Codes.taohuashan)", token: town).content.decode(
                CoverageDTO.self)
            #expect((r.leftBehind, r.enrolled, r.reachable, r.covered) == (4, 1, 2, 3), "\(r)")
            #expect(
                r.rows.map { "\($0.unitCode) \($0.leftBehind) \($0.covered)" } == ["\(Codes.shihuayan) 1 1", "\(Codes.xiaoshiqiao) 3 2"])
            #expect(r.priority.map(\.childId) == [far.id] && r.priority.first?.riskTier == "critical")
            // Her own village, whatever unit she asks for.
            let own = try await ctx.api(.GET, "/api/v1/stations/coverage?unit=\(Codes.county)", token: t).content.decode(CoverageDTO.self)
            #expect(own.unitCode == Codes.shihuayan && own.leftBehind == 1 && own.rows.count == 1)
            let page = try await ctx.api(.GET, "/stations/coverage?unit=\(Codes.taohuashan)", token: town)
            #expect(page.status == .ok || page.status == .seeOther)

            let city = try await ctx.token("city")
            #expect(try await ctx.api(.PUT, "/api/v1/stations/rules", token: city, body: ctx.json(["reachMetres": 6000])).status == .ok)
            let wider = try await ctx.api(.GET, "/api/v1/stations/coverage?unit=\(Codes.taohuashan)", token: town).content.decode(
                CoverageDTO.self)
            #expect(wider.covered == 4 && wider.priority.isEmpty)
        }
    }

    @Test func theStationRulesPageIsTheCitysAndChecksTheWeights() async throws {
        try await withTestApp { ctx in
            try await ctx.makeUser("city", .cityAdmin, Codes.county)
            try await ctx.makeUser("town", .townshipStaff, Codes.taohuashan)
            var town = Browser(ctx)
            try await town.login("town")
            #expect(try await town.get("/stations/rules").status == .forbidden)
            var city = Browser(ctx)
            try await city.login("city")
            let page = try await city.get("/stations/rules")
            #expect(page.status == .ok && page.body.string.contains("name=\"reachMetres\""))
            let bad = try await city.post(
                "/stations/rules", ["rosterDays": "7", "reachMetres": "3000", "criticalWeight": "2", "highWeight": "9"])
            #expect(bad.status == .unprocessableEntity && bad.body.string.contains("value=\"9\""), "typed kept")
            #expect(try await city.post("/stations/rules", ["reachMetres": "2500"]).status == .seeOther)
            #expect(try await SettingsStore.load(StationRules.self, on: ctx.app.db).reachMetres == 2500)
        }
    }

    @Test func stationsAndEnrolmentsExportAsSpreadsheets() async throws {
        try await withTestApp { ctx in
            try await ctx.makeUser("town", .townshipStaff, Codes.taohuashan)
            let t = try await ctx.token("town")
            let s = try await Self.station(ctx, t, capacity: 10)
            let k = try await PairingTests.child(ctx, t, order: 371, name: "安小花")
            #expect(try await Self.enrol(ctx, t, s.id, k.id).status == .created)
            var b = Browser(ctx)
            try await b.login("town")
            let list = try await b.get("/stations/export?format=csv")
            #expect(list.status == .ok && list.body.string.contains("石华堰村留守儿童服务站") && list.body.string.contains(",1,"))
            let kids = try await b.get("/stations/\(s.id)/enrolments/export?format=csv")
            #expect(kids.status == .ok && kids.body.string.contains("安小花") && kids.body.string.contains("2026-11-18"))
            let xlsx = try await b.get("/stations/export")
            #expect(xlsx.status == .ok && xlsx.body.readableBytes > 1000 && xlsx.body.string.hasPrefix("PK"))
            let trail = try await AuditEntry.query(on: ctx.app.db).filter(\.$action == "export").count()
            #expect(trail == 3)
        }
    }
}
