import Testing
import GuanaiCore

/// Issue 18, Training: the course form, enrolment, attendance, the certificate's threshold, follow-ups and whom a
/// course suggests, with no database.
@Suite struct TrainingRulesTests {
    static let village = UnitFacts(code: "421081104201", level: .village, isActive: true)
    static let good = CourseInput(
        title: "电商直播培训班", topic: "ecommerce", organiser: "市妇联", partner: "市人社局", unitCode: "421081104201", from: "2026-03-02",
        to: "2026-03-06", place: "村委会", capacity: 30)

    func fields(_ i: CourseInput, unit: UnitFacts? = village) -> [String] {
        var c = FormChecker()
        _ = CourseForm.check(i, unit: unit, &c)
        return c.errors.map(\.field)
    }

    @Test func aGoodCourseIsChecked() throws {
        var c = FormChecker()
        let result = CourseForm.check(Self.good, unit: Self.village, &c)
        let checked = try #require(result)
        #expect(c.errors.isEmpty)
        #expect(checked.topic == .ecommerce && checked.days == 5 && checked.capacity == 30 && checked.partner == "市人社局")
        #expect(checked.covers(CivilDate(iso: "2026-03-06")!) && !checked.covers(CivilDate(iso: "2026-03-07")!))
        // The unit's own code is stored, however it was typed.
        var short = Self.good
        short.unitCode = "421081"
        let county = CourseForm.check(short, unit: UnitFacts(code: "421081000000", level: .county, isActive: true), &c)
        #expect(county?.unitCode == "421081000000")
    }

    @Test func eachBadFieldIsNamed() {
        #expect(fields(CourseInput()) == ["title", "topic", "organiser", "unitCode", "from", "to", "capacity"])
        var i = Self.good
        i.topic = "cooking"
        #expect(fields(i) == ["topic"])
        i = Self.good
        i.to = "2026-03-01"
        #expect(fields(i) == ["to"])
        i.to = "2027-03-03"
        #expect(fields(i) == ["to"], "longer than a year")
        i = Self.good
        i.from = "2026-02-30"
        #expect(fields(i) == ["from"])
        i = Self.good
        i.capacity = 0
        #expect(fields(i) == ["capacity"])
        i.capacity = 501
        #expect(fields(i) == ["capacity"])
        i.capacity = 1
        #expect(fields(i) == [])
        #expect(fields(Self.good, unit: nil) == ["unitCode"])
        #expect(fields(Self.good, unit: UnitFacts(code: "421081104201", level: .village, isActive: false)) == ["unitCode"])
        #expect(fields(Self.good, unit: UnitFacts(code: "420000000000", level: .province, isActive: true)) == ["unitCode"])
        i = Self.good
        i.title = String(repeating: "课", count: 500)
        #expect(fields(i) == ["title"])
    }

    @Test func capacityMayNotFallBelowTheEnrolled() {
        var c = FormChecker()
        CourseForm.capacity(4, holds: 5, &c)
        #expect(c.errors.map(\.field) == ["capacity"])
        c = FormChecker()
        CourseForm.capacity(5, holds: 5, &c)
        #expect(c.errors.isEmpty)
    }

    @Test func aPatchKeepsWhatIsNotSent() {
        let m = Self.good.merging(CourseInput(capacity: 12))
        #expect(m.capacity == 12 && m.title == Self.good.title && m.to == Self.good.to)
    }

    @Test func enrolmentNeedsAWomanAndAPlace() {
        func refusal(_ id: String?, _ f: TrainingCheck.EnrolFacts) -> [String] {
            var c = FormChecker()
            TrainingCheck.enrol(personId: id, facts: f, &c)
            return c.errors.map(\.key)
        }
        #expect(refusal("p", .init(womanFound: true, enrolled: 29, capacity: 30)) == [])
        #expect(refusal("p", .init(womanFound: true, enrolled: 30, capacity: 30)) == ["course.error.full"])
        #expect(refusal("p", .init(womanFound: false, enrolled: 0, capacity: 30)) == ["course.error.woman"])
        #expect(refusal(nil, .init(womanFound: false, enrolled: 0, capacity: 30)) == ["field.error.required"])
    }

