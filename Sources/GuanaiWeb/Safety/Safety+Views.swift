import Vapor
import GuanaiCore

enum SafetyViews {
    static func tierTag(_ l: UILanguage, _ tier: String?) -> Node {
        guard let t = tier else { return group {} }
        return span(.class("tag tier-" + t)) { l.t("tier." + t) }
    }

    static func time(_ d: Date) -> String {
        // Minutes in China time: what people compare with their phone's clock.
        let s = AuditLog.timestamp(d.addingTimeInterval(8 * 3600))
        return String(s.prefix(16)).replacingOccurrences(of: "T", with: " ")
    }

    // MARK: inbox

    static func alertCard(_ req: Request, _ al: Alert, childName: String, unitName: String, back: String) -> Node {
        let l = req.lang
        let state: [AlertCardClass] = al.isOpen ? (al.kind == .critical ? [.open, .critical] : [.open]) : [.done]
        return div(.class((["alert-card"] + state.map(\.rawValue)).joined(separator: " "))) {
            p(.class("alert-head")) {
                span(.class("tag " + (al.kind == .critical ? "tier-critical" : "warn"))) { l.t("alert.kind." + al.kind.rawValue) }
                " "
                span(.class("tag" + (al.status == .resolved ? "" : " off"))) { l.t("alert.status." + al.status.rawValue) }
                for e in al.escalations { " "; span(.class("tag warn")) { l.t("alert.escalated." + e.rawValue) } }
            }
            p {
                strong { a(.href(.child(al.child))) { childName } }; " · " + unitName
            }
            p(.class("muted")) { al.reasonList.map { $0.text(l) }.joined(separator: l.t("list.sep")) }
            p(.class("muted")) { l.t("alert.raisedAt", time(al.createdAt)) }
            p(.class("actions")) {
                if al.status == .open && req.mayAct {
                    form(.method("post"), .action(.alertAcknowledge(al.recordID)), .class("inline")) {
                        Forms.csrf(req)
                        input(.type("hidden"), .name(AlertForm.CodingKeys.back.rawValue), .value(back))
                        button(.type("submit")) { l.t("alert.acknowledge") }
                    }
                    " "
                }
                if al.isOpen && req.mayAct {
                    a(.class("btn secondary"), .href(.childVisit(al.child))) { l.t("visit.record") }; " "
                }
                a(.href(.alert(al.recordID))) { l.t("alert.open") }
            }
        }
    }

    static func inbox(
        _ req: Request, items: [Alert], names: [ChildID: String], units: [String: String], total: Int, page: Int,
        reminders: [(PairReminder, PairID, String)] = [], subjects: [(Reminder, String?)] = []
    ) -> Response {
        let l = req.lang
        return Layout.page(req, title: l.t("inbox.title")) {
            h1 { l.t("inbox.title") }
            if items.isEmpty && reminders.isEmpty && subjects.isEmpty { p(.class("muted")) { l.t("inbox.empty") } }
            for al in items {
                alertCard(
                    req, al, childName: names[al.child] ?? "", unitName: units[al.unitCode] ?? al.unitCode, back: SiteURL.inbox.path)
            }
            if total > 0 { Pager.render(l, req: req, page: page, per: 50, total: total) }
            if !reminders.isEmpty {
                h2 { l.t("inbox.reminders", String(reminders.count)) }
                ul(.class("reminders")) {
                    for (r, pairID, child) in reminders {
                        li {
                            a(.href(.pair(pairID))) { child }
                            " · " + (units[r.unitCode] ?? "") + " · " + l.t("inbox.reminder", r.month, String(r.daysOverdue))
                        }
                    }
                }
            }
            if !subjects.isEmpty {
                h2 { l.t("inbox.subjectReminders", String(subjects.count)) }
                ul(.class("reminders")) {
                    for (r, link) in subjects {
                        let text = r.text
                        li {
                            l.t("reminder.subject." + r.subjectType.rawValue) + " · "
                            if let link { a(.href(link)) { r.subjectName } } else { r.subjectName }
                            " · " + (units[r.unitCode] ?? "") + " · "
                                + l.t(text.key, args: text.args)
                        }
                    }
                }
            }
        }
    }

    // MARK: one alert

