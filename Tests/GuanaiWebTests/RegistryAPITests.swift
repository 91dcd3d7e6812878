import Testing
import VaporTesting
import Fluent
import GuanaiCore
@testable import GuanaiWeb

/// Synthetic people only: ID numbers are built by the algorithm from made-up parts.
enum Synthetic {
    static func id(_ y: Int, _ m: Int, _ d: Int, order: Int) -> String {
        IDNumber.make(address: "421081", birth: CivilDate(year: y, month: m, day: d)!, order: order).value
    }
}

struct ChildBody: Encodable {
    var name = "王小花"
    var idNumber = Synthetic.id(2024, 1, 10, order: 122)
    var villageCode = Codes.shihuayan
    var hukou = "rural"
    var livingArrangement = "with_guardian"
    var needs = ["daily_care", "safety"]
    var father: [String: String]? = [
        "name": "王大山", "idNumber": Synthetic.id(1995, 5, 1, order: 111), "situation": "working_away", "workPlace": "广东东莞",
        "phone": "13900000001",
    ]
    var mother: [String: String]? = [
        "name": "李秀英", "idNumber": Synthetic.id(1997, 8, 9, order: 222), "situation": "working_away", "workPlace": "浙江宁波",
    ]
    var guardian: [String: String]? = [
        "name": "张桂兰", "idNumber": Synthetic.id(1954, 3, 3, order: 224), "relation": "grandmother", "health": "chronic_illness",
        "phone": "13900000002",
    ]
    var confirmLinks: Bool? = nil
}

