import Foundation
import Testing
@testable import GuanaiCore

@Suite struct RecordIDTests {
    @Test func textIsTheUUIDsOwnAndParsesBack() throws {
        let u = UUID(uuidString: "0192F3A4-5B6C-7D8E-9F01-23456789ABCD")!
        let id = ChildID(u)
        #expect(id.description == u.uuidString)
        #expect("\(id)" == "0192F3A4-5B6C-7D8E-9F01-23456789ABCD")
        #expect(ChildID(id.description) == id)
        #expect(ChildID(id.description)?.uuid == u)
    }

    @Test func parsingAcceptsEitherCaseAndNothingElse() {
        let upper = "0192F3A4-5B6C-7D8E-9F01-23456789ABCD"
        #expect(VolunteerID(upper.lowercased()) == VolunteerID(upper))
        #expect(VolunteerID(upper.lowercased())?.description == upper)
        for bad in ["", "x", "0192F3A4", "0192F3A45B6C7D8E9F0123456789ABCD", upper + "0", " " + upper, "{\(upper)}", "../etc"] {
            #expect(VolunteerID(bad) == nil, "\(bad)")
        }
    }

    @Test func codesAsABareStringSoTheJSONIsUnchanged() throws {
        struct Row: Codable, Equatable {
            let id: PairID
            let child: ChildID?
        }
        let row = Row(id: PairID(UUID(uuidString: "0192F3A4-5B6C-7D8E-9F01-23456789ABCD")!), child: nil)
        let data = try JSONEncoder().encode(row)
        #expect(String(decoding: data, as: UTF8.self) == #"{"id":"0192F3A4-5B6C-7D8E-9F01-23456789ABCD"}"#)
        #expect(try JSONDecoder().decode(Row.self, from: data) == row)
        // A plain UUID encodes to the same text, so a DTO may switch between the two without changing its JSON.
        #expect(try JSONEncoder().encode([row.id]) == JSONEncoder().encode([row.id.uuid]))
        let lower = Data(#"{"id":"0192f3a4-5b6c-7d8e-9f01-23456789abcd","child":null}"#.utf8)
        #expect(try JSONDecoder().decode(Row.self, from: lower).id == row.id)
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(Row.self, from: Data(#"{"id":"nope"}"#.utf8)) }
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(Row.self, from: Data(#"{"id":7}"#.utf8)) }
    }

    @Test func orderIsTheOrderOfMaking() {
        let g = TimeOrderedID()
        let at = Date(timeIntervalSince1970: 1_790_000_000.5)
        let made = (0..<5_000).map { _ in AlertID(g.make(now: at)) }
        #expect(made.sorted() == made)
        // The same order the databases give the lower-case text.
        #expect(made.map { $0.description.lowercased() }.sorted() == made.map { $0.description.lowercased() })
        let a = ReportID(UUID(uuidString: "00000000-0000-0000-0000-0000000000FF")!)
        let b = ReportID(UUID(uuidString: "00000000-0000-0000-0000-000000000100")!)
        #expect(a < b && !(b < a) && !(a < a))
    }

    @Test func idsOfDifferentKindsAreDifferentTypesWithTheSameText() {
        let u = TimeOrderedID.next()
        let child = ChildID(u), volunteer = VolunteerID(u)
        #expect(child.description == volunteer.description)
        #expect(type(of: child) != type(of: volunteer))
        // In a set or as keys, an id is its UUID.
        #expect(Set([child, ChildID(u)]).count == 1)
        #expect([child: 1][ChildID(child.description)!] == 1)
    }
}

extension RecordIDTests {
    @Test func eachKindWithAHistoryHasItsOwnNameInTheTrail() {
        let names = [
            RecordTag.Child.auditSubject, RecordTag.Woman.auditSubject, RecordTag.Person.auditSubject, RecordTag.Household.auditSubject,
            RecordTag.Volunteer.auditSubject, RecordTag.Pair.auditSubject, RecordTag.Campaign.auditSubject, RecordTag.Alert.auditSubject,
            RecordTag.Report.auditSubject, RecordTag.Visit.auditSubject, RecordTag.User.auditSubject,
        ]
        #expect(Set(names).count == names.count)
        #expect(ChildID(TimeOrderedID.next()).auditSubject == .child)
        #expect(UserID(TimeOrderedID.next()).auditSubject == .account)
    }
}
