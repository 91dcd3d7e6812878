import Fluent
import Vapor
import GuanaiCore
import GuanaiSheets

/// What an import did, in the shape the CLI's `--report` writes.
struct ImportReport: Codable, Sendable, Equatable {
    struct RowError: Codable, Sendable, Equatable { let row: Int; let column: String; let message: String }
    var accepted = 0
    var duplicates = 0
    var rejected = 0
    var warnings = 0
    var errors: [RowError] = []
    /// What was assumed or is worth a look, per row (the rows are imported): a column the file lacks derived, a word
    /// read with a guess (残疾 without a grade), a likely duplicate.
    var notes: [RowError] = []
}

/// One row as the preview shows it.
struct ImportPreviewRow: Sendable, Codable {
    enum Outcome: String, Sendable, Codable { case accepted, duplicate, rejected }
    let row: Int
    let outcome: Outcome
    let summary: String
    let messages: [String]
    let warning: String?
}

struct ImportResult: Sendable {
    let sheetNames: [String]
    let sheetName: String?
    let header: HeaderMatch
    /// Header text by column, as the file shows it.
    let headerText: [Int: String]
    let report: ImportReport
    let preview: [ImportPreviewRow]
    let rejectedFile: URL?
}

/// A file that cannot be read at all (CLI exit code 2), said in the catalogue's words.
struct IntakeFileError: Error, Sendable {
    let key: String
    var args: [String] = []
}

/// Reads one ledger file and registers its rows: each row goes through the same service a form uses, inside one
/// transaction for the whole file (all or none), rolled back at the end of a dry run. Rows are streamed, so memory
/// does not grow with the file; only ID numbers seen (as 64-bit numbers) are kept, to find a row repeated in the file.
struct ImportRun: Sendable {
    let kind: IntakeKind
    var file: URL
    let fileName: String
    var sheet: String? = nil
    /// The scope: rows for villages outside it are rejected; the village of every row when the file has none.
    let unit: Unit
    var scoped: Scoped
    let actor: AuditActor
    let at: Date
    var lang: UILanguage = .zh
    var overrides: [String: String] = [:]
    var dryRun = false
    /// Where rejected rows go, as .xlsx with an 错误原因 column; nil = not written.
    var rejectedOut: URL? = nil
    var previewLimit = 20
    /// Errors listed in the report (every rejected row is still counted and written to the rejected file).
    var errorLimit = 10_000
    /// Bounds on the file, checked while it is read (a crafted workbook is refused before it is expanded).
    var limits = SheetLimits()
    /// When the run gives up (`intake.error.deadline`); nil = never (the CLI).
    var deadline: Date? = nil
    /// Set from outside to stop the run between chunks and batches (a preview whose page was left, shutdown).
    var stop: StopFlag? = nil
    /// The account the rows are the acts of (a loan's applicant, a repayment's booker), for the loans' maker ≠
    /// checker; nil = the actor's name stands for it (the CLI without `--as`).
    var signer: Signer? = nil

    private struct Rollback: Error { let state: State }

    func run() async throws -> ImportResult {
        do { return try await runChecked() } catch let e as SheetError { throw Self.fileError(e) }
    }

    /// The reader's options: the limits, and a stop asked between chunks once the deadline passes or this run
    /// ended (its caller went away or failed), so the reading thread never outlives the run.
    static func readOptions(limits: SheetLimits, deadline: Date?, stopped: StopFlag, also: StopFlag? = nil) -> ReadOptions {
        ReadOptions(limits: limits, shouldStop: { stopped.isSet || also?.isSet == true || deadline.map { Date() > $0 } == true })
    }