@Suite struct RegistryAPITests {
    @Test func registerAChildWithParentsAndGuardian() async throws {
        try await withTestApp { ctx in
            try await ctx.makeUser("cun", .villageWorker, Codes.shihuayan)
            let t = try await ctx.token("cun")
            let res = try await ctx.api(.POST, "/api/v1/children", token: t, body: ctx.json(ChildBody()))
            #expect(res.status == .created, "\(res.body.string)")
            let c = try res.content.decode(ChildDTO.self)
            #expect(c.classification.leftBehind)
            #expect(c.classification.categories == ["left_behind"])
            #expect(c.classification.reasons.first?.message.contains("外出务工") == true)
            #expect(c.sex == "female" && c.birthDate == "2024-01-10")
            #expect(c.idNumber.hasPrefix("421081") && c.idNumber.contains("*"))
            #expect(c.father?.id != nil && c.mother?.id != nil && c.guardian?.id != nil)
            #expect(c.guardian?.age == 72)
            #expect(c.status == "active")

            // Same child again: 409 pointing at the first record.
            let again = try await ctx.api(.POST, "/api/v1/children", token: t, body: ctx.json(ChildBody()))
            #expect(again.status == .conflict)
            #expect(again.body.string.contains(c.id))

            // A sibling reuses the parents, the guardian and the household.
            var sib = ChildBody()
            sib.name = "王小军"
            sib.idNumber = Synthetic.id(2019, 7, 7, order: 131)
            let s = try await ctx.api(.POST, "/api/v1/children", token: t, body: ctx.json(sib)).content.decode(ChildDTO.self)
            #expect(s.father?.id == c.father?.id && s.mother?.id == c.mother?.id && s.guardian?.id == c.guardian?.id)
            #expect(s.householdId == c.householdId)
            #expect(try await Person.query(on: ctx.app.db).count() == 5)

            // A parent ID already registered under another name must be confirmed first.
            var cousin = ChildBody()
            cousin.name = "王小雨"
            cousin.idNumber = Synthetic.id(2018, 2, 2, order: 142)
            cousin.father = ["name": "王大川", "idNumber": Synthetic.id(1995, 5, 1, order: 111), "situation": "working_away"]
            let differs = try await ctx.api(.POST, "/api/v1/children", token: t, body: ctx.json(cousin))
            #expect(differs.status == .unprocessableEntity)
            #expect(differs.body.string.contains("father.idNumber"))
            #expect(differs.body.string.contains("王大山"))
            cousin.confirmLinks = true
            let linked = try await ctx.api(.POST, "/api/v1/children", token: t, body: ctx.json(cousin)).content.decode(ChildDTO.self)
            #expect(linked.father?.id == c.father?.id && linked.father?.name == "王大山", "the existing record is kept")

            // Out of jurisdiction: nothing.
            try await ctx.makeUser("other", .villageWorker, Codes.xiaoshiqiao)
            let o = try await ctx.token("other")
            #expect(try await ctx.api(.GET, "/api/v1/children/\(c.id)", token: o).status == .notFound)
            let otherList = try await ctx.api(.GET, "/api/v1/children", token: o).content.decode(ListPage<ChildSummaryDTO>.self)
            #expect(otherList.total == 0)
            let mine = try await ctx.api(.GET, "/api/v1/children?category=left_behind", token: t).content.decode(
                ListPage<ChildSummaryDTO>.self)
            #expect(mine.total == 3)
            #expect(
                try await ctx.api(.GET, "/api/v1/children?q=wxh", token: t).content.decode(ListPage<ChildSummaryDTO>.self).items.map(\.name)
                    == ["王小花"])
            #expect(try await ctx.api(.GET, "/api/v1/children?age=0-5", token: t).content.decode(ListPage<ChildSummaryDTO>.self).total == 1)
        }
    }

    @Test func validationNamesTheFieldInChinese() async throws {
        try await withTestApp { ctx in
            try await ctx.makeUser("cun", .villageWorker, Codes.shihuayan)
            let t = try await ctx.token("cun")
            func errors(_ body: ChildBody) async throws -> String {
                let r = try await ctx.api(.POST, "/api/v1/children", token: t, body: ctx.json(body))
                #expect(r.status == .unprocessableEntity)
                return r.body.string
            }
            var b = ChildBody()
            b.idNumber = "421081240110122"
            #expect(try await errors(b).contains("18位"))
            b.idNumber =
                String(Synthetic.id(2024, 1, 10, order: 122).dropLast())
                + (Synthetic.id(2024, 1, 10, order: 122).hasSuffix("1") ? "2" : "1")
            #expect(try await errors(b).contains("校验位"))
            b = ChildBody()
            b.villageCode = Codes.xiaoshiqiao
            #expect(try await errors(b).contains("villageCode"))
            b = ChildBody()
            b.guardian = ["name": "张桂兰", "relation": "aunt"]
            let e = try await errors(b)
            #expect(e.contains("guardian.relation") && e.contains("请从列表中选择"))
            b = ChildBody()
            b.father = ["name": "", "situation": "working_away", "phone": "12345"]
            let f = try await errors(b)
            #expect(f.contains("father.name") && f.contains("father.phone"))
            #expect(try await Child.query(on: ctx.app.db).count() == 0)
        }
    }

    @Test func personChangesReclassifyEveryLinkedChild() async throws {
        try await withTestApp { ctx in
            try await ctx.makeUser("cun", .villageWorker, Codes.shihuayan)
            let t = try await ctx.token("cun")
            var b = ChildBody()
            b.mother = ["name": "李秀英", "idNumber": Synthetic.id(1997, 8, 9, order: 222), "situation": "at_home"]
            b.livingArrangement = "with_parent"
            let c = try await ctx.api(.POST, "/api/v1/children", token: t, body: ctx.json(b)).content.decode(ChildDTO.self)
            #expect(!c.classification.leftBehind)
            #expect(c.status == "exited")
            // The mother is hospitalised: father away + mother without capacity → left behind.
            let r = try await ctx.api(.PATCH, "/api/v1/people/\(c.mother!.id!)", token: t, body: ctx.json(["health": "hospitalised"]))
                .content.decode(PersonPatchResult.self)
            #expect(r.reclassifiedChildIds == [c.id])
            let after = try await ctx.api(.GET, "/api/v1/children/\(c.id)", token: t).content.decode(ChildDTO.self)
            #expect(after.classification.leftBehind && after.status == "active")
            #expect(after.mother?.effectiveSituation == "seriously_ill")
            // She recovers and stays home: the child leaves the register's active list, with a reason, nothing deleted.
            _ = try await ctx.api(.PATCH, "/api/v1/people/\(c.mother!.id!)", token: t, body: ctx.json(["health": "healthy"]))
            let back = try await ctx.api(.GET, "/api/v1/children/\(c.id)", token: t).content.decode(ChildDTO.self)
            #expect(back.status == "exited" && back.exitReason != nil && back.exitedOn != nil)
            // The father returns via the child's record.
            _ = try await ctx.api(.PATCH, "/api/v1/children/\(c.id)", token: t, body: ctx.json(["mother": ["situation": "working_away"]]))
            let away = try await ctx.api(.GET, "/api/v1/children/\(c.id)", token: t).content.decode(ChildDTO.self)
            #expect(away.classification.leftBehind && away.status == "active", "re-entry")
            let patched = try await ctx.api(
                .PATCH, "/api/v1/children/\(c.id)", token: t, body: ctx.json(["father": ["situation": "at_home"]])
            ).content.decode(ChildDTO.self)
            #expect(!patched.classification.leftBehind && patched.status == "exited")
            let history = try await AuditEntry.query(on: ctx.app.db).filter(\.$recordType == "child").filter(
                \.$action == AuditAction.update.rawValue
            ).count()
            #expect(history >= 4)
        }
    }

    @Test func revealIsAllowedByRoleAndAudited() async throws {
        try await withTestApp { ctx in
            try await ctx.makeUser("cun", .villageWorker, Codes.shihuayan)
            try await ctx.makeUser("ducha", .inspector, Codes.county)
            let t = try await ctx.token("cun")
            let c = try await ctx.api(.POST, "/api/v1/children", token: t, body: ctx.json(ChildBody())).content.decode(ChildDTO.self)
            let full = try await ctx.api(.POST, "/api/v1/people/\(c.personId)/reveal", token: t).content.decode(PersonRevealDTO.self)
            #expect(full.idNumber == ChildBody().idNumber)
            #expect(try await ctx.auditCount(AuditAction.reveal, recordID: c.personId) == 1)
            let i = try await ctx.token("ducha")
            #expect(try await ctx.api(.GET, "/api/v1/children/\(c.id)", token: i).status == .ok)
            #expect(try await ctx.api(.POST, "/api/v1/people/\(c.personId)/reveal", token: i).status == .forbidden)
            #expect(try await ctx.api(.PATCH, "/api/v1/children/\(c.id)", token: i, body: ctx.json(["school": "x"])).status == .forbidden)
            let list = try await ctx.api(.GET, "/api/v1/children", token: i)
            #expect(!list.body.string.contains(ChildBody().idNumber))
        }
    }
}

