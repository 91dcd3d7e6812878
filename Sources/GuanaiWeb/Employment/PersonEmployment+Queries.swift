import Fluent
import Vapor
import GuanaiCore

/// A woman's employment record (issue 18, item 10): her courses, fairs and loans, as `GET /api/v1/people/{id}/
/// employment` and her page show them. Each record is the caller's only when it is in her reach: a course she sees,
/// a fair and a loan in her jurisdiction.
struct PersonEmploymentDTO: Content {
    struct Followup: Content { let month: Int, outcome: String, note: String? }
    struct Training: Content {
        let enrolmentId: String, courseId: String, course: String, topic: String, from: String, to: String, stage: String
        let daysHeld: Int, daysPresent: Int, certificateNo: String?, completedOn: String?, followups: [Followup]
    }
    struct Hire: Content {
        let postingId: String, posting: String, hiredOn: String, followupDue: String?, followup: String?, followupNote: String?
    }
    struct Fair: Content {
        let fairId: String, fair: String, date: String, attended: Bool, intents: [String], hires: [Hire]
    }
    struct Loan: Content {
        let id: String, role: String, kind: String, project: String, status: String, amount: String, outstanding: String
        let overdue: Bool, appliedOn: String, disbursedOn: String?, settledOn: String?
    }
    let personId: String, name: String
    let trainings: [Training]
    let fairs: [Fair]
    let loans: [Loan]
}

extension Scoped {
    /// Her record and her unit; nil when the person is not in the caller's jurisdiction.
    func employment(of id: PersonID) async throws -> (dto: PersonEmploymentDTO, unit: String)? {
        guard let p = try await person(id), let pid = p.id else { return nil }
        let dto = PersonEmploymentDTO(
            personId: pid.uuidString, name: p.name, trainings: try await trainings(of: pid), fairs: try await fairs(of: pid),
            loans: try await loans(of: pid))
        return (dto, p.unitCode)
    }

    private func trainings(of pid: UUID) async throws -> [PersonEmploymentDTO.Training] {
        let enrolments = try await TrainingEnrolment.query(on: db).filter(\.$personID == pid).all()
        guard !enrolments.isEmpty else { return [] }
        let courses = try await Course.query(on: db).filter(\.$id ~~ enrolments.map(\.courseID)).all()
            .filter { TrainingAccess.sees(courseUnit: $0.unitCode, jurisdiction) }
        let byID = Dictionary(uniqueKeysWithValues: courses.map { ($0.id!, $0) })
        let followups = Dictionary(
            grouping: try await TrainingFollowup.query(on: db).filter(\.$enrolmentID ~~ enrolments.compactMap(\.id)).sort(\.$month).all(),
            by: \.enrolmentID)
        var out: [PersonEmploymentDTO.Training] = []
        for e in enrolments {
            guard let c = byID[e.courseID] else { continue }
            out.append(
                .init(
                    enrolmentId: e.id!.uuidString, courseId: c.id!.uuidString, course: c.title, topic: c.topic.rawValue, from: c.fromOn,
                    to: c.toOn, stage: e.stage.rawValue, daysHeld: try await heldDays(c).count,
                    daysPresent: try await presentDays(c)[e.id!] ?? 0, certificateNo: e.certificateNo, completedOn: e.completedOn,
                    followups: (followups[e.id!] ?? []).map { .init(month: $0.month, outcome: $0.outcome.rawValue, note: $0.note) }))
        }
        return out.sorted { ($0.from, $0.course) > ($1.from, $1.course) }
    }

    private func fairs(of pid: UUID) async throws -> [PersonEmploymentDTO.Fair] {
        let attended = try await FairAttendee.query(on: db).filter(\.$personID == pid).all()
        let intents = try await FairIntent.query(on: db).filter(\.$personID == pid).all()
        let hires = try await FairHire.query(on: db).filter(\.$personID == pid).all()
        let ids = Set(attended.map(\.fairID) + intents.map(\.fairID) + hires.map(\.fairID))
        guard !ids.isEmpty else { return [] }
        let fairs = try await JobFair.query(on: db).filter(\.$id ~~ Array(ids)).all().filter { inScope($0.unitCode) }
        let postingIDs = intents.map(\.postingID) + hires.map(\.postingID)
        let postings = try await FairPosting.query(on: db).filter(\.$id ~~ postingIDs).all()
        let title = Dictionary(uniqueKeysWithValues: postings.map { ($0.id!, $0.title) })
        let followups = Dictionary(
            grouping: try await FairFollowup.query(on: db).filter(\.$hireID ~~ hires.compactMap(\.id)).all(), by: \.hireID)
        return fairs.map { f in
            PersonEmploymentDTO.Fair(
                fairId: f.id!.uuidString, fair: f.name, date: f.date, attended: attended.contains { $0.fairID == f.id },
                intents: intents.filter { $0.fairID == f.id }.map { title[$0.postingID] ?? "" },
                hires: hires.filter { $0.fairID == f.id }.map { h in
                    let done = followups[h.id!]?.first
                    return .init(
                        postingId: h.postingID.uuidString, posting: title[h.postingID] ?? "", hiredOn: h.hiredOn,
                        followupDue: done == nil ? h.followupCheckOn : nil, followup: done?.outcome.rawValue, followupNote: done?.note)
                })
        }.sorted { ($0.date, $0.fair) > ($1.date, $1.fair) }
    }

    private func loans(of pid: UUID) async throws -> [PersonEmploymentDTO.Loan] {
        let roles = try await LoanPerson.query(on: db).filter(\.$personID == pid).all()
        guard !roles.isEmpty else { return [] }
        let role = Dictionary(roles.map { ($0.loanID, $0.role) }, uniquingKeysWith: { a, b in a == "borrower" ? a : b })
        return try await GuanaiWeb.Loan.query(on: db).filter(\.$id ~~ Array(role.keys)).all().filter { inScope($0.unitCode) }
            .sorted { ($0.appliedOn, $0.createdAt) > ($1.appliedOn, $1.createdAt) }
            .map { l in
                PersonEmploymentDTO.Loan(
                    id: l.id!.uuidString, role: role[l.id!] ?? "borrower", kind: l.kind.rawValue, project: l.project,
                    status: l.status.rawValue, amount: Yuan(fen: l.disbursedFen ?? l.approvedFen ?? l.amountFen).description,
                    outstanding: Yuan(fen: l.outstandingFen).description, overdue: l.overdue, appliedOn: l.appliedOn,
                    disbursedOn: l.disbursedOn, settledOn: l.settledOn)
            }
    }
}
