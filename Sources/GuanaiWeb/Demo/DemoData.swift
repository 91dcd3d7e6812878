import Fluent
import Vapor
import GuanaiCore

/// Synthetic registry records through the same service the pages use, so demo data is classified and audited
/// exactly like real entries.
public enum DemoData {
    static func input(_ k: SyntheticChild) -> ChildInput {
        func parent(_ p: SyntheticParent) -> ParentInput {
            ParentInput(name: p.name, idNumber: p.idNumber, situation: p.situation.rawValue, workPlace: p.workPlace, since: nil, phone: nil)
        }
        return ChildInput(
            name: k.name, idNumber: k.idNumber, villageCode: k.villageCode, hukou: Hukou.rural.rawValue, ethnicity: Ethnicity.all[0],
            poverty: k.poverty.rawValue, father: parent(k.father), mother: parent(k.mother),
            guardian: k.guardian.map {
                GuardianInput(name: $0.name, idNumber: $0.idNumber, relation: $0.relation.rawValue, health: $0.health.rawValue)
            },
            livingArrangement: k.living.rawValue, needs: k.needs.map(\.rawValue), informedOn: RegistryService.today(Date()).iso,
            consent: true, confirmLinks: true)
    }

    /// Adds `children` synthetic children across the county's active villages. Returns how many were added
    /// (records already present are skipped, so running it twice with the same seed adds nothing).
    @discardableResult
    public static func load(_ app: Application, children: Int, seed: UInt64) async throws -> Int {
        let county = DivisionCode(app.guanai.county)!
        let scoped = Scoped(db: app.db, jurisdiction: Jurisdiction(root: county))
        let villages = try await scoped.units().filter(\.$level == DivisionLevel.village.rawValue).filter(\.$status == .active)
            .filter(\.$kind == .villageCommittee).sort(\.$id).all().map(\.code)
        guard !villages.isEmpty else { return 0 }
        let kids = SyntheticRegistry.children(count: children, seed: seed, villages: villages, today: RegistryService.today(app.now))
        var added = 0
        for k in kids {
            do {
                _ = try await RegistryService.createChild(input(k), scoped: scoped, actor: .system("demo-data"), at: app.now)
                added += 1
            } catch is ConflictError {
                continue
            }
        }
        return added
    }

    static func input(_ w: SyntheticWoman) -> WomanInput {
        WomanInput(
            name: w.name, idNumber: w.idNumber, villageCode: w.villageCode, hukou: Hukou.rural.rawValue, phone: nil,
            ethnicity: Ethnicity.all[0], health: Health.healthy.rawValue,
            husband: ParentInput(
                name: w.husband.name, idNumber: w.husband.idNumber, situation: w.husband.situation.rawValue, workPlace: w.husband.workPlace,
                since: w.husbandSince.iso, phone: nil),
            details: w.details, needs: w.needs.map(\.rawValue), confirmLinks: true)
    }

    /// Adds `women` synthetic left-behind women (and the few not yet six months alone) across the county's villages;
    /// like the children, a second run with the same seed adds nothing.
    @discardableResult
    public static func loadWomen(_ app: Application, women: Int, seed: UInt64) async throws -> Int {
        let county = DivisionCode(app.guanai.county)!
        let scoped = Scoped(db: app.db, jurisdiction: Jurisdiction(root: county))
        let villages = try await scoped.units().filter(\.$level == DivisionLevel.village.rawValue).filter(\.$status == .active)
            .filter(\.$kind == .villageCommittee).sort(\.$id).all().map(\.code)
        guard !villages.isEmpty else { return 0 }
        var added = 0
        for w in SyntheticRegistry.women(count: women, seed: seed, villages: villages, today: RegistryService.today(app.now)) {
            do {
                _ = try await WomenService.create(input(w), scoped: scoped, actor: .system("demo-data"), at: app.now)
                added += 1
            } catch is ConflictError {
                continue
            }
        }
        return added
    }
}

