import Foundation
import Testing
import Fluent
import Vapor
import VaporTesting
import GuanaiCore
@testable import GuanaiWeb

// MARK: the records

extension AccessMatrixTests {
    /// One village's records, each kind once, with names found nowhere else.
    struct World {
        let village: String
        var child = "", pairedChild = "", guardian = "", household = "", woman = "", visit = "", alert = "", report = ""
        var volunteer = "", pair = "", otherPair = "", campaign = "", station = "", enrolment = "", account = ""
        var upload: String? = nil
        /// A neighbour group of the village's three households.
        var group = ""
        /// A candidate site for siting.
        var site = ""
        /// A donor (named in the notice) and her donation to the village, half of it given to the station.
        var donor = "", donation = "", allocation = ""
        /// A children's event in the village with the child taking part.
        var event = ""
        /// A training course in the village with the woman enrolled.
        var course = "", trainingEnrolment = ""
        /// A job fair in the village with the woman attending and hired (issue 18).
        var fair = "", fairHire = ""
        /// A loan applied for by the village's worker for the woman (issue 18).
        var loan = ""
        /// A rights case the village's worker took in (issue 19): its parties and narrative are for its assigned accounts only.
        var rightsCase = ""
        /// A woman's abnormal screen and the follow-up it opened (issue 20): results for the health department only.
        var screening = "", followup = "", healthCampaign = "", team = ""
        /// What only readers of `health_result` may see: the screen's site, the ids.
        var results: [String] = []
        /// What only a case's assigned accounts, rights officers and break-glass readers may see: nobody in the matrix.
        var confidential: [String] = []
        /// Names and ID numbers that must not reach anybody outside this village's jurisdiction.
        var secrets: [String] = []
        /// The children's names, which only roles that read children may see.
        var childNames: [String] = []
    }

    /// Registers a village's records through the API as an account above it; `tag` makes every name and number unique.
    static func world(_ ctx: TestContext, village: String, admin: String, township: String?, tag: Int, volunteerAccount: String?)
        async throws -> World
    {
        var w = World(village: village)
        let surname = ["王", "赵", "钱"][tag]
        func created<T: Decodable>(_ path: String, _ body: some Encodable, as: T.Type) async throws -> T {
            let r = try await ctx.api(.POST, path, token: admin, body: ctx.json(body))
            #expect(r.status == .created, "\(path): \(r.body.string)")
            return try r.content.decode(T.self)
        }
        func child(_ name: String, order: Int, alone: Bool) async throws -> ChildDTO {
            var b = ChildBody()
            b.name = name
            b.idNumber = Synthetic.id(2016, 3, 3 + tag, order: order)
            b.villageCode = village
            b.livingArrangement = alone ? "alone" : "with_guardian"
            b.father?["idNumber"] = Synthetic.id(1990, 5, 1 + tag, order: order + 1)
            b.mother?["idNumber"] = Synthetic.id(1992, 8, 1 + tag, order: order + 2)
            b.guardian = [
                "name": surname + "一奶", "idNumber": Synthetic.id(1950, 3, 3 + tag, order: order + 3), "relation": "grandmother",
                "phone": "1390000000\(tag)",
            ]
            w.secrets += [name, b.idNumber]
            w.childNames.append(name)
            return try await created("/api/v1/children", b, as: ChildDTO.self)
        }
        let c = try await child(surname + "一禾", order: 100 + tag * 10, alone: true)
        w.child = c.id
        w.household = c.householdId ?? ""
        w.guardian = c.guardian?.id ?? ""
        let paired = try await child(surname + "一苗", order: 200 + tag * 10, alone: false)
        w.pairedChild = paired.id
        let third = try await child(surname + "一果", order: 300 + tag * 10, alone: false)
        w.secrets += [c.id, w.pairedChild, third.id, w.household]

        w.alert = try #require(
            try await Alert.query(on: ctx.app.db).filter(\.$childID == UUID(uuidString: c.id)!).first()?.id?.uuidString,
            "a child alone raises an alert")
        let visit = try await created(
            "/api/v1/children/\(c.id)/visits", VisitInput(mode: "home", checklist: ["warmth": "ok"], notes: surname + "家访记录"),
            as: VisitDTO.self)
        w.visit = visit.id
        let photo = try await ctx.app.testing().sendRequest(
            .POST, "/api/v1/visits/\(visit.id)/photos", headers: ["Authorization": "Bearer \(admin)", "Content-Type": "image/jpeg"],
            body: ByteBuffer(data: VisitPhotoTests.jpeg))
        #expect(photo.status == .created, "\(photo.body.string)")
        w.report = try await created(
            "/api/v1/reports", ReportInput(childId: c.id, reporter: surname + "邻居", seen: "孩子一个人在家"), as: ReportDTO.self
        ).id

