import Testing

@testable import GuanaiCore

/// A follow-up's pathway (issue 20, item 4): every step and its results, wrong steps refused at `step`, the deadlines
/// and their reminders, attempts, and lost to follow-up only after two attempts.
@Suite struct HealthPathwayTests {
    let s = HealthSettings()
    let today = CivilDate(iso: "2027-06-30")!
    let person = PersonID("6F9619FF-8B86-D011-B42D-00C04FC964FF")!

    func d(_ s: String) -> CivilDate { CivilDate(iso: s)! }
    func fields(_ c: FormChecker) -> [String] { c.errors.map(\.field) }

    func cervical(cytology: CytologyResult? = .ascUS, hpv: HPVResult? = nil) -> CheckedHealthScreening {
        let method: CervicalMethod = hpv == nil ? .cytology : (cytology == nil ? .hpv : .cotest)
        return CheckedHealthScreening(
            personId: person, date: d("2027-03-01"), site: "村卫生室", gynaecExam: .normal, method: method, cytology: cytology, hpv: hpv)
    }

    func breast(_ b: BiRads, exam: HealthExamFinding = .normal) -> CheckedHealthScreening {
        CheckedHealthScreening(personId: person, date: d("2027-03-01"), site: "村卫生室", clinicalExam: exam, ultrasound: b)
    }

    /// Each step checked through the form and applied, as the web does; the position after the last.
    func walk(_ screen: CheckedHealthScreening, _ steps: [HealthStepInput]) -> HealthFollowupPosition? {
        guard var at = HealthPathway.open(screen, s) else { return nil }
        for input in steps {
            var c = FormChecker()
            guard let step = HealthStepForm.check(input, at: at, programme: screen.programme, today: today, &c) else {
                Issue.record("\(input) refused: \(c.errors)")
                return nil
            }
            at = HealthPathway.advance(step, programme: screen.programme, s)
        }
        return at
    }

    @Test func theCervicalPathwayRunsToTreatment() throws {
        let steps = [
            HealthStepInput(step: "colposcopy", date: "2027-03-20", result: "abnormal"),
            HealthStepInput(step: "histopathology", date: "2027-03-25"),
            HealthStepInput(step: "diagnosis", date: "2027-04-10", result: "cin2"),
        ]
        let at = try #require(walk(cervical(), steps))
        // CIN2 is treated: 60 days from the diagnosis.
        #expect(at == HealthFollowupPosition(status: .open, nextSteps: [.treatment], dueOn: d("2027-06-09"), since: d("2027-04-10")))
        let done = walk(cervical(), steps + [HealthStepInput(step: "treatment", date: "2027-05-01")])
        #expect(done == HealthFollowupPosition(status: .treated, nextSteps: [], dueOn: nil, since: d("2027-05-01")))
        // The same steps replayed from the screen give the same position.
        let checked = [
            CheckedHealthStep(step: .colposcopy, date: d("2027-03-20"), result: .finding(.abnormal)),
            CheckedHealthStep(step: .histopathology, date: d("2027-03-25")),
            CheckedHealthStep(step: .diagnosis, date: d("2027-04-10"), result: .cervical(.cin2)),
            CheckedHealthStep(step: .treatment, date: d("2027-05-01")),
        ]
        #expect(HealthPathway.replay(cervical(), checked, s) == .success(done))
        // Each wait by its kind: the colposcopy 30 days from the screen, the histopathology 30 from the colposcopy.
        #expect(walk(cervical(), [steps[0]])?.dueOn == d("2027-04-19"))
        #expect(walk(cervical(), [steps[0]])?.nextSteps == [.histopathology])
        #expect(walk(cervical(), Array(steps[0...1]))?.nextSteps == [.diagnosis])
    }

