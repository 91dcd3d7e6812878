import Vapor

/// UI language. zh-Hans first; English by a switch that is remembered in a cookie.
public enum UILanguage: String, Sendable, CaseIterable {
    case zh = "zh-Hans"
    case en = "en"

    var catalogue: [String: String] {
        switch self {
        case .zh: return Catalogue.zh
        case .en: return Catalogue.en
        }
    }

    /// `{0}`, `{1}` … in a catalogue string are filled from `args`.
    public func t(_ key: String, _ args: String...) -> String {
        var s = catalogue[key] ?? Catalogue.zh[key] ?? key
        for (i, v) in args.enumerated() { s = s.replacingOccurrences(of: "{\(i)}", with: v) }
        return s
    }

    static let cookieName = "guanai_lang"

    static func from(_ req: Request) -> UILanguage {
        if let c = req.cookies[cookieName]?.string, let l = UILanguage(rawValue: c) { return l }
        if req.url.path.hasPrefix("/api/"), let al = req.headers.first(name: .acceptLanguage), al.lowercased().hasPrefix("en") { return .en }
        return .zh
    }
}

extension Request {
    public var lang: UILanguage { UILanguage.from(self) }
    public func t(_ key: String, _ args: String...) -> String {
        var s = lang.t(key)
        for (i, v) in args.enumerated() { s = s.replacingOccurrences(of: "{\(i)}", with: v) }
        return s
    }
}

/// Namespace for the two catalogues; each language lives in its own file.
/// The UI text, one file per feature and language (Catalogue+zh.swift, Catalogue+zh+Safety.swift …); a key defined
/// in two files is a mistake and stops the app at once rather than showing one of them at random.
public enum Catalogue {
    static let zh = merge([zhBase, zhRegistry, zhSafety, zhIntake, zhPairing, zhCampaigns, zhAudit, zhReasons])
    static let en = merge([enBase, enRegistry, enSafety, enIntake, enPairing, enCampaigns, enAudit, enReasons])

    static func merge(_ parts: [[String: String]]) -> [String: String] {
        parts.reduce(into: [:]) { all, part in all.merge(part) { _, _ in preconditionFailure("duplicate catalogue key") } }
    }
}
