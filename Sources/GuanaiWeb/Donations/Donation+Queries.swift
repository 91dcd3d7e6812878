import Fluent
import Vapor
import GuanaiCore

extension Scoped {
    /// Donors booked in the jurisdiction, or within `unit` when it lies inside it (a unit above or outside answers
    /// for the jurisdiction), by name.
    func donors(unit: String?, page: Int, per: Int) async throws -> (items: [Donor], total: Int) {
        let q = Donor.query(on: db).within(unit.map(narrowed) ?? jurisdiction, \.$unitCode)
        return (try await q.copy().sort(\.$name).sort(\.$id).range(((page - 1) * per)..<(page * per)).all(), try await q.count())
    }

    /// nil outside the jurisdiction: the caller answers 404 either way.
    func donor(_ id: DonorID) async throws -> Donor? {
        guard let d = try await Donor.find(id, on: db), inScope(d.unitCode) else { return nil }
        return d
    }

    func donor(text: String?) async throws -> Donor? {
        guard let t = text?.trimmingCharacters(in: .whitespaces), let id = DonorID(t) else { return nil }
        return try await donor(id)
    }

    /// Donations received in the jurisdiction (or within `unit`), latest first.
    func donations(unit: String?, page: Int, per: Int) async throws -> (items: [Donation], total: Int) {
        let q = Donation.query(on: db).within(unit.map(narrowed) ?? jurisdiction, \.$unitCode)
        return (
            try await q.copy().sort(\.$receivedOn, .descending).sort(\.$id, .descending).range(((page - 1) * per)..<(page * per)).all(),
            try await q.count()
        )
    }

    func donation(_ id: DonationID) async throws -> Donation? {
        guard let d = try await Donation.find(id, on: db), inScope(d.unitCode) else { return nil }
        return d
    }

    func allocations(_ d: Donation) async throws -> [DonationAllocation] {
        try await DonationAllocation.query(on: db).filter(\.$donationID == d.id!).sort(\.$on).sort(\.$id).all()
    }

    /// One allocation of a donation the caller reads; nil for any other id.
    func allocation(_ d: Donation, _ raw: String?) async throws -> DonationAllocation? {
        guard let id = raw.flatMap(UUID.init(uuidString:)) else { return nil }
        return try await DonationAllocation.query(on: db).filter(\.$id == id).filter(\.$donationID == d.id!).first()
    }

    /// Every allocation of these donations, by donation, each in date order (an export).
    func allocations(of donations: [Donation]) async throws -> [UUID: [DonationAllocation]] {
        var out: [UUID: [DonationAllocation]] = [:]
        for chunk in donations.compactMap(\.id).chunked(500) {
            for a in try await DonationAllocation.query(on: db).filter(\.$donationID ~~ Array(chunk)).sort(\.$on).sort(\.$id).all() {
                out[a.donationID, default: []].append(a)
            }
        }
        return out
    }

    /// What each allocation went to, by name: a station's name, an event's title, a child's name; only those in the
    /// jurisdiction (a township's donation given to a child of another village is not named to that village's worker).
    func allocationTargetNames(_ allocations: [DonationAllocation]) async throws -> [UUID: String] {
        func ids(_ t: AllocationTarget) -> [UUID] { Array(Set(allocations.filter { $0.to == t }.map(\.targetID))) }
        var out: [UUID: String] = [:]
        for chunk in ids(.station).chunked(500) {
            for s in try await Station.query(on: db).filter(\.$id ~~ Array(chunk)).within(jurisdiction, \.$unitCode).all() {
                out[s.id!] = s.name
            }
        }
        for chunk in ids(.event).chunked(500) {
            for e in try await ChildrenEvent.query(on: db).filter(\.$id ~~ Array(chunk)).within(jurisdiction, \.$unitCode).all() {
                out[e.id!] = e.date + " " + e.title
            }
        }
        for chunk in ids(.child).chunked(500) {
            let kids = try await Child.query(on: db).filter(\.$id ~~ Array(chunk)).within(jurisdiction, \.$unitCode).all()
            for (id, name) in try await childNames(kids.map(\.recordID)) { out[id.uuid] = name }
        }
        return out
    }

    /// Donors by id, for the lines of a list (those of the jurisdiction only).
    func donorsByID(_ ids: some Sequence<UUID>) async throws -> [UUID: Donor] {
        let set = Array(Set(ids))
        guard !set.isEmpty else { return [:] }
        let rows = try await Donor.query(on: db).filter(\.$id ~~ set).within(jurisdiction, \.$unitCode).all()
        return Dictionary(uniqueKeysWithValues: rows.map { ($0.id!, $0) })
    }

    /// Whether an allocation's target is a station, an event or a child the caller reads.
    func allocationTargetFound(_ to: AllocationTarget?, _ raw: String?) async throws -> Bool {
        let t = raw?.trimmingCharacters(in: .whitespaces) ?? ""
        switch to {
        case .station: return try await StationID(t).asyncFlatMap { try await station($0) } != nil
        case .child: return try await ChildID(t).asyncFlatMap { try await child($0) } != nil
        case .event: return try await ChildrenEventID(t).asyncFlatMap { try await childrenEvent($0) } != nil
        case nil: return false
        }
    }

    /// Every donation in the jurisdiction (or `unit`) as the 公示 reads it: donor kind, name only with consent, and
    /// each allocation's kind and amount. No target id leaves this function.
    func donationSummaryEntries(unit: String?) async throws -> [DonationSummary.Entry] {
        let donations = try await Donation.query(on: db).within(unit.map(narrowed) ?? jurisdiction, \.$unitCode).all()
        let donors = try await Donor.query(on: db).filter(\.$id ~~ Array(Set(donations.map(\.donorID)))).all()
        let byID = Dictionary(uniqueKeysWithValues: donors.map { ($0.id!, $0) })
        let ids = donations.compactMap(\.id)
        let allocations = ids.isEmpty ? [] : try await DonationAllocation.query(on: db).filter(\.$donationID ~~ ids).all()
        let grouped = Dictionary(grouping: allocations, by: \.donationID)
        return donations.compactMap { d in
            guard let donor = byID[d.donorID] else { return nil }
            return DonationSummary.Entry(
                donorKind: donor.kind, publicName: donor.publicName ? donor.name : nil, type: d.type, worth: d.worth,
                allocations: (grouped[d.id!] ?? []).map { ($0.to, $0.amount) })
        }
    }
}
