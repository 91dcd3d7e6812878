import Fluent
import Vapor
import GuanaiCore

extension DemoData {
    /// Two courses in 石首市, recorded through the service on the days they happened: the city's, finished some four
    /// months ago (enrolments, five days' attendance, certificates, the 3-month follow-ups half recorded so the rest
    /// are late), and one running now in the demo township (桃花山镇) for its own women first. Added once.
    @discardableResult
    public static func loadTraining(_ app: Application) async throws -> Int {
        let db = app.db
        guard try await Course.query(on: db).count() == 0 else { return 0 }
        let places = try await Demo.places(county: app.guanai.county, on: db)
        let scoped = Scoped(db: db, jurisdiction: Jurisdiction(root: DivisionCode(app.guanai.county)!))
        let actor = AuditActor.system("demo-data")
        let today = RegistryService.today(app.now)
        func at(_ d: CivilDate) -> Date { app.now.addingTimeInterval(-Double(today.dayNumber - d.dayNumber) * 86_400) }
        let town = Jurisdiction(root: DivisionCode(places.township)!)
        let wanted = try await Woman.query(on: db).filter(\.$voidedReason == nil).filter(\.$status == .active).sort(\.$unitCode)
            .sort(\.$id).all().filter { $0.details[flag: .employmentInterest] || $0.needList.contains(.development) }
        let own = wanted.filter { town.contains($0.unitCode) }, elsewhere = wanted.filter { !town.contains($0.unitCode) }
        let cityWomen = Array(elsewhere.prefix(10)), townWomen = Array((own + elsewhere.dropFirst(10)).prefix(6))
        guard cityWomen.count >= 4, townWomen.count >= 2 else { return 0 }

        let start = today.adding(days: -130), end = start.adding(days: 4)
        let finished = try await TrainingService.createCourse(
            CourseInput(
                title: "家政服务技能培训班（演示）", topic: CourseTopic.domesticService.rawValue, organiser: "石首市妇联",
                partner: "石首市人力资源和社会保障局", unitCode: DivisionCode(app.guanai.county)!.value, from: start.iso, to: end.iso, place: "镇文化站二楼",
                capacity: 30), scoped: scoped, actor: actor, at: at(start.adding(days: -14)))
        var rows: [TrainingEnrolment] = []
        for w in cityWomen {
            rows.append(
                try await TrainingService.enrol(
                    finished, personId: w.personID.uuidString, scoped: scoped, actor: actor, at: at(start.adding(days: -7))))
        }
        for n in 0..<5 {
            let day = start.adding(days: n)
            // Most come every day; every fourth woman misses one day, the last two miss two (and fall short of 80 %).
            let entries = rows.enumerated().map { i, e in
                CourseAttendanceInput.Entry(
                    personId: e.personID.uuidString, present: !((i % 4 == 1 && n == 2) || (i >= rows.count - 2 && n >= 3)))
            }
            _ = try await TrainingService.saveAttendance(
                finished, day: day.iso, entries: entries, scoped: scoped, actor: actor, at: at(day))
        }
        var certified: [TrainingEnrolment] = []
        for (i, e) in rows.enumerated() where i < rows.count - 2 {
            certified.append(
                try await TrainingService.complete(
                    e, finished, certificateNo: "SSJZ-\(start.year)-\(String(format: "%03d", i + 1))", scoped: scoped, actor: actor,
                    at: at(end)))
        }
        // Half the 3-month follow-ups are in; the rest are past their week's grace and show as late.
        let due = WomanClassifier.addMonths(end, 3)
        let outcomes: [FollowupOutcome] = [.employed, .selfEmployed, .businessStarted, .notWorking]
        for (i, e) in certified.enumerated() where i % 2 == 0 && due <= today {
            _ = try await TrainingService.followup(
                e, TrainingFollowupInput(month: 3, outcome: outcomes[(i / 2) % outcomes.count].rawValue, note: "电话回访（演示）"),
                scoped: scoped, actor: actor, at: at(due.adding(days: 2)))
        }

        let open = today.adding(days: -2)
        let running = try await TrainingService.createCourse(
            CourseInput(
                title: "农村电商直播培训班（演示）", topic: CourseTopic.ecommerce.rawValue, organiser: "桃花山镇妇联", partner: "县电商服务中心",
                unitCode: places.township, from: open.iso, to: open.adding(days: 9).iso, place: "村委会会议室", capacity: 20),
            scoped: scoped, actor: actor, at: at(open.adding(days: -10)))
        var current: [TrainingEnrolment] = []
        for w in townWomen {
            current.append(
                try await TrainingService.enrol(
                    running, personId: w.personID.uuidString, scoped: scoped, actor: actor, at: at(open.adding(days: -5))))
        }
        for n in 0..<2 {
            let day = open.adding(days: n)
            let entries = current.enumerated().map { i, e in
                CourseAttendanceInput.Entry(personId: e.personID.uuidString, present: (i + n) % 5 != 4)
            }
            _ = try await TrainingService.saveAttendance(running, day: day.iso, entries: entries, scoped: scoped, actor: actor, at: at(day))
        }
        return 2
    }
}
