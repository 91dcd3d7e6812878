import Vapor
import GuanaiCore
import GuanaiSheets

enum IntakeViews {
    /// " · 导出 Excel · 导出 CSV (· 完整身份证号)" after a list's count, for accounts that may export.
    static func exportLinks(_ req: Request, _ url: SiteURL, _ query: [(String, String)]) -> Node {
        let l = req.lang
        guard let a0 = req.auth.get(Signer.self), a0.can(.export) else { return .empty }
        return group {
            " · "; a(.href(url.with(query: query + [("format", "xlsx")]))) { l.t("intake.exportXlsx") }
            " · "; a(.href(url.with(query: query + [("format", "csv")]))) { l.t("intake.exportCsv") }
            if a0.can(.revealID) {
                " · "; a(.href(url.with(query: query + [("format", "xlsx"), ("full", "1")]))) { l.t("intake.exportFull") }
            }
        }
    }

    /// The import link beside a list's "new" button, for accounts that may import into the registry.
    static func importLink(_ req: Request, _ kind: IntakeKind, unit: String? = nil) -> Node {
        guard let a0 = req.auth.get(Signer.self), a0.can(.import), Policy.mayImport(a0.role, kind) else { return .empty }
        let query = [("kind", kind.rawValue)] + (unit.map { [("unit", $0)] } ?? [])
        return a(.class("btn secondary"), .href(SiteURL.intakeNew.with(query: query))) { req.lang.t("intake.import") }
    }

    /// The ledgers this account may read in.
    static func kindOptions(_ l: UILanguage, role: Role?) -> [(String, String)] {
        IntakeKind.allCases.filter { k in role.map { Policy.mayImport($0, k) } ?? false }.map {
            ($0.rawValue, l.t("intake.kind." + $0.rawValue))
        }
    }

    static func newForm(
        _ req: Request, typed: IntakeUploadForm, errors e: [String: String], units: [(String, String)], recent: [IntakeUpload],
        status: HTTPStatus
    ) -> Response {
        let l = req.lang
        typealias K = IntakeUploadForm.CodingKeys
        return Layout.page(req, title: l.t("intake.title"), status: status) {
            h1 { l.t("intake.title") }
            p(.class("muted")) { l.t("intake.intro") }
            // The templates of the ledgers this account reads in: the health department's is its result sheet alone.
            templateLinks(
                l, among: req.auth.get(Signer.self).map { r in IntakeTemplate.kinds.filter { Policy.mayImport(r.role, $0) } } ?? [])
            Forms.errorSummary(l, e, labelled: true)
            form(.method("post"), .action(.intakeNew), Attr("enctype", "multipart/form-data"), .class("intake")) {
                Forms.csrf(req)
                Forms.select(
                    l, label: "intake.kind", name: K.kind.rawValue, options: kindOptions(l, role: req.auth.get(Signer.self)?.role),
                    selected: typed.kind ?? IntakeKind.children.rawValue, error: e[K.kind.rawValue],
                    required: true)
                Forms.select(
                    l, label: "intake.unit", name: K.unit.rawValue, options: units, selected: typed.unit ?? "", error: e[K.unit.rawValue],
                    required: true)
                div(.class(e[K.file.rawValue] == nil ? "field" : "field invalid")) {
                    label(.for(K.file.rawValue)) {
                        l.t("intake.file"); span(.class("req"), .aria("hidden", "true")) { " *" }
                    }
                    tag(
                        "input",
                        [
                            .type("file"), .id(K.file.rawValue), .name(K.file.rawValue),
                            Attr("accept", ".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"),
                        ])
                    small(.class("hint")) { l.t("intake.fileHint") }
                    if let err = e[K.file.rawValue] { p(.class("field-error")) { err } }
                }
                Forms.field(l, label: "intake.sheet", name: K.sheet.rawValue, value: typed.sheet ?? "", hint: l.t("intake.sheetHint"))
                button(.type("submit")) { l.t("intake.upload") }
            }
            if !recent.isEmpty {
                h2 { l.t("intake.recent") }
                ul {
                    for u in recent {
                        li {
                            a(.href(.intake(u.recordID))) { u.fileName };
                            " · " + l.t("intake.kind." + u.kind.rawValue) + " · " + l.t("intake.status." + u.status.rawValue) + " · "
                                + SafetyViews.time(u.createdAt)
                        }
                    }
                }
            }
        }
    }

    /// What a preview row's summary is: a person's name and masked number, or a station's, a site's or a group's name.
    static func summaryLabel(_ kind: IntakeKind) -> String {
        [.stations, .sites, .neighbourGroups].contains(kind) ? "intake.summaryName" : "children.name"
    }

