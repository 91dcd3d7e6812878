import Fluent
import SQLKit
import Vapor
import GuanaiCore

/// A change refused for a reason the person can fix; the message key is in both catalogues.
struct UnitChangeError: Error, Sendable, Equatable {
    let field: String
    let key: String
}

extension UnitChangeError {
    /// A refusal of Core's rules (`UnitChanges`).
    init(_ e: FieldError) { self.init(field: e.field, key: e.key) }
}

extension Unit {
    /// The unit as Core's change rules read it.
    var facts: UnitChanges.Facts {
        UnitChanges.Facts(code: code, officialName: officialName, shortName: shortName, level: divisionLevel, isActive: isActive)
    }
}

extension Result where Failure == FieldError {
    /// The value, or the refusal as the unit pages and API report it.
    func unitChange() throws -> Success {
        switch self {
        case .success(let v): return v
        case .failure(let e): throw UnitChangeError(e)
        }
    }
}

enum UnitService {
    static func detail(_ pairs: [String: String]) -> String {
        let enc = JSONEncoder()
        enc.outputFormatting = [.sortedKeys]
        return String(decoding: (try? enc.encode(pairs)) ?? Data(), as: UTF8.self)
    }

    /// Loads the bundled list for a county once; later starts find it and do nothing.
    static func ensureLoaded(county: String, on db: any Database, at: Date) async throws -> Bool {
        guard let code = DivisionCode(county), code.level == .county else { throw DivisionCatalogError.unknownCounty(county) }
        if try await Unit.find(code.value, on: db) != nil { return false }
        return try await DivisionLoader.load(county, on: db, at: at).plan.inserted > 0
    }

    /// Adds a unit absent from the statistical list under `parent`, with the first free non-statistical number.
    static func add(name rawName: String, under parentCode: String, reason: String, scoped: Scoped, actor: AuditActor, at: Date)
        async throws -> Unit
    {
        let parent = try await scoped.unit(parentCode)
        let siblings = try await parent.asyncFlatMap { try await scoped.children(of: $0.code, includeRetired: true) } ?? []
        let record = try UnitChanges.addition(name: rawName, reason: reason, parent: parent?.facts, siblings: siblings.map(\.facts))
            .unitChange()
        guard let parent else { throw UnitChangeError(field: "parent", key: "unit.error.parentInvalid") }
        let (code, official) = (record.code, record.officialName)
        let unit = Unit(record: record, statistical: false, at: at)
        try await scoped.db.transaction { tx in
            try await unit.create(on: tx)
            try await UnitChange(
                unitCode: code.value, change: .added, detail: detail(["name": official, "parent": parent.code]), reason: reason,
                actor: actor, at: at
            ).create(on: tx)
            try await AuditLog.append(
                AuditEvent(
                    AuditAction.create, .unit, code.value, unit: code.value,
                    fields: AuditLog.created([
                        "officialName": official, "shortName": unit.shortName, "parentCode": parent.code, "statistical": "false",
                    ]), detail: ["reason": reason]), by: actor, at: at, on: tx)
        }
        return unit
    }

    static func rename(_ code: String, to rawName: String, reason: String, scoped: Scoped, actor: AuditActor, at: Date) async throws -> Unit
    {
        guard let unit = try await scoped.unit(code) else { throw Abort(.notFound) }
        let (official, short) = try UnitChanges.renaming(unit.facts, kind: unit.kind, to: rawName, reason: reason).unitChange()
        let before = ["officialName": unit.officialName, "shortName": unit.shortName]
        unit.officialName = official
        unit.shortName = short
        let after = ["officialName": unit.officialName, "shortName": unit.shortName]
        try await scoped.db.transaction { tx in
            try await unit.save(on: tx)
            try await UnitChange(
                unitCode: code, change: .renamed, detail: detail(["from": before["officialName"]!, "to": official]), reason: reason,
                actor: actor, at: at
            ).create(on: tx)
            try await AuditLog.append(
                AuditEvent(AuditAction.update, .unit, code, unit: code, fields: AuditLog.diff(before, after), detail: ["reason": reason]),
                by: actor, at: at, on: tx)
        }
        return unit
    }

    /// Merges `code` into `survivor`: every record that carries the absorbed unit moves, child units are re-coded
    /// under the survivor, and the absorbed unit is retired with a pointer to where it went.
    static func merge(_ code: String, into survivorCode: String, reason: String, scoped: Scoped, actor: AuditActor, at: Date) async throws
        -> Unit
    {
        guard let absorbed = try await scoped.unit(code) else { throw Abort(.notFound) }
        let target = try await scoped.unit(survivorCode)
        if let problem = UnitChanges.mergeProblem(absorbed.facts, into: target?.facts, reason: reason) { throw UnitChangeError(problem) }
        guard let survivor = target else { throw UnitChangeError(field: "into", key: "unit.error.mergeTarget") }
        try await scoped.db.transaction { tx in
            let s = scoped.on(tx)
            try await absorb(absorbed, into: survivor, reason: reason, scoped: s, actor: actor, at: at)
        }
        return survivor
    }

