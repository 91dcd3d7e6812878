import GuanaiCore
import OpenAPIKit30

// Donations' shapes for the OpenAPI document. `Keys` names each type's JSON properties (Core's coding keys are internal
// to Core); APISchemaTests checks each `Keys` against what its type reads.

extension JSONSchema {
    /// Yuan as decimal text: digits, at most two decimals, no sign. The limit (`Yuan.max`) is the server's to say.
    static var yuan: JSONSchema { .string(pattern: "^[0-9]{1,11}(\\.[0-9]{1,2})?$") }
}

extension DonorInput: APISchema {
    enum Keys: String, CodingKey { case name, kind, publicName, contact, phone, unitCode }
    static let apiName = "DonorInput"
    static var apiSchema: JSONSchema {
        .closed(
            [
                Keys.name: .string, .kind: .tokens(DonorKind.self), .publicName: .boolean, .contact: .string,
                .phone: .string(pattern: "^[0-9][0-9-]{6,19}$"), .unitCode: .string,
            ], required: [.name, .kind, .unitCode])
    }
}

extension DonorDTO: APISchema {
    enum Keys: String, CodingKey { case id, name, kind, publicName, contact, phone, unitCode, createdAt, updatedAt }
    static let apiName = "Donor"
    static var apiSchema: JSONSchema {
        .closed(
            [
                Keys.id: .string, .name: .string, .kind: .tokens(DonorKind.self), .publicName: .boolean, .contact: .string,
                .phone: .string, .unitCode: .string, .createdAt: .string, .updatedAt: .string,
            ], required: [.id, .name, .kind, .publicName, .unitCode, .createdAt, .updatedAt])
    }
}

extension DonationInput: APISchema {
    enum Keys: String, CodingKey { case donorId, type, amount, description, value, receiptNo, receivedOn, unitCode }
    static let apiName = "DonationInput"
    static var apiSchema: JSONSchema {
        .closed(
            [
                Keys.donorId: .string, .type: .tokens(DonationType.self), .amount: .yuan, .description: .string, .value: .yuan,
                .receiptNo: .string, .receivedOn: .string, .unitCode: .string,
            ], required: [.donorId, .type, .receivedOn, .unitCode])
    }
}

extension AllocationInput: APISchema {
    enum Keys: String, CodingKey { case to, targetId, amount, on, note }
    static let apiName = "AllocationInput"
    static var apiSchema: JSONSchema {
        .closed(
            [Keys.to: .tokens(AllocationTarget.self), .targetId: .string, .amount: .yuan, .on: .string, .note: .string],
            required: [.to, .targetId, .amount, .on])
    }
}

extension DonationDTO: APISchema {
    enum Keys: String, CodingKey {
        case id, donorId, donorName, type, amount, description, value, receiptNo, receivedOn, unitCode, allocated, remaining, allocations,
            createdAt
    }
    enum AllocationKeys: String, CodingKey { case id, to, targetId, amount, on, note }
    static let apiName = "Donation"
    static var apiSchema: JSONSchema {
        .closed(
            [
                Keys.id: .string, .donorId: .string, .donorName: .string, .type: .tokens(DonationType.self), .amount: .yuan,
                .description: .string, .value: .yuan, .receiptNo: .string, .receivedOn: .string, .unitCode: .string,
                .allocated: .yuan, .remaining: .yuan,
                .allocations: .list(
                    .closed(
                        [
                            AllocationKeys.id: .string, .to: .tokens(AllocationTarget.self), .targetId: .string, .amount: .yuan,
                            .on: .string, .note: .string,
                        ], required: [.id, .to, .targetId, .amount, .on])),
                .createdAt: .string,
            ],
            required: [.id, .donorId, .donorName, .type, .receivedOn, .unitCode, .allocated, .remaining, .allocations, .createdAt])
    }
}

extension DonationSummaryDTO: APISchema {
    enum Keys: String, CodingKey { case unitCode, total, money, goods, donations, byDonorKind, byUse, donors }
    enum KindKeys: String, CodingKey { case kind, total }
    enum UseKeys: String, CodingKey { case use, total }
    enum DonorKeys: String, CodingKey { case name, anonymous, donations, total }
    static let apiName = "DonationSummary"
    static var apiSchema: JSONSchema {
        .closed(
            [
                Keys.unitCode: .string, .total: .yuan, .money: .yuan, .goods: .yuan, .donations: .integer,
                .byDonorKind: .list(.closed([KindKeys.kind: .tokens(DonorKind.self), .total: .yuan], required: [.kind, .total])),
                .byUse: .list(
                    .closed(
                        [UseKeys.use: .oneOf(AllocationTarget.allCases.map(\.rawValue) + ["unallocated"]), .total: .yuan],
                        required: [.use, .total])),
                .donors: .list(
                    .closed(
                        [DonorKeys.name: .string, .anonymous: .boolean, .donations: .integer, .total: .yuan],
                        required: [.name, .anonymous, .donations, .total])),
            ], required: [.unitCode, .total, .money, .goods, .donations, .byDonorKind, .byUse, .donors])
    }
}
