import Foundation
import GuanaiCore
import GuanaiSheets

/// The import template (`/imports/template?kind=`): the columns a ledger of this kind may have, one synthetic example
/// row, ID and phone columns stored as text (so Excel keeps all 18 digits), and a second sheet, 表格说明, listing the
/// words each column understands — the sheet the import's error messages point to.
enum IntakeTemplate {
    static let kinds: [IntakeKind] = [.children, .women, .households]

    /// Schema keys that are only another way of writing a column the template already has.
    static let alternatives: Set<String> = ["parents.workPlace", "guardian.age"]

    static func columns(_ kind: IntakeKind) -> [IntakeColumn] { kind.columns.filter { !alternatives.contains($0.key) } }

    static func write(_ kind: IntakeKind, to url: URL, today: CivilDate) throws {
        let l = UILanguage.zh
        let cols = columns(kind)
        let w = try XLSXWriter(url: url, sheetName: l.t("intake.template.sheet"))
        try w.setColumns(cols.map { c in
            let wide = c.kind == .idNumber ? 21.0 : c.kind == .phone ? 13 : max(10, Double(c.names[0].count) * 2 + 2)
            return XLSXWriter.Column(header: c.names[0], width: wide, kind: c.kind == .date ? .date : c.kind == .int || c.kind == .decimal ? .number : .text)
        })
        let ex = example(kind, today: today)
        try w.append(cols.map { ex[$0.key] ?? .empty })
        try w.addSheet(name: l.t("intake.template.words"),
                       columns: [XLSXWriter.Column(header: l.t("intake.template.column"), width: 18), XLSXWriter.Column(header: l.t("intake.template.value"), width: 22),
                                 XLSXWriter.Column(header: l.t("intake.template.accepted"), width: 70)],
                       rows: words(kind, l))
        try w.finish()
    }

    /// One made-up row: names no one has, ID numbers built by the algorithm (valid check digits).
    static func example(_ kind: IntakeKind, today: CivilDate) -> [String: CellValue] {
        func id(_ y: Int, _ m: Int, _ d: Int, _ order: Int) -> CellValue { .text(IDNumber.make(address: "421081", birth: CivilDate(year: y, month: m, day: d)!, order: order).value) }
        switch kind {
        case .children:
            return ["name": .text("王小花"), "idNumber": id(2015, 3, 2, 122), "sex": .text("女"), "birthDate": .date(year: 2015, month: 3, day: 2), "villageCode": .text("示例村"),
                    "hukou": .text("农村"), "ethnicity": .text("汉族"), "health": .text("健康"), "school": .text("示例小学"), "grade": .text("五年级"), "boarding": .text("否"),
                    "poverty": .text("一般"), "address": .text("示例村三组"), "father.name": .text("王大山"), "father.idNumber": id(1986, 5, 1, 111),
                    "father.situation": .text("外出务工"), "father.workPlace": .text("广东深圳"), "father.phone": .text("13900000001"), "mother.name": .text("李秀英"),
                    "mother.idNumber": id(1988, 8, 9, 222), "mother.situation": .text("外出务工"), "mother.workPlace": .text("浙江宁波"),
                    "guardian.name": .text("张桂兰"), "guardian.idNumber": id(1958, 3, 3, 224), "guardian.relation": .text("奶奶"), "guardian.health": .text("慢性病"),
                    "guardian.phone": .text("13900000002"), "livingArrangement": .text("与委托监护人同住"), "needs": .text("生活照顾、亲情抚慰"),
                    "informedOn": .date(year: today.year, month: today.month, day: today.day), "consent": .text("是")]
        case .women:
            return ["name": .text("李秀英"), "idNumber": id(1990, 7, 2, 642), "villageCode": .text("示例村"), "hukou": .text("农村"), "phone": .text("13900000003"),
                    "ethnicity": .text("汉族"), "health": .text("健康"), "husband.name": .text("王大海"), "husband.idNumber": id(1988, 6, 1, 631),
                    "husband.situation": .text("外出务工"), "husband.workPlace": .text("浙江宁波"), "husband.since": .month(year: today.year - 1, month: 3),
                    "childrenInCare": .number("2"), "eldersInCare": .number("1"), "farming": .text("是"), "skills": .text("养殖"), "needs": .text("发展能力、教育子女"),
                    "employmentInterest": .text("是"), "healthInterest": .text("是")]
        case .households, .volunteers:
            return ["head.name": .text("王大山"), "head.idNumber": id(1986, 5, 1, 111), "villageCode": .text("示例村"), "villageGroup": .text("三组"),
                    "address": .text("示例村三组"), "poverty": .text("一般")]
        }
    }

