import Fluent
import Vapor
import GuanaiCore

extension DemoData {
    /// A 春风送岗位 fair held by the demo township about four months ago: three employers, eight postings, six of the
    /// township's synthetic women attending, their intents, and two hires, one of whose follow-ups is late (hired
    /// four months ago, none recorded) while the other's is not yet due. Recorded through the service, each step on
    /// the day a clerk would have recorded it. Added once.
    @discardableResult
    public static func loadJobFairs(_ app: Application) async throws -> Int {
        let db = app.db
        guard try await JobFair.query(on: db).count() == 0 else { return 0 }
        let places = try await Demo.places(county: app.guanai.county, on: db)
        let town = Scoped(db: db, jurisdiction: Jurisdiction(root: DivisionCode(places.township)!))
        let women = try await Person.query(on: db).within(town.jurisdiction, \.$unitCode).filter(\.$sex == Sex.female.rawValue)
            .filter(\.$vitalStatus == VitalStatus.alive.rawValue).sort(\.$unitCode).sort(\.$name).limit(6).all()
        guard women.count >= 4 else { return 0 }
        let actor = AuditActor.system("demo-data")
        let fairDay = app.now.addingTimeInterval(-125 * 86_400)
        let fair = try await JobFairService.create(
            JobFairInput(name: "春风送岗位专场招聘会（演示）", unitCode: places.township, date: RegistryService.today(fairDay).iso, place: "镇文化广场"),
            scoped: town, actor: actor, at: fairDay)
        let employers: [(String, String, [(String, String?, String?, Bool, Int)])] = [
            (
                "石首市演示服装有限公司", "纺织服装",
                [("缝纫工", "3000", "4500", false, 10), ("质检员", "3200", "4000", false, 2), ("居家手工（计件）", nil, nil, true, 20)]
            ),
            (
                "荆州演示电商产业园", "电子商务",
                [("网店客服", "2800", "3800", true, 5), ("直播助理", "3000", "5000", false, 2), ("打包员", "2600", "3200", true, 6)]
            ),
            ("演示家政服务中心", "家政服务", [("育婴员", "4000", "6000", false, 3), ("养老护理员", "3500", "4500", true, 4)]),
        ]
        var postings: [FairPosting] = []
        for (name, industry, jobs) in employers {
            let e = try await JobFairService.addEmployer(
                fair, FairEmployerInput(name: name, contact: "人事部（演示）", phone: "13800000000", industry: industry), scoped: town,
                actor: actor,
                at: fairDay)
            for (title, min, max, carers, openings) in jobs {
                postings.append(
                    try await JobFairService.addPosting(
                        fair,
                        FairPostingInput(
                            employerId: e.id!.uuidString, title: title, payMin: min, payMax: max, place: "桃花山镇", hours: "8:00-17:30",
                            suitsCarers: carers, openings: openings), scoped: town, actor: actor, at: fairDay))
            }
        }
        for (i, w) in women.enumerated() {
            let person = w.id!.uuidString
            _ = try await JobFairService.addAttendee(fair, FairPersonInput(personId: person), scoped: town, actor: actor, at: fairDay)
            _ = try await JobFairService.addIntent(
                fair, FairPersonInput(personId: person, postingId: postings[i % postings.count].id!.uuidString), scoped: town, actor: actor,
                at: fairDay)
        }
        // Hired a few days after the fair (follow-up now late), and another a month ago (not yet due).
        for (w, days) in [(women[0], 120.0), (women[1], 30.0)] {
            let posting = postings[women.firstIndex { $0.id == w.id }! % postings.count]
            _ = try await JobFairService.addHire(
                fair, FairPersonInput(personId: w.id!.uuidString, postingId: posting.id!.uuidString), scoped: town, actor: actor,
                at: app.now.addingTimeInterval(-days * 86_400))
        }
        return 1
    }
}
