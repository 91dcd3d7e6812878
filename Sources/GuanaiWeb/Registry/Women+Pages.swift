import Fluent
import Vapor
import GuanaiCore

/// Pages for left-behind women and households.
struct WomenPagesController {
    func register(_ r: any RoutesBuilder) {
        r.get(SiteURL.women.components, use: list)
        r.get(SiteURL.womenPrint.components, use: ledger)
        r.get(SiteURL.households.components, use: households)
        r.get(SiteURL.householdsPrint.components, use: householdLedger)
        r.get(SiteURL.womanNew.components, use: newForm)
        r.post(SiteURL.womanNew.components, use: create)
        r.get(SiteURL.woman(nil).components, use: show)
        r.get(SiteURL.womanEdit(nil).components, use: editForm)
        r.post(SiteURL.womanEdit(nil).components, use: edit)
        r.get(SiteURL.household(nil).components, use: household)
        r.post(SiteURL.household(nil).components, use: updateHousehold)
    }

    func list(req: Request) async throws -> Response {
        try req.requireRead(.woman)
        let actor = try req.actor
        let page = max(1, req.query[Int.self, at: "page"] ?? 1)
        let scoped = try req.scoped
        let f = WomanFilter(req)
        let (items, total) = try await scoped.women(matching: f, page: page, per: 50)
        let people = try await scoped.people(items.flatMap { [$0.person, $0.husband].compactMap { $0 } })
        let names = try await scoped.unitNames(items.map(\.unitCode))
        let villages = try await AccountsController.unitOptions(scoped)
        return WomenListViews.list(
            req, f, items: items, people: people, unitNames: names, villages: villages, total: total, page: page,
            canWrite: Policy.edits(actor.role))
    }

    /// The women's 台账 on A4, audited as an export like the children's.
    func ledger(req: Request) async throws -> Response {
        try req.requireRead(.woman)
        let actor = try req.actor
        let scoped = try req.scoped
        let f = WomanFilter(req)
        let (items, total) = try await scoped.women(matching: f, page: 1, per: RegistryViews.ledgerLimit)
        let people = try await scoped.people(items.flatMap { [$0.person, $0.husband].compactMap { $0 } })
        let names = try await scoped.unitNames(items.map(\.unitCode))
        let scopeCode = scoped.narrowed(f.unit).root?.value ?? actor.unitCode
        let scopeName = try await scoped.unitNames([scopeCode])[scopeCode] ?? actor.unitName
        try await req.audit(
            AuditEvent(
                AuditAction.export, .woman, "list", unit: scopeCode,
                detail: ["rows": String(items.count), "format": "print"].merging(f.query) { a, _ in a }))
        return WomenListViews.ledger(req, f, scopeName: scopeName, items: items, people: people, unitNames: names, total: total)
    }

    func households(req: Request) async throws -> Response {
        try req.requireRead(.household)
        let page = max(1, req.query[Int.self, at: "page"] ?? 1)
        let scoped = try req.scoped
        let f = HouseholdFilter(req)
        let (items, total, members) = try await scoped.households(matching: f, page: page, per: 50)
        let names = try await scoped.unitNames(items.map(\.unitCode))
        let villages = try await AccountsController.unitOptions(scoped)
        return WomenListViews.households(
            req, f, items: items, members: members, unitNames: names, villages: villages, total: total, page: page, print: false,
            scopeName: "")
    }

    func householdLedger(req: Request) async throws -> Response {
        try req.requireRead(.household)
        let actor = try req.actor
        let scoped = try req.scoped
        let f = HouseholdFilter(req)
        let (items, total, members) = try await scoped.households(matching: f, page: 1, per: RegistryViews.ledgerLimit)
        let names = try await scoped.unitNames(items.map(\.unitCode))
        let scopeCode = scoped.narrowed(f.unit).root?.value ?? actor.unitCode
        let scopeName = try await scoped.unitNames([scopeCode])[scopeCode] ?? actor.unitName
        try await req.audit(
            AuditEvent(
                AuditAction.export, .household, "list", unit: scopeCode,
                detail: ["rows": String(items.count), "format": "print"].merging(f.query) { a, _ in a }))
        return WomenListViews.households(
            req, f, items: items, members: members, unitNames: names, villages: [], total: total, page: 1, print: true, scopeName: scopeName
        )
    }

    func newForm(req: Request) async throws -> Response {
        try req.requireEdits()
        typealias K = WomanPageForm.CodingKeys
        var typed: [String: [String]] = [
            K.hukou.rawValue: [Hukou.rural.rawValue], PersonSection.husband.name(.situation): [ParentSituation.workingAway.rawValue],
        ]
        let a = try req.actor
        if DivisionCode(a.unitCode)?.level == .village { typed[K.villageCode.rawValue] = [a.unitCode] }
        return try await formPage(req, typed: typed, errors: [:], status: .ok)
    }

