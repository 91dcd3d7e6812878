import Fluent
import FluentSQLiteDriver
import SQLKit

/// SQLite transactions that take the write lock when they begin. Fluent's SQLite driver opens a deferred `BEGIN`:
/// the transaction reads under a shared lock, and when it then writes while another connection is writing, SQLite
/// cannot let it wait (each would wait for the other) and answers "database is locked" at once — a 500 to the
/// client. Nearly every transaction here writes (the audit trail alone reads its head, then appends), so each one
/// starts with `BEGIN IMMEDIATE`: a second writer waits at its start, in SQLiteNIO's busy handler, until the first
/// commits. PostgreSQL is left as it is.
struct ImmediateSQLiteConfiguration: DatabaseConfiguration {
    var base: any DatabaseConfiguration
    var middleware: [any AnyModelMiddleware] {
        get { base.middleware }
        set { base.middleware = newValue }
    }

    func makeDriver(for databases: Databases) -> any DatabaseDriver { Driver(base: base.makeDriver(for: databases)) }

    struct Driver: DatabaseDriver {
        let base: any DatabaseDriver
        func makeDatabase(with context: DatabaseContext) -> any Database { ImmediateSQLiteDatabase(base: base.makeDatabase(with: context)) }
        func shutdown() { base.shutdown() }
        func shutdownAsync() async { await base.shutdownAsync() }
    }
}

extension DatabaseConfigurationFactory {
    static func immediateSQLite(_ configuration: SQLiteConfiguration) -> Self {
        .init { ImmediateSQLiteConfiguration(base: DatabaseConfigurationFactory.sqlite(configuration).make()) }
    }
}

/// The driver's database, with transactions that begin immediate. Everything else passes through; inside a
/// transaction the closure gets the driver's own database, already in the transaction.
struct ImmediateSQLiteDatabase: Database, SQLDatabase {
    let base: any Database
    private var sqlBase: any SQLDatabase { base as! any SQLDatabase }

    var context: DatabaseContext { base.context }
    var inTransaction: Bool { base.inTransaction }

    func execute(query: DatabaseQuery, onOutput: @escaping @Sendable (any DatabaseOutput) -> ()) -> EventLoopFuture<Void> {
        base.execute(query: query, onOutput: onOutput)
    }
    func execute(schema: DatabaseSchema) -> EventLoopFuture<Void> { base.execute(schema: schema) }
    func execute(enum: DatabaseEnum) -> EventLoopFuture<Void> { base.execute(enum: `enum`) }

    func transaction<T>(_ closure: @escaping @Sendable (any Database) -> EventLoopFuture<T>) -> EventLoopFuture<T> {
        guard !base.inTransaction else { return base.transaction(closure) }
        // The driver has just sent a deferred BEGIN that has not touched the file yet: end it and begin again,
        // immediate. Its COMMIT or ROLLBACK then closes this one.
        return base.transaction { tx in
            let sql = tx as! any SQLDatabase
            return sql.raw("COMMIT").run()
                .flatMap { sql.raw("BEGIN IMMEDIATE").run() }
                .flatMap { closure(tx) }
        }
    }

    func withConnection<T>(_ closure: @escaping @Sendable (any Database) -> EventLoopFuture<T>) -> EventLoopFuture<T> {
        base.withConnection { closure(ImmediateSQLiteDatabase(base: $0)) }
    }

    var logger: Logger { base.logger }
    var eventLoop: any EventLoop { base.eventLoop }
    var version: (any SQLDatabaseReportedVersion)? { sqlBase.version }
    var dialect: any SQLDialect { sqlBase.dialect }
    var queryLogLevel: Logger.Level? { sqlBase.queryLogLevel }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void) -> EventLoopFuture<Void> {
        sqlBase.execute(sql: query, onRow)
    }
    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void) async throws {
        try await sqlBase.execute(sql: query, onRow)
    }
    func withSession<R>(_ closure: @escaping @Sendable (any SQLDatabase) async throws -> R) async throws -> R {
        try await sqlBase.withSession(closure)
    }
}
