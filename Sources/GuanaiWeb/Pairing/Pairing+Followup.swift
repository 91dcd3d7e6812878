import Fluent
import SQLKit
import Vapor
import GuanaiCore

/// One reminder of an overdue contact, sent once per pair, missed month and level: the unique key is what keeps a
/// second sweep, or a second sweeper, from sending it again.
final class PairReminder: Model, @unchecked Sendable {
    static let schema = "pair_reminders"
    @ID(key: .id) var id: UUID?
    @Field(key: "pair_id") var pairID: UUID
    @Field(key: "unit_code") var unitCode: String
    /// The calendar month that fell short, `2026-10`.
    @Field(key: "month") var month: String
    @Field(key: "level") var level: ReminderLevel
    @Field(key: "days_overdue") var daysOverdue: Int
    @Field(key: "created_at") var createdAt: Date
    init() {}
}

/// A staff support check-in (回访) with the volunteer or with the child's guardian, kept apart from her contacts: it
/// is the federation following up, not service hours.
final class PairCheckin: Model, @unchecked Sendable {
    static let schema = "pair_checkins"
    @ID(key: .id) var id: UUID?
    @Field(key: "pair_id") var pairID: UUID
    @Field(key: "unit_code") var unitCode: String
    @Field(key: "with_whom") var withWhom: CheckinWith
    @Field(key: "on_date") var onDate: String
    @Field(key: "notes") var notes: String
    @Field(key: "by_name") var byName: String
    @Field(key: "created_at") var createdAt: Date
    init() {}
}

/// The foreign keys, typed: the columns stay `UUID` (no schema change); code between reads and sets these.
extension PairReminder {
    var pair: PairID {
        get { PairID(pairID) }
        set { pairID = newValue.uuid }
    }
}

extension PairCheckin {
    var pair: PairID {
        get { PairID(pairID) }
        set { pairID = newValue.uuid }
    }
}
