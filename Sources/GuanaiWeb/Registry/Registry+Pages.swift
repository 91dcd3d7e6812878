import Fluent
import Vapor
import GuanaiCore

/// Pages of the children's register: list, registration form, detail with quick updates.
struct RegistryPagesController {
    func register(_ r: any RoutesBuilder) {
        r.get(SiteURL.children.components, use: list)
        r.get(SiteURL.childNew.components, use: newForm)
        r.get(SiteURL.childrenPrint.components, use: ledger)
        r.post(SiteURL.childNew.components, use: create)
        r.get(SiteURL.child(nil).components, use: show)
        r.post(SiteURL.childUpdate(nil).components, use: updateChild)
        r.get(SiteURL.childEdit(nil).components, use: editForm)
        r.post(SiteURL.childEdit(nil).components, use: edit)
        r.post(SiteURL.childVoid(nil).components, use: voidChild)
        r.post(SiteURL.childMerge(nil).components, use: mergeChild)
        r.post(SiteURL.personUpdate(nil).components, use: updatePerson)
        r.post(SiteURL.personReveal(nil).components, use: reveal)
    }

    func list(req: Request) async throws -> Response {
        try req.requireBrowse(.child)
        let actor = try req.actor
        let f = RegistryAPIController.filter(req)
        let page = max(1, req.query[Int.self, at: "page"] ?? 1)
        let scoped = try req.scoped
        let today = RegistryService.today(req.now)
        let (items, total) = try await scoped.children(matching: f, today: today, page: page, per: 50)
        let people = try await scoped.people(items.map(\.person) + items.compactMap(\.guardian))
        let names = try await scoped.unitNames(items.map(\.unitCode))
        let villages = try await AccountsController.unitOptions(scoped)
        return RegistryViews.list(
            req, filter: f, items: items, people: people, unitNames: names, villages: villages, total: total, page: page, today: today,
            canEdit: Policy.edits(actor.role))
    }

    /// The A4 台账 of the filtered list; printing a list of children is an export, so it is audited like one.
    func ledger(req: Request) async throws -> Response {
        try req.requireBrowse(.child)
        let actor = try req.actor
        let f = RegistryAPIController.filter(req)
        let scoped = try req.scoped
        let today = RegistryService.today(req.now)
        let (items, total) = try await scoped.children(matching: f, today: today, page: 1, per: RegistryViews.ledgerLimit)
        let people = try await scoped.people(items.flatMap { [$0.person] + [$0.father, $0.mother, $0.guardian].compactMap { $0 } })
        let names = try await scoped.unitNames(items.map(\.unitCode))
        let scopeCode = DivisionCode(f.unit).flatMap { actor.jurisdiction.contains($0) ? $0.value : nil } ?? actor.unitCode
        let scopeName = try await scoped.unitNames([scopeCode])[scopeCode] ?? scopeCode
        try await req.audit(
            AuditEvent(
                AuditAction.export, .child, "list", unit: scopeCode,
                detail: ["rows": String(items.count), "format": "print"].merging(RegistryViews.filterQuery(f).map { ($0.0, $0.1) }) {
                    a, _ in a
                }))
        return RegistryViews.ledger(
            req, filter: f, scopeName: scopeName, items: items, people: people, unitNames: names, total: total, today: today)
    }

    func newForm(req: Request) async throws -> Response {
        let actor = try req.actor
        guard Policy.edits(actor.role) else { throw Abort(.forbidden) }
        typealias K = ChildPageForm.CodingKeys
        var typed: [String: [String]] = [K.hukou.rawValue: [Hukou.rural.rawValue], K.ethnicity.rawValue: [Ethnicity.all[0]]]
        if actor.unitCode.count == 12, DivisionCode(actor.unitCode)?.level == .village {
            typed[K.villageCode.rawValue] = [actor.unitCode]
        }
        // "登记兄弟姐妹": the same parents, guardian, village and household situation, ready to confirm.
        if let sid = req.query[String.self, at: "sibling"].flatMap({ ChildID($0) }), let sib = try await req.scoped.child(sid) {
            let people = try await req.scoped.people([sib.father, sib.mother, sib.guardian].compactMap { $0 })
            let full = actor.can(.revealID)
            func put(_ section: PersonSection, _ p: Person?) {
                guard let p else { return }
                typed[section.name(.name)] = [p.name]
                if full, let id = p.idNumber { typed[section.name(.idNumber)] = [id] }
            }
            put(.father, sib.father.flatMap { people[$0] })
            put(.mother, sib.mother.flatMap { people[$0] })
            put(.guardian, sib.guardian.flatMap { people[$0] })
            typed[PersonSection.father.name(.situation)] = [sib.fatherSituation ?? ""]
            typed[PersonSection.father.name(.workPlace)] = [sib.fatherWorkPlace ?? ""]
            typed[PersonSection.mother.name(.situation)] = [sib.motherSituation ?? ""]
            typed[PersonSection.mother.name(.workPlace)] = [sib.motherWorkPlace ?? ""]
            typed[PersonSection.guardian.name(.relation)] = [sib.guardianRelation ?? ""]
            typed[K.livingArrangement.rawValue] = [sib.livingArrangement]
            typed[K.villageCode.rawValue] = [sib.unitCode]
            if full {
                try await req.audit(
                    AuditEvent(
                        AuditAction.reveal, sib.recordID, unit: sib.unitCode,
                        detail: ["field": "parents.idNumber", "for": "sibling"]))
            }
        }
        return try await RegistryViews.formPage(req, typed: typed, errors: [:], villages: try await villageOptions(req), status: .ok)
    }

