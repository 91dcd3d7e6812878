import ArgumentParser
import Foundation
import GuanaiCore
import GuanaiWeb
import Vapor

@main
struct Guanai: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "guanai",
        abstract: "关爱 — 农村留守妇女儿童关爱行动 (Guanai: care for rural left-behind women and children)",
        subcommands: [
            Serve.self, Migrate.self, UserCommand.self, AuditCommand.self, DemoDataCommand.self, SweepCommand.self, ImportCommand.self,
            ExportCommand.self, DivisionsCommand.self, BenchCommand.self, PairingBenchCommand.self, SweepBenchCommand.self,
            SitingBenchCommand.self, CoverageBenchCommand.self, LoanBenchCommand.self, RightsBenchCommand.self, HealthBenchCommand.self,
        ]
    )
}

struct DatabaseOptions: ParsableArguments {
    @ArgumentParser.Option(help: "SQLite file path or postgres:// URL (default: $DATABASE_URL, else ./guanai.sqlite)")
    var database: String?

    @ArgumentParser.Option(help: "County-level unit of Hubei whose divisions are loaded (default 421081 石首市)")
    var county: String = DivisionCatalog.defaultCounty

    @ArgumentParser.Option(
        help: .init(
            "Folder for import and export working files (default: guanai-tmp/ beside the SQLite "
                + "file, else a per-user folder in the system temp folder)"))
    var workDir: String?

    var config: GuanaiConfig {
        var c = GuanaiConfig(database: DatabaseTarget.resolve(flag: database), county: county)
        c.workDir = workDir.map { URL(fileURLWithPath: $0, isDirectory: true) }
        return c
    }
}

/// Builds a configured app for a one-off command; the caller shuts it down.
func withApp<T>(_ options: DatabaseOptions, _ body: (Application) async throws -> T) async throws -> T {
    let app = try await Application.make(Environment(name: "production", arguments: ["guanai"]))
    // GUANAI_LOG=debug shows every SQL statement a command runs.
    if let level = ProcessInfo.processInfo.environment["GUANAI_LOG"].flatMap(Logger.Level.init(rawValue:)) { app.logger.logLevel = level }
    do {
        try await GuanaiApp.configure(app, options.config)
        let r = try await body(app)
        try await app.asyncShutdown()
        return r
    } catch {
        try? await app.asyncShutdown()
        throw error
    }
}

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Run the web server")
    @ArgumentParser.OptionGroup var db: DatabaseOptions
    @ArgumentParser.Flag(help: "Create one account per role and demo data, and print the logins") var demo = false
    @ArgumentParser.Option(help: "Address to listen on") var hostname = "127.0.0.1"
    @ArgumentParser.Option(help: "Port to listen on") var port = 8080
    @ArgumentParser.Option(help: "Minutes between safety-net sweeps run by this server (0: none)") var sweepMinutes: Double = 5
    @ArgumentParser.Option(help: "Webhook for alert notifications (SMS gateway, 企业微信 robot); default $GUANAI_WEBHOOK_URL") var webhookUrl:
        String?
    @ArgumentParser.Option(
        help: .init(
            "off | always (TLS ends at a proxy) | forwarded (trust the proxy's X-Forwarded-Proto); " + "default $GUANAI_HTTPS, else off"))
    var https: String?

    func run() async throws {
        var env = Environment(name: "production", arguments: ["guanai", "serve", "--hostname", hostname, "--port", String(port)])
        try LoggingSystem.bootstrap(from: &env)
        let app = try await Application.make(env)
        do {
            var config = db.config
            config.sweepMinutes = sweepMinutes
            config.webhookURL = webhookUrl ?? ProcessInfo.processInfo.environment["GUANAI_WEBHOOK_URL"]
            let mode = https ?? ProcessInfo.processInfo.environment["GUANAI_HTTPS"] ?? "off"
            guard let m = HTTPSMode(rawValue: mode) else { throw ValidationError("--https must be off, always or forwarded") }
            config.https = m
            try await GuanaiApp.configure(app, config)
            if demo {
                for login in try await Demo.seed(app) { print("\(login.role.rawValue) \(login.username) \(login.password)") }
                let added = try await DemoData.load(app, children: 240, seed: 2026)
                let women = try await DemoData.loadWomen(app, women: 60, seed: 2026)
                let volunteers = try await DemoData.loadVolunteers(app)
                try await DemoData.loadTownshipChildren(app)
                try await DemoData.loadStations(app)
                try await DemoData.loadStationDays(app)
                try await DemoData.loadNeighbourGroups(app)
                try await DemoData.loadPoints(app)
                try await DemoData.loadDonations(app)
                try await DemoData.loadEvents(app)
                try await DemoData.loadTraining(app)
                try await DemoData.loadJobFairs(app)
                try await DemoData.loadLoans(app)
                try await DemoData.loadRights(app)
                try await DemoData.loadHealth(app)
                if added + women + volunteers > 0 {
                    print(
                        "demo: \(added) synthetic children, \(women) synthetic women and \(volunteers) synthetic " + "volunteers registered"
                    )
                }
            }
            print("guanai: listening on http://\(hostname):\(port)")
            try await app.execute()
            try await app.asyncShutdown()
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
    }
}

