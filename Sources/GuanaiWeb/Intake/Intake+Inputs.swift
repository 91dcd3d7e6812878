import Foundation
import GuanaiCore

/// The read cells of one row as the registry's own inputs, so an imported row passes exactly the checks a form does.
enum IntakeInputs {
    /// A month-only date (出生年月) is right when the ID number's birth month is one it can mean; the full date then
    /// comes from the ID number. Otherwise it is a problem on that column.
    static func monthOnly(_ v: String?, idNumber: String?, key: String) -> (date: String?, problem: CellProblem?) {
        guard let v, v.count != 10 else { return (v, nil) }
        let months = v.split(separator: "|").map(String.init)
        guard let raw = idNumber, let id = try? IDNumber(raw) else { return (nil, nil) }
        let born = String(id.birthDate.iso.prefix(7))
        if months.contains(born) { return (nil, nil) }
        return (nil, CellProblem(field: key, message: "intake.error.birthMonth", args: [months.joined(separator: "/"), born]))
    }

    static func flag(_ v: String?) -> Bool? { v.map { $0 == "true" } }
    static func list(_ v: String?) -> [String]? { v.map { $0.split(separator: ",").map(String.init) } }

    static func child(_ v: [String: String], village: String?) -> (ChildInput, [CellProblem]) {
        var problems: [CellProblem] = []
        let (birth, p) = monthOnly(v["birthDate"], idNumber: v["idNumber"], key: "birthDate")
        if let p { problems.append(p) }
        func parent(_ who: String) -> ParentInput? {
            let keys = ["name", "idNumber", "situation", "workPlace", "phone"].map { who + "." + $0 }
            guard keys.contains(where: { v[$0] != nil }) else { return nil }
            return ParentInput(name: v[who + ".name"], idNumber: v[who + ".idNumber"], situation: v[who + ".situation"], workPlace: v[who + ".workPlace"],
                               since: nil, phone: v[who + ".phone"])
        }
        var guardian: GuardianInput? = nil
        if ["name", "idNumber", "relation", "health", "phone"].contains(where: { v["guardian." + $0] != nil }) {
            guardian = GuardianInput(name: v["guardian.name"], idNumber: v["guardian.idNumber"], birthDate: nil, relation: v["guardian.relation"] ?? (v["guardian.name"] == nil ? nil : "other"),
                                     health: v["guardian.health"], phone: v["guardian.phone"])
        }
        // A ledger without the column means the children it lists are rural and, with a guardian named, live with her.
        let living = v["livingArrangement"] ?? (guardian == nil ? LivingArrangement.withParent.rawValue : LivingArrangement.withGuardian.rawValue)
        var input = ChildInput()
        input.name = v["name"]; input.idNumber = v["idNumber"]; input.sex = v["sex"]; input.birthDate = birth
        input.villageCode = village ?? v["villageCode"]; input.hukou = v["hukou"] ?? Hukou.rural.rawValue; input.ethnicity = ethnicity(v["ethnicity"])
        input.health = v["health"]; input.school = v["school"]; input.grade = v["grade"]; input.boarding = flag(v["boarding"])
        input.poverty = v["poverty"]; input.address = v["address"]; input.father = parent("father"); input.mother = parent("mother"); input.guardian = guardian
        input.livingArrangement = living; input.needs = list(v["needs"]); input.informedOn = v["informedOn"]; input.consent = flag(v["consent"])
        // Links to people already registered, and likely duplicates, are reported as warnings, never a stop.
        input.confirmLinks = true
        return (input, problems)
    }

    static func woman(_ v: [String: String], village: String?) -> (WomanInput, [CellProblem]) {
        var problems: [CellProblem] = []
        // A since-month typed as the number 2025.1 may be January or October; the rules count months, so ask.
        if let since = v["husband.since"], since.contains("|") {
            problems.append(CellProblem(field: "husband.since", message: "intake.error.januaryOrOctober", args: [since.replacingOccurrences(of: "|", with: " / ")]))
        }
        var husband: ParentInput? = nil
        if ["name", "idNumber", "situation", "workPlace", "since", "phone"].contains(where: { v["husband." + $0] != nil }) {
            husband = ParentInput(name: v["husband.name"], idNumber: v["husband.idNumber"], situation: v["husband.situation"] ?? ParentSituation.workingAway.rawValue,
                                  workPlace: v["husband.workPlace"], since: v["husband.since"].map { $0.count == 7 ? $0 + "-01" : $0 }, phone: v["husband.phone"])
        }
        var input = WomanInput()
        input.name = v["name"]; input.idNumber = v["idNumber"]; input.villageCode = village ?? v["villageCode"]; input.hukou = v["hukou"] ?? Hukou.rural.rawValue
        input.phone = v["phone"]; input.ethnicity = ethnicity(v["ethnicity"]); input.health = v["health"]; input.husband = husband
        input.childrenInCare = v["childrenInCare"].flatMap { Int($0) }; input.eldersInCare = v["eldersInCare"].flatMap { Int($0) }
        input.farming = flag(v["farming"]); input.skills = v["skills"]; input.needs = list(v["needs"])
        input.employmentInterest = flag(v["employmentInterest"]); input.healthInterest = flag(v["healthInterest"]); input.confirmLinks = true
        return (input, problems)
    }

    /// A volunteer's row as the API's input, so `PairingService.createVolunteer` applies the same rules to both.
    static func volunteer(_ v: [String: String], unit: String?) -> VolunteerInput {
        VolunteerInput(name: v["name"], idNumber: v["idNumber"], phone: v["phone"], unitCode: unit ?? v["unitCode"], organisation: v["organisation"],
                       honours: v["honours"], skills: list(v["skills"]), availableTime: v["availableTime"], capacity: v["capacity"].flatMap { Int($0) },
                       latitude: v["latitude"].flatMap(Double.init), longitude: v["longitude"].flatMap(Double.init), status: nil)
    }

    /// 汉 and 汉族 are the same answer.
    static func ethnicity(_ v: String?) -> String? {
        guard let v, !v.isEmpty else { return nil }
        if Ethnicity.all.contains(v) { return v }
        let long = v + IntakeWords.ethnicitySuffix
        return Ethnicity.all.contains(long) ? long : v
    }
}