    func villageOptions(_ req: Request) async throws -> [(String, String)] {
        try await AccountsController.unitOptions(try req.scoped).filter { DivisionCode($0.0)?.level == .village }
    }

    func create(req: Request) async throws -> Response {
        let actor = try req.actor
        guard Policy.edits(actor.role) else { throw Abort(.forbidden) }
        let f = try await req.form(ChildPageForm.self)
        let v = f.typed
        do {
            let child = try await RegistryService.createChild(f.input, scoped: try req.scoped, actor: req.auditActor, at: req.now)
            return req.redirect(to: SiteURL.child(child.recordID).with(query: [("created", "1")]))
        } catch let e as FieldErrors {
            let errs = req.messages(e)
            return try await RegistryViews.formPage(
                req, typed: v, errors: errs, villages: try await villageOptions(req), status: .unprocessableEntity)
        } catch let e as ConflictError {
            return try await RegistryViews.formPage(
                req, typed: v, errors: [e.field: req.t(e.key)], villages: try await villageOptions(req), status: .conflict,
                existing: e.existingID)
        } catch let e as LikelyDuplicates {
            var similar: [(ChildID, String)] = []
            for id in e.childIDs {
                if let c = try await ChildID(id).asyncFlatMap({ try await req.scoped.child($0) }),
                    let p = try await req.scoped.people([c.person])[c.person]
                {
                    similar.append((c.recordID, p.name + " · " + c.birthDate))
                }
            }
            return try await RegistryViews.formPage(
                req, typed: v, errors: [ChildPageForm.CodingKeys.name.rawValue: req.t("registry.warn.duplicate")],
                villages: try await villageOptions(req),
                status: .conflict, similar: similar)
        }
    }

    func load(_ req: Request) async throws -> Child {
        guard let c = try await req.scoped.child(try req.parameters.id()) else { throw Abort(.notFound) }
        try req.requireBrowse(.child)
        return c
    }

    func show(req: Request) async throws -> Response {
        let c = try await load(req)
        try await req.audit(AuditEvent(AuditAction.view, c.recordID, unit: c.unitCode))
        return try await render(req, c, revealed: nil, errors: [:], status: .ok)
    }

    func render(_ req: Request, _ c: Child, revealed: Person?, errors: [String: String], status: HTTPStatus) async throws -> Response {
        let scoped = try req.scoped
        let today = RegistryService.today(req.now)
        let dto = try await RegistryDTO.load(c, scoped: scoped, today: today, lang: req.lang)
        let merged = try await RegistryCorrections.mergedIDs(into: c.recordID, on: scoped.db)
        let ids =
            ([c.recordID] + merged).map(\.description) + [c.person, c.father, c.mother, c.guardian].compactMap { $0?.description }
        let timeline = try await scoped.auditEntries(AuditFilter()).filter(\.$recordID ~~ ids).filter(
            \.$action != AuditAction.view.rawValue
        ).sort(
            \.$id, .descending
        ).limit(100).all()
        let unitName = try await scoped.unitNames([c.unitCode])[c.unitCode] ?? c.unitCode
        let visits = try await scoped.visits(of: c.recordID, limit: 10)
        let reports = try await scoped.reports(child: c.recordID)
        let pairs = try await scoped.pairs(ofChild: c.recordID)
        let volunteers = try await scoped.volunteers(pairs.map(\.volunteer)).mapValues(\.name)
        let pairing = try req.actor.canRead(.pair) ? PairingViews.childPanel(req, pairs: pairs, volunteers: volunteers) : .empty
        let names = try await scoped.auditNames(for: timeline, actor: try req.actor)
        return RegistryViews.detail(
            req, dto, unitName: unitName, revealed: revealed, timeline: timeline, names: names, visits: visits, reports: reports,
            pairing: pairing, errors: errors, status: status)
    }

    /// Small forms on the detail page: a parent's situation, where the child lives, the 监护不当 flag.
    func updateChild(req: Request) async throws -> Response {
        let c = try await load(req)
        try req.requireEdits()
        let patch = try await req.form(ChildQuickForm.self).patch
        do {
            _ = try await RegistryService.patchChild(c, patch, scoped: try req.scoped, actor: req.auditActor, at: req.now)
            return req.redirect(to: SiteURL.child(c.recordID).path)
        } catch let e as FieldErrors {
            return try await render(req, c, revealed: nil, errors: req.messages(e), status: .unprocessableEntity)
        }
    }

