import Vapor
import GuanaiCore

enum RegistryViews {
    static func options<T: RawRepresentable & CaseIterable>(_ l: UILanguage, _ prefix: String, _ t: T.Type, blank: Bool = true) -> [(
        String, String
    )] where T.RawValue == String {
        (blank ? [("", l.t("form.choose"))] : []) + T.allCases.map { ($0.rawValue, l.t(prefix + $0.rawValue)) }
    }

    static func categoryTags(_ l: UILanguage, _ cats: [String], status: String) -> Node {
        group {
            if status == ChildStatus.exited.rawValue { span(.class("tag off")) { l.t("status.exited") } }
            for c in cats { span(.class(c == ChildCategory.leftBehind.rawValue ? "tag" : "tag warn")) { l.t("category." + c) }; " " }
        }
    }

    // MARK: list

    static func list(
        _ req: Request, filter f: ChildFilter, items: [Child], people: [PersonID: Person], unitNames: [String: String],
        villages: [(String, String)],
        total: Int, page: Int, today: CivilDate, canEdit: Bool
    ) -> Response {
        let l = req.lang
        let cats = [("", l.t("children.anyCategory"))] + ChildCategory.allCases.map { ($0.rawValue, l.t("category." + $0.rawValue)) }
        let bands = [
            ("", l.t("children.anyAge")), ("0-5", l.t("age.0-5")), ("6-13", l.t("age.6-13")), ("14-15", l.t("age.14-15")),
            ("16-17", l.t("age.16-17")),
        ]
        let exited = [("", l.t("children.current")), ("1", l.t("status.exited")), ("all", l.t("children.everyone"))]
        let needs = [("", l.t("children.anyNeed"))] + ChildNeed.allCases.map { ($0.rawValue, l.t("need." + $0.rawValue)) }
        return Layout.page(req, title: l.t("children.title")) {
            h1 { l.t("children.title") }
            if canEdit {
                p {
                    a(.class("btn"), .href(.childNew)) { l.t("children.new") }; " "; IntakeViews.importLink(req, .children)
                }
            }
            tag("details", [.class("action"), Attr.when(!f.isEmpty, Attr("open", nil))]) {
                summary { l.t("audit.filter") }
                form(.method("get"), .action(.children), .class("filters")) {
                    Forms.field(l, label: "children.search", name: "q", value: f.q, hint: l.t("children.searchHint"))
                    Forms.select(
                        l, label: "children.unit", name: "unit", options: [("", l.t("children.allUnits"))] + villages, selected: f.unit)
                    Forms.select(l, label: "children.category", name: "category", options: cats, selected: f.category)
                    Forms.select(l, label: "children.age", name: "age", options: bands, selected: f.ageBand)
                    Forms.select(l, label: "children.need", name: "need", options: needs, selected: f.need)
                    Forms.select(l, label: "children.guardianAge", name: "guardianAge", options: guardianAges(l), selected: f.guardianAge)
                    Forms.select(
                        l, label: "children.guardianHealth", name: "guardianHealth", options: guardianHealths(l), selected: f.guardianHealth
                    )
                    Forms.select(
                        l, label: "children.tier", name: "tier",
                        options: [("", l.t("children.anyTier"))]
                            + RiskTier.allCases.reversed().map { ($0.rawValue, l.t("tier." + $0.rawValue)) }, selected: f.tier)
                    Forms.select(l, label: "children.status", name: "exited", options: exited, selected: f.exited)
                    Forms.select(
                        l, label: "children.sort", name: "sort",
                        options: ChildSort.allCases.map { ($0.rawValue, l.t("children.sort." + $0.rawValue)) }, selected: f.sort.rawValue)
                    button(.type("submit")) { l.t("form.search") }
                }
            }
            p(.class("muted")) {
                l.t("list.total", String(total))
                if total > 0 {
                    " · "; a(.href(SiteURL.childrenPrint.with(query: filterQuery(f)))) { l.t("ledger.print") };
                    IntakeViews.exportLinks(req, .childrenExport, filterQuery(f))
                }
            }
            div(.class("table-wrap")) {
                table(.class("stack")) {
                    thead {
                        tr {
                            th { l.t("children.name") }; th { l.t("children.sexAge") }; th { l.t("children.idNumber") };
                            th { l.t("children.village") }; th { l.t("children.guardian") }; th { l.t("children.category") };
                            th { l.t("children.tier") }
                        }
                    }
                    tbody {
                        for c in items {
                            let me = people[c.person]
                            let g = c.guardian.flatMap { people[$0] }
                            let age = Age.years(born: CivilDate(iso: c.birthDate) ?? today, on: today)
                            tr {
                                td(.data("label", l.t("children.name"))) { a(.href(.child(c.recordID))) { me?.name ?? "" } }
                                td(.data("label", l.t("children.sexAge"))) {
                                    l.t("sex." + (me?.sex ?? Sex.female.rawValue)) + " · " + l.t("age.years", String(age))
                                }
                                td(.data("label", l.t("children.idNumber"))) {
                                    tag("code", []) { me?.idNumber.map(Masking.idNumber) ?? "" }
                                }
                                td(.data("label", l.t("children.village"))) { unitNames[c.unitCode] ?? c.unitCode }
                                td(.data("label", l.t("children.guardian"))) {
                                    g.map {
                                        $0.name + " (" + l.t("relation." + (c.guardianRelation ?? GuardianRelation.other.rawValue)) + ")"
                                    } ?? ""
                                }
                                td(.data("label", l.t("children.category"))) {
                                    categoryTags(l, c.categoryList.map(\.rawValue), status: c.status.rawValue)
                                }
                                td(.data("label", l.t("children.tier"))) {
                                    if let t = c.tier { span(.class("tag tier-" + t.rawValue)) { l.t("tier." + t.rawValue) } }
                                }
                            }
                        }
                    }
                }
            }
            Pager.render(l, req: req, page: page, per: 50, total: total)
        }
    }

