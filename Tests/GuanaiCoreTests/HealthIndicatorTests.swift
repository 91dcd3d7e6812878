import Foundation
import Testing

@testable import GuanaiCore

/// The indicators (issue 20, item 6) on hand-built figures, the early-diagnosis classes, and the settings' checks.
@Suite struct HealthIndicatorTests {
    let sets = EarlyDiagnosisSets()

    func d(_ s: String) -> CivilDate { CivilDate(iso: s)! }

    @Test func diagnosesCountByTheSettingsSets() {
        #expect(HealthIndicators.diagnosisClass(.cervical(.cin2), stage: nil, sets) == .precancer)
        #expect(HealthIndicators.diagnosisClass(.cervical(.ais), stage: nil, sets) == .precancer)
        #expect(HealthIndicators.diagnosisClass(.cervical(.cin1), stage: nil, sets) == nil)
        #expect(HealthIndicators.diagnosisClass(.cervical(.normal), stage: nil, sets) == nil)
        #expect(HealthIndicators.diagnosisClass(.cervical(.cancer), stage: .ia2, sets) == .earlyCancer)
        #expect(HealthIndicators.diagnosisClass(.cervical(.cancer), stage: .ib1, sets) == .cancer)
        #expect(HealthIndicators.diagnosisClass(.cervical(.cancer), stage: nil, sets) == .cancer)
        #expect(HealthIndicators.diagnosisClass(.breast(.dcis), stage: nil, sets) == .precancer)
        #expect(HealthIndicators.diagnosisClass(.breast(.atypicalHyperplasia), stage: nil, sets) == nil)
        #expect(HealthIndicators.diagnosisClass(.breast(.cancer), stage: .ib, sets) == .earlyCancer)
        #expect(HealthIndicators.diagnosisClass(.breast(.cancer), stage: .iia, sets) == .earlyCancer)
        #expect(HealthIndicators.diagnosisClass(.breast(.cancer), stage: .iib, sets) == .cancer)
        #expect(HealthIndicators.diagnosisClass(.finding(.abnormal), stage: nil, sets) == nil)
    }

    @Test func aFollowUpConcludesWithAResultNeverWhenLost() {
        #expect(HealthIndicators.isConcluded(.closedNormal, hasDiagnosis: false))
        #expect(HealthIndicators.isConcluded(.diagnosed, hasDiagnosis: true))
        #expect(HealthIndicators.isConcluded(.treated, hasDiagnosis: true))
        #expect(HealthIndicators.isConcluded(.open, hasDiagnosis: true))
        #expect(!HealthIndicators.isConcluded(.open, hasDiagnosis: false))
        #expect(!HealthIndicators.isConcluded(.lost, hasDiagnosis: false))
    }