    /// 修改基本信息: name, address, needs and the plain fields (`ChildDetail`), each changed only when the person changed it.
    func editForm(req: Request) async throws -> Response {
        let c = try await load(req)
        try req.requireEdits()
        let shown = try await Self.editValues(c, scoped: try req.scoped)
        return RegistryViews.editPage(req, id: c.recordID, shown: shown, typed: shown, status: .ok, errors: [:])
    }

    static func editValues(_ c: Child, scoped: Scoped) async throws -> [String: [String]] {
        let me = try await scoped.people([c.person])[c.person]
        let address = try await c.household.asyncFlatMap { try await Household.find($0, on: scoped.db)?.address } ?? ""
        typealias K = ChildPageForm.CodingKeys
        return [
            K.name.rawValue: [me?.name ?? ""], K.address.rawValue: [address], K.needs.rawValue: c.needList.map(\.rawValue),
        ].merging(Forms.shown(c.details).mapValues { [$0] }) { a, _ in a }
    }

    func edit(req: Request) async throws -> Response {
        let c = try await load(req)
        try req.requireEdits()
        let f = try await req.form(ChildEditForm.self)
        do {
            _ = try await RegistryService.patchChild(c, f.patch, scoped: try req.scoped, actor: req.auditActor, at: req.now)
            return req.redirect(to: SiteURL.child(c.recordID).with(query: [("saved", "1")]))
        } catch let e as FieldErrors {
            return RegistryViews.editPage(
                req, id: c.recordID, shown: f.shown, typed: f.typed, status: .unprocessableEntity,
                errors: req.messages(e))
        }
    }

    /// Voiding from the detail page: the record leaves every list and the person lands on the list, told why.
    func voidChild(req: Request) async throws -> Response {
        let c = try await load(req)
        try req.require(.approve)
        let f = try await req.form(ChildCorrectionForm.self)
        do {
            try await RegistryCorrections.void(c, reason: f.reason ?? "", scoped: try req.scoped, actor: req.auditActor, at: req.now)
            return req.redirect(to: SiteURL.children.path)
        } catch let e as FieldErrors {
            return try await render(
                req, c, revealed: nil,
                errors: [ChildCorrectionForm.CodingKeys.reason.rawValue: req.lang.t(e.items.first?.key ?? "field.error.required")],
                status: .unprocessableEntity)
        }
    }

    /// Merging from the duplicate's page into the record that stays, named by its ID number or record id.
    func mergeChild(req: Request) async throws -> Response {
        let c = try await load(req)
        try req.require(.approve)
        typealias K = ChildCorrectionForm.CodingKeys
        let f = try await req.form(ChildCorrectionForm.self)
        var errors: [String: String] = [:]
        let into = (f.into ?? "").trimmingCharacters(in: .whitespaces), reason = (f.mergeReason ?? "").trimmingCharacters(in: .whitespaces)
        if into.isEmpty { errors[K.into.rawValue] = req.lang.t("field.error.required") }
        if reason.isEmpty { errors[K.mergeReason.rawValue] = req.lang.t("field.error.required") }
        if errors.isEmpty {
            do {
                let survivor = try await RegistryCorrections.merge(
                    c, into: into, reason: reason, scoped: try req.scoped, actor: req.auditActor, at: req.now)
                return req.redirect(to: SiteURL.child(survivor.recordID).path)
            } catch let e as FieldErrors {
                errors[K.into.rawValue] = req.lang.t(e.items.first?.key ?? "registry.error.mergeTarget")
            }
        }
        return try await render(req, c, revealed: nil, errors: errors, status: .unprocessableEntity)
    }

    /// A guardian or parent marked deceased, missing, hospitalised …: every child reading her is reclassified.
    func updatePerson(req: Request) async throws -> Response {
        guard let p = try await req.scoped.person(try req.parameters.id()) else { throw Abort(.notFound) }
        try req.requireEdits()
        let f = try await req.form(PersonQuickForm.self)
        let back = AuthController.localPath(f.back) ?? SiteURL.children.path
        _ = try await RegistryService.patchPerson(
            p, PersonPatch(phone: f.phone, health: f.health, vitalStatus: f.vitalStatus), scoped: try req.scoped,
            actor: req.auditActor, at: req.now)
        return req.redirect(to: back)
    }

    func reveal(req: Request) async throws -> Response {
        guard let p = try await req.scoped.person(try req.parameters.id()) else { throw Abort(.notFound) }
        try req.requireRead(.child)
        try req.require(.revealID)
        // The number is shown on the page of the child she came from; a form without one is malformed, not a missing record.
        guard let cid = try await req.form(ChildCorrectionForm.self).child, !cid.isEmpty else { throw Abort(.unprocessableEntity) }
        guard let c = try await ChildID(cid).asyncFlatMap({ try await req.scoped.child($0) }) else { throw Abort(.notFound) }
        try await req.audit(
            AuditEvent(AuditAction.reveal, p.recordID, unit: p.unitCode, detail: ["field": "idNumber,phone"]))
        return try await render(req, c, revealed: p, errors: [:], status: .ok)
    }
}