struct Migrate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Run database migrations and load the county's divisions")
    @ArgumentParser.OptionGroup var db: DatabaseOptions
    func run() async throws {
        try await withApp(db) { _ in print("migrated") }
    }
}

struct UserCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "user", abstract: "Manage accounts", subcommands: [Create.self])

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Create an account and print its one-time password")
        @ArgumentParser.OptionGroup var db: DatabaseOptions
        @ArgumentParser.Option var username: String
        @ArgumentParser.Option(
            help: .init(
                "city_admin | township_staff | village_worker | volunteer | partner_health | partner_hr " + "| partner_justice | inspector")
        ) var role: String
        @ArgumentParser.Option(help: "12-digit unit code (or 6/9 digits)") var unit: String
        @ArgumentParser.Option(help: "Display name") var name: String?
        @ArgumentParser.Option var phone: String?

        func run() async throws {
            let pw = try await withApp(db) { app in
                try await Admin.createUser(
                    app, username: username, role: role, unit: DivisionCode(unit)?.value ?? unit, displayName: name, phone: phone)
            }
            print("\(username) \(pw)")
        }
    }
}

struct AuditCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "audit", abstract: "The audit trail", subcommands: [Verify.self])

    struct Verify: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Check the hash chain of the audit trail")
        @ArgumentParser.OptionGroup var db: DatabaseOptions
        func run() async throws {
            let r = try await withApp(db) { app in try await Admin.verifyAudit(app) }
            if r.ok {
                print("audit chain ok: \(r.checked) entries")
            } else {
                print("audit chain BROKEN at entry \(r.firstBroken ?? 0): \(r.problem ?? "")")
                throw ExitCode(1)
            }
        }
    }
}

struct DemoDataCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo-data", abstract: "Register deterministic synthetic children (never real people)")
    @OptionGroup var db: DatabaseOptions
    @ArgumentParser.Option(help: "How many children") var children = 240
    @ArgumentParser.Option(help: "How many left-behind women") var women = 60
    @ArgumentParser.Option(help: "Seed: the same seed gives the same people") var seed: UInt64 = 2026

    func run() async throws {
        let (kids, adults) = try await withApp(db) { app in
            (try await DemoData.load(app, children: children, seed: seed), try await DemoData.loadWomen(app, women: women, seed: seed))
        }
        print("registered \(kids) synthetic children and \(adults) synthetic women")
    }
}

