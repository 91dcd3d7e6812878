import GuanaiCore

/// The four small forms on a unit's page (add a unit under it, rename, merge into a sibling, retire): each posts the
/// fields it needs and a reason.
struct UnitChangeForm: Decodable {
    var name: String?
    var into: String?
    var reason: String?

    enum CodingKeys: String, CodingKey { case name, into, reason }
}

/// A unit's point as typed on its page: text until Core judges it, so what was typed comes back as typed.
struct UnitPointPageForm: Codable {
    var latitude: String?
    var longitude: String?
    enum CodingKeys: String, CodingKey { case latitude, longitude }
    var input: UnitPointInput {
        func number(_ s: String?) -> Double? {
            guard let t = s?.trimmingCharacters(in: .whitespaces), !t.isEmpty else { return nil }
            return Double(t) ?? .nan
        }
        return UnitPointInput(latitude: number(latitude), longitude: number(longitude))
    }
}
