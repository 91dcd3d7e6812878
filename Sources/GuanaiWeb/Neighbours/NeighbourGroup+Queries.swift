import Fluent
import Vapor
import GuanaiCore

extension Scoped {
    /// Groups in the jurisdiction, or within `unit` when it lies inside it (a unit above or outside answers for the
    /// whole jurisdiction, as the registry's lists do), by village then name.
    func neighbourGroups(unit: String?, page: Int, per: Int) async throws -> (items: [NeighbourGroup], total: Int) {
        let q = NeighbourGroup.query(on: db).within(unit.map(narrowed) ?? jurisdiction, \.$villageCode)
        return (
            try await q.copy().sort(\.$villageCode).sort(\.$name).range(((page - 1) * per)..<(page * per)).all(),
            try await q.count()
        )
    }

    /// nil outside the jurisdiction: the caller answers 404 either way.
    func neighbourGroup(_ id: NeighbourGroupID) async throws -> NeighbourGroup? {
        guard let g = try await NeighbourGroup.find(id, on: db), inScope(g.villageCode) else { return nil }
        return g
    }

    func groupMembers(_ g: NeighbourGroup) async throws -> [NeighbourGroupMember] {
        try await NeighbourGroupMember.query(on: db).filter(\.$groupID == g.id!).sort(\.$position).all()
    }

    /// The members of many groups at once (an export), each group's in the order typed.
    func groupMembers(of groups: [NeighbourGroup]) async throws -> [UUID: [NeighbourGroupMember]] {
        var out: [UUID: [NeighbourGroupMember]] = [:]
        for chunk in groups.compactMap(\.id).chunked(500) {
            for m in try await NeighbourGroupMember.query(on: db).filter(\.$groupID ~~ Array(chunk)).sort(\.$position).all() {
                out[m.groupID, default: []].append(m)
            }
        }
        return out
    }

    func groupActivities(_ g: NeighbourGroup) async throws -> [NeighbourActivity] {
        try await NeighbourActivity.query(on: db).filter(\.$groupID == g.id!).sort(\.$date, .descending).sort(\.$createdAt, .descending)
            .all()
    }

    /// What `NeighbourGroupForm` checks the input against: the village, the named households' villages, those held by
    /// another active group, and the leader's household. Ids are compared as the input names them.
    func neighbourGroupFacts(_ input: NeighbourGroupInput, excluding group: UUID?) async throws -> NeighbourGroupForm.Facts {
        var villageActive = false
        if let code = input.villageCode, let u = try await unit(code.trimmingCharacters(in: .whitespaces)) {
            villageActive = u.divisionLevel == .village && u.status == .active
        }
        let typed = (input.members ?? []).compactMap(\.householdId)
        let uuids = Array(Set(typed.compactMap { UUID(uuidString: $0.trimmingCharacters(in: .whitespaces)) }))
        var villages: [UUID: String] = [:]
        var taken: Set<UUID> = []
        if !uuids.isEmpty {
            for h in try await Household.query(on: db).filter(\.$id ~~ uuids).within(jurisdiction, \.$unitCode).all()
            where h.voidedReason == nil {
                villages[h.id!] = h.unitCode
            }
            var q = NeighbourGroupMember.query(on: db).filter(\.$liveHouseholdID ~~ uuids)
            if let group { q = q.filter(\.$groupID != group) }
            taken = Set(try await q.all(\.$householdID))
        }
        var householdVillage: [String: String] = [:]
        var inOther: Set<String> = []
        for t in typed {
            guard let u = UUID(uuidString: t.trimmingCharacters(in: .whitespaces)) else { continue }
            if let v = villages[u] { householdVillage[t] = v }
            if taken.contains(u) { inOther.insert(t) }
        }
        var leaderHousehold: String?
        if let lid = input.leaderPersonId.flatMap({ UUID(uuidString: $0.trimmingCharacters(in: .whitespaces)) }),
            let p = try await Person.find(lid, on: db), inScope(p.unitCode), let h = p.householdID
        {
            leaderHousehold = typed.first { UUID(uuidString: $0.trimmingCharacters(in: .whitespaces)) == h } ?? h.uuidString
        }
        return .init(
            villageActive: villageActive, householdVillage: householdVillage, inOtherGroup: inOther, leaderHousehold: leaderHousehold)
    }

