import Foundation
import GuanaiCore
import GuanaiSheets

/// The import template (`/imports/template?kind=`): the columns a ledger of this kind may have, one synthetic example
/// row, ID and phone columns stored as text (so Excel keeps all 18 digits), and a second sheet, 表格说明, listing the
/// words each column understands (the sheet the import's error messages point to.
enum IntakeTemplate {
    static let kinds: [IntakeKind] = [
        .children, .women, .households, .stations, .enrolments, .neighbourGroups, .sites, .trainingEnrolments, .fairAttendees, .loans,
        .repayments, .screeningResults, .teamMembers,
    ]

    /// Schema keys that are only another way of writing a column the template already has.
    static let alternatives: Set<String> = ["parents.workPlace", "guardian.age"]

    static func columns(_ kind: IntakeKind) -> [IntakeColumn] { kind.columns.filter { !alternatives.contains($0.key) } }

    static func write(_ kind: IntakeKind, to url: URL, today: CivilDate) throws {
        let l = UILanguage.zh
        let cols = columns(kind)
        let w = try XLSXWriter(url: url, sheetName: l.t("intake.template.sheet"))
        try w.setColumns(
            cols.map { c in
                let wide = c.kind == .idNumber ? 21.0 : c.kind == .phone ? 13 : max(10, Double(c.names[0].count) * 2 + 2)
                return XLSXWriter.Column(
                    header: c.names[0], width: wide,
                    kind: c.kind == .date ? .date : c.kind == .int || c.kind == .decimal || c.kind == .money ? .number : .text)
            })
        let ex = example(kind, today: today)
        try w.append(cols.map { ex[$0.key] ?? .empty })
        try w.addSheet(
            name: l.t("intake.template.words"),
            columns: [
                XLSXWriter.Column(header: l.t("intake.template.column"), width: 18),
                XLSXWriter.Column(header: l.t("intake.template.value"), width: 22),
                XLSXWriter.Column(header: l.t("intake.template.accepted"), width: 70),
            ],
            rows: words(kind, l))
        try w.finish()
    }

    static func example(_ kind: IntakeKind, today: CivilDate) -> [String: CellValue] { IntakeWords.templateExample(kind, today: today) }

    /// The 表格说明 sheet: per column, each value and every way of writing it that the import understands.
    static func words(_ kind: IntakeKind, _ l: UILanguage) -> [[CellValue]] {
        var rows: [[CellValue]] = []
        func row(_ column: String, _ value: String, _ accepted: String) { rows.append([.text(column), .text(value), .text(accepted)]) }
        func table<T: RawRepresentable>(_ column: String, _ prefix: String, _ t: [(T, [String])]) where T.RawValue == String {
            for (token, ws) in t { row(column, l.t(prefix + "." + token.rawValue), ws.joined(separator: IntakeWords.choiceSeparator)) }
        }
        for c in columns(kind) {
            let name = c.names[0] + (c.required ? l.t("intake.template.required") : "")
            switch c.kind {
            case .idNumber: row(name, l.t("intake.template.id"), l.t("intake.template.idNote"))
            case .date: row(name, l.t("intake.template.date"), l.t("intake.template.dateNote"))
            case .sex: row(name, IntakeWords.templateSex.0, IntakeWords.templateSex.1)
            case .yesNo: row(name, IntakeWords.templateYesNo.0, IntakeWords.templateYesNo.1)
            case .village: row(name, l.t("intake.template.village"), l.t("intake.template.villageNote"))
            case .phone: row(name, l.t("intake.template.phone"), "")
            case .int, .decimal: row(name, l.t("intake.template.number"), "")
            case .money: row(name, l.t("intake.template.money"), l.t("intake.template.moneyNote"))
            case .text: row(name, l.t("intake.template.text"), c.key.hasSuffix("workPlace") ? l.t("intake.template.workPlaceNote") : "")
            case .token(let prefix), .tokens(let prefix):
                switch prefix {
                case "situation":
                    table(name, "situation", LedgerWords.situation)
                    row(
                        name, l.t("intake.template.situationUnknown"),
                        (LedgerWords.nothing.sorted() + LedgerWords.divorced.sorted()).joined(separator: IntakeWords.choiceSeparator))
                    row(name, l.t("intake.template.placeInBrackets"), IntakeWords.templatePlaceExamples)
                case "relation":
                    table(name, "relation", LedgerWords.relation)
                    row(
                        name, l.t("intake.template.parentAsGuardian"),
                        LedgerWords.parentAsGuardian.flatMap(\.1).joined(separator: IntakeWords.choiceSeparator))
                case FieldName.health.rawValue:
                    table(name, FieldName.health.rawValue, LedgerWords.health)
                    row(name, "", l.t("intake.template.disabilityNote"))
                case "living": table(name, "living", LedgerWords.living)
                default:
                    let extra = IntakeWords.values[prefix] ?? [:]
                    let tokens = Catalogue.zh.keys.filter { $0.hasPrefix(prefix + ".") }.map { String($0.dropFirst(prefix.count + 1)) }
                        .sorted()
                    for t in tokens {
                        row(
                            name, l.t(prefix + "." + t),
                            ([l.t(prefix + "." + t)] + (extra[t] ?? [])).joined(separator: IntakeWords.choiceSeparator))
                    }
                    if case .tokens = c.kind { row(name, "", l.t("intake.template.several")) }
                }
            }
            if c.key == "guardian.idNumber" {
                row(l.t("intake.template.ageColumn"), l.t("intake.template.age"), l.t("intake.template.ageNote"))
            }
            if c.key == "mother.workPlace" {
                row(
                    IntakeWords.childHeaders.first { $0.key == "parents.workPlace" }!.names[0], l.t("intake.template.text"),
                    l.t("intake.template.parentsPlaceNote"))
            }
        }
        return rows
    }
}
