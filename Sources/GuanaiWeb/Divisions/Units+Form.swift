/// The four small forms on a unit's page (add a unit under it, rename, merge into a sibling, retire): each posts the
/// fields it needs and a reason.
struct UnitChangeForm: Decodable {
    var name: String?
    var into: String?
    var reason: String?

    enum CodingKeys: String, CodingKey { case name, into, reason }
}