    /// Households of the village with an active left-behind child or woman (Core's `LeftBehindHousehold`).
    func leftBehindHouseholds(within j: Jurisdiction) async throws -> [UUID: String] {
        var out: [UUID: String] = [:]
        let kids = try await Child.query(on: db).within(j, \.$unitCode).filter(\.$leftBehind == true).filter(\.$status == .active).all()
        for k in kids where LeftBehindHousehold.counts(child: k.status, leftBehind: k.leftBehind) && k.mergedInto == nil {
            if let h = k.householdID { out[h] = k.unitCode }
        }
        let women = try await Woman.query(on: db).within(j, \.$unitCode).filter(\.$leftBehind == true).filter(\.$status == .active).all()
        for w in women where LeftBehindHousehold.counts(woman: w.status, leftBehind: w.leftBehind) {
            if let h = w.householdID { out[h] = w.unitCode }
        }
        return out
    }

    /// The left-behind households of one village of the jurisdiction (none for a village outside it).
    func leftBehind(village: String) async throws -> Set<UUID> {
        guard let c = DivisionCode(village), jurisdiction.contains(c) else { return [] }
        return Set(try await leftBehindHouseholds(within: Jurisdiction(root: c)).keys)
    }

    /// The households of a village not in an active group, as `NeighbourGrouping` reads them.
    func groupingHouseholds(village: String) async throws -> [GroupingHousehold] {
        guard let code = DivisionCode(village), jurisdiction.contains(code) else { return [] }
        let j = Jurisdiction(root: code)
        let leftBehind = try await leftBehindHouseholds(within: j)
        let grouped = Set(try await liveMembers(within: j))
        return try await Household.query(on: db).filter(\.$unitCode == code.value).all().compactMap { h in
            guard h.voidedReason == nil, let id = h.id, !grouped.contains(id) else { return nil }
            let point = h.latitude.flatMap { lat in h.longitude.map { GeoPoint(latitude: lat, longitude: $0) } }
            return GroupingHousehold(
                id: id.uuidString, point: point, villageGroup: h.villageGroup, address: h.address, leftBehind: leftBehind[id] != nil)
        }
    }

    /// Households held by an active group whose village lies within `j`.
    func liveMembers(within j: Jurisdiction) async throws -> [UUID] {
        let groups = try await NeighbourGroup.query(on: db).within(j, \.$villageCode).filter(\.$status == .active).all(\.$id)
        guard !groups.isEmpty else { return [] }
        var out: [UUID] = []
        for chunk in groups.chunked(500) {
            out += try await NeighbourGroupMember.query(on: db).filter(\.$groupID ~~ chunk).all(\.$householdID)
        }
        return out
    }

    /// Children (not merged away) living in the group's households: whom a concern may be about.
    func memberChildren(_ members: [NeighbourGroupMember]) async throws -> [Child] {
        let hs = members.map(\.householdID)
        guard !hs.isEmpty else { return [] }
        return try await Child.query(on: db).filter(\.$householdID ~~ hs).filter(\.$status != .voided).all().filter { $0.mergedInto == nil }
    }

    /// Households by id within the jurisdiction, for the group's page.
    func groupHouseholds(_ ids: [UUID]) async throws -> [UUID: Household] {
        guard !ids.isEmpty else { return [:] }
        let rows = try await Household.query(on: db).filter(\.$id ~~ ids).within(jurisdiction, \.$unitCode).all()
        return Dictionary(uniqueKeysWithValues: rows.map { ($0.id!, $0) })
    }
}

extension Scoped {
    /// The village's households a group form offers, by 村民小组 and address.
    func villageHouseholds(_ village: String) async throws -> [Household] {
        guard inScope(village) else { return [] }
        return try await Household.query(on: db).filter(\.$unitCode == village).sort(\.$villageGroup).sort(\.$address).limit(1000).all()
            .filter { $0.voidedReason == nil }
    }

    /// People living in these households, by name: whom a form offers as leader and a group's page names.
    func residents(_ households: [UUID]) async throws -> [Person] {
        guard !households.isEmpty else { return [] }
        var out: [Person] = []
        for chunk in households.chunked(500) {
            out += try await Person.query(on: db).filter(\.$householdID ~~ Array(chunk)).within(jurisdiction, \.$unitCode).all()
        }
        return out.filter { $0.vitalStatus != VitalStatus.deceased.rawValue }.sorted { $0.name < $1.name }
    }

    /// Villages of the jurisdiction a group may be formed in.
    func groupVillages() async throws -> [(String, String)] {
        try await units().filter(\.$level == DivisionLevel.village.rawValue).filter(\.$status == .active).sort(\.$id).limit(2000).all()
            .map { ($0.code, $0.shortName) }
    }
}
