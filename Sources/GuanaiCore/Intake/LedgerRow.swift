import Foundation

/// The read cells of one ledger row as the registry's own inputs, so an imported row passes exactly the checks a
/// form does. Columns the ledger lacks are derived where they can be (LedgerWords); each thing assumed is a warning.
public enum LedgerRow {
    /// The ledger words these rules quote back in their messages: they are the web catalogue's (IntakeWords).
    public struct Words: Sendable {
        /// Joins the words a column takes, in a "not understood" message.
        public let choiceSeparator: String
        /// The suffix an ethnicity may be written without (汉 = 汉族).
        public let ethnicitySuffix: String
        /// A child column's key → the header name exports write for it.
        public let childHeader: [String: String]

        public init(choiceSeparator: String, ethnicitySuffix: String, childHeader: [String: String]) {
            self.choiceSeparator = choiceSeparator
            self.ethnicitySuffix = ethnicitySuffix
            self.childHeader = childHeader
        }
    }

    /// A month-only date (出生年月) is right when the ID number's birth month is one it can mean; the full date then
    /// comes from the ID number. Otherwise it is a problem on that column.
    public static func monthOnly(_ v: String?, idNumber: String?, key: String) -> (date: String?, problem: CellProblem?) {
        guard let v, v.count != 10 else { return (v, nil) }
        let months = v.split(separator: "|").map(String.init)
        guard let raw = idNumber, let id = try? IDNumber(raw) else { return (nil, nil) }
        let born = String(id.birthDate.iso.prefix(7))
        if months.contains(born) { return (nil, nil) }
        return (nil, CellProblem(field: key, message: "intake.error.birthMonth", args: [months.joined(separator: "/"), born]))
    }

    public static func flag(_ v: String?) -> Bool? { v.map { $0 == "true" } }

    /// The plain fields in a row's cells, under their own keys; a column the ledger lacks stays absent.
    static func ledgerDetails<F: RecordDetail>(_ v: [String: String]) -> Details<F> {
        var d = Details<F>()
        for f in F.allCases {
            guard let cell = v[f.rawValue] else { continue }
            switch f.kind {
            case .text: d[text: f] = cell
            case .flag: d[flag: f] = cell == "true"
            case .count: if let n = Int(cell) { d[count: f] = n }
            }
        }
        return d
    }
    public static func list(_ v: String?) -> [String]? { v.map { $0.split(separator: ",").map(String.init) } }

    /// What LedgerWords said about a row, as the importer reports it: a cell problem, or a warning on a field.
    public static func assumed(_ a: LedgerWords.Assumption, _ field: String) -> CellProblem {
        CellProblem(field: field, message: a.key, args: a.args)
    }
    public static func notUnderstood(_ e: LedgerWords.NotUnderstood, _ field: String, _ words: Words) -> CellProblem {
        CellProblem(field: field, message: "intake.error.wordChoices", args: [e.value, e.closest.joined(separator: words.choiceSeparator)])
    }

    /// A health cell: a token (read from the catalogue's labels) or a ledger word.
    public static func health(
        _ v: String?, _ field: String, _ words: Words, _ problems: inout [CellProblem],
        _ warnings: inout [CellProblem]
    ) -> String? {
        guard let v else { return nil }
        if Health(rawValue: v) != nil { return v }
        switch LedgerWords.health(v) {
        case .success(let (h, assumptions)): warnings += assumptions.map { assumed($0, field) }; return h.rawValue
        case .failure(let e): problems.append(notUnderstood(e, field, words)); return nil
        }
    }

    /// A parent's situation and work place, from whichever of the columns the ledger has.
    public static func parent(
        _ v: [String: String], _ who: String, sharedPlace: String?, _ words: Words, _ problems: inout [CellProblem],
        _ warnings: inout [CellProblem]
    ) -> (situation: String?, place: String?, unknown: Bool) {
        let text = v[who + ".situation"], ownPlace = v[who + ".workPlace"]
        if let text, ParentSituation(rawValue: text) != nil { return (text, ownPlace, false) }
        let placeField = ownPlace != nil ? who + ".workPlace" : "parents.workPlace"
        switch LedgerWords.parent(situation: text, workPlace: ownPlace ?? sharedPlace) {
        case .failure(let e):
            problems.append(notUnderstood(e, who + ".situation", words))
            return (nil, nil, false)
        case .success(let r):
            for a in r.assumptions where a != .situationUnknown {
                if case .workingAwayFromPlace = a {
                    warnings.append(assumed(a, placeField))
                } else {
                    warnings.append(assumed(a, who + ".situation"))
                }
            }
            return (r.situation?.rawValue, r.place, r.situation == nil && r.assumptions.contains(.situationUnknown))
        }
    }

