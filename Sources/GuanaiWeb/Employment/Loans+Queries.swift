import Fluent
import Vapor
import GuanaiCore

extension Scoped {
    /// What the loan rules read about a person the caller reads; nil when there is no such person in the jurisdiction.
    func borrower(_ raw: String?) async throws -> Borrower? {
        guard let id = raw.flatMap({ UUID(uuidString: $0.trimmingCharacters(in: .whitespaces)) }),
            let p = try await person(PersonID(id))
        else { return nil }
        return Borrower(
            female: p.sex == Sex.female.rawValue, alive: p.vital == .alive, birthDate: p.birthDate.flatMap { CivilDate(iso: $0) },
            loans: [])
    }
}
