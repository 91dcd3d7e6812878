import Foundation
import GuanaiCore
import GuanaiSheets

extension LedgerRow.Words {
    /// The catalogue's words for Core's ledger rules (`LedgerRow`).
    static let catalogue = LedgerRow.Words(
        choiceSeparator: IntakeWords.choiceSeparator, ethnicitySuffix: IntakeWords.ethnicitySuffix,
        childHeader: Dictionary(IntakeWords.childHeaders.map { ($0.key, $0.names[0]) }) { a, _ in a })
}

/// Reads the cells of one row into the strings the registry's inputs take (tokens, ISO dates, normalised ID numbers),
/// or names what is wrong with each cell.
struct IntakeReader: Sendable {
    let columns: [String: IntakeColumn]
    /// Normalised word → token, per catalogue prefix: the catalogue's own labels in both languages, the raw
    /// tokens, and the ledgers' words.
    let vocabulary: [String: [String: String]]

    init(kind: IntakeKind) {
        columns = Dictionary(uniqueKeysWithValues: kind.columns.map { ($0.key, $0) })
        var vocab: [String: [String: String]] = [:]
        for prefix in Set(
            kind.columns.compactMap { c -> String? in
                switch c.kind {
                case .token(let p), .tokens(let p): return p;
                default: return nil
                }
            })
        {
            var words: [String: String] = [:]
            for cat in [Catalogue.en, Catalogue.zh] {
                for (k, v) in cat where k.hasPrefix(prefix + ".") {
                    let token = String(k.dropFirst(prefix.count + 1))
                    words[Self.word(v)] = token
                    words[Self.word(token)] = token
                }
            }
            // The token itself too: a prefix may have no catalogue labels of its own yet.
            for (token, extra) in IntakeWords.values[prefix] ?? [:] {
                words[Self.word(token)] = token
                for w in extra { words[Self.word(w)] = token }
            }
            vocab[prefix] = words
        }
        vocabulary = vocab
    }

    static func word(_ s: String) -> String {
        String(Normalize.text(s).lowercased().unicodeScalars.filter { !CharacterSet.whitespacesAndNewlines.contains($0) })
    }

    /// key → value for every mapped, non-empty cell; problems for cells that cannot be read.
    func read(_ row: SheetRow, mapping: [Int: String]) -> (values: [String: String], problems: [CellProblem]) {
        var values: [String: String] = [:]
        var problems: [CellProblem] = []
        for (index, key) in mapping {
            guard let col = columns[key] else { continue }
            let cell = row[index]
            if cell.isEmpty { continue }
            switch interpret(cell, col) {
            case .value(let v): values[key] = v
            case .skip: break
            case .problem(let p): problems.append(p)
            }
        }
        return (values, problems)
    }

    enum Outcome { case value(String), skip, problem(CellProblem) }

    /// Token prefixes whose cells LedgerRow (Core) reads through GuanaiCore's LedgerWords (the catalogue's labels and the
    /// raw tokens are still read here).
    static let ledgerWords: Set<String> = ["situation", "relation", FieldName.health.rawValue]

    /// A word not understood: the column, the value and the closest words this column takes.
    func choices(_ field: String, _ value: String, prefix: String) -> CellProblem {
        // One group per token: the catalogue's label first, then the ledgers' words for it.
        let extra = IntakeWords.values[prefix] ?? [:]
        var groups = Catalogue.zh.filter { $0.key.hasPrefix(prefix + ".") }.sorted { $0.key < $1.key }
            .map { [$0.value] + (extra[String($0.key.dropFirst(prefix.count + 1))] ?? []) }
        groups += extra.filter { Catalogue.zh[prefix + "." + $0.key] == nil }.sorted { $0.key < $1.key }.map(\.value)
        return CellProblem(
            field: field, message: "intake.error.wordChoices",
            args: [value, LedgerWords.closest(value, among: groups).joined(separator: IntakeWords.choiceSeparator)])
    }

    func interpret(_ cell: CellValue, _ col: IntakeColumn) -> Outcome {
        let key = col.key
        if case .error(let e) = cell { return .problem(CellProblem(field: key, message: "intake.error.formula", args: [e])) }
        switch col.kind {
        case .text, .village:
            guard let t = Normalize.text(cell), !t.isEmpty else { return .skip }
            return .value(t)
        case .phone:
            guard let t = Normalize.text(cell), !t.isEmpty else { return .skip }
            return .value(t.replacingOccurrences(of: "-", with: "").replacingOccurrences(of: " ", with: ""))
        case .idNumber:
            switch Normalize.idNumber(cell) {
            case .empty: return .skip
            case .text(let s): return .value(s)
            case .lostDigits: return .problem(CellProblem(field: key, message: "intake.error.lostDigits"))
            }
        case .date:
            switch Normalize.date(cell) {
            case .empty: return .skip
            case .date(.day(let y, let m, let d)): return .value(CivilDate(year: y, month: m, day: d)?.iso ?? "")
            case .date(.month(let y, let m)): return .value(String(format: "%04d-%02d", y, m))
            case .januaryOrOctober(let y): return .value(String(format: "%04d-01|%04d-10", y, y))
            case .invalid(let t): return .problem(CellProblem(field: key, message: "intake.error.date", args: [t]))
            }
        case .sex:
            guard let s = Normalize.sex(cell) else {
                return .problem(
                    CellProblem(
                        field: key, message: "intake.error.wordChoices", args: [Normalize.text(cell) ?? "", IntakeWords.templateSex.0]))
            }
            return .value((s == .female ? GuanaiCore.Sex.female : .male).rawValue)
        case .yesNo:
            guard let b = Normalize.yesNo(cell) else {
                return .problem(CellProblem(field: key, message: "intake.error.yesNo", args: [Normalize.text(cell) ?? ""]))
            }
            return .value(b ? "true" : "false")
        case .int:
            guard let t = Normalize.text(cell), let n = Int(t) ?? Double(t).flatMap({ $0 == $0.rounded() ? Int($0) : nil }) else {
                return .problem(CellProblem(field: key, message: "intake.error.number", args: [Normalize.text(cell) ?? ""]))
            }
            return .value(String(n))
        case .decimal:
            guard let t = Normalize.text(cell), Double(t) != nil else {
                return .problem(CellProblem(field: key, message: "intake.error.number", args: [Normalize.text(cell) ?? ""]))
            }
            return .value(t)
        case .money:
            guard let t = Normalize.text(cell), let y = Yuan.ledger(t) else {
                return .problem(CellProblem(field: key, message: "intake.error.money", args: [Normalize.text(cell) ?? ""]))
            }
            return .value(y.description)
        case .token(let prefix):
            guard let t = Normalize.text(cell), !t.isEmpty else { return .skip }
            guard let token = vocabulary[prefix]?[Self.word(t)] else {
                // Read with what they imply (a place, a parent as guardian, a grade) by LedgerWords, row by row.
                if Self.ledgerWords.contains(prefix) { return .value(t) }
                return .problem(choices(key, t, prefix: prefix))
            }
            return .value(token)
        case .tokens(let prefix):
            guard let t = Normalize.text(cell), !t.isEmpty else { return .skip }
            var tokens: [String] = []
            for part in t.split(whereSeparator: { IntakeWords.listSeparators.contains($0) }) where !part.isEmpty {
                guard let token = vocabulary[prefix]?[Self.word(String(part))] else {
                    return .problem(choices(key, String(part), prefix: prefix))
                }
                for t in token.split(separator: ",").map(String.init) where !tokens.contains(t) { tokens.append(t) }
            }
            return .value(tokens.joined(separator: ","))
        }
    }
}
