import Foundation
import Testing

@testable import GuanaiCore

/// Indicator periods: the three tokens, what a period holds, its days, its order and the 12-month trend.
@Suite struct TargetsPeriodTests {
    func p(_ s: String) -> IndicatorPeriod { IndicatorPeriod(s)! }

    @Test func theThreeTokensReadAndWriteBack() {
        let month = IndicatorPeriod("2027-03"), quarter = IndicatorPeriod("2027-Q1"), year = IndicatorPeriod("2027")
        #expect(month?.kind == .month && month?.year == 2027 && month?.number == 3)
        #expect(quarter?.kind == .quarter && quarter?.number == 1)
        #expect(year?.kind == .year && year?.year == 2027)
        for s in ["2027-03", "2027-12", "2027-Q1", "2027-Q4", "2027", "1900-01", "9999-Q4"] {
            #expect(IndicatorPeriod(s)?.description == s)
        }
    }

    @Test func anythingElseIsNotAPeriod() {
        let refused = [
            "2027-13", "2027-00", "2027-Q5", "2027-Q0", "27", "2027-3", "2027-q1", " 2027", "2027 ", "2027-", "2027-Q", "2027-03-01",
            "", "-2027", "1899", "２０２７", "2027-M03", "2027/03", "20270", "+027",
        ]
        for s in refused { #expect(IndicatorPeriod(s) == nil, "\(s)") }
        #expect(IndicatorPeriod.month(2027, 13) == nil && IndicatorPeriod.quarter(2027, 5) == nil && IndicatorPeriod.year(10_000) == nil)
    }

    @Test func monthsInside() {
        #expect(p("2027-Q2").months.map(\.description) == ["2027-04", "2027-05", "2027-06"])
        #expect(p("2027-11").months == [p("2027-11")])
        let year = p("2027").months.map(\.description)
        #expect(year.count == 12 && year.first == "2027-01" && year.last == "2027-12" && year[8] == "2027-09")
    }

    @Test func aPeriodContainsWhatLiesWithinIt() {
        #expect(p("2027").contains(p("2027-Q3")) && p("2027").contains(p("2027-11")) && p("2027").contains(p("2027")))
        #expect(p("2027-Q1").contains(p("2027-02")) && p("2027-Q1").contains(p("2027-03")) && p("2027-Q1").contains(p("2027-Q1")))
        #expect(!p("2027-Q1").contains(p("2027-04")))
        #expect(!p("2027-Q1").contains(p("2027")))
        #expect(!p("2027-02").contains(p("2027-Q1")))
        #expect(!p("2026").contains(p("2027-01")) && !p("2027").contains(p("2026-12")))
        #expect(!p("2027-Q2").contains(p("2027-Q3")))
        #expect(p("2027-03").contains(p("2027-03")) && !p("2027-03").contains(p("2027-04")))
        #expect(p("2027-Q2").contains(CivilDate(iso: "2027-06-30")!) && !p("2027-Q2").contains(CivilDate(iso: "2027-07-01")!))
    }

    @Test func firstAndLastDays() {
        #expect(p("2028-02").firstDay.iso == "2028-02-01" && p("2028-02").lastDay.iso == "2028-02-29")
        #expect(p("2027-02").lastDay.iso == "2027-02-28")
        #expect(p("2027-Q2").firstDay.iso == "2027-04-01" && p("2027-Q2").lastDay.iso == "2027-06-30")
        #expect(p("2027-Q4").firstDay.iso == "2027-10-01" && p("2027-Q4").lastDay.iso == "2027-12-31")
        #expect(p("2027").firstDay.iso == "2027-01-01" && p("2027").lastDay.iso == "2027-12-31")
    }

    @Test func orderedByFirstDayThenLength() {
        let shuffled = ["2027", "2027-Q2", "2027-Q1", "2026-12", "2027-02", "2027-01", "2026"].map(p)
        #expect(shuffled.sorted().map(\.description) == ["2026", "2026-12", "2027-01", "2027-Q1", "2027", "2027-02", "2027-Q2"])
        #expect(p("2027-01") < p("2027-Q1") && p("2027-Q1") < p("2027") && !(p("2027") < p("2027")))
    }

    @Test func codableAsItsToken() throws {
        let json = String(decoding: try JSONEncoder().encode([p("2027-Q1"), p("2027-03"), p("2027")]), as: UTF8.self)
        #expect(json == #"["2027-Q1","2027-03","2027"]"#)
        #expect(
            try JSONDecoder().decode([IndicatorPeriod].self, from: Data(json.utf8)).map(\.description) == ["2027-Q1", "2027-03", "2027"])
        #expect(throws: DecodingError.self) { try JSONDecoder().decode([IndicatorPeriod].self, from: Data(#"["2027-13"]"#.utf8)) }
    }

    @Test func twelveMonthsEndingAtAMonth() {
        let trend = p("2027-03").previousMonths(12).map(\.description)
        #expect(trend.count == 12 && trend.first == "2026-04" && trend.last == "2027-03" && trend[8] == "2026-12" && trend[9] == "2027-01")
        #expect(p("2027-Q1").previousMonths(3).map(\.description) == ["2027-01", "2027-02", "2027-03"])
        #expect(p("2027").previousMonths(2).map(\.description) == ["2027-11", "2027-12"])
        #expect(p("2027-03").previousMonths(1) == [p("2027-03")] && p("2027-03").previousMonths(0).isEmpty)
    }

    @Test func aMonthsQuarterAndYear() {
        #expect(p("2027-08").quarter == p("2027-Q3") && p("2027-03").quarter == p("2027-Q1") && p("2027-12").quarter == p("2027-Q4"))
        #expect(p("2027-Q3").quarter == nil && p("2027-08").wholeYear == p("2027"))
        #expect(IndicatorPeriod.month(of: CivilDate(iso: "2027-08-31")!) == p("2027-08"))
    }

    @Test func aFormTrimsAndNamesTheField() {
        var c = FormChecker()
        #expect(c.period(" 2027-Q1 ", "period") == p("2027-Q1") && c.errors.isEmpty)
        #expect(c.period("2027-3", "period") == nil && c.period(nil, "from") == nil && c.period("", "to", required: false) == nil)
        #expect(
            c.errors == [FieldError(field: "period", key: "targets.error.period"), FieldError(field: "from", key: "field.error.required")])
    }
}
