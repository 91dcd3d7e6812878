import GuanaiCore
import OpenAPIKit30

/// The routes of training courses (issue 18, Training).
extension OpenAPIDocument {
    static let training: [APIRoute] = [
        APIRoute(
            method: .get, path: "/api/v1/training-rules", summary: "The share of a course's held days a woman must attend to be certified",
            answer: .json(TrainingRules.self)),
        APIRoute(
            method: .put, path: "/api/v1/training-rules", summary: "Change the training rules (city admin; audited)",
            body: TrainingRules.self, answer: .json(TrainingRules.self), errors: [400, 401, 403, 422]),
        APIRoute(
            method: .get, path: "/api/v1/courses",
            summary: "Courses in the jurisdiction (or in `unit` within it) and in the units above it, latest first",
            query: APIQuery.paging + [.unit], answer: .json(ListPage<CourseDTO>.self)),
        APIRoute(
            method: .post, path: "/api/v1/courses", summary: "Register a course in a unit of the jurisdiction; each bad field named",
            body: CourseInput.self, status: 201, answer: .json(CourseDTO.self), errors: APIRoute.change),
        APIRoute(method: .get, path: "/api/v1/courses/{id}", summary: "One course", answer: .json(CourseDTO.self)),
        APIRoute(
            method: .patch, path: "/api/v1/courses/{id}", summary: "Change a course; absent keys keep their value",
            body: PatchOf<CourseInput>.self, answer: .json(CourseDTO.self), errors: APIRoute.change),
        APIRoute(
            method: .get, path: "/api/v1/courses/{id}/enrolments",
            summary: "The course's women the caller reaches, with days present, certificate and follow-ups",
            answer: .json(CourseEnrolmentsDTO.self)),
        APIRoute(
            method: .post, path: "/api/v1/courses/{id}/enrolments",
            summary: "Enrol a woman of the jurisdiction while places are left (422 `personId`); once (409 with `existingId`)",
            body: TrainingEnrolmentInput.self, status: 201, answer: .json(TrainingEnrolmentDTO.self), errors: APIRoute.change + [409]),
        APIRoute(
            method: .get, path: "/api/v1/courses/{id}/suggestions",
            summary: "Active women of the course's unit who want work or need development, not enrolled: topic matches first, "
                + "dibao/tekun households first within each part",
            answer: .json(CourseSuggestionsDTO.self)),
        APIRoute(
            method: .get, path: "/api/v1/courses/{id}/attendance/{date}",
            summary: "A day's attendance sheet of the women the caller reaches",
            answer: .json(CourseAttendanceDTO.self)),
        APIRoute(
            method: .put, path: "/api/v1/courses/{id}/attendance/{date}",
            summary: "Mark a day within the course (not in the future) present or absent for the women named",
            body: CourseAttendanceInput.self, answer: .json(CourseAttendanceDTO.self), errors: APIRoute.change),
        APIRoute(
            method: .post, path: "/api/v1/training-enrolments/{id}/complete",
            summary: "Record completion with a certificate number: attendance at least the rules' share of the days held, else 422 "
                + "`attendance`",
            body: TrainingCompleteInput.self, answer: .json(TrainingEnrolmentDTO.self), errors: APIRoute.change),
        APIRoute(
            method: .post, path: "/api/v1/training-enrolments/{id}/followups",
            summary: "Record the 3- or 6-month follow-up after completion (once each: 409 with `existingId`)",
            body: TrainingFollowupInput.self, status: 201, answer: .json(TrainingFollowupDTO.self), errors: APIRoute.change + [409]),
    ]
}
