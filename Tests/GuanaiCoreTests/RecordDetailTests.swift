import Foundation
import Testing

@testable import GuanaiCore

@Suite struct RecordDetailTests {
    private enum Sample: String, CodingKey, RecordDetail {
        case villageGroup, note, farming
        var kind: DetailKind { self == .farming ? .flag : .text }
        var labelKey: String { "sample." + rawValue }
    }

    @Test func columnsAreTheNamesInSnakeCase() {
        #expect(Sample.allCases.map(\.column) == ["village_group", "note", "farming"])
        #expect(ChildDetail.allCases.map(\.column) == ChildDetail.allCases.map(\.rawValue), "one-word names are their own column")
        #expect(Sample.flags == [.farming] && Sample.texts == [.villageGroup, .note])
    }

    @Test func jsonIsFlatAndTellsAbsentFromNull() throws {
        let d = try JSONDecoder().decode(Details<Sample>.self, from: Data(#"{"note": null, "farming": true, "other": 1}"#.utf8))
        #expect(d.has(.note) && d[text: .note] == nil, "null is given: it clears")
        #expect(!d.has(.villageGroup), "absent is not given: it keeps")
        #expect(d[flag: .farming])
        let out = try JSONSerialization.jsonObject(with: JSONEncoder().encode(d.complete)) as? [String: Any]
        #expect(out?.keys.sorted() == ["farming"], "no text is left out, a flag is always written")
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(Details<Sample>.self, from: Data(#"{"farming": "yes"}"#.utf8)) }
    }

    /// An edit form posts names; only the record's own plain fields are taken, each as its kind reads text.
    @Test func postedNamesBecomeTheFieldsTheyName() {
        let d = Details<Sample>.typed(named: ["villageGroup": "二组", "farming": "on", "name": "王某", "note": ""])
        #expect(d[text: .villageGroup] == "二组" && d[flag: .farming] && d[text: .note] == nil)
        #expect(d.has(.villageGroup) && d.has(.farming))
    }

    @Test func aChangeLaysOverWhatIsStored() {
        let stored = Details<Sample>.typed([.villageGroup: "三组", .note: "", .farming: "1"])
        #expect(stored[text: .villageGroup] == "三组" && stored[text: .note] == nil && stored[flag: .farming])
        var change = Details<Sample>()
        change[text: .note] = "  新的  "
        change[flag: .farming] = false
        let merged = stored.merging(change.normalised)
        #expect(merged[text: .villageGroup] == "三组" && merged[text: .note] == "新的" && !merged[flag: .farming])
        #expect(merged.string(.farming) == "false" && merged.string(.villageGroup) == "三组")
        #expect(Details<Sample>().complete.has(.note) && !Details<Sample>().complete[flag: .farming])
    }

    @Test func aChildInputKeepsItsPlainFieldsFlat() throws {
        let json = #"{"name": "王小花", "school": " 镇小学 ", "boarding": true, "needs": ["study"]}"#
        let input = try JSONDecoder().decode(ChildInput.self, from: Data(json.utf8))
        #expect(input.name == "王小花" && input.details[text: .school] == " 镇小学 " && input.details[flag: .boarding])
        let back = try JSONDecoder().decode(ChildInput.self, from: JSONEncoder().encode(input))
        #expect(back.details == input.details && back.needs == ["study"] && back.name == "王小花")
        let patch = try JSONDecoder().decode(ChildPatch.self, from: Data(#"{"grade": null}"#.utf8))
        #expect(patch.details.has(.grade) && !patch.details.has(.school) && patch.cleared == ["grade"])
    }

    @Test func aFlagCannotBeCleared() {
        #expect(ChildChange.required.contains("boarding"))
    }
}

@Suite struct CountedDetailTests {
    @Test func aCountIsAWholeNumberInItsRange() {
        let typed = Details<WomanDetail>.typed([.childrenInCare: " 3 ", .eldersInCare: "两个"])
        #expect(typed[count: .childrenInCare] == 3 && !typed.has(.eldersInCare))
        #expect(typed.problems() == [FieldError(field: "eldersInCare", key: "field.error.number")])
        var d = Details<WomanDetail>()
        d[count: .childrenInCare] = 21
        #expect(d.problems().map(\.key) == ["field.error.choice"])
        d[count: .childrenInCare] = 20
        #expect(d.problems().isEmpty && d.complete[count: .eldersInCare] == 0 && d.string(.childrenInCare) == "20")
        #expect(WomanDetail.childrenInCare.range == WomanForm.inCare && WomanDetail.skills.range == nil)
    }

    @Test func aWomansInputKeepsItsPlainFieldsFlat() throws {
        let json = #"{"name": "李秀英", "childrenInCare": 2, "farming": true, "skills": "刺绣"}"#
        let input = try JSONDecoder().decode(WomanInput.self, from: Data(json.utf8))
        #expect(input.details[count: .childrenInCare] == 2 && input.details[flag: .farming] && input.details[text: .skills] == "刺绣")
        let back = try JSONDecoder().decode(WomanInput.self, from: JSONEncoder().encode(input))
        #expect(back.details == input.details && back.name == "李秀英")
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(WomanInput.self, from: Data(#"{"eldersInCare": "2"}"#.utf8)) }
    }
}
