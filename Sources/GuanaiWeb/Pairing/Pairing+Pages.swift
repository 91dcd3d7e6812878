import Fluent
import Vapor
import GuanaiCore

/// The staff's pages for volunteers, pairs and suggestions. Each handler reads and writes through the same
/// `PairingService` the API uses, so a rule holds the same on both paths.
struct PairingPagesController {
    func register(_ r: any RoutesBuilder) {
        r.get(SiteURL.volunteers.components, use: volunteers)
        r.get(SiteURL.volunteerNew.components, use: newVolunteer)
        r.post(SiteURL.volunteerNew.components, use: createVolunteer)
        r.get(SiteURL.volunteer(nil).components, use: volunteer)
        r.post(SiteURL.volunteerScreen(nil).components, use: screen)
        r.post(SiteURL.volunteerAccount(nil).components, use: linkAccount)
        r.get(SiteURL.volunteerPrint(nil).components, use: printRecord)
        r.get(SiteURL.pairs.components, use: pairs)
        r.get(SiteURL.pair(nil).components, use: pair)
        for action in [PairAction.approve, .pause, .resume, .close, .reopen] {
            r.post(SiteURL.pairAct(nil, action.rawValue).components) { req in try await act(req, action) }
        }
        r.post(SiteURL.pairContact(nil).components, use: addContact)
        r.post(SiteURL.pairCheckin(nil).components, use: addCheckin)
        r.get(SiteURL.pairing.components, use: suggestions)
        r.post(SiteURL.pairingApprove.components, use: approveSuggestions)
    }

    func staff(_ req: Request) throws -> Signer {
        let a = try req.actor
        guard Policy.browses(a.role, .volunteer) else { throw Abort(.forbidden) }
        return a
    }

    // MARK: volunteers

    func volunteers(req: Request) async throws -> Response {
        _ = try staff(req)
        let page = max(1, req.query[Int.self, at: "page"] ?? 1)
        let unit = req.query[String.self, at: "unit"] ?? ""
        let scoped = try req.scoped
        let (items, total) = try await scoped.volunteers(unit: unit, page: page, per: 50)
        let load = try await scoped.load(items.map(\.recordID))
        let names = try await scoped.unitNames(items.map(\.unitCode))
        return PairingViews.volunteers(
            req, items, load: load, unitNames: names, units: try await AccountsController.unitOptions(scoped), unit: unit, total: total,
            page: page)
    }

    func newVolunteer(req: Request) async throws -> Response {
        _ = try staff(req)
        try req.requireEdits()
        return PairingViews.volunteerForm(
            req, typed: VolunteerPageForm(), errors: [:], units: try await AccountsController.unitOptions(try req.scoped), status: .ok)
    }

    func createVolunteer(req: Request) async throws -> Response {
        _ = try staff(req)
        try req.requireEdits()
        let f = try await req.form(VolunteerPageForm.self)
        let units = try await AccountsController.unitOptions(try req.scoped)
        do {
            let v = try await PairingService.createVolunteer(f.input, scoped: try req.scoped, actor: req.auditActor, at: req.now)
            return req.redirect(to: SiteURL.volunteer(v.recordID).path)
        } catch let e as FieldErrors {
            return PairingViews.volunteerForm(req, typed: f, errors: req.messages(e), units: units, status: .unprocessableEntity)
        } catch let e as ConflictError {
            return PairingViews.volunteerForm(
                req, typed: f, errors: [e.field: req.t(e.key)], units: units, status: .conflict, existing: e.existingID)
        }
    }

    func loadVolunteer(_ req: Request) async throws -> Volunteer {
        _ = try staff(req)
        guard let v = try await req.scoped.volunteer(try req.parameters.id()) else { throw Abort(.notFound) }
        return v
    }

    func volunteer(req: Request) async throws -> Response {
        let v = try await loadVolunteer(req)
        try await req.audit(AuditEvent(AuditAction.view, v.recordID, unit: v.unitCode))
        return try await renderVolunteer(req, v, errors: [:], status: .ok)
    }

    func renderVolunteer(_ req: Request, _ v: Volunteer, errors: [String: String], status: HTTPStatus) async throws -> Response {
        let scoped = try req.scoped
        let history = try await scoped.pairs(ofVolunteer: v.recordID)
        let names = try await scoped.childNames(history.map(\.child))
        let account = try await v.userID.asyncFlatMap { try await User.find($0, on: scoped.db)?.username }
        let unitName = try await scoped.unitNames([v.unitCode])[v.unitCode] ?? v.unitCode
        return PairingViews.volunteer(
            req, v, load: history.filter { $0.status.isOpen }.count, pairs: history, childNames: names,
            account: account, unitName: unitName, errors: errors, status: status)
    }

