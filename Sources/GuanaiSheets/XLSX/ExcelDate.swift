/// Conversion between spreadsheet serial day numbers and calendar dates.
enum ExcelDate {
    /// Days from 0001-01-01-based civil day count; proleptic Gregorian (Howard Hinnant's algorithm).
    static func daysFromCivil(_ y: Int, _ m: Int, _ d: Int) -> Int {
        let y = m <= 2 ? y - 1 : y
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (m + 9) % 12
        let doy = (153 * mp + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    static func civilFromDays(_ z: Int) -> (year: Int, month: Int, day: Int) {
        let z = z + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    private static let epoch1900 = daysFromCivil(1899, 12, 30)
    private static let epoch1904 = daysFromCivil(1904, 1, 1)

    /// The calendar day a serial number shows, or `nil` outside 1900-01-01 … 9999-12-31.
    /// Serial 60 is the 1900-02-29 that Lotus 1-2-3 invented and Excel keeps for compatibility;
    /// it is returned as such so a date check rejects it rather than shifting it silently.
    static func date(fromSerial serial: Double, date1904: Bool) -> (year: Int, month: Int, day: Int)? {
        guard serial.isFinite else { return nil }
        // Times are stored to the millisecond; round so 0.99999999 of a day does not drop a day.
        let day = Int((serial + 0.5 / 86_400_000).rounded(.down))
        if date1904 {
            guard day >= 0, day <= 2_957_003 else { return nil }
            return civilFromDays(epoch1904 + day)
        }
        guard day >= 1, day <= 2_958_465 else { return nil }
        if day == 60 { return (1900, 2, 29) }
        return civilFromDays(epoch1900 + (day < 60 ? day + 1 : day))
    }

    /// The 1900-system serial of a real calendar day (the writer always uses the 1900 system).
    static func serial(year: Int, month: Int, day: Int) -> Int {
        let serial = daysFromCivil(year, month, day) - epoch1900
        return serial <= 60 ? serial - 1 : serial
    }

    static func isValid(year: Int, month: Int, day: Int) -> Bool {
        guard (1...9999).contains(year), (1...12).contains(month), day >= 1 else { return false }
        return day <= daysInMonth(year: year, month: month)
    }

    static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}
