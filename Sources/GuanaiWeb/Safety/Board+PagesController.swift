import Fluent
import Vapor
import GuanaiCore
import GuanaiSheets

/// 工作看板: critical children, overdue visits, open reports, this month's visits against those due, by unit.
struct BoardPagesController {
    func register(_ r: any RoutesBuilder) {
        r.get(SiteURL.board.components, use: show)
        r.get(SiteURL.boardExport.components, use: export)
    }

    /// The board's tables as .xlsx: the statistics by township (city) or village (township), the critical children,
    /// or the overdue visits. Names only, no ID numbers; audited as an export.
    func export(req: Request) async throws -> Response {
        let actor = try req.actor
        guard Policy.browses(actor.role, .child) else { throw Abort(.forbidden) }
        try req.require(.export)
        let scoped = try req.scoped
        let unit = req.query[String.self, at: "unit"] ?? ""
        let asked = req.query[String.self, at: "table"] ?? ""
        let sheet = BoardSheet(rawValue: asked) ?? .stats
        let table = sheet.rawValue
        let today = RegistryService.today(req.now)
        let b = try await scoped.board(unit: unit, today: today)
        let zh = UILanguage.zh
        let scopeCode = scoped.narrowed(unit).root?.value ?? actor.unitCode
        let scopeName = try await scoped.unitNames([scopeCode])[scopeCode] ?? actor.unitName
        let title = zh.t("intake.exportTitle", scopeName + zh.t("board.sheet." + table), today.iso)
        var columns: [LedgerExport.Column]
        var rows: [[CellValue]] = []
        func pct(_ r: BoardRow) -> CellValue { r.doneRate.map { .number(String(format: "%.1f", $0 * 100)) } ?? .empty }
        switch sheet {
        case .critical, .overdue:
            let kids = sheet == .critical ? b.critical : b.overdue
            let people = try await scoped.people(kids.map(\.person))
            let names = try await scoped.unitNames(kids.map(\.unitCode))
            columns = [
                LedgerExport.Column(header: zh.t("ledger.no"), width: 6, kind: .number), LedgerExport.Column(header: zh.t("children.name")),
                LedgerExport.Column(header: zh.t("children.village"), width: 14), LedgerExport.Column(header: zh.t("board.tier"), width: 8),
                LedgerExport.Column(header: zh.t("board.why"), width: 40),
                LedgerExport.Column(header: zh.t("board.lastVisit"), kind: .date),
                LedgerExport.Column(header: zh.t("board.due"), kind: .date),
                LedgerExport.Column(header: zh.t("board.daysOverdueNumber"), width: 8, kind: .number),
            ]
            for (i, c) in kids.enumerated() {
                func date(_ s: String?) -> CellValue {
                    s.flatMap(CivilDate.init(iso:)).map { .date(year: $0.year, month: $0.month, day: $0.day) } ?? .empty
                }
                let late = c.nextVisitDue.flatMap(CivilDate.init(iso:)).map { max(0, today.dayNumber - $0.dayNumber) } ?? 0
                rows.append([
                    .number(String(i + 1)), .text(people[c.person]?.name ?? ""), .text(names[c.unitCode] ?? c.unitCode),
                    .text(c.riskTier.map { zh.t("tier." + $0) } ?? ""),
                    .text(c.riskReasonList.map { $0.text(zh) }.joined(separator: zh.t("list.sep"))), date(c.lastVisitOn),
                    date(c.nextVisitDue), .number(String(late)),
                ])
            }
        case .stats:
            columns = [
                "board.unit", "board.monitored", "tier.critical", "tier.high", "tier.medium", "board.overdue", "board.visited",
                "board.stillDue", "board.ratePercent", "board.openReports",
            ]
            .enumerated().map {
                LedgerExport.Column(header: zh.t($0.element), width: $0.offset == 0 ? 16 : 10, kind: $0.offset == 0 ? .text : .number)
            }
            for r in b.rows + [
                {
                    var t = b.total; t.name = zh.t("board.total"); return t
                }()
            ] {
                rows.append([
                    .text(r.name), .number(String(r.monitored)), .number(String(r.critical)), .number(String(r.high)),
                    .number(String(r.medium)),
                    .number(String(r.overdue)), .number(String(r.visitedThisMonth)), .number(String(r.stillDue)), pct(r),
                    .number(String(r.openReports)),
                ])
            }
        }
        let tmp = req.workDir.file(.board, "xlsx")
        defer { try? FileManager.default.removeItem(at: tmp) }
        let all = rows
        _ = try await LedgerExport.write(.xlsx, to: tmp, title: title, columns: columns) { emit in
            for r in all { try emit(r) }
            return all.count
        }
        try await req.audit(
            AuditEvent(
                AuditAction.export, .board, table, unit: scopeCode, detail: ["rows": String(rows.count), "format": "xlsx", "unit": unit]))
        return IntakePagesController.download(
            try Data(contentsOf: tmp), name: scopeName + zh.t("board.sheet." + table) + "-\(today.iso).xlsx",
            ascii: "board-\(table)-\(today.iso).xlsx", xlsx: true)
    }

