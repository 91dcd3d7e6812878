import Fluent
import Vapor
import GuanaiCore

/// The volunteer's own pages, made for a phone: her children, one form per child to log a contact, and a way to
/// raise a concern. They read only through `VolunteerDesk`.
struct DeskPagesController {
    func register(_ r: any RoutesBuilder) {
        r.get(SiteURL.desk.components, use: desk)
        r.post(SiteURL.deskContact(nil).components, use: addContact)
        r.get(SiteURL.deskConcern(nil).components, use: concernForm)
        r.post(SiteURL.deskConcern(nil).components, use: concern)
    }

    func volunteer(_ req: Request) throws -> Signer {
        let a = try req.actor
        guard Policy.hasDesk(a.role) else { throw Abort(.forbidden) }
        return a
    }

    func desk(req: Request) async throws -> Response {
        let a = try volunteer(req)
        return try await render(req, a, failed: nil, typed: [:], errors: [:], status: .ok)
    }

    func render(_ req: Request, _ a: Signer, failed: String?, typed: [String: String], errors: [String: String], status: HTTPStatus)
        async throws -> Response
    {
        let linked = try await VolunteerDesk.volunteer(for: a, on: req.db) != nil
        let kids = try await VolunteerDesk.children(for: a, on: req.db, today: RegistryService.today(req.now))
        for k in kids { try await req.audit(AuditEvent(AuditAction.view, .pair, k.pairId, unit: k.unitCode)) }
        return DeskViews.desk(req, kids, linked: linked, failed: failed, typed: typed, errors: errors, status: status)
    }

    func addContact(req: Request) async throws -> Response {
        let a = try volunteer(req)
        let id: PairID = try req.parameters.id()
        guard let (p, _) = try await VolunteerDesk.pair(id, for: a, on: req.db) else { throw Abort(.notFound) }
        let f = try await req.form(ContactForm.self)
        do {
            _ = try await PairingService.recordContact(
                p, f.input,
                by: a.displayName, onBehalf: false, actor: req.auditActor, at: req.now, on: req.db)
            return req.redirect(to: SiteURL.desk.with(query: [("saved", id.description)]) + "#pair-\(id)")
        } catch let e as FieldErrors {
            return try await render(
                req, a, failed: id.description, typed: Forms.typed(f), errors: PairingPagesController.contactMessages(req, e),
                status: .unprocessableEntity)
        }
    }

    func concernForm(req: Request) async throws -> Response {
        let a = try volunteer(req)
        guard let (p, _) = try await VolunteerDesk.pair(try req.parameters.id(), for: a, on: req.db),
            let kid = try await VolunteerDesk.children(for: a, on: req.db, today: RegistryService.today(req.now)).first(where: {
                $0.pairId == p.id!.uuidString
            })
        else { throw Abort(.notFound) }
        return DeskViews.concern(req, kid, typed: "", error: nil, status: .ok)
    }

    func concern(req: Request) async throws -> Response {
        let a = try volunteer(req)
        try req.require(.fileReport)
        guard let (p, v) = try await VolunteerDesk.pair(try req.parameters.id(), for: a, on: req.db),
            let kid = try await VolunteerDesk.children(for: a, on: req.db, today: RegistryService.today(req.now)).first(where: {
                $0.pairId == p.id!.uuidString
            })
        else { throw Abort(.notFound) }
        let f = try await req.form(ConcernForm.self)
        do {
            _ = try await VolunteerDesk.raiseConcern(
                p, volunteer: v, seen: f.seen, actor: a, audit: req.auditActor, at: req.now, on: req.db)
            return req.redirect(to: SiteURL.desk.with(query: [("concern", "1")]))
        } catch let e as FieldErrors {
            return DeskViews.concern(
                req, kid, typed: f.seen ?? "", error: req.messages(e)[ConcernForm.CodingKeys.seen.rawValue], status: .unprocessableEntity)
        }
    }
}

