import Foundation
import FluentKit
import GuanaiCore
import Testing
@testable import GuanaiWeb

/// Records get time-ordered ids whether their code sets one or leaves it to Fluent.
@Suite struct OrderedIDTests {
    @Test func recordsCreatedWithoutAnIdGetAnOrderedOne() async throws {
        try await withTestApp { ctx in
            // An account is created without an explicit id: the database middleware gives it one.
            let first = try await ctx.makeUser("ordered1", .cityAdmin, "421081")
            let second = try await ctx.makeUser("ordered2", .cityAdmin, "421081")
            #expect(TimeOrderedID.millis(of: first.id!) != nil)
            #expect(TimeOrderedID.millis(of: second.id!) != nil)
            #expect(first.id!.uuidString.lowercased() < second.id!.uuidString.lowercased())
            // And what was stored is what the model holds.
            let stored = try await User.query(on: ctx.app.db).filter(\.$username == "ordered2").first()
            #expect(stored?.id == second.id)
        }
    }
}