    func screen(req: Request) async throws -> Response {
        let v = try await loadVolunteer(req)
        try req.require(.approve)
        let f = try await req.form(ScreeningForm.self)
        do {
            try await PairingService.screen(
                v, ScreeningInput(step: f.step, on: f.on), by: try req.actor.displayName, actor: req.auditActor, at: req.now,
                on: req.db)
            return req.redirect(to: SiteURL.volunteer(v.recordID).path)
        } catch let e as FieldErrors {
            return try await renderVolunteer(req, v, errors: req.messages(e), status: .unprocessableEntity)
        }
    }

    func linkAccount(req: Request) async throws -> Response {
        let v = try await loadVolunteer(req)
        try req.requireEdits()
        let f = try await req.form(VolunteerAccountForm.self)
        do {
            try await PairingService.updateVolunteer(
                v, VolunteerInput(account: f.account ?? ""), scoped: try req.scoped, actor: req.auditActor, at: req.now)
            return req.redirect(to: SiteURL.volunteer(v.recordID).path)
        } catch let e as FieldErrors {
            return try await renderVolunteer(req, v, errors: req.messages(e), status: .unprocessableEntity)
        }
    }

    /// 志愿服务记录: her contacts and hours, printable. The children appear by given name, as on her own page.
    func printRecord(req: Request) async throws -> Response {
        let v = try await loadVolunteer(req)
        let scoped = try req.scoped
        let pairs = try await scoped.pairs(ofVolunteer: v.recordID)
        let contacts = try await scoped.contacts(ofPairs: pairs.map(\.recordID))
        let names = try await scoped.childNames(pairs.map(\.child))
        let childOf = Dictionary(uniqueKeysWithValues: pairs.map { ($0.recordID, ChineseName.givenName(names[$0.child] ?? "")) })
        let unitName = try await scoped.unitNames([v.unitCode])[v.unitCode] ?? v.unitCode
        try await req.audit(
            AuditEvent(AuditAction.view, v.recordID, unit: v.unitCode, detail: ["print": "service_record"]))
        return PairingViews.serviceRecord(req, v, contacts: contacts, childOf: childOf, unitName: unitName)
    }

    // MARK: pairs

    func pairs(req: Request) async throws -> Response {
        _ = try staff(req)
        let page = max(1, req.query[Int.self, at: "page"] ?? 1)
        let status = req.query[String.self, at: "status"] ?? ""
        let unit = req.query[String.self, at: "unit"] ?? ""
        let scoped = try req.scoped
        let (items, total) = try await scoped.pairs(unit: unit, status: status.isEmpty ? nil : status, page: page, per: 50)
        let kids = try await scoped.childNames(items.map(\.child))
        let vols = try await scoped.volunteers(items.map(\.volunteer)).mapValues(\.name)
        let units = try await scoped.unitNames(items.map(\.unitCode))
        let rules = try await CadenceSettingsStore.load(on: scoped.db)
        let today = RegistryService.today(req.now)
        let standing = try await PairingService.standings(items, today: today, rules: rules, on: scoped.db)
        return PairingViews.pairs(
            req, items, childNames: kids, volunteerNames: vols, unitNames: units, standing: standing,
            units: try await AccountsController.unitOptions(scoped).filter { DivisionCode($0.0)?.level != .county }, unit: unit,
            status: status, total: total, page: page)
    }

    func loadPair(_ req: Request) async throws -> Pair {
        _ = try staff(req)
        guard let p = try await req.scoped.pair(try req.parameters.id()) else { throw Abort(.notFound) }
        return p
    }

    func pair(req: Request) async throws -> Response {
        let p = try await loadPair(req)
        try await req.audit(AuditEvent(AuditAction.view, p.recordID, unit: p.unitCode))
        return try await renderPair(req, p, errors: [:], typed: [:], status: .ok)
    }