        let womanName = surname + "一英"
        let wid = Synthetic.id(1988, 4, 4 + tag, order: 400 + tag * 10 + 2)
        let body: [String: AnyEncodable] = [
            "name": .init(womanName), "idNumber": .init(wid), "villageCode": .init(village), "hukou": .init("rural"),
            "husband": .init(["name": surname + "一强", "situation": "working_away", "workPlace": "广东佛山", "since": "2026-05-10"]),
        ]
        let woman = try await created("/api/v1/women", body, as: WomanDTO.self)
        w.woman = woman.id
        let womanDTO = woman
        w.secrets += [womanName, wid, w.woman]
        let courseTitle = surname + "家村电商培训班"
        w.course = try await created(
            "/api/v1/courses",
            CourseInput(
                title: courseTitle, topic: "ecommerce", organiser: "市妇联", unitCode: village, from: "2026-10-05", to: "2026-10-09",
                capacity: 20),
            as: CourseDTO.self
        ).id
        w.trainingEnrolment = try await created(
            "/api/v1/courses/\(w.course)/enrolments", TrainingEnrolmentInput(personId: woman.personId), as: TrainingEnrolmentDTO.self
        ).id
        w.secrets += [courseTitle, w.course, w.trainingEnrolment]

        func volunteer(_ name: String, order: Int, account: String?) async throws -> VolunteerDTO {
            let vid = Synthetic.id(1978, 8, 8 + tag, order: order)
            let v = try await created(
                "/api/v1/volunteers",
                VolunteerInput(name: name, idNumber: vid, phone: "1391234567\(tag)", unitCode: village, capacity: 2, account: account),
                as: VolunteerDTO.self)
            for s in ScreeningStep.allCases {
                let r = try await ctx.api(
                    .POST, "/api/v1/volunteers/\(v.id)/screening", token: admin, body: ctx.json(ScreeningInput(step: s.rawValue)))
                #expect(r.status == .ok, "\(r.body.string)")
            }
            w.secrets += [name, vid, v.id]
            return v
        }
        func pair(_ child: String, _ v: VolunteerDTO) async throws -> String {
            let p = try await created("/api/v1/pairs", PairInput(childId: child, volunteerId: v.id), as: PairDTO.self)
            let a = try await ctx.api(.POST, "/api/v1/pairs/\(p.id)/approve", token: admin)
            #expect(a.status == .ok, "\(a.body.string)")
            let k = try await ctx.api(
                .POST, "/api/v1/pairs/\(p.id)/contacts", token: admin, body: ctx.json(ContactInput(mode: "call", minutes: 10, notes: "")))
            #expect(k.status == .created, "\(k.body.string)")
            w.secrets.append(p.id)
            return p.id
        }
        let v = try await volunteer(surname + "一爱", order: 500 + tag * 10 + 2, account: volunteerAccount)
        w.volunteer = v.id
        w.pair = try await pair(w.pairedChild, v)
        w.otherPair = try await pair(third.id, try await volunteer(surname + "一心", order: 600 + tag * 10 + 2, account: nil))

        let campaignName = surname + "家村结对帮扶试点"
        w.campaign = try await created(
            "/api/v1/campaigns", CampaignInput(name: campaignName, unitCode: village, launchedOn: "2026-10-01", note: ""),
            as: CampaignDTO.self
        ).id
        w.secrets += [campaignName, w.campaign]