struct SweepCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sweep", abstract: "Recompute what time changes: exits at 16 and 18, women reaching six months")
    @OptionGroup var db: DatabaseOptions
    @ArgumentParser.Option(help: .init("Run as if it were this instant (ISO-8601, e.g. 2027-03-01T08:00:00Z), for drills " + "and tests"))
    var now: String?
    @ArgumentParser.Flag(help: "Also recount station coverage for every village (after a bulk load, or to check the kept counts)")
    var fullCoverage = false

    func run() async throws {
        var at = Date()
        if let n = now {
            guard let d = try? Date(n, strategy: .iso8601) else {
                throw ValidationError("--now must be ISO-8601, e.g. 2027-03-01T08:00:00Z")
            }
            at = d
        }
        let full = fullCoverage
        let (r, villages) = try await withApp(db) { app in
            let r = try await SafetySweep.run(on: app.db, at: at)
            return (r, full && !r.skipped ? try await SafetySweep.fullCoverage(on: app.db, at: at) : 0)
        }
        if r.skipped { print("sweep: another sweep is running; nothing done"); return }
        if full { print("coverage: \(villages) villages recounted") }
        print(
            "sweep: \(r.registry.children) children and \(r.registry.women) women due for classification, "
                + "\(r.registry.changed) changed; \(r.risk) tiers reviewed; \(r.escalations) alert "
                + "escalations; \(r.overdue) overdue visits escalated; \(r.contactReminders) contact " + "reminders")
    }
}

struct BenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench-registry", abstract: "Benchmark fixture and timings for bench/registry.sh", shouldDisplay: false)
    @OptionGroup var db: DatabaseOptions
    @ArgumentParser.Option var children = 1_000_000

    func run() async throws {
        let f = try await withApp(db) { app in try await RegistryBench.run(app, children: children) }
        print(
            String(
                format: "rows=%d load_s=%.1f first_page_ms=%.1f filtered_ms=%.1f detail_ms=%.1f", f.rows, f.loadSeconds, f.firstPageMs,
                f.filteredMs, f.detailMs))
        print("other lists (no target): " + f.extraMs.map { String(format: "%@_ms=%.1f", $0.0, $0.1) }.joined(separator: " "))
        print(
            String(
                format: "targets: first page %.2f of 200 ms, filtered %.2f of 200 ms, detail %.2f of 50 " + "ms", f.firstPageMs / 200,
                f.filteredMs / 200, f.detailMs / 50))
    }
}

struct SweepBenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench-sweep", abstract: "Benchmark fixture and timings for bench/sweep.sh", shouldDisplay: false)
    @OptionGroup var db: DatabaseOptions
    @ArgumentParser.Option var children = 1_000_000
    @ArgumentParser.Option var visitsPerChild = 10

    func run() async throws {
        let f = try await withApp(db) { app in try await SweepBench.run(app, children: children, visitsPerChild: visitsPerChild) }
        print(
            String(
                format: "children=%d visits=%d load_s=%.1f first_sweep_s=%.1f steady_sweep_ms=%.1f overdue_count_ms=%.1f overdue=%d",
                f.children, f.visits, f.loadSeconds, f.firstSweepSeconds, f.steadySweepMs, f.overdueCountMs, f.overdue))
        print(
            String(
                format: "steady sweep %.2f of the 1 s target; %.1f× one indexed count of overdue children", f.steadySweepMs / 1000,
                f.steadySweepMs / max(f.overdueCountMs, 0.001)))
    }
}

struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Read a ledger (.xlsx or .csv): the registry, volunteers, stations, enrolments, neighbour groups, sites",
        discussion: "Exit code 0: no row rejected; 1: some rows rejected (the others are imported unless "
            + "--dry-run); 2: the file cannot be read.")
    @OptionGroup var db: DatabaseOptions
    @ArgumentParser.Argument(
        help: .init(
            "children, women, households, volunteers, stations, enrolments, neighbour_groups, sites, "
                + "training_enrolments, fair_attendees, loans or repayments"))
    var kind: String
    @ArgumentParser.Argument(help: "The .xlsx or .csv file") var file: String
    @ArgumentParser.Option(
        help: .init(
            "Scope (division code): rows for villages outside it are rejected; the village of "
                + "every row when the file has no village column")) var unit: String
    @ArgumentParser.Option(help: "Sheet name (default: the first visible sheet)") var sheet: String?
    @ArgumentParser.Flag(help: "Check every row, write nothing") var dryRun = false
    @ArgumentParser.Option(help: "Write the report as JSON to this file") var report: String?
    @ArgumentParser.Option(
        name: .customLong("as"),
        help: .init("Act as this account (its jurisdiction and permissions apply; it is named in the " + "audit trail)")) var asUser:
        String?

    func run() async throws {
        let outcome = try await withApp(db) { app in
            try await IntakeCLI.importFile(app, kind: kind, file: file, unit: unit, sheet: sheet, dryRun: dryRun, as: asUser)
        }
        if let report { try outcome.reportJSON.write(to: URL(fileURLWithPath: report)) }
        print(outcome.summary)
        if outcome.exitCode != 0 { throw ExitCode(outcome.exitCode) }
    }
}

