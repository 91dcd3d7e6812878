import Fluent
import Vapor
import GuanaiCore

extension DemoData {
    /// Four synthetic rights cases in the demo township (issue 19), each taken in and worked through `RightsService` by
    /// the demo accounts: a neighbours' quarrel being mediated; a support case settled by a written agreement whose
    /// 回访 falls due within the week; a marriage case where mediation failed and the woman was sent to legal aid; a
    /// domestic-violence case just accepted, its protection order pending. `sifa` mediates the first two; `admin` holds
    /// `rights_officer`. Added once.
    @discardableResult
    public static func loadRights(_ app: Application) async throws -> Int {
        let db = app.db
        guard try await RightsCase.query(on: db).count() == 0 else { return 0 }
        let places = try await Demo.places(county: app.guanai.county, on: db)
        let signers = try await Demo.signers(["cun", "xiangzhen", "sifa", "admin"], on: db)
        guard signers.count == 4, let admin = try await UserDirectory.byUsername("admin", on: db) else { return 0 }
        admin.dutiesText = Duty.rightsOfficer.rawValue
        try await admin.save(on: db)
        let county = Scoped(db: db, jurisdiction: Jurisdiction(root: DivisionCode(app.guanai.county)!))
        func at(_ daysAgo: Int) -> Date { app.now.addingTimeInterval(-Double(daysAgo) * 86_400) }
        func day(_ daysAgo: Int) -> String { RegistryService.today(at(daysAgo)).iso }
        func by(_ name: String) -> (Signer, AuditActor) { signers[name]! }
        let town = by("xiangzhen").0.userID.uuid, sifa = by("sifa").0.userID.uuid

        struct Plan {
            let category: RightsCategory, channel: RightsChannel, parties: [RightsPartyInput], narrative: String, request: String
            let daysAgo: Int, mediators: [UUID]
        }
        // The domestic-violence case's woman is a mother the registry holds, so its page offers her child's report.
        var victim = RightsPartyInput(role: PartyRole.applicant.rawValue, name: "孙丽")
        if let kid = try await Child.query(on: db).filter(\.$unitCode == places.village).filter(\.$motherID != nil)
            .filter(\.$status == .active).sort(\.$birthDate, .descending).first(),
            let id = kid.motherID, let mother = try await Person.find(id, on: db)
        {
            victim = RightsPartyInput(role: PartyRole.applicant.rawValue, name: mother.name, personId: id.uuidString, relation: "妻子")
        }
        let plans = [
            Plan(
                category: .neighbourDispute, channel: .walkIn,
                parties: [.init(role: PartyRole.applicant.rawValue, name: "刘桂兰"), .init(role: PartyRole.respondent.rawValue, name: "周德顺")],
                narrative: "（演示）两家因宅基地旁的排水沟堵塞发生争吵，雨天积水淹了刘家菜地。", request: "疏通水沟，赔偿菜苗损失", daysAgo: 12,
                mediators: [town, sifa]),
            Plan(
                category: .support, channel: .homeVisit,
                parties: [
                    .init(role: PartyRole.applicant.rawValue, name: "陈翠英", relation: "母亲"),
                    .init(role: PartyRole.respondent.rawValue, name: "陈建军", relation: "长子"),
                ],
                narrative: "（演示）老人独自在家照看两个留守孙辈，长子在外务工两年未给赡养费。", request: "每月给付生活费", daysAgo: 40, mediators: [sifa]),
            Plan(
                category: .marriage, channel: .referralVillage,
                parties: [.init(role: PartyRole.applicant.rawValue, name: "黄小燕"), .init(role: PartyRole.respondent.rawValue, name: "吴海波")],
                narrative: "（演示）丈夫外出务工后长期不联系，妻子要求解决孩子抚养问题。", request: "明确抚养费", daysAgo: 30, mediators: [town]),
            Plan(
                category: .domesticViolence, channel: .hotline12338,
                parties: [victim, .init(role: PartyRole.respondent.rawValue, name: "郑大勇", relation: "丈夫")],
                narrative: "（演示）丈夫酒后多次动手，妻子带孩子暂住娘家。", request: "保障人身安全", daysAgo: 3, mediators: [town]),
        ]
        var made: [RightsCase] = []
        for p in plans {
            let (s, a) = by("cun")
            let rc = try await RightsService.create(
                RightsCaseInput(
                    villageCode: places.village, channel: p.channel.rawValue, category: p.category.rawValue, parties: p.parties,
                    narrative: p.narrative, request: p.request, receivedOn: day(p.daysAgo), womensHome: true),
                scoped: county, by: s, actor: a, at: at(p.daysAgo))
            let (ts, ta) = by("xiangzhen")
            try await RightsService.assign(
                rc, RightsMediatorsInput(userIds: p.mediators.map(\.uuidString), reason: "本镇妇联承办（演示）"), scoped: county, by: ts, actor: ta,
                at: at(p.daysAgo))
            made.append(rc)
        }
        let both = RightsAcceptInput(consents: .init(applicant: true, respondent: true))
        let (ss, sa) = by("sifa"), (ts, ta) = by("xiangzhen")
        // 1: accepted and met once, still mediating.
        try await RightsService.accept(made[0], both, scoped: county, by: ss, actor: sa, at: at(11))
        _ = try await RightsService.meet(
            made[0],
            RightsMeetingInput(date: day(9), place: "石华堰村妇女之家", attendees: ["刘桂兰", "周德顺", "村调解员"], minutes: "（演示）双方各自陈述，约定下周现场查看水沟。"),
            scoped: county, by: ss, actor: sa, at: at(9))
        // 2: a written agreement 26 days ago: the 回访 falls due in four days.
        try await RightsService.accept(made[1], both, scoped: county, by: ss, actor: sa, at: at(38))
        _ = try await RightsService.meet(
            made[1], RightsMeetingInput(date: day(27), place: "石华堰村妇女之家", attendees: ["陈翠英", "陈建军"], minutes: "（演示）长子同意按月给付。"),
            scoped: county, by: ss, actor: sa, at: at(27))
        try await RightsService.outcome(
            made[1],
            RightsOutcomeInput(
                kind: RightsOutcomeKind.writtenAgreement.rawValue, facts: "（演示）陈建军两年未给付母亲赡养费。", terms: "陈建军自下月起每月五日前给付母亲生活费六百元。",
                performance: "通过微信转账给付，村妇联主席每季度了解一次。", signedBy: ["陈翠英", "陈建军"], signedOn: day(26)),
            scoped: county, by: ss, actor: sa, at: at(26))
        // 3: failed and referred to legal aid.
        try await RightsService.accept(made[2], both, scoped: county, by: ts, actor: ta, at: at(28))
        _ = try await RightsService.meet(
            made[2], RightsMeetingInput(date: day(20), place: "桃花山镇妇联", attendees: ["黄小燕", "吴海波"], minutes: "（演示）双方分歧较大，未能达成一致。"),
            scoped: county, by: ts, actor: ta, at: at(20))
        try await RightsService.outcome(
            made[2],
            RightsOutcomeInput(
                kind: RightsOutcomeKind.failed.rawValue, referral: RightsReferral.legalAid.rawValue, advice: "（演示）已联系市法律援助中心，协助申请法律援助。"),
            scoped: county, by: ts, actor: ta, at: at(19))
        // 4: a domestic-violence case accepted the day after it came in, a protection order applied for and pending.
        try await RightsService.accept(made[3], both, scoped: county, by: ts, actor: ta, at: at(2))
        try await RightsService.safety(
            made[3],
            RightsSafetyInput(
                risk: SafetyRisk.high.rawValue, plan: "（演示）暂住娘家；村妇联主席每天电话联系；有情况立即报警。", policeReportNo: "（演示）JQ2026-118",
                warningLetter: .init(issuedOn: day(2), by: "（演示）派出所"),
                protectionOrder: .init(appliedOn: day(1), court: "（演示）石首市人民法院", status: ProtectionOrderStatus.pending.rawValue)),
            scoped: county, by: ts, actor: ta, at: at(1))
        return made.count
    }
}