    func formPage(_ req: Request, typed v: [String: [String]], errors e: [String: String], status: HTTPStatus) async throws -> Response {
        let l = req.lang
        typealias K = WomanPageForm.CodingKeys
        let villages = try await AccountsController.unitOptions(try req.scoped).filter { DivisionCode($0.0)?.level == .village }
        func s(_ k: String) -> String { v[k]?.last ?? "" }
        func field(_ label: String, _ name: String, type: String = "text", required: Bool = false, hint: String? = nil) -> Node {
            Forms.field(l, label: label, name: name, value: s(name), type: type, required: required, error: e[name], hint: hint)
        }
        return Layout.page(req, title: l.t("women.new"), status: status) {
            h1 { l.t("women.new") }
            Forms.errorSummary(l, e, labelled: true)
            form(.method("post"), .action(.womanNew)) {
                Forms.csrf(req)
                fieldset(.class("panel")) {
                    legend { l.t("women.basic") }
                    field("person.name", K.name.rawValue, required: true)
                    field("person.idNumber", K.idNumber.rawValue, required: true, hint: l.t("children.idHint"))
                    Forms.select(
                        l, label: "children.village", name: K.villageCode.rawValue, options: [("", l.t("form.choose"))] + villages,
                        selected: s(K.villageCode.rawValue), error: e[K.villageCode.rawValue], required: true)
                    Forms.select(
                        l, label: "person.hukou", name: K.hukou.rawValue,
                        options: RegistryViews.options(l, "hukou.", Hukou.self, blank: false),
                        selected: s(K.hukou.rawValue), error: e[K.hukou.rawValue], required: true)
                    field("person.phone", K.phone.rawValue, type: "tel")
                }
                fieldset(.class("panel")) {
                    legend { l.t("women.husband") }
                    field("person.name", PersonSection.husband.name(.name))
                    field("person.idNumber", PersonSection.husband.name(.idNumber))
                    Forms.select(
                        l, label: "parent.situation", name: PersonSection.husband.name(.situation),
                        options: RegistryViews.options(l, "situation.", ParentSituation.self),
                        selected: s(PersonSection.husband.name(.situation)),
                        error: e[PersonSection.husband.name(.situation)])
                    field("parent.workPlace", PersonSection.husband.name(.workPlace))
                    field("parent.since", PersonSection.husband.name(.since), type: "date", hint: l.t("women.sinceHint"))
                }
                Self.lifeFields(l, typed: v, errors: e)
                button(.type("submit")) { l.t("children.save") }
            }
        }
    }

    func create(req: Request) async throws -> Response {
        try req.requireEdits()
        let f = try await req.form(WomanPageForm.self)
        let v = f.typed
        do {
            let w = try await WomenService.create(f.input, scoped: try req.scoped, actor: req.auditActor, at: req.now)
            return req.redirect(to: SiteURL.woman(w.recordID).path)
        } catch let e as FieldErrors {
            return try await formPage(req, typed: v, errors: req.messages(e), status: .unprocessableEntity)
        } catch let e as ConflictError {
            return try await formPage(req, typed: v, errors: [e.field: req.t(e.key)], status: .conflict)
        }
    }

