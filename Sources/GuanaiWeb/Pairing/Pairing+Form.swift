import GuanaiCore

/// A new volunteer: her own fields, the plain fields of `VolunteerDetail` beside them, and the ticked skills.
struct VolunteerPageForm: Decodable {
    var name: String?
    var idNumber: String?
    var phone: String?
    var unitCode: String?
    var skills: [String]?
    var capacity: String?
    var latitude: String?
    var longitude: String?
    var account: String?
    var details: [VolunteerDetail: String] = [:]

    enum CodingKeys: String, CodingKey { case name, idNumber, phone, unitCode, skills, capacity, latitude, longitude, account }

    init() {}

    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        name = try c.decodeIfPresent(String.self, forKey: .name)
        idNumber = try c.decodeIfPresent(String.self, forKey: .idNumber)
        phone = try c.decodeIfPresent(String.self, forKey: .phone)
        unitCode = try c.decodeIfPresent(String.self, forKey: .unitCode)
        skills = try c.decodeIfPresent([String].self, forKey: .skills)
        capacity = try c.decodeIfPresent(String.self, forKey: .capacity)
        latitude = try c.decodeIfPresent(String.self, forKey: .latitude)
        longitude = try c.decodeIfPresent(String.self, forKey: .longitude)
        account = try c.decodeIfPresent(String.self, forKey: .account)
        details = try PostedDetails<VolunteerDetail>(from: decoder).values
    }

    var input: VolunteerInput {
        VolunteerInput(
            name: name, idNumber: idNumber, phone: phone, unitCode: unitCode,
            details: .typed(Dictionary(uniqueKeysWithValues: VolunteerDetail.allCases.map { ($0, details[$0] ?? "") })),
            skills: skills ?? [],
            capacity: capacity.flatMap { Int($0.trimmingCharacters(in: .whitespaces)) } ?? (capacity?.isEmpty == false ? -1 : nil),
            latitude: latitude.flatMap { Double($0) }, longitude: longitude.flatMap { Double($0) }, status: nil, account: account)
    }
}

/// A screening step passed on a date (the step is the small form's hidden field).
struct ScreeningForm: Decodable {
    var step: String?
    var on: String?

    enum CodingKeys: String, CodingKey { case step, on }
}

/// Linking a volunteer to her account.
struct VolunteerAccountForm: Decodable {
    var account: String?

    enum CodingKeys: String, CodingKey { case account }
}

/// The action forms on a pair's page (approve, pause, close …): each posts some of these.
struct PairActionForm: Codable {
    var note: String?
    var closeReason: String?
    var startOn: String?

    enum CodingKeys: String, CodingKey { case note, closeReason, startOn }

    var input: PairActionInput { PairActionInput(note: note, closeReason: closeReason, startOn: startOn) }
}

/// A contact with the child, from the pair's page or the volunteer's own desk.
struct ContactForm: Codable {
    var date: String?
    var mode: String?
    var minutes: String?
    var notes: String?

    enum CodingKeys: String, CodingKey { case date, mode, minutes, notes }

    var input: ContactInput { ContactInput(date: date, mode: mode, minutes: PairingPagesController.minutes(minutes), notes: notes) }
}

/// A check-in with the child or the guardian about how the pairing goes.
struct CheckinForm: Codable {
    var with: String?
    var checkinDate: String?
    var checkinNotes: String?

    enum CodingKeys: String, CodingKey { case with, checkinDate, checkinNotes }
}

/// The suggestions page: the ticked proposals (`pick`), or the one approved by its own button (`only`).
struct SuggestionsForm: Decodable {
    var unit: String?
    var pick: [String]?
    var only: [String]?

    enum CodingKeys: String, CodingKey { case unit, pick, only }
}

/// A concern raised by a volunteer from her desk: what she saw.
struct ConcernForm: Decodable {
    var seen: String?

    enum CodingKeys: String, CodingKey { case seen }
}
