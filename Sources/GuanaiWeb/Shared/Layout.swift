import Vapor
import GuanaiCore

/// The page frame: header with who is signed in and where, navigation by role, language switch.
enum Layout {
    struct NavItem { let key: String; let url: SiteURL; let kind: RecordKind?; var hiddenFor: Set<Role> = [] }

    static let navItems: [NavItem] = [
        NavItem(key: "nav.home", url: .home, kind: nil, hiddenFor: [.volunteer]),
        // partner_hr and partner_health have no alerts but reminders (late repayments, late follow-up steps): 我的提醒
        // is theirs too (`ReminderSubject.reach`).
        NavItem(key: "nav.inbox", url: .inbox, kind: nil, hiddenFor: [.volunteer]),
        NavItem(key: "nav.board", url: .board, kind: .child, hiddenFor: [.volunteer]),
        NavItem(key: "nav.children", url: .children, kind: .child, hiddenFor: [.volunteer]),
        NavItem(key: "nav.women", url: .women, kind: .woman),
        NavItem(key: "nav.households", url: .households, kind: .household, hiddenFor: [.volunteer]),
        NavItem(key: "nav.volunteers", url: .volunteers, kind: .volunteer, hiddenFor: [.volunteer]),
        NavItem(key: "nav.stations", url: .stations, kind: .station, hiddenFor: [.volunteer]),
        NavItem(key: "nav.neighbours", url: .neighbourGroups, kind: .group, hiddenFor: [.volunteer]),
        NavItem(key: "nav.courses", url: .courses, kind: .employment, hiddenFor: [.volunteer]),
        NavItem(key: "nav.jobFairs", url: .jobFairs, kind: .employment, hiddenFor: [.volunteer]),
        NavItem(key: "nav.loans", url: .loans, kind: .employment, hiddenFor: [.volunteer]),
        NavItem(key: "nav.rights", url: .rights, kind: .rights, hiddenFor: [.volunteer]),
        NavItem(key: "nav.health", url: .health, kind: .health, hiddenFor: [.volunteer]),
        NavItem(key: "nav.desk", url: .desk, kind: .pair, hiddenFor: Set(Role.allCases).subtracting([.volunteer])),
        NavItem(key: "nav.units", url: .units, kind: .unit),
        NavItem(key: "nav.accounts", url: .accounts, kind: .account),
        NavItem(key: "nav.audit", url: .audit, kind: .audit),
    ]

    static func page(_ req: Request, title: String, status: HTTPStatus = .ok, @NodeBuilder _ content: () -> Node) -> Response {
        let l = req.lang
        let actor = req.auth.get(Signer.self)
        let body = group {
            header(.class("top")) {
                a(.class("brand"), .href(.home)) { l.t("app.name") }
                if let a0 = actor {
                    span(.class("who")) { a0.unitName + " · " + a0.displayName + " (" + l.t("role." + a0.role.rawValue) + ")" }
                }
                span(.class("langs")) {
                    a(.href(SiteURL.lang("zh-Hans").with(query: [("back", req.url.string)])), .lang("zh-Hans")) { l.t("lang.zh") }
                    " | "
                    a(.href(SiteURL.lang("en").with(query: [("back", req.url.string)])), .lang("en")) { l.t("lang.en") }
                }
            }
            if let a0 = actor {
                nav(.class("menu"), .aria("label", l.t("nav.label"))) {
                    for item in navItems where (item.kind.map(a0.canRead) ?? true) && !item.hiddenFor.contains(a0.role) {
                        a(
                            .href(item.url),
                            .class(
                                req.url.path == item.url.path || (item.url.path != "/" && req.url.path.hasPrefix(item.url.path)) ? "on" : ""
                            )
                        ) { l.t(item.key) }
                    }
                    a(.href(.changePassword)) { l.t("nav.password") }
                    form(.method("post"), .action(.logout), .class("inline")) {
                        input(.type("hidden"), .name("_csrf"), .value(a0.csrf))
                        button(.type("submit"), .class("link")) { l.t("nav.logout") }
                    }
                }
            }
            main(.id("main")) { content() }
            footer { l.t("app.footer") }
        }
        let head = """
            <!doctype html><html lang="\(l.rawValue)"><head><meta charset="utf-8">\
            <meta name="viewport" content="width=device-width, initial-scale=1">\
            <title>\(escape(title)) · \(escape(l.t("app.name")))</title>\
            <link rel="stylesheet" href="\(SiteURL.staticCSS.path)"><script src="\(SiteURL.staticJS.path)" defer></script>\
            </head><body>
            """
        let html = head + body.html + "</body></html>"
        let res = Response(status: status, body: .init(string: html))
        res.headers.contentType = .html
        return res
    }
}