@Suite struct RegistrySweepTests {
    @Test func sweepExitsAtSixteenOnceAndOnlyOnce() async throws {
        try await withTestApp { ctx in
            try await ctx.makeUser("cun", .villageWorker, Codes.shihuayan)
            let t = try await ctx.token("cun")
            // Born 2010-12-01: still under 16 on 2026-11-16 (the test clock), 16 from 2026-12-02.
            var b = ChildBody()
            b.idNumber = Synthetic.id(2010, 12, 1, order: 162)
            let c = try await ctx.api(.POST, "/api/v1/children", token: t, body: ctx.json(b)).content.decode(ChildDTO.self)
            #expect(c.classification.leftBehind)
            let dayOf = Date(timeIntervalSince1970: 1_796_054_400)  // 2026-12-01 04:00 Beijing time
            var r = try await RegistrySweep.run(on: ctx.app.db, at: dayOf)
            #expect(r.changed == 0, "on the 16th birthday she is still under 16")
            let dayAfter = dayOf.addingTimeInterval(86_400)
            r = try await RegistrySweep.run(on: ctx.app.db, at: dayAfter)
            #expect(r.children == 1 && r.changed == 1)
            let after = try await ctx.api(.GET, "/api/v1/children/\(c.id)", token: t).content.decode(ChildDTO.self)
            #expect(!after.classification.leftBehind && after.status == "exited" && after.exitReason == "registry.exit.aged16")
            let again = try await RegistrySweep.run(on: ctx.app.db, at: dayAfter)
            #expect(again == RegistrySweep.Result(), "a second sweep at the same instant changes nothing")
        }
    }
}

