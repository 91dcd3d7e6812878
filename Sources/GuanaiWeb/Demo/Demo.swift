import Fluent
import Vapor
import GuanaiCore

/// `serve --demo`: one account per role on a fresh database, the same ones again on a database that has them.
/// Demo passwords are derived from the username so they can be printed again; never use demo mode for real data.
public enum Demo {
    public struct Login: Sendable { public let role: Role; public let username: String; public let password: String }

    static func password(for username: String) -> String { "demo-\(username)-2026" }

    /// Where each demo account sits: the county, a township, a village of that township.
    static func places(county: String, on db: any Database) async throws -> (county: String, township: String, village: String) {
        let countyCode = DivisionCode(county)!.value
        let townships = try await Unit.query(on: db).filter(\.$parentCode == countyCode).filter(\.$status == .active).sort(\.$id).all()
        let township = townships.first(where: { $0.code == "421081104000" }) ?? townships.first(where: { $0.divisionLevel == .township })!
        let villages = try await Unit.query(on: db).filter(\.$parentCode == township.code).filter(\.$status == .active).sort(\.$id).all()
        let village =
            villages.first(where: { $0.code == "421081104200" }) ?? villages.first(where: { $0.kind == .villageCommittee }) ?? villages
            .first!
        return (countyCode, township.code, village.code)
    }

    /// The demo accounts as the services see a signed-in caller, by username (those that exist).
    static func signers(_ names: [String], on db: any Database) async throws -> [String: (Signer, AuditActor)] {
        var out: [String: (Signer, AuditActor)] = [:]
        for name in names {
            guard let u = try await UserDirectory.byUsername(name, on: db) else { continue }
            out[name] = (
                Signer(
                    userID: u.recordID, username: u.username, displayName: u.displayName, role: u.role, unitCode: u.unitCode,
                    unitName: u.unitCode, mustChangePassword: false, sessionID: UUID(), csrf: ""),
                AuditActor(id: u.recordID.description, name: u.username, ip: "-", unitCode: u.unitCode)
            )
        }
        return out
    }

    static let accounts: [(Role, String, String)] = [
        (.cityAdmin, "admin", "市妇联管理员（演示）"),
        (.townshipStaff, "xiangzhen", "乡镇妇联督导员（演示）"),
        (.villageWorker, "cun", "村妇联主席（演示）"),
        (.volunteer, "aixin", "爱心妈妈（演示）"),
        (.partnerHealth, "weijian", "卫健部门（演示）"),
        (.partnerHR, "renshe", "人社部门（演示）"),
        (.partnerJustice, "sifa", "司法部门（演示）"),
        (.inspector, "ducha", "督查员（演示）"),
        // A second labour-department clerk: a loan's steps alternate between two accounts (maker ≠ checker).
        (.partnerHR, "renshe2", "人社部门经办人二（演示）"),
    ]

    public static func seed(_ app: Application) async throws -> [Login] {
        let db = app.db
        let now = app.now
        let where_ = try await places(county: app.guanai.county, on: db)
        let scoped = Scoped.system(db)
        // The pilot village of the founding speech is missing from the 2021 list: add it the way an administrator would.
        if where_.township == "421081104000", try await scoped.units(named: "王李场村").isEmpty {
            _ = try await UnitService.add(
                name: "王李场村", under: where_.township, reason: "结对帮扶试点村（2021年统计用区划代码中无此村）", scoped: scoped, actor: .system("demo"), at: now)
        }
        var out: [Login] = []
        for (role, username, display) in accounts {
            let pw = password(for: username)
            if try await UserDirectory.byUsername(username, on: db) == nil {
                let unit: String
                switch role {
                case .townshipStaff: unit = where_.township
                case .villageWorker, .volunteer: unit = where_.village
                default: unit = where_.county
                }
                let hash = try await app.password.async(on: app.threadPool, hopTo: app.eventLoopGroup.any()).hash(pw).get()
                _ = try await AccountService.create(
                    NewAccount(
                        username: username, displayName: display, role: role.rawValue, unitCode: unit,
                        phone: "1380000" + String(format: "%04d", out.count + 1)),
                    creator: nil, scoped: scoped, hasher: { _ in hash }, by: .system("demo"), at: now, mustChange: false, password: pw)
            }
            out.append(Login(role: role, username: username, password: pw))
        }
        return out
    }
}

/// Commands the CLI runs against the database without a request: they act as the system, with `Jurisdiction.system`.
public enum Admin {
    public static func createUser(_ app: Application, username: String, role: String, unit: String, displayName: String?, phone: String?)
        async throws -> String
    {
        let pw = AccountService.oneTimePassword()
        let hash = try await app.password.async(on: app.threadPool, hopTo: app.eventLoopGroup.any()).hash(pw).get()
        do {
            _ = try await AccountService.create(
                NewAccount(username: username, displayName: displayName ?? username, role: role, unitCode: unit, phone: phone ?? ""),
                creator: nil, scoped: Scoped.system(app.db), hasher: { _ in hash }, by: .system("cli"), at: app.now, password: pw)
        } catch let e as FieldErrors {
            throw CLIError(e.items.map { "\($0.field): \(UILanguage.zh.t($0.key))" }.joined(separator: "; "))
        } catch let e as ConflictError {
            throw CLIError("\(e.field): \(UILanguage.zh.t(e.key))")
        }
        return pw
    }

    public static func verifyAudit(_ app: Application) async throws -> AuditLog.VerifyResult {
        try await AuditLog.verify(on: app.db)
    }
}

public struct CLIError: Error, CustomStringConvertible {
    public let description: String
    public init(_ d: String) { description = d }
}
