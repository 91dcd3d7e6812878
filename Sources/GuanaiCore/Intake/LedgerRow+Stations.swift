import Foundation

/// Issue 17's ledgers as the forms' own inputs, so an imported row passes exactly the checks a form does.
extension LedgerRow {
    /// A station's row. A ledger names one person in charge (负责人 and a phone); helpers who are registered
    /// volunteers are added on the station's page, since a ledger has no volunteer ids.
    public static func station(_ v: [String: String], unit: String?) -> StationInput {
        let staff =
            v["staff.name"] != nil || v["staff.phone"] != nil ? [StationInput.Staff(name: v["staff.name"], phone: v["staff.phone"])] : nil
        return StationInput(
            name: v["name"], unitCode: unit ?? v["unitCode"], host: v["host"] ?? StationHost.other.rawValue, address: v["address"],
            latitude: v["latitude"].flatMap(Double.init), longitude: v["longitude"].flatMap(Double.init),
            capacity: v["capacity"].flatMap { Int($0) }, schedule: list(v["schedule"]), staff: staff, volunteerIds: nil,
            facilities: v["facilities"], status: v["status"], openedOn: v["openedOn"], closedOn: v["closedOn"])
    }

    /// A candidate site's row: a school unless the ledger says otherwise (the sites a township lists are its schools).
    public static func site(_ v: [String: String], unit: String?) -> SiteInput {
        SiteInput(
            name: v["name"], kind: v["kind"] ?? SiteKind.school.rawValue, unitCode: unit ?? v["unitCode"],
            latitude: v["latitude"].flatMap(Double.init), longitude: v["longitude"].flatMap(Double.init))
    }
}

/// A neighbour group read from its roster (花名册): one row per member household, the rows sharing a group name in
/// one village making one group. The rows are judged together by the group form, and each of its errors goes back to
/// the row and column it is about.
public enum LedgerGroup {
    public struct Member: Sendable, Equatable {
        /// The row's number in the file.
        public let row: Int
        /// The household whose head's ID number the row gives, and that head, as found by the caller.
        public let householdId: String
        public let headPersonId: String
        public let leader: Bool
        public let consentedOn: String?

        public init(row: Int, householdId: String, headPersonId: String, leader: Bool, consentedOn: String?) {
            self.row = row
            self.householdId = householdId
            self.headPersonId = headPersonId
            self.leader = leader
            self.consentedOn = consentedOn
        }
    }

    /// The group's input, and the problems no form field can carry: no household marked as the leader's, or two.
    public static func input(name: String, village: String, members: [Member]) -> (NeighbourGroupInput, [(row: Int, FieldError)]) {
        let leaders = members.filter(\.leader)
        var problems: [(row: Int, FieldError)] = []
        if leaders.isEmpty {
            problems = members.map { ($0.row, FieldError(field: "leader", key: "intake.error.noLeader")) }
        } else if leaders.count > 1 {
            problems = leaders.map { ($0.row, FieldError(field: "leader", key: "intake.error.twoLeaders")) }
        }
        let input = NeighbourGroupInput(
            villageCode: village, name: name, leaderPersonId: leaders.first?.headPersonId,
            members: members.map { .init(householdId: $0.householdId, consentedOn: $0.consentedOn) })
        return (input, problems)
    }

    /// The group form's errors, by row, under the ledger's column keys. A member's own field goes to its row; a
    /// household in another group to that household's row; what is about the whole group to every row.
    public static func place(_ errors: [FieldError], members: [Member]) -> [Int: [FieldError]] {
        var out: [Int: [FieldError]] = [:]
        func everyRow(_ e: FieldError) { for m in members { out[m.row, default: []].append(e) } }
        for e in errors {
            if e.field.hasPrefix("members["), let close = e.field.firstIndex(of: "]"),
                let i = Int(e.field[e.field.index(e.field.startIndex, offsetBy: 8)..<close]), members.indices.contains(i)
            {
                let key = e.field.hasSuffix(".consentedOn") ? "consentedOn" : "head.idNumber"
                out[members[i].row, default: []].append(FieldError(field: key, key: e.key, args: e.args))
                continue
            }
            switch e.field {
            case "members":
                if let id = e.args.first, let m = members.first(where: { $0.householdId == id }) {
                    out[m.row, default: []].append(FieldError(field: "head.idNumber", key: e.key))
                } else if e.key == "neighbours.error.duplicateHousehold" {
                    var seen: Set<String> = []
                    for m in members where !seen.insert(m.householdId).inserted {
                        out[m.row, default: []].append(FieldError(field: "head.idNumber", key: e.key))
                    }
                } else {
                    everyRow(FieldError(field: "name", key: e.key, args: e.args))
                }
            case "leaderPersonId":
                for m in members where m.leader { out[m.row, default: []].append(FieldError(field: "leader", key: e.key, args: e.args)) }
            case "villageCode": everyRow(e)
            default: everyRow(FieldError(field: "name", key: e.key, args: e.args))
            }
        }
        return out
    }
}
