/// A year's assessment scheme (考核方案) as the form or the API sends it: the indicators scored with their weights and
/// caps, and the bonus items (加分项) a unit may be awarded points for. Numbers are text, as typed.
public struct AssessmentSchemeInput: Codable, Sendable, Equatable {
    public struct Item: Codable, Sendable, Equatable {
        public var indicator: String?
        public var weight: String?
        public var cap: String?
        public init(indicator: String? = nil, weight: String? = nil, cap: String? = nil) {
            self.indicator = indicator
            self.weight = weight
            self.cap = cap
        }
    }

    public struct Bonus: Codable, Sendable, Equatable {
        public var code: String?
        public var name: String?
        public var max: String?
        public init(code: String? = nil, name: String? = nil, max: String? = nil) {
            self.code = code
            self.name = name
            self.max = max
        }
    }

    public var items: [Item]?
    public var bonus: [Bonus]?
    public init(items: [Item]? = nil, bonus: [Bonus]? = nil) {
        self.items = items
        self.bonus = bonus
    }
}

public struct AssessmentScheme: Codable, Sendable, Equatable {
    public struct Item: Codable, Sendable, Equatable {
        /// The indicator's code as the web's catalogue of indicators names it; that it exists is the web's to check.
        public let indicator: String
        public let weight: TargetNumber
        /// The most `actual / target` counts for: 1.2 lets a unit earn a fifth more than the weight by overshooting.
        public let cap: TargetNumber
        public init(indicator: String, weight: TargetNumber, cap: TargetNumber = AssessmentScheme.defaultCap) {
            self.indicator = indicator
            self.weight = weight
            self.cap = cap
        }
    }

    public struct Bonus: Codable, Sendable, Equatable {
        public let code: String
        public let name: String
        public let max: TargetNumber
        public init(code: String, name: String, max: TargetNumber) {
            self.code = code
            self.name = name
            self.max = max
        }
    }

    public let items: [Item]
    public let bonus: [Bonus]
    public init(items: [Item], bonus: [Bonus] = []) {
        self.items = items
        self.bonus = bonus
    }

    /// A cap left blank: overshooting a target earns up to a fifth more, the usual 封顶 of county schemes, so a unit
    /// cannot make up a missed indicator by piling onto an easy one.
    public static let defaultCap = TargetNumber("1.2")!
    /// A scheme of dozens of indicators is already hard to read; a list past these is a paste gone wrong.
    public static let maxItems = 50
    public static let maxBonus = 20

    /// Every field checked, each bad one named by its index: at least one item; an indicator each once
    /// (`items[i].indicator`, `targets.error.duplicate` on the later one); a weight above 0 (`targets.error.positive`);
    /// a cap of 1 or more (`targets.error.atLeast`), 1.2 when blank; bonus codes each once, a name, a max of 0 or more.
    /// Weights need not add up to 100: a scheme's total is whatever its weights add up to.
    public static func check(_ input: AssessmentSchemeInput, _ c: inout FormChecker) -> AssessmentScheme? {
        let before = c.errors.count
        let rawItems = input.items ?? [], rawBonus = input.bonus ?? []
        if rawItems.isEmpty { c.errors.append(FieldError(field: "items", key: "field.error.required")) }
        if rawItems.count > maxItems { c.errors.append(FieldError(field: "items", key: "targets.error.tooMany", args: [String(maxItems)])) }
        if rawBonus.count > maxBonus { c.errors.append(FieldError(field: "bonus", key: "targets.error.tooMany", args: [String(maxBonus)])) }
        guard c.errors.count == before else { return nil }

        var items: [Item] = [], seen: Set<String> = []
        for (i, raw) in rawItems.enumerated() {
            let f = "items[\(i)]"
            let indicator = c.required(raw.indicator, f + ".indicator")
            StationForm.text(indicator, f + ".indicator", &c)
            if let indicator, !seen.insert(indicator).inserted {
                c.errors.append(FieldError(field: f + ".indicator", key: "targets.error.duplicate"))
            }
            var weight = c.targetNumber(raw.weight, f + ".weight")
            if let w = weight, w.value <= 0 {
                c.errors.append(FieldError(field: f + ".weight", key: "targets.error.positive"))
                weight = nil
            }
            var cap = c.targetNumber(raw.cap, f + ".cap", required: false) ?? (c.text(raw.cap) == nil ? defaultCap : nil)
            if let k = cap, k.value < 1 {
                c.errors.append(FieldError(field: f + ".cap", key: "targets.error.atLeast", args: ["1"]))
                cap = nil
            }
            if let indicator, let weight, let cap { items.append(Item(indicator: indicator, weight: weight, cap: cap)) }
        }

        var bonus: [Bonus] = [], codes: Set<String> = []
        for (i, raw) in rawBonus.enumerated() {
            let f = "bonus[\(i)]"
            let code = c.required(raw.code, f + ".code")
            StationForm.text(code, f + ".code", &c)
            if let code, !codes.insert(code).inserted { c.errors.append(FieldError(field: f + ".code", key: "targets.error.duplicate")) }
            let name = c.required(raw.name, f + ".name")
            StationForm.text(name, f + ".name", &c)
            let max = c.targetNumber(raw.max, f + ".max")
            if let code, let name, let max { bonus.append(Bonus(code: code, name: name, max: max)) }
        }
        guard c.errors.count == before else { return nil }
        return AssessmentScheme(items: items, bonus: bonus)
    }
}
