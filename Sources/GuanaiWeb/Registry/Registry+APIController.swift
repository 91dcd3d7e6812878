import Fluent
import Vapor
import GuanaiCore

/// /api/v1/children and /api/v1/people.
struct RegistryAPIController {
    func register(_ r: any RoutesBuilder) {
        r.post("children", use: create)
        r.get("children", use: list)
        r.get("children", ":id", use: show)
        r.patch("children", ":id", use: patch)
        r.post("children", ":id", "void", use: voidChild)
        r.post("children", ":id", "merge", use: mergeChild)
        r.get("people", ":id", use: person)
        r.patch("people", ":id", use: patchPerson)
        r.post("people", ":id", "reveal", use: reveal)
    }

    static func today(_ req: Request) -> CivilDate { RegistryService.today(req.now) }

    static func filter(_ req: Request) -> ChildFilter {
        ChildFilter(
            unit: req.query[String.self, at: "villageCode"] ?? req.query[String.self, at: "unit"] ?? "",
            category: req.query[String.self, at: "category"] ?? "",
            exited: {
                switch req.query[String.self, at: "exited"] {
                case "true", "1": return "1";
                case "all": return "all";
                default: return ""
                }
            }(),
            q: req.query[String.self, at: "q"] ?? "", ageBand: req.query[String.self, at: "age"] ?? "",
            need: req.query[String.self, at: "need"] ?? "",
            guardianAge: req.query[String.self, at: "guardianAge"] ?? "",
            guardianHealth: req.query[String.self, at: "guardianHealth"] ?? "",
            tier: req.query[String.self, at: "tier"] ?? "",
            sort: ChildSort(rawValue: req.query[String.self, at: "sort"] ?? "") ?? .village)
    }

    func create(req: Request) async throws -> Response {
        try req.requireRead(.child)
        try req.requireEdits()
        let input = try await req.json(ChildInput.self)
        let child = try await RegistryService.createChild(input, scoped: try req.scoped, actor: req.auditActor, at: req.now)
        let res = Response(status: .created)
        try res.content.encode(try await RegistryDTO.load(child, scoped: try req.scoped, today: Self.today(req), lang: req.lang), as: .json)
        return res
    }

    func list(req: Request) async throws -> ListPage<ChildSummaryDTO> {
        try req.requireBrowse(.child)
        let p = try PageParams(req)
        let scoped = try req.scoped
        let (items, total) = try await scoped.children(matching: Self.filter(req), today: Self.today(req), page: p.page, per: p.per)
        let people = try await scoped.people(items.map(\.person))
        return ListPage(
            items: items.map { RegistryDTO.summary($0, person: people[$0.person], today: Self.today(req)) }, page: p.page, per: p.per,
            total: total)
    }

    func load(_ req: Request) async throws -> Child {
        guard let c = try await req.scoped.child(try req.parameters.id()) else { throw Abort(.notFound) }
        try req.requireBrowse(.child)
        return c
    }

    func show(req: Request) async throws -> ChildDTO {
        let c = try await load(req)
        try await req.audit(AuditEvent(AuditAction.view, c.recordID, unit: c.unitCode))
        return try await RegistryDTO.load(c, scoped: try req.scoped, today: Self.today(req), lang: req.lang)
    }

    func patch(req: Request) async throws -> ChildDTO {
        let c = try await load(req)
        try req.requireEdits()
        let body = try await req.json(ChildPatch.self)
        let updated = try await RegistryService.patchChild(c, body, scoped: try req.scoped, actor: req.auditActor, at: req.now)
        return try await RegistryDTO.load(updated, scoped: try req.scoped, today: Self.today(req), lang: req.lang)
    }

    /// Voiding and merging are corrections of the register itself: roles that approve (city and township) only.
    func voidChild(req: Request) async throws -> HTTPStatus {
        let c = try await load(req)
        try req.require(.approve)
        let body = try await req.json(VoidRequest.self)
        try await RegistryCorrections.void(c, reason: body.reason ?? "", scoped: try req.scoped, actor: req.auditActor, at: req.now)
        return .noContent
    }

    func mergeChild(req: Request) async throws -> ChildDTO {
        let c = try await load(req)
        try req.require(.approve)
        let body = try await req.json(MergeRequest.self)
        let f = try requireFields([("into", body.into), ("reason", body.reason)])
        let survivor = try await RegistryCorrections.merge(
            c, into: f["into"]!, reason: f["reason"]!, scoped: try req.scoped, actor: req.auditActor, at: req.now)
        return try await RegistryDTO.load(survivor, scoped: try req.scoped, today: Self.today(req), lang: req.lang)
    }

    func loadPerson(_ req: Request) async throws -> Person {
        guard let p = try await req.scoped.person(try req.parameters.id()) else { throw Abort(.notFound) }
        try req.requireBrowse(.child)
        return p
    }

    func person(req: Request) async throws -> PersonDTO {
        let p = try await loadPerson(req)
        try await req.audit(AuditEvent(AuditAction.view, p.recordID, unit: p.unitCode))
        return RegistryDTO.person(p)
    }

    func patchPerson(req: Request) async throws -> PersonPatchResult {
        let p = try await loadPerson(req)
        try req.requireEdits()
        let body = try await req.json(PersonPatch.self)
        let (person, changed) = try await RegistryService.patchPerson(p, body, scoped: try req.scoped, actor: req.auditActor, at: req.now)
        return PersonPatchResult(person: RegistryDTO.person(person), reclassifiedChildIds: changed.map { $0.id!.uuidString })
    }

    /// The full ID number and phone, to a role allowed to see them; every reveal is in the audit trail.
    func reveal(req: Request) async throws -> PersonRevealDTO {
        let p = try await loadPerson(req)
        try req.require(.revealID)
        try await req.audit(
            AuditEvent(AuditAction.reveal, p.recordID, unit: p.unitCode, detail: ["field": "idNumber,phone"]))
        return PersonRevealDTO(id: p.id!.uuidString, idNumber: p.idNumber, phone: p.phone)
    }
}