enum ErrorPage {
    /// `fields`: what was wrong, field by field (a form refused before its page could be drawn again).
    static func render(_ req: Request, status: HTTPStatus, message: String, fields: [(String, String)] = []) -> Response {
        let l = req.lang
        return Layout.page(req, title: l.t("error.title"), status: status) {
            h1 { l.t("error.title") + " " + String(status.code) }
            p(.class("error-message")) { message }
            if !fields.isEmpty {
                ul {
                    for (f, m) in fields {
                        li {
                            let name = Forms.fieldLabel(l, f); (name.isEmpty ? f : name) + l.t("f.sep") + m
                        }
                    }
                }
                p { l.t("error.goBack") }
            }
            p { a(.href(.home)) { l.t("error.backHome") } }
        }
    }
}

/// Form pieces that every page shares: a labelled input with its error beside it, keeping what was typed.
enum Forms {
    /// Vapor's form decoder without array separators: a checkbox's value or a typed text with a comma is one value.
    static let decoder = URLEncodedFormDecoder(configuration: .init(arraySeparators: []))

    /// A decoded form back as name → value (the last of a repeated name), for a page that shows it again as typed.
    static func typed(_ form: some Encodable) -> [String: String] {
        typedValues(form).compactMapValues(\.last)
    }

    static func typedValues(_ form: some Encodable) -> [String: [String]] {
        (try? URLEncodedFormEncoder(configuration: .init(arrayEncoding: .values)).encode(form)).map(Request.parseForm) ?? [:]
    }

    /// Fields already read (a multipart form's) written back as a form body for `decoder`; every character but the
    /// unreserved ones is escaped, so what was typed comes back as typed.
    static func encoded(_ fields: [String: [String]]) -> String {
        var plain = CharacterSet.alphanumerics.intersection(CharacterSet(charactersIn: Unicode.Scalar(0)..<Unicode.Scalar(128)))
        plain.insert(charactersIn: "-._~")
        func esc(_ s: String) -> String { s.addingPercentEncoding(withAllowedCharacters: plain) ?? "" }
        return fields.sorted { $0.key < $1.key }.flatMap { k, vs in vs.map { esc(k) + "=" + esc($0) } }.joined(separator: "&")
    }

    static func csrf(_ req: Request) -> Node {
        input(.type("hidden"), .name("_csrf"), .value(req.auth.get(Signer.self)?.csrf ?? ""))
    }

    /// `id` defaults to the name; a page with several small forms posting the same names passes its own, so each
    /// label points at its own field.
    static func field(
        _ l: UILanguage, label key: String, name: String, value: String = "", type: String = "text", required: Bool = false,
        error: String? = nil, hint: String? = nil, extra: [Attr] = [], id: String? = nil
    ) -> Node {
        let id = id ?? name
        return div(.class(error == nil ? "field" : "field invalid")) {
            label(.for(id)) {
                l.t(key)
                if required { span(.class("req"), .aria("hidden", "true")) { " *" } }
            }
            tag(
                "input",
                [
                    .type(type), .id(id), .name(name), .value(value), Attr.when(required, .required),
                    Attr.when(error != nil, .aria("invalid", "true")), Attr.when(error != nil, .aria("describedby", id + "-error")),
                ] + extra)
            if let h = hint { small(.class("hint")) { h } }
            if let e = error { p(.class("field-error"), .id(id + "-error")) { e } }
        }
    }

