import Fluent
import Vapor
import GuanaiCore
import GuanaiSheets

/// Lists as spreadsheets the next level up accepts: the standard 台账 layouts for children, women and households,
/// with the headers our own import reads back. ID numbers and phones are masked unless the caller may and did ask
/// for full values. Rows stream from the database to the file a page at a time.
enum LedgerExport {
    enum Format: String, Sendable, CaseIterable { case xlsx, csv }

    struct Column: Sendable {
        let header: String
        var width: Double = 12
        var kind: XLSXWriter.ColumnKind = .text
    }

    /// Rows go to `emit`; returns how many.
    typealias Producer = @Sendable (_ emit: @Sendable ([CellValue]) throws -> Void) async throws -> Int

    struct Options: Sendable {
        var full = false
        var lang: UILanguage = .zh
        var today: CivilDate
        var page = 1000
    }

    static func write(_ format: Format, to url: URL, title: String, columns: [Column], rows: Producer) async throws -> Int {
        switch format {
        case .xlsx:
            let w = try XLSXWriter(url: url, sheetName: title)
            try w.setTitle(title, spanning: columns.count)
            try w.setColumns(columns.map { XLSXWriter.Column(header: $0.header, width: $0.width, kind: $0.kind) })
            let box = WriterBox(w)
            let n = try await rows { try box.xlsx!.append($0) }
            try w.finish()
            return n
        case .csv:
            // The CSV keeps one header line (no title) so it reads straight into any program.
            let w = try CSVWriter(url: url)
            try w.append(header: columns.map(\.header))
            let box = WriterBox(w)
            let n = try await rows { try box.csv!.append($0) }
            try w.finish()
            return n
        }
    }

    /// The writers are used by one task, in order; the box only carries them into the producer's closure.
    final class WriterBox: @unchecked Sendable {
        let xlsx: XLSXWriter?, csv: CSVWriter?
        init(_ w: XLSXWriter) { xlsx = w; csv = nil }
        init(_ w: CSVWriter) { csv = w; xlsx = nil }
    }

    static func header(_ table: [(key: String, names: [String])], _ key: String) -> String {
        table.first { $0.key == key }?.names.first ?? key
    }

    /// A record's plain fields as cells, in their declared order: text, 是/否, a number.
    static func detailCells<F: RecordDetail>(_ d: Details<F>, _ l: UILanguage) -> [CellValue] {
        F.allCases.map { f in
            switch f.kind {
            case .text: d[text: f].map { $0.isEmpty ? .empty : .text($0) } ?? .empty
            case .flag: .text(l.t(d[flag: f] ? "word.yes" : "word.no"))
            case .count: .number(String(d[count: f]))
            }
        }
    }

    // MARK: children

    static let childKeys =
        [
            "name", "idNumber", "sex", "birthDate", "villageCode", "hukou", "ethnicity", "health",
        ] + ChildDetail.allCases.map(\.rawValue) + [
            "poverty", "address",
            "father.name", "father.idNumber", "father.situation", "father.workPlace", "father.phone",
            "mother.name", "mother.idNumber", "mother.situation", "mother.workPlace", "mother.phone",
            "guardian.name", "guardian.idNumber", "guardian.relation", "guardian.health", "guardian.phone",
            "livingArrangement", "needs", "informedOn", "consent",
        ]

    static func childColumns(_ l: UILanguage) -> [Column] {
        var cols = [Column(header: l.t("ledger.no"), width: 6, kind: .number)]
        for k in childKeys {
            let h = header(IntakeWords.childHeaders, k)
            let kind: XLSXWriter.ColumnKind = ["birthDate", "informedOn"].contains(k) ? .date : .text
            let width: Double =
                k.hasSuffix("idNumber")
                ? 21
                : k.hasSuffix(FieldName.phone.rawValue)
                    ? 13
                    : ["address", "needs", "father.workPlace", "mother.workPlace"].contains(k)
                        ? 18 : ChildDetail(rawValue: k)?.kind == .text ? 14 : 11
            cols.append(Column(header: h, width: width, kind: kind))
        }
        return cols + [
            Column(header: l.t("children.category"), width: 18), Column(header: l.t("ledger.status"), width: 8),
            Column(header: l.t("safety.tier"), width: 8),
        ]
    }

