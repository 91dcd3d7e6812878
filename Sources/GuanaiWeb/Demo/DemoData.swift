import Fluent
import Vapor
import GuanaiCore

/// Synthetic registry records through the same service the pages use, so demo data is classified and audited
/// exactly like real entries.
public enum DemoData {
    static func input(_ k: SyntheticChild) -> ChildInput {
        func parent(_ p: SyntheticParent) -> ParentInput {
            ParentInput(name: p.name, idNumber: p.idNumber, situation: p.situation.rawValue, workPlace: p.workPlace, since: nil, phone: nil)
        }
        return ChildInput(name: k.name, idNumber: k.idNumber, villageCode: k.villageCode, hukou: Hukou.rural.rawValue, ethnicity: Ethnicity.all[0],
                          poverty: k.poverty.rawValue, father: parent(k.father), mother: parent(k.mother),
                          guardian: k.guardian.map { GuardianInput(name: $0.name, idNumber: $0.idNumber, relation: $0.relation.rawValue, health: $0.health.rawValue) },
                          livingArrangement: k.living.rawValue, needs: k.needs.map(\.rawValue), informedOn: RegistryService.today(Date()).iso, consent: true, confirmLinks: true)
    }

    /// Adds `children` synthetic children across the county's active villages. Returns how many were added
    /// (records already present are skipped, so running it twice with the same seed adds nothing).
    @discardableResult
    public static func load(_ app: Application, children: Int, seed: UInt64) async throws -> Int {
        let county = DivisionCode(app.guanai.county)!
        let scoped = Scoped(db: app.db, jurisdiction: Jurisdiction(root: county))
        let villages = try await scoped.units().filter(\.$level == DivisionLevel.village.rawValue).filter(\.$status == Unit.active)
            .filter(\.$kind == DivisionKind.villageCommittee.rawValue).sort(\.$id).all().map(\.code)
        guard !villages.isEmpty else { return 0 }
        let kids = SyntheticRegistry.children(count: children, seed: seed, villages: villages, today: RegistryService.today(app.now))
        var added = 0
        for k in kids {
            do {
                _ = try await RegistryService.createChild(input(k), scoped: scoped, actor: .system("demo-data"), at: app.now)
                added += 1
            } catch is ConflictError {
                continue
            }
        }
        return added
    }

    static func input(_ w: SyntheticWoman) -> WomanInput {
        WomanInput(name: w.name, idNumber: w.idNumber, villageCode: w.villageCode, hukou: Hukou.rural.rawValue, phone: nil, ethnicity: Ethnicity.all[0], health: Health.healthy.rawValue,
                   husband: ParentInput(name: w.husband.name, idNumber: w.husband.idNumber, situation: w.husband.situation.rawValue, workPlace: w.husband.workPlace, since: w.husbandSince.iso, phone: nil),
                   childrenInCare: w.childrenInCare, eldersInCare: w.eldersInCare, farming: w.farming, skills: w.skills, needs: w.needs.map(\.rawValue),
                   employmentInterest: w.employmentInterest, healthInterest: w.healthInterest, confirmLinks: true)
    }

    /// Adds `women` synthetic left-behind women (and the few not yet six months alone) across the county's villages;
    /// like the children, a second run with the same seed adds nothing.
    @discardableResult
    public static func loadWomen(_ app: Application, women: Int, seed: UInt64) async throws -> Int {
        let county = DivisionCode(app.guanai.county)!
        let scoped = Scoped(db: app.db, jurisdiction: Jurisdiction(root: county))
        let villages = try await scoped.units().filter(\.$level == DivisionLevel.village.rawValue).filter(\.$status == Unit.active)
            .filter(\.$kind == DivisionKind.villageCommittee.rawValue).sort(\.$id).all().map(\.code)
        guard !villages.isEmpty else { return 0 }
        var added = 0
        for w in SyntheticRegistry.women(count: women, seed: seed, villages: villages, today: RegistryService.today(app.now)) {
            do {
                _ = try await WomenService.create(input(w), scoped: scoped, actor: .system("demo-data"), at: app.now)
                added += 1
            } catch is ConflictError {
                continue
            }
        }
        return added
    }
}
