/// 农村留守妇女: rural 户口, husband working away for at least `months` calendar months (6 by default).
public enum WomanClassifier {
    public static let defaultMonths = 6

    /// The same day `months` calendar months later (the 31st falls on the month's last day).
    public static func addMonths(_ d: CivilDate, _ months: Int) -> CivilDate {
        let total = d.year * 12 + (d.month - 1) + months
        let y = total / 12, m = total % 12 + 1
        return CivilDate(year: y, month: m, day: min(d.day, CivilDate.daysIn(year: y, month: m)))!
    }

    public struct Result: Sendable, Equatable {
        public let leftBehind: Bool
        public let reasons: [Reason]
        /// When a husband away for less than the threshold will reach it.
        public let qualifiesOn: CivilDate?
    }

    public static func classify(
        hukou: Hukou, husbandSituation: ParentSituation?, awaySince: CivilDate?, today: CivilDate, months: Int = defaultMonths
    ) -> Result {
        guard hukou == .rural else { return Result(leftBehind: false, reasons: [Reason(.womanUrban, [], "城镇户口")], qualifiesOn: nil) }
        guard husbandSituation == .workingAway else {
            return Result(leftBehind: false, reasons: [Reason(.womanHusbandNotAway, [], "丈夫未外出务工")], qualifiesOn: nil)
        }
        guard let since = awaySince else {
            return Result(leftBehind: false, reasons: [Reason(.womanSinceUnknown, [], "请填写丈夫外出时间")], qualifiesOn: nil)
        }
        let due = addMonths(since, months)
        if due <= today {
            return Result(
                leftBehind: true, reasons: [Reason(.womanLeftBehind, [String(months)], "丈夫外出务工\(months)个月以上，农村户口")], qualifiesOn: nil)
        }
        return Result(leftBehind: false, reasons: [Reason(.womanAwayShort, [String(months)], "丈夫外出不满\(months)个月")], qualifiesOn: due)
    }
}
