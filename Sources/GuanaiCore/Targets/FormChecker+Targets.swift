/// How a target is counted, and so how children's targets combine into their parent's (`TargetCascade`).
public enum TargetKind: String, Sendable, Codable, CaseIterable {
    /// A number of people or activities: villages' targets add up to the township's.
    case count
    /// A share from 0 to 1 ("0.85"): villages' rates combine weighted by their denominators.
    case rate
}

extension FormChecker {
    /// Digits before the point a typed number may have: a county's head count fits with room to spare, and a pasted
    /// phone number or ID number does not.
    public static let targetWholeDigits = 9

    /// A number of 0 or more as typed, with at most `places` decimals (`targets.error.number`, the places as argument).
    /// Surrounding spaces are dropped; blank is `field.error.required` when `required`, else nil without an error.
    public mutating func targetNumber(_ v: String?, _ field: String, places: Int = 4, required: Bool = true) -> TargetNumber? {
        let s = v?.trimmingCharacters(in: .whitespaces) ?? ""
        if s.isEmpty {
            if required { errors.append(FieldError(field: field, key: "field.error.required")) }
            return nil
        }
        guard let p = TargetNumber.parts(s), !p.negative, p.whole.count <= Self.targetWholeDigits, p.fraction.count <= places,
            let n = TargetNumber(s)
        else {
            errors.append(FieldError(field: field, key: "targets.error.number", args: [String(places)]))
            return nil
        }
        return n
    }

    /// A target as typed for its kind: a whole number of 0 or more (`targets.error.count`), or a rate from 0 to 1 with at
    /// most four decimals, 0.85 for 85 % (`targets.error.rate`).
    public mutating func target(_ v: String?, _ field: String, kind: TargetKind, required: Bool = true) -> TargetNumber? {
        let before = errors.count
        let n = targetNumber(v, field, places: kind == .count ? 0 : 4, required: required)
        let bad = errors.count > before && errors[before].key == "targets.error.number"
        if bad || (kind == .rate && (n?.value ?? 0) > 1) {
            if bad { errors.removeLast() }
            errors.append(FieldError(field: field, key: kind == .count ? "targets.error.count" : "targets.error.rate"))
            return nil
        }
        return n
    }

    /// A month ("2027-03"), a quarter ("2027-Q1") or a year ("2027"), spaces around dropped (`targets.error.period`).
    public mutating func period(_ v: String?, _ field: String, required: Bool = true) -> IndicatorPeriod? {
        let s = v?.trimmingCharacters(in: .whitespaces) ?? ""
        if s.isEmpty {
            if required { errors.append(FieldError(field: field, key: "field.error.required")) }
            return nil
        }
        guard let p = IndicatorPeriod(s) else { errors.append(FieldError(field: field, key: "targets.error.period")); return nil }
        return p
    }
}
