import GuanaiCore
import OpenAPIKit30

/// The routes of neighbour groups (issue 17, items 9–12).
extension OpenAPIDocument {
    static let neighbours: [APIRoute] = [
        APIRoute(
            method: .get, path: "/api/v1/neighbour-groups",
            summary: "Neighbour groups in the jurisdiction (or in `unit` within it), by village and name",
            query: APIQuery.paging + [.unit], answer: .json(ListPage<NeighbourGroupDTO>.self)),
        APIRoute(
            method: .post, path: "/api/v1/neighbour-groups",
            summary: "Form a neighbour group in a village: 3–10 households that consented, a household in one active group at most, "
                + "the leader living in one of them",
            body: NeighbourGroupInput.self, status: 201, answer: .json(NeighbourGroupDTO.self), errors: APIRoute.change),
        APIRoute(
            method: .get, path: "/api/v1/neighbour-groups/coverage",
            summary: "Share of left-behind households in an active group, for `unit` (else the jurisdiction) and each unit below it",
            query: [.unit], answer: .json(NeighbourCoverageDTO.self)),
        APIRoute(
            method: .post, path: "/api/v1/neighbour-groups/suggestions",
            summary: "Suggested groups of near neighbours in a village, each around a left-behind household; nothing is saved",
            body: NeighbourGroupAPIController.SuggestionsInput.self, answer: .json(GroupingSuggestionsDTO.self),
            errors: [400, 401, 403, 404, 422]),
        APIRoute(
            method: .get, path: "/api/v1/neighbour-groups/{id}", summary: "One group with its activities, newest first",
            answer: .json(NeighbourGroupDTO.self)),
        APIRoute(
            method: .patch, path: "/api/v1/neighbour-groups/{id}",
            summary: "Change a group (or dissolve it: `status`); absent keys keep their value, `members` replaces the list",
            body: PatchOf<NeighbourGroupInput>.self, answer: .json(NeighbourGroupDTO.self), errors: APIRoute.change),
        APIRoute(
            method: .post, path: "/api/v1/neighbour-groups/{id}/activities", summary: "Record an activity of an active group",
            body: NeighbourActivityInput.self, status: 201, answer: .json(NeighbourActivityDTO.self), errors: APIRoute.change + [409]),
        APIRoute(
            method: .post, path: "/api/v1/neighbour-groups/{id}/concerns",
            summary: "The leader's concern about a child of the group: filed as a mandatory report naming the leader as reporter",
            body: NeighbourGroupAPIController.ConcernInput.self, status: 201, answer: .json(DeskAPIController.ConcernDTO.self),
            errors: APIRoute.change + [409]),
    ]
}