    /// Two villages of one township and one of another, built by hand; the township rows and the county's items.
    @Test func theArithmeticOnHandBuiltVillages() throws {
        let asOf = d("2027-12-31")
        var v1 = HealthFigures()
        v1.cervical.target = 200
        v1.cervical.screened = 50
        v1.cervical.screens = 52
        v1.cervical.eligible = 400
        v1.cervical.covered = 130
        v1.cervical.addAbnormal(firstDueOn: d("2027-04-01"), concluded: true, asOf: asOf)
        v1.cervical.addAbnormal(firstDueOn: d("2027-05-01"), concluded: false, asOf: asOf)
        // Due on the day the figures are read: not yet past.
        v1.cervical.addAbnormal(firstDueOn: asOf, concluded: false, asOf: asOf)
        v1.cervical.add(.precancer)
        v1.cervical.add(.earlyCancer)
        v1.cervical.add(.cancer)
        v1.cervical.add(nil)
        var v2 = HealthFigures()
        v2.cervical.screened = 30
        v2.cervical.screens = 30
        v2.cervical.eligible = 100
        v2.cervical.covered = 20
        v2.cervical.addAbnormal(firstDueOn: d("2027-06-01"), concluded: true, asOf: asOf)
        v2.breast.screened = 10
        v2.breast.screens = 10
        var v3 = HealthFigures()
        v3.breast.target = 100
        v3.breast.screened = 40
        let villages = ["421081104200": v1, "421081104201": v2, "421081105200": v3]

        let rows = HealthIndicators.rows(villages, under: try #require(DivisionCode("421081")))
        #expect(rows.map(\.code) == ["421081104000", "421081105000"])
        let t = Dictionary(uniqueKeysWithValues: rows[0].items.map { ("\($0.programme.rawValue).\($0.code.rawValue)", $0) })
        #expect(rows[0].items.count == 10)
        func nd(_ key: String) -> [Int] { [t[key]!.numerator, t[key]!.denominator] }
        #expect(nd("cervical.screeningRate") == [80, 200] && t["cervical.screeningRate"]!.value == "0.4000")
        #expect(nd("cervical.coverage") == [150, 500] && t["cervical.coverage"]!.value == "0.3000")
        #expect(nd("cervical.abnormalRate") == [4, 82] && t["cervical.abnormalRate"]!.value == "0.0488")
        #expect(nd("cervical.followupCompletion") == [2, 3] && t["cervical.followupCompletion"]!.value == "0.6667")
        #expect(nd("cervical.earlyDiagnosisRate") == [2, 3] && t["cervical.earlyDiagnosisRate"]!.value == "0.6667")
        // No target, no follow-ups: the value is null, never 0.
        #expect(nd("breast.screeningRate") == [10, 0] && t["breast.screeningRate"]!.value == nil)
        #expect(t["breast.earlyDiagnosisRate"]!.value == nil && t["breast.abnormalRate"]!.value == "0.0000")
        let other = rows[1].items.first { $0.programme == .breast && $0.code == .screeningRate }
        #expect(other?.value == "0.4000")

        // The county's figures are the villages' sum, whichever way it is added.
        let county = villages.values.reduce(HealthFigures(), +)
        #expect(county == v1 + v2 + v3 && county == v3 + (v2 + v1))
        #expect(county.breast.screened == 50 && county.cervical.followupsDue == 3 && county.cervical.followupsConcluded == 2)
    }

    @Test func anIndicatorWritesNullWhenItHasNoDenominator() throws {
        let empty = HealthIndicator(code: .followupCompletion, programme: .breast, numerator: 0, denominator: 0)
        let json = String(decoding: try JSONEncoder().encode(empty), as: UTF8.self)
        #expect(json.contains(#""value":null"#) && json.contains(#""code":"followupCompletion""#))
        #expect(json.contains("abnormal screens past their first deadline"))
        let back = try JSONDecoder().decode(HealthIndicator.self, from: Data(json.utf8))
        #expect(back == empty)
        let some = HealthIndicator(code: .screeningRate, programme: .cervical, numerator: 1, denominator: 3)
        #expect(some.value == "0.3333" && some.formula == "screened / target")
        #expect(HealthIndicatorCode.allCases.allSatisfy { !$0.formula.isEmpty })
    }

    @Test func theSettingsCheckTheirNumbersAndLists() throws {
        let s = HealthSettings()
        #expect(HealthSettings.storageKey == "health.settings")
        #expect(s.days(.examination) == 30 && s.days(.pathology) == 30 && s.days(.treatment) == 60)
        #expect(s.ageFrom == 35 && s.ageTo == 64 && s.escalateAfterDays == 14 && s.biopsyNeedsMammography == 0)
        var input = HealthSettingsInput()
        input.ageFrom = 70
        input.biopsyNeedsMammography = 2
        input.earlyDiagnosis = EarlyDiagnosisInput(cervicalDiagnoses: ["cin3", "cancer"], breastStages: ["IIB", "V"])
        guard case .failure(let e) = s.applying(input) else {
            Issue.record("bad settings must be refused")
            return
        }
        #expect(
            Set(e.items.map(\.field)) == [
                "biopsyNeedsMammography", "ageTo", "earlyDiagnosis.cervicalDiagnoses[1]", "earlyDiagnosis.breastStages[1]",
            ])
        var good = HealthSettingsInput()
        good.treatmentDays = 90
        good.biopsyNeedsMammography = 1
        good.earlyDiagnosis = EarlyDiagnosisInput(cervicalDiagnoses: ["cin3", "cin2", "cin3"], breastStages: ["IIA", "I"])
        let next = try s.applying(good).get()
        #expect(next.treatmentDays == 90 && next.biopsyNeedsMammography == 1 && next.ageFrom == 35)
        #expect(next.earlyDiagnosis.cervicalDiagnoses == [.cin2, .cin3] && next.earlyDiagnosis.breastStages == [.i, .iia])
        #expect(next.earlyDiagnosis.cervicalStages == [.ia] && next.earlyDiagnosis.breastDiagnoses == [.dcis])
        #expect(s.changes(to: next).map(\.name) == ["treatmentDays", "biopsyNeedsMammography"])
        // Stored as JSON and read back whole, the lists with the numbers.
        let stored = try JSONDecoder().decode(HealthSettings.self, from: JSONEncoder().encode(next))
        #expect(stored == next)
    }
}