    @Test func cervicalEndingsShortOfTreatment() {
        let triage = cervical(cytology: nil, hpv: .otherHighRisk)
        #expect(walk(triage, [.init(step: "cytology_triage", date: "2027-03-15", result: "nilm")])?.status == .closedNormal)
        let onward = walk(triage, [.init(step: "cytology_triage", date: "2027-03-15", result: "asc_us")])
        #expect(onward?.nextSteps == [.colposcopy] && onward?.dueOn == d("2027-04-14"))
        #expect(walk(cervical(), [.init(step: "colposcopy", date: "2027-03-15", result: "normal")])?.status == .closedNormal)
        let cin1 = walk(
            cervical(),
            [
                .init(step: "colposcopy", date: "2027-03-15", result: "abnormal"), .init(step: "histopathology", date: "2027-03-16"),
                .init(step: "diagnosis", date: "2027-03-30", result: "cin1"),
            ])
        #expect(cin1?.status == .diagnosed && cin1?.dueOn == nil)
        let exam = CheckedHealthScreening(
            personId: person, date: d("2027-03-01"), site: "村卫生室", gynaecExam: .abnormal, method: .cytology, cytology: .nilm, hpv: nil)
        #expect(walk(exam, [.init(step: "review", date: "2027-03-05", result: "normal")])?.status == .closedNormal)
        #expect(walk(exam, [.init(step: "review", date: "2027-03-05", result: "abnormal")])?.nextSteps == [.colposcopy])
    }

