import Testing
@testable import GuanaiSheets

@Suite("Number formats and serial dates")
struct FormatTests {
    @Test(
        "custom format codes",
        arguments: [
            ("yyyy-mm-dd", NumberFormatKind.date),
            ("yyyy\"年\"m\"月\"d\"日\"", .date),
            ("yyyy年m月d日", .date),
            ("[$-804]yyyy\"年\"m\"月\"", .yearMonth),
            ("yyyy-mm", .yearMonth),
            ("[Red]m/d/yy;@", .date),
            ("m\"月\"d\"日\"", .date),
            ("yyyy-mm-dd hh:mm:ss", .date),
            ("h:mm", .plain),
            ("[h]:mm:ss", .plain),
            ("mm:ss.0", .plain),
            ("General", .plain),
            ("0.00E+00", .plain),
            ("#,##0.00\"元\"", .plain),
            ("0\"d\"", .plain),
            ("\\d0", .plain),
            ("@", .plain),
        ])
    func classify(_ code: String, _ kind: NumberFormatKind) {
        #expect(NumberFormatKind.classify(code: code) == kind)
    }

    @Test func builtIns() {
        #expect(NumberFormatKind.builtIn(14) == .date)
        #expect(NumberFormatKind.builtIn(22) == .date)
        #expect(NumberFormatKind.builtIn(31) == .date)
        #expect(NumberFormatKind.builtIn(57) == .yearMonth)
        #expect(NumberFormatKind.builtIn(20) == .plain)  // h:mm
        #expect(NumberFormatKind.builtIn(49) == .plain)  // @
        #expect(NumberFormatKind.builtIn(0) == .plain)
    }

    @Test("1900 system including Lotus' 1900-02-29, and 1904")
    func serials() {
        #expect(ExcelDate.date(fromSerial: 1, date1904: false)! == (1900, 1, 1))
        #expect(ExcelDate.date(fromSerial: 59, date1904: false)! == (1900, 2, 28))
        #expect(ExcelDate.date(fromSerial: 60, date1904: false)! == (1900, 2, 29))
        #expect(ExcelDate.date(fromSerial: 61, date1904: false)! == (1900, 3, 1))
        #expect(ExcelDate.date(fromSerial: 42065, date1904: false)! == (2015, 3, 2))
        #expect(ExcelDate.date(fromSerial: 42065.9999999999, date1904: false)! == (2015, 3, 3))
        #expect(ExcelDate.date(fromSerial: 2_958_465, date1904: false)! == (9999, 12, 31))
        #expect(ExcelDate.date(fromSerial: 0, date1904: false) == nil)
        #expect(ExcelDate.date(fromSerial: 0, date1904: true)! == (1904, 1, 1))
        #expect(ExcelDate.date(fromSerial: 40603, date1904: true)! == (2015, 3, 2))
        for (y, m, d) in [(1900, 1, 1), (1900, 2, 28), (1900, 3, 1), (2015, 3, 2), (2024, 2, 29)] {
            let serial = ExcelDate.serial(year: y, month: m, day: d)
            #expect(ExcelDate.date(fromSerial: Double(serial), date1904: false)! == (y, m, d))
        }
    }
}