    private func runChecked() async throws -> ImportResult {
        let stopped = StopFlag()
        defer { stopped.set() }
        let reader = try SheetReader.open(
            file, sheet: sheet, options: Self.readOptions(limits: limits, deadline: deadline, stopped: stopped, also: stop))
        let pump = RowPump(reader)
        defer { pump.cancel() }
        // The header is somewhere in the first rows, under titles and merged cells.
        var head: [SheetRow] = []
        var pending: [SheetRow] = []
        while head.count < 20, let batch = try await pump.next() {
            let take = min(20 - head.count, batch.count)
            head += batch[0..<take]
            pending += batch[take...]
        }
        guard let match = HeaderMatcher.detect(rows: head, schema: kind.specs, overrides: overrides), !match.columns.isEmpty else {
            throw IntakeFileError(key: "intake.error.noHeader")
        }
        if !match.missingRequired.isEmpty {
            throw IntakeFileError(
                key: "intake.error.missingColumns", args: [match.missingRequired.map { title($0) }.joined(separator: lang.t("list.sep"))])
        }
        let hasVillage = match.columns.values.contains(kind.placeKey)
        let unitWillDo = unit.divisionLevel == .village || (kind.allowsTownship && unit.divisionLevel == .township)
        if !kind.placedByRecord && !hasVillage && !unitWillDo { throw IntakeFileError(key: "intake.error.needVillage") }
        let defaultStation = kind.placedByStation && !hasVillage ? try await oneOpenStation() : nil
        let headerRow = head.first { $0.number == match.headerRowNumber }
        var texts: [Int: String] = [:]
        for (i, cell) in (headerRow?.cells ?? []).enumerated() { if let t = Normalize.text(cell), !t.isEmpty { texts[i] = t } }
        let headerText = texts

        var rejectWriter: XLSXWriter? = nil
        if let out = rejectedOut {
            let w = try XLSXWriter(url: out, sheetName: lang.t("intake.rejectedSheet"))
            let width = max((headerRow?.cells.count ?? 0), (headerText.keys.max() ?? -1) + 1)
            try w.setColumns(
                (0..<width).map { XLSXWriter.Column(header: headerText[$0] ?? "", width: 14, kind: .text) } + [
                    XLSXWriter.Column(header: lang.t("intake.reasonColumn"), width: 40, kind: .text)
                ])
            rejectWriter = w
        }
        let rejects = rejectWriter.map(LedgerExport.WriterBox.init)

        let reader2 = IntakeReader(kind: kind)
        let state: State
        let rowsAfterHeader = head.filter { $0.number > match.headerRowNumber } + pending
        let columnWidth = (headerText.keys.max() ?? 0) + 1
        do {
            state = try await scoped.db.transaction { tx -> State in
                var local = State()
                local.defaultStation = defaultStation
                let s = scoped.on(tx)
                // A file of 100,000 rows writes into a dozen indexes at random places: with SQLite's default 2 MB
                // page cache it would spill and re-read pages all the time. 32 MB of this connection's cache.
                if tx.sql.dialect.name == "sqlite" { try await tx.sql.raw("PRAGMA cache_size = -32768").run() }
                let context = ChildContext(settings: try await SafetyService.settings(on: tx))
                context.deferTally = true
                func writeRejects(_ rows: [SheetRow], _ outcomes: [ImportPreviewRow]) throws {
                    for (row, outcome) in zip(rows, outcomes) where outcome.outcome == .rejected {
                        if let w = rejects?.xlsx {
                            var cells = Array(row.cells.prefix(columnWidth))
                            while cells.count < columnWidth { cells.append(.empty) }
                            try w.append(cells + [.text(outcome.messages.joined(separator: lang.t("intake.msgSep")))])
                        }
                    }
                }
                func handle(_ rows: [SheetRow]) async throws {
                    var outcomes: [ImportPreviewRow] = []
                    if kind.groupsRows {
                        // A group is judged once all its rows are read: a row wrong on its own is rejected now.
                        var now: [SheetRow] = []
                        for row in rows {
                            let r = try await read(
                                row, mapping: match.columns, reader: reader2, hasVillage: hasVillage, scoped: s, state: &local)
                            if let o = hold(r, mapping: match.columns, headerText: headerText, state: &local) {
                                now.append(row)
                                outcomes.append(o)
                            }
                        }
                        try writeRejects(now, outcomes)
                        return
                    } else if kind == .children {
                        outcomes = try await processChildren(
                            rows, mapping: match.columns, headerText: headerText, reader: reader2, hasVillage: hasVillage, scoped: s,
                            context: context, state: &local)
                    } else {
                        for row in rows {
                            outcomes.append(
                                try await process(
                                    row, mapping: match.columns, headerText: headerText, reader: reader2, hasVillage: hasVillage, scoped: s,
                                    context: context, state: &local))
                        }
                    }
                    try writeRejects(rows, outcomes)
                }
                try await handle(rowsAfterHeader)
                try await context.flush(by: actor, at: at, on: tx)
                while let batch = try await pump.next() {
                    if let deadline, Date() > deadline { throw SheetError.cancelled }
                    if stop?.isSet == true { throw SheetError.cancelled }
                    try await handle(batch)
                    try await context.flush(by: actor, at: at, on: tx)
                }
                if kind.groupsRows {
                    let (rows, outcomes) = try await finishGroups(mapping: match.columns, headerText: headerText, scoped: s, state: &local)
                    try writeRejects(rows, outcomes)
                    local.preview.sort { $0.row < $1.row }
                }
                try await context.refreshTallies(on: tx)
                if !dryRun {
                    let r = local.report
                    try await AuditLog.append(
                        AuditEvent(
                            AuditAction.import, AuditSubject(kind), fileName, unit: unit.code,
                            detail: [
                                "file": fileName, "accepted": String(r.accepted), "duplicates": String(r.duplicates),
                                "rejected": String(r.rejected), "warnings": String(r.warnings),
                            ]), by: actor, at: at, on: tx)
                }
                if dryRun { throw Rollback(state: local) }
                return local
            }
        } catch let r as Rollback { state = r.state }
        try rejectWriter?.finish()
        return ImportResult(
            sheetNames: reader.sheetNames, sheetName: reader.sheetName, header: match, headerText: headerText, report: state.report,
            preview: state.preview, rejectedFile: state.report.rejected > 0 ? rejectedOut : nil)
    }

