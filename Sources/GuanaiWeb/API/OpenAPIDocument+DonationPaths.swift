import GuanaiCore
import OpenAPIKit30

/// The routes of donors and donations (issue 17, item 8).
extension OpenAPIDocument {
    static let donations: [APIRoute] = [
        APIRoute(
            method: .get, path: "/api/v1/donors", summary: "Donors booked in the jurisdiction (or in `unit` within it), by name",
            query: APIQuery.paging + [.unit], answer: .json(ListPage<DonorDTO>.self)),
        APIRoute(
            method: .post, path: "/api/v1/donors", summary: "Book a donor with the county or a township (township staff, city admin)",
            body: DonorInput.self, status: 201, answer: .json(DonorDTO.self), errors: APIRoute.change),
        APIRoute(method: .get, path: "/api/v1/donors/{id}", summary: "One donor", answer: .json(DonorDTO.self)),
        APIRoute(
            method: .patch, path: "/api/v1/donors/{id}", summary: "Change a donor; absent keys keep their value",
            body: PatchOf<DonorInput>.self, answer: .json(DonorDTO.self), errors: APIRoute.change),
        APIRoute(
            method: .get, path: "/api/v1/donations",
            summary: "Donations received in the jurisdiction (or in `unit` within it), latest first, with their allocations",
            query: APIQuery.paging + [.unit], answer: .json(ListPage<DonationDTO>.self)),
        APIRoute(
            method: .post, path: "/api/v1/donations",
            summary: "Book money (`amount` > 0) or goods (`description`, `value` ≥ 0), in yuan as decimal text, received on a day not "
                + "in the future",
            body: DonationInput.self, status: 201, answer: .json(DonationDTO.self), errors: APIRoute.change),
        APIRoute(
            method: .get, path: "/api/v1/donations/summary",
            summary: "The public notice: totals by donor kind and by use; donors named only with their consent; never a child",
            query: [.unit], answer: .json(DonationSummaryDTO.self)),
        APIRoute(
            method: .get, path: "/api/v1/donations/{id}", summary: "One donation with its allocations", answer: .json(DonationDTO.self)),
        APIRoute(
            method: .post, path: "/api/v1/donations/{id}/allocations",
            summary: "Give part of a donation to a station, event or child the caller reads; together no more than the donation (else "
                + "422 `amount`)",
            body: AllocationInput.self, status: 201, answer: .json(DonationDTO.self), errors: APIRoute.change),
        APIRoute(
            method: .patch, path: "/api/v1/donations/{id}/allocations/{aid}",
            summary: "Change an allocation; absent keys keep their value; checked whole again, its amount against what the other "
                + "allocations leave (else 422 `amount`)",
            body: PatchOf<AllocationInput>.self, answer: .json(DonationDTO.self), errors: APIRoute.change),
    ]
}

/// The routes of children's events (issue 17, item 7), under the station's rule.
extension OpenAPIDocument {
    static let childrenEvents: [APIRoute] = [
        APIRoute(
            method: .get, path: "/api/v1/events", summary: "Children's events in the jurisdiction (or in `unit` within it), latest first",
            query: APIQuery.paging + [.unit], answer: .json(ListPage<ChildrenEventDTO>.self)),
        APIRoute(
            method: .post, path: "/api/v1/events",
            summary: "Record an event of a county, township or village of the jurisdiction; `participants` are children the caller reads",
            body: ChildrenEventInput.self, status: 201, answer: .json(ChildrenEventDTO.self), errors: APIRoute.change),
        APIRoute(method: .get, path: "/api/v1/events/{id}", summary: "One event", answer: .json(ChildrenEventDTO.self)),
        APIRoute(
            method: .patch, path: "/api/v1/events/{id}",
            summary: "Change an event; absent keys keep their value, `participants` replaces the list; an event already held cannot "
                + "move into the future (422 `date`); a cancelled event is not changed (409)",
            body: PatchOf<ChildrenEventInput>.self, answer: .json(ChildrenEventDTO.self), errors: APIRoute.change + [409]),
        APIRoute(
            method: .post, path: "/api/v1/events/{id}/cancel", summary: "Cancel an event, with a reason (422 `reason`); once only (409)",
            body: ChildrenEventCancelInput.self, answer: .json(ChildrenEventDTO.self), errors: APIRoute.change + [409]),
    ]
}