    @Test func attendanceIsADayOfTheCourseForWomenOnIt() throws {
        var c0 = FormChecker()
        let result = CourseForm.check(Self.good, unit: Self.village, &c0)
        let course = try #require(result)
        let today = CivilDate(iso: "2026-03-10")!
        func fields(_ day: String, _ entries: [(personId: String?, present: Bool?)]) -> [String] {
            var c = FormChecker()
            _ = TrainingCheck.attendanceDay(day, course: course, today: today, entries: entries, enrolled: ["a", "b"], &c)
            return c.errors.map(\.field)
        }
        #expect(fields("2026-03-02", [("a", true), ("b", false)]) == [])
        #expect(fields("2026-03-01", [("a", true)]) == ["date"])
        #expect(fields("2026-03-07", [("a", true)]) == ["date"])
        #expect(fields("March", [("a", true)]) == ["date"])
        #expect(
            fields("2026-03-03", [("c", true), ("a", nil), ("a", true)]) == [
                "entries[0].personId", "entries[1].present", "entries[2].personId",
            ])
        var c = FormChecker()
        _ = TrainingCheck.attendanceDay("2026-03-06", course: course, today: CivilDate(iso: "2026-03-05")!, entries: [], enrolled: [], &c)
        #expect(c.errors.map(\.key) == ["pairing.error.future"])
    }

    /// Exactly the threshold passes, one day fewer fails; the threshold is the rules' (80 by default).
    @Test func theCertificateNeedsEightyPercentOfTheDaysHeld() {
        func keys(present: Int, held: Int, rules: TrainingRules = TrainingRules(), stage: EnrolmentStage = .enrolled) -> [String] {
            var c = FormChecker()
            _ = TrainingCheck.complete(certificateNo: "SS-2026-001", stage: stage, present: present, held: held, rules: rules, &c)
            return c.errors.map(\.field)
        }
        #expect(TrainingRules().completionPercent == 80)
        #expect(keys(present: 4, held: 5) == [])
        #expect(keys(present: 3, held: 5) == ["attendance"])
        #expect(keys(present: 8, held: 10) == [])
        #expect(keys(present: 7, held: 10) == ["attendance"])
        #expect(keys(present: 79, held: 100) == ["attendance"])
        #expect(keys(present: 80, held: 100) == [])
        #expect(keys(present: 0, held: 0) == ["attendance"], "no day held yet")
        #expect(keys(present: 3, held: 5, rules: TrainingRules(completionPercent: 60)) == [])
        #expect(keys(present: 5, held: 5, stage: .completed) == ["certificateNo"])
        var c = FormChecker()
        let none = TrainingCheck.complete(certificateNo: " ", stage: .enrolled, present: 5, held: 5, rules: TrainingRules(), &c)
        #expect(none == nil)
        #expect(c.errors.map(\.field) == ["certificateNo"])
        #expect(TrainingRules().applying(["completionPercent": "0"]).isFailure)
        #expect(TrainingRules().applying(["completionPercent": "100"]).isFailure == false)
    }

    @Test func followUpsAreAtThreeAndSixMonthsAfterCompletion() {
        func fields(_ month: Int?, _ outcome: String?, stage: EnrolmentStage = .completed) -> [String] {
            var c = FormChecker()
            _ = TrainingCheck.followup(month: month, outcome: outcome, note: nil, stage: stage, &c)
            return c.errors.map(\.field)
        }
        #expect(fields(3, "employed") == [] && fields(6, "business_started") == [])
        #expect(fields(4, "employed") == ["month"])
        #expect(fields(nil, "fishing") == ["month", "outcome"])
        #expect(fields(3, "employed", stage: .enrolled) == ["month"])
        let done = CivilDate(iso: "2026-03-31")!
        #expect(TrainingCheck.followupCheckOn(completedOn: nil, done: []) == nil)
        // Three months after the 31st of March is the 30th of June; seven days' grace.
        #expect(TrainingCheck.followupCheckOn(completedOn: done, done: [])?.iso == "2026-07-07")
        #expect(TrainingCheck.followupCheckOn(completedOn: done, done: [3])?.iso == "2026-10-07")
        #expect(TrainingCheck.followupCheckOn(completedOn: done, done: [6])?.iso == "2026-07-07", "the 3-month one is still missing")
        #expect(TrainingCheck.followupCheckOn(completedOn: done, done: [3, 6]) == nil)
    }

    @Test func suggestionsPutTheTopicFirstThenPoorHouseholds() {
        typealias C = TrainingCheck.Candidate
        let all = [
            C(personId: "1", name: "甲", topics: [], poor: false), C(personId: "2", name: "乙", topics: [.ecommerce], poor: false),
            C(personId: "3", name: "丙", topics: [], poor: true), C(personId: "4", name: "丁", topics: [.ecommerce], poor: true),
            C(personId: "5", name: "戊", topics: [.handicrafts], poor: false),
        ]
        // Within a part, by name: 戊 (U+620A) sorts before 甲 (U+7532).
        #expect(TrainingCheck.suggestions(all, topic: .ecommerce).map(\.personId) == ["4", "2", "3", "5", "1"])
        #expect(TrainingCheck.suggestions(all, topic: .handicrafts).map(\.personId).first == "5")
    }

    @Test func trainingTopicsAreKnownTokensOnceInOrder() {
        var c = FormChecker()
        let topics = CourseForm.topics(["handicrafts, ecommerce,handicrafts"], &c)
        #expect(topics == [.ecommerce, .handicrafts])
        #expect(c.errors.isEmpty)
        let words = CourseForm.topics(["家政、电商"], &c)
        #expect(words == [.ecommerce, .domesticService] && c.errors.isEmpty)
        _ = CourseForm.topics(["烹饪"], &c)
        #expect(c.errors.map(\.field) == ["trainingTopics"])
    }

    @Test func trainingIsRunByWhoReadsEmploymentButTheInspector() {
        for role in [Role.cityAdmin, .townshipStaff, .villageWorker, .partnerHR] { #expect(TrainingAccess.writes(role), "\(role)") }
        for role in [Role.inspector, .volunteer, .partnerHealth, .partnerJustice] { #expect(!TrainingAccess.writes(role), "\(role)") }
        let village = Jurisdiction(root: DivisionCode("421081104201")!)
        #expect(TrainingAccess.sees(courseUnit: "421081104201", village))
        #expect(TrainingAccess.sees(courseUnit: "421081104000", village), "her township's course serves her village")
        #expect(TrainingAccess.sees(courseUnit: "421081000000", village), "so does the city's")
        #expect(!TrainingAccess.sees(courseUnit: "421081104202", village), "not a neighbouring village's")
        #expect(!TrainingAccess.sees(courseUnit: "421081105000", village), "nor another township's")
        #expect(TrainingAccess.sees(courseUnit: "421081105201", .system))
    }
}

extension Result {
    fileprivate var isFailure: Bool { if case .failure = self { true } else { false } }
}