    /// A ledger row as a child's input. Columns the ledger lacks are never required: what can be derived is (LedgerWords),
    /// and each thing assumed is a warning on the row. `present`: the schema keys the file has columns for.
    public static func child(
        _ v: [String: String], village: String?, present: Set<String> = [], today: CivilDate,
        words: Words
    ) -> (ChildInput, [CellProblem], [CellProblem]) {
        var problems: [CellProblem] = [], warnings: [CellProblem] = []
        let (birth, p) = monthOnly(v["birthDate"], idNumber: v["idNumber"], key: "birthDate")
        if let p { problems.append(p) }

        var father = (v["father.name"], v["father.idNumber"], v["father.phone"])
        var mother = (v["mother.name"], v["mother.idNumber"], v["mother.phone"])
        let f = parent(v, "father", sharedPlace: v["parents.workPlace"], words, &problems, &warnings)
        let m = parent(v, "mother", sharedPlace: v["parents.workPlace"], words, &problems, &warnings)
        var (fs, fUnknown, ms, mUnknown) = (f.situation, f.unknown, m.situation, m.unknown)
        let (fp, mp) = (f.place, m.place)

        var guardian: GuardianInput? = nil
        var relation = v["guardian.relation"], guardianIsParent = false
        if let r = relation, GuardianRelation(rawValue: r) == nil {
            switch LedgerWords.guardian(r) {
            case .failure(let e): problems.append(notUnderstood(e, "guardian.relation", words)); relation = nil
            case .success(.guardian(let g)): relation = g.rawValue
            case .success(.parent(let role)):
                // The child's own parent is no entrusted guardian: the child lives with her, and the person named is
                // that parent (unless the parent's own columns name someone).
                relation = nil; guardianIsParent = true
                warnings.append(assumed(.guardianIsParent(role), "guardian.relation"))
                let named = (v["guardian.name"], v["guardian.idNumber"], v["guardian.phone"])
                if role == .mother {
                    if mother.0 == nil && mother.1 == nil { mother = named }
                    if ms == nil { ms = ParentSituation.atHome.rawValue; mUnknown = false }
                } else {
                    if father.0 == nil && father.1 == nil { father = named }
                    if fs == nil { fs = ParentSituation.atHome.rawValue; fUnknown = false }
                }
            }
        }
        if !guardianIsParent, ["name", "idNumber", "relation", "health", "phone", "age"].contains(where: { v["guardian." + $0] != nil }) {
            var born: String? = nil
            if let age = v["guardian.age"], v["guardian.idNumber"] == nil {
                if let n = LedgerWords.age(age) {
                    let b = LedgerWords.birthDate(age: n, today: today)
                    born = b.iso
                    warnings.append(assumed(.birthFromAge(age: n, birth: b), "guardian.age"))
                } else {
                    problems.append(CellProblem(field: "guardian.age", message: "intake.error.age", args: [age]))
                }
            }
            guardian = GuardianInput(
                name: v["guardian.name"], idNumber: v["guardian.idNumber"], birthDate: born,
                relation: relation ?? (v["guardian.name"] == nil ? nil : GuardianRelation.other.rawValue),
                health: health(
                    v["guardian.health"], "guardian.health", words, &problems,
                    &warnings), phone: v["guardian.phone"])
        }
        // Unknown is said where the ledger has no situation column for a parent it otherwise speaks of; a blank cell
        // in a situation column is left blank as on the form.
        for (who, unknown) in [("father", fUnknown), ("mother", mUnknown)] where unknown && !present.contains(who + ".situation") {
            if present.contains("parents.workPlace") || present.contains(where: { $0.hasPrefix(who + ".") }) {
                warnings.append(assumed(.situationUnknown, who + ".situation"))
            }
        }

        // A person with an ID number, a phone or (a guardian) a relation needs a name; when the file has no name
        // column the error says to add one, rather than "required" on a column the file does not have.
        func needsName(_ who: String, _ fields: [String], named: Bool) {
            guard !named, !present.contains(who + ".name"), let field = fields.first(where: { v[$0] != nil }) else { return }
            let header = words.childHeader[who + ".name"] ?? who
            problems.append(CellProblem(field: field, message: "intake.error.nameColumn", args: [header]))
        }
        needsName("father", ["father.idNumber", "father.phone"], named: father.0 != nil)
        needsName("mother", ["mother.idNumber", "mother.phone"], named: mother.0 != nil)
        if guardian != nil {
            needsName(
                "guardian", ["guardian.relation", "guardian.idNumber", "guardian.phone", "guardian.health", "guardian.age"],
                named: v["guardian.name"] != nil)
        }

        func parentInput(_ who: (String?, String?, String?), _ situation: String?, _ place: String?) -> ParentInput? {
            guard who.0 != nil || who.1 != nil || who.2 != nil || situation != nil else { return nil }
            return ParentInput(
                name: who.0, idNumber: who.1, situation: situation,
                workPlace: situation == ParentSituation.workingAway.rawValue ? place : nil,
                since: nil, phone: who.2)
        }
        var living = v["livingArrangement"]
        if living == nil {
            let (derived, weak) = LedgerWords.living(
                guardianNamed: guardian != nil, father: fs.flatMap(ParentSituation.init(rawValue:)),
                mother: ms.flatMap(ParentSituation.init(rawValue:)))
            living = derived.rawValue
            if let weak { warnings.append(assumed(weak, "livingArrangement")) }
        }
        var input = ChildInput()
        input.name = v["name"]; input.idNumber = v["idNumber"]; input.sex = v["sex"]; input.birthDate = birth
        input.villageCode = village ?? v["villageCode"]
        input.hukou = v["hukou"] ?? Hukou.rural.rawValue
        input.ethnicity = ethnicity(v["ethnicity"], words)
        input.health = health(v["health"], "health", words, &problems, &warnings)
        input.details = ledgerDetails(v)
        input.poverty = v["poverty"]
        input.address = v["address"]
        input.father = parentInput(father, fs, fp)
        input.mother = parentInput(mother, ms, mp)
        input.guardian = guardian
        input.livingArrangement = living
        input.needs = list(v["needs"])
        input.informedOn = v["informedOn"]
        input.consent = flag(v["consent"])
        // Links to people already registered, and likely duplicates, are reported as warnings, never a stop.
        input.confirmLinks = true
        return (input, problems, warnings)
    }