    func renderPair(_ req: Request, _ p: Pair, errors: [String: String], typed: [String: String], status: HTTPStatus) async throws
        -> Response
    {
        let scoped = try req.scoped
        let name = try await scoped.childNames([p.child])[p.child] ?? ""
        let v = try await Volunteer.find(p.volunteer, on: scoped.db)
        let contacts = try await scoped.contacts(p.recordID)
        let checkins = try await scoped.checkins(p.recordID)
        let s = try await PairingService.standing(
            p, today: RegistryService.today(req.now), rules: try await CadenceSettingsStore.load(on: scoped.db), on: scoped.db)
        let reminders = try await scoped.reminders(p.recordID, limit: 10)
        return PairingViews.pair(
            req, p, childName: name, volunteer: v, events: try await scoped.pairEvents(p.recordID), contacts: contacts, checkins: checkins,
            standing: s, reminders: reminders, errors: errors, typed: typed, status: status)
    }

    func act(_ req: Request, _ action: PairAction) async throws -> Response {
        let p = try await loadPair(req)
        if action == .approve || action == .reopen { try req.require(.approve) } else { try req.requireEdits() }
        let f = try await req.form(PairActionForm.self)
        do {
            try await PairingService.act(
                p, action, f.input,
                by: try req.actor.displayName, actor: req.auditActor, at: req.now, on: req.db)
            return req.redirect(to: SiteURL.pair(p.recordID).path)
        } catch let e as FieldErrors {
            return try await renderPair(req, p, errors: req.messages(e), typed: Forms.typed(f), status: .unprocessableEntity)
        }
    }

    /// A contact recorded by the village worker for a volunteer without a phone.
    func addContact(req: Request) async throws -> Response {
        let p = try await loadPair(req)
        try req.requireEdits()
        let f = try await req.form(ContactForm.self)
        do {
            _ = try await PairingService.recordContact(
                p, f.input,
                by: try req.actor.displayName, onBehalf: true, actor: req.auditActor, at: req.now, on: req.db)
            return req.redirect(to: SiteURL.pair(p.recordID).path)
        } catch let e as FieldErrors {
            return try await renderPair(req, p, errors: Self.contactMessages(req, e), typed: Forms.typed(f), status: .unprocessableEntity)
        }
    }

    /// A contact's date is its own field in the summary ("联系日期"), not a visit's.
    static func contactMessages(_ req: Request, _ e: FieldErrors) -> [String: String] {
        var m = req.messages(e)
        if let x = m.removeValue(forKey: ContactForm.CodingKeys.date.rawValue) { m[PairingViews.contactDateError] = x }
        return m
    }

    /// "" → the default; anything not a whole number → out of range, so the field gets its message.
    static func minutes(_ raw: String?) -> Int? {
        let t = (raw ?? "").trimmingCharacters(in: .whitespaces)
        return t.isEmpty ? nil : (Int(t) ?? -1)
    }

    func addCheckin(req: Request) async throws -> Response {
        let p = try await loadPair(req)
        try req.requireEdits()
        let f = try await req.form(CheckinForm.self)
        do {
            _ = try await PairingService.checkin(
                p, with: f.with, on: f.checkinDate, notes: f.checkinNotes, by: try req.actor.displayName, actor: req.auditActor,
                at: req.now, on: req.db)
            return req.redirect(to: SiteURL.pair(p.recordID).path)
        } catch let e as FieldErrors {
            var m = req.messages(e)
            typealias K = CheckinForm.CodingKeys
            // Core names the check-in's own fields; the page has a contact form with the same names beside it.
            if let x = m.removeValue(forKey: ContactForm.CodingKeys.notes.rawValue) { m[K.checkinNotes.rawValue] = x }
            if let x = m.removeValue(forKey: ContactForm.CodingKeys.date.rawValue) { m[K.checkinDate.rawValue] = x }
            return try await renderPair(req, p, errors: m, typed: Forms.typed(f), status: .unprocessableEntity)
        }
    }

    // MARK: suggestions

