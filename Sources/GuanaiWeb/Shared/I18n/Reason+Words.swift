import GuanaiCore

/// A rule's reason in the reader's language, from its code and parameters.
extension Reason {
    /// Which catalogue family names each token parameter; numbers and dates go in as they are.
    static let parameterWords: [ReasonCode: [String]] = [
        .leftBehindOneAway: ["reason.parent.", "reason.parent."], .orphan: ["reason.parent.", "reason.parent."],
        .deFactoUnsupported: ["reason.parent.", "reason.parent."], .difficultyPoverty: ["reason.poverty."],
        .difficultyDisability: ["reason.disability."], .difficultyGuardianship: ["reason.guardianship."],
        .riskNoCapableCaregiver: ["reason.guardian."],
    ]

    func text(_ l: UILanguage) -> String {
        guard let code = ReasonCode(rawValue: self.code), Catalogue.zh["reason." + self.code] != nil else { return message }
        if params.count < code.parameterCount {
            // Stored before parameters existed: the Chinese sentence is exact, other languages get the general form.
            return l == .zh ? message : l.t("reason.brief." + self.code)
        }
        let words = Self.parameterWords[code] ?? []
        var s = l.t("reason." + self.code)
        for (i, p) in params.enumerated() {
            let key = i < words.count ? words[i] + p : ""
            s = s.replacingOccurrences(of: "{\(i)}", with: Catalogue.zh[key] != nil ? l.t(key) : p)
        }
        return s
    }
}

extension ReasonDTO {
    /// The API's `{"code","message"}`, the message in the request's language.
    init(_ r: Reason, _ l: UILanguage) { self.init(code: r.code, message: r.text(l)) }
}
