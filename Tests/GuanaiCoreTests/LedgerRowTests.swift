import Testing
import Foundation
@testable import GuanaiCore

/// A ledger row as the registry's inputs, without a database: what is derived, what is assumed (a warning) and what
/// is a problem on its column.
@Suite struct LedgerRowTests {
    let words = LedgerRow.Words(choiceSeparator: "、", ethnicitySuffix: "族", childHeader: ["father.name": "父亲姓名", "guardian.name": "监护人姓名"])
    let today = CivilDate(year: 2026, month: 10, day: 15)!
    static func id(_ y: Int, _ m: Int, _ d: Int, order: Int) -> String {
        IDNumber.make(address: "421081", birth: CivilDate(year: y, month: m, day: d)!, order: order).value
    }

    @Test func aMonthOnlyBirthDateIsTheIDNumbersOrAProblem() {
        let id = Self.id(2018, 1, 10, order: 122)
        #expect(LedgerRow.monthOnly("2018-01", idNumber: id, key: "birthDate") == (nil, nil), "the ID number says the day")
        #expect(LedgerRow.monthOnly("2018-01-10", idNumber: id, key: "birthDate").date == "2018-01-10", "a full date is kept")
        #expect(LedgerRow.monthOnly("2018-01|2018-10", idNumber: id, key: "birthDate").problem == nil, "January or October: one fits")
        let wrong = LedgerRow.monthOnly("2019-03", idNumber: id, key: "birthDate")
        #expect(wrong.problem == CellProblem(field: "birthDate", message: "intake.error.birthMonth", args: ["2019-03", "2018-01"]))
        #expect(LedgerRow.monthOnly("2019-03", idNumber: nil, key: "birthDate") == (nil, nil), "no ID number: the ID check says so")
    }

    @Test func ethnicityMayOmitItsSuffix() {
        #expect(LedgerRow.ethnicity("汉", words) == "汉族" && LedgerRow.ethnicity("汉族", words) == "汉族")
        #expect(LedgerRow.ethnicity("", words) == nil && LedgerRow.ethnicity("火星", words) == "火星", "unknown: the form's check says so")
    }

    @Test func aChildRowWithAGrandmotherAndParentsAway() {
        let v = [
            "name": "王小花", "idNumber": Self.id(2018, 1, 10, order: 122), "father.name": "王大山", "father.situation": "外出务工",
            "mother.situation": "working_away", "guardian.name": "张桂兰", "guardian.relation": "grandmother", "guardian.age": "70",
            "health": "healthy", "needs": "study,safety", "boarding": "true",
        ]
        let (input, problems, warnings) = LedgerRow.child(v, village: "421081104200", present: Set(v.keys), today: today, words: words)
        #expect(problems == [])
        #expect(input.villageCode == "421081104200" && input.hukou == "rural", "a ledger's children are rural unless it says")
        #expect(input.father?.situation == "working_away" && input.mother?.situation == "working_away")
        #expect(input.guardian?.relation == "grandmother" && input.guardian?.birthDate == "1956-07-01", "born mid-year from her age")
        #expect(warnings.map(\.field).contains("guardian.age"))
        #expect(input.livingArrangement == "with_guardian", "derived: a guardian is named")
        #expect(input.needs == ["study", "safety"] && input.details[flag: .boarding] == true && input.confirmLinks == true)
    }

    @Test func aParentNamedAsGuardianIsTheParent() {
        let v = ["name": "王小花", "idNumber": Self.id(2018, 1, 10, order: 122), "guardian.name": "李秀英", "guardian.relation": "母亲"]
        let (input, problems, warnings) = LedgerRow.child(v, village: nil, present: Set(v.keys), today: today, words: words)
        #expect(problems == [] && input.guardian == nil)
        #expect(input.mother?.name == "李秀英" && input.mother?.situation == "at_home")
        #expect(warnings.map(\.field) == ["guardian.relation"])
    }

    @Test func aNumberWithoutANameAsksForTheNameColumn() {
        let v = ["name": "王小花", "idNumber": Self.id(2018, 1, 10, order: 122), "father.phone": "13912345678", "guardian.age": "七十"]
        let (_, problems, _) = LedgerRow.child(v, village: nil, present: Set(v.keys), today: today, words: words)
        #expect(problems.contains(CellProblem(field: "father.phone", message: "intake.error.nameColumn", args: ["父亲姓名"])))
        #expect(problems.contains(CellProblem(field: "guardian.age", message: "intake.error.age", args: ["七十"])))
    }

    @Test func wordsNotUnderstoodNameTheirChoices() {
        let v = ["name": "王小花", "idNumber": Self.id(2018, 1, 10, order: 122), "health": "不太清楚的病"]
        let (input, problems, _) = LedgerRow.child(v, village: nil, present: Set(v.keys), today: today, words: words)
        #expect(input.health == nil && problems.map(\.field) == ["health"] && problems[0].message == "intake.error.wordChoices")
    }

    @Test func aWomansRowHasHerHusbandAwayUnlessItSays() {
        let v = [
            "name": "李秀英", "idNumber": Self.id(1990, 5, 1, order: 222), "husband.name": "王大山", "husband.since": "2025-03",
            "childrenInCare": "2", "farming": "true", "ethnicity": "土家",
        ]
        let (input, problems, _) = LedgerRow.woman(v, village: "421081104200", words: words)
        #expect(problems == [])
        #expect(input.husband?.situation == "working_away" && input.husband?.since == "2025-03-01")
        #expect(input.details[count: .childrenInCare] == 2 && input.details[flag: .farming] && input.ethnicity == "土家族")
        let ambiguous = LedgerRow.woman(["husband.since": "2025-01|2025-10"], village: nil, words: words)
        #expect(ambiguous.1.map(\.message) == ["intake.error.januaryOrOctober"] && ambiguous.1[0].args == ["2025-01 / 2025-10"])
        let divorced = LedgerRow.woman(["husband.situation": "离异"], village: nil, words: words)
        #expect(divorced.1.map(\.field) == ["husband.situation"], "nothing definite: away is not assumed against it")
    }

    @Test func aVolunteersRow() {
        let v = LedgerRow.volunteer(
            ["name": "刘爱华", "skills": "tutoring,arts", "capacity": "2", "latitude": "29.7", "longitude": "112.4"],
            unit: nil)
        #expect(v.skills == ["tutoring", "arts"] && v.capacity == 2 && v.latitude == 29.7 && v.unitCode == nil)
    }
}

@Suite struct IntakeSchemaTests {
    @Test func everyKindRequiresWhoTheRowIs() {
        for kind in IntakeKind.allCases {
            let cols = kind.columns(headers: kind.requiredKeys.sorted().map { ($0, [$0]) } + [("extra", ["附注"])])
            #expect(cols.filter(\.required).map(\.key).sorted() == kind.requiredKeys.sorted())
            #expect(cols.last?.kind == .text, "a column not named is text")
        }
        #expect(IntakeKind.volunteers.placeKey == "unitCode" && IntakeKind.volunteers.allowsTownship)
        #expect(IntakeKind.children.placeKey == "villageCode" && !IntakeKind.women.allowsTownship)
        #expect(IntakeKind.children.cellKinds["needs"] == .tokens("need") && IntakeKind.women.cellKinds["needs"] == .tokens("wneed"))
        #expect(
            IntakeKind.allCases.map(\.recordType) == [
                .child, .woman, .household, .volunteer, .station, .station, .group, .site, .employment, .employment, .employment,
                .employment, .healthResult, .health,
            ])
    }
}
