import Fluent
import Vapor
import GuanaiCore

struct JobFairDTO: Content {
    let id: String, name: String, unitCode: String, date: String, place: String?
    let employers: Int, postings: Int, attendees: Int, intents: Int, hires: Int
    let createdAt: String, updatedAt: String
}

struct FairEmployerDTO: Content {
    let id: String, fairId: String, name: String, contact: String?, phone: String?, industry: String?
    init(_ e: FairEmployer) {
        id = e.id!.uuidString; fairId = e.fairID.uuidString; name = e.name; contact = e.contact; phone = e.phone; industry = e.industry
    }
}

struct FairPostingDTO: Content {
    let id: String, fairId: String, employerId: String, title: String, payMin: String?, payMax: String?, place: String?
    let hours: String?, suitsCarers: Bool, openings: Int, hired: Int
    init(_ p: FairPosting, hired: Int) {
        id = p.id!.uuidString; fairId = p.fairID.uuidString; employerId = p.employerID.uuidString; title = p.title
        payMin = p.payMin?.description; payMax = p.payMax?.description; place = p.place; hours = p.hours
        suitsCarers = p.suitsCarers; openings = p.openings; self.hired = hired
    }
}

/// An attendee, an intent or a hire: the woman (named when the caller reaches her) and, for the last two, the posting.
struct FairPersonDTO: Content {
    let id: String, fairId: String, personId: String, personName: String?, postingId: String?
    let hiredOn: String?, followupDue: String?, followupCheckOn: String?, followup: FairFollowupDTO?
}

struct FairFollowupDTO: Content {
    let id: String, hireId: String, outcome: String, note: String?, recordedOn: String
    init(_ f: FairFollowup) {
        id = f.id!.uuidString; hireId = f.hireID.uuidString; outcome = f.outcome.rawValue; note = f.note; recordedOn = f.recordedOn
    }
}

/// One fair with everything recorded at it.
struct JobFairDetailDTO: Content {
    let fair: JobFairDTO
    let employers: [FairEmployerDTO], postings: [FairPostingDTO]
    let attendees: [FairPersonDTO], intents: [FairPersonDTO], hires: [FairPersonDTO]
}

/// `/api/v1/job-fairs/…` and `/api/v1/job-fair-hires/{id}/followups` (issue 18, item 4). Reads: whoever reads
/// employment; changes: `Policy.worksOnEmployment`. Out of jurisdiction a fair is 404, before the role's 403.
struct JobFairAPIController {
    func register(_ r: any RoutesBuilder) {
        r.get("job-fairs", use: list)
        r.post("job-fairs", use: create)
        r.get("job-fairs", ":id", use: show)
        r.patch("job-fairs", ":id", use: update)
        r.post("job-fairs", ":id", "employers", use: addEmployer)
        r.post("job-fairs", ":id", "postings", use: addPosting)
        r.post("job-fairs", ":id", "attendees", use: addAttendee)
        r.post("job-fairs", ":id", "intents", use: addIntent)
        r.post("job-fairs", ":id", "hires", use: addHire)
        r.post("job-fair-hires", ":id", "followups", use: addFollowup)
    }

    static func requireWrite(_ req: Request) throws {
        try req.requireBrowse(.employment)
        guard Policy.worksOnEmployment(try req.actor.role) else { throw Abort(.forbidden) }
    }

    func list(req: Request) async throws -> ListPage<JobFairDTO> {
        try req.requireBrowse(.employment)
        let p = try PageParams(req)
        let scoped = try req.scoped
        let (items, total) = try await scoped.jobFairs(unit: req.query[String.self, at: "unit"], page: p.page, per: p.per)
        return ListPage(items: try await Self.dtos(items, scoped), page: p.page, per: p.per, total: total)
    }

    static func dtos(_ fairs: [JobFair], _ scoped: Scoped) async throws -> [JobFairDTO] {
        let counts = try await scoped.fairCounts(fairs)
        var out: [JobFairDTO] = []
        for f in fairs {
            let n = counts[f.id!] ?? FairCounts()
            out.append(
                JobFairDTO(
                    id: f.id!.uuidString, name: f.name, unitCode: f.unitCode, date: f.date, place: f.place, employers: n.employers,
                    postings: n.postings, attendees: n.attendees, intents: n.intents, hires: n.hires,
                    createdAt: AuditLog.timestamp(f.createdAt), updatedAt: AuditLog.timestamp(f.updatedAt)))
        }
        return out
    }

    /// Nothing of the fair answers before it is found in the jurisdiction.
    static func load(_ req: Request, write: Bool = false) async throws -> JobFair {
        guard let f = try await req.scoped.jobFair(req.parameters.get("id")) else { throw Abort(.notFound) }
        if write { try requireWrite(req) } else { try req.requireBrowse(.employment) }
        return f
    }

    func create(req: Request) async throws -> Response {
        try Self.requireWrite(req)
        let f = try await JobFairService.create(
            try await req.json(JobFairInput.self), scoped: try req.scoped, actor: req.auditActor, at: req.now)
        return try PairingAPIController().created(try await Self.dtos([f], try req.scoped)[0])
    }

    func show(req: Request) async throws -> JobFairDetailDTO {
        try await Self.detail(try await Self.load(req), try req.scoped)
    }