    struct State: Sendable {
        var report = ImportReport()
        var preview: [ImportPreviewRow] = []
        var seen = Set<UInt64>()
        var rejectedShown = 0
        var villages: [String: Result<String, CellProblemBox>] = [:]
        /// Rows known by a name in a unit (stations, sites), seen in this file.
        var seenKeys = Set<String>()
        /// Enrolments: the station named by each name met, and the unit's one open station when no column names one.
        var stations: [String: Result<Station, CellProblemBox>] = [:]
        var defaultStation: Station? = nil
        /// Neighbour groups: the rows read so far, by village and group name, in the order first met.
        var groups: [String: [ReadRow]] = [:]
        var groupOrder: [String] = []
        /// Employment ledgers: the course or fair each name (and date) met stands for.
        var named: [String: Result<UUID, CellProblemBox>] = [:]
    }
    struct CellProblemBox: Error, Sendable { let problem: CellProblem }

    /// The column a field's error belongs to: the header as the file shows it, else the schema's name for it.
    func title(_ key: String) -> String { kind.columns.first { $0.key == key }?.names.first ?? key }

    func columnName(_ field: String, mapping: [Int: String], headerText: [Int: String]) -> String {
        var key = field
        for prefix in ["child.", "woman."] where key.hasPrefix(prefix) { key = String(key.dropFirst(prefix.count)) }
        if let i = mapping.first(where: { $0.value == key })?.key, let t = headerText[i] { return t }
        return title(key)
    }

    /// 17 digits identify an ID number (the 18th follows from them); as a number it costs 8 bytes to remember.
    static func idKey(_ s: String) -> UInt64? { s.count == 18 ? UInt64(s.prefix(17)) : nil }

    /// A row read and its village resolved, before any rule that needs the database.
    struct ReadRow {
        let row: SheetRow
        let values: [String: String]
        let village: String?
        let problems: [CellProblem]
        let summary: String
    }