enum DeskViews {
    static func desk(
        _ req: Request, _ kids: [DeskChild], linked: Bool, failed: String?, typed: [String: String], errors: [String: String],
        status: HTTPStatus
    ) -> Response {
        let l = req.lang
        let today = RegistryService.today(req.now).iso
        let saved = req.query[String.self, at: "saved"]
        return Layout.page(req, title: l.t("desk.title"), status: status) {
            h1 { l.t("desk.title") }
            if req.query[String.self, at: "concern"] == "1" { Forms.flash(l.t("desk.concernFiled")) }
            if !linked { p(.class("alert")) { l.t("desk.notLinked") } } else if kids.isEmpty { p(.class("muted")) { l.t("desk.none") } }
            for k in kids {
                let mine = failed == k.pairId
                section(.class(k.overdue ? "panel alert-card open" : "panel"), .id("pair-" + k.pairId)) {
                    h2 {
                        k.givenName + " "; small { l.t("age.years", String(k.age)) + (k.school.map { " · " + $0 } ?? "") }
                    }
                    if saved == k.pairId { Forms.flash(l.t("desk.saved")) }
                    p {
                        if k.status == PairStatus.paused.rawValue {
                            span(.class("tag warn")) { l.t("pairStatus.paused") }
                        } else if k.overdue {
                            span(.class("tag tier-critical")) { l.t("desk.overdue") }
                        } else {
                            span(.class(k.contactsThisMonth >= k.contactsDueThisMonth ? "tag" : "tag warn")) {
                                l.t("pair.thisMonth", String(k.contactsThisMonth), String(k.contactsDueThisMonth))
                            }
                        }
                    }
                    dl(.class("kv")) {
                        dt { l.t("desk.guardianPhone") }; dd { if let ph = k.guardianPhone { a(.href("tel:" + ph)) { ph } } else { "—" } }
                        dt { l.t("children.needs") };
                        dd { k.needs.isEmpty ? "—" : k.needs.map { l.t("need." + $0) }.joined(separator: l.t("list.sep")) }
                    }
                    if !k.recentContacts.isEmpty {
                        h3 { l.t("desk.recent") }
                        ul {
                            for c in k.recentContacts {
                                li { c.date + " · " + l.t("contactMode." + c.mode) + (c.notes.isEmpty ? "" : l.t("f.sep") + c.notes) }
                            }
                        }
                    }
                    if k.status != PairStatus.paused.rawValue {
                        details(.class("action"), Attr.when(mine || kids.count == 1, Attr("open", nil))) {
                            summary { l.t("desk.logContact") }
                            if mine { Forms.errorSummary(l, errors, labelled: true) }
                            GuanaiWeb.form(.method("post"), .action(.deskContact(PairID(k.pairId)))) {
                                Forms.csrf(req)
                                PairingViews.contactFields(l, typed: mine ? typed : [:], errors: mine ? errors : [:], today: today)
                                button(.type("submit")) { l.t("desk.save") }
                            }
                        }
                    }
                    p { a(.href(.deskConcern(PairID(k.pairId)))) { l.t("desk.raiseConcern") } }
                }
            }
        }
    }

    static func concern(_ req: Request, _ k: DeskChild, typed: String, error: String?, status: HTTPStatus) -> Response {
        let l = req.lang
        return Layout.page(req, title: l.t("desk.concernTitle"), status: status) {
            div(.class("crumbs")) {
                a(.href(.desk)) { l.t("desk.title") }; " › "; span { k.givenName }
            }
            h1 { l.t("desk.concernTitle") + " · " + k.givenName }
            p(.class("muted")) { l.t("desk.concernIntro") }
            Forms.errorSummary(l, error.map { [ConcernForm.CodingKeys.seen.rawValue: $0] } ?? [:], labelled: true)
            GuanaiWeb.form(.method("post"), .action(.deskConcern(PairID(k.pairId)))) {
                Forms.csrf(req)
                div(.class(error == nil ? "field" : "field invalid")) {
                    label(.for(ConcernForm.CodingKeys.seen.rawValue)) {
                        l.t("desk.concernSeen"); span(.class("req")) { " *" }
                    }
                    tag(
                        "textarea",
                        [.id(ConcernForm.CodingKeys.seen.rawValue), .name(ConcernForm.CodingKeys.seen.rawValue), Attr("rows", "5")]
                    ) {
                        typed
                    }
                    if let err = error { p(.class("field-error")) { err } }
                }
                button(.type("submit")) { l.t("desk.concernSend") }
            }
        }
    }
}