        let stationName = surname + "家村留守儿童服务站"
        w.station = try await created(
            "/api/v1/stations",
            StationInput(name: stationName, unitCode: village, host: "school", capacity: 30, schedule: ["after_school", "weekends"]),
            as: StationDTO.self
        ).id
        w.secrets += [stationName, w.station]
        let siteName = surname + "家村小学"
        w.site = try await created(
            "/api/v1/sites", SiteInput(name: siteName, kind: "school", unitCode: village, latitude: 29.7, longitude: 112.4),
            as: SiteDTO.self
        ).id
        w.secrets += [siteName, w.site]
        w.enrolment = try await created(
            "/api/v1/stations/\(w.station)/enrolments", EnrolmentInput(childId: w.child), as: EnrolmentDTO.self
        ).id

        let groupName = surname + "家村东头互助组"
        w.group = try await created(
            "/api/v1/neighbour-groups",
            NeighbourGroupInput(
                villageCode: village, name: groupName, leaderPersonId: w.guardian,
                members: [c.householdId, paired.householdId, third.householdId].map { .init(householdId: $0, consentedOn: "2026-10-01") }),
            as: NeighbourGroupDTO.self
        ).id
        w.secrets += [groupName, w.group]

        let donorName = surname + "家村爱心企业"
        w.donor = try await created(
            "/api/v1/donors", DonorInput(name: donorName, kind: "enterprise", publicName: true, unitCode: village), as: DonorDTO.self
        ).id
        w.donation = try await created(
            "/api/v1/donations",
            DonationInput(
                donorId: w.donor, type: "money", amount: "1000.00", receiptNo: "R\(tag)", receivedOn: "2026-10-01", unitCode: village),
            as: DonationDTO.self
        ).id
        w.allocation = try #require(
            try await created(
                "/api/v1/donations/\(w.donation)/allocations",
                AllocationInput(to: "station", targetId: w.station, amount: "500.00", on: "2026-10-02"), as: DonationDTO.self
            ).allocations.first?.id)
        w.secrets += [donorName, w.donor, w.donation, w.allocation]
        let eventTitle = surname + "家村暑期安全课"
        w.event = try await created(
            "/api/v1/events",
            ChildrenEventInput(kind: "safety_education", date: "2026-08-01", unitCode: village, title: eventTitle, participants: [w.child]),
            as: ChildrenEventDTO.self
        ).id
        w.secrets += [eventTitle, w.event]

        let fairName = surname + "家村春风送岗位"
        w.fair = try await created(
            "/api/v1/job-fairs", JobFairInput(name: fairName, unitCode: village, date: "2026-10-08"), as: JobFairDTO.self
        ).id
        let fairPath = "/api/v1/job-fairs/\(w.fair)"
        let employer = try await created(fairPath + "/employers", FairEmployerInput(name: surname + "记服装厂"), as: FairEmployerDTO.self)
        let posting = try await created(
            fairPath + "/postings", FairPostingInput(employerId: employer.id, title: "缝纫工", openings: 2), as: FairPostingDTO.self)
        _ = try await created(fairPath + "/attendees", FairPersonInput(personId: womanDTO.personId), as: FairPersonDTO.self)
        w.fairHire = try await created(
            fairPath + "/hires", FairPersonInput(personId: womanDTO.personId, postingId: posting.id), as: FairPersonDTO.self
        ).id
        w.secrets += [fairName, w.fair, w.fairHire]

        // Only the federation's village and township people apply: the village's own worker does.
        let applicant = "loanapp\(tag)"
        try await ctx.makeUser(applicant, .villageWorker, village)
        let project = surname + "家村养殖场"
        let applied = try await ctx.api(
            .POST, "/api/v1/loans", token: try await ctx.token(applicant),
            body: ctx.json(
                LoanApplicationInput(
                    personId: womanDTO.personId, kind: "individual", amount: "50000.00", termMonths: 24, project: project)))
        #expect(applied.status == .created, "loan: \(applied.body.string)")
        w.loan = try applied.content.decode(LoanDTO.self).id
        w.secrets += [project, w.loan]

        let applicantName = surname + "秀英", respondentName = surname + "大强", narrative = surname + "家婆媳为赡养费争执多年"
        let taken = try await ctx.api(
            .POST, "/api/v1/rights/cases", token: try await ctx.token(applicant),
            body: ctx.json(
                RightsCaseInput(
                    villageCode: village, channel: "walk_in", category: "support",
                    parties: [.init(role: "applicant", name: applicantName), .init(role: "respondent", name: respondentName)],
                    narrative: narrative, receivedOn: "2026-11-01")))
        #expect(taken.status == .created, "rights case: \(taken.body.string)")
        w.rightsCase = try taken.content.decode(RightsCaseSummaryDTO.self).id
        w.secrets += [w.rightsCase]
        w.confidential = [applicantName, respondentName, narrative]

        // The health department of the village's county screens the woman; cytology ASC-US opens a follow-up.
        let healthUser = "health\(tag)"
        try await ctx.makeUser(healthUser, .partnerHealth, String(village.prefix(6)) + "000000")
        let site = surname + "家村卫生室"
        let screened = try await ctx.api(
            .POST, "/api/v1/health/screenings", token: try await ctx.token(healthUser),
            body: ctx.json(
                HealthScreeningInput(
                    personId: womanDTO.personId, programme: "cervical", date: "2026-11-02", site: site, gynaecExam: "normal",
                    method: "cytology", cytology: "asc_us")))
        #expect(screened.status == .created, "screening: \(screened.body.string)")
        let screenDTO = try screened.content.decode(HealthScreeningDTO.self)
        w.screening = screenDTO.id
        w.followup = try #require(screenDTO.followUp?.id)
        w.secrets += [w.screening, w.followup, site]
        w.results = [w.screening, w.followup, site]
        do {
            // The township's screening campaign of this year, run by the county's health department.
            let township = township ?? String(village.prefix(9)) + "000"
            let year = RegistryService.today(ctx.clock.now()).year
            let campaignSite = surname + "家镇卫生院"
            let campaign = try await ctx.api(
                .POST, "/api/v1/health/campaigns", token: try await ctx.token(healthUser),
                body: ctx.json(
                    HealthCampaignInput(
                        year: year, unitCode: township, programme: "both", target: 300,
                        sites: [.init(name: campaignSite, dates: [String(format: "%04d-06-01", year)])])))
            #expect(campaign.status == .created, "campaign: \(campaign.body.string)")
            w.healthCampaign = try campaign.content.decode(HealthCampaignDTO.self).id
            w.secrets += [w.healthCampaign, campaignSite]
            // The village's square-dance team, led by the woman.
            let teamName = surname + "家村广场舞队"
            let team = try await ctx.api(
                .POST, "/api/v1/teams", token: admin,
                body: ctx.json(HealthTeamInput(name: teamName, kind: "square_dance", unitCode: village, leaderPersonId: womanDTO.personId)))
            #expect(team.status == .created, "team: \(team.body.string)")
            w.team = try team.content.decode(HealthTeamDTO.self).id
            w.secrets += [w.team, teamName]
        }

        let accountName = "acct\(tag)"
        w.account = try await ctx.makeUser(accountName, .volunteer, village).id!.uuidString
        w.secrets += [w.account]

        if let township {
            // A ledger uploaded (and previewed) by the township: an import record in this part of the county.
            let user = "upload\(tag)"
            try await ctx.makeUser(user, .townshipStaff, township)
            var b = Browser(ctx)
            try await b.login(user)
            _ = try await b.get("/imports/new?kind=children")
            let res = try await b.postMultipart(
                "/imports/new", ["kind": "children", "unit": township],
                files: [(field: "file", filename: "台账.xlsx", type: "application/octet-stream", data: IntakeLimitsTests.ledger)])
            let location = try #require(res.headers.first(name: .location), "\(res.status) \(res.body.string.prefix(300))")
            w.upload = String(location.split(separator: "/").last ?? "")
            w.secrets.append(w.upload!)
        }
        return w
    }
}
