import GuanaiCore

/// A group as typed on its new or edit page: members as parallel rows (`householdId`, `consentedOn`); a row with no
/// household chosen is no one.
struct NeighbourPageForm: Codable {
    var villageCode: String?
    var name: String?
    var leaderPersonId: String?
    var householdId: [String]?
    var consentedOn: [String]?
    var status: String?

    enum CodingKeys: String, CodingKey { case villageCode, name, leaderPersonId, householdId, consentedOn, status }

    init() {}

    init(_ g: NeighbourGroup, members: [NeighbourGroupMember]) {
        villageCode = g.villageCode; name = g.name; leaderPersonId = g.leaderPersonID.uuidString
        householdId = members.map(\.householdID.uuidString); consentedOn = members.map(\.consentedOn); status = g.status.rawValue
    }

    /// Rows of the member list and the member index each came from, so an error on `members[i]` lands on its row.
    var input: NeighbourGroupInput {
        let ids = householdId ?? [], days = consentedOn ?? []
        var members: [NeighbourGroupInput.Member] = []
        for i in 0..<max(ids.count, days.count) {
            let h = i < ids.count ? ids[i] : "", d = i < days.count ? days[i] : ""
            if h.trimmingCharacters(in: .whitespaces).isEmpty { continue }
            members.append(.init(householdId: h, consentedOn: d))
        }
        return NeighbourGroupInput(villageCode: villageCode, name: name, leaderPersonId: leaderPersonId, members: members, status: status)
    }

    /// The rows as typed with no blank household, in the order `input` numbers them.
    var rows: [(householdId: String, consentedOn: String)] {
        input.members?.map { ($0.householdId ?? "", $0.consentedOn ?? "") } ?? []
    }
}

struct NeighbourActivityPageForm: Codable {
    var kind: String?
    var date: String?
    var note: String?
    enum CodingKeys: String, CodingKey { case kind, date, note }
    var input: NeighbourActivityInput { NeighbourActivityInput(kind: kind, date: date, note: note) }
}

struct NeighbourConcernPageForm: Codable {
    var childId: String?
    var seen: String?
    enum CodingKeys: String, CodingKey { case childId, seen }
}
