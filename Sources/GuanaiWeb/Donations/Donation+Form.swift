import GuanaiCore

/// A donor as typed on its new or edit page; the consent box posts `1` when ticked.
struct DonorPageForm: Codable {
    var name: String?, kind: String?, publicName: String?, contact: String?, phone: String?, unitCode: String?

    enum CodingKeys: String, CodingKey { case name, kind, publicName, contact, phone, unitCode }

    init() {}

    init(_ d: Donor) {
        name = d.name; kind = d.kind.rawValue; publicName = d.publicName ? "1" : nil; contact = d.contact; phone = d.phone
        unitCode = d.unitCode
    }

    var input: DonorInput {
        DonorInput(name: name, kind: kind, publicName: publicName == "1", contact: contact, phone: phone, unitCode: unitCode)
    }
}

/// A donation as typed on its page: one amount field whose meaning (money or goods' value) follows `type`.
struct DonationPageForm: Codable {
    var donorId: String?, type: String?, amount: String?, description: String?, receiptNo: String?, receivedOn: String?
    var unitCode: String?

    enum CodingKeys: String, CodingKey { case donorId, type, amount, description, receiptNo, receivedOn, unitCode }

    var input: DonationInput {
        let goods = type == DonationType.goods.rawValue
        return DonationInput(
            donorId: donorId, type: type, amount: goods ? nil : amount, description: description, value: goods ? amount : nil,
            receiptNo: receiptNo, receivedOn: receivedOn, unitCode: unitCode)
    }
}

/// An allocation as typed on a donation's page: a station or an event chosen from a list, or a child's id typed in.
struct AllocationPageForm: Codable {
    var to: String?, stationId: String?, eventId: String?, childId: String?, amount: String?, on: String?, note: String?

    enum CodingKeys: String, CodingKey { case to, stationId, eventId, childId, amount, on, note }

    init() {}

    /// An allocation as stored, in the page's fields: its target in the field of its kind.
    init(_ a: DonationAllocation) {
        to = a.to.rawValue; amount = a.amount.description; on = a.on; note = a.note
        switch a.to {
        case .station: stationId = a.targetID.uuidString
        case .event: eventId = a.targetID.uuidString
        case .child: childId = a.targetID.uuidString
        }
    }

    /// The field of the page that names the target for `to`.
    static func targetField(_ to: String?) -> String {
        switch AllocationTarget(rawValue: to ?? "") {
        case .child: return CodingKeys.childId.rawValue
        case .event: return CodingKeys.eventId.rawValue
        default: return CodingKeys.stationId.rawValue
        }
    }

    var input: AllocationInput {
        let target: String?
        switch AllocationTarget(rawValue: to ?? "") {
        case .child: target = childId
        case .event: target = eventId
        default: target = stationId
        }
        return AllocationInput(to: to, targetId: target, amount: amount, on: on, note: note)
    }
}
