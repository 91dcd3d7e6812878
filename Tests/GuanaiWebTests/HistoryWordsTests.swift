import Testing
import VaporTesting
import Fluent
import Foundation
import GuanaiCore
@testable import GuanaiWeb

/// A cadre reads a record's history in her words: labels, names and China time, never the trail's keys, tokens or ids.
@Suite struct HistoryWordsTests {
    static let tokens: [String] =
        ParentSituation.allCases.map(\.rawValue) + LivingArrangement.allCases.map(\.rawValue) + Health.allCases.map(\.rawValue)
        + VitalStatus.allCases.map(\.rawValue) + RiskTier.allCases.map(\.rawValue) + ChildNeed.allCases.map(\.rawValue)
        + ChildCategory.allCases.map(\.rawValue)
        + GuardianRelation.allCases.map(\.rawValue) + Hukou.allCases.map(\.rawValue) + Sex.allCases.map(\.rawValue)
        + PovertyStatus.allCases.map(\.rawValue)
        + ["active", "exited", "voided", "classification", "sibling", "true", "false", "open", "resolved", "anonymous", "list"]

    /// Every token a rule or a form stores, for the guards below.
    static let allTokens: [String] =
        tokens + VolunteerSkill.allCases.map(\.rawValue) + PairStatus.allCases.map(\.rawValue) + WomanNeed.allCases.map(\.rawValue)
        + ContactMode.allCases.map(\.rawValue) + PairAction.allCases.map(\.rawValue) + PairCloseReason.allCases.map(\.rawValue)
        + ScreeningStep.allCases.map(\.rawValue)
        + Role.allCases.map(\.rawValue) + [
            "acknowledged", "closed", "overdue_visit", "township", "city", "classification", "visit", "withdrawn", "retired", "reminder",
        ]

    /// The whole trail of a test, rendered as a city administrator reads it in Chinese: any key, token or id that
    /// reaches the text. Other suites call it at the end of their flows, so every kind of change is covered.
    static func trailLeaks(_ ctx: TestContext) async throws -> [String] {
        let entries = try await AuditEntry.query(on: ctx.app.db).sort(\.$id, .descending).all()
        let admin = GuanaiWeb.Signer(
            userID: UserID(UUID()), username: "", displayName: "", role: .cityAdmin, unitCode: Codes.county, unitName: "",
            mustChangePassword: false, sessionID: UUID(), csrf: "")
        let names = try await Scoped(db: ctx.app.db, jurisdiction: admin.jurisdiction).auditNames(for: entries, actor: admin)
        let text = visible(AuditController.entriesTable(.zh, entries, names: names).html, from: "<tbody>", to: "</tbody>")
        // English words may spell a token ("visit", "active"); compound keys, snake_case tokens and ids may not appear.
        let english = visible(AuditController.entriesTable(.en, entries, names: names).html, from: "<tbody>", to: "</tbody>")
        let found =
            leaks(text, keys: [], tokens: allTokens)
            + leaks(english, keys: [], tokens: allTokens.filter { $0.contains("_") }).map { "en: " + $0 }
        for w in found {
            // Where it leaked, for whoever reads the failure.
            guard let r = text.range(of: w) else { continue }
            let from = text.index(r.lowerBound, offsetBy: -80, limitedBy: text.startIndex) ?? text.startIndex
            let to = text.index(r.upperBound, offsetBy: 40, limitedBy: text.endIndex) ?? text.endIndex
            print("TRAIL", w, String(text[from..<to]))
        }
        return found
    }

    /// The text a reader sees between two markers, tags removed.
    static func visible(_ html: String, from start: String, to end: String = "</main>") -> String {
        guard let s = html.range(of: start) else { return "" }
        let rest = html[s.upperBound...]
        let body = rest.range(of: end).map { rest[..<$0.lowerBound] } ?? rest
        return String(body).replacing(/<[^>]*>/, with: " ").replacingOccurrences(of: "&#39;", with: "'").replacingOccurrences(
            of: "&quot;", with: "\""
        ).replacingOccurrences(of: "&amp;", with: "&")
            .replacing(/\s+/, with: " ")
    }