    static func detail(_ f: JobFair, _ scoped: Scoped) async throws -> JobFairDetailDTO {
        let postings = try await scoped.fairPostings(f), hires = try await scoped.fairHires(f)
        let attendees = try await scoped.fairAttendees(f), intents = try await scoped.fairIntents(f)
        let names = try await scoped.fairPeople(attendees.map(\.personID) + hires.map(\.personID))
        let followups = try await scoped.fairFollowups(hires)
        func person(_ id: UUID, _ person: UUID, posting: UUID?) -> FairPersonDTO {
            FairPersonDTO(
                id: id.uuidString, fairId: f.id!.uuidString, personId: person.uuidString, personName: names[person]?.name,
                postingId: posting?.uuidString, hiredOn: nil, followupDue: nil, followupCheckOn: nil, followup: nil)
        }
        return JobFairDetailDTO(
            fair: try await dtos([f], scoped)[0], employers: try await scoped.fairEmployers(f).map(FairEmployerDTO.init),
            postings: postings.map { p in FairPostingDTO(p, hired: hires.filter { $0.postingID == p.id }.count) },
            attendees: attendees.map { person($0.id!, $0.personID, posting: nil) },
            intents: intents.map { person($0.id!, $0.personID, posting: $0.postingID) },
            hires: hires.map { hireDTO($0, name: names[$0.personID]?.name, followup: followups[$0.id!]) })
    }

    static func hireDTO(_ h: FairHire, name: String?, followup: FairFollowup?) -> FairPersonDTO {
        FairPersonDTO(
            id: h.id!.uuidString, fairId: h.fairID.uuidString, personId: h.personID.uuidString, personName: name,
            postingId: h.postingID.uuidString, hiredOn: h.hiredOn,
            followupDue: CivilDate(iso: h.hiredOn).map { JobFairRules.followupDue(hiredOn: $0).iso }, followupCheckOn: h.followupCheckOn,
            followup: followup.map(FairFollowupDTO.init))
    }

    func update(req: Request) async throws -> JobFairDTO {
        let f = try await Self.load(req, write: true)
        let scoped = try req.scoped
        let saved = try await JobFairService.update(
            f, try await req.json(JobFairInput.self), scoped: scoped, actor: req.auditActor, at: req.now)
        return try await Self.dtos([saved], scoped)[0]
    }

    func addEmployer(req: Request) async throws -> Response {
        let f = try await Self.load(req, write: true)
        let e = try await JobFairService.addEmployer(
            f, try await req.json(FairEmployerInput.self), scoped: try req.scoped, actor: req.auditActor, at: req.now)
        return try PairingAPIController().created(FairEmployerDTO(e))
    }

    func addPosting(req: Request) async throws -> Response {
        let f = try await Self.load(req, write: true)
        let p = try await JobFairService.addPosting(
            f, try await req.json(FairPostingInput.self), scoped: try req.scoped, actor: req.auditActor, at: req.now)
        return try PairingAPIController().created(FairPostingDTO(p, hired: 0))
    }

    func addAttendee(req: Request) async throws -> Response {
        let f = try await Self.load(req, write: true)
        let scoped = try req.scoped
        let a = try await JobFairService.addAttendee(
            f, try await req.json(FairPersonInput.self), scoped: scoped, actor: req.auditActor, at: req.now)
        let name = try await scoped.fairPeople([a.personID])[a.personID]?.name
        return try PairingAPIController().created(
            FairPersonDTO(
                id: a.id!.uuidString, fairId: f.id!.uuidString, personId: a.personID.uuidString, personName: name, postingId: nil,
                hiredOn: nil, followupDue: nil, followupCheckOn: nil, followup: nil))
    }

    func addIntent(req: Request) async throws -> Response {
        let f = try await Self.load(req, write: true)
        let scoped = try req.scoped
        let i = try await JobFairService.addIntent(
            f, try await req.json(FairPersonInput.self), scoped: scoped, actor: req.auditActor, at: req.now)
        let name = try await scoped.fairPeople([i.personID])[i.personID]?.name
        return try PairingAPIController().created(
            FairPersonDTO(
                id: i.id!.uuidString, fairId: f.id!.uuidString, personId: i.personID.uuidString, personName: name,
                postingId: i.postingID.uuidString, hiredOn: nil, followupDue: nil, followupCheckOn: nil, followup: nil))
    }

    func addHire(req: Request) async throws -> Response {
        let f = try await Self.load(req, write: true)
        let scoped = try req.scoped
        let h = try await JobFairService.addHire(
            f, try await req.json(FairPersonInput.self), scoped: scoped, actor: req.auditActor, at: req.now)
        let name = try await scoped.fairPeople([h.personID])[h.personID]?.name
        return try PairingAPIController().created(Self.hireDTO(h, name: name, followup: nil))
    }

    func addFollowup(req: Request) async throws -> Response {
        let scoped = try req.scoped
        guard let (h, f) = try await scoped.fairHire(req.parameters.get("id")) else { throw Abort(.notFound) }
        try Self.requireWrite(req)
        let r = try await JobFairService.addFollowup(
            h, f, try await req.json(FairFollowupInput.self), scoped: scoped, actor: req.auditActor, at: req.now)
        return try PairingAPIController().created(FairFollowupDTO(r))
    }
}