    static func select(
        _ l: UILanguage, label key: String, name: String, options: [(String, String)], selected: String, error: String? = nil,
        required: Bool = false, id: String? = nil
    ) -> Node {
        let id = id ?? name
        return div(.class(error == nil ? "field" : "field invalid")) {
            label(.for(id)) {
                l.t(key)
                if required { span(.class("req"), .aria("hidden", "true")) { " *" } }
            }
            tag("select", [.id(id), .name(name), Attr.when(error != nil, .aria("invalid", "true"))]) {
                for (v, text) in options {
                    tag("option", [.value(v), Attr.when(v == selected, .selected)]) { text }
                }
            }
            if let e = error { p(.class("field-error"), .id(id + "-error")) { e } }
        }
    }

    /// A record's plain fields as form controls: text as a labelled input, a count as a number, a flag as a
    /// checkbox posting `1`.
    static func details<F: RecordDetail>(_ l: UILanguage, _ fields: [F] = F.allCases, value: (String) -> String, errors: [String: String])
        -> Node
    {
        group {
            for f in fields {
                switch f.kind {
                case .text: field(l, label: f.labelKey, name: f.rawValue, value: value(f.rawValue), error: errors[f.rawValue])
                case .count:
                    field(l, label: f.labelKey, name: f.rawValue, value: value(f.rawValue), type: "number", error: errors[f.rawValue])
                case .flag:
                    div(.class("field check")) {
                        label {
                            let on = value(f.rawValue) == "1"
                            tag("input", [.type("checkbox"), .name(f.rawValue), .value("1"), Attr.when(on, .checked)]);
                            " " + l.t(f.labelKey)
                        }
                    }
                }
            }
        }
    }

    /// The plain fields as a form shows them back: text as stored, a count as a number, a flag `1` or blank.
    static func shown<F: RecordDetail>(_ d: Details<F>) -> [String: String] {
        var out: [String: String] = [:]
        for f in F.allCases {
            switch f.kind {
            case .text: out[f.rawValue] = d[text: f] ?? ""
            case .flag: out[f.rawValue] = d[flag: f] ? "1" : ""
            case .count: out[f.rawValue] = String(d[count: f])
            }
        }
        return out
    }

    /// One line for a record's page: its texts, then the label of each flag that is set ("镇小学 三年级 · 寄宿"); none
    /// when no text is given.
    static func detailLine<F: RecordDetail>(_ l: UILanguage, _ d: Details<F>) -> String? {
        let texts = F.texts.compactMap { d[text: $0] }
        guard !texts.isEmpty else { return nil }
        return texts.joined(separator: " ") + F.flags.filter { d[flag: $0] }.map { " · " + l.t($0.labelKey) }.joined()
    }

    /// The hidden twin of a quick form's field: the value the person saw. The handler changes only the fields whose
    /// posted value differs from it, so a save never resets what the form merely displayed, and a value changed by
    /// someone else since the page was drawn is not written back over.
    static func was(_ name: String, _ value: String) -> Node {
        tag("input", [.type("hidden"), .name(name + wasSuffix), .value(value)])
    }

    /// The name of a field's twin; the form struct reads both (`Twins`, `KeyedDecodingContainer.changed`).
    static let wasSuffix = ".was"
    /// What a ticked checkbox posts.
    static let on = "1"

    /// With `labelled`, each message in the summary names its field ("父亲 · 姓名：此项必须填写"), for forms whose
    /// messages are generic; the message beside the field needs no label.
    static func errorSummary(_ l: UILanguage, _ errors: [String: String], labelled: Bool = false) -> Node {
        group {
            if !errors.isEmpty {
                div(.class("alert"), Attr("role", "alert")) {
                    p { l.t("form.fixErrors") }
                    ul {
                        for (f, m) in errors.sorted(by: { $0.key < $1.key }) {
                            let name = labelled ? fieldLabel(l, f) : ""
                            li { name.isEmpty ? m : name + l.t("f.sep") + m }
                        }
                    }
                }
            }
        }
    }