    func suggestions(req: Request) async throws -> Response {
        _ = try staff(req)
        try req.requireEdits()
        let scoped = try req.scoped
        let options = try await AccountsController.unitOptions(scoped).filter { DivisionCode($0.0)?.level != .county }
        let code = req.query[String.self, at: SuggestionsForm.CodingKeys.unit.rawValue] ?? ""
        guard !code.isEmpty else {
            return PairingViews.suggestions(
                req, units: options, unit: "", result: nil, names: [:], volunteers: [:], flash: nil, errors: [:])
        }
        guard let unit = try await scoped.unit(code), unit.isActive else {
            return PairingViews.suggestions(
                req, units: options, unit: code, result: nil, names: [:], volunteers: [:], flash: nil,
                errors: [SuggestionsForm.CodingKeys.unit.rawValue: req.t("field.error.choice")], status: .unprocessableEntity)
        }
        let result = try await PairingSuggestions.compute(unit: unit, scoped: scoped, lang: req.lang)
        let ids = (result.suggestions.map(\.childId) + result.unpaired).compactMap(ChildID.init)
        let names = try await scoped.childNames(ids)
        let vols = try await scoped.volunteers(result.suggestions.compactMap { VolunteerID($0.volunteerId) })
        return PairingViews.suggestions(
            req, units: options, unit: code, result: result, names: names, volunteers: vols, flash: try await approvalMessage(req),
            errors: [:])
    }

    /// The outcome of an approval, rebuilt from tokens (`done=approved&count=3&failed=<child>:<key>`): only numbers,
    /// children the reader may see and catalogue messages reach the page, never text taken from the address.
    func approvalMessage(_ req: Request) async throws -> String? {
        guard req.query[String.self, at: "done"] == PairStatus.approved.rawValue else { return nil }
        let count = max(0, req.query[Int.self, at: "count"] ?? 0)
        var failed: [String] = []
        let raw = (try? req.query.get([String].self, at: "failed")) ?? []
        let picks: [(ChildID, String)] = raw.prefix(50).compactMap { s in
            let parts = s.split(separator: ":", maxSplits: 1).map(String.init)
            guard parts.count == 2, let id = ChildID(parts[0]), Self.isApprovalFailure(parts[1]) else { return nil }
            return (id, parts[1])
        }
        let names = try await req.scoped.childNames(picks.map(\.0))
        for (id, key) in picks { if let n = names[id] { failed.append(n + req.t("f.sep") + req.t(key)) } }
        return req.t("pairing.approvedCount", String(count))
            + (failed.isEmpty ? "" : " " + req.t("pairing.approveFailed", failed.joined(separator: req.t("list.semi"))))
    }

    /// Why an approval from the suggestions can fail; the only messages `approvalMessage` will show.
    static func isApprovalFailure(_ key: String) -> Bool {
        [
            "pairing.error.childPaired", "pairing.error.volunteerFull", "pairing.error.transition", "pairing.error.childNotListed",
            "pairing.error.withdrawn",
            "pairing.error.changed",
        ].contains(key) || (key.hasPrefix("pairing.error.notScreened.") && Catalogue.zh[key] != nil)
    }

    /// Approving suggestions proposes each pair and approves it at once (the approver is township staff or the
    /// city): each pair on its own, so one that no longer fits (someone paired the child meanwhile) does not undo
    /// the rest, and is named in the answer.
    func approveSuggestions(req: Request) async throws -> Response {
        _ = try staff(req)
        try req.require(.approve)
        let f = try await req.form(SuggestionsForm.self)
        let unit = f.unit ?? ""
        let chosen = f.only ?? f.pick ?? []
        let scoped = try req.scoped
        let by = try req.actor.displayName
        var done = 0
        var failed: [String] = []  // "<child id>:<message key>"
        for pick in chosen {
            let parts = pick.split(separator: ":").map(String.init)
            guard parts.count == 3, let cid = ChildID(parts[0]), let vid = VolunteerID(parts[1]), let c = try await scoped.child(cid),
                let v = try await scoped.volunteer(vid)
            else { continue }
            do {
                let p = try await PairingService.propose(
                    child: c, volunteer: v, cost: Int(parts[2]), by: by, actor: req.auditActor, at: req.now, on: scoped.db)
                try await PairingService.act(
                    p, .approve, PairActionInput(note: req.t("pairing.approvedFromSuggestion")), by: by, actor: req.auditActor, at: req.now,
                    on: scoped.db)
                done += 1
            } catch let e as FieldErrors {
                let key =
                    e.items.map { $0.key == "pairing.error.full" ? "pairing.error.volunteerFull" : $0.key }.first(
                        where: Self.isApprovalFailure) ?? "pairing.error.changed"
                failed.append("\(c.recordID):\(key)")
            }
        }
        let query =
            [(SuggestionsForm.CodingKeys.unit.rawValue, unit), ("done", PairStatus.approved.rawValue), ("count", String(done))]
            + failed.map { ("failed", $0) }
        return req.redirect(to: SiteURL.pairing.with(query: query))
    }
}