    static func guardianAges(_ l: UILanguage) -> [(String, String)] {
        [("", l.t("children.anyGuardian"))] + ChildFilter.guardianAgeChoices.map { ($0, l.t("children.guardianAge." + $0)) }
    }

    static func guardianHealths(_ l: UILanguage) -> [(String, String)] {
        [("", l.t("children.anyGuardian")), ("poor", l.t("children.guardianHealth.poor"))]
            + Health.allCases.map { ($0.rawValue, l.t("health." + $0.rawValue)) }
    }

    /// The filter as query items, so the print view and the pager read the same list.
    static func filterQuery(_ f: ChildFilter) -> [(String, String)] {
        [
            ("unit", f.unit), ("category", f.category), ("exited", f.exited), ("q", f.q), ("age", f.ageBand), ("need", f.need),
            ("guardianAge", f.guardianAge), ("guardianHealth", f.guardianHealth), ("tier", f.tier),
            ("sort", f.sort == .village ? "" : f.sort.rawValue),
        ].filter { !$0.1.isEmpty }
    }

    // MARK: 台账 (A4 landscape)

    static let ledgerLimit = 5000

    static func ledger(
        _ req: Request, filter f: ChildFilter, scopeName: String, items: [Child], people: [PersonID: Person], unitNames: [String: String],
        total: Int, today: CivilDate
    ) -> Response {
        let l = req.lang
        func parentText(_ id: PersonID?, _ situation: String?, _ place: String?) -> String {
            let name = id.flatMap { people[$0]?.name } ?? ""
            let sit = situation.map { l.t("situation." + $0) } ?? ""
            return [name, sit, place ?? ""].filter { !$0.isEmpty }.joined(separator: " ")
        }
        return Layout.page(req, title: l.t("ledger.title")) {
            Layout.ledgerHead(
                req, title: l.t("ledger.title"), scopeName: scopeName, total: total, shown: items.count,
                back: SiteURL.children.with(query: filterQuery(f)))
            div(.class("table-wrap")) {
                table(.class("ledger")) {
                    thead {
                        tr {
                            for k in [
                                "ledger.no", "children.name", "ledger.sex", "ledger.birth", "children.idNumber", "children.village",
                                "ledger.father", "ledger.mother", "children.guardian", "ledger.living", "children.category",
                                "children.need",
                            ] { th { l.t(k) } }
                        }
                    }
                    tbody {
                        for (i, c) in items.enumerated() {
                            let me = people[c.person]
                            let g = c.guardian.flatMap { people[$0] }
                            tr {
                                td { String(i + 1) }
                                td { me?.name ?? "" }
                                td { l.t("sex." + (me?.sex ?? Sex.female.rawValue)) }
                                td { c.birthDate }
                                td { me?.idNumber.map(Masking.idNumber) ?? "" }
                                td { unitNames[c.unitCode] ?? c.unitCode }
                                td { parentText(c.father, c.fatherSituation, c.fatherWorkPlace) }
                                td { parentText(c.mother, c.motherSituation, c.motherWorkPlace) }
                                td {
                                    g.map {
                                        $0.name + " " + l.t("relation." + (c.guardianRelation ?? GuardianRelation.other.rawValue))
                                            + (($0.birth.map { " " + l.t("age.years", String(Age.years(born: $0, on: today))) }) ?? "")
                                            + ($0.healthValue == .healthy ? "" : " " + l.t("health." + $0.health))
                                    } ?? ""
                                }
                                td { l.t("living." + c.livingArrangement) }
                                td {
                                    ((c.status == .exited ? [l.t("status.exited")] : [])
                                        + c.categoryList.map { l.t("category." + $0.rawValue) }).joined(separator: l.t("list.sep"))
                                }
                                td { c.needList.map { l.t("need." + $0.rawValue) }.joined(separator: l.t("list.sep")) }
                            }
                        }
                    }
                }
            }
            p(.class("ledger-sign")) { l.t("ledger.sign") }
        }
    }

