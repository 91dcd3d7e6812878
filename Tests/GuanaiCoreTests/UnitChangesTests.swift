import Testing
@testable import GuanaiCore

/// Which changes to the list of units are allowed, without a database.
@Suite struct UnitChangesTests {
    let township = UnitChanges.Facts(code: "421081104000", officialName: "石首镇", shortName: "石首镇", level: .township, isActive: true)
    let shihuayan = UnitChanges.Facts(code: "421081104200", officialName: "石华堰村委会", shortName: "石华堰村", level: .village, isActive: true)
    let added = UnitChanges.Facts(code: "421081104900", officialName: "新村委会", shortName: "新村", level: .village, isActive: false)

    @Test func anAddedUnitIsTheNextLevelDownWithTheFirstFreeNumber() throws {
        let r = try UnitChanges.addition(name: " 王李场村 ", reason: "新设", parent: township, siblings: [shihuayan, added]).get()
        #expect(
            r.code.value == "421081104901" && r.officialName == "王李场村委会" && r.kind == .villageCommittee,
            "a retired unit's number is taken")
        let county = UnitChanges.Facts(code: "421081000000", officialName: "石首市", shortName: "石首市", level: .county, isActive: true)
        let t = try UnitChanges.addition(name: "开发区", reason: "新设", parent: county, siblings: []).get()
        #expect(t.code.value == "421081900000" && t.kind == .developmentZone)
    }

    @Test func anAdditionIsRefusedForWhatThePersonCanFix() {
        func key(_ name: String, _ reason: String = "新设", parent: UnitChanges.Facts?) -> String? {
            guard case .failure(let e) = UnitChanges.addition(name: name, reason: reason, parent: parent, siblings: [shihuayan]) else {
                return nil
            }
            return e.key
        }
        #expect(key(" ", parent: township) == "unit.error.nameRequired")
        #expect(key("王李场村", " ", parent: township) == "unit.error.reasonRequired")
        #expect(key("王李场村", parent: nil) == "unit.error.parentInvalid")
        #expect(key("王李场村", parent: shihuayan) == "unit.error.parentInvalid", "nothing is added under a village")
        #expect(key("石华堰", parent: township) == "unit.error.nameTaken", "its short name is an active sibling's")
        let full = (900...999).map {
            UnitChanges.Facts(
                code: "421081104\($0)", officialName: "\($0)", shortName: "\($0)", level: .village,
                isActive: false)
        }
        guard case .failure(let e) = UnitChanges.addition(name: "王李场村", reason: "新设", parent: township, siblings: full) else {
            Issue.record("added")
            return
        }
        #expect(e.key == "unit.error.noFreeCode")
    }

    @Test func aRenameIsOfAnActiveUnitWithAReason() throws {
        let r = try UnitChanges.renaming(shihuayan, kind: .villageCommittee, to: "石华村", reason: "更名").get()
        #expect(r.official == "石华村委会" && r.short == "石华村")
        let retired = UnitChanges.Facts(code: shihuayan.code, officialName: "", shortName: "", level: .village, isActive: false)
        for (unit, name, reason, key) in [
            (retired, "x", "y", "unit.error.retired"), (shihuayan, " ", "y", "unit.error.nameRequired"),
            (shihuayan, "x", "", "unit.error.reasonRequired"),
        ] {
            guard case .failure(let e) = UnitChanges.renaming(unit, kind: .villageCommittee, to: name, reason: reason) else {
                Issue.record("\(key)")
                continue
            }
            #expect(e.key == key)
        }
    }

    @Test func aMergeJoinsTwoActiveUnitsOfOneLevel() {
        let other = UnitChanges.Facts(code: "421081104201", officialName: "王李场村委会", shortName: "王李场村", level: .village, isActive: true)
        #expect(UnitChanges.mergeProblem(shihuayan, into: other, reason: "合并") == nil)
        #expect(UnitChanges.mergeProblem(shihuayan, into: other, reason: " ") == UnitChanges.reasonRequired)
        for target in [nil, shihuayan, township, added] as [UnitChanges.Facts?] {
            #expect(UnitChanges.mergeProblem(shihuayan, into: target, reason: "合并")?.key == "unit.error.mergeTarget")
        }
        let county = UnitChanges.Facts(code: "421081000000", officialName: "", shortName: "", level: .county, isActive: true)
        let county2 = UnitChanges.Facts(code: "421082000000", officialName: "", shortName: "", level: .county, isActive: true)
        #expect(
            UnitChanges.mergeProblem(county, into: county2, reason: "合并")?.key == "unit.error.mergeTarget",
            "counties are not merged here")
    }

    @Test func retiringNeedsNothingToDependOnIt() async {
        #expect(await UnitChanges.retireProblem(shihuayan, reason: "撤销", activeChildren: 0) { false } == nil)
        #expect(await UnitChanges.retireProblem(shihuayan, reason: "撤销", activeChildren: 0) { true }?.key == "unit.error.hasRecords")
        #expect(await UnitChanges.retireProblem(township, reason: "撤销", activeChildren: 1) { true }?.key == "unit.error.hasChildren")
        #expect(await UnitChanges.retireProblem(township, reason: "", activeChildren: 1) { true } == UnitChanges.reasonRequired)
        #expect(await UnitChanges.retireProblem(added, reason: "撤销", activeChildren: 0) { false }?.key == "unit.error.retired")
    }
}