    static func alert(
        _ req: Request, _ al: Alert, childName: String, unitName: String, visited: Bool,
        notifications: [(to: String, status: String, attempts: Int)] = [],
        errors: [String: String], status: HTTPStatus
    ) -> Response {
        let l = req.lang
        let id = al.recordID
        func step(_ done: Bool, _ key: String, _ detail: String?) -> Node {
            li(.class(done ? "done" : "todo")) { (done ? "✓ " : "○ ") + l.t(key) + (detail.map { " · " + $0 } ?? "") }
        }
        return Layout.page(req, title: l.t("alert.title"), status: status) {
            h1 { l.t("alert.kind." + al.kind.rawValue) + " · " + childName }
            Forms.errorSummary(l, errors)
            p {
                a(.href(.child(al.child))) { l.t("alert.toChild", childName) }; " · " + unitName
            }
            p(.class("muted")) { l.t("alert.raisedAt", time(al.createdAt)) }
            ul { for r in al.reasonList { li { r.text(l) } } }
            h2 { l.t("alert.steps") }
            ul(.class("steps")) {
                step(
                    al.acknowledgedAt != nil, "alert.step.acknowledged",
                    al.acknowledgedAt.map { (al.acknowledgedBy ?? "") + " " + time($0) })
                if al.kind == .critical {
                    step(visited, "alert.step.visited", nil)
                    step(al.plan != nil, "alert.step.plan", al.planAt.map { (al.planBy ?? "") + " " + time($0) })
                }
                step(al.status == .resolved, "alert.step.resolved", al.resolvedAt.map { (al.resolvedBy ?? "") + " " + time($0) })
            }
            for e in al.escalations { p(.class("muted")) { l.t("alert.escalated." + e.rawValue) } }
            if !notifications.isEmpty {
                h2 { l.t("alert.notifications") }
                ul {
                    for n in notifications {
                        li {
                            n.to + " · " + l.t("outbox.status." + n.status)
                                + (n.attempts > 1 ? " · " + l.t("outbox.attempts", String(n.attempts)) : "")
                        }
                    }
                }
            }
            if let p0 = al.plan { h2 { l.t("alert.plan") }; p { p0 } }
            if let r = al.resolution, al.status == .resolved { h2 { l.t("alert.resolution") }; p { r } }
            if al.isOpen && req.mayAct {
                if al.status == .open {
                    form(.method("post"), .action(.alertAcknowledge(id))) {
                        Forms.csrf(req); button(.type("submit")) { l.t("alert.acknowledge") }
                    }
                }
                p { a(.class("btn secondary"), .href(.childVisit(al.child))) { l.t("visit.record") } }
                if al.kind == .critical {
                    form(.method("post"), .action(.alertPlan(id))) {
                        Forms.csrf(req)
                        let plan = AlertForm.CodingKeys.plan.rawValue
                        div(.class(errors[plan] == nil ? "field" : "field invalid")) {
                            label(.for(plan)) { l.t("alert.plan") }
                            tag("textarea", [.id(plan), .name(plan), Attr("rows", "3")]) { al.plan ?? "" }
                            small(.class("hint")) { l.t("alert.planHint") }
                            if let e = errors[plan] { p(.class("field-error")) { e } }
                        }
                        button(.type("submit"), .class("secondary")) { l.t("alert.savePlan") }
                    }
                }
                form(.method("post"), .action(.alertResolve(id))) {
                    Forms.csrf(req)
                    Forms.field(
                        l, label: "alert.note", name: AlertForm.CodingKeys.note.rawValue, error: errors[AlertForm.CodingKeys.note.rawValue])
                    button(.type("submit")) { l.t("alert.resolve") }
                }
            }
        }
    }

    // MARK: visit (one screen on a phone)

