import Fluent
import Vapor
import GuanaiCore

/// /neighbour-groups: the groups of the jurisdiction by village with their coverage, a group's page (members,
/// activities, a concern), the form that forms or changes one, and the suggestions for a village. The same rules as
/// the API: staff write, the inspector reads, volunteers and partners neither.
struct NeighbourPagesController {
    typealias API = NeighbourGroupAPIController

    func register(_ r: any RoutesBuilder) {
        r.get(SiteURL.neighbourGroups.components, use: list)
        r.get(SiteURL.neighbourGroupNew.components, use: newForm)
        r.post(SiteURL.neighbourGroupNew.components, use: create)
        r.get(SiteURL.neighbourSuggestions.components, use: suggestions)
        r.get(SiteURL.neighbourGroup(nil).components, use: show)
        r.get(SiteURL.neighbourGroupEdit(nil).components, use: editForm)
        r.post(SiteURL.neighbourGroupEdit(nil).components, use: edit)
        r.post(SiteURL.neighbourActivity(nil).components, use: addActivity)
        r.post(SiteURL.neighbourConcern(nil).components, use: concern)
    }

    static let unitKey = APIQuery.unit.rawValue

    func list(req: Request) async throws -> Response {
        try req.requireBrowse(.group)
        let scoped = try req.scoped
        let unit = req.query[String.self, at: Self.unitKey].flatMap { $0.isEmpty ? nil : $0 }
        let (items, total) = try await scoped.neighbourGroups(unit: unit, page: 1, per: 500)
        var members: [UUID: Int] = [:]
        for g in items { members[g.id!] = try await scoped.groupMembers(g).count }
        return NeighbourViews.list(
            req, items, total: total, members: members, unitNames: try await scoped.unitNames(items.map(\.villageCode)),
            villages: try await scoped.groupVillages(), unit: unit ?? "", coverage: try await API.coverage(scoped, unit: unit),
            mayWrite: Policy.writes(try req.actor.role, .group), mayExport: try req.actor.can(.export))
    }

    func render(_ req: Request, _ group: NeighbourGroup?, typed f: NeighbourPageForm, errors: [String: String], status: HTTPStatus)
        async throws -> Response
    {
        let scoped = try req.scoped
        let village = f.villageCode ?? ""
        let households = village.isEmpty ? [] : try await scoped.villageHouseholds(village)
        let chosen = f.rows.compactMap { UUID(uuidString: $0.householdId) }
        // The leader lives in a member household: offer those chosen, else the village's.
        let everyone = try await scoped.residents(households.compactMap(\.id))
        let people = chosen.isEmpty ? everyone : everyone.filter { $0.householdID.map(chosen.contains) ?? false }
        return NeighbourViews.editor(
            req, group, typed: f, errors: errors, villages: try await scoped.groupVillages(), households: households,
            leftBehind: try await scoped.leftBehind(village: village), people: people, heads: NeighbourViews.heads(everyone),
            status: status)
    }

    func newForm(req: Request) async throws -> Response {
        try API.requireWrite(req)
        var f = NeighbourPageForm()
        f.villageCode = req.query[String.self, at: NeighbourPageForm.CodingKeys.villageCode.rawValue]
        // "Create this group" from a suggestion: its households, the suggested leader's household first.
        f.householdId = req.query[[String].self, at: NeighbourPageForm.CodingKeys.householdId.rawValue]
        return try await render(req, nil, typed: f, errors: [:], status: .ok)
    }

    func create(req: Request) async throws -> Response {
        try API.requireWrite(req)
        let f = try await req.form(NeighbourPageForm.self)
        do {
            let g = try await NeighbourGroupService.create(f.input, scoped: try req.scoped, actor: req.auditActor, at: req.now)
            return req.redirect(to: SiteURL.neighbourGroup(g.recordID).path)
        } catch let e as FieldErrors {
            return try await render(req, nil, typed: f, errors: req.messages(e), status: .unprocessableEntity)
        }
    }

    func show(req: Request) async throws -> Response {
        try req.requireBrowse(.group)
        return try await page(req, try await API.load(req), errors: [:], typed: [:], status: .ok)
    }

