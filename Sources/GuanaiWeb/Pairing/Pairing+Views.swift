import Vapor
import GuanaiCore

/// The staff's pages for volunteers, pairs and suggestions, in the shared layout.
enum PairingViews {
    static func statusTag(_ l: UILanguage, _ status: PairStatus) -> Node {
        let cls = status == .active ? "tag" : status == .closed ? "tag off" : "tag warn"
        return span(.class(cls)) { l.t("pairStatus." + status.rawValue) }
    }

    static func skillText(_ l: UILanguage, _ v: Volunteer) -> String {
        v.skillList.map { l.t("skill." + $0.rawValue) }.joined(separator: l.t("list.sep"))
    }

    static func tabs(_ req: Request, _ on: SiteURL) -> Node {
        let l = req.lang
        return p(.class("crumbs")) {
            for (i, (u, k)) in [
                (SiteURL.volunteers, "nav.volunteers"), (.pairs, "pairing.pairs"), (.pairing, "pairing.suggest"),
                (.campaigns, "nav.campaigns"),
            ].enumerated() {
                if i > 0 { " · " }
                if u.path == on.path { strong { l.t(k) } } else { a(.href(u)) { l.t(k) } }
            }
        }
    }

    // MARK: pairs

    static func standingText(_ l: UILanguage, _ s: ContactStanding?) -> Node {
        guard let s else { return .empty }
        if let m = s.shortMonth {
            return span(.class("tag tier-critical")) { l.t("pair.overdue", m, String(s.missing), String(s.daysOverdue)) }
        }
        return span(.class(s.thisMonth >= s.thisMonthQuota ? "tag" : "tag warn")) {
            l.t("pair.thisMonth", String(s.thisMonth), String(s.thisMonthQuota))
        }
    }

    static func pairs(
        _ req: Request, _ items: [Pair], childNames: [ChildID: String], volunteerNames: [VolunteerID: String], unitNames: [String: String],
        standing: [PairID: ContactStanding],
        units: [(String, String)], unit: String, status: String, total: Int, page: Int
    ) -> Response {
        let l = req.lang
        return Layout.page(req, title: l.t("pairing.pairs")) {
            tabs(req, .pairs)
            h1 { l.t("pairing.pairs") }
            form(.method("get"), .action(.pairs), .class("filters")) {
                Forms.select(l, label: "children.unit", name: "unit", options: [("", l.t("children.allUnits"))] + units, selected: unit)
                Forms.select(
                    l, label: "pair.status", name: "status",
                    options: [("", l.t("pair.allStatuses"))] + PairStatus.allCases.map { ($0.rawValue, l.t("pairStatus." + $0.rawValue)) },
                    selected: status)
                button(.type("submit")) { l.t("form.search") }
            }
            p(.class("muted")) { l.t("list.total", String(total)) }
            div(.class("table-wrap")) {
                table(.class("stack")) {
                    thead {
                        tr {
                            th { l.t("pair.child") }; th { l.t("pair.volunteer") }; th { l.t("children.village") };
                            th { l.t("pair.status") }; th { l.t("pair.contacts") }
                        }
                    }
                    tbody {
                        for pr in items {
                            tr {
                                td(.data("label", l.t("pair.child"))) {
                                    a(.href(.pair(pr.recordID))) { childNames[pr.child] ?? "" }
                                }
                                td(.data("label", l.t("pair.volunteer"))) {
                                    a(.href(.volunteer(pr.volunteer))) { volunteerNames[pr.volunteer] ?? "" }
                                }
                                td(.data("label", l.t("children.village"))) { unitNames[pr.unitCode] ?? pr.unitCode }
                                td(.data("label", l.t("pair.status"))) { statusTag(l, pr.status) }
                                td(.data("label", l.t("pair.contacts"))) {
                                    standingText(l, standing[pr.recordID]);
                                    if let d = pr.lastContactOn { small(.class("muted")) { " " + l.t("pair.lastContact", d) } }
                                }
                            }
                        }
                    }
                }
            }
            Pager.render(l, req: req, page: page, per: 50, total: total)
        }
    }

    /// The contact form's date error goes by its own name: the check-in form beside it has a date too.
    static let contactDateError = "contactDate"

