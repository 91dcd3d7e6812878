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
