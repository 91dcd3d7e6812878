import Foundation

/// A donor as typed for `POST`/`PATCH /api/v1/donors`.
public struct DonorInput: Codable, Sendable {
    public var name: String?
    public var kind: String?
    /// Consent to be named in the 公示; without it the donor is shown as 爱心人士.
    public var publicName: Bool?
    public var contact: String?
    public var phone: String?
    public var unitCode: String?

    public init(
        name: String? = nil, kind: String? = nil, publicName: Bool? = nil, contact: String? = nil, phone: String? = nil,
        unitCode: String? = nil
    ) {
        self.name = name
        self.kind = kind
        self.publicName = publicName
        self.contact = contact
        self.phone = phone
        self.unitCode = unitCode
    }
}

public struct CheckedDonor: Sendable, Equatable {
    public let name: String, kind: DonorKind, publicName: Bool, contact: String?, phone: String?, unitCode: String
}

/// A donation as typed for `POST /api/v1/donations`: money with an `amount`, or goods with a `description` and a `value`.
public struct DonationInput: Codable, Sendable {
    public var donorId: String?
    public var type: String?
    public var amount: String?
    public var description: String?
    public var value: String?
    public var receiptNo: String?
    public var receivedOn: String?
    public var unitCode: String?

    public init(
        donorId: String? = nil, type: String? = nil, amount: String? = nil, description: String? = nil, value: String? = nil,
        receiptNo: String? = nil, receivedOn: String? = nil, unitCode: String? = nil
    ) {
        self.donorId = donorId
        self.type = type
        self.amount = amount
        self.description = description
        self.value = value
        self.receiptNo = receiptNo
        self.receivedOn = receivedOn
        self.unitCode = unitCode
    }
}

public struct CheckedDonation: Sendable, Equatable {
    public let donorId: String, type: DonationType
    /// The money given, or what the goods are worth: what its allocations may add up to.
    public let worth: Yuan
    public let description: String?, receiptNo: String?, receivedOn: CivilDate, unitCode: String
}

/// Part of a donation given to a station, an event or a child, as typed for `POST /api/v1/donations/{id}/allocations`.
public struct AllocationInput: Codable, Sendable {
    public var to: String?
    public var targetId: String?
    public var amount: String?
    public var on: String?
    public var note: String?

    public init(to: String? = nil, targetId: String? = nil, amount: String? = nil, on: String? = nil, note: String? = nil) {
        self.to = to
        self.targetId = targetId
        self.amount = amount
        self.on = on
        self.note = note
    }
}

public struct CheckedAllocation: Sendable, Equatable {
    public let to: AllocationTarget, targetId: String, amount: Yuan, on: CivilDate, note: String?
}

/// The donation forms' checks, with no database: the unit, the donor and the target are looked up by the caller and
/// handed in as facts.
public enum DonationForm {

    /// Donations are mostly received by the county or a township; a village committee that is handed goods for its
    /// station books them too, so a village worker reads her own village's donations (and only those).
    public static let receivingLevels: Set<DivisionLevel> = [.county, .township, .village]

    static func unit(_ code: String?, _ unit: UnitFacts?, _ c: inout FormChecker) -> String? {
        let code = c.required(code, "unitCode")
        if code != nil, !(unit.map { $0.isActive && receivingLevels.contains($0.level) } ?? false) {
            c.errors.append(FieldError(field: "unitCode", key: "field.error.choice"))
            return nil
        }
        return code
    }

    public static func checkDonor(_ input: DonorInput, unit: UnitFacts?, _ c: inout FormChecker) -> CheckedDonor? {
        let name = c.required(input.name, "name")
        StationForm.text(name, "name", &c)
        let kind = c.token(input.kind, "kind", DonorKind.self)
        let contact = c.text(input.contact)
        StationForm.text(contact, "contact", &c)
        let phone = self.phone(input.phone, &c)
        let code = self.unit(input.unitCode, unit, &c)
        guard c.errors.isEmpty, let name, let kind, let code else { return nil }
        return CheckedDonor(name: name, kind: kind, publicName: input.publicName ?? false, contact: contact, phone: phone, unitCode: code)
    }

    /// A mobile or a landline (an enterprise's office): digits with an area-code hyphen, 7 to 20 characters.
    static func phone(_ raw: String?, _ c: inout FormChecker) -> String? {
        guard let t = c.text(raw) else { return nil }
        let ok = (7...20).contains(t.count) && t.allSatisfy { ($0.isASCII && $0.isNumber) || $0 == "-" } && t.first != "-"
        if !ok { c.errors.append(FieldError(field: "phone", key: "donor.error.phone")) }
        return ok ? t : nil
    }

