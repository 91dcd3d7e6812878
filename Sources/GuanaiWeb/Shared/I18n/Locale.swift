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
    public func t(_ key: String, _ args: String...) -> String { t(key, args: args) }

    /// Every argument in its place: a message with a range names both ends.
    public func t(_ key: String, args: [String]) -> String {
        var s = catalogue[key] ?? Catalogue.zh[key] ?? key
        for (i, v) in args.enumerated() { s = s.replacingOccurrences(of: "{\(i)}", with: v) }
        return s
    }

    static let cookieName = "guanai_lang"

    static func from(_ req: Request) -> UILanguage {
        if let c = req.cookies[cookieName]?.string, let l = UILanguage(rawValue: c) { return l }
        if req.url.path.hasPrefix("/api/"), let al = req.headers.first(name: .acceptLanguage), al.lowercased().hasPrefix("en") {
            return .en
        }
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

/// The UI text, one file per feature (Catalogue+Base.swift, Catalogue+Safety.swift …), each key's Chinese and English
/// side by side so a missing translation cannot be written; a key defined in two files is a mistake and stops the app at
/// once rather than showing one of them at random.
public enum Catalogue {
    typealias Words = (zh: String, en: String)

    static let all = merge([
        base, registry, safety, intake, pairing, campaigns, stations, neighbours, audit, reasons, donations, employment, training, jobFairs,
        rights,
        rightsPages,
        health,
        healthPages,
        loanPages,
        employmentIntake, healthIntake,
    ])
    static let zh = all.mapValues(\.zh)
    static let en = all.mapValues(\.en)

    static func merge(_ parts: [[String: Words]]) -> [String: Words] {
        parts.reduce(into: [:]) { all, part in all.merge(part) { _, _ in preconditionFailure("duplicate catalogue key") } }
    }
}