    static func contactFields(_ l: UILanguage, typed f: [String: String], errors e: [String: String], today: String) -> Node {
        typealias C = ContactForm.CodingKeys
        return group {
            Forms.field(
                l, label: "contact.date", name: C.date.rawValue, value: f[C.date.rawValue] ?? today, type: "date",
                error: e[contactDateError])
            Forms.select(
                l, label: "contact.mode", name: C.mode.rawValue,
                options: ContactMode.allCases.map { ($0.rawValue, l.t("contactMode." + $0.rawValue)) },
                selected: f[C.mode.rawValue] ?? ContactMode.visit.rawValue, error: e[C.mode.rawValue])
            Forms.field(
                l, label: "contact.minutes", name: C.minutes.rawValue, value: f[C.minutes.rawValue] ?? "60", type: "number",
                error: e[C.minutes.rawValue],
                extra: [Attr("inputmode", "numeric")])
            div(.class(e[C.notes.rawValue] == nil ? "field" : "field invalid")) {
                label(.for(C.notes.rawValue)) { l.t("visit.notes") }
                tag("textarea", [.id(C.notes.rawValue), .name(C.notes.rawValue), Attr("rows", "3")]) { f[C.notes.rawValue] ?? "" }
                if let err = e[C.notes.rawValue] { p(.class("field-error")) { err } }
            }
        }
    }

