import Fluent
import Vapor
import GuanaiCore

/// The home page: counts for the signed-in account's jurisdiction, only of the kinds its role may read.
struct HomeController {
    func register(_ r: any RoutesBuilder) {
        r.get(SiteURL.home.components, use: home)
    }

    struct Counts: Sendable {
        var townships = 0, villages = 0, addedUnits = 0
        var accounts: Int? = nil
        var children: Scoped.ChildCounts? = nil
        var auditToday: Int? = nil
    }

    static func counts(_ scoped: Scoped, actor: Signer, today: String) async throws -> Counts {
        let u = try await scoped.unitCounts()
        var c = Counts(townships: u.townships, villages: u.villages, addedUnits: u.added)
        if Policy.browses(actor.role, .child) { c.children = try await scoped.childCounts() }
        if actor.canRead(.account) { c.accounts = try await scoped.users().filter(\.$disabled == false).count() }
        if actor.canRead(.audit) { c.auditToday = try await scoped.auditEntries(AuditFilter(from: today)).count() }
        return c
    }

    func home(req: Request) async throws -> Response {
        let l = req.lang
        let actor = try req.actor
        // A volunteer's home is her own children.
        if Policy.hasDesk(actor.role) { return req.redirect(to: SiteURL.desk.path) }
        let today = String(AuditLog.timestamp(req.now).prefix(10))
        let scoped = try req.scoped
        let c = try await Self.counts(scoped, actor: actor, today: today)
        // A village chair's home is her village's work this month, not the city's divisions.
        let village = DivisionCode(actor.unitCode)?.level == .village
        var work: BoardRow? = nil, activePairs = 0
        if village, c.children != nil {
            work = try await scoped.board(unit: actor.unitCode, today: RegistryService.today(req.now)).total
            if actor.canRead(.pair) { activePairs = try await scoped.activePairCount() }
        }
        // Open alerts come before anything else on the page.
        var open: [Alert] = [], openTotal = 0, names: [ChildID: String] = [:], units: [String: String] = [:]
        var reminders = 0
        if let rule = actor.inboxRule {
            (open, openTotal) = try await scoped.inbox(rule: rule, openOnly: true, page: 1, per: 5)
            reminders = try await scoped.openReminders(rule: rule, limit: 0).total
            names = try await scoped.childNames(open.map(\.child))
            units = try await scoped.unitNames(open.map(\.unitCode))
        }
        // Loan and follow-up reminders count with the pair reminders: with no channel set, the page is what tells her.
        if ReminderSubject.reach(actor.role) {
            reminders += try await scoped.openSubjectReminders(role: actor.role, username: actor.username, limit: 0).total
        }
        return Layout.page(req, title: l.t("home.title")) {
            if !open.isEmpty {
                section(.class("alerts-first")) {
                    h2 { l.t("home.openAlerts", String(openTotal)) }
                    for al in open {
                        SafetyViews.alertCard(
                            req, al, childName: names[al.child] ?? "", unitName: units[al.unitCode] ?? al.unitCode,
                            back: SiteURL.home.path)
                    }
                    if openTotal > open.count { p { a(.href(.inbox)) { l.t("home.allAlerts") } } }
                }
            }
            if reminders > 0 { p(.class("alert")) { a(.href(.inbox)) { l.t("home.reminders", String(reminders)) } } }
            h1 { l.t("home.greeting", actor.displayName) }
            p(.class("muted")) { l.t("home.jurisdiction", actor.unitName) }
            if let k = c.children {
                h2 { l.t("home.children") }
                div(.class("cards")) {
                    card(l.t("home.childrenActive"), k.active, .children)
                    a(.class("card"), .href(SiteURL.children.with(query: [("category", ChildCategory.leftBehind.rawValue)]))) {
                        span(.class("n")) { String(k.leftBehind) }; span(.class("k")) { l.t("category.left_behind") }
                    }
                    a(.class("card"), .href(SiteURL.children.with(query: [("category", "difficulty")]))) {
                        span(.class("n")) { String(k.difficulty) }; span(.class("k")) { l.t("home.childrenDifficulty") }
                    }
                    a(.class("card"), .href(SiteURL.children.with(query: [("exited", "1")]))) {
                        span(.class("n")) { String(k.exited) }; span(.class("k")) { l.t("status.exited") }
                    }
                }
                if !village { h2 { l.t("home.divisions") } }
            }
            if let w = work {
                h2 { l.t("home.villageWork") }
                div(.class("cards")) {
                    card(l.t("home.critical"), w.critical, .board)
                    card(l.t("home.high"), w.high, .board)
                    card(l.t("home.overdue"), w.overdue, .board)
                    card(l.t("home.visitedThisMonth"), w.visitedThisMonth, .board)
                    card(l.t("home.stillDue"), w.stillDue, .board)
                    if w.openReports > 0 { card(l.t("home.openReports"), w.openReports, .board) }
                    if actor.canRead(.pair) { card(l.t("home.activePairs"), activePairs, .pairing) }
                }
            } else {
                div(.class("cards")) {
                    card(l.t("home.townships"), c.townships, .units)
                    card(l.t("home.villages"), c.villages, .units)
                    if c.addedUnits > 0 { card(l.t("home.addedUnits"), c.addedUnits, .units) }
                    if let n = c.accounts { card(l.t("home.accounts"), n, .accounts) }
                    if let n = c.auditToday { card(l.t("home.auditToday"), n, .audit) }
                }
            }
        }
    }

    func card(_ label: String, _ n: Int, _ url: SiteURL) -> Node {
        a(.class("card"), .href(url)) {
            span(.class("n")) { String(n) }
            span(.class("k")) { label }
        }
    }
}