    private static func absorb(_ absorbed: Unit, into survivor: Unit, reason: String, scoped: Scoped, actor: AuditActor, at: Date)
        async throws
    {
        let tx = scoped.db
        // Township merge: its villages keep existing as villages of the survivor, under new codes in its range.
        for child in try await scoped.children(of: absorbed.code) {
            let used = Set(try await scoped.children(of: survivor.code, includeRetired: true).map(\.code))
            guard let sc = DivisionCode(survivor.code), let newCode = UnitChanges.freeCode(under: sc, used: used) else {
                throw UnitChangeError(field: "into", key: "unit.error.noFreeCode")
            }
            let moved = Unit(
                record: DivisionRecord(code: newCode, officialName: child.officialName, kind: child.kind), statistical: false, at: at)
            try await moved.create(on: tx)
            try await UnitChange(
                unitCode: newCode.value, change: .recoded, detail: detail(["from": child.code]), reason: reason, actor: actor, at: at
            ).create(on: tx)
            try await absorb(child, into: moved, reason: reason, scoped: scoped, actor: actor, at: at)
        }
        var moved: [String: String] = [:]
        for ref in UnitReferences.moving {
            let n = try await countRows(ref.table, ref.column, absorbed.code, on: tx)
            try await tx.sql.update(ref.table).set(SQLIdentifier(ref.column), to: SQLBind(survivor.code)).where(
                SQLIdentifier(ref.column), .equal, SQLBind(absorbed.code)
            ).run()
            moved[ref.table] = String(n)
        }
        try await ChildTally.refresh([absorbed.code, survivor.code], on: tx)
        absorbed.status = .retired
        absorbed.mergedInto = survivor.code
        try await absorbed.save(on: tx)
        try await UnitChange(
            unitCode: absorbed.code, change: .merged,
            detail: detail(["into": survivor.code, "moved": moved.map { "\($0)=\($1)" }.sorted().joined(separator: ",")]), reason: reason,
            actor: actor, at: at
        ).create(on: tx)
        try await UnitChange(
            unitCode: survivor.code, change: .absorbed, detail: detail(["from": absorbed.code]), reason: reason, actor: actor, at: at
        ).create(on: tx)
        try await AuditLog.append(
            AuditEvent(
                AuditAction.update, .unit, absorbed.code, unit: absorbed.code,
                fields: [
                    "status": FieldChange(before: UnitStatus.active.rawValue, after: UnitStatus.retired.rawValue),
                    "mergedInto": FieldChange(before: nil, after: survivor.code),
                ], detail: ["reason": reason].merging(moved) { a, _ in a }), by: actor, at: at, on: tx)
    }

    static func countRows(_ table: String, _ column: String, _ code: String, on db: any Database) async throws -> Int {
        let row = try await db.sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from(table).where(
            SQLIdentifier(column), .equal, SQLBind(code)
        ).first()
        return try row?.decode(column: "n", as: Int.self) ?? 0
    }

    /// Retires a unit that nothing depends on any more; one with records or active sub-units must be merged instead.
    static func retire(_ code: String, reason: String, scoped: Scoped, actor: AuditActor, at: Date) async throws -> Unit {
        guard let unit = try await scoped.unit(code) else { throw Abort(.notFound) }
        let activeChildren = try await scoped.children(of: code).count
        let problem = try await UnitChanges.retireProblem(unit.facts, reason: reason, activeChildren: activeChildren) {
            for ref in UnitReferences.moving where try await countRows(ref.table, ref.column, code, on: scoped.db) > 0 { return true }
            return false
        }
        if let problem { throw UnitChangeError(problem) }
        unit.status = .retired
        try await scoped.db.transaction { tx in
            try await unit.save(on: tx)
            try await UnitChange(unitCode: code, change: .retired, detail: "{}", reason: reason, actor: actor, at: at).create(on: tx)
            try await AuditLog.append(
                AuditEvent(
                    AuditAction.update, .unit, code, unit: code,
                    fields: ["status": FieldChange(before: UnitStatus.active.rawValue, after: UnitStatus.retired.rawValue)],
                    detail: ["reason": reason]), by: actor, at: at, on: tx)
        }
        return unit
    }
}
