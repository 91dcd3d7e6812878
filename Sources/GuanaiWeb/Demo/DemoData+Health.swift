import Fluent
import Vapor
import GuanaiCore

extension DemoData {
    /// Forty synthetic 两癌 screenings of women of the demo township (issue 20), each recorded through `HealthService` by
    /// `weijian`: mostly normal; an ASC-US whose colposcopy is due; a BI-RADS 4 biopsied, its pathology back and the
    /// diagnosis pending; an HPV 16/18 lost to follow-up after two attempts; an HPV other-high-risk whose triage is
    /// overdue (the sweep tells `weijian`). They belong to the township's campaign of the year (target 300), in which
    /// ten more women of the demo village are invited and five booked for next week. The village has a square-dance and
    /// a waist-drum team with their evenings. `admin` holds `health_officer`.
    /// Added once.
    @discardableResult
    public static func loadHealth(_ app: Application) async throws -> Int {
        let db = app.db
        guard try await HealthScreening.query(on: db).count() == 0 else { return 0 }
        let places = try await Demo.places(county: app.guanai.county, on: db)
        let signers = try await Demo.signers(["weijian", "cun"], on: db)
        guard let (s, a) = signers["weijian"], let admin = try await UserDirectory.byUsername("admin", on: db) else { return 0 }
        admin.dutiesText = Duty.allCases.filter { admin.duties.contains($0) || $0 == .healthOfficer }.map(\.rawValue).joined(separator: ",")
        try await admin.save(on: db)
        let county = Scoped(db: db, jurisdiction: Jurisdiction(root: DivisionCode(app.guanai.county)!))
        let today = RegistryService.today(app.now)
        let range = DivisionCode(places.township)!.range
        // Women of the programme's ages first; the demo's younger mothers only if too few.
        let women = try await Person.query(on: db).filter(\.$unitCode >= range.lowerBound).filter(\.$unitCode <= range.upperBound)
            .filter(\.$sex == Sex.female.rawValue).filter(\.$vitalStatus == VitalStatus.alive.rawValue).sort(\.$id).all()
            .filter { $0.birth != nil }
            .sorted { a, b in
                let age = { (p: Person) in Age.years(born: p.birth!, on: today) }
                let inA = (35...64).contains(age(a)), inB = (35...64).contains(age(b))
                return inA != inB ? inA : a.id!.uuidString < b.id!.uuidString
            }
        func at(_ daysAgo: Int) -> Date { app.now.addingTimeInterval(-Double(daysAgo) * 86_400) }
        func day(_ daysAgo: Int) -> String { RegistryService.today(at(daysAgo)).iso }
        let site = "桃花山镇卫生院（演示）"
        let chosen = Array(women.prefix(40))
        // The township's campaign of the year: its site holds the days of this year's screens and a day next week.
        let planned = chosen.indices.map { i in i < 4 ? [20, 50, 120, 45][i] : 5 + i % 50 }
        var days = Set(planned.map { RegistryService.today(at($0)) }.filter { $0.year == today.year })
        if today.adding(days: 7).year == today.year { days.insert(today.adding(days: 7)) }
        let campaign = try await HealthCampaignService.create(
            HealthCampaignInput(
                year: today.year, unitCode: places.township, programme: HealthCampaignProgramme.both.rawValue, target: 300,
                sites: [.init(name: site, dates: days.sorted().prefix(HealthCampaignForm.maxDates).map(\.iso))]),
            scoped: county, by: s, actor: a, at: at(130))
        var made = 0
        for (i, w) in chosen.enumerated() {
            var daysAgo = planned[i]
            func cervical(_ m: CervicalMethod, _ c: CytologyResult?, _ h: HPVResult?) -> HealthScreeningInput {
                HealthScreeningInput(
                    personId: w.id!.uuidString, programme: HealthProgramme.cervical.rawValue, site: site,
                    gynaecExam: HealthExamFinding.normal.rawValue, method: m.rawValue, cytology: c?.rawValue, hpv: h?.rawValue)
            }
            func breast(_ e: HealthExamFinding, _ b: BiRads) -> HealthScreeningInput {
                HealthScreeningInput(
                    personId: w.id!.uuidString, programme: HealthProgramme.breast.rawValue, site: site, clinicalExam: e.rawValue,
                    ultrasound: b.rawValue)
            }
            var input: HealthScreeningInput
            switch i {
            case 0: (input, daysAgo) = (cervical(.cytology, .ascUS, nil), 20)
            case 1: (input, daysAgo) = (breast(.abnormal, .birads4), 50)
            case 2: (input, daysAgo) = (cervical(.hpv, nil, .hpv16_18), 120)
            case 3: (input, daysAgo) = (cervical(.cotest, .nilm, .otherHighRisk), 45)
            default: input = i.isMultiple(of: 2) ? cervical(.cotest, .nilm, .negative) : breast(.normal, i % 3 == 0 ? .birads2 : .birads1)
            }
            input.date = day(daysAgo)
            if RegistryService.today(at(daysAgo)).year == today.year { input.campaignId = campaign.id!.uuidString }
            let (_, followup) = try await HealthService.screen(input, scoped: county, by: s, actor: a, at: at(daysAgo))
            made += 1
            guard let f = followup else { continue }
            switch i {
            case 1:
                let biopsied = try await HealthService.step(
                    f, HealthStepInput(step: FollowupStep.biopsy.rawValue, date: day(40)), by: s, actor: a, at: at(40), on: db)
                _ = try await HealthService.step(
                    biopsied, HealthStepInput(step: FollowupStep.pathology.rawValue, date: day(30)), by: s, actor: a, at: at(30), on: db)
            case 2:
                for (d, channel) in [(100, HealthAttemptChannel.phone), (90, .homeVisit)] {
                    _ = try await HealthService.attempt(
                        f, HealthAttemptInput(on: day(d), channel: channel.rawValue, note: "（演示）家中无人，邻居说已外出务工"), by: s, actor: a, at: at(d),
                        on: db)
                }
                _ = try await HealthService.lost(
                    f, HealthLostInput(reason: HealthLostReason.unreachable.rawValue), actor: a, at: at(85), on: db)
            default: break
            }
        }
        // Ten more women of the village invited, half of them booked for next week's day.
        let due = try await county.healthDue(
            unit: places.village, programme: .cervical, today: today, try await HealthSettingsStore.load(on: db))
        let invited = due.prefix(10).map(\.0)
        if !invited.isEmpty {
            _ = try await HealthCampaignService.invite(
                campaign, HealthInvitationInput(personIds: invited.map(\.personId.description)), scoped: county, actor: a, at: app.now)
            let next = today.adding(days: 7)
            if campaign.checked.holds(next) {
                for w in invited.prefix(5) {
                    _ = try await HealthCampaignService.book(
                        campaign, HealthAppointmentInput(personId: w.personId.description, date: next.iso, site: site), scoped: county,
                        actor: a, at: app.now)
                }
            }
        }
        // Two teams of the demo village, with their evenings.
        if let (cs, ca) = signers["cun"] {
            let village = chosen.filter { $0.unitCode == places.village }.compactMap(\.id)
            let plans: [(String, HealthTeamKind, [Int], String)] = [
                ("石华堰村广场舞队（演示）", .squareDance, [3, 10, 17], "村委会广场"), ("石华堰村腰鼓队（演示）", .waistDrum, [6, 20], "村小学操场"),
            ]
            for (n, (name, kind, evenings, place)) in plans.enumerated() where village.count > 2 * (n + 1) {
                let members = Array(village.dropFirst(n * 4).prefix(4))
                let team = try await HealthTeamService.create(
                    HealthTeamInput(
                        name: name, kind: kind.rawValue, unitCode: places.village, leaderPersonId: members[0].uuidString,
                        members: members.dropFirst().map(\.uuidString)), scoped: county, by: cs, actor: ca, at: at(40))
                for (k, d) in evenings.enumerated() {
                    try await HealthTeamService.activity(
                        team, HealthTeamActivityInput(date: day(d), place: place, participants: .count(12 + 3 * k)), scoped: county, by: cs,
                        actor: ca, at: at(d))
                }
            }
        }
        return made
    }
}