extension DemoData {
    /// Synthetic 爱心妈妈 for the demo township: a few in the demo village (one linked to the `aixin` account), the
    /// rest elsewhere in the township, all screened; and a handful more children in the demo village so there is
    /// someone to pair. Names are made up; ID numbers are built with a valid check digit, never copied.
    @discardableResult
    public static func loadVolunteers(_ app: Application) async throws -> Int {
        let db = app.db
        let places = try await Demo.places(county: app.guanai.county, on: db)
        let scoped = Scoped(db: db, jurisdiction: Jurisdiction(root: DivisionCode(app.guanai.county)!))
        let today = RegistryService.today(app.now)
        for k in SyntheticRegistry.children(count: 6, seed: 4_2108, villages: [places.village], today: today) {
            do {
                _ = try await RegistryService.createChild(input(k), scoped: scoped, actor: .system("demo-data"), at: app.now)
            } catch is ConflictError { continue }
        }
        let villages = try await Unit.query(on: db).filter(\.$parentCode == places.township).filter(\.$status == .active).sort(\.$id).all()
            .map(\.code)
        let people: [(String, [VolunteerSkill], Int, String?, String)] = [
            ("周春梅", [.tutoring, .psychologicalSupport], 2, "镇妇联", "三八红旗手"),
            ("陈桂芳", [.lifeSkills, .crafts], 1, "村委会", ""),
            ("刘晓燕", [.health], 1, "镇卫生院", "十大女杰"),
            ("王丽娟", [.arts, .tutoring], 2, "镇中心小学", ""),
            ("张玉兰", [.lifeSkills], 1, nil, ""),
            ("黄秀英", [.sports, .psychologicalSupport], 1, "镇政府", "正科级女干部"),
        ]
        let aixin = try await UserDirectory.byUsername("aixin", on: db)
        var added = 0
        for (i, (name, skills, capacity, org, honours)) in people.enumerated() {
            let id = IDNumber.make(address: "421081", birth: CivilDate(year: 1975 + i * 2, month: 3 + i, day: 8 + i)!, order: 620 + i * 2)
                .value
            if try await Volunteer.query(on: db).filter(\.$idNumber == id).first() != nil { continue }
            // The first three live in the demo village; the others spread over the township's villages.
            let unit = i < 3 ? places.village : (villages.isEmpty ? places.township : villages[(i * 7) % villages.count])
            let input = VolunteerInput(
                name: name, idNumber: id, phone: "1390000" + String(format: "%04d", 100 + i), unitCode: unit,
                details: .typed([.organisation: org ?? "", .honours: honours, .availableTime: "周末"]),
                skills: skills.map(\.rawValue), capacity: capacity, account: i == 0 ? aixin?.username : nil)
            let v = try await PairingService.createVolunteer(input, scoped: scoped, actor: .system("demo-data"), at: app.now)
            for step in ScreeningStep.allCases {
                try await PairingService.screen(
                    v, ScreeningInput(step: step.rawValue, on: today.adding(days: -30).iso), by: "乡镇妇联督导员（演示）", actor: .system("demo-data"),
                    at: app.now, on: db)
            }
            added += 1
        }
        // The pilot of the founding speech: 王李场村, its launch meeting a month ago, the township's volunteers signed up.
        if added > 0, let pilot = try await scoped.units(named: "王李场村").first,
            let town = try await UserDirectory.byUsername("xiangzhen", on: db)
        {
            let k = try await CampaignService.create(
                CampaignInput(name: "王李场村爱心妈妈结对帮扶试点", unitCode: pilot.code, launchedOn: today.adding(days: -30).iso, note: "启动会上报名的爱心妈妈"),
                scoped: scoped, by: town.displayName, actor: .system("demo-data"), at: app.now)
            for c in SyntheticRegistry.children(count: 5, seed: 4_2109, villages: [pilot.code], today: today) {
                do {
                    _ = try await RegistryService.createChild(input(c), scoped: scoped, actor: .system("demo-data"), at: app.now)
                } catch is ConflictError { continue }
            }
            for v in try await Volunteer.query(on: db).filter(\.$unitCode >= String(places.township.prefix(9))).filter(
                \.$unitCode <= String(places.township.prefix(9)) + "999"
            ).all() {
                _ = try await CampaignService.addVolunteer(
                    k, CampaignVolunteerInput(volunteerId: v.id!.uuidString), scoped: scoped, actor: .system("demo-data"), at: app.now)
            }
        }
        return added
    }
}

extension DemoData {
    /// Two stations in the demo township (桃花山镇): one in the demo village's committee rooms, one at the township's
    /// school; the first with the village's volunteers. Added once: a township that has a station gets none.
    @discardableResult
    public static func loadStations(_ app: Application) async throws -> Int {
        let db = app.db
        let places = try await Demo.places(county: app.guanai.county, on: db)
        let scoped = Scoped(db: db, jurisdiction: Jurisdiction(root: DivisionCode(app.guanai.county)!))
        let town = Jurisdiction(root: DivisionCode(places.township)!)
        guard try await Station.query(on: db).within(town, \.$unitCode).count() == 0 else { return 0 }
        let today = RegistryService.today(app.now)
        let helpers = try await Volunteer.query(on: db).filter(\.$unitCode == places.village).sort(\.$name).limit(2).all()
        let inputs = [
            StationInput(
                name: "石华堰村留守儿童服务站", unitCode: places.village, host: StationHost.villageCommittee.rawValue, address: "村委会二楼",
                capacity: 40, schedule: [StationSession.afterSchool, .weekends, .summerHoliday].map(\.rawValue),
                staff: [.init(name: "村儿童主任（演示）", phone: "13900000201")], volunteerIds: helpers.map { $0.id!.uuidString },
                facilities: "图书角、作业桌、亲情视频电话", openedOn: today.adding(days: -400).iso),
            StationInput(
                name: "桃花山镇中心小学留守儿童之家", unitCode: places.township, host: StationHost.school.rawValue, address: "镇中心小学内",
                capacity: 120, schedule: [StationSession.afterSchool, .winterHoliday, .summerHoliday].map(\.rawValue),
                staff: [.init(name: "值班教师（演示）", phone: "13900000202"), .init(name: "心理辅导教师（演示）")],
                facilities: "阅览室、心理咨询室、活动室", openedOn: today.adding(days: -800).iso),
        ]
        for i in inputs { _ = try await StationService.create(i, scoped: scoped, actor: .system("demo-data"), at: app.now) }
        return inputs.count
    }