    static func pair(
        _ req: Request, _ pr: Pair, childName: String, volunteer v: Volunteer?, events: [PairEvent], contacts: [PairContact],
        checkins: [PairCheckin],
        standing: ContactStanding?, reminders: [PairReminder], errors e: [String: String], typed f: [String: String], status: HTTPStatus
    ) -> Response {
        let l = req.lang
        let actor = req.auth.get(Signer.self)
        let approve = actor?.can(.approve) == true
        let edit = actor.map { Policy.edits($0.role) } ?? false
        let id = pr.recordID
        let today = RegistryService.today(req.now).iso
        typealias A = PairActionForm.CodingKeys
        typealias H = CheckinForm.CodingKeys
        typealias C = ContactForm.CodingKeys
        func actionForm(_ action: PairAction, _ danger: Bool = false, @NodeBuilder _ extra: () -> Node = { .empty }) -> Node {
            GuanaiWeb.form(.method("post"), .action(.pairAct(id, action.rawValue))) {
                Forms.csrf(req)
                extra()
                button(.type("submit"), .class(danger ? "secondary" : "")) { l.t("pairAction." + action.rawValue) }
            }
        }
        return Layout.page(req, title: l.t("pair.title"), status: status) {
            div(.class("crumbs")) {
                a(.href(.pairs)) { l.t("pairing.pairs") }; " › "; span { childName }
            }
            h1 { childName + " · " + (v?.name ?? "") }
            p {
                statusTag(l, pr.status); " "; standingText(l, standing)
            }
            Forms.errorSummary(l, e, labelled: true)
            dl(.class("kv")) {
                dt { l.t("pair.child") }; dd { a(.href(.child(pr.child))) { childName } }
                dt { l.t("pair.volunteer") };
                dd {
                    a(.href(.volunteer(pr.volunteer))) { v?.name ?? "" }; if let ph = v?.phone { " · " + Masking.phone(ph) }
                }
                if let s = pr.startedOn { dt { l.t("pair.started") }; dd { s } }
                if let r = pr.closeReason {
                    dt { l.t("pair.closeReason") }; dd { l.t("closeReason." + r.rawValue) + (pr.closeNote.map { l.t("f.sep") + $0 } ?? "") }
                }
            }
            if edit || approve {
                section(.class("panel")) {
                    h2 { l.t("pair.actions") }
                    switch pr.status {
                    case .proposed:
                        if approve {
                            actionForm(.approve) {
                                Forms.field(
                                    l, label: "pair.startOn", name: A.startOn.rawValue, value: f[A.startOn.rawValue] ?? "", type: "date",
                                    error: e[A.startOn.rawValue],
                                    hint: l.t("pair.startOnHint"))
                            }
                        }
                    case .active:
                        actionForm(.pause, true) { Forms.field(l, label: "pair.note", name: A.note.rawValue, value: "") }
                    case .paused:
                        actionForm(.resume) { Forms.field(l, label: "pair.note", name: A.note.rawValue, value: "") }
                    case .closed:
                        if approve { actionForm(.reopen) { Forms.field(l, label: "pair.note", name: A.note.rawValue, value: "") } }
                    case .approved:
                        p(.class("muted")) { pr.startedOn.map { l.t("pair.waitingStartOn", $0) } ?? l.t("pair.waitingFirstContact") }
                    }
                    if pr.status != .closed {
                        details(.class("action")) {
                            summary { l.t("pairAction.close") }
                            GuanaiWeb.form(.method("post"), .action(.pairAct(id, PairAction.close.rawValue))) {
                                Forms.csrf(req)
                                Forms.select(
                                    l, label: "pair.closeReason", name: A.closeReason.rawValue,
                                    options: [("", l.t("form.choose"))]
                                        + PairCloseReason.allCases.map { ($0.rawValue, l.t("closeReason." + $0.rawValue)) },
                                    selected: f[A.closeReason.rawValue] ?? "", error: e[A.closeReason.rawValue], required: true)
                                Forms.field(
                                    l, label: "pair.closeNote", name: A.note.rawValue, value: f[A.note.rawValue] ?? "", required: true,
                                    error: e[A.note.rawValue])
                                button(.type("submit"), .class("secondary")) { l.t("pairAction.close") }
                            }
                        }
                    }
                }
            }
            section(.class("panel")) {
                h2 { l.t("pair.contacts") }
                if contacts.isEmpty { p(.class("muted")) { l.t("pair.noContacts") } }
                ul {
                    for k in contacts.prefix(20) {
                        li {
                            k.onDate + " · " + l.t("contactMode." + k.mode.rawValue) + " · "
                                + l.t("contact.minutesValue", String(k.minutes)) + (k.notes.isEmpty ? "" : l.t("f.sep") + k.notes)
                            small(.class("muted")) { " " + k.byName + (k.onBehalf ? l.t("contact.onBehalfMark") : "") }
                        }
                    }
                }
                if edit && (pr.status == .approved || pr.status == .active) {
                    details(
                        .class("action"),
                        Attr.when(
                            e[C.mode.rawValue] != nil || e[contactDateError] != nil
                                || e[C.minutes.rawValue] != nil || e[C.notes.rawValue] != nil, Attr("open", nil))
                    ) {
                        summary { l.t("pair.recordOnBehalf") }
                        GuanaiWeb.form(.method("post"), .action(.pairContact(id))) {
                            Forms.csrf(req)
                            contactFields(l, typed: f, errors: e, today: today)
                            button(.type("submit")) { l.t("form.save") }
                        }
                    }
                }
            }
            section(.class("panel")) {
                h2 { l.t("pair.checkins") }
                p(.class("muted")) { l.t("pair.checkinsIntro") }
                ul {
                    for k in checkins {
                        li {
                            k.onDate + " · " + l.t("checkin." + k.withWhom.rawValue) + l.t("f.sep") + k.notes
                            small(.class("muted")) { " " + k.byName }
                        }
                    }
                }
                if edit {
                    details(
                        .class("action"),
                        Attr.when(
                            e[H.checkinNotes.rawValue] != nil || e[H.with.rawValue] != nil || e[H.checkinDate.rawValue] != nil,
                            Attr("open", nil))
                    ) {
                        summary { l.t("pair.addCheckin") }
                        GuanaiWeb.form(.method("post"), .action(.pairCheckin(id))) {
                            Forms.csrf(req)
                            Forms.select(
                                l, label: "pair.checkinWith", name: H.with.rawValue,
                                options: CheckinWith.allCases.map { ($0.rawValue, l.t("checkin." + $0.rawValue)) },
                                selected: f[H.with.rawValue] ?? CheckinWith.volunteer.rawValue, error: e[H.with.rawValue])
                            Forms.field(
                                l, label: "pair.checkinDate", name: H.checkinDate.rawValue, value: f[H.checkinDate.rawValue] ?? today,
                                type: "date",
                                error: e[H.checkinDate.rawValue])
                            Forms.field(
                                l, label: "pair.checkinNotes", name: H.checkinNotes.rawValue, value: f[H.checkinNotes.rawValue] ?? "",
                                required: true,
                                error: e[H.checkinNotes.rawValue])
                            button(.type("submit"), .class("secondary")) { l.t("form.save") }
                        }
                    }
                }
            }
            if !reminders.isEmpty {
                section(.class("panel")) {
                    h2 { l.t("pair.reminders") }
                    ul {
                        for r in reminders {
                            li {
                                l.t("pair.reminderLine", r.month, l.t("reminderLevel." + r.level.rawValue), String(r.daysOverdue))
                                small(.class("muted")) { " " + SafetyViews.time(r.createdAt) }
                            }
                        }
                    }
                }
            }
            section(.class("panel")) {
                h2 { l.t("pair.history") }
                ul {
                    for ev in events {
                        li {
                            SafetyViews.time(ev.at) + " · " + (ev.fromStatus.map { l.t("pairStatus." + $0.rawValue) + " → " } ?? "")
                                + l.t("pairStatus." + ev.toStatus.rawValue) + (ev.note.isEmpty ? "" : l.t("f.sep") + ev.note)
                            small(.class("muted")) { " " + ev.byName }
                        }
                    }
                }
            }
        }
    }