    func show(req: Request) async throws -> Response {
        guard let w = try await req.scoped.woman(try req.parameters.id()) else { throw Abort(.notFound) }
        try req.requireRead(.woman)
        try await req.audit(AuditEvent(AuditAction.view, w.recordID, unit: w.unitCode))
        let l = req.lang
        let people = try await req.scoped.people([w.person, w.husband].compactMap { $0 })
        let d = WomenService.dto(w, people: people, today: RegistryService.today(req.now), lang: req.lang)
        let canEdit = Policy.edits(try req.actor.role)
        // 就业创业: her trainings, fairs and loans, for the roles that read employment records.
        var work: (dto: PersonEmploymentDTO, unit: String)? = nil
        if Policy.browses(try req.actor.role, .employment) { work = try await req.scoped.employment(of: w.person) }
        if let work { try await PersonEmploymentAPIController.audit(work.dto, unit: work.unit, req) }
        // 两癌检查: the month of her last screen for the staff who see counts, never a result.
        var screened: String? = nil
        let role = try req.actor.role
        if HealthAccess.maySeeCounts(role) && Policy.browses(role, .health) {
            let last = try await req.scoped.healthHistory(w.person).flatMap { h in HealthProgramme.allCases.compactMap(h.last).max() }
            screened = last.map { l.t("hp.screenedLine", String($0.iso.prefix(7))) } ?? l.t("hp.notScreened")
        }
        return Layout.page(req, title: d.name) {
            div(.class("crumbs")) {
                a(.href(.women)) { l.t("women.title") }; " › "; span { d.name }
            }
            h1 {
                d.name; " "; small { d.age.map { l.t("age.years", String($0)) } ?? "" }
            }
            p {
                if d.leftBehind {
                    span(.class("tag")) { l.t("women.leftBehind") }
                } else {
                    span(.class("tag off")) { l.t("status.exited") }
                }
            }
            div(.class("panel")) { ul { for r in d.reasons { li { r.message } } } }
            div(.class("panel")) {
                dl(.class("kv")) {
                    dt { l.t("person.idNumber") }; dd { d.idNumber }
                    if let ph = d.phone { dt { l.t("person.phone") }; dd { ph } }
                    dt { l.t("women.husband") };
                    dd {
                        (d.husband.map {
                            $0.name + " · " + l.t("situation." + $0.situation) + ($0.workPlace.map { " · " + $0 } ?? "")
                                + ($0.since.map { " · " + $0 } ?? "")
                        }) ?? l.t("children.notRecorded")
                    }
                    let x = d.details
                    dt { l.t("women.childrenInCare") }; dd { String(x[count: .childrenInCare]) }
                    dt { l.t("women.eldersInCare") }; dd { String(x[count: .eldersInCare]) }
                    dt { l.t("women.farming") }; dd { x[flag: .farming] ? l.t("form.yes") : "—" }
                    if let sk = x[text: .skills] { dt { l.t("women.skills") }; dd { sk } }
                    dt { l.t("women.needs") }; dd { d.needs.map { l.t("wneed." + $0) }.joined(separator: l.t("list.sep")) }
                    dt { l.t("women.interests") };
                    dd {
                        [
                            x[flag: .employmentInterest] ? l.t("women.employmentInterest") : nil,
                            x[flag: .healthInterest] ? l.t("women.healthInterest") : nil,
                        ].compactMap { $0 }.joined(separator: l.t("list.sep"))
                    }
                    if let h = w.household {
                        dt { l.t("household.title") }; dd { a(.href(.household(h))) { l.t("household.open") } }
                    }
                    if let screened { dt { l.t("nav.health") }; dd(.id("screened")) { screened } }
                }
            }
            if let work { PersonEmploymentViews.section(l, work.dto) }
            p(.class("actions")) {
                if canEdit { a(.class("btn secondary"), .href(.womanEdit(w.recordID))) { l.t("women.edit") } }
                a(.href(.history(of: w.recordID))) { l.t("history.link") }
            }
        }
    }

    func household(req: Request) async throws -> Response {
        try await renderHousehold(req, errors: [:], status: .ok)
    }

    func renderHousehold(_ req: Request, errors: [String: String], status: HTTPStatus) async throws -> Response {
        guard let h = try await req.scoped.household(try req.parameters.id()) else { throw Abort(.notFound) }
        try req.requireRead(.household)
        let l = req.lang
        let members = try await req.scoped.members(of: h.recordID)
        let canWrite = Policy.edits(try req.actor.role)
        let today = RegistryService.today(req.now)
        return Layout.page(req, title: l.t("household.title"), status: status) {
            h1 { l.t("household.title") }
            Forms.errorSummary(l, errors)
            div(.class("panel")) {
                dl(.class("kv")) {
                    dt { l.t("household.poverty") }; dd { l.t("poverty." + h.poverty) }
                    dt { l.t("household.address") }; dd { h.address }
                    if let g = h.villageGroup { dt { l.t("household.group") }; dd { g } }
                }
            }
            h2 { l.t("household.members") }
            ul {
                for m in members {
                    li {
                        m.name + (m.birth.map { " · " + l.t("age.years", String(Age.years(born: $0, on: today))) } ?? "")
                            + (m.vital != .alive ? " · " + l.t("vital." + m.vitalStatus) : "")
                    }
                }
            }
            if canWrite {
                details(.class("action")) {
                    summary { l.t("household.edit") }
                    form(.method("post"), .action(.household(h.recordID))) {
                        Forms.csrf(req)
                        Forms.select(
                            l, label: "household.poverty", name: HouseholdPageForm.CodingKeys.poverty.rawValue,
                            options: RegistryViews.options(l, "poverty.", PovertyStatus.self, blank: false), selected: h.poverty,
                            error: errors[HouseholdPageForm.CodingKeys.poverty.rawValue])
                        Forms.field(l, label: "household.address", name: HouseholdPageForm.CodingKeys.address.rawValue, value: h.address)
                        Forms.field(
                            l, label: "household.group", name: HouseholdPageForm.CodingKeys.villageGroup.rawValue,
                            value: h.villageGroup ?? "")
                        button(.type("submit")) { l.t("form.save") }
                    }
                }
            }
        }
    }

    func updateHousehold(req: Request) async throws -> Response {
        guard let h = try await req.scoped.household(try req.parameters.id()) else { throw Abort(.notFound) }
        try req.requireEdits()
        let f = try await req.form(HouseholdPageForm.self)
        do {
            _ = try await HouseholdService.patch(
                h, f.input, scoped: try req.scoped,
                actor: req.auditActor, at: req.now)
            return req.redirect(to: SiteURL.household(h.recordID).path)
        } catch let e as FieldErrors {
            return try await renderHousehold(req, errors: req.messages(e), status: .unprocessableEntity)
        }
    }
}