    static func visitForm(
        _ req: Request, _ c: Child, childName: String, typed v: VisitPageForm, errors e: [String: String], status: HTTPStatus
    ) -> Response {
        let l = req.lang
        typealias K = VisitPageForm.CodingKeys
        let ok = CheckAnswer.ok.rawValue, concern = CheckAnswer.concern.rawValue
        let today = RegistryService.today(req.now).iso
        return Layout.page(req, title: l.t("visit.title"), status: status) {
            h1 { l.t("visit.title") + " · " + childName }
            Forms.errorSummary(l, e, labelled: true)
            form(.method("post"), .action(.childVisit(c.recordID)), .class("visit"), Attr("enctype", "multipart/form-data")) {
                Forms.csrf(req)
                Forms.field(
                    l, label: "visit.date", name: K.date.rawValue, value: v.date ?? today, type: "date", required: true,
                    error: e[K.date.rawValue])
                fieldset {
                    legend { l.t("visit.mode") }
                    for m in VisitMode.allCases {
                        label(.class("choice")) {
                            tag(
                                "input",
                                [
                                    .type("radio"), .name(K.mode.rawValue), .value(m.rawValue),
                                    Attr.when((v.mode ?? VisitMode.home.rawValue) == m.rawValue, .checked),
                                ]);
                            " " + l.t("visit.mode." + m.rawValue)
                        }
                    }
                    if let err = e[K.mode.rawValue] { p(.class("field-error")) { err } }
                }
                fieldset(.class("checks")) {
                    legend { l.t("visit.checklist") }
                    for k in VisitCheck.allCases {
                        let name = VisitPageForm.checkName(k)
                        div(.class("check-row")) {
                            span { l.t("visit.check." + k.rawValue) }
                            label(.class("choice")) {
                                tag("input", [.type("radio"), .name(name), .value(ok), Attr.when((v.checks[k] ?? ok) == ok, .checked)]);
                                " " + l.t("visit.ok")
                            }
                            label(.class("choice")) {
                                tag("input", [.type("radio"), .name(name), .value(concern), Attr.when(v.checks[k] == concern, .checked)]);
                                " " + l.t("visit.concern")
                            }
                        }
                    }
                }
                div(.class(e[K.notes.rawValue] == nil ? "field" : "field invalid")) {
                    label(.for(K.notes.rawValue)) { l.t("visit.notes") }
                    tag("textarea", [.id(K.notes.rawValue), .name(K.notes.rawValue), Attr("rows", "3")]) { v.notes ?? "" }
                    small(.class("hint")) { l.t("visit.notesHint") }
                    if let err = e[K.notes.rawValue] { p(.class("field-error")) { err } }
                }
                div(.class(e[K.photos.rawValue] == nil ? "field" : "field invalid")) {
                    label(.for(K.photos.rawValue)) { l.t("visit.photos") }
                    tag(
                        "input",
                        [
                            .type("file"), .id(K.photos.rawValue), .name(K.photos.rawValue),
                            Attr("accept", "image/jpeg,image/png,image/webp"),
                            Attr("multiple", "multiple"),
                        ])
                    small(.class("hint")) { l.t("visit.photosHint", String(VisitPhotoRules.maxCount)) }
                    if let err = e[K.photos.rawValue] { p(.class("field-error")) { err } }
                }
                button(.type("submit")) { l.t("visit.save") }
            }
        }
    }

