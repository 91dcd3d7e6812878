import Testing
import GuanaiSheets

@Suite("Normalisation")
struct NormalizeTests {
    @Test func text() {
        #expect(Normalize.halfWidth("ＡＢｃ１２３！～　") == "ABc123!~ ")
        #expect(Normalize.text("\u{3000} 测试 甲\u{00A0}\u{200B}\t") == "测试 甲")
        #expect(Normalize.text("\u{3000}\u{00A0}") == "")
        #expect(Normalize.text(.number("4.5")) == "4.5")
        #expect(Normalize.text(.date(year: 2015, month: 3, day: 2)) == "2015-03-02")
        #expect(Normalize.text(.text("  ")) == nil)
        #expect(Normalize.text(.empty) == nil)
    }

    @Test(
        "dates in every accepted form",
        arguments: [
            ("2015-03-02", DateValue.day(year: 2015, month: 3, day: 2)),
            ("2015/3/2", .day(year: 2015, month: 3, day: 2)),
            ("2015.3.2", .day(year: 2015, month: 3, day: 2)),
            ("2015年3月2日", .day(year: 2015, month: 3, day: 2)),
            ("２０１５年３月２日", .day(year: 2015, month: 3, day: 2)),
            ("20150302", .day(year: 2015, month: 3, day: 2)),
            ("2015-03-02 00:00:00", .day(year: 2015, month: 3, day: 2)),
            ("2016-02-29", .day(year: 2016, month: 2, day: 29)),
            ("2019.3", .month(year: 2019, month: 3)),
            ("2019-03", .month(year: 2019, month: 3)),
            ("2019/3", .month(year: 2019, month: 3)),
            ("2019年3月", .month(year: 2019, month: 3)),
            ("201903", .month(year: 2019, month: 3)),
            ("2019.10", .month(year: 2019, month: 10)),
        ])
    func textDates(_ input: String, _ expected: DateValue) {
        #expect(Normalize.date(.text(input)) == .date(expected))
    }

    @Test(
        "invalid dates",
        arguments: [
            "2015-02-30", "2015-13-01", "2015-3-", "15.3.2", "2015-03/02", "2015年", "abc",
            "2015030", "1899-12-31", "2019-00", "20150230", "2015--03",
        ])
    func invalidDates(_ input: String) {
        #expect(Normalize.date(.text(input)) == .invalid(Normalize.text(input)))
    }

    @Test func otherDateSources() {
        #expect(Normalize.date(.empty) == .empty)
        #expect(Normalize.date(.text("  ")) == .empty)
        #expect(Normalize.date(.date(year: 2015, month: 3, day: 2)) == .date(.day(year: 2015, month: 3, day: 2)))
        #expect(Normalize.date(.month(year: 2015, month: 3)) == .date(.month(year: 2015, month: 3)))
        #expect(Normalize.date(.date(year: 1900, month: 2, day: 29)) == .invalid("1900-02-29"))
        #expect(Normalize.date(.number("42065")) == .date(.day(year: 2015, month: 3, day: 2)))
        #expect(Normalize.date(.number("42065.75")) == .date(.day(year: 2015, month: 3, day: 2)))
        #expect(Normalize.date(.number("40603"), date1904: true) == .date(.day(year: 2015, month: 3, day: 2)))
        #expect(Normalize.date(.number("42065"), serialsAllowed: false) == .invalid("42065"))
        #expect(Normalize.date(.number("20150302")) == .date(.day(year: 2015, month: 3, day: 2)))
        #expect(Normalize.date(.number("201903")) == .date(.month(year: 2019, month: 3)))
        #expect(Normalize.date(.number("2019.3")) == .date(.month(year: 2019, month: 3)))
        #expect(Normalize.date(.number("2019.12")) == .date(.month(year: 2019, month: 12)))
        #expect(Normalize.date(.number("2019.1")) == .januaryOrOctober(year: 2019))
        #expect(Normalize.date(.number("-1")) == .invalid("-1"))
        #expect(Normalize.date(.bool(true)) == .invalid("TRUE"))
    }

    @Test func idNumbers() {
        let id = Fixture.ids[0]
        #expect(Normalize.idNumber(.text(" \(id) ")) == .text(id))
        #expect(Normalize.idNumber(.text("４２１０８１２０１４０１０１１０４１")) == .text(Fixture.ids[3]))
        #expect(Normalize.idNumber(.text("42108120130708106x")) == .text("42108120130708106X"))
        #expect(Normalize.idNumber(.text("4210 8120 1503 0210 13")) == .text(id))
        #expect(Normalize.idNumber(.text("'\(id)")) == .text(id))
        #expect(Normalize.idNumber(.text("=\"\(id)\"")) == .text(id))
        #expect(Normalize.idNumber(.text("4.21081E+17")) == .lostDigits("4.21081E+17"))
        #expect(Normalize.idNumber(.number(id)) == .text(id))
        #expect(Normalize.idNumber(.number("\(id).0")) == .text(id))
        #expect(Normalize.idNumber(.number("4.21081201503021E+17")) == .lostDigits("4.21081201503021E+17"))
        #expect(Normalize.idNumber(.number("4.21081201503021E+017")) == .lostDigits("4.21081201503021E+017"))
        #expect(Normalize.idNumber(.number("421081201503021000")) == .lostDigits("421081201503021000"))
        #expect(Normalize.idNumber(.number("421081201503021010")) == .text("421081201503021010"))
        #expect(Normalize.idNumber(.number("421081150302101")) == .text("421081150302101"))  // 15-digit: the app rejects it
        #expect(Normalize.idNumber(.text("")) == .empty)
        #expect(Normalize.idNumber(.empty) == .empty)
    }

    @Test func yesNo() {
        for word in ["是", "√", "✓", "Y", "y", "yes", "YES", "1", "有", "true", "TRUE", "Ｙ", " 是 "] {
            #expect(Normalize.yesNo(.text(word)) == true, "\(word)")
        }
        for word in ["否", "×", "✗", "N", "no", "0", "无", "false", "没有"] {
            #expect(Normalize.yesNo(.text(word)) == false, "\(word)")
        }
        #expect(Normalize.yesNo(.bool(true)) == true)
        #expect(Normalize.yesNo(.number("1")) == true)
        #expect(Normalize.yesNo(.number("0.0")) == false)
        #expect(Normalize.yesNo(.number("2")) == nil)
        #expect(Normalize.yesNo(.text("也许")) == nil)
        #expect(Normalize.yesNo(.empty) == nil)
    }

    @Test func sex() {
        #expect(Normalize.sex(.text("男")) == .male)
        #expect(Normalize.sex(.text("女 ")) == .female)
        #expect(Normalize.sex(.text("Male")) == .male)
        #expect(Normalize.sex(.text("F")) == .female)
        #expect(Normalize.sex(.text("ｍ")) == .male)
        #expect(Normalize.sex(.number("2")) == .female)
        #expect(Normalize.sex(.text("未知")) == nil)
        #expect(Normalize.sex(.empty) == nil)
    }

    @Test func columnNames() {
        #expect(ColumnName.letters(forIndex: 0) == "A")
        #expect(ColumnName.letters(forIndex: 25) == "Z")
        #expect(ColumnName.letters(forIndex: 26) == "AA")
        #expect(ColumnName.letters(forIndex: 16383) == "XFD")
        #expect(ColumnName.index(ofLetters: "xfd") == 16383)
        #expect(ColumnName.index(ofLetters: "A1") == nil)
        #expect(ColumnName.index(ofLetters: "") == nil)
    }
}
