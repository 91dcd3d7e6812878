import Fluent
import Vapor
import GuanaiCore

/// What the list shows of each fair.
struct FairCounts {
    var employers = 0, postings = 0, attendees = 0, intents = 0, hires = 0
}

extension Scoped {
    /// Fairs in the jurisdiction, or within `unit` when it lies inside it, the latest first.
    func jobFairs(unit: String?, page: Int, per: Int) async throws -> (items: [JobFair], total: Int) {
        let q = JobFair.query(on: db).within(unit.map(narrowed) ?? jurisdiction, \.$unitCode)
        return (
            try await q.copy().sort(\.$date, .descending).sort(\.$name).range(((page - 1) * per)..<(page * per)).all(),
            try await q.count()
        )
    }

    /// nil outside the jurisdiction (or for an id that does not parse): the caller answers 404 either way.
    func jobFair(_ raw: String?) async throws -> JobFair? {
        guard let id = raw.flatMap(UUID.init(uuidString:)), let f = try await JobFair.find(id, on: db), inScope(f.unitCode) else {
            return nil
        }
        return f
    }

    /// A hire and its fair, through the fair's unit.
    func fairHire(_ raw: String?) async throws -> (FairHire, JobFair)? {
        guard let id = raw.flatMap(UUID.init(uuidString:)), let h = try await FairHire.find(id, on: db),
            let f = try await jobFair(h.fairID.uuidString)
        else { return nil }
        return (h, f)
    }

    func fairEmployers(_ f: JobFair) async throws -> [FairEmployer] {
        try await FairEmployer.query(on: db).filter(\.$fairID == f.id!).sort(\.$createdAt).sort(\.$id).all()
    }

    func fairPostings(_ f: JobFair) async throws -> [FairPosting] {
        try await FairPosting.query(on: db).filter(\.$fairID == f.id!).sort(\.$createdAt).sort(\.$id).all()
    }

    func fairAttendees(_ f: JobFair) async throws -> [FairAttendee] {
        try await FairAttendee.query(on: db).filter(\.$fairID == f.id!).sort(\.$createdAt).sort(\.$id).all()
    }

    func fairIntents(_ f: JobFair) async throws -> [FairIntent] {
        try await FairIntent.query(on: db).filter(\.$fairID == f.id!).sort(\.$createdAt).sort(\.$id).all()
    }

    func fairHires(_ f: JobFair) async throws -> [FairHire] {
        try await FairHire.query(on: db).filter(\.$fairID == f.id!).sort(\.$createdAt).sort(\.$id).all()
    }

    func fairFollowups(_ hires: [FairHire]) async throws -> [UUID: FairFollowup] {
        let ids = hires.compactMap(\.id)
        guard !ids.isEmpty else { return [:] }
        let rows = try await FairFollowup.query(on: db).filter(\.$hireID ~~ ids).all()
        return Dictionary(rows.map { ($0.hireID, $0) }, uniquingKeysWith: { a, _ in a })
    }

    /// Names of the women a fair lists that the caller reaches; a woman of another village stays unnamed for a
    /// village worker reading a fair of her township's.
    func fairPeople(_ ids: [UUID]) async throws -> [UUID: Person] {
        let found = try await people(Set(ids).map(PersonID.init)).filter { inScope($0.value.unitCode) }
        return Dictionary(uniqueKeysWithValues: found.map { ($0.key.uuid, $0.value) })
    }

    /// Employers, postings, attendees, intents and hires per fair for the list: five queries for the whole page.
    func fairCounts(_ fairs: [JobFair]) async throws -> [UUID: FairCounts] {
        let ids = fairs.compactMap(\.id)
        guard !ids.isEmpty else { return [:] }
        func tally(_ fairIDs: [UUID]) -> [UUID: Int] { fairIDs.reduce(into: [:]) { $0[$1, default: 0] += 1 } }
        let e = tally(try await FairEmployer.query(on: db).filter(\.$fairID ~~ ids).all(\.$fairID))
        let p = tally(try await FairPosting.query(on: db).filter(\.$fairID ~~ ids).all(\.$fairID))
        let a = tally(try await FairAttendee.query(on: db).filter(\.$fairID ~~ ids).all(\.$fairID))
        let i = tally(try await FairIntent.query(on: db).filter(\.$fairID ~~ ids).all(\.$fairID))
        let h = tally(try await FairHire.query(on: db).filter(\.$fairID ~~ ids).all(\.$fairID))
        return Dictionary(
            uniqueKeysWithValues: ids.map {
                ($0, FairCounts(employers: e[$0] ?? 0, postings: p[$0] ?? 0, attendees: a[$0] ?? 0, intents: i[$0] ?? 0, hires: h[$0] ?? 0))
            })
    }

    /// What the attendee rule reads of the woman: nil when no such person lies in the jurisdiction (a village worker's
    /// is her village, so another village's woman is not found).
    func fairWoman(_ raw: String?) async throws -> (Person, JobFairRules.Woman)? {
        guard let id = raw.flatMap({ UUID(uuidString: $0.trimmingCharacters(in: .whitespaces)) }),
            let p = try await person(PersonID(id))
        else { return nil }
        return (p, JobFairRules.Woman(female: p.sex == Sex.female.rawValue, alive: p.vital == .alive))
    }

    func fairAttendee(_ f: JobFair, person: UUID) async throws -> FairAttendee? {
        try await FairAttendee.query(on: db).filter(\.$fairID == f.id!).filter(\.$personID == person).first()
    }

    func fairPosting(_ f: JobFair, _ raw: String?) async throws -> FairPosting? {
        guard let id = raw.flatMap({ UUID(uuidString: $0.trimmingCharacters(in: .whitespaces)) }) else { return nil }
        return try await FairPosting.query(on: db).filter(\.$id == id).filter(\.$fairID == f.id!).first()
    }

    func fairEmployerKnown(_ f: JobFair, _ raw: String?) async throws -> Bool {
        guard let id = raw.flatMap({ UUID(uuidString: $0.trimmingCharacters(in: .whitespaces)) }) else { return false }
        return try await FairEmployer.query(on: db).filter(\.$id == id).filter(\.$fairID == f.id!).count() > 0
    }

    func fairIntent(posting: UUID, person: UUID) async throws -> FairIntent? {
        try await FairIntent.query(on: db).filter(\.$postingID == posting).filter(\.$personID == person).first()
    }

    func fairHire(posting: UUID, person: UUID) async throws -> FairHire? {
        try await FairHire.query(on: db).filter(\.$postingID == posting).filter(\.$personID == person).first()
    }

    func fairHireCount(posting: UUID) async throws -> Int {
        try await FairHire.query(on: db).filter(\.$postingID == posting).count()
    }

    func fairFollowup(hire: UUID) async throws -> FairFollowup? {
        try await FairFollowup.query(on: db).filter(\.$hireID == hire).first()
    }

    /// Living women of the jurisdiction whose name contains `q`, or whose ID number is `q`: the phone page's search.
    func fairWomenMatching(_ q: String) async throws -> [Person] {
        let women = Person.query(on: db).within(jurisdiction, \.$unitCode).filter(\.$sex == Sex.female.rawValue)
            .filter(\.$vitalStatus == VitalStatus.alive.rawValue)
        let byID = try await women.copy().filter(\.$idNumber == IDNumber.normalise(q)).limit(5).all()
        let byName = try await women.copy().filter(\.$name ~~ q).sort(\.$name).limit(20).all()
        var seen = Set<UUID>()
        return (byID + byName).filter { seen.insert($0.id!).inserted }
    }
}