    /// Every way a machine word can reach the page.
    static func leaks(_ text: String, keys: Set<String>, tokens: [String]) -> [String] {
        var out: [String] = []
        if text.contains(/[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-/) { out.append("uuid") }
        if text.contains("∅") { out.append("∅") }
        for w in Set(keys).union(tokens) {
            let escaped = NSRegularExpression.escapedPattern(for: w)
            if text.range(of: "(?<![A-Za-z_.])" + escaped + "(?![A-Za-z_])", options: .regularExpression) != nil { out.append(w) }
        }
        // camelCase or snake_case words are always keys or tokens.
        if let m = text.firstMatch(of: /\b[a-z]+(?:[A-Z][a-z]+|_[a-z]+)+\b/) { out.append(String(m.0)) }
        return out.sorted()
    }

    @Test func historyOfAChildTouchedByEveryKindOfChangeIsInWords() async throws {
        try await withTestApp { ctx in
            let cun = try await ctx.makeUser("cun", .villageWorker, Codes.shihuayan)
            cun.displayName = "刘春燕"
            try await cun.save(on: ctx.app.db)
            try await ctx.makeUser("admin", .cityAdmin, Codes.county)
            let t = try await ctx.token("cun")
            let created = try await ctx.api(.POST, "/api/v1/children", token: t, body: ctx.json(ChildBody()))
            #expect(created.status == .created)
            let a = try created.content.decode(ChildDTO.self)

            // Every field of the child's own record, the parents' situations, a new guardian.
            let patch = """
                {"school":"石华堰小学","grade":"三年级","boarding":true,"needs":["study","affection"],"livingArrangement":"with_siblings_only",
                 "improperGuardianship":true,"improperNote":"长期无人看管","informedOn":"2026-11-01","consent":true,
                 "father":{"situation":"deceased"},"mother":{"situation":"at_home"},
                 "guardian":{"name":"赵春梅","idNumber":"\(Synthetic.id(1958, 2, 2, order: 226))","relation":"maternal_grandmother","health":"healthy","phone":"13900000003"}}
                """
            let p = try await ctx.api(.PATCH, "/api/v1/children/\(a.id)", token: t, body: ByteBuffer(string: patch))
            #expect(p.status == .ok, "\(p.body.string)")
            let child = try #require(try await Child.find(UUID(uuidString: a.id), on: ctx.app.db))
            // A parent's own record: health, phone, vital status; the child is reclassified by it.
            let m = try await ctx.api(
                .PATCH, "/api/v1/people/\(child.motherID!)", token: t,
                body: ByteBuffer(string: #"{"health":"hospitalised","phone":"13900000009"}"#))
            #expect(m.status == .ok, "\(m.body.string)")
            // A visit (the child's record is reassessed by it) and a mandatory report.
            let v = try await ctx.api(
                .POST, "/api/v1/children/\(a.id)/visits", token: t,
                body: ByteBuffer(
                    string:
                        #"{"date":"\#(RegistryService.today(ctx.clock.now()).iso)","mode":"home","checklist":{"food":"ok","mood":"concern"},"notes":"情绪低落"}"#
                ))
            #expect(v.status == .created || v.status == .ok, "\(v.body.string)")
            // A duplicate registered by mistake and merged into this record.
            var dup = ChildBody(); dup.name = "王晓华"; dup.idNumber = Synthetic.id(2023, 1, 10, order: 142); dup.confirmLinks = true
            let d = try await ctx.api(.POST, "/api/v1/children", token: t, body: ctx.json(dup))
            #expect(d.status == .created, "\(d.body.string)")
            let dupID = try d.content.decode(ChildDTO.self).id
            let merged = try await ctx.api(
                .POST, "/api/v1/children/\(dupID)/merge", token: try await ctx.token("admin"),
                body: ByteBuffer(string: #"{"into":"\#(a.id)","reason":"重复登记"}"#))
            #expect(merged.status == .ok, "\(merged.body.string)")
            // The parents' ID numbers revealed for a sibling's form.
            var b = Browser(ctx)
            try await b.login("cun")
            _ = try await b.get("/children/new?sibling=\(a.id)")

            let fresh = try #require(try await Child.find(UUID(uuidString: a.id), on: ctx.app.db))
            let mother = try #require(try await Person.find(fresh.motherID, on: ctx.app.db))
            let keys = Set(fresh.auditFields.keys).union(mother.auditFields.keys).union([
                "by", "absorbed", "reason", "field", "for", "voidedReason", "mergedInto", "parents.idNumber",
            ])
            let entries = try await AuditEntry.query(on: ctx.app.db).filter(\.$recordID == a.id).all()
            // The record really was touched by all of it.
            let changed = Set(entries.flatMap { $0.parsedChanges.fields.map(\.key) + $0.parsedChanges.detail.map(\.key) })
            for k in [
                "school", "livingArrangement", "fatherSituation", "guardianId", "guardianRelation", "needs", "riskTier", "categories",
                "boarding", "absorbed", "field",
            ] {
                #expect(changed.contains(k), "the test should touch \(k)")
            }

            let history = try await b.get("/history/child/\(a.id)")
            #expect(history.status == .ok)
            let text = Self.visible(history.body.string, from: "<h1>")
            #expect(Self.leaks(text, keys: keys, tokens: Self.tokens) == [], "\(text)")
            #expect(text.contains("赵春梅"), "a linked person by name")
            #expect(text.contains("只和兄弟姐妹住") && text.contains("外出务工 → 去世") && text.contains("重复登记"), "\(text)")
            #expect(text.contains("父母身份证号"))
            #expect(!text.contains(ChildBody().father!["idNumber"]!), "ID numbers stay masked")
            let stamp = entries.map(\.at).max()!
            #expect(text.contains(AuditWords.time(stamp)), "China time")
            #expect(AuditWords.time("2026-11-18T11:30:05.000Z") == "2026-11-18 19:30:05")

            let page = try await b.get("/children/\(a.id)")
            let timeline = Self.visible(page.body.string, from: "变更记录")
            #expect(timeline.contains("赵春梅"))
            #expect(Self.leaks(timeline, keys: keys, tokens: Self.tokens) == [], "\(timeline)")

            var admin = Browser(ctx)
            try await admin.login("admin")
            let linked = try await admin.get("/history/child/\(a.id)")
            #expect(
                linked.body.string.contains("href=\"/history/person/\(fresh.guardianID!.uuidString)\""),
                "with a link for whoever may follow it")
            #expect(linked.body.string.contains("href=\"/children/\(dupID)\""), "a merged record links to its page")
            let person = try await admin.get("/history/person/\(mother.id!.uuidString)")
            let ptext = Self.visible(person.body.string, from: "<h1>")
            #expect(ptext.contains("住院"))
            #expect(Self.leaks(ptext, keys: keys, tokens: Self.tokens) == [], "\(ptext)")

            // The trail itself, for whoever may search it: by the kind's name, the short number and the display name.
            let short = String(a.id.prefix(8)).lowercased()
            let query = "type=儿童&record=\(short)&user=刘春燕".addingPercentEncoding(withAllowedCharacters: .urlQueryAllowed)!
            let found = try await admin.get("/audit?" + query)
            #expect(found.status == .ok)
            let ftext = Self.visible(found.body.string, from: "<tbody>", to: "</tbody>")
            #expect(ftext.contains("赵春梅") && ftext.contains("刘春燕"), "\(ftext)")
            #expect(try await admin.get("/audit?user=cun&record=\(short)").body.string.contains("赵春梅"), "the username still finds her")
            #expect(Self.leaks(ftext, keys: keys, tokens: Self.tokens) == [], "\(ftext)")
            #expect(found.body.string.contains(String(a.id.prefix(8)).uppercased()))

            // In English, the same history in English words; still no key, token or id.
            _ = try await b.get("/lang/en?back=/")
            let en = try await b.get("/history/child/\(a.id)")
            let etext = Self.visible(en.body.string, from: "<h1>")
            #expect(etext.contains("Father's situation") && etext.contains("Lives"), "\(etext)")
            // English words may look like single-word keys ("school"); compound keys and tokens may not appear.
            #expect(
                Self.leaks(etext, keys: keys.filter { $0.contains(where: \.isUppercase) || $0.contains(".") }, tokens: []) == [], "\(etext)"
            )
        }
    }

    @Test func aLinkedRecordOutsideTheViewersScopeIsNeitherNamedNorShownById() async throws {
        try await withTestApp { ctx in
            try await ctx.makeUser("cun", .villageWorker, Codes.shihuayan)
            let t = try await ctx.token("cun")
            let c = try await ctx.api(.POST, "/api/v1/children", token: t, body: ctx.json(ChildBody())).content.decode(ChildDTO.self)
            let entries = try await AuditEntry.query(on: ctx.app.db).filter(\.$recordID == c.id).all()
            let child = try #require(try await Child.find(UUID(uuidString: c.id), on: ctx.app.db))
            // Another village sees the entry with nothing resolved.
            let worker = GuanaiWeb.Signer(
                userID: UserID(UUID()), username: "far", displayName: "far", role: .villageWorker, unitCode: Codes.tiaoguanVillage,
                unitName: "",
                mustChangePassword: false, sessionID: UUID(), csrf: "")
            let near = try await Scoped(db: ctx.app.db, jurisdiction: Jurisdiction(root: DivisionCode(Codes.shihuayan)!)).auditNames(
                for: entries, actor: worker)
            #expect(near.records[child.guardianID!.uuidString]?.name == "张桂兰", "the same lookup in scope names her")
            let names = try await Scoped(db: ctx.app.db, jurisdiction: worker.jurisdiction).auditNames(for: entries, actor: worker)
            #expect(names.records[child.guardianID!.uuidString] == nil)
            let html = AuditController.entriesTable(.zh, entries, names: names).html
            #expect(!html.contains(child.guardianID!.uuidString) && !html.contains("张桂兰"))
            #expect(html.contains("（记录）"))
        }
    }

    @Test func aUnitMergeReadsAsPlacesAndRecordsMoved() async throws {
        try await withTestApp { ctx in
            try await ctx.makeUser("admin", .cityAdmin, Codes.county)
            try await ctx.makeUser("xsq", .villageWorker, Codes.xiaoshiqiao)
            let t = try await ctx.token("admin")
            let r = try await ctx.api(
                .POST, "/api/v1/units/\(Codes.xiaoshiqiao)/merge", token: t, body: ctx.json(["into": Codes.shihuayan, "reason": "合村并组"]))
            #expect(r.status == .ok)
            var b = Browser(ctx)
            try await b.login("admin")
            let tokens = ["active", "retired", "users", "people", "children"]
            for path in [
                "/units/\(Codes.xiaoshiqiao)", "/history/unit/\(Codes.xiaoshiqiao)", "/audit?type=%E8%A1%8C%E6%94%BF%E5%8C%BA%E5%88%92",
            ] {
                let text = Self.visible(try await b.get(path).body.string, from: "<h1>")
                #expect(Self.leaks(text, keys: ["mergedInto", "status", "moved", "into"], tokens: tokens) == [], "\(path): \(text)")
                #expect(text.contains("石华堰村"), "\(path): the unit merged into, by name")
                #expect(text.contains("迁移的账号"), "\(path)")
            }
        }
    }

    /// The whole trail of the demo data (accounts, a unit added, children, women, households, volunteers), page by page.
    @Test func theWholeTrailOfTheDemoDataIsInWords() async throws {
        try await withTestApp { ctx in
            try await ctx.makeUser("admin", .cityAdmin, Codes.county)
            _ = try await Demo.seed(ctx.app)
            _ = try await DemoData.load(ctx.app, children: 30, seed: 7)
            _ = try await DemoData.loadWomen(ctx.app, women: 10, seed: 7)
            _ = try await DemoData.loadVolunteers(ctx.app)
            var b = Browser(ctx)
            try await b.login("admin")
            let tokens =
                Self.tokens + VolunteerSkill.allCases.map(\.rawValue) + PairStatus.allCases.map(\.rawValue)
                + WomanNeed.allCases.map(\.rawValue)
                + ["demo", "system", "unknown"]
            let total = try await AuditEntry.query(on: ctx.app.db).count()
            #expect(total > 50)
            for page in 1...((total + 49) / 50) {
                let text = Self.visible(try await b.get("/audit?page=\(page)").body.string, from: "<tbody>", to: "</tbody>")
                #expect(Self.leaks(text, keys: [], tokens: tokens) == [], "page \(page): \(text)")
            }
        }
    }
}
