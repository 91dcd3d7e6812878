import Fluent
import Vapor
import GuanaiCore

struct DonorDTO: Content {
    let id: String, name: String, kind: String, publicName: Bool, contact: String?, phone: String?, unitCode: String
    let createdAt: String, updatedAt: String

    init(_ d: Donor) {
        id = d.recordID.description; name = d.name; kind = d.kind.rawValue; publicName = d.publicName; contact = d.contact
        phone = d.phone; unitCode = d.unitCode
        createdAt = AuditLog.timestamp(d.createdAt); updatedAt = AuditLog.timestamp(d.updatedAt)
    }
}

struct AllocationDTO: Content {
    let id: String, to: String, targetId: String, amount: String, on: String, note: String?

    init(_ a: DonationAllocation) {
        id = a.id!.uuidString; to = a.to.rawValue; targetId = a.targetID.uuidString; amount = a.amount.description; on = a.on
        note = a.note
    }
}

struct DonationDTO: Content {
    let id: String, donorId: String, donorName: String, type: String
    /// Money: `amount`; goods: `description` and `value`. Decimal strings in yuan.
    let amount: String?, description: String?, value: String?
    let receiptNo: String?, receivedOn: String, unitCode: String
    let allocated: String, remaining: String
    let allocations: [AllocationDTO]
    let createdAt: String

    init(_ d: Donation, donor: Donor?, allocations: [DonationAllocation]) {
        id = d.recordID.description; donorId = d.donorID.uuidString; donorName = donor?.name ?? ""; type = d.type.rawValue
        amount = d.type == .money ? d.worth.description : nil
        description = d.itemDescription
        value = d.type == .goods ? d.worth.description : nil
        receiptNo = d.receiptNo; receivedOn = d.receivedOn; unitCode = d.unitCode
        let sum = Yuan.sum(allocations.map(\.amount))
        allocated = sum.description; remaining = (d.worth - sum).description
        self.allocations = allocations.map(AllocationDTO.init)
        createdAt = AuditLog.timestamp(d.createdAt)
    }
}

/// The 公示: totals only, and donors' names only with their consent. It has no field that could hold a child.
struct DonationSummaryDTO: Content {
    struct KindTotal: Content { let kind: String, total: String }
    struct UseTotal: Content { let use: String, total: String }
    struct DonorLine: Content {
        /// The donor's name, or 爱心人士 for everyone who did not consent to be named (`anonymous`).
        let name: String, anonymous: Bool, donations: Int, total: String
    }
    let unitCode: String, total: String, money: String, goods: String, donations: Int
    let byDonorKind: [KindTotal]
    /// station, event, child, then unallocated.
    let byUse: [UseTotal]
    let donors: [DonorLine]

    init(_ s: DonationSummary, unit: String) {
        unitCode = unit; total = s.total.description; money = s.money.description; goods = s.goods.description; donations = s.donations
        byDonorKind = s.byDonorKind.map { KindTotal(kind: $0.kind.rawValue, total: $0.total.description) }
        byUse =
            s.byUse.map { UseTotal(use: $0.use.rawValue, total: $0.total.description) } + [
                UseTotal(use: "unallocated", total: s.unallocated.description)
            ]
        donors = s.donors.map {
            DonorLine(
                name: $0.name ?? DonationSummary.anonymousName, anonymous: $0.name == nil, donations: $0.donations,
                total: $0.total.description)
        }
    }
}

/// /api/v1/donors and /api/v1/donations: what was given to the jurisdiction, where it went, and the 公示.
struct DonationAPIController {
    func register(_ r: any RoutesBuilder) {
        r.get("donors", use: donors)
        r.post("donors", use: createDonor)
        r.get("donors", ":id", use: donor)
        r.patch("donors", ":id", use: updateDonor)
        r.get("donations", use: donations)
        r.post("donations", use: createDonation)
        r.get("donations", "summary", use: summary)
        r.get("donations", ":id", use: donation)
        r.post("donations", ":id", "allocations", use: allocate)
        r.patch("donations", ":id", "allocations", ":aid", use: updateAllocation)
    }

    /// The township or the city books donations; the village worker and the inspector read them; volunteers and
    /// partners neither.
    static func requireWrite(_ req: Request) throws {
        try req.requireBrowse(.donation)
        guard Policy.writes(try req.actor.role, .donation) else { throw Abort(.forbidden) }
    }