    /// An amount as text: nil (and an error on `field`) when it is no decimal of at most two places within `Yuan.max`.
    public static func yuan(_ raw: String?, _ field: String, positive: Bool, _ c: inout FormChecker) -> Yuan? {
        guard let t = c.required(raw, field) else { return nil }
        guard let y = Yuan(t) else {
            c.errors.append(FieldError(field: field, key: "donation.error.amount", args: [Yuan.max.description]))
            return nil
        }
        if positive, y == .zero { c.errors.append(FieldError(field: field, key: "donation.error.positive")); return nil }
        return y
    }

    /// `donorFound`: the donor named exists in the caller's jurisdiction.
    public static func checkDonation(_ input: DonationInput, donorFound: Bool, unit: UnitFacts?, today: CivilDate, _ c: inout FormChecker)
        -> CheckedDonation?
    {
        let donor = c.required(input.donorId, "donorId")
        if donor != nil, !donorFound { c.errors.append(FieldError(field: "donorId", key: "field.error.choice")) }
        let type = c.token(input.type, "type", DonationType.self)
        var worth: Yuan?
        var description: String? = nil
        switch type {
        case .money:
            worth = yuan(input.amount, "amount", positive: true, &c)
            if c.text(input.value) != nil { c.errors.append(FieldError(field: "value", key: "donation.error.moneyValue")) }
        case .goods:
            description = c.required(input.description, "description")
            StationForm.text(description, "description", &c)
            worth = yuan(input.value, "value", positive: false, &c)
            if c.text(input.amount) != nil { c.errors.append(FieldError(field: "amount", key: "donation.error.goodsAmount")) }
        case nil: break
        }
        let receipt = c.text(input.receiptNo)
        StationForm.text(receipt, "receiptNo", &c)
        let received = c.date(input.receivedOn, "receivedOn")
        if received == nil, c.text(input.receivedOn) == nil {
            c.errors.append(FieldError(field: "receivedOn", key: "field.error.required"))
        }
        if let received, received > today { c.errors.append(FieldError(field: "receivedOn", key: "pairing.error.future")) }
        let code = self.unit(input.unitCode, unit, &c)
        guard c.errors.isEmpty, let donor, donorFound, let type, let worth, let received, let code else { return nil }
        return CheckedDonation(
            donorId: donor, type: type, worth: worth, description: description, receiptNo: receipt, receivedOn: received, unitCode: code)
    }

    /// What remains of a donation for its next allocation.
    public static func remaining(worth: Yuan, allocated: some Sequence<Yuan>) -> Yuan { worth - Yuan.sum(allocated) }

    /// `targetFound`: the caller found the station or child in her jurisdiction. `allocated`: what the donation's
    /// allocations already hold; with this one they may not exceed `worth`.
    public static func checkAllocation(
        _ input: AllocationInput, worth: Yuan, allocated: [Yuan], receivedOn: CivilDate, targetFound: Bool, today: CivilDate,
        _ c: inout FormChecker
    ) -> CheckedAllocation? {
        let to = c.token(input.to, "to", AllocationTarget.self)
        let target = c.required(input.targetId, "targetId")
        if target != nil, to != nil, !targetFound {
            c.errors.append(FieldError(field: "targetId", key: "field.error.choice"))
        }
        var amount = yuan(input.amount, "amount", positive: true, &c)
        let left = remaining(worth: worth, allocated: allocated)
        if let a = amount, a > left {
            c.errors.append(FieldError(field: "amount", key: "donation.error.overAllocated", args: [left.description]))
            amount = nil
        }
        let on = c.date(input.on, "on")
        if on == nil, c.text(input.on) == nil { c.errors.append(FieldError(field: "on", key: "field.error.required")) }
        if let on, on > today { c.errors.append(FieldError(field: "on", key: "pairing.error.future")) }
        if let on, on < receivedOn { c.errors.append(FieldError(field: "on", key: "donation.error.beforeReceived")) }
        let note = c.text(input.note)
        StationForm.text(note, "note", &c)
        guard c.errors.isEmpty, let to, let target, let amount, let on else { return nil }
        return CheckedAllocation(to: to, targetId: target, amount: amount, on: on, note: note)
    }

    /// A change to an allocation: the keys sent replace the stored ones and the whole is checked again, its amount
    /// against what the donation's other allocations (`others`) leave, so allocations never exceed the donation.
    public static func checkAllocationChange(
        _ patch: AllocationInput, current: AllocationInput, worth: Yuan, others: [Yuan], receivedOn: CivilDate, targetFound: Bool,
        today: CivilDate, _ c: inout FormChecker
    ) -> CheckedAllocation? {
        let merged = AllocationInput(
            to: patch.to ?? current.to, targetId: patch.targetId ?? current.targetId, amount: patch.amount ?? current.amount,
            on: patch.on ?? current.on, note: patch.note ?? current.note)
        return checkAllocation(
            merged, worth: worth, allocated: others, receivedOn: receivedOn, targetFound: targetFound, today: today, &c)
    }
}
