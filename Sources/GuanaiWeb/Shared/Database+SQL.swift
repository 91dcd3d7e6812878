import Fluent
import SQLKit

/// Both engines the app runs on (SQLite, PostgreSQL) are SQL databases; queries and migrations reach SQLKit through these.
extension Database {
    var sql: any SQLDatabase { self as! any SQLDatabase }
    var isPostgres: Bool { sql.dialect.name == "postgresql" }
}
