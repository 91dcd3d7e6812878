import Foundation
import Testing
import Fluent
import Vapor
import VaporTesting
import GuanaiCore
@testable import GuanaiWeb

/// The access matrix of docs/roles.md: every GET route × every role × a record inside and outside the jurisdiction,
/// with the expected answer worked out from the tables people read, and every body searched for what lies outside.
@Suite struct AccessMatrixTests {
    // MARK: the tables

    enum Cell: Equatable { case yes, own, no }

    struct Tables {
        var reads: [RecordKind: [Role: Cell]] = [:]
        var actions: [Role: Set<Action>] = [:]
        var routes: [(route: String, kind: RecordKind?, rule: String)] = []
    }

    static func tables() throws -> Tables {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let md = try String(contentsOf: root.appendingPathComponent("docs/roles.md"), encoding: .utf8)
        var t = Tables()
        var header: [String] = []
        for raw in md.split(separator: "\n") {
            let line = String(raw)
            guard line.hasPrefix("|") else { header = []; continue }
            let cells = line.split(separator: "|", omittingEmptySubsequences: false).dropFirst().dropLast().map {
                $0.trimmingCharacters(in: .whitespaces)
            }
            if header.isEmpty { header = cells; continue }
            if cells.allSatisfy({ $0.allSatisfy { $0 == "-" } }) { continue }
            let first = cells[0].trimmingCharacters(in: CharacterSet(charactersIn: "`"))
            if header.first == "kind", let kind = RecordKind(rawValue: first) {
                for (name, mark) in zip(header.dropFirst(), cells.dropFirst()) {
                    let role = try #require(Role(rawValue: name), "column \(name)")
                    t.reads[kind, default: [:]][role] = mark == "✓" ? .yes : mark == "own" ? .own : .no
                }
            } else if header.first == "role", let role = Role(rawValue: first), cells.count >= 2 + Action.allCases.count {
                t.actions[role] = Set(zip(Action.allCases, cells.dropFirst(2)).filter { $0.1 == "✓" }.map(\.0))
            } else if header.first == "route", first.contains(" /") {
                let kind = RecordKind(rawValue: cells[1].trimmingCharacters(in: CharacterSet(charactersIn: "`")))
                t.routes.append((first, kind, cells[2].trimmingCharacters(in: CharacterSet(charactersIn: "`"))))
            }
        }
        return t
    }