    // MARK: detail

    static func detail(
        _ req: Request, _ c: ChildDTO, unitName: String, revealed: Person?, timeline: [AuditEntry], names: AuditNames = .empty,
        visits: [Visit] = [], reports: [Report] = [], pairing: Node = .empty, errors: [String: String], status: HTTPStatus
    ) -> Response {
        let l = req.lang
        let actor = req.auth.get(Signer.self)
        let edit = actor.map { Policy.edits($0.role) } ?? false
        let canReveal = actor?.can(.revealID) ?? false
        let here = SiteURL.child(c.recordID).path
        func revealButton(_ personID: String?, _ masked: String?) -> Node {
            group {
                if canReveal, masked != nil, let pid = personID.flatMap({ PersonID($0) }), revealed?.id != pid.uuid {
                    form(.method("post"), .action(.personReveal(pid)), .class("inline")) {
                        Forms.csrf(req)
                        input(.type("hidden"), .name(ChildCorrectionForm.CodingKeys.child.rawValue), .value(c.id))
                        button(.type("submit"), .class("secondary small")) { l.t("accounts.reveal") }
                    }
                }
            }
        }
        func idText(_ personID: String?, _ masked: String?) -> String {
            if let r = revealed, r.id?.uuidString == personID { return (r.idNumber ?? "") + (r.phone.map { " · " + $0 } ?? "") }
            return masked ?? ""
        }
        /// Shows the stored state and sends back what was shown, so changing one field leaves the other as stored.
        func personStateForm(_ id: String?, vital: String, health: String, key: PersonSection) -> Node {
            group {
                if edit, let id = id.flatMap({ PersonID($0) }) {
                    form(.method("post"), .action(.personUpdate(id)), .class("quick")) {
                        Forms.csrf(req)
                        input(.type("hidden"), .name(PersonKey.back.rawValue), .value(here))
                        Forms.was(PersonKey.vitalStatus.rawValue, vital)
                        Forms.was(PersonKey.health.rawValue, health)
                        Forms.select(
                            l, label: "person.vitalStatus", name: PersonKey.vitalStatus.rawValue,
                            options: options(l, "vital.", VitalStatus.self, blank: false), selected: vital,
                            id: key.rawValue + "-" + PersonKey.vitalStatus.rawValue)
                        Forms.select(
                            l, label: "person.health", name: PersonKey.health.rawValue,
                            options: options(l, "health.", Health.self, blank: false),
                            selected: health, id: key.rawValue + "-" + PersonKey.health.rawValue)
                        button(.type("submit"), .class("secondary")) { l.t("children.updateState") }
                    }
                }
            }
        }
        func parentCard(_ title: String, _ parentDTO: ParentDTO?, _ key: PersonSection) -> Node {
            div(.class("panel")) {
                h3 { l.t(title) }
                if let pd = parentDTO {
                    dl(.class("kv")) {
                        dt { l.t("person.name") }; dd { pd.name }
                        dt { l.t("person.idNumber") };
                        dd {
                            idText(pd.id, pd.idNumber); " "; revealButton(pd.id, pd.idNumber ?? pd.phone)
                        }
                        dt { l.t("parent.situation") };
                        dd {
                            l.t("situation." + pd.situation)
                            if pd.effectiveSituation != pd.situation { " → "; strong { l.t("situation." + pd.effectiveSituation) } }
                        }
                        if let w = pd.workPlace { dt { l.t("parent.workPlace") }; dd { w + (pd.since.map { " · " + $0 } ?? "") } }
                        if let ph = pd.phone { dt { l.t("person.phone") }; dd { ph } }
                    }
                    if edit {
                        details(.class("action")) {
                            summary { l.t("children.changeSituation") }
                            form(.method("post"), .action(.childUpdate(c.recordID))) {
                                Forms.csrf(req)
                                Forms.was(key.name(.situation), pd.situation)
                                Forms.was(key.name(.workPlace), pd.workPlace ?? "")
                                Forms.select(
                                    l, label: "parent.situation", name: key.name(.situation),
                                    options: options(l, "situation.", ParentSituation.self, blank: false), selected: pd.situation)
                                Forms.field(l, label: "parent.workPlace", name: key.name(.workPlace), value: pd.workPlace ?? "")
                                button(.type("submit")) { l.t("form.save") }
                            }
                            personStateForm(pd.id, vital: pd.vitalStatus, health: pd.health, key: key)
                        }
                    }
                } else {
                    p(.class("muted")) { l.t("children.notRecorded") }
                }
            }
        }
        return Layout.page(req, title: c.name, status: status) {
            div(.class("crumbs")) {
                a(.href(.children)) { l.t("children.title") }; " › "; span { c.name }
            }
            if req.query[String.self, at: "created"] == "1" { div(.class("flash"), Attr("role", "status")) { l.t("children.created") } }
            if req.query[String.self, at: "saved"] == "1" { div(.class("flash"), Attr("role", "status")) { l.t("children.saved") } }
            h1 {
                c.name + " "; small { l.t("sex." + c.sex) + " · " + l.t("age.years", String(c.age)) }
            }
            p { categoryTags(l, c.classification.categories, status: c.status) }
            Forms.errorSummary(l, errors)
            SafetyViews.panel(
                req, c, visits: visits, reports: reports, canAct: edit, canReport: actor?.can(.fileReport) == true,
                today: RegistryService.today(req.now))
            pairing
            div(.class("panel")) {
                h3 { l.t("children.why") }
                if c.classification.reasons.isEmpty { p(.class("muted")) { c.exitReason.map { l.t($0) } ?? l.t("children.noCategory") } }
                ul { for r in c.classification.reasons { li { r.message } } }
                if let d = c.exitedOn { p(.class("muted")) { l.t("children.exitedOn", d) } }
            }
            div(.class("panel")) {
                dl(.class("kv")) {
                    dt { l.t("person.idNumber") };
                    dd {
                        idText(c.personId, c.idNumber); " "; revealButton(c.personId, c.idNumber)
                    }
                    dt { l.t("person.birthDate") }; dd { c.birthDate }
                    dt { l.t("children.village") }; dd { a(.href(.unit(c.villageCode))) { unitName } }
                    dt { l.t("person.hukou") }; dd { l.t("hukou." + c.hukou) }
                    if let e = c.ethnicity { dt { l.t("person.ethnicity") }; dd { e } }
                    dt { l.t("person.health") }; dd { l.t("health." + c.health) }
                    if let line = Forms.detailLine(l, c.details) { dt { l.t(ChildDetail.allCases[0].labelKey) }; dd { line } }
                    dt { l.t("children.living") }; dd { l.t("living." + c.livingArrangement) }
                    dt { l.t("children.needs") }; dd { c.needs.map { l.t("need." + $0) }.joined(separator: l.t("list.sep")) }
                    dt { l.t("children.informedOn") };
                    dd { (c.informedOn ?? l.t("children.notYet")) + (c.consent ? " · " + l.t("children.consent") : "") }
                    if c.improperGuardianship { dt { l.t("children.improper") }; dd { c.improperNote ?? "" } }
                    if let h = c.householdId.flatMap({ HouseholdID($0) }) {
                        dt { l.t("household.title") }; dd { a(.href(.household(h))) { l.t("household.open") } }
                    }
                }
            }
            parentCard("children.father", c.father, .father)
            parentCard("children.mother", c.mother, .mother)
            div(.class("panel")) {
                h3 { l.t("children.guardianSection") }
                if let g = c.guardian {
                    dl(.class("kv")) {
                        dt { l.t("person.name") }; dd { g.name + " (" + l.t("relation." + g.relation) + ")" }
                        dt { l.t("person.idNumber") };
                        dd {
                            idText(g.id, g.idNumber); " "; revealButton(g.id, g.idNumber ?? g.phone)
                        }
                        if let a = g.age { dt { l.t("children.guardianAge") }; dd { l.t("age.years", String(a)) } }
                        dt { l.t("person.health") }; dd { l.t("health." + g.health) }
                        dt { l.t("person.vitalStatus") }; dd { l.t("vital." + g.vitalStatus) }
                        if let ph = g.phone { dt { l.t("person.phone") }; dd { ph } }
                    }
                    if edit {
                        details(.class("action")) {
                            summary { l.t("children.guardianChanged") };
                            personStateForm(g.id, vital: g.vitalStatus, health: g.health, key: .guardian)
                        }
                    }
                } else {
                    p(.class("muted")) { l.t("children.notRecorded") }
                }
            }
            if edit {
                details(.class("action")) {
                    summary { l.t("children.changeLiving") }
                    form(.method("post"), .action(.childUpdate(c.recordID))) {
                        Forms.csrf(req)
                        Forms.was(QuickKey.livingArrangement.rawValue, c.livingArrangement)
                        Forms.select(
                            l, label: "children.living", name: QuickKey.livingArrangement.rawValue,
                            options: options(l, "living.", LivingArrangement.self, blank: false), selected: c.livingArrangement)
                        button(.type("submit")) { l.t("form.save") }
                    }
                }
                details(.class("action")) {
                    summary { l.t("children.improper") }
                    form(.method("post"), .action(.childUpdate(c.recordID))) {
                        Forms.csrf(req)
                        input(.type("hidden"), .name(QuickKey.improperForm.rawValue), .value(Forms.on))
                        Forms.was(QuickKey.improperGuardianship.rawValue, c.improperGuardianship ? Forms.on : "")
                        Forms.was(QuickKey.improperNote.rawValue, c.improperNote ?? "")
                        div(.class("field check")) {
                            label {
                                tag(
                                    "input",
                                    [
                                        .type("checkbox"), .name(QuickKey.improperGuardianship.rawValue), .value(Forms.on),
                                        Attr.when(c.improperGuardianship, .checked),
                                    ]);
                                " " + l.t("children.improper")
                            }
                        }
                        Forms.field(
                            l, label: "children.improperNote", name: QuickKey.improperNote.rawValue, value: c.improperNote ?? "",
                            error: errors[QuickKey.improperNote.rawValue])
                        button(.type("submit")) { l.t("form.save") }
                    }
                }
                p {
                    a(.class("btn secondary"), .href(.childEdit(c.recordID))) { l.t("children.edit") }; " ";
                    a(.class("btn secondary"), .href(SiteURL.childNew.with(query: [("sibling", c.id)]))) { l.t("children.addSibling") }
                }
            }
            if actor?.can(.approve) == true {
                h2 { l.t("correct.title") }
                details(
                    .class("action"),
                    Attr.when(
                        errors[ChildCorrectionForm.CodingKeys.into.rawValue] != nil
                            || errors[ChildCorrectionForm.CodingKeys.mergeReason.rawValue] != nil, Attr("open", nil))
                ) {
                    summary { l.t("correct.merge") }
                    p(.class("muted")) { l.t("correct.mergeHint") }
                    form(.method("post"), .action(.childMerge(c.recordID)), .data("confirm", l.t("correct.mergeConfirm"))) {
                        Forms.csrf(req)
                        Forms.field(
                            l, label: "correct.into", name: ChildCorrectionForm.CodingKeys.into.rawValue, value: "", required: true,
                            error: errors[ChildCorrectionForm.CodingKeys.into.rawValue],
                            hint: l.t("correct.intoHint"))
                        Forms.field(
                            l, label: "correct.reason", name: ChildCorrectionForm.CodingKeys.mergeReason.rawValue, value: "",
                            required: true, error: errors[ChildCorrectionForm.CodingKeys.mergeReason.rawValue])
                        button(.type("submit")) { l.t("correct.mergeButton") }
                    }
                }
                details(.class("action"), Attr.when(errors[ChildCorrectionForm.CodingKeys.reason.rawValue] != nil, Attr("open", nil))) {
                    summary { l.t("correct.void") }
                    p(.class("muted")) { l.t("correct.voidHint") }
                    form(.method("post"), .action(.childVoid(c.recordID)), .data("confirm", l.t("correct.voidConfirm"))) {
                        Forms.csrf(req)
                        Forms.field(
                            l, label: "correct.reason", name: ChildCorrectionForm.CodingKeys.reason.rawValue, value: "", required: true,
                            error: errors[ChildCorrectionForm.CodingKeys.reason.rawValue])
                        button(.type("submit"), .class("danger")) { l.t("correct.voidButton") }
                    }
                }
            }
            h2 { l.t("children.timeline") }
            AuditController.entriesTable(l, timeline, names: names)
        }
    }
}
