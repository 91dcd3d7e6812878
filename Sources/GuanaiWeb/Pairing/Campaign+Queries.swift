import Fluent
import Vapor
import GuanaiCore

/// A campaign's progress on one day.
struct CampaignProgress: Content, Sendable, Equatable {
    /// Volunteers who signed up.
    var volunteers = 0
    /// Children on the care list (status active) in the campaign's unit, and of them those with an open pair
    /// (proposed, approved, active or paused), by any volunteer.
    var childrenListed = 0
    var childrenPaired = 0
    /// The signed-up volunteers' open pairs, and of their active pairs those in step with the contact cadence.
    var openPairs = 0
    var activePairs = 0
    var contactsOnTime = 0
    var contactsOverdue = 0
    /// Their pairs closed on or after the launch day, in all and by reason.
    var closedSinceLaunch = 0
    var closedByReason: [String: Int] = [:]
}

/// One signed-up volunteer with her pairs, for the campaign's table.
struct CampaignSignup: Sendable {
    let row: CampaignVolunteer
    let volunteer: Volunteer
    let openPairs: Int
    let activePairs: Int
    let closedPairs: Int
}

extension Scoped {
    func campaigns(page: Int, per: Int) async throws -> (items: [Campaign], total: Int) {
        let q = Campaign.query(on: db).within(jurisdiction, \.$unitCode)
        return (
            try await q.copy().sort(\.$launchedOn, .descending).sort(\.$name).range(((page - 1) * per)..<(page * per)).all(),
            try await q.count()
        )
    }

    func campaign(_ id: CampaignID) async throws -> Campaign? {
        guard let k = try await Campaign.find(id, on: db), inScope(k.unitCode) else { return nil }
        return k
    }

    /// Signed-up volunteers per campaign, for the list.
    func signupCounts(_ campaigns: [CampaignID]) async throws -> [CampaignID: Int] {
        guard !campaigns.isEmpty else { return [:] }
        let rows = try await CampaignVolunteer.query(on: db).filter(\.$campaignID ~~ campaigns.map(\.uuid)).all(\.$campaignID)
        return rows.reduce(into: [:]) { $0[CampaignID($1), default: 0] += 1 }
    }

    /// The campaign's volunteers, as far as the caller may see them, with their pairs.
    func signups(_ k: Campaign) async throws -> [CampaignSignup] {
        let rows = try await CampaignVolunteer.query(on: db).filter(\.$campaignID == k.id!).sort(\.$signedOn).all()
        guard !rows.isEmpty else { return [] }
        let people = try await Volunteer.query(on: db).filter(\.$id ~~ rows.map(\.volunteerID)).within(jurisdiction, \.$unitCode).all()
        let byID = Dictionary(uniqueKeysWithValues: people.map { ($0.recordID, $0) })
        let pairs = try await Pair.query(on: db).filter(\.$volunteerID ~~ rows.map(\.volunteerID)).all()
        return rows.compactMap { r in
            guard let v = byID[r.volunteer] else { return nil }
            let mine = pairs.filter { $0.volunteer == r.volunteer }
            return CampaignSignup(
                row: r, volunteer: v, openPairs: mine.filter { $0.status != .closed }.count,
                activePairs: mine.filter { $0.status == .active }.count,
                closedPairs: mine.filter { $0.status == .closed }.count)
        }
    }

    /// Active volunteers of the campaign's township not yet signed up: whom the page offers to add.
    func campaignCandidates(_ k: Campaign) async throws -> [Volunteer] {
        let township = CampaignForm.township(of: k.unitCode)
        // A village worker sees her own village's volunteers; the township and the city the whole township's.
        let area = narrowed(township)
        let signed = Set(try await CampaignVolunteer.query(on: db).filter(\.$campaignID == k.id!).all(\.$volunteerID))
        let all = try await Volunteer.query(on: db).within(area, \.$unitCode).filter(\.$status == .active)
            .sort(\.$unitCode).sort(\.$name).limit(1000).all()
        return all.filter { !signed.contains($0.id!) && Jurisdiction(root: DivisionCode(township)!).contains($0.unitCode) }
    }

    /// Progress from plain queries: the unit's listed children and their open pairs, and the signed-up volunteers'
    /// pairs with their contacts judged by `ContactCadence.standing` on `today`.
    func progress(_ k: Campaign, today: CivilDate, rules given: ContactCadenceRules? = nil) async throws -> CampaignProgress {
        // The cadence the city has set, as the sweep's reminders use it.
        let rules: ContactCadenceRules
        if let given { rules = given } else { rules = try await CadenceSettingsStore.load(on: db) }
        var p = CampaignProgress()
        let area = Jurisdiction(root: DivisionCode(k.unitCode)!)
        // Pairs follow their child's unit, so the unit's open pairs name its paired children without a long IN list.
        let listed = Set(try await Child.query(on: db).within(area, \.$unitCode).filter(\.$status == .active).all(\.$id))
        let pairedKids = Set(try await Pair.query(on: db).within(area, \.$unitCode).filter(\.$status != .closed).all(\.$childID))
        p.childrenListed = listed.count
        p.childrenPaired = listed.intersection(pairedKids).count

        let volunteers = try await CampaignVolunteer.query(on: db).filter(\.$campaignID == k.id!).all(\.$volunteerID)
        p.volunteers = volunteers.count
        guard !volunteers.isEmpty else { return p }
        let pairs = try await Pair.query(on: db).filter(\.$volunteerID ~~ volunteers).all()
        p.openPairs = pairs.filter { $0.status != .closed }.count
        let active = pairs.filter { $0.status == .active && $0.startedOn != nil }
        p.activePairs = active.count
        for s in try await PairingService.standings(active, today: today, rules: rules, on: db).values {
            if s.overdue { p.contactsOverdue += 1 } else { p.contactsOnTime += 1 }
        }
        // A closed pair is not touched again until reopened, so its last change is the day it closed.
        let launched = k.launchedOn
        for pair in pairs where pair.status == .closed && RegistryService.today(pair.updatedAt).iso >= launched {
            p.closedSinceLaunch += 1
            p.closedByReason[pair.closeReason?.rawValue ?? "", default: 0] += 1
        }
        return p
    }
}