    func show(req: Request) async throws -> Response {
        let actor = try req.actor
        guard Policy.browses(actor.role, .child) else { throw Abort(.forbidden) }
        let scoped = try req.scoped
        let unit = req.query[String.self, at: "unit"] ?? ""
        let today = RegistryService.today(req.now)
        let board = try await scoped.board(unit: unit, today: today)
        let kids = board.critical + board.overdue
        let people = try await scoped.people(kids.map(\.person))
        let names = try await scoped.unitNames(kids.map(\.unitCode) + board.reports.map(\.unitCode))
        let reportNames = try await scoped.childNames(board.reports.map(\.child))
        let units = try await AccountsController.unitOptions(scoped).filter { DivisionCode($0.0)?.level != .village }
        return BoardViews.page(
            req, board, unit: unit, units: units, people: people, unitNames: names, reportNames: reportNames, today: today)
    }
}

enum BoardViews {
    static func page(
        _ req: Request, _ b: Board, unit: String, units: [(String, String)], people: [PersonID: Person], unitNames: [String: String],
        reportNames: [ChildID: String], today: CivilDate
    ) -> Response {
        let l = req.lang
        func childLink(_ c: Child) -> Node { a(.href(.child(c.recordID))) { people[c.person]?.name ?? "" } }
        func pct(_ r: BoardRow) -> String { r.doneRate.map { String(Int(($0 * 100).rounded())) + "%" } ?? "—" }
        return Layout.page(req, title: l.t("board.title")) {
            h1 { l.t("board.title") }
            if req.auth.get(Signer.self)?.can(.editRules) == true { p { a(.href(.riskSettings)) { l.t("settings.title") } } }
            if units.count > 1 {
                form(.method("get"), .action(.board), .class("filters inline-filters")) {
                    Forms.select(l, label: "board.unit", name: "unit", options: [("", l.t("board.allUnits"))] + units, selected: unit)
                    button(.type("submit")) { l.t("form.search") }
                }
            }
            div(.class("cards")) {
                a(.class("card"), .href("#critical")) {
                    span(.class("n")) { String(b.total.critical) }; span(.class("k")) { l.t("board.critical") }
                }
                a(.class("card"), .href("#overdue")) {
                    span(.class("n")) { String(b.total.overdue) }; span(.class("k")) { l.t("board.overdue") }
                }
                a(.class("card"), .href("#reports")) {
                    span(.class("n")) { String(b.total.openReports) }; span(.class("k")) { l.t("board.openReports") }
                }
                div(.class("card")) {
                    span(.class("n")) { pct(b.total) };
                    span(.class("k")) {
                        l.t("board.doneRate", String(b.total.visitedThisMonth), String(b.total.visitedThisMonth + b.total.stillDue))
                    }
                }
            }
            if req.auth.get(Signer.self)?.can(.export) == true {
                p(.class("muted")) {
                    l.t("board.exportLabel")
                    for t in BoardSheet.allCases.map(\.rawValue) {
                        " · "; a(.href(SiteURL.boardExport.with(query: [("unit", unit), ("table", t)]))) { l.t("board.sheet." + t) }
                    }
                }
            }
            h2(.id(BoardSheet.critical.rawValue)) { l.t("board.critical") }
            if b.critical.isEmpty { p(.class("muted")) { l.t("board.none") } }
            div(.class("table-wrap")) {
                table(.class("stack")) {
                    thead {
                        tr {
                            th { l.t("children.name") }; th { l.t("children.village") }; th { l.t("board.why") };
                            th { l.t("board.lastVisit") }
                        }
                    }
                    tbody {
                        for c in b.critical {
                            tr {
                                td(.data("label", l.t("children.name"))) { childLink(c) }
                                td(.data("label", l.t("children.village"))) { unitNames[c.unitCode] ?? c.unitCode }
                                td(.data("label", l.t("board.why"))) {
                                    c.riskReasonList.map { $0.text(l) }.joined(separator: l.t("list.sep"))
                                }
                                td(.data("label", l.t("board.lastVisit"))) { c.lastVisitOn ?? l.t("board.never") }
                            }
                        }
                    }
                }
            }
            h2(.id("overdue")) { l.t("board.overdue") }
            if b.overdue.isEmpty { p(.class("muted")) { l.t("board.none") } }
            div(.class("table-wrap")) {
                table(.class("stack")) {
                    thead {
                        tr {
                            th { l.t("children.name") }; th { l.t("board.tier") }; th { l.t("children.village") };
                            th { l.t("board.daysOverdue") }
                        }
                    }
                    tbody {
                        for c in b.overdue {
                            tr {
                                td(.data("label", l.t("children.name"))) { childLink(c) }
                                td(.data("label", l.t("board.tier"))) { SafetyViews.tierTag(l, c.riskTier) }
                                td(.data("label", l.t("children.village"))) { unitNames[c.unitCode] ?? c.unitCode }
                                td(.data("label", l.t("board.daysOverdue"))) {
                                    c.nextVisitDue.flatMap(CivilDate.init(iso:)).map {
                                        l.t("board.days", String(today.dayNumber - $0.dayNumber))
                                    } ?? ""
                                }
                            }
                        }
                    }
                }
            }
            h2(.id("reports")) { l.t("board.openReports") }
            if b.reports.isEmpty { p(.class("muted")) { l.t("board.none") } }
            ul {
                for r in b.reports {
                    li {
                        a(.href(.report(r.recordID))) {
                            (reportNames[r.child] ?? "") + " · " + (unitNames[r.unitCode] ?? r.unitCode)
                        }; " · " + SafetyViews.time(r.filedAt)
                    }
                }
            }
            h2 { l.t("board.byUnit") }
            // On a phone the table is wider than the screen: the line above it names the columns still off screen.
            p(
                .class("scroll-hint"), .data("hint-for", "board-stats"), .data("template", l.t("board.offscreen")),
                .data("sep", l.t("list.sep")), Attr("aria-live", "polite")
            ) { "" }
            div(.class("table-wrap"), .id("board-stats")) {
                table(.class("stats")) {
                    thead {
                        tr {
                            for k in [
                                "board.unit", "board.monitored", "tier.critical", "tier.high", "tier.medium", "board.overdue",
                                "board.visited", "board.rate", "board.openReports",
                            ] { th { l.t(k) } }
                        }
                    }
                    tbody {
                        for r in b.rows + [
                            {
                                var t = b.total; t.name = l.t("board.total"); return t
                            }()
                        ] {
                            tr {
                                td {
                                    r.code.isEmpty ? strong { r.name } : a(.href(SiteURL.board.with(query: [("unit", r.code)]))) { r.name }
                                }
                                td { String(r.monitored) }; td { String(r.critical) }; td { String(r.high) }; td { String(r.medium) }
                                td { String(r.overdue) }; td { String(r.visitedThisMonth) }; td { pct(r) }; td { String(r.openReports) }
                            }
                        }
                    }
                }
            }
        }
    }
}

/// The board's sheets, as the export link names them (`?table=`): the totals, the critical children, the overdue ones.
enum BoardSheet: String, CaseIterable {
    case stats, critical, overdue
}
