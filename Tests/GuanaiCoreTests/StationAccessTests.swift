import Testing
import GuanaiCore

/// Issue 17's "Who may do what" for the records of this slice: stations and unit points.
@Suite struct StationAccessTests {
    @Test func stationsAreTheStaffsAndTheInspectorReadsThem() {
        for role in [Role.cityAdmin, .townshipStaff, .villageWorker] {
            #expect(Policy.canRead(role, .station) && Policy.writes(role, .station), "\(role)")
        }
        #expect(Policy.canRead(.inspector, .station) && !Policy.writes(.inspector, .station))
        for role in [Role.volunteer, .partnerHealth, .partnerHR, .partnerJustice] {
            #expect(!Policy.canRead(role, .station) && !Policy.writes(role, .station), "\(role)")
            #expect(!Policy.browses(role, .station))
        }
    }

    @Test func donationsAreBookedByTheTownshipOrTheCity() {
        #expect(Policy.writes(.cityAdmin, .donation) && Policy.writes(.townshipStaff, .donation))
        #expect(Policy.canRead(.villageWorker, .donation) && !Policy.writes(.villageWorker, .donation))
        #expect(Policy.canRead(.inspector, .donation) && !Policy.writes(.inspector, .donation))
        #expect(!Policy.canRead(.volunteer, .donation) && !Policy.canRead(.partnerHR, .donation))
    }

    @Test func unitPointsAreApproved() {
        #expect(Policy.allows(.cityAdmin, .approve) && Policy.allows(.townshipStaff, .approve))
        #expect(!Policy.allows(.villageWorker, .approve) && !Policy.allows(.inspector, .approve))
    }

    @Test func theTrailNamesTheNewKinds() {
        #expect(RecordTag.Station.auditSubject == .station && AuditSubject(RecordKind.station).rawValue == "station")
        #expect(Policy.historyKind("station") == .station && Policy.historyKind("group") == .group)
    }
}

@Suite struct UnitPointFormTests {
    private func check(_ lat: Double?, _ lon: Double?) -> (GeoPoint?, [String]) {
        var c = FormChecker()
        let p = UnitPointForm.check(UnitPointInput(latitude: lat, longitude: lon), &c)
        return (p, c.errors.map(\.field))
    }

    @Test func bothCoordinatesOnTheGlobe() {
        #expect(check(29.72, 112.4).0 == GeoPoint(latitude: 29.72, longitude: 112.4))
        #expect(check(29.72, 112.4).1 == [])
        #expect(check(nil, nil).1 == ["latitude", "longitude"])
        #expect(check(29.7, nil).1 == ["longitude"])
        #expect(check(91, 112).1 == ["latitude"])
        #expect(check(29, -181).1 == ["longitude"])
        #expect(check(.nan, 112).0 == nil && check(.nan, 112).1.contains("latitude"))
        #expect(check(90, 180).0 != nil && check(-90, -180).0 != nil, "the edges are on the globe")
    }
}