    /// The stations' days, once (stations that have enrolments get nothing): this year's and next year's holidays,
    /// up to 20 of the township's children on the care list enrolled a month ago (the village's own first at its
    /// station), rosters for the last 10 days each station kept, and a video call with the parents. Written through
    /// the services as of each day, so every rule holds as it would have then.
    @discardableResult
    public static func loadStationDays(_ app: Application) async throws -> Int {
        let db = app.db
        let places = try await Demo.places(county: app.guanai.county, on: db)
        let town = Jurisdiction(root: DivisionCode(places.township)!)
        let stations = try await Station.query(on: db).within(town, \.$unitCode).sort(\.$capacity).all()
        guard stations.count >= 2, try await StationEnrolment.query(on: db).filter(\.$stationID ~~ stations.compactMap(\.id)).count() == 0
        else { return 0 }
        let scoped = Scoped(db: db, jurisdiction: Jurisdiction(root: DivisionCode(app.guanai.county)!))
        let actor = AuditActor.system("demo-data")
        let today = RegistryService.today(app.now)
        for year in [today.year, today.year + 1] where try await StationCalendarStore.load(year, on: db) == nil {
            let input = StationCalendarInput(
                year: year, winter: .init(from: "\(year)-01-24", to: "\(year)-02-22"),
                summer: .init(from: "\(year)-07-04", to: "\(year)-08-31"),
                closedDays: ["\(year)-10-01", "\(year)-10-02", "\(year)-10-03"])
            _ = try await StationCalendarStore.save(input, by: actor, at: app.now, on: db)
        }
        let kids = try await Child.query(on: db).within(town, \.$unitCode).filter(\.$status == .active).sort(\.$id).all()
        let own = kids.filter { $0.unitCode == places.village }, others = kids.filter { $0.unitCode != places.village }
        let village = stations[0], school = stations[1]
        let monthAgo = app.now.addingTimeInterval(-30 * 86_400)
        var enrolled = 0
        for (station, group) in [
            (village, Array((own + others).prefix(12))), (school, Array(others.dropFirst(max(0, 12 - own.count)).prefix(8))),
        ] {
            for k in group {
                _ = try await StationDayService.enrol(
                    station, EnrolmentInput(childId: k.id!.uuidString), scoped: scoped, actor: actor, at: monthAgo)
                enrolled += 1
            }
        }
        for station in [village, school] {
            let schedule = StationSchedule(Set(station.schedule))
            let calendars = try await StationCalendarStore.around(today, on: db)
            let days = (1...30).map { today.adding(days: -$0) }.filter { schedule.isOpen(on: $0, calendars: calendars) }.prefix(10)
            let places = try await scoped.enrolments(station)
            for (n, day) in days.enumerated() {
                let at = app.now.addingTimeInterval(-Double(today.dayNumber - day.dayNumber) * 86_400)
                let entries = places.enumerated().map { i, e in
                    // Most come; one in seven is away, every fifth of those on leave with a reason.
                    (i + n) % 7 != 3
                        ? RosterEntryInput(childId: e.childID.uuidString, status: AttendanceStatus.present.rawValue)
                        : (i + n) % 5 == 0
                            ? RosterEntryInput(childId: e.childID.uuidString, status: AttendanceStatus.leave.rawValue, note: "发烧，奶奶请假")
                            : RosterEntryInput(childId: e.childID.uuidString, status: AttendanceStatus.absent.rawValue)
                }
                _ = try await StationDayService.saveRoster(
                    station, rawDate: day.iso, RosterInput(entries: entries), scoped: scoped, actor: actor, at: at)
            }
            if station === village, let last = days.first {
                let at = app.now.addingTimeInterval(-Double(today.dayNumber - last.dayNumber) * 86_400)
                _ = try await StationDayService.addActivity(
                    station,
                    StationActivityInput(
                        kind: StationActivityKind.parentVideoCall.rawValue, date: last.iso, title: "周末亲情视频", note: "每个孩子和在外的爸爸妈妈通话十分钟",
                        participants: places.map(\.childID.uuidString)), scoped: scoped, actor: actor, at: at)
            }
        }
        return enrolled
    }
}
