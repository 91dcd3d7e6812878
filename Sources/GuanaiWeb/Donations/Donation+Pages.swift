import Fluent
import Vapor
import GuanaiCore

/// /donors and /donations: the books of what was given and where it went, and the printable 公示. The same rules as
/// the API: the township and the city write, the village worker and the inspector read.
struct DonationPagesController {
    func register(_ r: any RoutesBuilder) {
        r.get(SiteURL.donors.components, use: donors)
        r.get(SiteURL.donorNew.components, use: newDonor)
        r.post(SiteURL.donorNew.components, use: createDonor)
        r.get(SiteURL.donor(nil).components, use: donor)
        r.post(SiteURL.donor(nil).components, use: editDonor)
        r.get(SiteURL.donations.components, use: donations)
        r.get(SiteURL.donationNew.components, use: newDonation)
        r.post(SiteURL.donationNew.components, use: createDonation)
        r.get(SiteURL.donationSummary.components, use: summary)
        r.get(SiteURL.donation(nil).components, use: donation)
        r.post(SiteURL.donationAllocate(nil).components, use: allocate)
        r.get(SiteURL.donationAllocation(nil, nil).components, use: allocation)
        r.post(SiteURL.donationAllocation(nil, nil).components, use: updateAllocation)
    }

    static func mayWrite(_ req: Request) throws -> Bool { Policy.writes(try req.actor.role, .donation) }

    /// The units that book donations: the county, townships and villages of the jurisdiction.
    static func units(_ scoped: Scoped) async throws -> [(String, String)] {
        try await AccountsController.unitOptions(scoped).filter {
            DivisionCode($0.0).map { DonationForm.receivingLevels.contains($0.level) } ?? false
        }
    }

    static func unitParam(_ req: Request) -> String? { req.query[String.self, at: "unit"].flatMap { $0.isEmpty ? nil : $0 } }

    func donors(req: Request) async throws -> Response {
        try req.requireBrowse(.donation)
        let scoped = try req.scoped
        let (items, total) = try await scoped.donors(unit: Self.unitParam(req), page: 1, per: 500)
        return DonationViews.donors(
            req, items, total: total, unitNames: try await scoped.unitNames(items.map(\.unitCode)), mayWrite: try Self.mayWrite(req))
    }

    func renderDonor(_ req: Request, _ d: Donor?, typed: DonorPageForm, errors: [String: String], status: HTTPStatus) async throws
        -> Response
    {
        DonationViews.donorEditor(
            req, d, typed: typed, errors: errors, units: try await Self.units(try req.scoped), mayWrite: try Self.mayWrite(req),
            status: status)
    }

    func newDonor(req: Request) async throws -> Response {
        try DonationAPIController.requireWrite(req)
        var f = DonorPageForm()
        f.unitCode = try req.scoped.jurisdiction.root?.value
        return try await renderDonor(req, nil, typed: f, errors: [:], status: .ok)
    }

    func createDonor(req: Request) async throws -> Response {
        try DonationAPIController.requireWrite(req)
        let f = try await req.form(DonorPageForm.self)
        do {
            _ = try await DonationService.createDonor(f.input, scoped: try req.scoped, actor: req.auditActor, at: req.now)
            return req.redirect(to: SiteURL.donors.path)
        } catch let e as FieldErrors {
            return try await renderDonor(req, nil, typed: f, errors: req.messages(e), status: .unprocessableEntity)
        }
    }

    /// A donor's page is her form: staff who write change it there, readers see it filled in.
    func donor(req: Request) async throws -> Response {
        try req.requireBrowse(.donation)
        let d = try await DonationAPIController.loadDonor(req)
        return try await renderDonor(req, d, typed: DonorPageForm(d), errors: [:], status: .ok)
    }

    func editDonor(req: Request) async throws -> Response {
        try DonationAPIController.requireWrite(req)
        let d = try await DonationAPIController.loadDonor(req)
        let f = try await req.form(DonorPageForm.self)
        do {
            _ = try await DonationService.updateDonor(d, f.input, whole: true, scoped: try req.scoped, actor: req.auditActor, at: req.now)
            return req.redirect(to: SiteURL.donors.path)
        } catch let e as FieldErrors {
            return try await renderDonor(req, d, typed: f, errors: req.messages(e), status: .unprocessableEntity)
        }
    }

    func donations(req: Request) async throws -> Response {
        try req.requireBrowse(.donation)
        let scoped = try req.scoped
        let unit = Self.unitParam(req)
        let (items, total) = try await scoped.donations(unit: unit, page: 1, per: 500)
        var allocated: [UUID: Yuan] = [:]
        for d in items { allocated[d.id!] = Yuan.sum(try await scoped.allocations(d).map(\.amount)) }
        return DonationViews.donations(
            req, items, total: total, donors: try await scoped.donorsByID(items.map(\.donorID)), allocated: allocated,
            units: try await Self.units(scoped), unit: unit ?? "", mayWrite: try Self.mayWrite(req), mayExport: try req.actor.can(.export))
    }

    func renderDonation(_ req: Request, typed: DonationPageForm, errors: [String: String], status: HTTPStatus) async throws -> Response {
        let scoped = try req.scoped
        return DonationViews.donationEditor(
            req, typed: typed, errors: errors, donors: try await scoped.donors(unit: nil, page: 1, per: 500).items,
            units: try await Self.units(scoped), status: status)
    }

