import Testing

@testable import GuanaiCore

/// The screening form (issue 20, item 3): each missing result named for its method, each result the method or the
/// programme does not take named too; and which screens are abnormal, with their first step (item 4).
@Suite struct HealthScreeningTests {
    let today = CivilDate(iso: "2027-03-10")!
    let s = HealthSettings()
    static let person = "6f9619ff-8b86-d011-b42d-00c04fc964ff"

    func fields(_ c: FormChecker) -> [String] { c.errors.map(\.field) }

    func cervical(method: String?, cytology: String? = nil, hpv: String? = nil, exam: String? = "normal") -> HealthScreeningInput {
        HealthScreeningInput(
            personId: Self.person, programme: "cervical", date: "2027-03-09", site: "桃花山镇卫生院", gynaecExam: exam, method: method,
            cytology: cytology, hpv: hpv)
    }

    func breast(exam: String? = "normal", ultrasound: String?) -> HealthScreeningInput {
        HealthScreeningInput(
            personId: Self.person, programme: "breast", date: "2027-03-09", site: "桃花山镇卫生院", clinicalExam: exam, ultrasound: ultrasound)
    }

    func checked(_ input: HealthScreeningInput) -> CheckedHealthScreening? {
        var c = FormChecker()
        let out = HealthScreeningForm.check(input, today: today, &c)
        #expect(c.errors.isEmpty, "\(c.errors)")
        return out
    }

    @Test func anEmptyFormNamesEachRequiredField() {
        var c = FormChecker()
        #expect(HealthScreeningForm.check(HealthScreeningInput(), today: today, &c) == nil)
        #expect(fields(c) == ["personId", "programme", "date", "site"])
        c = FormChecker()
        let bad = HealthScreeningInput(
            personId: "someone", campaignId: "x", programme: "lung", date: "2027-03-11", site: String(repeating: "站", count: 101))
        #expect(HealthScreeningForm.check(bad, today: today, &c) == nil)
        #expect(fields(c) == ["personId", "campaignId", "programme", "date", "site"])
        #expect(c.errors[3].key == "rights.error.future")
    }

    @Test func eachMethodNeedsItsResultsAndTakesNoOther() {
        var c = FormChecker()
        #expect(HealthScreeningForm.check(cervical(method: nil, exam: nil), today: today, &c) == nil)
        #expect(fields(c) == ["gynaecExam", "method"])
        for (method, missing) in [("cytology", ["cytology"]), ("hpv", ["hpv"]), ("cotest", ["cytology", "hpv"])] {
            c = FormChecker()
            #expect(HealthScreeningForm.check(cervical(method: method), today: today, &c) == nil)
            #expect(fields(c) == missing && c.errors.allSatisfy { $0.key == "field.error.required" }, "\(method)")
        }
        c = FormChecker()
        #expect(HealthScreeningForm.check(cervical(method: "hpv", cytology: "nilm", hpv: "negative"), today: today, &c) == nil)
        #expect(fields(c) == ["cytology"] && c.errors[0].key == "health.error.notTaken")
        c = FormChecker()
        #expect(HealthScreeningForm.check(cervical(method: "cytology", cytology: "nilm", hpv: "negative"), today: today, &c) == nil)
        #expect(fields(c) == ["hpv"] && c.errors[0].key == "health.error.notTaken")
        c = FormChecker()
        #expect(HealthScreeningForm.check(cervical(method: "cotest", cytology: "asc", hpv: "hpv18"), today: today, &c) == nil)
        #expect(fields(c) == ["cytology", "hpv"] && c.errors.allSatisfy { $0.key == "field.error.choice" })
        // Breast results on a cervical screen, and the other way round.
        var mixed = cervical(method: "cytology", cytology: "nilm")
        mixed.ultrasound = "birads_1"
        c = FormChecker()
        #expect(HealthScreeningForm.check(mixed, today: today, &c) == nil)
        #expect(fields(c) == ["ultrasound"])
        var other = breast(ultrasound: "birads_1")
        other.method = "hpv"
        other.gynaecExam = "normal"
        c = FormChecker()
        #expect(HealthScreeningForm.check(other, today: today, &c) == nil)
        #expect(fields(c) == ["gynaecExam", "method"])
        c = FormChecker()
        #expect(HealthScreeningForm.check(breast(exam: nil, ultrasound: "birads_6"), today: today, &c) == nil)
        #expect(fields(c) == ["clinicalExam", "ultrasound"])
    }