struct ExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export", abstract: "Write a list as .xlsx or .csv (ID numbers and phones masked unless --full)")
    @OptionGroup var db: DatabaseOptions
    @ArgumentParser.Argument(help: "children, women or households") var kind: String
    @ArgumentParser.Option(help: "Division code whose records are exported") var unit: String
    @ArgumentParser.Option(help: "xlsx or csv") var format = "xlsx"
    @ArgumentParser.Option(help: "Output file") var out: String
    @ArgumentParser.Flag(help: "Full ID numbers and phones (audited)") var full = false
    @ArgumentParser.Option(name: .customLong("as"), help: "Act as this account") var asUser: String?

    func run() async throws {
        let n = try await withApp(db) { app in
            try await IntakeCLI.export(app, kind: kind, unit: unit, format: format, out: out, full: full, as: asUser)
        }
        print("exported \(n) rows to \(out)")
    }
}

struct PairingBenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench-pairing", abstract: "Solve a pairing instance file for bench/pairing.sh", shouldDisplay: false)
    @ArgumentParser.Argument var file: String

    func run() async throws {
        let r = try PairingBench.measure(path: file)
        print("cost \(r.cost)")
        print("seconds \(r.seconds)")
        print("cpu_seconds \(r.cpuSeconds)")
    }
}

struct SitingBenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench-siting", abstract: "Build, export and solve the siting instance for bench/siting.sh", shouldDisplay: false)
    @ArgumentParser.Option var seed: UInt64 = 20_240_601
    @ArgumentParser.Option var reach: Int = 3_000
    @ArgumentParser.Option(help: "Counts to solve, comma-separated") var counts: String = "5,10,20,40"
    @ArgumentParser.Option(help: "Write the instance as CP-SAT reads it") var export: String?

    func run() async throws {
        let instance = SitingBench.instance(seed: seed)
        if let export {
            try SitingBench.exportJSON(instance, reachMetres: reach).write(toFile: export, atomically: true, encoding: .utf8)
        }
        for r in SitingBench.run(instance, counts: counts.split(separator: ",").compactMap { Int($0) }, reachMetres: reach) {
            print("n \(r.count) objective \(r.objective) bound \(r.upperBound) sites \(r.sites) seconds \(r.seconds)")
        }
    }
}

struct CoverageBenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench-coverage", abstract: "Fixture and timings for bench/coverage.sh", shouldDisplay: false)
    @OptionGroup var db: DatabaseOptions
    @ArgumentParser.Option var seed: UInt64 = 20_240_601

    func run() async throws {
        let f = try await withApp(db) { app in try await StationCoverageBench.run(app, seed: seed) }
        print(
            "left_behind \(f.leftBehind) stations \(f.stations) enrolments \(f.enrolments) villages \(f.villages) equal_live \(f.equal)")
        print(
            String(
                format: "load_s %.1f full_recount_s %.3f sweep_step_ms %.1f endpoint_ms %.1f live_ms %.1f", f.loadSeconds, f.fullSeconds,
                f.stepMs, f.endpointMs, f.liveMs))
        if !f.equal { throw ExitCode(1) }
    }
}