    /// The safety panel on a child's page: tier, reasons, when the next visit is due, recent visits.
    static func panel(
        _ req: Request, _ c: ChildDTO, visits: [Visit], reports: [Report] = [], canAct: Bool, canReport: Bool, today: CivilDate
    ) -> Node {
        let l = req.lang
        return section(.class("panel safety")) {
            h2 {
                l.t("safety.title"); " "; tierTag(l, c.riskTier)
            }
            if c.riskTier != nil {
                ul { for r in c.riskReasons { li { r.message } } }
                if let due = c.nextVisitDue {
                    p(.class(due < today.iso ? "error-message" : "")) { l.t(due < today.iso ? "safety.overdue" : "safety.nextVisit", due) }
                }
            } else {
                p(.class("muted")) { l.t("safety.notMonitored") }
            }
            for r in reports where r.status == .open {
                p {
                    span(.class("tag tier-critical")) { l.t("report.status.open") }; " ";
                    a(.href(.report(r.recordID))) { l.t("report.case") + " · " + SafetyViews.time(r.filedAt) }
                }
            }
            p(.class("actions")) {
                if canAct { a(.class("btn"), .href(.childVisit(c.recordID))) { l.t("visit.record") }; " " }
                if canReport { a(.class("btn secondary"), .href(.childReport(c.recordID))) { l.t("report.title") }; " " }
                a(.class("btn secondary"), .href(.childVisitsPrint(c.recordID))) { l.t("visit.print") }
            }
            if !visits.isEmpty {
                h3 { l.t("safety.visits") }
                ul(.class("visits")) {
                    for v in visits {
                        let concerns = v.checks.filter { $0.value == CheckAnswer.concern.rawValue }.keys.sorted().map {
                            l.t("visit.check." + $0)
                        }
                        li {
                            v.visitedOn + " · " + l.t("visit.mode." + v.mode) + " · " + v.byName
                            if !concerns.isEmpty {
                                " · "; span(.class("tag warn")) { l.t("visit.concerns", concerns.joined(separator: l.t("list.sep"))) }
                            }
                            if !v.notes.isEmpty { " · "; small { v.notes } }
                            for n in 0..<v.photos {
                                " · ";
                                a(.href(.visitPhoto(v.recordID, String(n + 1))), Attr("target", "_blank")) {
                                    l.t("visit.photo", String(n + 1))
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}

extension SafetyViews {
    static let sheetLimit = 200
    static let blankRows = 8

    static func visitSheet(_ req: Request, _ c: Child, child: Person?, guardian: Person?, unitName: String, visits: [Visit]) -> Response {
        let l = req.lang
        let today = RegistryService.today(req.now)
        return Layout.page(req, title: l.t("visit.sheet")) {
            Layout.ledgerHead(
                req, title: l.t("visit.sheet"), scopeName: unitName + " " + (child?.name ?? ""), total: visits.count, shown: visits.count,
                back: SiteURL.child(c.recordID).path, metaKey: "visit.sheetMeta", backKey: "visit.sheetBack")
            table(.class("ledger sheet-facts")) {
                tbody {
                    tr {
                        th { l.t("children.name") }; td { child?.name ?? "" }
                        th { l.t("ledger.birth") };
                        td {
                            c.birthDate + (child?.birth.map { " (" + l.t("age.years", String(Age.years(born: $0, on: today))) + ")" } ?? "")
                        }
                        th { l.t("safety.tier") }; td { c.riskTier.map { l.t("tier." + $0) } ?? l.t("safety.notMonitored") }
                    }
                    tr {
                        th { l.t("children.guardian") }
                        td {
                            guardian.map { $0.name + " " + l.t("relation." + (c.guardianRelation ?? GuardianRelation.other.rawValue)) }
                                ?? l.t("children.noGuardian")
                        }
                        th { l.t("ledger.living") }; td { l.t("living." + c.livingArrangement) }
                        th { l.t("visit.nextDue") }; td { c.nextVisitDue ?? "" }
                    }
                }
            }
            // On a phone each visit reads as a card (`stack`); on paper it stays the ruled table.
            div(.class("table-wrap")) {
                table(.class("ledger stack")) {
                    thead {
                        tr {
                            th { l.t("ledger.no") }; th { l.t("visit.date") }; th { l.t("visit.mode") }
                            for k in VisitCheck.allCases { th { l.t("visit.check." + k.rawValue) } }
                            th { l.t("visit.notes") }; th { l.t("visit.by") }
                        }
                    }
                    tbody {
                        // Oldest first, as a paper record is kept.
                        for (i, v) in visits.reversed().enumerated() {
                            let checks = v.checks
                            tr {
                                td(.data("label", l.t("ledger.no"))) { String(i + 1) };
                                td(.data("label", l.t("visit.date"))) { v.visitedOn }
                                td(.data("label", l.t("visit.mode"))) { l.t("visit.mode." + v.mode) }
                                for k in VisitCheck.allCases {
                                    td(.data("label", l.t("visit.check." + k.rawValue))) {
                                        checks[k.rawValue].map { l.t($0 == CheckAnswer.ok.rawValue ? "visit.tick" : "visit.cross") } ?? ""
                                    }
                                }
                                td(.data("label", l.t("visit.notes"))) { v.notes }; td(.data("label", l.t("visit.by"))) { v.byName }
                            }
                        }
                        for i in 0..<blankRows {
                            tr(.class("blank noscreen")) {
                                td { String(visits.count + i + 1) }; td { "" }; td { "" }
                                for _ in VisitCheck.allCases { td { "" } }
                                td { "" }; td { "" }
                            }
                        }
                    }
                }
            }
            p(.class("ledger-sign")) { l.t("visit.sheetSign") }
        }
    }
}

/// An alert card's state classes, as the style sheet (`Assets`) and the browser tests know them: still someone's work
/// (and whether critical), or done.
enum AlertCardClass: String {
    case open, critical, done
}
