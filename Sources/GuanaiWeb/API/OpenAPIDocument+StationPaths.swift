import GuanaiCore
import OpenAPIKit30

/// The routes of service stations (issue 17) and of a unit's point on the map.
extension OpenAPIDocument {
    static let stations: [APIRoute] = [
        APIRoute(
            method: .get, path: "/api/v1/stations",
            summary: "Service stations in the jurisdiction (or in `unit` within it), by unit and name",
            query: APIQuery.paging + [.unit], answer: .json(ListPage<StationDTO>.self)),
        APIRoute(
            method: .post, path: "/api/v1/stations", summary: "Register a service station in a village or township of the jurisdiction",
            body: StationInput.self, status: 201, answer: .json(StationDTO.self), errors: APIRoute.change),
        APIRoute(method: .get, path: "/api/v1/stations/{id}", summary: "One station", answer: .json(StationDTO.self)),
        APIRoute(
            method: .patch, path: "/api/v1/stations/{id}", summary: "Change a station; absent keys keep their value",
            body: PatchOf<StationInput>.self, answer: .json(StationDTO.self), errors: APIRoute.change),
        APIRoute(
            method: .put, path: "/api/v1/units/{code}/point", summary: "Set a unit's point on the map (township or city)",
            body: UnitPointInput.self, answer: .json(UnitDTO.self), errors: APIRoute.change),
    ]
}

/// A station's days (enrolments, rosters, activities) and the city's calendar and station rules.
extension OpenAPIDocument {
    static let stationDays: [APIRoute] = [
        APIRoute(
            method: .get, path: "/api/v1/sites", summary: "Candidate sites (schools, other buildings) in the jurisdiction or in `unit`",
            query: [.unit], answer: .json(ListPage<SiteDTO>.self)),
        APIRoute(
            method: .post, path: "/api/v1/sites", summary: "Add a candidate site with its point (city, township)", body: SiteInput.self,
            status: 201, answer: .json(SiteDTO.self), errors: APIRoute.change),
        APIRoute(method: .get, path: "/api/v1/sites/{id}", summary: "One site", answer: .json(SiteDTO.self)),
        APIRoute(
            method: .patch, path: "/api/v1/sites/{id}", summary: "Change a site; absent keys keep their value",
            body: PatchOf<SiteInput>.self, answer: .json(SiteDTO.self), errors: APIRoute.change),
        APIRoute(
            method: .post, path: "/api/v1/stations/siting",
            summary: "Where to open `count` stations: the village committees with a point and the sites that reach the most tier "
                + "weight of uncovered left-behind children; `objective ≤ upperBound`, `optimal` when equal (city, township)",
            body: SitingInput.self, answer: .json(SitingDTO.self), errors: APIRoute.change),
        APIRoute(
            method: .get, path: "/api/v1/stations/coverage",
            summary: "Active left-behind children enrolled, within an open station's reach, or either; by unit one level down; "
                + "uncovered critical then high children first (500 at most)",
            query: [.unit], answer: .json(CoverageDTO.self)),
        APIRoute(
            method: .get, path: "/api/v1/stations/calendar",
            summary: "The year's holidays and closed days (this year when `year` is left out)",
            query: [.year], answer: .json(StationCalendarDTO.self)),
        APIRoute(
            method: .put, path: "/api/v1/stations/calendar", summary: "Set a year's holidays and closed days (city admin; audited)",
            body: StationCalendarInput.self, answer: .json(StationCalendarDTO.self), errors: [400, 401, 403, 422]),
        APIRoute(
            method: .get, path: "/api/v1/stations/rules", summary: "Roster days, reach and siting weights",
            answer: .json(StationRules.self)),
        APIRoute(
            method: .put, path: "/api/v1/stations/rules", summary: "Change the station rules (city admin; audited); a PUT may send some",
            body: StationRules.self, answer: .json(StationRules.self), errors: [400, 401, 403, 422]),
        APIRoute(
            method: .get, path: "/api/v1/stations/{id}/enrolments", summary: "Children holding a place (with `all`, those who left too)",
            query: [.all], answer: .json(ListPage<EnrolmentDTO>.self)),
        APIRoute(
            method: .post, path: "/api/v1/stations/{id}/enrolments",
            summary: "Enrol an active child of the jurisdiction: one open enrolment per child, no more than the station's places",
            body: EnrolmentInput.self, status: 201, answer: .json(EnrolmentDTO.self), errors: APIRoute.change),
        APIRoute(
            method: .post, path: "/api/v1/stations/{id}/enrolments/{eid}/end", summary: "End a child's place on a day (hers still)",
            body: EnrolmentEndInput.self, answer: .json(EnrolmentDTO.self), errors: APIRoute.change),
        APIRoute(
            method: .get, path: "/api/v1/stations/{id}/attendance", summary: "A day's roster (today when `date` is left out)",
            query: [.date], answer: .json(RosterDTO.self), errors: APIRoute.change),
        APIRoute(
            method: .put, path: "/api/v1/stations/{id}/attendance/{date}",
            summary: "Replace a day's marks: present, absent or leave (with a note); not a future day, a shut day or one too long ago",
            body: RosterInput.self, answer: .json(RosterDTO.self), errors: APIRoute.change),
        APIRoute(
            method: .get, path: "/api/v1/stations/{id}/activities", summary: "The station's activities, latest first (100)",
            answer: .json(ListPage<StationActivityDTO>.self)),
        APIRoute(
            method: .post, path: "/api/v1/stations/{id}/activities", summary: "Record an activity with children enrolled that day",
            body: StationActivityInput.self, status: 201, answer: .json(StationActivityDTO.self), errors: APIRoute.change),
    ]
}
