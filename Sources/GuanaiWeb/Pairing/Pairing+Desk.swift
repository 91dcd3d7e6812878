import Fluent
import Vapor
import GuanaiCore

/// What a volunteer sees of one child: only this, by construction. The type has no other field, and the query
/// below is the only way a volunteer account reaches a child.
struct DeskChild: Content, Sendable {
    struct Contact: Content, Sendable { let date: String; let mode: String; let minutes: Int; let notes: String }
    let pairId: String
    let status: String
    let givenName: String
    let age: Int
    let school: String?
    let guardianPhone: String?
    let needs: [String]
    let recentContacts: [Contact]
    let contactsThisMonth: Int
    let contactsDueThisMonth: Int
    let overdue: Bool
    /// For the audit entry of her view; never sent.
    var unitCode = ""

    enum CodingKeys: String, CodingKey {
        case pairId, status, givenName, age, school, guardianPhone, needs, recentContacts, contactsThisMonth, contactsDueThisMonth, overdue
    }
}

/// The volunteer's desk (我的结对): her own pairs that are approved (waiting for her first contact), active or paused.
enum VolunteerDesk {
    static let visible: [PairStatus] = [.approved, .active, .paused]

    /// The volunteer record behind a volunteer account, if a staff member has linked one.
    static func volunteer(for actor: Signer, on db: any Database) async throws -> Volunteer? {
        guard Policy.hasDesk(actor.role) else { return nil }
        return try await Volunteer.query(on: db).filter(\.$userID == actor.userID.uuid).filter(\.$status == .active).first()
    }

    /// One of her visible pairs, or nil: another volunteer's pair, a closed or proposed one, and every child
    /// outside her pairs are out of reach the same way (404).
    static func pair(_ id: PairID, for actor: Signer, on db: any Database) async throws -> (Pair, Volunteer)? {
        guard let v = try await volunteer(for: actor, on: db), let p = try await Pair.find(id, on: db), p.volunteer == v.recordID,
            visible.contains(p.status)
        else { return nil }
        return (p, v)
    }

    static func children(for actor: Signer, on db: any Database, today: CivilDate) async throws -> [DeskChild] {
        guard let v = try await volunteer(for: actor, on: db) else { return [] }
        let pairs = try await Pair.query(on: db).filter(\.$volunteerID == v.id!).filter(\.$status ~~ visible).sort(\.$createdAt).all()
        guard !pairs.isEmpty else { return [] }
        let kids = Dictionary(
            uniqueKeysWithValues: try await Child.query(on: db).filter(\.$id ~~ pairs.map(\.childID)).all().map { ($0.recordID, $0) })
        let personIDs = kids.values.flatMap { [$0.person] + ($0.guardian.map { [$0] } ?? []) }
        let people = Dictionary(
            uniqueKeysWithValues: try await Person.query(on: db).filter(\.$id ~~ personIDs.map(\.uuid)).all().map { ($0.recordID, $0) })
        let rules = try await CadenceSettingsStore.load(on: db)
        let standings = try await PairingService.standings(pairs, today: today, rules: rules, on: db)
        // Her few pairs' contacts in one query; each card shows its latest five.
        let all = try await PairContact.query(on: db).filter(\.$pairID ~~ pairs.compactMap(\.id)).sort(\.$onDate, .descending).sort(
            \.$createdAt, .descending
        ).all()
        let byPair = Dictionary(grouping: all, by: \.pair)
        var out: [DeskChild] = []
        for p in pairs {
            guard let c = kids[p.child], let person = people[c.person] else { continue }
            let contacts = (byPair[p.recordID] ?? []).prefix(5)
            let s = standings[p.recordID]
            let born = CivilDate(iso: c.birthDate)
            out.append(
                DeskChild(
                    pairId: p.id!.uuidString, status: p.status.rawValue, givenName: ChineseName.givenName(person.name),
                    age: born.map { Age.years(born: $0, on: today) } ?? 0, school: c.details[text: .school],
                    guardianPhone: c.guardian.flatMap { people[$0]?.phone },
                    needs: c.needList.map(\.rawValue),
                    recentContacts: contacts.map { .init(date: $0.onDate, mode: $0.mode.rawValue, minutes: $0.minutes, notes: $0.notes) },
                    contactsThisMonth: s?.thisMonth ?? 0, contactsDueThisMonth: s?.thisMonthQuota ?? rules.firstMonthContacts,
                    overdue: s?.overdue ?? false, unitCode: p.unitCode))
        }
        return out
    }

    /// A concern about her child goes into the safety net as a mandatory report, filed in her name. The report
    /// is filed as the system would, since her own jurisdiction does not reach the child's record.
    static func raiseConcern(
        _ p: Pair, volunteer v: Volunteer, seen: String?, actor: Signer, audit: AuditActor, at: Date, on db: any Database
    ) async throws -> Report {
        guard let c = try await Child.find(p.child, on: db) else { throw Abort(.notFound) }
        let input = ReportInput(
            childId: c.id!.uuidString, reporter: UILanguage.zh.t("desk.reporter", v.name), reporterContact: v.phone ?? "", reportedAt: nil,
            seen: seen, policeCalled: false, policeReportNo: nil)
        return try await ReportService.file(c, input, filedBy: actor.displayName, scoped: .system(db), actor: audit, at: at)
    }
}
