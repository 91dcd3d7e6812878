import Fluent
import Vapor
import GuanaiCore

/// `GET /api/v1/people/{id}/employment`: a woman's trainings, fairs and loans, for the roles that read employment
/// records (403 for the others), in the caller's jurisdiction (404 outside); a view, audited.
struct PersonEmploymentAPIController {
    func register(_ r: any RoutesBuilder) {
        r.get("people", ":id", "employment", use: show)
    }

    func show(req: Request) async throws -> PersonEmploymentDTO {
        try req.requireBrowse(.employment)
        let id: PersonID = try req.parameters.id()
        guard let found = try await req.scoped.employment(of: id) else { throw Abort(.notFound) }
        try await Self.audit(found.dto, unit: found.unit, req)
        return found.dto
    }

    /// Who looked at a woman's employment record, filed under her unit.
    static func audit(_ dto: PersonEmploymentDTO, unit: String, _ req: Request) async throws {
        let counts = ["trainings": dto.trainings.count, "fairs": dto.fairs.count, "loans": dto.loans.count].mapValues(String.init)
        try await req.audit(
            AuditEvent(
                AuditAction.view, AuditSubject.employment, dto.personId, unit: unit,
                detail: counts.merging(["of": AuditSubject.person.rawValue]) { a, _ in a })
        )
    }
}