    static let sectionKeys: [PersonSection: String] = [
        .father: "children.father", .mother: "children.mother", .guardian: "children.guardianSection", .husband: "women.husband",
    ]
    static let fieldKeys = [
        "name": "person.name", "idNumber": "person.idNumber", "sex": "person.sex", "birthDate": "person.birthDate",
        "villageCode": "children.village",
        "hukou": "person.hukou", PersonField.health.rawValue: "person.health", PersonField.phone.rawValue: "person.phone",
        "ethnicity": "person.ethnicity",
        "situation": "parent.situation",
        "workPlace": "parent.workPlace", "since": "parent.since", "relation": "guardian.relation", "livingArrangement": "children.living",
        "needs": "children.needs", "improperNote": "children.improperNote", "informedOn": "children.informedOn",
        "poverty": "household.poverty",
        "kind": "intake.kind", IntakeUploadForm.CodingKeys.unit.rawValue: "intake.unit", "file": "intake.file", "photos": "visit.photos",
        "date": "visit.date", "mode": "visit.mode", "notes": "visit.notes", AlertForm.CodingKeys.plan.rawValue: "alert.plan",
        "note": "alert.note",
        "reporter": "report.reporter", "reportedAt": "report.reportedAt", "seen": "report.seen", "policeReportNo": "report.policeReportNo",
        "action": "report.action", "doneAt": "report.doneAt",
        "oldGuardianAge": "settings.oldGuardianAge", "youngChildAge": "settings.youngChildAge", "noContactDays": "settings.noContactDays",
        "criticalDays": "settings.criticalDays", "criticalWithPlanDays": "settings.criticalWithPlanDays", "highDays": "settings.highDays",
        "mediumDays": "settings.mediumDays", "normalDays": "settings.normalDays", "acknowledgeHours": "settings.acknowledgeHours",
        "firstVisitHours": "settings.firstVisitHours",
        "unitCode": "volunteer.unit", "capacity": "volunteer.capacity", "account": "volunteer.account", "skills": "volunteer.skills",
        "latitude": "volunteer.latitude",
        "longitude": "volunteer.longitude", "on": "volunteer.screenedOn", "closeReason": "pair.closeReason",
        "checkinNotes": "pair.checkinNotes", "checkinDate": "pair.checkinDate", "contactDate": "contact.date",
        "with": "pair.checkinWith", "minutes": "contact.minutes", "startOn": "pair.startOn",
        "overdueTownshipDays": "settings.overdueTownshipDays", "overdueCityDays": "settings.overdueCityDays",
    ]

    static func fieldLabel(_ l: UILanguage, _ field: String) -> String {
        let parts = field.split(separator: ".").map(String.init)
        guard let last = parts.last, let key = fieldKeys[last] ?? DetailLabels.key(last) else { return "" }
        if parts.count == 2, let section = PersonSection(rawValue: parts[0]).flatMap({ sectionKeys[$0] }) {
            return l.t(section) + " · " + l.t(key)
        }
        return l.t(key)
    }

    static func flash(_ message: String?) -> Node {
        group { if let m = message, !m.isEmpty { div(.class("flash"), Attr("role", "status")) { m } } }
    }
}

extension Layout {
    /// The head of every printed 台账: scope, title, date and count, a print button and the way back (not printed).
    static func ledgerHead(
        _ req: Request, title: String, scopeName: String, total: Int, shown: Int, back: String,
        metaKey: String = "ledger.meta", backKey: String = "ledger.back"
    ) -> Node {
        let l = req.lang
        return div(.class("ledger-head")) {
            h1 { scopeName + " " + title }
            p { l.t(metaKey, RegistryService.today(req.now).iso, String(total)) }
            if total > shown { p(.class("error-message")) { l.t("ledger.truncated", String(shown)) } }
            p(.class("noprint")) {
                button(.type("button"), .class("btn"), .data("print", "1")) { l.t("ledger.printNow") }; " "; a(.href(back)) { l.t(backKey) }
            }
        }
    }

}
