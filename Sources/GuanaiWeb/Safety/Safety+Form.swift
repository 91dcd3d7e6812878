import GuanaiCore

/// The small forms on an alert's page: acknowledge (back to the page it came from), the plan, the resolving note.
struct AlertForm: Decodable {
    var back: String?
    var plan: String?
    var note: String?

    enum CodingKeys: String, CodingKey { case back, plan, note }
}

/// A visit (multipart: the photos are read by the streamed reader, `uploadedFiles`). Each checklist answer is
/// posted as `check.<VisitCheck>`, one radio group per case of Core's enum.
struct VisitPageForm: Decodable {
    var date: String?
    var mode: String?
    var notes: String?
    var checks: [VisitCheck: String] = [:]

    enum CodingKeys: String, CodingKey { case date, mode, notes, photos }

    init(date: String? = nil, mode: String? = nil, notes: String? = nil) {
        self.date = date
        self.mode = mode
        self.notes = notes
    }

    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        date = try c.decodeIfPresent(String.self, forKey: .date)
        mode = try c.decodeIfPresent(String.self, forKey: .mode)
        notes = try c.decodeIfPresent(String.self, forKey: .notes)
        let answers = try decoder.container(keyedBy: FormKey.self)
        for k in VisitCheck.allCases {
            checks[k] = try answers.decodeIfPresent(String.self, forKey: FormKey(Self.checkName(k)))
        }
    }

    static func checkName(_ k: VisitCheck) -> String { "check." + k.rawValue }

    var input: VisitInput {
        VisitInput(date: date, mode: mode, checklist: Dictionary(uniqueKeysWithValues: checks.map { ($0.rawValue, $1) }), notes: notes)
    }
}
