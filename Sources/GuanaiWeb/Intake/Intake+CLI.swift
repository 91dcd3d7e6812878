import Fluent
import Vapor
import GuanaiCore
import GuanaiSheets

/// `guanai import` and `guanai export`: the same runs the pages use, scoped to `--unit`, acting as `--as` or as the
/// system actor, and audited either way.
public enum IntakeCLI {
    public struct ImportOutcome: Sendable {
        public let reportJSON: Data
        /// 0 no row rejected, 1 some rejected, 2 the file could not be read.
        public let exitCode: Int32
        public let summary: String
    }

    public static func importFile(
        _ app: Application, kind: String, file: String, unit: String, sheet: String?, dryRun: Bool, as username: String?
    ) async throws -> ImportOutcome {
        guard let k = IntakeKind(rawValue: kind) else {
            throw Abort(
                .badRequest, reason: "kind must be one of " + IntakeKind.allCases.map(\.rawValue).joined(separator: ", "))
        }
        let (scoped, actor, u) = try await scope(app, unit: unit, as: username) {
            Policy.mayImport($0, k)
        }
        let url = URL(fileURLWithPath: file)
        let rejected = url.deletingPathExtension().appendingPathExtension("rejected.xlsx")
        var run = ImportRun(kind: k, file: url, fileName: url.lastPathComponent, unit: u, scoped: scoped, actor: actor, at: app.now)
        run.sheet = sheet
        run.signer = try await signer(app, username)
        run.dryRun = dryRun
        run.rejectedOut = rejected
        run.previewLimit = 0
        run.limits = ImportRun.limits(app.guanai)
        do {
            let r = try await run.run()
            let enc = JSONEncoder()
            enc.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            let json = try enc.encode(r.report)
            var summary =
                "\(dryRun ? "dry run: " : "")accepted \(r.report.accepted), duplicates \(r.report.duplicates), "
                + "rejected \(r.report.rejected), warnings \(r.report.warnings)"
            if r.rejectedFile != nil { summary += "; rejected rows in \(rejected.path)" }
            return ImportOutcome(reportJSON: json, exitCode: r.report.rejected > 0 ? 1 : 0, summary: summary)
        } catch let e as IntakeFileError {
            let message = UILanguage.zh.t(e.key, e.args.first ?? "")
            let json = try JSONSerialization.data(
                withJSONObject: [
                    "accepted": 0, "duplicates": 0, "rejected": 0, "warnings": 0,
                    "errors": [["row": 0, "column": "", "message": message]],
                ], options: [.sortedKeys])
            return ImportOutcome(reportJSON: json, exitCode: 2, summary: message)
        }
    }

    public static func export(_ app: Application, kind: String, unit: String, format: String, out: String, full: Bool, as username: String?)
        async throws -> Int
    {
        guard let k = IntakeKind(rawValue: kind), [.children, .women, .households].contains(k),
            let fmt = LedgerExport.Format(rawValue: format)
        else {
            throw Abort(.badRequest, reason: "kind: children|women|households; format: xlsx|csv")
        }
        let (scoped, actor, u) = try await scope(app, unit: unit, as: username) {
            Policy.mayExport($0, IntakePagesController.recordKind(k), full: full)
        }
        let options = LedgerExport.Options(full: full, today: RegistryService.today(app.now))
        let title = UILanguage.zh.t("intake.exportTitle", u.shortName + UILanguage.zh.t("intake.title." + kind), options.today.iso)
        let n = try await LedgerExport.write(
            fmt, to: URL(fileURLWithPath: out), title: title, columns: LedgerExport.columns(k, .zh),
            rows: LedgerExport.producer(k, unit: u.code, scoped: scoped, options: options))
        try await AuditLog.append(
            AuditEvent(
                full ? AuditAction.reveal : AuditAction.export, k.recordType, "list", unit: u.code,
                detail: ["rows": String(n), "format": format, "full": String(full), "via": "cli"]), by: actor, at: app.now, on: app.db)
        return n
    }

    /// The named account's own rights, through the same `Policy` rules as the pages: its role must be allowed this
    /// work on this kind of record, inside its jurisdiction.
    static func scope(_ app: Application, unit: String, as username: String?, allowed: (Role) -> Bool) async throws -> (
        Scoped, AuditActor, Unit
    ) {
        guard let code = DivisionCode(unit), let u = try await Unit.find(code.value, on: app.db) else {
            throw Abort(.badRequest, reason: "no unit \(unit)")
        }
        guard let name = username else {
            return (
                Scoped(db: app.db, jurisdiction: Jurisdiction(root: code)), AuditActor(id: nil, name: "cli", ip: "-", unitCode: u.code), u
            )
        }
        guard let user = try await User.query(on: app.db).filter(\.$username == name).first(), !user.disabled,
            let own = DivisionCode(user.unitCode)
        else { throw Abort(.badRequest, reason: "no active account \(name)") }
        guard allowed(user.role), Jurisdiction(root: own).contains(code) else {
            throw Abort(.forbidden, reason: "\(name) may not do this for \(unit)")
        }
        return (
            Scoped(db: app.db, jurisdiction: Jurisdiction(root: code)),
            AuditActor(id: user.id?.uuidString, name: user.displayName, ip: "cli", unitCode: user.unitCode), u
        )
    }
}

extension LedgerExport {
    static func columns(_ k: IntakeKind, _ l: UILanguage) -> [Column] {
        switch k {
        case .children: return childColumns(l)
        case .women: return womanColumns(l)
        case .households: return householdColumns(l)
        case .volunteers, .stations, .enrolments, .neighbourGroups, .sites, .trainingEnrolments, .fairAttendees, .loans, .repayments,
            .screeningResults, .teamMembers:
            return []
        }
    }

    /// Everything registered in `unit` (active records, as the lists show by default).
    static func producer(_ k: IntakeKind, unit: String, scoped: Scoped, options: Options) -> Producer {
        switch k {
        case .children:
            var f = ChildFilter(); f.unit = unit
            return children(f, scoped: scoped, options: options)
        case .women:
            var f = WomanFilter(); f.unit = unit
            return women(f, scoped: scoped, options: options)
        case .households:
            var f = HouseholdFilter(); f.unit = unit
            return households(f, scoped: scoped, options: options)
        case .volunteers, .stations, .enrolments, .neighbourGroups, .sites, .trainingEnrolments, .fairAttendees, .loans, .repayments,
            .screeningResults, .teamMembers:
            // Not exported (the CLI refuses the kind before it gets here): an empty list.
            return { _ in 0 }
        }
    }
}

extension WomanFilter { init() {} }
extension HouseholdFilter { init() {} }
