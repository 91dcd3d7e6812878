import Fluent
import Foundation
import GuanaiCore

/// Someone who gives (捐赠方): an enterprise, an association, a person or a government body, booked by the county or a
/// township. Its checks are Core's (`DonationForm.checkDonor`); here it is stored.
final class Donor: Model, @unchecked Sendable {
    static let schema = "donors"
    @ID(key: .id) var id: UUID?
    @Field(key: "unit_code") var unitCode: String
    @Field(key: "name") var name: String
    @Field(key: "kind") var kind: DonorKind
    @Field(key: "public_name") var publicName: Bool
    @OptionalField(key: "contact") var contact: String?
    @OptionalField(key: "phone") var phone: String?
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "updated_at") var updatedAt: Date
    init() {}

    func apply(_ d: CheckedDonor) {
        name = d.name; kind = d.kind; publicName = d.publicName; contact = d.contact; phone = d.phone; unitCode = d.unitCode
    }

    var auditFields: [String: String] {
        [
            "name": name, "kind": kind.rawValue, "publicName": publicName ? "true" : "false", "contact": contact ?? "",
            "phone": phone ?? "", "unitCode": unitCode,
        ]
    }
}

/// Money or goods received once, with its receipt. `amount_fen` holds the money, or the goods' value, in whole fen.
final class Donation: Model, @unchecked Sendable {
    static let schema = "donations"
    @ID(key: .id) var id: UUID?
    @Field(key: "unit_code") var unitCode: String
    @Field(key: "donor_id") var donorID: UUID
    @Field(key: "type") var type: DonationType
    @Field(key: "amount_fen") var amountFen: Int64
    @OptionalField(key: "description") var itemDescription: String?
    @OptionalField(key: "receipt_no") var receiptNo: String?
    @Field(key: "received_on") var receivedOn: String
    @Field(key: "created_at") var createdAt: Date
    init() {}

    var worth: Yuan { Yuan(fen: amountFen) }

    var auditFields: [String: String] {
        [
            "donorId": donorID.uuidString, "type": type.rawValue, (type == .money ? "amount" : "value"): worth.description,
            "description": itemDescription ?? "", "receiptNo": receiptNo ?? "", "receivedOn": receivedOn, "unitCode": unitCode,
        ]
    }
}

/// Part of a donation given to a station, an event or a child. A change is checked again against the donation and
/// audited on the donation (`allocation.*` fields).
final class DonationAllocation: Model, @unchecked Sendable {
    static let schema = "donation_allocations"
    @ID(key: .id) var id: UUID?
    @Field(key: "donation_id") var donationID: UUID
    @Field(key: "target_kind") var to: AllocationTarget
    @Field(key: "target_id") var targetID: UUID
    @Field(key: "amount_fen") var amountFen: Int64
    @Field(key: "on_date") var on: String
    @OptionalField(key: "note") var note: String?
    @Field(key: "created_at") var createdAt: Date
    init() {}

    var amount: Yuan { Yuan(fen: amountFen) }

    var auditFields: [String: String] {
        [
            "allocation.to": to.rawValue, "allocation.targetId": targetID.uuidString, "allocation.amount": amount.description,
            "allocation.on": on, "allocation.note": note ?? "",
        ]
    }
}

extension Donor: TypedRecord { typealias Kind = RecordTag.Donor }
extension Donation: TypedRecord { typealias Kind = RecordTag.Donation }