    func page(_ req: Request, _ g: NeighbourGroup, errors: [String: String], typed: [String: String], status: HTTPStatus) async throws
        -> Response
    {
        let scoped = try req.scoped
        let members = try await scoped.groupMembers(g)
        let ids = members.map(\.householdID)
        let role = try req.actor.role
        return NeighbourViews.page(
            req, g, members: members, households: try await scoped.groupHouseholds(ids),
            leftBehind: try await scoped.leftBehind(village: g.villageCode),
            people: try await scoped.residents(ids), children: try await scoped.memberChildren(members),
            activities: try await scoped.groupActivities(g), villageName: try await scoped.unitNames([g.villageCode])[g.villageCode],
            mayWrite: Policy.writes(role, .group), mayReport: Policy.writes(role, .group) && Policy.allows(role, .fileReport),
            errors: errors, typed: typed, status: status)
    }

    func editForm(req: Request) async throws -> Response {
        try API.requireWrite(req)
        let g = try await API.load(req)
        return try await render(
            req, g, typed: NeighbourPageForm(g, members: try await req.scoped.groupMembers(g)), errors: [:], status: .ok)
    }

    /// The edit page posts every field, so the whole group is replaced by what it shows.
    func edit(req: Request) async throws -> Response {
        try API.requireWrite(req)
        let g = try await API.load(req)
        let f = try await req.form(NeighbourPageForm.self)
        do {
            _ = try await NeighbourGroupService.update(g, f.input, scoped: try req.scoped, actor: req.auditActor, at: req.now)
            return req.redirect(to: SiteURL.neighbourGroup(g.recordID).path)
        } catch let e as FieldErrors {
            return try await render(req, g, typed: f, errors: req.messages(e), status: .unprocessableEntity)
        }
    }

    func addActivity(req: Request) async throws -> Response {
        try API.requireWrite(req)
        let g = try await API.load(req)
        let f = try await req.form(NeighbourActivityPageForm.self)
        do {
            _ = try await NeighbourGroupService.addActivity(
                g, f.input, by: try req.actor.displayName, actor: req.auditActor, at: req.now, on: req.db)
            return req.redirect(to: SiteURL.neighbourGroup(g.recordID).with(query: [(NeighbourViews.activitySaved, "1")]))
        } catch let e as FieldErrors {
            return try await page(req, g, errors: req.messages(e), typed: Forms.typed(f), status: .unprocessableEntity)
        }
    }

    func concern(req: Request) async throws -> Response {
        try API.requireWrite(req)
        try req.require(.fileReport)
        let g = try await API.load(req)
        let f = try await req.form(NeighbourConcernPageForm.self)
        do {
            _ = try await NeighbourGroupService.raiseConcern(
                g, childId: f.childId, seen: f.seen, scoped: try req.scoped, filedBy: try req.actor.displayName, actor: req.auditActor,
                at: req.now)
            return req.redirect(to: SiteURL.neighbourGroup(g.recordID).with(query: [(NeighbourViews.concernFiled, "1")]))
        } catch let e as FieldErrors {
            return try await page(req, g, errors: req.messages(e), typed: Forms.typed(f), status: .unprocessableEntity)
        }
    }

    func suggestions(req: Request) async throws -> Response {
        try API.requireWrite(req)
        let scoped = try req.scoped
        let village = req.query[String.self, at: NeighbourPageForm.CodingKeys.villageCode.rawValue] ?? ""
        var result: GroupingSuggestionsDTO?
        var error: String?
        if !village.isEmpty {
            do { result = try await API.suggest(req, village: village) } catch let e as FieldErrors { error = req.messages(e).values.first }
        }
        let ids = (result?.groups.flatMap(\.householdIds) ?? []) + (result?.ungrouped ?? [])
        return NeighbourViews.suggestions(
            req, village: village, villages: try await scoped.groupVillages(), result: result, error: error,
            households: try await scoped.groupHouseholds(ids.compactMap(UUID.init(uuidString:))),
            leftBehind: try await scoped.leftBehind(village: village),
            heads: NeighbourViews.heads(try await scoped.residents(ids.compactMap(UUID.init(uuidString:)))))
    }
}