    /// The templates, whose 表格说明 sheet lists every word a column understands (the error messages point there).
    static func templateLinks(_ l: UILanguage, only kind: IntakeKind? = nil, among: [IntakeKind] = IntakeTemplate.kinds) -> Node {
        let kinds = among.filter { kind == nil || $0 == kind }
        return group {
            if !kinds.isEmpty {
                p(.class("template")) {
                    l.t("intake.template.link") + l.t("f.sep")
                    for (i, k) in kinds.enumerated() {
                        if i > 0 { " · " }
                        a(.href(SiteURL.intakeTemplate.with(query: [("kind", k.rawValue)]))) { l.t("intake.kind." + k.rawValue) }
                    }
                }
            }
        }
    }

    static func counts(_ l: UILanguage, _ r: ImportReport, dryRun: Bool) -> Node {
        div(.class("counts")) {
            p { l.t(dryRun ? "intake.willAccept" : "intake.accepted", String(r.accepted)) }
            p { l.t("intake.duplicates", String(r.duplicates)) }
            p(.class(r.rejected > 0 ? "error-message" : "")) { l.t("intake.rejected", String(r.rejected)) }
            if r.warnings > 0 { p { l.t("intake.warnings", String(r.warnings)) } }
        }
    }

    /// `notice`: a catalogue key said above the counts (an interrupted commit that may be confirmed again).
    static func preview(_ req: Request, _ u: IntakeUpload, result: PreviewSummary, notice: String? = nil) -> Response {
        let l = req.lang
        let id = u.recordID
        let kind = u.kind
        let options = [("auto", l.t("intake.map.auto")), ("", l.t("intake.map.skip"))] + kind.columns.map { ($0.key, $0.names[0]) }
        return Layout.page(req, title: l.t("intake.preview")) {
            h1 { l.t("intake.preview") + " · " + u.fileName }
            p(.class("muted")) { l.t("intake.step2", l.t("intake.kind." + u.kind.rawValue), String(result.headerRowNumber)) }
            if let notice { p(.class("notice")) { l.t(notice) } }
            counts(l, result.report, dryRun: true)
            if result.report.rejected > 0 { templateLinks(l, only: kind) }
            if result.report.accepted > 0 {
                form(.method("post"), .action(.intakeCommit(id))) {
                    Forms.csrf(req)
                    button(.type("submit")) { l.t("intake.confirm", String(result.report.accepted)) }
                    if result.report.rejected > 0 { small(.class("hint")) { " " + l.t("intake.confirmHint") } }
                }
            } else {
                p(.class("muted")) { l.t("intake.nothingNew") }
            }
            if !result.preview.isEmpty {
                h2 { l.t("intake.rows") }
                div(.class("table-wrap")) {
                    table(.class("stack")) {
                        thead {
                            tr {
                                th { l.t("intake.row") }; th { l.t("intake.outcome") }; th { l.t(summaryLabel(kind)) };
                                th { l.t("intake.reason") }
                            }
                        }
                        tbody {
                            for p in result.preview {
                                tr(.class(p.outcome == .rejected ? "invalid" : "")) {
                                    td(.data("label", l.t("intake.row"))) { String(p.row) }
                                    td(.data("label", l.t("intake.outcome"))) {
                                        span(
                                            .class(
                                                p.outcome == .rejected ? "tag tier-critical" : p.outcome == .duplicate ? "tag" : "tag ok")
                                        ) { l.t("intake.outcome." + p.outcome.rawValue) }
                                    }
                                    td(.data("label", l.t(summaryLabel(kind)))) { p.summary }
                                    td(.data("label", l.t("intake.reason"))) {
                                        (p.messages + (p.warning.map { [$0] } ?? [])).joined(separator: l.t("intake.msgSep"))
                                    }
                                }
                            }
                        }
                    }
                }
            }
            h2 { l.t("intake.mapping") }
            form(.method("post"), .action(.intake(id)), .class("mapping")) {
                Forms.csrf(req)
                if result.sheetNames.count > 1 {
                    Forms.select(
                        l, label: "intake.sheet", name: IntakeRemapForm.sheetKey, options: result.sheetNames.map { ($0, $0) },
                        selected: result.sheetName ?? "")
                }
                div(.class("table-wrap")) {
                    table(.class("list")) {
                        thead {
                            tr {
                                th { l.t("intake.column") }; th { l.t("intake.header") }; th { l.t("intake.field") }
                            }
                        }
                        tbody {
                            for (i, text) in result.headerText.sorted(by: { $0.key < $1.key }) {
                                let letter = ColumnName.letters(forIndex: i)
                                let current = u.overrideMap[letter] ?? "auto"
                                tr {
                                    td { letter }
                                    td { text }
                                    td {
                                        tag("select", [.name(IntakeRemapForm.mapPrefix + letter), .aria("label", text)]) {
                                            for (v, t) in options {
                                                let label =
                                                    v == "auto"
                                                    ? l.t(
                                                        "intake.map.autoAs",
                                                        result.columns[i].map { key in
                                                            kind.columns.first { $0.key == key }?.names[0] ?? key
                                                        } ?? l.t("intake.map.skip")) : t
                                                tag("option", [.value(v), Attr.when(v == current, .selected)]) { label }
                                            }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
                button(.type("submit"), .class("secondary")) { l.t("intake.remap") }
            }
            p { a(.href(SiteURL.intakeNew.with(query: [("kind", u.kind.rawValue)]))) { l.t("intake.again") } }
        }
    }

    /// The page a running preview answers with: it reloads itself (the `Refresh` header, and the same in a `meta`
    /// for browsers that take only that), and each reload is the poll that keeps the run going.
    static func checking(_ req: Request, _ u: IntakeUpload, interrupted: Bool) -> Response {
        let l = req.lang
        let every = String(PreviewWatch.pollSeconds)
        let res = Layout.page(req, title: l.t("intake.preview")) {
            tag("meta", [Attr("http-equiv", "refresh"), Attr("content", every)])
            h1 { l.t("intake.preview") + " · " + u.fileName }
            if interrupted { p(.class("notice")) { l.t("intake.leaseExpired") } }
            p(.class("checking"), .aria("live", "polite")) { l.t("intake.preview.checking", every) }
            p { a(.href(.intake(u.recordID))) { l.t("intake.preview.refresh") } }
        }
        res.headers.replaceOrAdd(name: "Refresh", value: every)
        res.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return res
    }

    /// A preview stopped because its page was left (or it broke off): said once; the button opens it again.
    static func stopped(_ req: Request, _ u: IntakeUpload, message: String) -> Response {
        let l = req.lang
        return Layout.page(req, title: l.t("intake.preview")) {
            h1 { l.t("intake.preview") + " · " + u.fileName }
            p(.class("notice stopped")) { l.t(message) }
            p { a(.class("btn"), .href(.intake(u.recordID))) { l.t("intake.preview.restart") } }
            p { a(.href(SiteURL.intakeNew.with(query: [("kind", u.kind.rawValue)]))) { l.t("intake.again") } }
        }
    }

    static func unreadable(_ req: Request, _ u: IntakeUpload, message: String, status: HTTPStatus = .unprocessableEntity) -> Response {
        let l = req.lang
        return Layout.page(req, title: l.t("intake.preview"), status: status) {
            h1 { l.t("intake.preview") + " · " + u.fileName }
            p(.class("error-message")) { message }
            p { a(.class("btn"), .href(SiteURL.intakeNew.with(query: [("kind", u.kind.rawValue)]))) { l.t("intake.again") } }
        }
    }

    static func done(_ req: Request, _ u: IntakeUpload, report: ImportReport) -> Response {
        let l = req.lang
        let list: String
        switch u.kind {
        case .children: list = SiteURL.children.path
        case .women: list = SiteURL.women.path
        case .households: list = SiteURL.households.path
        case .volunteers: list = SiteURL.volunteers.path
        case .stations, .enrolments, .sites: list = SiteURL.stations.path
        case .neighbourGroups: list = SiteURL.neighbourGroups.path
        case .trainingEnrolments: list = SiteURL.courses.path
        case .fairAttendees: list = SiteURL.jobFairs.path
        case .loans, .repayments: list = SiteURL.women.path
        // The abnormal screens read in are the follow-ups to work on.
        case .screeningResults: list = HealthURL.followups
        case .teamMembers: list = HealthURL.teams
        }
        return Layout.page(req, title: l.t("intake.done")) {
            h1 { l.t("intake.done") + " · " + u.fileName }
            counts(l, report, dryRun: false)
            if u.rejected != nil {
                p { a(.class("btn"), .href(.intakeRejected(u.recordID))) { l.t("intake.downloadRejected") } }
                p(.class("muted")) { l.t("intake.rejectedHint") }
            }
            if !report.errors.isEmpty {
                div(.class("table-wrap")) {
                    table(.class("stack")) {
                        thead {
                            tr {
                                th { l.t("intake.row") }; th { l.t("intake.header") }; th { l.t("intake.reason") }
                            }
                        }
                        tbody {
                            for e in report.errors.prefix(100) {
                                tr {
                                    td(.data("label", l.t("intake.row"))) { String(e.row) };
                                    td(.data("label", l.t("intake.header"))) { e.column };
                                    td(.data("label", l.t("intake.reason"))) { e.message }
                                }
                            }
                        }
                    }
                }
            }
            p {
                a(.href(list)) { l.t("intake.toList") }; " · ";
                a(.href(SiteURL.intakeNew.with(query: [("kind", u.kind.rawValue)]))) { l.t("intake.another") }
            }
        }
    }
}