    static func children(_ f: ChildFilter, scoped: Scoped, options o: Options) -> Producer {
        { emit in
            let l = o.lang
            var page = 1, n = 0
            func id(_ p: Person?) -> CellValue { p?.idNumber.map { .text(o.full ? $0 : Masking.idNumber($0)) } ?? .empty }
            func phone(_ p: Person?) -> CellValue { p?.phone.map { .text(o.full ? $0 : Masking.phone($0)) } ?? .empty }
            func text(_ s: String?) -> CellValue { s.map { $0.isEmpty ? .empty : .text($0) } ?? .empty }
            func date(_ s: String?) -> CellValue {
                s.flatMap(CivilDate.init(iso:)).map { .date(year: $0.year, month: $0.month, day: $0.day) } ?? .empty
            }
            func yes(_ b: Bool) -> CellValue { .text(l.t(b ? "word.yes" : "word.no")) }
            while true {
                let (items, _) = try await scoped.children(matching: f, today: o.today, page: page, per: o.page)
                if items.isEmpty { break }
                let people = try await scoped.people(
                    items.flatMap { [$0.person] + [$0.father, $0.mother, $0.guardian].compactMap { $0 } })
                let names = try await scoped.unitNames(items.map(\.unitCode))
                let hs = try await Household.query(on: scoped.db).filter(\.$id ~~ items.compactMap(\.householdID)).all()
                let households = Dictionary(uniqueKeysWithValues: hs.map { ($0.recordID, $0) })
                for c in items {
                    n += 1
                    let me = people[c.person], fa = c.father.flatMap { people[$0] }, mo = c.mother.flatMap { people[$0] },
                        g = c.guardian.flatMap { people[$0] }
                    let h = c.household.flatMap { households[$0] }
                    var row: [CellValue] = [
                        .number(String(n)), text(me?.name), id(me), text(me?.sex.map { l.t("sex." + $0) }), date(c.birthDate),
                        text(names[c.unitCode] ?? c.unitCode),
                        text(me?.hukou.map { l.t("hukou." + $0) }), text(me?.ethnicity), text(me.map { l.t("health." + $0.health) }),
                    ]
                    row += detailCells(c.details, l)
                    row += [
                        text(h.map { l.t("poverty." + $0.poverty) }), text(h?.address),
                    ]
                    for (p, situation, place) in [(fa, c.fatherSituation, c.fatherWorkPlace), (mo, c.motherSituation, c.motherWorkPlace)] {
                        row += [text(p?.name), id(p), text(situation.map { l.t("situation." + $0) }), text(place), phone(p)]
                    }
                    row += [
                        text(g?.name), id(g), text(g == nil ? nil : c.guardianRelation.map { l.t("relation." + $0) }),
                        text(g.map { l.t("health." + $0.health) }), phone(g),
                        text(l.t("living." + c.livingArrangement)),
                        text(c.needList.map { l.t("need." + $0.rawValue) }.joined(separator: l.t("list.sep"))), date(c.informedOn),
                        yes(c.consent),
                        text(c.categoryList.map { l.t("category." + $0.rawValue) }.joined(separator: l.t("list.sep"))),
                        text(l.t("status." + c.status.rawValue)),
                        text(c.riskTier.map { l.t("tier." + $0) }),
                    ]
                    try emit(row)
                }
                page += 1
            }
            return n
        }
    }

    // MARK: women

    static let womanKeys =
        [
            "name", "idNumber", "villageCode", "hukou", "phone", "ethnicity", "health", "husband.name", "husband.idNumber",
            "husband.situation", "husband.workPlace", "husband.since", "husband.phone", "needs",
        ] + WomanDetail.allCases.map(\.rawValue)

    static func womanColumns(_ l: UILanguage) -> [Column] {
        var cols = [Column(header: l.t("ledger.no"), width: 6, kind: .number)]
        for k in womanKeys {
            let kind: XLSXWriter.ColumnKind =
                k == "husband.since" ? .date : WomanDetail(rawValue: k)?.range != nil ? .number : .text
            cols.append(
                Column(
                    header: header(IntakeWords.womanHeaders, k),
                    width: k.hasSuffix("idNumber") ? 21 : k.hasSuffix(FieldName.phone.rawValue) ? 13 : 11,
                    kind: kind))
        }
        return cols + [Column(header: l.t("ledger.status"), width: 8)]
    }