    func read(_ row: SheetRow, mapping: [Int: String], reader: IntakeReader, hasVillage: Bool, scoped s: Scoped, state: inout State)
        async throws -> ReadRow
    {
        var (values, problems) = reader.read(row, mapping: mapping)
        var village: String? = hasVillage ? nil : unit.code
        if hasVillage, !kind.placedByRecord || kind.readsVillageWhenPlaced, let text = values[kind.placeKey] {
            if state.villages[text] == nil { state.villages[text] = try await resolveVillage(text, scoped: s) }
            switch state.villages[text]! {
            case .success(let code): village = code
            case .failure(let box): problems.append(box.problem)
            }
        }
        let summary = [
            values["name"] ?? values["head.name"] ?? "", kind.groupsRows ? values["head.name"] ?? "" : "",
            values["idNumber"].map(Masking.idNumber) ?? values["head.idNumber"].map(Masking.idNumber) ?? "",
        ].filter { !$0.isEmpty }.joined(separator: " ")
        return ReadRow(row: row, values: values, village: village, problems: problems, summary: summary)
    }

    /// Counts a row's outcome, keeps its errors for the report and the first rows for the preview.
    func finish(
        _ r: ReadRow, _ outcome: ImportPreviewRow.Outcome, _ messages: [(String, String)], warnings: [(String, String)] = [],
        state: inout State
    ) -> ImportPreviewRow {
        switch outcome {
        case .accepted: state.report.accepted += 1
        case .duplicate: state.report.duplicates += 1
        case .rejected:
            state.report.rejected += 1
            for (column, message) in messages where state.report.errors.count < errorLimit {
                state.report.errors.append(ImportReport.RowError(row: r.row.number, column: column, message: message))
            }
        }
        let warnings = outcome == .rejected ? [] : warnings
        if !warnings.isEmpty {
            state.report.warnings += 1
            for (column, message) in warnings where state.report.notes.count < errorLimit {
                state.report.notes.append(ImportReport.RowError(row: r.row.number, column: column, message: message))
            }
        }
        let warning = warnings.isEmpty ? nil : warnings.map { $0.0 + lang.t("f.sep") + $0.1 }.joined(separator: lang.t("intake.msgSep"))
        let p = ImportPreviewRow(
            row: r.row.number, outcome: outcome, summary: r.summary, messages: messages.map { $0.0 + lang.t("f.sep") + $0.1 },
            warning: warning)
        if state.preview.count < previewLimit || (outcome == .rejected && state.rejectedShown < previewLimit) {
            state.preview.append(p)
            if outcome == .rejected { state.rejectedShown += 1 }
        }
        return p
    }

    func named(_ ps: [CellProblem], mapping: [Int: String], headerText: [Int: String]) -> [(String, String)] {
        ps.map {
            (
                columnName($0.field, mapping: mapping, headerText: headerText),
                lang.t($0.message, $0.args.first ?? "", $0.args.dropFirst().first ?? "")
            )
        }
    }

    func named(_ e: [FieldError], mapping: [Int: String], headerText: [Int: String]) -> [(String, String)] {
        e.map {
            (
                columnName($0.field, mapping: mapping, headerText: headerText),
                lang.t($0.key, $0.args.first ?? "", $0.args.dropFirst().first ?? "")
            )
        }
    }

