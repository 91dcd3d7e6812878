import Fluent
import Foundation
import GuanaiCore

/// The writers of coverage's inputs file their marks here, in the transaction of the change, whichever page, API
/// call, import or demo made it. Children's own changes (status, classification, village, a merge) are marked where
/// their village's `child_tallies` is recomputed (`ChildTally.refresh`); a change of reach is seen by the sweep.
enum StationCoverageMarks {
    static func register(_ m: Databases.Middleware) {
        m.use(StationMarks())
        m.use(EnrolmentMarks())
        m.use(HouseholdMarks())
    }

    /// A station opened, closed, moved or re-homed: the villages it reached before and reaches now, and the villages
    /// of the children holding a place there (counted as enrolled only while it is open).
    struct StationMarks: AsyncModelMiddleware {
        func create(model: Station, on db: any Database, next: any AnyAsyncModelResponder) async throws {
            try await next.create(model, on: db)
            try await marks(nil, model, on: db)
        }

        func update(model: Station, on db: any Database, next: any AnyAsyncModelResponder) async throws {
            let before = try await Self.stored(model.id, on: db)
            try await next.update(model, on: db)
            try await marks(before, model, on: db)
        }

        func delete(model: Station, force: Bool, on db: any Database, next: any AnyAsyncModelResponder) async throws {
            try await marks(model, nil, on: db)
            try await next.delete(model, force: force, on: db)
        }

        static func stored(_ id: UUID?, on db: any Database) async throws -> Station? {
            guard let id else { return nil }
            return try await Station.find(id, on: db)
        }

        static func key(_ s: Station?) -> String {
            s.map { "\($0.unitCode)|\($0.status.rawValue)|\($0.latitude ?? .nan)|\($0.longitude ?? .nan)" } ?? ""
        }

        func marks(_ before: Station?, _ after: Station?, on db: any Database) async throws {
            // A new name, schedule or staff list changes nobody's coverage.
            guard Self.key(before) != Self.key(after) else { return }
            let both = [before, after].compactMap { $0 }
            try await StationCoverageTally.mark(Set(both.map(\.unitCode)), on: db)
            try await StationCoverageTally.mark(
                near: both.compactMap { s in s.latitude.flatMap { la in s.longitude.map { GeoPoint(latitude: la, longitude: $0) } } },
                on: db)
            if let id = (after ?? before)?.id { try await StationCoverageTally.mark(enrolledAt: id, on: db) }
        }
    }

    /// A place taken or given up: the child's village.
    struct EnrolmentMarks: AsyncModelMiddleware {
        func create(model: StationEnrolment, on db: any Database, next: any AnyAsyncModelResponder) async throws {
            try await next.create(model, on: db)
            try await StationCoverageTally.mark(children: [model.childID], on: db)
        }

        func update(model: StationEnrolment, on db: any Database, next: any AnyAsyncModelResponder) async throws {
            try await next.update(model, on: db)
            try await StationCoverageTally.mark(children: [model.childID], on: db)
        }

        func delete(model: StationEnrolment, force: Bool, on db: any Database, next: any AnyAsyncModelResponder) async throws {
            try await next.delete(model, force: force, on: db)
            try await StationCoverageTally.mark(children: [model.childID], on: db)
        }
    }

    /// A household's point moved: a child's point is her household's. A new household has no children yet; theirs
    /// are marked when they are saved into it.
    struct HouseholdMarks: AsyncModelMiddleware {
        func update(model: Household, on db: any Database, next: any AnyAsyncModelResponder) async throws {
            var before: Household? = nil
            if let id = model.id { before = try await Household.find(id, on: db) }
            try await next.update(model, on: db)
            guard let id = model.id, before?.latitude != model.latitude || before?.longitude != model.longitude else { return }
            try await StationCoverageTally.mark(household: id, on: db)
        }
    }
}