    @Test func theBreastPathwayRunsThroughBiopsyAndPathology() {
        let steps: [HealthStepInput] = [
            .init(step: "biopsy", date: "2027-03-10"), .init(step: "pathology", date: "2027-03-20"),
            .init(step: "diagnosis", date: "2027-03-25", result: "cancer", stage: "IIA"), .init(step: "treatment", date: "2027-04-20"),
        ]
        #expect(walk(breast(.birads4), Array(steps[0...0]))?.nextSteps == [.pathology])
        #expect(walk(breast(.birads4), Array(steps[0...2]))?.nextSteps == [.treatment])
        #expect(walk(breast(.birads4), steps)?.status == .treated)
        #expect(
            walk(breast(.birads5), [steps[0], steps[1], .init(step: "diagnosis", date: "2027-03-25", result: "benign")])?.status
                == .diagnosed)
        // BI-RADS 0 or 3: a mammogram, whose own category decides.
        let mammography = { (r: String) in walk(self.breast(.birads3), [.init(step: "mammography", date: "2027-03-10", result: r)]) }
        #expect(mammography("birads_2")?.status == .closedNormal)
        #expect(mammography("birads_4")?.nextSteps == [.biopsy])
        #expect(mammography("birads_0")?.nextSteps == [.review])
        // A review after an abnormal clinical examination: a mammogram or straight to a biopsy.
        let review = walk(breast(.birads1, exam: .abnormal), [.init(step: "review", date: "2027-03-03", result: "abnormal")])
        #expect(review?.nextSteps == [.mammography, .biopsy])
        #expect(
            walk(
                breast(.birads1, exam: .abnormal),
                [.init(step: "review", date: "2027-03-03", result: "abnormal"), .init(step: "biopsy", date: "2027-03-04")])?.nextSteps
                == [.pathology])
    }

    @Test func aWrongStepIsRefusedAtStepNamingWhatMayCome() throws {
        let at = try #require(HealthPathway.open(cervical(), s))
        var c = FormChecker()
        #expect(
            HealthStepForm.check(.init(step: "histopathology", date: "2027-03-05"), at: at, programme: .cervical, today: today, &c) == nil)
        #expect(fields(c) == ["step"] && c.errors[0].key == "health.error.step" && c.errors[0].args == ["colposcopy"])
        // A breast step on a cervical follow-up, an unknown one, and anything once it has ended.
        c = FormChecker()
        #expect(HealthStepForm.check(.init(step: "mammography", date: "2027-03-05"), at: at, programme: .cervical, today: today, &c) == nil)
        #expect(fields(c).contains("step"))
        c = FormChecker()
        #expect(HealthStepForm.check(.init(step: "surgery", date: "2027-03-05"), at: at, programme: .cervical, today: today, &c) == nil)
        #expect(fields(c) == ["step"] && c.errors[0].key == "field.error.choice")
        let ended = HealthFollowupPosition(status: .closedNormal, nextSteps: [], dueOn: nil, since: d("2027-03-05"))
        c = FormChecker()
        #expect(
            HealthStepForm.check(
                .init(step: "colposcopy", date: "2027-03-06", result: "normal"), at: ended, programme: .cervical, today: today, &c) == nil)
        #expect(fields(c) == ["step"] && c.errors[0].args == [""])
        // The replay refuses the same way.
        let wrong = CheckedHealthStep(step: .treatment, date: d("2027-03-05"))
        #expect(HealthPathway.replay(cervical(), [wrong], s) == .failure(HealthPathway.stepError([.colposcopy])))
        #expect(HealthPathway.replay(cervical(cytology: .nilm), [], s) == .success(nil))
    }

    @Test func aStepNamesEachBadField() throws {
        let at = try #require(HealthPathway.open(cervical(), s))
        var c = FormChecker()
        #expect(HealthStepForm.check(HealthStepInput(), at: at, programme: .cervical, today: today, &c) == nil)
        #expect(fields(c) == ["step", "date"])
        // A result missing, a result of the wrong kind, a day before the screen or after today.
        c = FormChecker()
        #expect(HealthStepForm.check(.init(step: "colposcopy", date: "2027-02-28"), at: at, programme: .cervical, today: today, &c) == nil)
        #expect(fields(c) == ["date", "result"] && c.errors[0].key == "rights.error.before")
        c = FormChecker()
        #expect(
            HealthStepForm.check(
                .init(step: "colposcopy", date: "2027-07-01", result: "cin2"), at: at, programme: .cervical, today: today, &c) == nil)
        #expect(fields(c) == ["date", "result"] && c.errors.map(\.key) == ["rights.error.future", "field.error.choice"])
        // A step that takes no result refuses one; a stage only for a cancer, and required for one.
        let histo = HealthFollowupPosition(status: .open, nextSteps: [.histopathology], dueOn: nil, since: d("2027-03-01"))
        c = FormChecker()
        #expect(
            HealthStepForm.check(
                .init(step: "histopathology", date: "2027-03-05", result: "cin2"), at: histo, programme: .cervical, today: today, &c) == nil
        )
        #expect(fields(c) == ["result"] && c.errors[0].key == "health.error.notTaken")
        let diagnosis = HealthFollowupPosition(status: .open, nextSteps: [.diagnosis], dueOn: nil, since: d("2027-03-01"))
        c = FormChecker()
        #expect(
            HealthStepForm.check(
                .init(step: "diagnosis", date: "2027-03-05", result: "cancer"), at: diagnosis, programme: .cervical, today: today, &c)
                == nil)
        #expect(fields(c) == ["stage"] && c.errors[0].key == "field.error.required")
        c = FormChecker()
        #expect(
            HealthStepForm.check(
                .init(step: "diagnosis", date: "2027-03-05", result: "cin3", stage: "IA"), at: diagnosis, programme: .cervical,
                today: today, &c) == nil)
        #expect(fields(c) == ["stage"] && c.errors[0].key == "health.error.notTaken")
        c = FormChecker()
        #expect(
            HealthStepForm.check(
                .init(step: "diagnosis", date: "2027-03-05", result: "dcis"), at: diagnosis, programme: .cervical, today: today, &c) == nil)
        #expect(fields(c) == ["result"])
        c = FormChecker()
        let ok = HealthStepForm.check(
            .init(step: "diagnosis", date: "2027-03-05", result: "cancer", stage: "IB2"), at: diagnosis, programme: .cervical, today: today,
            &c)
        #expect(ok == CheckedHealthStep(step: .diagnosis, date: d("2027-03-05"), result: .cervical(.cancer), stage: .ib2))
        #expect(
            ok?.result?.token == "cancer"
                && HealthStepResult.tokens(.diagnosis, .breast) == ["benign", "atypical_hyperplasia", "dcis", "cancer"])
    }

    @Test func everyStepTakesTheResultItsKindSays() {
        for p in HealthProgramme.allCases {
            for step in FollowupStep.allCases {
                let tokens = HealthStepResult.tokens(step, p)
                #expect(tokens.isEmpty == (HealthStepResult.kind(step, p) == nil))
                for t in tokens { #expect(HealthStepResult(step: step, programme: p, token: t)?.token == t, "\(step) \(t)") }
                #expect(HealthStepResult(step: step, programme: p, token: "nonsense") == nil)
            }
        }
    }

    @Test func aLateStepRemindsThePartnerThenTheOfficers() {
        let due = d("2027-04-01")
        #expect(HealthDeadlines.levels(status: .open, due: due, today: due, s).isEmpty)
        #expect(HealthDeadlines.nextCheck(status: .open, due: due, today: due, s) == d("2027-04-02"))
        #expect(HealthDeadlines.levels(status: .open, due: due, today: d("2027-04-02"), s) == [.late])
        #expect(HealthDeadlines.nextCheck(status: .open, due: due, today: d("2027-04-02"), s) == d("2027-04-16"))
        #expect(HealthDeadlines.levels(status: .open, due: due, today: d("2027-04-15"), s) == [.late])
        #expect(HealthDeadlines.levels(status: .open, due: due, today: d("2027-04-16"), s) == [.late, .escalated])
        #expect(HealthDeadlines.nextCheck(status: .open, due: due, today: d("2027-04-16"), s) == nil)
        // Ended or lost: nothing more.
        #expect(HealthDeadlines.levels(status: .lost, due: due, today: d("2027-05-01"), s).isEmpty)
        #expect(HealthDeadlines.nextCheck(status: .treated, due: due, today: due, s) == nil)
        let at = HealthFollowupPosition(status: .open, nextSteps: [.colposcopy], dueOn: due, since: d("2027-03-02"))
        #expect(HealthDeadlines.firstCheck(at, today: d("2027-03-02"), s) == d("2027-04-02"))
        #expect(HealthDeadlines.firstCheck(at, today: d("2027-04-20"), s) == d("2027-04-20"))
        #expect(!HealthDeadlines.isOverdue(at, today: due) && HealthDeadlines.isOverdue(at, today: d("2027-04-02")))
        #expect(HealthReminderLevel.late.role == .partnerHealth && HealthReminderLevel.escalated.duty == .healthOfficer)
    }

    @Test func lostToFollowUpNeedsTwoAttemptsFirst() throws {
        let at = try #require(HealthPathway.open(cervical(), s))
        var c = FormChecker()
        let first = HealthStepForm.attempt(
            .init(on: "2027-03-05", channel: "phone", note: "无人接听"), at: at, screenedOn: d("2027-03-01"), today: today, &c)
        #expect(first?.channel == .phone && first?.note == "无人接听")
        c = FormChecker()
        #expect(
            HealthStepForm.attempt(.init(on: "2027-02-01", channel: "pigeon"), at: at, screenedOn: d("2027-03-01"), today: today, &c) == nil
        )
        #expect(fields(c) == ["on", "channel"])
        for attempts in 0..<HealthStepForm.attemptsBeforeLost {
            c = FormChecker()
            #expect(HealthStepForm.lost(.init(reason: "unreachable"), at: at, attempts: attempts, &c) == nil)
            #expect(fields(c) == ["reason"] && c.errors[0].key == "health.error.attempts" && c.errors[0].args == ["2", String(attempts)])
        }
        c = FormChecker()
        #expect(HealthStepForm.lost(.init(reason: "gone"), at: at, attempts: 2, &c) == nil)
        #expect(fields(c) == ["reason"] && c.errors[0].key == "field.error.choice")
        c = FormChecker()
        #expect(HealthStepForm.lost(.init(reason: "moved"), at: at, attempts: 2, &c) == .moved)
        let lost = HealthStepForm.lostPosition(at)
        #expect(lost.status == .lost && lost.nextStep == nil && lost.dueOn == nil)
        // Once lost, nothing more is recorded on it.
        c = FormChecker()
        #expect(HealthStepForm.lost(.init(reason: "moved"), at: lost, attempts: 3, &c) == nil)
        #expect(fields(c) == ["status"])
        c = FormChecker()
        #expect(
            HealthStepForm.attempt(.init(on: "2027-03-05", channel: "sms"), at: lost, screenedOn: d("2027-03-01"), today: today, &c) == nil)
        #expect(fields(c) == ["status"])
    }

    @Test func stagesNestAsTheReportsWriteThem() {
        #expect(CancerStage.ia1.isWithin(.ia) && CancerStage.ia1.isWithin(.i) && CancerStage.ia.isWithin(.ia))
        #expect(!CancerStage.ii.isWithin(.i) && !CancerStage.iv.isWithin(.i) && !CancerStage.iii.isWithin(.ii))
        #expect(CancerStage.iia2.isWithin(.iia) && !CancerStage.iib.isWithin(.iia) && !CancerStage.ib.isWithin(.ia))
    }
}