    /// Children come in batches: every row is checked on its own, then the batch is looked up and written at once
    /// (`ChildCreation`), in file order, so the outcome of each row is what registering it alone would have given.
    func processChildren(
        _ rows: [SheetRow], mapping: [Int: String], headerText: [Int: String], reader: IntakeReader, hasVillage: Bool, scoped s: Scoped,
        context: ChildContext, state: inout State
    ) async throws -> [ImportPreviewRow] {
        enum Step { case done(ImportPreviewRow.Outcome, [(String, String)]), batch(Int, [(String, String)]) }
        var read: [ReadRow] = [], steps: [Step] = [], batch: [ChildCreation.Row] = []
        let present = Set(mapping.values), today = RegistryService.today(at)
        read.reserveCapacity(rows.count)
        for row in rows {
            let r = try await self.read(row, mapping: mapping, reader: reader, hasVillage: hasVillage, scoped: s, state: &state)
            read.append(r)
            if !r.problems.isEmpty { steps.append(.done(.rejected, named(r.problems, mapping: mapping, headerText: headerText))); continue }
            if let id = r.values["idNumber"].flatMap(Self.idKey), state.seen.contains(id) { steps.append(.done(.duplicate, [])); continue }
            var (input, more, assumed) = LedgerRow.child(r.values, village: r.village, present: present, today: today, words: .catalogue)
            if !more.isEmpty { steps.append(.done(.rejected, named(more, mapping: mapping, headerText: headerText))); continue }
            var c = Checker()
            let village = try await RegistryService.checkVillage(input.villageCode, &c, scoped: s, context: context)
            // A likely duplicate is a warning on an imported row, never a stop.
            input.acknowledgeDuplicates = true
            guard let checked = RegistryService.check(input, village: village, &c, ledger: true) else {
                steps.append(.done(.rejected, named(c.errors, mapping: mapping, headerText: headerText)))
                continue
            }
            steps.append(.batch(batch.count, named(assumed, mapping: mapping, headerText: headerText)))
            batch.append(ChildCreation.Row(input: input, checked: checked))
        }
        let outcomes = batch.isEmpty ? [] : try await ChildCreation.create(batch, scoped: s, actor: actor, at: at, context: context)
        var out: [ImportPreviewRow] = []
        out.reserveCapacity(rows.count)
        for (r, step) in zip(read, steps) {
            switch step {
            case .done(let outcome, let messages): out.append(finish(r, outcome, messages, state: &state))
            case .batch(let i, let warnings):
                let id = r.values["idNumber"].flatMap(Self.idKey)
                switch outcomes[i] {
                case .created(_, let similar):
                    if let id { state.seen.insert(id) }
                    let likely =
                        similar.isEmpty
                        ? [] : [(columnName("name", mapping: mapping, headerText: headerText), lang.t("intake.warning.likelyDuplicate"))]
                    out.append(finish(r, .accepted, [], warnings: likely + warnings, state: &state))
                case .conflict(_?):
                    if let id { state.seen.insert(id) }
                    out.append(finish(r, .duplicate, [], warnings: warnings, state: &state))
                case .conflict(nil):
                    // Registered outside the importer's jurisdiction: not "already here", and nothing about where.
                    out.append(
                        finish(
                            r, .rejected,
                            named(
                                [FieldError(field: "idNumber", key: "registry.error.registeredElsewhere")], mapping: mapping,
                                headerText: headerText), state: &state))
                case .invalid(let errors):
                    out.append(finish(r, .rejected, named(errors, mapping: mapping, headerText: headerText), state: &state))
                case .likelyDuplicates: preconditionFailure("acknowledged above")
                }
            }
        }
        return out
    }

    func process(
        _ row: SheetRow, mapping: [Int: String], headerText: [Int: String], reader: IntakeReader, hasVillage: Bool, scoped s: Scoped,
        context: ChildContext, state: inout State
    ) async throws -> ImportPreviewRow {
        let r = try await read(row, mapping: mapping, reader: reader, hasVillage: hasVillage, scoped: s, state: &state)
        let values = r.values, village = r.village
        if !r.problems.isEmpty {
            return finish(r, .rejected, named(r.problems, mapping: mapping, headerText: headerText), state: &state)
        }
        if kind.isEmployment { return try await employmentRow(r, mapping: mapping, headerText: headerText, scoped: s, state: &state) }
        if kind.recordKind == .health || kind.recordKind == .healthResult {
            return try await healthRow(r, mapping: mapping, headerText: headerText, scoped: s, state: &state)
        }
        let idField = kind == .households ? "head.idNumber" : "idNumber"
        if let id = values[idField].flatMap(Self.idKey) {
            if state.seen.contains(id) { return finish(r, .duplicate, [], state: &state) }
        }
        let key = kind.placedByStation ? nil : values["name"].map { (village ?? "") + "|" + $0 }
        if let key, kind == .stations || kind == .sites {
            if state.seenKeys.contains(key) { return finish(r, .duplicate, [], state: &state) }
        }
        var warnings: [(String, String)] = []
        do {
            switch kind {
            case .children:
                preconditionFailure("children are imported in batches (processChildren)")
            case .women:
                let (input, more, assumed) = LedgerRow.woman(values, village: village, words: .catalogue)
                if !more.isEmpty { return finish(r, .rejected, named(more, mapping: mapping, headerText: headerText), state: &state) }
                warnings = named(assumed, mapping: mapping, headerText: headerText)
                _ = try await WomenService.create(input, scoped: s, actor: actor, at: at)
            case .households:
                try await HouseholdIntake.create(values, village: village, scoped: s, actor: actor, at: at)
            case .volunteers:
                _ = try await PairingService.createVolunteer(LedgerRow.volunteer(values, unit: village), scoped: s, actor: actor, at: at)
            case .stations, .sites:
                if let key { state.seenKeys.insert(key) }
                if try await !createPlace(values, unit: village, scoped: s) { return finish(r, .duplicate, [], state: &state) }
            case .enrolments:
                if try await !enrol(values, scoped: s, state: &state) {
                    if let id = values[idField].flatMap(Self.idKey) { state.seen.insert(id) }
                    return finish(r, .duplicate, [], state: &state)
                }
            case .neighbourGroups:
                preconditionFailure("a group's rows are imported together (finishGroups)")
            case .trainingEnrolments, .fairAttendees, .loans, .repayments:
                preconditionFailure("read by employmentRow")
            case .screeningResults, .teamMembers:
                preconditionFailure("read by healthRow")
            }
            if let id = values[idField].flatMap(Self.idKey) { state.seen.insert(id) }
            return finish(r, .accepted, [], warnings: warnings, state: &state)
        } catch is ConflictError {
            if let id = values[idField].flatMap(Self.idKey) { state.seen.insert(id) }
            return finish(r, .duplicate, [], state: &state)
        } catch let e as FieldErrors {
            return finish(r, .rejected, named(e.items, mapping: mapping, headerText: headerText), state: &state)
        }
    }