@Suite struct LikelyDuplicateTests {
    @Test func sameSoundingNameSameBirthDateIsShownFirst() async throws {
        try await withTestApp { ctx in
            try await ctx.makeUser("town", .townshipStaff, Codes.taohuashan)
            let t = try await ctx.token("town")
            var a = ChildBody()
            a.name = "曾小红"
            _ = try await ctx.api(.POST, "/api/v1/children", token: t, body: ctx.json(a))
            // Another village of the same township, another ID number, a name that sounds the same (增 zeng).
            var b = ChildBody()
            b.name = "增小红"
            b.idNumber = Synthetic.id(2024, 1, 10, order: 124)
            b.villageCode = Codes.xiaoshiqiao
            b.father = nil; b.mother = nil; b.guardian = nil; b.livingArrangement = "with_parent"
            let warn = try await ctx.api(.POST, "/api/v1/children", token: t, body: ctx.json(b))
            #expect(warn.status == .conflict && warn.body.string.contains("likely_duplicate"))
            struct Ack: Encodable {
                let base: ChildBody; let acknowledgeDuplicates = true
                func encode(to e: any Encoder) throws {
                    try base.encode(to: e); var c = e.container(keyedBy: K.self); try c.encode(true, forKey: .acknowledgeDuplicates)
                }
                enum K: String, CodingKey { case acknowledgeDuplicates }
            }
            #expect(try await ctx.api(.POST, "/api/v1/children", token: t, body: ctx.json(Ack(base: b))).status == .created)
            #expect(Pinyin.full("曾小红") == Pinyin.full("增小红"))
            #expect(Pinyin.full("单丽") == "shanli" && Pinyin.initials("解放") == "xf")
        }
    }
}

@Suite struct RegistryCorrectionTests {
    @Test func voidAndMergeKeepEverything() async throws {
        try await withTestApp { ctx in
            try await ctx.makeUser("cun", .villageWorker, Codes.shihuayan)
            try await ctx.makeUser("town", .townshipStaff, Codes.taohuashan)
            let t = try await ctx.token("cun")
            let a = try await ctx.api(.POST, "/api/v1/children", token: t, body: ctx.json(ChildBody())).content.decode(ChildDTO.self)
            var dupBody = ChildBody()
            dupBody.name = "王小化"
            dupBody.idNumber = Synthetic.id(2024, 1, 11, order: 122)
            let dup = try await ctx.api(.POST, "/api/v1/children", token: t, body: ctx.json(dupBody)).content.decode(ChildDTO.self)
            // A village worker may not correct the register; the township may.
            #expect(
                try await ctx.api(.POST, "/api/v1/children/\(dup.id)/merge", token: t, body: ctx.json(["into": a.id, "reason": "重复登记"]))
                    .status == .forbidden)
            let tt = try await ctx.token("town")
            #expect(
                try await ctx.api(.POST, "/api/v1/children/\(dup.id)/merge", token: tt, body: ctx.json(["into": dup.id, "reason": "x"]))
                    .status == .unprocessableEntity)
            let m = try await ctx.api(
                .POST, "/api/v1/children/\(dup.id)/merge", token: tt, body: ctx.json(["into": a.id, "reason": "重复登记，身份证号填错"]))
            #expect(m.status == .ok)
            #expect(try await ctx.api(.GET, "/api/v1/children/\(dup.id)", token: tt).status == .notFound)
            let stored = try #require(try await Child.find(UUID(uuidString: dup.id), on: ctx.app.db))
            #expect(stored.voidedReason != nil && stored.mergedInto?.uuidString == a.id, "nothing is deleted")
            #expect(try await ctx.api(.GET, "/api/v1/children?q=王小", token: tt).content.decode(ListPage<ChildSummaryDTO>.self).total == 1)
            var b = Browser(ctx)
            try await b.login("town")
            let page = try await b.get("/children/\(a.id)")
            #expect(page.body.string.contains(String(dup.id.prefix(8))), "the survivor's timeline shows the merged record's history")
            #expect(
                try await ctx.api(.POST, "/api/v1/children/\(a.id)/void", token: tt, body: ctx.json(["reason": ""])).status
                    == .unprocessableEntity)
            #expect(
                try await ctx.api(.POST, "/api/v1/children/\(a.id)/void", token: tt, body: ctx.json(["reason": "误登记"])).status == .noContent
            )
            #expect(try await Child.query(on: ctx.app.db).count() == 2)
        }
    }
}