    @Test func aScreenMatchesItsCampaign() {
        var input = breast(ultrasound: "birads_1")
        input.campaignId = "6F9619FF-8B86-D011-B42D-00C04FC964FE"
        var c = FormChecker()
        #expect(HealthScreeningForm.check(input, campaignProgramme: .cervical, today: today, &c) == nil)
        #expect(fields(c) == ["programme"])
        c = FormChecker()
        let ok = HealthScreeningForm.check(input, campaignProgramme: .both, today: today, &c)
        #expect(ok?.campaignId?.description == "6F9619FF-8B86-D011-B42D-00C04FC964FE")
        #expect(ok?.personId.description == Self.person.uppercased())
        #expect(ok?.ultrasound == .birads1 && ok?.method == nil && ok?.programme == .breast)
    }

    @Test func cervicalScreensOpenTheStepTheirResultsCallFor() {
        let cases: [(HealthScreeningInput, FollowupStep?)] = [
            (cervical(method: "cytology", cytology: "nilm"), nil),
            (cervical(method: "hpv", hpv: "negative"), nil),
            (cervical(method: "cotest", cytology: "nilm", hpv: "negative"), nil),
            (cervical(method: "cytology", cytology: "asc_us"), .colposcopy),
            (cervical(method: "cytology", cytology: "agc"), .colposcopy),
            (cervical(method: "cytology", cytology: "hsil"), .colposcopy),
            (cervical(method: "hpv", hpv: "hpv16_18"), .colposcopy),
            (cervical(method: "cotest", cytology: "nilm", hpv: "hpv16_18"), .colposcopy),
            (cervical(method: "cotest", cytology: "lsil", hpv: "other_high_risk"), .colposcopy),
            (cervical(method: "hpv", hpv: "other_high_risk"), .cytologyTriage),
            (cervical(method: "cotest", cytology: "nilm", hpv: "other_high_risk"), .cytologyTriage),
            (cervical(method: "cytology", cytology: "nilm", exam: "abnormal"), .review),
            // A worse result leads, whatever the examination found.
            (cervical(method: "hpv", hpv: "other_high_risk", exam: "abnormal"), .cytologyTriage),
        ]
        for (input, step) in cases {
            guard let screen = checked(input) else { continue }
            #expect(HealthPathway.firstStep(screen, s) == step, "\(input)")
            #expect(HealthPathway.isAbnormal(screen, s) == (step != nil))
        }
    }

    @Test func breastScreensOpenTheStepTheirResultsCallFor() {
        let cases: [(String, String, FollowupStep?)] = [
            ("normal", "birads_1", nil), ("normal", "birads_2", nil), ("normal", "birads_0", .mammography),
            ("normal", "birads_3", .mammography), ("normal", "birads_4", .biopsy), ("normal", "birads_5", .biopsy),
            ("abnormal", "birads_1", .review), ("abnormal", "birads_2", .review), ("abnormal", "birads_4", .biopsy),
        ]
        var first = s
        first.biopsyNeedsMammography = 1
        for (exam, us, step) in cases {
            guard let screen = checked(breast(exam: exam, ultrasound: us)) else { continue }
            #expect(HealthPathway.firstStep(screen, s) == step, "\(exam) \(us)")
            let withMammography = step == .biopsy ? FollowupStep.mammography : step
            #expect(HealthPathway.firstStep(screen, first) == withMammography, "\(exam) \(us)")
        }
    }

    @Test func anAbnormalScreenOpensAFollowUpDueThirtyDaysLater() throws {
        let screen = try #require(checked(cervical(method: "cytology", cytology: "asc_us")))
        let at = try #require(HealthPathway.open(screen, s))
        #expect(
            at == HealthFollowupPosition(status: .open, nextSteps: [.colposcopy], dueOn: CivilDate(iso: "2027-04-08"), since: screen.date))
        #expect(at.nextStep == .colposcopy)
        #expect(HealthPathway.open(try #require(checked(breast(ultrasound: "birads_1"))), s) == nil)
    }
}