    func newDonation(req: Request) async throws -> Response {
        try DonationAPIController.requireWrite(req)
        var f = DonationPageForm()
        f.donorId = req.query[String.self, at: "donorId"]
        f.type = DonationType.money.rawValue
        f.unitCode = try req.scoped.jurisdiction.root?.value
        f.receivedOn = RegistryService.today(req.now).iso
        return try await renderDonation(req, typed: f, errors: [:], status: .ok)
    }

    func createDonation(req: Request) async throws -> Response {
        try DonationAPIController.requireWrite(req)
        let f = try await req.form(DonationPageForm.self)
        do {
            let d = try await DonationService.createDonation(f.input, scoped: try req.scoped, actor: req.auditActor, at: req.now)
            return req.redirect(to: SiteURL.donation(d.recordID).path)
        } catch let e as FieldErrors {
            // The goods' value is typed in the one amount field: its errors belong there.
            var m = req.messages(e)
            if let v = m.removeValue(forKey: "value") { m["amount"] = v }
            return try await renderDonation(req, typed: f, errors: m, status: .unprocessableEntity)
        }
    }

    func renderDonation(_ req: Request, _ d: Donation, typed: AllocationPageForm, errors: [String: String], status: HTTPStatus)
        async throws -> Response
    {
        let scoped = try req.scoped
        let allocations = try await scoped.allocations(d)
        let stations = try await scoped.stations(unit: nil, page: 1, per: 500).items
        let events = try await scoped.childrenEvents(unit: nil, page: 1, per: 200).items
        return DonationViews.donationPage(
            req, d, donor: try await scoped.donorsByID([d.donorID])[d.donorID], allocations: allocations,
            stationNames: Dictionary(uniqueKeysWithValues: stations.map { ($0.id!, $0.name) }),
            unitNames: try await scoped.unitNames([d.unitCode]),
            form: .init(typed: typed, errors: errors, stations: stations, events: events), mayWrite: try Self.mayWrite(req), status: status)
    }

    func donation(req: Request) async throws -> Response {
        try req.requireBrowse(.donation)
        let d = try await DonationAPIController.loadDonation(req)
        var f = AllocationPageForm()
        f.to = AllocationTarget.station.rawValue
        f.on = RegistryService.today(req.now).iso
        return try await renderDonation(req, d, typed: f, errors: [:], status: .ok)
    }

    func allocate(req: Request) async throws -> Response {
        try DonationAPIController.requireWrite(req)
        let d = try await DonationAPIController.loadDonation(req)
        let f = try await req.form(AllocationPageForm.self)
        do {
            _ = try await DonationService.allocate(d, f.input, scoped: try req.scoped, actor: req.auditActor, at: req.now)
            return req.redirect(to: SiteURL.donation(d.recordID).path)
        } catch let e as FieldErrors {
            var m = req.messages(e)
            if let v = m.removeValue(forKey: "targetId") { m[AllocationPageForm.targetField(f.to)] = v }
            return try await renderDonation(req, d, typed: f, errors: m, status: .unprocessableEntity)
        }
    }

    func summary(req: Request) async throws -> Response {
        try req.requireBrowse(.donation)
        let scoped = try req.scoped
        let unit = try DonationAPIController.summaryUnit(req)
        let s = DonationSummary(try await scoped.donationSummaryEntries(unit: unit))
        return DonationViews.summary(
            req, s, unit: unit, unitNames: try await scoped.unitNames([unit]), units: try await Self.units(scoped),
            today: RegistryService.today(req.now))
    }

    /// The donation and the allocation a change names (404 for an allocation of another donation).
    static func loadAllocation(_ req: Request) async throws -> (Donation, DonationAllocation) {
        let d = try await DonationAPIController.loadDonation(req)
        guard let a = try await req.scoped.allocation(d, req.parameters.get("aid")) else { throw Abort(.notFound) }
        return (d, a)
    }

    func renderAllocation(
        _ req: Request, _ d: Donation, _ a: DonationAllocation, typed: AllocationPageForm, errors: [String: String], status: HTTPStatus
    ) async throws -> Response {
        let scoped = try req.scoped
        let others = try await scoped.allocations(d).filter { $0.id != a.id }.map(\.amount)
        return DonationViews.allocationPage(
            req, d, a, donor: try await scoped.donorsByID([d.donorID])[d.donorID],
            form: .init(
                typed: typed, errors: errors, stations: try await scoped.stations(unit: nil, page: 1, per: 500).items,
                events: try await scoped.childrenEvents(unit: nil, page: 1, per: 200).items),
            left: DonationForm.remaining(worth: d.worth, allocated: others), status: status)
    }

    func allocation(req: Request) async throws -> Response {
        try DonationAPIController.requireWrite(req)
        let (d, a) = try await Self.loadAllocation(req)
        return try await renderAllocation(req, d, a, typed: AllocationPageForm(a), errors: [:], status: .ok)
    }

    func updateAllocation(req: Request) async throws -> Response {
        try DonationAPIController.requireWrite(req)
        let (d, a) = try await Self.loadAllocation(req)
        let f = try await req.form(AllocationPageForm.self)
        do {
            _ = try await DonationService.updateAllocation(d, a, f.input, scoped: try req.scoped, actor: req.auditActor, at: req.now)
            return req.redirect(to: SiteURL.donation(d.recordID).path)
        } catch let e as FieldErrors {
            var m = req.messages(e)
            if let v = m.removeValue(forKey: "targetId") { m[AllocationPageForm.targetField(f.to)] = v }
            return try await renderAllocation(req, d, a, typed: f, errors: m, status: .unprocessableEntity)
        }
    }
}