    public static func woman(_ v: [String: String], village: String?, words: Words) -> (WomanInput, [CellProblem], [CellProblem]) {
        var problems: [CellProblem] = [], warnings: [CellProblem] = []
        // A since-month typed as the number 2025.1 may be January or October; the rules count months, so ask.
        if let since = v["husband.since"], since.contains("|") {
            problems.append(
                CellProblem(
                    field: "husband.since", message: "intake.error.januaryOrOctober",
                    args: [since.replacingOccurrences(of: "|", with: " / ")]))
        }
        var husband: ParentInput? = nil
        if ["name", "idNumber", "situation", "workPlace", "since", "phone"].contains(where: { v["husband." + $0] != nil }) {
            // A women's ledger lists women whose husbands are away: no situation written is working away, as before.
            var situation = v["husband.situation"], place = v["husband.workPlace"]
            if let text = situation, ParentSituation(rawValue: text) == nil {
                switch LedgerWords.parent(situation: text, workPlace: place) {
                case .failure(let e): problems.append(notUnderstood(e, "husband.situation", words)); situation = nil
                case .success(let r) where r.situation == nil:
                    // 离异, 无: a women's ledger says nothing definite here, and away is not assumed against it.
                    problems.append(
                        notUnderstood(
                            LedgerWords.NotUnderstood(value: text, closest: LedgerWords.situation.map { $0.1[0] }),
                            "husband.situation", words))
                case .success(let r):
                    situation = r.situation?.rawValue; place = r.place
                    warnings += r.assumptions.map { assumed($0, "husband.situation") }
                }
            }
            husband = ParentInput(
                name: v["husband.name"], idNumber: v["husband.idNumber"],
                situation: situation ?? ParentSituation.workingAway.rawValue, workPlace: place,
                since: v["husband.since"].map { $0.count == 7 ? $0 + "-01" : $0 }, phone: v["husband.phone"])
        }
        var input = WomanInput()
        input.name = v["name"]
        input.idNumber = v["idNumber"]
        input.villageCode = village ?? v["villageCode"]
        input.hukou = v["hukou"] ?? Hukou.rural.rawValue
        input.phone = v["phone"]
        input.ethnicity = ethnicity(v["ethnicity"], words)
        input.health = health(v["health"], "health", words, &problems, &warnings)
        input.husband = husband
        input.details = ledgerDetails(v)
        input.needs = list(v["needs"])
        input.confirmLinks = true
        return (input, problems, warnings)
    }

    /// A volunteer's row as the API's input, so `PairingService.createVolunteer` applies the same rules to both.
    public static func volunteer(_ v: [String: String], unit: String?) -> VolunteerInput {
        VolunteerInput(
            name: v["name"], idNumber: v["idNumber"], phone: v["phone"], unitCode: unit ?? v["unitCode"],
            details: ledgerDetails(v), skills: list(v["skills"]), capacity: v["capacity"].flatMap { Int($0) },
            latitude: v["latitude"].flatMap(Double.init), longitude: v["longitude"].flatMap(Double.init), status: nil)
    }

    /// 汉 and 汉族 are the same answer.
    public static func ethnicity(_ v: String?, _ words: Words) -> String? {
        guard let v, !v.isEmpty else { return nil }
        if Ethnicity.all.contains(v) { return v }
        let long = v + words.ethnicitySuffix
        return Ethnicity.all.contains(long) ? long : v
    }
}