    func donors(req: Request) async throws -> ListPage<DonorDTO> {
        try req.requireBrowse(.donation)
        let p = try PageParams(req)
        let (items, total) = try await req.scoped.donors(unit: req.query[String.self, at: "unit"], page: p.page, per: p.per)
        return ListPage(items: items.map(DonorDTO.init), page: p.page, per: p.per, total: total)
    }

    func createDonor(req: Request) async throws -> Response {
        try Self.requireWrite(req)
        let d = try await DonationService.createDonor(
            try await req.json(DonorInput.self), scoped: try req.scoped, actor: req.auditActor, at: req.now)
        return try PairingAPIController().created(DonorDTO(d))
    }

    static func loadDonor(_ req: Request) async throws -> Donor {
        guard let d = try await req.scoped.donor(try req.parameters.id()) else { throw Abort(.notFound) }
        return d
    }

    static func loadDonation(_ req: Request) async throws -> Donation {
        guard let d = try await req.scoped.donation(try req.parameters.id()) else { throw Abort(.notFound) }
        return d
    }

    func donor(req: Request) async throws -> DonorDTO {
        try req.requireBrowse(.donation)
        return DonorDTO(try await Self.loadDonor(req))
    }

    func updateDonor(req: Request) async throws -> DonorDTO {
        try Self.requireWrite(req)
        let d = try await Self.loadDonor(req)
        return DonorDTO(
            try await DonationService.updateDonor(
                d, try await req.json(DonorInput.self), scoped: try req.scoped, actor: req.auditActor, at: req.now))
    }

    func donations(req: Request) async throws -> ListPage<DonationDTO> {
        try req.requireBrowse(.donation)
        let p = try PageParams(req)
        let scoped = try req.scoped
        let (items, total) = try await scoped.donations(unit: req.query[String.self, at: "unit"], page: p.page, per: p.per)
        let donors = try await scoped.donorsByID(items.map(\.donorID))
        var out: [DonationDTO] = []
        for d in items { out.append(DonationDTO(d, donor: donors[d.donorID], allocations: try await scoped.allocations(d))) }
        return ListPage(items: out, page: p.page, per: p.per, total: total)
    }

    static func dto(_ d: Donation, _ scoped: Scoped) async throws -> DonationDTO {
        DonationDTO(d, donor: try await scoped.donorsByID([d.donorID])[d.donorID], allocations: try await scoped.allocations(d))
    }

    func createDonation(req: Request) async throws -> Response {
        try Self.requireWrite(req)
        let scoped = try req.scoped
        let d = try await DonationService.createDonation(
            try await req.json(DonationInput.self), scoped: scoped, actor: req.auditActor, at: req.now)
        return try PairingAPIController().created(try await Self.dto(d, scoped))
    }

    func donation(req: Request) async throws -> DonationDTO {
        try req.requireBrowse(.donation)
        return try await Self.dto(try await Self.loadDonation(req), try req.scoped)
    }

    func allocate(req: Request) async throws -> Response {
        try Self.requireWrite(req)
        let scoped = try req.scoped
        let d = try await Self.loadDonation(req)
        _ = try await DonationService.allocate(
            d, try await req.json(AllocationInput.self), scoped: scoped, actor: req.auditActor, at: req.now)
        return try PairingAPIController().created(try await Self.dto(d, scoped))
    }

    func updateAllocation(req: Request) async throws -> DonationDTO {
        try Self.requireWrite(req)
        let scoped = try req.scoped
        let d = try await Self.loadDonation(req)
        guard let a = try await scoped.allocation(d, req.parameters.get("aid")) else { throw Abort(.notFound) }
        _ = try await DonationService.updateAllocation(
            d, a, try await req.json(AllocationInput.self), scoped: scoped, actor: req.auditActor, at: req.now)
        return try await Self.dto(d, scoped)
    }

    /// The unit the summary is for: the one asked when it lies in the jurisdiction, else the jurisdiction's own.
    static func summaryUnit(_ req: Request) throws -> String {
        let scoped = try req.scoped
        let asked = req.query[String.self, at: "unit"].flatMap { $0.isEmpty ? nil : $0 }
        return (asked.map { scoped.narrowed($0) } ?? scoped.jurisdiction).root?.value ?? ""
    }

    func summary(req: Request) async throws -> DonationSummaryDTO {
        try req.requireBrowse(.donation)
        let unit = try Self.summaryUnit(req)
        return DonationSummaryDTO(DonationSummary(try await req.scoped.donationSummaryEntries(unit: unit)), unit: unit)
    }
}
