import GuanaiCore
import OpenAPIKit30

/// The routes of job fairs (issue 18, item 4).
extension OpenAPIDocument {
    static let jobFairs: [APIRoute] = [
        APIRoute(
            method: .get, path: "/api/v1/job-fairs",
            summary: "Job fairs in the jurisdiction (or in `unit` within it), latest first, with counts",
            query: APIQuery.paging + [.unit], answer: .json(ListPage<JobFairDTO>.self)),
        APIRoute(
            method: .post, path: "/api/v1/job-fairs", summary: "Register a job fair held by a unit of the jurisdiction",
            body: JobFairInput.self, status: 201, answer: .json(JobFairDTO.self), errors: APIRoute.change),
        APIRoute(
            method: .get, path: "/api/v1/job-fairs/{id}",
            summary: "One fair: employers, postings, attendees, intents, hires and follow-ups",
            answer: .json(JobFairDetailDTO.self)),
        APIRoute(
            method: .patch, path: "/api/v1/job-fairs/{id}", summary: "Change a fair; absent keys keep their value",
            body: PatchOf<JobFairInput>.self, answer: .json(JobFairDTO.self), errors: APIRoute.change),
        APIRoute(
            method: .post, path: "/api/v1/job-fairs/{id}/employers", summary: "An employer that comes to the fair",
            body: FairEmployerInput.self, status: 201, answer: .json(FairEmployerDTO.self), errors: APIRoute.change),
        APIRoute(
            method: .post, path: "/api/v1/job-fairs/{id}/postings",
            summary: "A job one of the fair's employers offers; pay in yuan, `payMin > payMax` is 422 naming both; openings ≥ 1",
            body: FairPostingInput.self, status: 201, answer: .json(FairPostingDTO.self), errors: APIRoute.change),
        APIRoute(
            method: .post, path: "/api/v1/job-fairs/{id}/attendees",
            summary: "A woman in the jurisdiction came to the fair (a village worker's: her village's); once (409 with existingId)",
            body: FairPersonInput.self, status: 201, answer: .json(FairPersonDTO.self), errors: APIRoute.change + [409]),
        APIRoute(
            method: .post, path: "/api/v1/job-fairs/{id}/intents",
            summary: "An attendee wants one of the fair's postings; once per woman and posting (409)",
            body: FairPersonInput.self, status: 201, answer: .json(FairPersonDTO.self), errors: APIRoute.change + [409]),
        APIRoute(
            method: .post, path: "/api/v1/job-fairs/{id}/hires",
            summary: "An attendee was hired for one of the fair's postings, within its openings (else 422 `postingId`); once (409); "
                + "asks a follow-up three months on",
            body: FairPersonInput.self, status: 201, answer: .json(FairPersonDTO.self), errors: APIRoute.change + [409]),
        APIRoute(
            method: .post, path: "/api/v1/job-fair-hires/{id}/followups",
            summary: "The hire's 3-month follow-up: how she fares; once (409)",
            body: FairFollowupInput.self, status: 201, answer: .json(FairFollowupDTO.self), errors: APIRoute.change + [409]),
    ]
}
