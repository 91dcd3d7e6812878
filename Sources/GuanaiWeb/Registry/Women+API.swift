import Fluent
import Vapor
import GuanaiCore

/// /api/v1/women and /api/v1/households.
struct WomenAPIController {
    func register(_ r: any RoutesBuilder) {
        r.post("women", use: create)
        r.get("women", use: list)
        r.get("women", ":id", use: show)
        r.patch("women", ":id", use: patch)
        r.post("households", use: createHousehold)
        r.get("households", use: households)
        r.get("households", ":id", use: household)
        r.patch("households", ":id", use: patchHousehold)
    }

    func create(req: Request) async throws -> Response {
        try req.requireRead(.woman)
        try req.requireEdits()
        let w = try await WomenService.create(
            try await req.json(WomanInput.self), scoped: try req.scoped, actor: req.auditActor, at: req.now)
        let res = Response(status: .created)
        try res.content.encode(try await dto(req, w), as: .json)
        return res
    }

    func dto(_ req: Request, _ w: Woman) async throws -> WomanDTO {
        let people = try await req.scoped.people([w.person, w.husband].compactMap { $0 })
        return WomenService.dto(w, people: people, today: RegistryService.today(req.now), lang: req.lang)
    }

    func list(req: Request) async throws -> ListPage<WomanDTO> {
        try req.requireRead(.woman)
        let p = try PageParams(req)
        let scoped = try req.scoped
        var f = WomanFilter(req)
        if ["true", "1"].contains(f.exited) { f.exited = "1" }
        // The API's boolean spellings of the page's single "interest" choice.
        for i in WomanInterest.allCases where req.query[String.self, at: i.detail.rawValue] == "true" { f.interest = i.rawValue }
        let (items, total) = try await scoped.women(matching: f, page: p.page, per: p.per)
        let people = try await scoped.people(items.flatMap { [$0.person, $0.husband].compactMap { $0 } })
        let today = RegistryService.today(req.now)
        return ListPage(
            items: items.map { WomenService.dto($0, people: people, today: today, lang: req.lang) }, page: p.page, per: p.per, total: total)
    }

    func load(_ req: Request) async throws -> Woman {
        guard let w = try await req.scoped.woman(try req.parameters.id()) else { throw Abort(.notFound) }
        try req.requireRead(.woman)
        return w
    }

    func show(req: Request) async throws -> WomanDTO {
        let w = try await load(req)
        try await req.audit(AuditEvent(AuditAction.view, w.recordID, unit: w.unitCode))
        return try await dto(req, w)
    }

    func patch(req: Request) async throws -> WomanDTO {
        let w = try await load(req)
        try req.requireEdits()
        return try await dto(
            req,
            try await WomenService.patch(w, try await req.json(WomanInput.self), scoped: try req.scoped, actor: req.auditActor, at: req.now)
        )
    }

    func householdDTO(_ req: Request, _ h: Household) async throws -> HouseholdDTO {
        let members = try await req.scoped.members(of: h.recordID)
        return HouseholdDTO(
            id: h.id!.uuidString, villageCode: h.unitCode, villageGroup: h.villageGroup, address: h.address, latitude: h.latitude,
            longitude: h.longitude,
            poverty: h.poverty, members: members.map(RegistryDTO.person))
    }

    func createHousehold(req: Request) async throws -> Response {
        try req.requireRead(.household)
        try req.requireEdits()
        let input = try await req.json(HouseholdInput.self)
        var c = Checker()
        let village = try await RegistryService.checkVillage(input.villageCode, &c, scoped: try req.scoped)
        let poverty = c.token(input.poverty, "poverty", PovertyStatus.self, required: false) ?? PovertyStatus.none
        try c.throwIfAny()
        let h = Household()
        h.id = TimeOrderedID.next()
        h.unitCode = village!.code
        h.address = ""
        h.poverty = poverty.rawValue
        h.createdAt = req.now
        try await req.db.transaction { tx in
            try await h.create(on: tx)
            try await AuditLog.append(
                AuditEvent(
                    AuditAction.create, h.recordID, unit: h.unitCode, fields: AuditLog.created(["poverty": h.poverty])),
                by: req.auditActor, at: req.now, on: tx)
        }
        let updated = try await HouseholdService.patch(
            h,
            HouseholdInput(villageGroup: input.villageGroup, address: input.address, latitude: input.latitude, longitude: input.longitude),
            scoped: try req.scoped, actor: req.auditActor, at: req.now)
        let res = Response(status: .created)
        try res.content.encode(try await householdDTO(req, updated), as: .json)
        return res
    }

    func households(req: Request) async throws -> ListPage<HouseholdDTO> {
        try req.requireRead(.household)
        let p = try PageParams(req)
        let (items, total, _) = try await req.scoped.households(matching: HouseholdFilter(req), page: p.page, per: p.per)
        var out: [HouseholdDTO] = []
        for h in items { out.append(try await householdDTO(req, h)) }
        return ListPage(items: out, page: p.page, per: p.per, total: total)
    }

    func loadHousehold(_ req: Request) async throws -> Household {
        guard let h = try await req.scoped.household(try req.parameters.id()) else { throw Abort(.notFound) }
        try req.requireRead(.household)
        return h
    }

    func household(req: Request) async throws -> HouseholdDTO {
        let h = try await loadHousehold(req)
        try await req.audit(AuditEvent(AuditAction.view, h.recordID, unit: h.unitCode))
        return try await householdDTO(req, h)
    }

    func patchHousehold(req: Request) async throws -> HouseholdDTO {
        let h = try await loadHousehold(req)
        try req.requireEdits()
        return try await householdDTO(
            req,
            try await HouseholdService.patch(
                h, try await req.json(HouseholdInput.self), scoped: try req.scoped, actor: req.auditActor, at: req.now))
    }
}