    /// The 表格说明 sheet: per column, each value and every way of writing it that the import understands.
    static func words(_ kind: IntakeKind, _ l: UILanguage) -> [[CellValue]] {
        var rows: [[CellValue]] = []
        func row(_ column: String, _ value: String, _ accepted: String) { rows.append([.text(column), .text(value), .text(accepted)]) }
        func table<T: RawRepresentable>(_ column: String, _ prefix: String, _ t: [(T, [String])]) where T.RawValue == String {
            for (token, ws) in t { row(column, l.t(prefix + "." + token.rawValue), ws.joined(separator: "、")) }
        }
        for c in columns(kind) {
            let name = c.names[0] + (c.required ? l.t("intake.template.required") : "")
            switch c.kind {
            case .idNumber: row(name, l.t("intake.template.id"), l.t("intake.template.idNote"))
            case .date: row(name, l.t("intake.template.date"), l.t("intake.template.dateNote"))
            case .sex: row(name, "男、女", "男、女、男性、女性")
            case .yesNo: row(name, "是、否", "是、否、√、×、有、无")
            case .village: row(name, l.t("intake.template.village"), l.t("intake.template.villageNote"))
            case .phone: row(name, l.t("intake.template.phone"), "")
            case .int, .decimal: row(name, l.t("intake.template.number"), "")
            case .text: row(name, l.t("intake.template.text"), c.key.hasSuffix("workPlace") ? l.t("intake.template.workPlaceNote") : "")
            case .token(let prefix), .tokens(let prefix):
                switch prefix {
                case "situation":
                    table(name, "situation", LedgerWords.situation)
                    row(name, l.t("intake.template.situationUnknown"), LedgerWords.nothing.sorted().joined(separator: "、") + "、" + LedgerWords.divorced.sorted().joined(separator: "、"))
                    row(name, l.t("intake.template.placeInBrackets"), "外出务工（广东深圳）、外出务工(广东深圳)、在外务工-浙江、深圳打工")
                case "relation":
                    table(name, "relation", LedgerWords.relation)
                    row(name, l.t("intake.template.parentAsGuardian"), LedgerWords.parentAsGuardian.flatMap(\.1).joined(separator: "、"))
                case "health":
                    table(name, "health", LedgerWords.health)
                    row(name, "", l.t("intake.template.disabilityNote"))
                case "living": table(name, "living", LedgerWords.living)
                default:
                    let extra = IntakeWords.values[prefix] ?? [:]
                    let tokens = Catalogue.zh.keys.filter { $0.hasPrefix(prefix + ".") }.map { String($0.dropFirst(prefix.count + 1)) }.sorted()
                    for t in tokens { row(name, l.t(prefix + "." + t), ([l.t(prefix + "." + t)] + (extra[t] ?? [])).joined(separator: "、")) }
                    if case .tokens = c.kind { row(name, "", l.t("intake.template.several")) }
                }
            }
            if c.key == "guardian.idNumber" { row(l.t("intake.template.ageColumn"), l.t("intake.template.age"), l.t("intake.template.ageNote")) }
            if c.key == "mother.workPlace" { row(IntakeWords.childHeaders.first { $0.key == "parents.workPlace" }!.names[0], l.t("intake.template.text"), l.t("intake.template.parentsPlaceNote")) }
        }
        return rows
    }
}
