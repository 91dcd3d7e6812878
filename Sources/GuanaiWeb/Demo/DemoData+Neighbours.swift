import Fluent
import Vapor
import GuanaiCore

extension DemoData {
    /// Two neighbour groups in the demo village (石华堰村), formed from Core's own suggestion the way staff would confirm
    /// one: a few synthetic left-behind children and neighbours without anyone left behind are registered there first,
    /// since the county-wide demo register leaves a village only a child or two. Added once.
    @discardableResult
    public static func loadNeighbourGroups(_ app: Application) async throws -> Int {
        let db = app.db
        let places = try await Demo.places(county: app.guanai.county, on: db)
        let scoped = Scoped(db: db, jurisdiction: Jurisdiction(root: DivisionCode(app.guanai.county)!))
        guard try await NeighbourGroup.query(on: db).filter(\.$villageCode == places.village).count() == 0 else { return 0 }
        let today = RegistryService.today(app.now)
        let actor = AuditActor.system("demo-data")
        for k in SyntheticRegistry.children(count: 8, seed: 1717, villages: [places.village], today: today) {
            do { _ = try await RegistryService.createChild(input(k), scoped: scoped, actor: actor, at: app.now) } catch is ConflictError {
                continue
            }
        }
        for n in 1...6 {
            let h = Household()
            h.id = TimeOrderedID.next()
            h.unitCode = places.village
            h.villageGroup = "\(n <= 3 ? "一" : "二")组"
            h.address = "石华堰村\(h.villageGroup ?? "")\(10 + n)号（演示）"
            h.poverty = PovertyStatus.none.rawValue
            h.createdAt = app.now
            try await db.transaction { tx in
                try await h.create(on: tx)
                try await AuditLog.append(
                    AuditEvent(AuditAction.create, h.recordID, unit: h.unitCode, fields: AuditLog.created(["address": h.address])),
                    by: actor,
                    at: app.now, on: tx)
            }
        }
        let suggestion = NeighbourGrouping.suggest(
            try await scoped.groupingHouseholds(village: places.village), limits: NeighbourGroupService.limits)
        var made = 0
        for (i, g) in suggestion.groups.prefix(2).enumerated() {
            let ids = g.householdIds.compactMap(UUID.init(uuidString:))
            let residents = try await scoped.residents(ids)
            guard
                let leader = residents.first(where: { $0.householdID?.uuidString == g.leaderHouseholdId })
                    ?? residents.first(where: { $0.idNumber != nil })
            else { continue }
            let input = NeighbourGroupInput(
                villageCode: places.village, name: ["东头互助组（演示）", "西头互助组（演示）"][i], leaderPersonId: leader.id!.uuidString,
                members: g.householdIds.map { .init(householdId: $0, consentedOn: today.adding(days: -90 + i * 7).iso) })
            do {
                let group = try await NeighbourGroupService.create(input, scoped: scoped, actor: actor, at: app.now)
                _ = try await NeighbourGroupService.addActivity(
                    group,
                    NeighbourActivityInput(
                        kind: [NeighbourActivityKind.safetyWatch, .dailyLife][i].rawValue, date: today.adding(days: -3 - i).iso,
                        note: ["放学路上轮流接送", "帮留守老人收晒稻谷"][i]),
                    by: "村妇联主席（演示）", actor: actor, at: app.now, on: db)
                made += 1
            } catch is FieldErrors { continue }
        }
        return made
    }
}