    /// The pairs of one child, on her page: the history shows there too.
    static func childPanel(_ req: Request, pairs: [Pair], volunteers: [VolunteerID: String]) -> Node {
        let l = req.lang
        return div(.class("panel")) {
            h3 { l.t("pair.childPanel") }
            if pairs.isEmpty { p(.class("muted")) { l.t("pair.childNone") } }
            ul {
                for pr in pairs {
                    li {
                        a(.href(.pair(pr.recordID))) { volunteers[pr.volunteer] ?? "" }; " "; statusTag(l, pr.status);
                        small(.class("muted")) { " " + (pr.startedOn.map { l.t("pair.startedOn", $0) } ?? "") }
                    }
                }
            }
        }
    }

    // MARK: suggestions

    static func suggestions(
        _ req: Request, units: [(String, String)], unit: String, result: SuggestionsDTO?, names: [ChildID: String],
        volunteers: [VolunteerID: Volunteer],
        flash: String?, errors e: [String: String], status: HTTPStatus = .ok
    ) -> Response {
        let l = req.lang
        let approve = req.auth.get(Signer.self)?.can(.approve) == true
        return Layout.page(req, title: l.t("pairing.suggest"), status: status) {
            tabs(req, .pairing)
            h1 { l.t("pairing.suggest") }
            p(.class("muted")) { l.t("pairing.suggestIntro") }
            Forms.flash(flash)
            form(.method("get"), .action(.pairing), .class("filters")) {
                Forms.select(
                    l, label: "pairing.unit", name: SuggestionsForm.CodingKeys.unit.rawValue, options: [("", l.t("form.choose"))] + units,
                    selected: unit, error: e[SuggestionsForm.CodingKeys.unit.rawValue])
                button(.type("submit")) { l.t("pairing.compute") }
            }
            if let r = result {
                p {
                    l.t("pairing.summary", String(r.children), String(r.volunteers), String(r.suggestions.count), String(r.unpaired.count))
                }
                if r.suggestions.isEmpty {
                    p(.class("muted")) { l.t(r.volunteers == 0 ? "pairing.noVolunteers" : "pairing.nothing") }
                } else {
                    GuanaiWeb.form(.method("post"), .action(.pairingApprove)) {
                        Forms.csrf(req)
                        input(.type("hidden"), .name(SuggestionsForm.CodingKeys.unit.rawValue), .value(unit))
                        div(.class("table-wrap")) {
                            table(.class("stack")) {
                                thead {
                                    tr {
                                        th { l.t("pairing.take") }; th { l.t("pair.child") }; th { l.t("pair.volunteer") };
                                        th { l.t("pairing.why") }; th { "" }
                                    }
                                }
                                tbody {
                                    for s in r.suggestions {
                                        let cid = ChildID(s.childId), vid = VolunteerID(s.volunteerId)
                                        let value = s.childId + ":" + s.volunteerId + ":" + String(s.cost)
                                        tr {
                                            td(.data("label", l.t("pairing.take"))) {
                                                label(.class("check")) {
                                                    tag(
                                                        "input",
                                                        [
                                                            .type("checkbox"), .name(SuggestionsForm.CodingKeys.pick.rawValue),
                                                            .value(value), .checked,
                                                        ]);
                                                    " " + l.t("pairing.takeThis")
                                                }
                                            }
                                            td(.data("label", l.t("pair.child"))) {
                                                a(.href(.child(cid))) { cid.flatMap { names[$0] } ?? "" }
                                            }
                                            td(.data("label", l.t("pair.volunteer"))) {
                                                a(.href(.volunteer(vid))) { vid.flatMap { volunteers[$0]?.name } ?? "" }
                                            }
                                            td(.data("label", l.t("pairing.why"))) {
                                                s.reasons.map(\.message).joined(separator: l.t("list.sep"))
                                            }
                                            td {
                                                if approve {
                                                    button(
                                                        .type("submit"), .name(SuggestionsForm.CodingKeys.only.rawValue), .value(value),
                                                        .class("small secondary")
                                                    ) {
                                                        l.t("pairing.approveOne")
                                                    }
                                                }
                                            }
                                        }
                                    }
                                }
                            }
                        }
                        if approve {
                            button(.type("submit")) { l.t("pairing.approveChecked") }
                        } else {
                            p(.class("muted")) { l.t("pairing.needApprover") }
                        }
                    }
                }
                if !r.unpaired.isEmpty {
                    section(.class("panel")) {
                        h2 { l.t("pairing.unpaired") }
                        p(.class("muted")) { l.t("pairing.unpairedIntro") }
                        ul { for c in r.unpaired.compactMap({ ChildID($0) }) { li { a(.href(.child(c))) { names[c] ?? "" } } } }
                    }
                }
            }
        }
    }
}
