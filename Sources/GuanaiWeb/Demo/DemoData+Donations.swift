import Fluent
import Vapor
import GuanaiCore

extension DemoData {
    /// A donor, her donation to the demo township (桃花山镇) and two allocations to its two demo stations, booked
    /// through the service the way township staff would. Added once.
    @discardableResult
    public static func loadDonations(_ app: Application) async throws -> Int {
        let db = app.db
        let places = try await Demo.places(county: app.guanai.county, on: db)
        let town = Jurisdiction(root: DivisionCode(places.township)!)
        let stations = try await Station.query(on: db).within(town, \.$unitCode).sort(\.$capacity).all()
        guard stations.count >= 2, try await Donor.query(on: db).count() == 0 else { return 0 }
        let scoped = Scoped(db: db, jurisdiction: Jurisdiction(root: DivisionCode(app.guanai.county)!))
        let actor = AuditActor.system("demo-data")
        let today = RegistryService.today(app.now)
        let donor = try await DonationService.createDonor(
            DonorInput(
                name: "演示爱心企业有限公司", kind: DonorKind.enterprise.rawValue, publicName: true, contact: "联系人（演示）",
                phone: "0716-5200000", unitCode: places.township), scoped: scoped, actor: actor, at: app.now)
        let donation = try await DonationService.createDonation(
            DonationInput(
                donorId: donor.recordID.description, type: DonationType.money.rawValue, amount: "50000.00", receiptNo: "SS-DEMO-0001",
                receivedOn: today.adding(days: -20).iso, unitCode: places.township), scoped: scoped, actor: actor, at: app.now)
        for (station, amount) in zip(stations.prefix(2), ["20000.00", "15000.50"]) {
            _ = try await DonationService.allocate(
                donation,
                AllocationInput(
                    to: AllocationTarget.station.rawValue, targetId: station.recordID.description, amount: amount,
                    on: today.adding(days: -10).iso, note: "图书角和作业桌（演示）"), scoped: scoped, actor: actor, at: app.now)
        }
        return 1
    }
}

extension DemoData {
    /// The demo township's summer camp (the last July 20 gone by), with the children enrolled at the village's
    /// station, recorded through the service. Added once.
    @discardableResult
    public static func loadEvents(_ app: Application) async throws -> Int {
        let db = app.db
        guard try await ChildrenEvent.query(on: db).count() == 0 else { return 0 }
        let places = try await Demo.places(county: app.guanai.county, on: db)
        let scoped = Scoped(db: db, jurisdiction: Jurisdiction(root: DivisionCode(app.guanai.county)!))
        guard let station = try await Station.query(on: db).filter(\.$unitCode == places.village).first() else { return 0 }
        let kids = try await scoped.enrolments(station).prefix(10).map(\.childID.uuidString)
        guard !kids.isEmpty else { return 0 }
        let today = RegistryService.today(app.now)
        let year = today >= CivilDate(year: today.year, month: 7, day: 20)! ? today.year : today.year - 1
        _ = try await ChildrenEventService.create(
            ChildrenEventInput(
                kind: ChildrenEventKind.holidayCamp.rawValue, date: "\(year)-07-20", unitCode: places.township, title: "暑期关爱夏令营（演示）",
                participants: kids), scoped: scoped, actor: .system("demo-data"), at: app.now)
        return 1
    }
}