    @Test func theTablesSayWhatThePolicyDoes() throws {
        let t = try Self.tables()
        #expect(Set(t.reads.keys) == Set(RecordKind.allCases))
        for (kind, row) in t.reads {
            #expect(Set(row.keys) == Set(Role.allCases), "\(kind)")
            for (role, cell) in row { #expect((cell != .no) == Policy.canRead(role, kind), "\(role) × \(kind) says \(cell)") }
        }
        // `own` is the volunteer's alone: her readable kinds are her pairs' and the units.
        #expect(t.reads.allSatisfy { $0.value.allSatisfy { $0.value != .own || $0.key == .volunteer } })
        #expect(Set(t.actions.keys) == Set(Role.allCases))
        for rule in Set(t.routes.map(\.rule)) { #expect(Self.rules.contains(rule), "unknown rule \(rule)") }
    }

    static let rules: Set<String> = [
        "open", "signed_in", "read", "own", "edits", "history", "export", "import", "approve", "manage_accounts", "edit_rules",
        "file_report", "inbox", "desk", "uploader", "manage_units", "reveal_id", "session", "duties", "trains", "employment_work",
        "loan_apply", "loan_step", "loan_money", "import_any", "rights_intake", "rights_assign", "rights_confidential", "break_glass",
        "health_counts", "health_record", "health_campaign", "health_attendance", "health_teams",
    ]

    /// Every route the app answers is in the table, and the table names no route that is gone.
    @Test func everyRouteIsInTheTable() async throws {
        let t = try Self.tables()
        try await withTestApp { ctx in
            let served = Set(ctx.app.routes.all.map { "\($0.method.rawValue) /" + $0.path.map { "\($0)" }.joined(separator: "/") })
            let listed = Set(t.routes.map(\.route))
            #expect(served.subtracting(listed).sorted() == [], "routes missing from docs/roles.md")
            #expect(listed.subtracting(served).sorted() == [], "docs/roles.md names routes that do not exist")
            #expect(listed.count == t.routes.count, "a route listed twice")
        }
    }

    // MARK: what the tables expect

    /// 200, 403 or 404 for one role, one route, one target (inside, outside, or a volunteer's own pair).
    static func expected(_ t: Tables, role: Role, kind: RecordKind?, rule: String, target: Target) -> Set<HTTPStatus> {
        let cell = kind.flatMap { t.reads[$0]?[role] } ?? .no
        let has = { (a: Action) in t.actions[role]?.contains(a) == true }
        let edits = (t.reads[.child]?[role] == .yes) && role != .volunteer && role != .inspector
        let allowed: Bool
        switch rule {
        case "open", "signed_in", "session": return [.ok]
        case "read": allowed = cell == .yes
        case "own": allowed = cell == .yes || (cell == .own && target != .otherInside)
        case "edits": allowed = cell == .yes && edits
        // Training is run by whoever reads employment records but the inspector (partner_hr included).
        case "trains": allowed = cell == .yes && role != .inspector
        // Courses and fairs: the staff and the labour department, never the read-only inspector.
        case "employment_work": allowed = cell == .yes && role != .inspector
        // Loans: the federation applies, the steps and the money are each recorded by the roles Core names.
        case "loan_apply": allowed = cell == .yes && LoanAccess.mayApply(role)
        case "loan_step": allowed = cell == .yes && LoanStep.allCases.contains { $0.recordedBy.contains(role) }
        case "loan_money": allowed = cell == .yes && LoanAccess.mayRecordRepayment(role) && LoanAccess.mayHandleSubsidy(role)
        // Rights cases: intake by the federation's staff and the justice bureau; mediators named by township and city staff
        // (and rights officers, which the matrix's accounts are not); the confidential part only to assigned accounts,
        // officers and break-glass readers, none of which the matrix's account is; break-glass by the roles that have it.
        case "rights_intake": allowed = cell == .yes && RightsAccess.mayTakeCases(role)
        case "rights_assign": allowed = cell == .yes && [.townshipStaff, .cityAdmin].contains(role)
        case "rights_confidential": allowed = false
        case "break_glass": allowed = cell == .yes && has(.breakGlass)
        // Health: counts and due lists for the staff who call women; results recorded by the health department only.
        case "health_counts": allowed = cell == .yes && HealthAccess.maySeeCounts(role)
        case "health_record": allowed = cell == .yes && HealthAccess.mayRecordResults(role)
        case "health_campaign": allowed = cell == .yes && HealthAccess.mayRunCampaigns(role)
        case "health_attendance": allowed = cell == .yes && HealthAccess.mayWorkDueLists(role)
        case "health_teams": allowed = cell == .yes && HealthAccess.mayManageTeams(role)
        case "history":
            allowed = role != .volunteer && (t.reads[.audit]?[role] == .yes || cell == .yes)
        case "export": allowed = has(.export) && cell == .yes && role != .volunteer
        case "import": allowed = has(.import) && edits && cell == .yes
        // The import pages: whoever may read in some ledger (the labour department its bank statements).
        case "import_any": allowed = has(.import) && Policy.importsAny(role)
        case "approve": allowed = has(.approve) && cell == .yes
        case "manage_accounts": allowed = has(.manageAccounts) && cell == .yes
        case "duties": allowed = role == .cityAdmin && has(.manageAccounts) && cell == .yes
        case "manage_units": allowed = has(.manageUnits) && cell == .yes
        case "reveal_id": allowed = has(.revealID) && cell == .yes
        case "edit_rules": allowed = has(.editRules) && cell == .yes
        case "file_report": allowed = has(.fileReport) && cell != .no && (cell == .yes || target == .own)
        case "inbox": allowed = [.villageWorker, .townshipStaff, .cityAdmin, .inspector].contains(role) || ReminderSubject.reach(role)
        case "desk": allowed = role == .volunteer
        // Another account's upload, inside or out: not hers to see, so it does not exist for her.
        case "uploader": return has(.import) && edits && cell == .yes ? [.notFound] : [.forbidden, .notFound]
        default: Issue.record("rule \(rule)"); return []
        }
        switch (allowed, target) {
        case (true, .outside), (true, .otherInside): return [.notFound]
        case (true, _): return [.ok]
        // Refused: whether the record exists is not said either way.
        case (false, .outside), (false, .otherInside): return [.forbidden, .notFound]
        case (false, _): return [.forbidden]
        }
    }

    enum Target: String { case inside, outside, own, otherInside }
}

// MARK: the matrix

extension AccessMatrixTests {
    /// The concrete paths of a route for one target, each with the record kind whose rule guards it. Most routes give
    /// one path; a history gives one per kind of record; a route with no record gives one path for `.inside` only.
    static func paths(_ methodAndRoute: String, kind: RecordKind?, in w: World, target: Target) -> [(path: String, kind: RecordKind?)] {
        let route = String(methodAndRoute.split(separator: " ").last ?? "")
        let own = target == .own
        func id(_ segments: [Substring]) -> String? {
            switch segments.first {
            case "accounts": return w.account
            case "alerts": return w.alert
            case "campaigns": return w.campaign
            case "stations": return w.station
            case "sites": return w.site
            case "neighbour-groups": return w.group
            case "donors": return w.donor
            case "donations": return w.donation
            case "events": return w.event
            case "courses": return w.course
            case "training-enrolments": return w.trainingEnrolment
            case "children": return own ? w.pairedChild : w.child
            case "households": return w.household
            case "pairs": return own ? w.pair : target == .otherInside ? w.otherPair : w.pair
            case "my": return own ? w.pair : w.otherPair
            case "people": return w.guardian
            case "reports": return w.report
            case "units": return w.village
            case "visits": return w.visit
            case "volunteers": return w.volunteer
            case "women": return w.woman
            case "imports": return w.upload
            case "job-fairs": return w.fair
            case "job-fair-hires": return w.fairHire
            case "loans": return w.loan
            case "rights": return w.rightsCase
            case "teams": return w.team
            case "health":
                switch segments.dropFirst().first {
                case "screenings": return w.screening
                case "campaigns": return w.healthCampaign
                case "teams": return w.team
                default: return w.followup
                }
            default: return nil
            }
        }
        if route == "/history/:type/:id" {
            let records: [(String, String)] =
                own
                ? [("child", w.pairedChild), ("pair", w.pair)]
                : [
                    ("child", w.child), ("person", w.guardian), ("household", w.household), ("woman", w.woman), ("visit", w.visit),
                    ("alert", w.alert),
                    ("report", w.report), ("volunteer", w.volunteer), ("pair", target == .otherInside ? w.otherPair : w.pair),
                    ("campaign", w.campaign), ("station", w.station),
                    ("group", w.group),
                    ("donation", w.donation),
                    ("account", w.account),
                ]
            return records.map { ("/history/\($0.0)/\($0.1)", Policy.historyKind($0.0)) }
        }
        var segments = route.split(separator: "/")
        if segments.first == "api" { segments.removeFirst(2) }
        let hasRecord = route.contains(":")
        guard hasRecord || target == .inside else { return [] }
        var path = route.replacingOccurrences(of: ":lang", with: "en").replacingOccurrences(of: ":n", with: "1")
        if hasRecord {
            guard let value = id(segments), !value.isEmpty else { return [] }
            path = path.replacingOccurrences(of: ":id", with: value).replacingOccurrences(of: ":code", with: value)
                .replacingOccurrences(of: ":eid", with: w.enrolment)
                .replacingOccurrences(of: ":aid", with: w.allocation).replacingOccurrences(of: ":date", with: "2026-01-05")
                .replacingOccurrences(of: ":from", with: "2026-10-01").replacingOccurrences(of: ":action", with: "claim")
        }
        if methodAndRoute == "GET /imports/template" || methodAndRoute == "GET /imports/new" { path += "?kind=children" }
        return [(path, kind)]
    }

    /// The targets of a page's POST forms, without their query.
    static func formActions(_ html: String) -> [String] {
        html.matches(of: /<form\b[^>]*>/).compactMap { m -> String? in
            let tag = String(m.0)
            guard tag.contains(#"method="post""#), let a = tag.firstMatch(of: /action="([^"?]*)/) else { return nil }
            return String(a.1)
        }
    }

    /// "POST /pairs/:id/close" matches "POST /pairs/1234/close".
    static func matches(_ template: String, _ concrete: String) -> Bool {
        let t = template.split(separator: "/"), c = concrete.split(separator: "/")
        return t.count == c.count && zip(t, c).allSatisfy { $0.hasPrefix(":") || $0 == $1 }
    }

    /// Where each role's account sits, and the village of the world outside its jurisdiction.
    static func outsideWorld(_ role: Role) -> Int {
        switch role {
        case .townshipStaff, .villageWorker, .volunteer: return 1
        case .cityAdmin, .partnerHealth, .partnerHR, .partnerJustice, .inspector: return 2
        }
    }

    @Test(arguments: Role.allCases)
    func everyRouteForEveryRoleInAndOutOfJurisdiction(_ role: Role) async throws {
        let t = try Self.tables()
        try await withTestApp { ctx in
            _ = try await UnitService.ensureLoaded(county: "421002", on: ctx.app.db, at: ctx.clock.now())
            let farVillage = try #require(
                try await Unit.query(on: ctx.app.db).filter(\.$parentCode == "421002100000").sort(\.$id).first()?.id)
            try await ctx.makeUser("root", .cityAdmin, Codes.county)
            try await ctx.makeUser("farroot", .cityAdmin, "421002000000")
            let (unit, _) = AccessTests.placement(role)
            try await ctx.makeUser("actor", role, unit)
            let root = try await ctx.token("root"), farRoot = try await ctx.token("farroot")
            let worlds = [
                try await Self.world(
                    ctx, village: Codes.shihuayan, admin: root, township: Codes.taohuashan, tag: 0,
                    volunteerAccount: role == .volunteer ? "actor" : nil),
                try await Self.world(
                    ctx, village: Codes.tiaoguanVillage, admin: root, township: Codes.tiaoguan, tag: 1, volunteerAccount: nil),
                try await Self.world(ctx, village: farVillage, admin: farRoot, township: nil, tag: 2, volunteerAccount: nil),
            ]
            let inside = worlds[0], outside = worlds[Self.outsideWorld(role)]
            // Everything outside the jurisdiction; and for a role that does not read children, the children inside too.
            var forbidden = outside.secrets + outside.confidential + inside.confidential
            if t.reads[.child]?[role] == Cell.no { forbidden += inside.childNames }
            if t.reads[.healthResult]?[role] == Cell.no { forbidden += inside.results }
            if role == .volunteer { forbidden += [inside.childNames[0], inside.childNames[2]] }
            let token = try await ctx.token("actor")
            var browser = Browser(ctx)
            try await browser.login("actor")

            var targets: [(Target, World)] = [(.inside, inside), (.outside, outside)]
            if role == .volunteer { targets = [(.own, inside), (.otherInside, inside), (.outside, outside)] }
            var checked = 0
            var offered: [(page: String, action: String)] = []
            var mismatches: [String] = []
            // Reads first, then changes, so a change (a pair paused, an alert acknowledged) cannot hide a later read.
            for row in t.routes.filter({ $0.rule != "session" }).sorted(by: { $0.route.hasPrefix("GET ") && !$1.route.hasPrefix("GET ") }) {
                let method = HTTPMethod(rawValue: String(row.route.split(separator: " ")[0]))
                for (target, world) in targets {
                    for (path, kind) in Self.paths(row.route, kind: row.kind, in: world, target: target) {
                        if target == .own && ![RecordKind.child, .pair, .contact].contains(kind ?? .unit) && row.rule != "desk" {
                            continue
                        }
                        // Her own pair's records are the volunteer's only `own` kinds; any other record of her village is plainly inside.
                        let plain = target == .otherInside && (kind.flatMap { t.reads[$0]?[role] } ?? .no) != .own && row.rule != "desk"
                        let expected = Self.expected(t, role: role, kind: kind, rule: row.rule, target: plain ? .inside : target)
                        let res: TestingHTTPResponse
                        switch (method, path.hasPrefix("/api/")) {
                        case (.GET, true): res = try await ctx.api(.GET, path, token: token)
                        case (.GET, false): res = try await browser.get(path)
                        case (_, true): res = try await ctx.api(method, path, token: token, body: ByteBuffer(string: "{}"))
                        case (_, false): res = try await browser.post(path, [:])
                        }
                        checked += 1
                        if res.status.code >= 500 {
                            mismatches.append("\(role.rawValue) \(target.rawValue) \(method) \(path): \(res.status.code)"); continue
                        }
                        if method != .GET {
                            // A change: allowed inside, it may be refused for its content (422, 409) but never as not hers.
                            let answered =
                                expected == [.ok] ? ![.forbidden, .notFound].contains(res.status) : expected.contains(res.status)
                            if !answered {
                                mismatches.append(
                                    "\(role.rawValue) \(target.rawValue) \(method) \(path) [\(row.rule) \(kind?.rawValue ?? "-")]: "
                                        + "\(res.status.code), expected \(expected == [.ok] ? "answered" : "\(expected.map(\.code).sorted())")"
                                )
                            }
                            if expected != [.ok] { continue }
                            for secret in forbidden where res.body.string.contains(secret) {
                                mismatches.append("\(role.rawValue) \(target.rawValue) \(method) \(path): body shows \(secret)")
                            }
                            continue
                        }
                        // A redirect is how a page sends its reader on (her own unit, the language switch); to the sign-in page it is a refusal.
                        let onward = res.headers.first(name: .location).map { !$0.hasPrefix("/login") } ?? false
                        let status = res.status == .seeOther && onward ? .ok : res.status
                        if !expected.contains(status) {
                            mismatches.append(
                                "\(role.rawValue) \(target.rawValue) \(path) [\(row.rule) \(kind?.rawValue ?? "-")]: "
                                    + "\(res.status.code), expected \(expected.map(\.code).sorted())")
                        }
                        if res.status == .ok {
                            let body = res.body.string
                            if !path.hasPrefix("/api/") { offered += Self.formActions(body).map { (path, $0) } }
                            for secret in forbidden where body.contains(secret) {
                                mismatches.append("\(role.rawValue) \(target.rawValue) \(path): body shows \(secret)")
                            }
                        }
                    }
                }
            }
            // No page offers a form its reader may not send: every form's target is a change the rule allows her.
            for (page, action) in offered {
                guard let row = t.routes.first(where: { Self.matches($0.route, "POST " + action) }) else {
                    mismatches.append("\(role.rawValue) \(page): a form to \(action), which is no route"); continue
                }
                let target: Target =
                    role == .volunteer && (row.kind.flatMap { t.reads[$0]?[role] } == .own || row.rule == "desk") ? .own : .inside
                if Self.expected(t, role: role, kind: row.kind, rule: row.rule, target: target) != [.ok] {
                    mismatches.append("\(role.rawValue) \(page) offers a form to \(action) [\(row.rule)]")
                }
            }
            // The other side of `uploader`: her own upload is hers to read.
            let mayImport = Self.expected(t, role: role, kind: .child, rule: "import", target: .inside) == [.ok]
            _ = try await browser.get("/imports/new?kind=children")
            let upload = try await browser.postMultipart(
                "/imports/new", ["kind": "children", "unit": unit],
                files: [(field: "file", filename: "台账.xlsx", type: "application/octet-stream", data: IntakeLimitsTests.ledger)])
            if mayImport {
                let location = try #require(upload.headers.first(name: .location), "\(upload.status) \(upload.body.string.prefix(300))")
                #expect(try await browser.get(location).status == .ok)
            } else {
                // Who reads in another ledger (the labour department its bank statements) has the pages: the kind is refused.
                let opensImports = Self.expected(t, role: role, kind: .child, rule: "import_any", target: .inside) == [.ok]
                #expect(upload.status == (opensImports ? .unprocessableEntity : .forbidden))
            }
            #expect(mismatches == [], "\(mismatches.count) cells:\n\(mismatches.joined(separator: "\n"))")
            #expect(checked > t.routes.count, "\(checked) requests")
        }
    }
}