    static func women(_ f: WomanFilter, scoped: Scoped, options o: Options) -> Producer {
        { emit in
            let l = o.lang
            var page = 1, n = 0
            func id(_ p: Person?) -> CellValue { p?.idNumber.map { .text(o.full ? $0 : Masking.idNumber($0)) } ?? .empty }
            func phone(_ p: Person?) -> CellValue { p?.phone.map { .text(o.full ? $0 : Masking.phone($0)) } ?? .empty }
            func text(_ s: String?) -> CellValue { s.map { $0.isEmpty ? .empty : .text($0) } ?? .empty }
            func yes(_ b: Bool) -> CellValue { .text(l.t(b ? "word.yes" : "word.no")) }
            while true {
                let (items, _) = try await scoped.women(matching: f, page: page, per: o.page)
                if items.isEmpty { break }
                let people = try await scoped.people(items.flatMap { [$0.person, $0.husband].compactMap { $0 } })
                let names = try await scoped.unitNames(items.map(\.unitCode))
                for w in items {
                    n += 1
                    let me = people[w.person], hu = w.husband.flatMap { people[$0] }
                    let since =
                        w.husbandSince.flatMap(CivilDate.init(iso:)).map { CellValue.date(year: $0.year, month: $0.month, day: $0.day) }
                        ?? .empty
                    try emit(
                        [
                            .number(String(n)), text(me?.name), id(me), text(names[w.unitCode] ?? w.unitCode),
                            text(me?.hukou.map { l.t("hukou." + $0) }), phone(me),
                            text(me?.ethnicity), text(me.map { l.t("health." + $0.health) }), text(hu?.name), id(hu),
                            text(w.husbandSituation.map { l.t("situation." + $0) }), text(w.husbandWorkPlace), since, phone(hu),
                            text(w.needList.map { l.t("wneed." + $0.rawValue) }.joined(separator: l.t("list.sep"))),
                        ] + detailCells(w.details, l) + [text(l.t("status." + w.status.rawValue))])
                }
                page += 1
            }
            return n
        }
    }

    // MARK: households

    static let householdKeys = ["head.name", "head.idNumber", "villageCode", "villageGroup", "address", "poverty", "longitude", "latitude"]

    static func householdColumns(_ l: UILanguage) -> [Column] {
        [Column(header: l.t("ledger.no"), width: 6, kind: .number)]
            + householdKeys.map {
                Column(
                    header: header(IntakeWords.householdHeaders, $0), width: $0.hasSuffix("idNumber") ? 21 : $0 == "address" ? 24 : 11,
                    kind: ["longitude", "latitude"].contains($0) ? .number : .text)
            }
            + [Column(header: l.t("households.members"), width: 8, kind: .number)]
    }

    /// The head is the household's oldest registered member: ledgers name one, the registry does not store one.
    static func households(_ f: HouseholdFilter, scoped: Scoped, options o: Options) -> Producer {
        { emit in
            let l = o.lang
            var page = 1, n = 0
            func text(_ s: String?) -> CellValue { s.map { $0.isEmpty ? .empty : .text($0) } ?? .empty }
            while true {
                let (items, _, members) = try await scoped.households(matching: f, page: page, per: o.page)
                if items.isEmpty { break }
                let names = try await scoped.unitNames(items.map(\.unitCode))
                let people = try await Person.query(on: scoped.db).filter(\.$householdID ~~ items.compactMap(\.id)).all()
                var heads: [HouseholdID: Person] = [:]
                for p in people {
                    guard let h = p.household else { continue }
                    if let cur = heads[h], (cur.birthDate ?? "9999") <= (p.birthDate ?? "9999") { continue }
                    heads[h] = p
                }
                for h in items {
                    n += 1
                    let head = heads[h.recordID]
                    try emit([
                        .number(String(n)), text(head?.name), head?.idNumber.map { .text(o.full ? $0 : Masking.idNumber($0)) } ?? .empty,
                        text(names[h.unitCode] ?? h.unitCode), text(h.villageGroup), text(h.address), text(l.t("poverty." + h.poverty)),
                        h.longitude.map { .number(String($0)) } ?? .empty, h.latitude.map { .number(String($0)) } ?? .empty,
                        .number(String(members[h.recordID] ?? 0)),
                    ])
                }
                page += 1
            }
            return n
        }
    }
}
