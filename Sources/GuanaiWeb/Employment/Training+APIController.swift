import Fluent
import Vapor
import GuanaiCore

extension TrainingRules: Content {}

struct CourseDTO: Content {
    let id: String, title: String, topic: String, organiser: String, partner: String?, unitCode: String
    let from: String, to: String, place: String?, capacity: Int
    /// Women enrolled, all units together (places are the course's).
    let enrolled: Int
    let createdAt: String, updatedAt: String

    init(_ c: Course, enrolled: Int) {
        id = c.id!.uuidString; title = c.title; topic = c.topic.rawValue; organiser = c.organiser; partner = c.partner
        unitCode = c.unitCode; from = c.fromOn; to = c.toOn; place = c.place; capacity = c.capacity; self.enrolled = enrolled
        createdAt = AuditLog.timestamp(c.createdAt); updatedAt = AuditLog.timestamp(c.updatedAt)
    }
}

struct TrainingFollowupDTO: Content {
    let id: String, month: Int, outcome: String, note: String?, recordedAt: String, recordedBy: String
    init(_ f: TrainingFollowup) {
        id = f.id!.uuidString; month = f.month; outcome = f.outcome.rawValue; note = f.note
        recordedAt = AuditLog.timestamp(f.recordedAt); recordedBy = f.recordedBy
    }
}

struct TrainingEnrolmentDTO: Content {
    let id: String, courseId: String, personId: String, name: String, unitCode: String, stage: String
    /// Days she was present, of the days the course has held.
    let presentDays: Int, heldDays: Int
    let certificateNo: String?, completedOn: String?, followupCheckOn: String?
    let followups: [TrainingFollowupDTO]
    let createdAt: String
}

struct TrainingEnrolmentInput: Content { var personId: String? }
struct TrainingCompleteInput: Content { var certificateNo: String? }
struct TrainingFollowupInput: Content {
    var month: Int?
    var outcome: String?
    var note: String?
}
struct CourseAttendanceInput: Content {
    struct Entry: Content {
        var personId: String?
        var present: Bool?
    }
    var entries: [Entry]
}

struct CourseAttendanceDTO: Content {
    struct Entry: Content { let personId: String, name: String, present: Bool? }
    let date: String
    let entries: [Entry]
}

struct CourseSuggestionDTO: Content {
    let personId: String, name: String, unitCode: String, trainingTopics: [String], topicMatch: Bool, poor: Bool
}

/// A course's women the caller reaches, or whom it suggests: every one, no paging (a course has at most 500 places).
struct CourseEnrolmentsDTO: Content { let items: [TrainingEnrolmentDTO] }
struct CourseSuggestionsDTO: Content { let items: [CourseSuggestionDTO] }

/// `/api/v1/courses/…` and `/api/v1/training-enrolments/…` (issue 18, Training): read by who reads employment
/// records, written by who runs training (`TrainingAccess.writes`); a village worker reaches her village's women.
struct TrainingAPIController {
    func register(_ r: any RoutesBuilder) {
        r.get("training-rules", use: rules)
        r.put("training-rules", use: setRules)
        r.get("courses", use: list)
        r.post("courses", use: create)
        r.get("courses", ":id", use: show)
        r.patch("courses", ":id", use: update)
        r.get("courses", ":id", "enrolments", use: enrolments)
        r.post("courses", ":id", "enrolments", use: enrol)
        r.get("courses", ":id", "suggestions", use: suggestions)
        r.get("courses", ":id", "attendance", ":date", use: attendance)
        r.put("courses", ":id", "attendance", ":date", use: saveAttendance)
        r.post("training-enrolments", ":id", "complete", use: complete)
        r.post("training-enrolments", ":id", "followups", use: followup)
    }

    static func requireWrite(_ req: Request) throws {
        try req.requireBrowse(.employment)
        guard TrainingAccess.writes(try req.actor.role) else { throw Abort(.forbidden) }
    }

    func rules(req: Request) async throws -> TrainingRules {
        try req.requireBrowse(.employment)
        return try await SettingsStore.load(TrainingRules.self, on: req.db)
    }

    func setRules(req: Request) async throws -> TrainingRules {
        try req.require(.editRules)
        let values = try await req.json([String: Int].self)
        return try await SettingsStore.save(
            values.mapValues(String.init), as: TrainingRules.self, by: req.auditActor, at: req.now, on: req.db)
    }

    func list(req: Request) async throws -> ListPage<CourseDTO> {
        try req.requireBrowse(.employment)
        let p = try PageParams(req)
        let scoped = try req.scoped
        let (items, total) = try await scoped.courses(unit: req.query[String.self, at: "unit"], page: p.page, per: p.per)
        var out: [CourseDTO] = []
        for c in items { out.append(CourseDTO(c, enrolled: try await scoped.enrolledCount(c))) }
        return ListPage(items: out, page: p.page, per: p.per, total: total)
    }

    func create(req: Request) async throws -> Response {
        try Self.requireWrite(req)
        let scoped = try req.scoped
        let c = try await TrainingService.createCourse(
            try await req.json(CourseInput.self), scoped: scoped, actor: req.auditActor, at: req.now)
        return try PairingAPIController().created(CourseDTO(c, enrolled: 0))
    }

    func load(_ req: Request) async throws -> Course {
        guard let c = try await req.scoped.course(req.parameters.get("id")) else { throw Abort(.notFound) }
        return c
    }