struct LoanBenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench-loans", abstract: "Fixture and timings for bench/loans.sh", shouldDisplay: false)
    @OptionGroup var db: DatabaseOptions
    @ArgumentParser.Option var loans = 100_000
    @ArgumentParser.Option var seed: UInt64 = 20_201_231
    @ArgumentParser.Option(help: "Write the quarter's rows as JSON for bench/loans_decimal.py") var export: String?

    func run() async throws {
        let f = try await withApp(db) { app in try await LoanBench.run(app, loans: loans, seed: seed, export: export) }
        print("loans \(f.loans) repayments \(f.repayments) portfolio_agrees \(f.portfolioAgrees) \(f.portfolio)")
        print("quarter_loans \(f.subsidyLoans) quarter_subsidy \(f.subsidyTotal)")
        print(
            String(
                format: "load_s %.1f portfolio_ms %.1f hand_sql_ms %.1f subsidy_run_ms %.1f", f.loadSeconds, f.portfolioMs, f.handSQLms,
                f.subsidyMs))
        if !f.portfolioAgrees { throw ExitCode(1) }
    }
}

struct RightsBenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench-rights", abstract: "Fixture and timings for bench/rights.sh", shouldDisplay: false)
    @OptionGroup var db: DatabaseOptions
    @ArgumentParser.Option var cases = 200_000
    @ArgumentParser.Option var seed: UInt64 = 20_260_308
    @ArgumentParser.Option(help: "Timed runs of each side, after the warm-ups") var runs = 30
    @ArgumentParser.Option var warmups = 3

    func run() async throws {
        let f = try await withApp(db) { app in
            try await RightsBench.run(app, cases: cases, seed: seed, runs: runs, warmups: warmups)
        }
        print("cases \(f.cases) city_cases \(f.cityCases) villages \(f.villages)")
        print(String(format: "divisions_s %.1f load_s %.1f", f.divisionsSeconds, f.loadSeconds))
        for s in f.scopes {
            print("\(s.name)_unit \(s.unit) \(s.name)_agree \(s.agrees) \(s.summary)")
            for d in s.differences.prefix(20) { print("  \(s.name) differs: \(d)") }
            let times = [("ours_ms", s.ours.median), ("ours_p95_ms", s.ours.p95), ("sql_ms", s.sql.median), ("sql_p95_ms", s.sql.p95)]
            print(times.map { "\(s.name)_\($0.0) " + String(format: "%.2f", $0.1) }.joined(separator: " "))
        }
        if f.scopes.contains(where: { !$0.agrees }) { throw ExitCode(1) }
    }
}

struct HealthBenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench-health", abstract: "Fixture and timings for bench/health.sh", shouldDisplay: false)
    @OptionGroup var db: DatabaseOptions
    @ArgumentParser.Option var women = 3_000_000
    @ArgumentParser.Option var screenings = 1_000_000
    @ArgumentParser.Option var seed: UInt64 = 20_261_203
    @ArgumentParser.Option(help: "Timed runs of each side, after the warm-ups") var runs = 30
    @ArgumentParser.Option var warmups = 3

    func run() async throws {
        let f = try await withApp(db) { app in
            try await HealthBench.run(app, women: women, screenings: screenings, seed: seed, runs: runs, warmups: warmups)
        }
        print("women \(f.women) screenings \(f.screenings) followups \(f.followups) villages \(f.villages)")
        print(String(format: "divisions_s %.1f load_s %.1f", f.divisionsSeconds, f.loadSeconds))
        for s in f.scopes {
            print("\(s.name)_unit \(s.unit) \(s.name)_agree \(s.agrees) \(s.summary)")
            for d in s.differences.prefix(20) { print("  \(s.name) differs: \(d)") }
            let times = [("ours_ms", s.ours.median), ("ours_p95_ms", s.ours.p95), ("sql_ms", s.sql.median), ("sql_p95_ms", s.sql.p95)]
            print(times.map { "\(s.name)_\($0.0) " + String(format: "%.2f", $0.1) }.joined(separator: " "))
        }
        if f.scopes.contains(where: { !$0.agrees }) { throw ExitCode(1) }
    }
}
