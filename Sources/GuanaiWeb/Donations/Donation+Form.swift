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

/// An allocation as typed on a donation's page: a station chosen from a list, or a child's id typed in.
struct AllocationPageForm: Codable {
    var to: String?, stationId: String?, childId: String?, amount: String?, on: String?, note: String?

    enum CodingKeys: String, CodingKey { case to, stationId, childId, amount, on, note }

    var input: AllocationInput {
        AllocationInput(
            to: to, targetId: to == AllocationTarget.child.rawValue ? childId : stationId, amount: amount, on: on, note: note)
    }
}
