import Vapor
import GuanaiCore

/// Where the data lives. A file path is SQLite; a postgres:// URL is PostgreSQL.
public enum DatabaseTarget: Sendable, Equatable {
    case sqliteFile(String)
    case sqliteMemory
    case postgres(url: String, searchPath: String? = nil)

    public static func parse(_ s: String) -> DatabaseTarget {
        if s.hasPrefix("postgres://") || s.hasPrefix("postgresql://") { return .postgres(url: s) }
        if s == ":memory:" { return .sqliteMemory }
        return .sqliteFile(s.hasPrefix("sqlite://") ? String(s.dropFirst("sqlite://".count)) : s)
    }

    /// `--database` first, then `DATABASE_URL`, then ./guanai.sqlite.
    public static func resolve(flag: String?, environment: [String: String] = ProcessInfo.processInfo.environment) -> DatabaseTarget {
        if let f = flag, !f.isEmpty { return parse(f) }
        if let e = environment["DATABASE_URL"], !e.isEmpty { return parse(e) }
        return .sqliteFile("guanai.sqlite")
    }

    public var isPostgres: Bool { if case .postgres = self { return true } else { return false } }
}

public struct GuanaiConfig: Sendable {
    public var database: DatabaseTarget
    public var county: String
    public var bcryptCost: Int
    public var clock: any GuanaiCore.Clock
    public var sessionIdleSeconds: TimeInterval = 30 * 60
    public var lockoutThreshold = 5
    public var lockoutSeconds: TimeInterval = 15 * 60
    public var maxBodySize: ByteCount = "2mb"
    /// A form with files (visit photos, a township's spreadsheet) may be this large.
    public var maxUploadSize: ByteCount = "40mb"
    /// Inflated bytes one imported workbook may expand to (each part and all together); the other bounds of a
    /// spreadsheet are Excel's own (`SheetLimits`). See docs/security.md.
    public var maxExpandedBytes = 200_000_000
    /// How long one preview or commit from the pages may take before it is stopped (the CLI has none).
    public var importDeadlineSeconds: Double = 600
    /// A preview stops once its page has not polled for this long (`PreviewWatch`); how often the run looks.
    public var previewHeartbeatSeconds = PreviewWatch.heartbeatSeconds
    public var previewCheckSeconds = PreviewWatch.checkSeconds
    /// Imports (previews and commits) one instance runs at once; more are answered 429. Each account runs one at a
    /// time across all instances (`intake_uploads.claimed_until`).
    public var importsPerInstance = max(1, ProcessInfo.processInfo.activeProcessorCount / 2)
    /// Minutes between sweeps run inside the server; 0 = none (tests, and instances left to another sweeper).
    public var sweepMinutes: Double = 0
    /// Where the outbox's webhook channel posts alerts (an SMS gateway, a 企业微信 robot); nil = inbox only.
    public var webhookURL: String? = nil
    /// How the service is reached: plain HTTP, always HTTPS (TLS ends at a proxy that forwards every request), or
    /// HTTPS when the proxy says so in `X-Forwarded-Proto`. Over HTTPS cookies are `Secure` and HSTS is sent.
    public var https: HTTPSMode = .off
    /// Where imports and exports keep their working files (`WorkDir`); nil: beside the SQLite file, or a per-user
    /// folder in the system temp folder.
    public var workDir: URL? = nil

    public init(
        database: DatabaseTarget, county: String = DivisionCatalog.defaultCounty, bcryptCost: Int = 12,
        clock: any GuanaiCore.Clock = SystemClock()
    ) {
        self.database = database
        self.county = county
        self.bcryptCost = bcryptCost
        self.clock = clock
    }
}

public enum HTTPSMode: String, Sendable, CaseIterable {
    case off, always, forwarded
}

struct GuanaiConfigKey: StorageKey { typealias Value = GuanaiConfig }

extension Application {
    public var guanai: GuanaiConfig {
        get { storage[GuanaiConfigKey.self] ?? GuanaiConfig(database: .sqliteMemory) }
        set { storage[GuanaiConfigKey.self] = newValue }
    }
    var now: Date { guanai.clock.now() }
}

extension Request {
    var now: Date { application.guanai.clock.now() }
}
