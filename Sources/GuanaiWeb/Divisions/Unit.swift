import Fluent
import Vapor
import GuanaiCore

/// A division unit, keyed by its 12-digit code. Retired units stay, so history and old records still resolve.
final class Unit: Model, @unchecked Sendable {
    static let schema = "units"

    @ID(custom: "code", generatedBy: .user) var id: String?
    @Field(key: "official_name") var officialName: String
    @Field(key: "short_name") var shortName: String
    @Field(key: "kind") var kind: DivisionKind
    @Field(key: "level") var level: Int
    @OptionalField(key: "parent_code") var parentCode: String?
    /// false for units an administrator added (非统计代码).
    @Field(key: "statistical") var statistical: Bool
    @Field(key: "status") var status: UnitStatus
    @OptionalField(key: "merged_into") var mergedInto: String?
    @Field(key: "created_at") var createdAt: Date
    /// Where the unit's committee sits; nil until someone who approves sets it (`PUT /api/v1/units/{code}/point`).
    @OptionalField(key: "latitude") var latitude: Double?
    @OptionalField(key: "longitude") var longitude: Double?

    init() {}

    init(record r: DivisionRecord, statistical: Bool = true, at: Date) {
        id = r.code.value
        officialName = r.officialName
        shortName = r.shortName
        kind = r.kind
        level = r.level.rawValue
        parentCode = r.parent?.value
        self.statistical = statistical
        status = .active
        createdAt = at
    }

    var code: String { id ?? "" }
    var divisionLevel: DivisionLevel { DivisionLevel(rawValue: level) ?? .village }
    var isActive: Bool { status == .active }
}

/// One change to a unit: loaded, added, renamed, merged, retired. History stays with the unit it describes.
final class UnitChange: Model, @unchecked Sendable {
    static let schema = "unit_changes"

    @ID(key: .id) var id: UUID?
    @Field(key: "unit_code") var unitCode: String
    @Field(key: "change") var change: String
    @Field(key: "detail") var detail: String
    @Field(key: "reason") var reason: String
    @OptionalField(key: "actor_id") var actorID: String?
    @Field(key: "actor_name") var actorName: String
    @Field(key: "at") var at: Date

    init() {}
    init(unitCode: String, change: UnitChangeKind, detail: String, reason: String, actor: AuditActor, at: Date) {
        self.unitCode = unitCode
        self.change = change.rawValue
        self.detail = detail
        self.reason = reason
        self.actorID = actor.id
        self.actorName = actor.name
        self.at = at
    }
}

extension Unit {
    /// What a Core form reads of the unit it names.
    var formFacts: UnitFacts { UnitFacts(code: code, level: divisionLevel, isActive: isActive) }
}