    func show(req: Request) async throws -> CourseDTO {
        try req.requireBrowse(.employment)
        let c = try await load(req)
        return CourseDTO(c, enrolled: try await req.scoped.enrolledCount(c))
    }

    func update(req: Request) async throws -> CourseDTO {
        try Self.requireWrite(req)
        let scoped = try req.scoped
        let c = try await TrainingService.updateCourse(
            try await load(req), try await req.json(CourseInput.self), scoped: scoped, actor: req.auditActor, at: req.now)
        return CourseDTO(c, enrolled: try await scoped.enrolledCount(c))
    }

    func enrolments(req: Request) async throws -> CourseEnrolmentsDTO {
        try req.requireBrowse(.employment)
        let c = try await load(req)
        return CourseEnrolmentsDTO(items: try await Self.dtos(c, try await req.scoped.trainingEnrolments(c), try req.scoped))
    }

    static func dtos(_ c: Course, _ rows: [TrainingEnrolment], _ scoped: Scoped) async throws -> [TrainingEnrolmentDTO] {
        let held = try await scoped.heldDays(c).count
        let present = try await scoped.presentDays(c)
        let names = try await scoped.personNames(rows.map(\.personID))
        let followups = try await scoped.followups(rows.map { $0.id! })
        return rows.map { e in
            TrainingEnrolmentDTO(
                id: e.id!.uuidString, courseId: c.id!.uuidString, personId: e.personID.uuidString, name: names[e.personID] ?? "",
                unitCode: e.unitCode, stage: e.stage.rawValue, presentDays: present[e.id!] ?? 0, heldDays: held,
                certificateNo: e.certificateNo, completedOn: e.completedOn, followupCheckOn: e.followupCheckOn,
                followups: (followups[e.id!] ?? []).map(TrainingFollowupDTO.init), createdAt: AuditLog.timestamp(e.createdAt))
        }
    }

    func enrol(req: Request) async throws -> Response {
        try Self.requireWrite(req)
        let scoped = try req.scoped
        let c = try await load(req)
        let e = try await TrainingService.enrol(
            c, personId: try await req.json(TrainingEnrolmentInput.self).personId, scoped: scoped, actor: req.auditActor, at: req.now)
        return try PairingAPIController().created(try await Self.dtos(c, [e], scoped)[0])
    }

    func suggestions(req: Request) async throws -> CourseSuggestionsDTO {
        try req.requireBrowse(.employment)
        let c = try await load(req)
        let found = try await req.scoped.trainingCandidates(c)
        let units = Dictionary(found.map { ($0.candidate.personId, $0.unit) }, uniquingKeysWith: { a, _ in a })
        return CourseSuggestionsDTO(
            items: TrainingCheck.suggestions(found.map { $0.candidate }, topic: c.topic).map {
                CourseSuggestionDTO(
                    personId: $0.personId, name: $0.name, unitCode: units[$0.personId] ?? "", trainingTopics: $0.topics.map(\.rawValue),
                    topicMatch: $0.topics.contains(c.topic), poor: $0.poor)
            })
    }

    func attendance(req: Request) async throws -> CourseAttendanceDTO {
        try req.requireBrowse(.employment)
        let c = try await load(req)
        let day = req.parameters.get("date") ?? ""
        guard CivilDate(iso: day) != nil else { throw Abort(.notFound) }
        return try await Self.sheet(c, day: day, try req.scoped)
    }

    static func sheet(_ c: Course, day: String, _ scoped: Scoped) async throws -> CourseAttendanceDTO {
        let rows = try await scoped.trainingEnrolments(c)
        let marks = try await scoped.attendance(c, day: day)
        let names = try await scoped.personNames(rows.map(\.personID))
        return CourseAttendanceDTO(
            date: day,
            entries: rows.map { .init(personId: $0.personID.uuidString, name: names[$0.personID] ?? "", present: marks[$0.id!]) })
    }

    func saveAttendance(req: Request) async throws -> CourseAttendanceDTO {
        try Self.requireWrite(req)
        let scoped = try req.scoped
        let c = try await load(req)
        let day = req.parameters.get("date") ?? ""
        _ = try await TrainingService.saveAttendance(
            c, day: day, entries: try await req.json(CourseAttendanceInput.self).entries, scoped: scoped, actor: req.auditActor, at: req.now
        )
        return try await Self.sheet(c, day: day, scoped)
    }

    func loadEnrolment(_ req: Request) async throws -> (TrainingEnrolment, Course) {
        guard let found = try await req.scoped.trainingEnrolment(req.parameters.get("id")) else { throw Abort(.notFound) }
        return found
    }

    func complete(req: Request) async throws -> TrainingEnrolmentDTO {
        try Self.requireWrite(req)
        let scoped = try req.scoped
        let (e, c) = try await loadEnrolment(req)
        let done = try await TrainingService.complete(
            e, c, certificateNo: try await req.json(TrainingCompleteInput.self).certificateNo, scoped: scoped, actor: req.auditActor,
            at: req.now)
        return try await Self.dtos(c, [done], scoped)[0]
    }

    func followup(req: Request) async throws -> Response {
        try Self.requireWrite(req)
        let scoped = try req.scoped
        let (e, _) = try await loadEnrolment(req)
        let f = try await TrainingService.followup(
            e, try await req.json(TrainingFollowupInput.self), scoped: scoped, actor: req.auditActor, at: req.now)
        return try PairingAPIController().created(TrainingFollowupDTO(f))
    }
}