    func resolveVillage(_ text: String, scoped s: Scoped) async throws -> Result<String, CellProblemBox> {
        var found: Unit? = nil
        if DivisionCode(text) != nil { found = try await s.unit(text) }
        let levels: Set<DivisionLevel> = kind.allowsTownship ? [.village, .township] : [.village]
        if found == nil { found = try await s.units(named: text).first { levels.contains($0.divisionLevel) && $0.isActive } }
        guard let u = found, levels.contains(u.divisionLevel), u.isActive,
            unit.code == u.code || DivisionCode(unit.code).map({ Jurisdiction(root: $0).contains(DivisionCode(u.code)!) }) == true
        else {
            return .failure(
                CellProblemBox(
                    problem: CellProblem(
                        field: kind.placeKey, message: kind.allowsTownship ? "intake.error.unit" : "intake.error.village", args: [text])))
        }
        return .success(u.code)
    }

    static func fileError(_ e: SheetError) -> IntakeFileError {
        switch e {
        case .noSuchSheet(let name): return IntakeFileError(key: "intake.error.noSheet", args: [name])
        case .legacyXLS: return IntakeFileError(key: "intake.error.xls")
        case .limit(let which, let limit, _):
            return IntakeFileError(key: "intake.error.limit." + which.rawValue, args: [Self.amount(which, limit)])
        case .cancelled: return IntakeFileError(key: "intake.error.deadline")
        default: return IntakeFileError(key: "intake.error.unreadable")
        }
    }

    /// The configured bounds: the expanded size is the deployment's to set, the rest are Excel's own.
    static func limits(_ config: GuanaiConfig) -> SheetLimits {
        var l = SheetLimits()
        l.maxPartBytes = config.maxExpandedBytes
        l.maxPackageBytes = config.maxExpandedBytes
        return l
    }

    /// A limit as the message shows it: bytes in MB, everything else as a plain count.
    static func amount(_ which: SheetLimit, _ limit: Int) -> String {
        switch which {
        case .partSize, .packageSize, .sharedStringBytes, .sheetText, .rowLength, .markupLength:
            return limit >= 1_000_000 ? String(limit / 1_000_000) + " MB" : String(max(1, limit / 1_000)) + " KB"
        default:
            return String(limit)
        }
    }
}

/// Set once, read from the reader's thread.
final class StopFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false
    var isSet: Bool { lock.lock(); defer { lock.unlock() }; return value }
    func set() { lock.lock(); value = true; lock.unlock() }
}
