/// ISO-style renderings shared by the CSV writer and the XLSX writer's fallbacks.
enum DateText {
    static func day(year: Int, month: Int, day: Int) -> String {
        "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    static func month(year: Int, month: Int) -> String {
        "\(pad(year, 4))-\(pad(month, 2))"
    }

    private static func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }
}
