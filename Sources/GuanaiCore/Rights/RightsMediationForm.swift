import Foundation

/// `POST …/cases/{id}/mediators`: the whole list to add; naming oneself needs a reason.
public struct RightsMediatorsInput: Codable, Sendable, Equatable {
    public var userIds: [String]?
    public var reason: String?
    public init(userIds: [String]? = nil, reason: String? = nil) {
        self.userIds = userIds
        self.reason = reason
    }
}

/// `…/accept`: both parties' consent to mediation (人民调解 is voluntary). A refusal sends the case on with `advice`.
public struct RightsAcceptInput: Codable, Sendable, Equatable {
    public struct Consents: Codable, Sendable, Equatable {
        public var applicant: Bool?
        public var respondent: Bool?
        public init(applicant: Bool? = nil, respondent: Bool? = nil) {
            self.applicant = applicant
            self.respondent = respondent
        }
    }
    public var consents: Consents?
    public var advice: String?
    public init(consents: Consents? = nil, advice: String? = nil) {
        self.consents = consents
        self.advice = advice
    }
}

/// `…/decline`, `…/close`, `…/access`: a reason, said in words.
public struct RightsReasonInput: Codable, Sendable, Equatable {
    public var reason: String?
    public init(reason: String? = nil) { self.reason = reason }
}

/// `…/meetings`: one mediation meeting (调解会).
public struct RightsMeetingInput: Codable, Sendable, Equatable {
    public var date: String?
    public var place: String?
    public var attendees: [String]?
    public var minutes: String?
    public init(date: String? = nil, place: String? = nil, attendees: [String]? = nil, minutes: String? = nil) {
        self.date = date
        self.place = place
        self.attendees = attendees
        self.minutes = minutes
    }
}

/// `…/outcome`: an oral agreement (`content`), a written one (the 人民调解协议书's parts), or a failure sent on.
public struct RightsOutcomeInput: Codable, Sendable, Equatable {
    public var kind: String?
    public var on: String?
    public var content: String?
    public var facts: String?
    public var terms: String?
    public var performance: String?
    public var signedBy: [String]?
    public var signedOn: String?
    public var referral: String?
    public var advice: String?
    public init(
        kind: String? = nil, on: String? = nil, content: String? = nil, facts: String? = nil, terms: String? = nil,
        performance: String? = nil, signedBy: [String]? = nil, signedOn: String? = nil, referral: String? = nil, advice: String? = nil
    ) {
        self.kind = kind
        self.on = on
        self.content = content
        self.facts = facts
        self.terms = terms
        self.performance = performance
        self.signedBy = signedBy
        self.signedOn = signedOn
        self.referral = referral
        self.advice = advice
    }
}

/// `…/followups`: a 回访 of an agreement.
public struct RightsFollowupInput: Codable, Sendable, Equatable {
    public var on: String?
    public var compliance: String?
    public var note: String?
    public init(on: String? = nil, compliance: String? = nil, note: String? = nil) {
        self.on = on
        self.compliance = compliance
        self.note = note
    }
}

public struct RightsMeeting: Codable, Sendable, Equatable {
    public let date: CivilDate
    public let place: String
    public let attendees: [String]
    public let minutes: String
}

/// A case's outcome as kept (the confidential part: what the parties agreed or why not).
public struct RightsOutcome: Codable, Sendable, Equatable {
    public let kind: RightsOutcomeKind
    public let on: CivilDate
    public let content: String?
    public let facts: String?
    public let terms: String?
    public let performance: String?
    public let signedBy: [String]?
    public let referral: RightsReferral?
    public let advice: String?
}

public struct RightsFollowup: Codable, Sendable, Equatable {
    public let on: CivilDate
    public let compliance: RightsCompliance
    public let note: String?
}

public enum RightsMediationForm {
    /// The people in a room; more is a paste gone wrong.
    public static let maxNames = 30

    public static func reason(_ input: RightsReasonInput, _ c: inout FormChecker) -> String? {
        let r = c.required(input.reason, "reason")
        StationForm.text(r, "reason", &c)
        return c.errors.isEmpty ? r : nil
    }

    /// The ids given, each once (`userIds` required, at most `maxNames`); whether each may mediate is the caller's.
    public static func mediators(_ input: RightsMediatorsInput, _ c: inout FormChecker) -> (ids: [UUID], reason: String?)? {
        guard let raw = input.userIds, !raw.isEmpty else {
            c.errors.append(FieldError(field: "userIds", key: "field.error.required"))
            return nil
        }
        if raw.count > maxNames {
            c.errors.append(FieldError(field: "userIds", key: "rights.error.tooMany", args: [String(maxNames)]))
            return nil
        }
        var ids: [UUID] = []
        for (i, s) in raw.enumerated() {
            guard let id = UUID(uuidString: s.trimmingCharacters(in: .whitespaces)) else {
                c.errors.append(FieldError(field: "userIds[\(i)]", key: "field.error.choice"))
                continue
            }
            if !ids.contains(id) { ids.append(id) }
        }
        let reason = c.text(input.reason)
        StationForm.text(reason, "reason", &c)
        return c.errors.isEmpty ? (ids, reason) : nil
    }

    /// Consent both ways is acceptance; a refusal either way needs the advice given to the woman.
    public static func accept(_ input: RightsAcceptInput, _ c: inout FormChecker) -> (consented: Bool, advice: String?)? {
        let a = input.consents?.applicant, r = input.consents?.respondent
        if a == nil { c.errors.append(FieldError(field: "consents.applicant", key: "field.error.required")) }
        if r == nil { c.errors.append(FieldError(field: "consents.respondent", key: "field.error.required")) }
        let advice = c.text(input.advice)
        StationForm.text(advice, "advice", &c)
        guard c.errors.isEmpty, let a, let r else { return nil }
        if !(a && r), advice == nil {
            c.errors.append(FieldError(field: "advice", key: "rights.error.advice"))
            return nil
        }
        return (a && r, advice)
    }

    /// A meeting on a day between acceptance and `today`, with a place, who came and what was said.
    public static func meeting(_ input: RightsMeetingInput, acceptedOn: CivilDate?, today: CivilDate, _ c: inout FormChecker)
        -> RightsMeeting?
    {
        let date = day(input.date, "date", after: acceptedOn, today: today, &c)
        let place = c.required(input.place, "place")
        StationForm.text(place, "place", &c)
        let attendees = names(input.attendees, "attendees", &c)
        let minutes = c.required(input.minutes, "minutes")
        StationForm.text(minutes, "minutes", &c)
        guard c.errors.isEmpty, let date, let place, let attendees, let minutes else { return nil }
        return RightsMeeting(date: date, place: place, attendees: attendees, minutes: minutes)
    }

    /// The parts each kind needs, each missing one named: `content`; `facts`, `terms`, `performance`, `signedBy`,
    /// `signedOn`; `referral` and `advice`. The day is the signing day, else `on`, else today.
    public static func outcome(_ input: RightsOutcomeInput, since: CivilDate?, today: CivilDate, _ c: inout FormChecker)
        -> RightsOutcome?
    {
        guard let kind = c.token(input.kind, "kind", RightsOutcomeKind.self) else { return nil }
        let long = { (v: String?, f: String, c: inout FormChecker) -> String? in
            let t = c.required(v, f)
            StationForm.text(t, f, &c)
            return t
        }
        var on = c.text(input.on) == nil ? today : day(input.on, "on", after: since, today: today, &c)
        switch kind {
        case .oralAgreement:
            let content = long(input.content, "content", &c)
            guard c.errors.isEmpty, let on, let content else { return nil }
            return RightsOutcome(
                kind: kind, on: on, content: content, facts: nil, terms: nil, performance: nil, signedBy: nil, referral: nil, advice: nil)
        case .writtenAgreement:
            let facts = long(input.facts, "facts", &c)
            let terms = long(input.terms, "terms", &c)
            let performance = long(input.performance, "performance", &c)
            let signedBy = names(input.signedBy, "signedBy", &c)
            on = day(input.signedOn, "signedOn", after: since, today: today, &c)
            guard c.errors.isEmpty, let on, let facts, let terms, let performance, let signedBy else { return nil }
            return RightsOutcome(
                kind: kind, on: on, content: nil, facts: facts, terms: terms, performance: performance, signedBy: signedBy,
                referral: nil, advice: nil)
        case .failed:
            let referral = c.token(input.referral, "referral", RightsReferral.self)
            let advice = long(input.advice, "advice", &c)
            guard c.errors.isEmpty, let on, let referral, let advice else { return nil }
            return RightsOutcome(
                kind: kind, on: on, content: nil, facts: nil, terms: nil, performance: nil, signedBy: nil, referral: referral,
                advice: advice)
        }
    }

    public static func followup(_ input: RightsFollowupInput, since: CivilDate?, today: CivilDate, _ c: inout FormChecker)
        -> RightsFollowup?
    {
        let on = day(input.on, "on", after: since, today: today, &c)
        let compliance = c.token(input.compliance, "compliance", RightsCompliance.self)
        let note = c.text(input.note)
        StationForm.text(note, "note", &c)
        guard c.errors.isEmpty, let on, let compliance else { return nil }
        return RightsFollowup(on: on, compliance: compliance, note: note)
    }

    /// A required day no earlier than `after` (when known) and no later than `today`.
    static func day(_ v: String?, _ field: String, after: CivilDate?, today: CivilDate, _ c: inout FormChecker) -> CivilDate? {
        guard let d = CourseForm.requiredDate(v, field, &c) else { return nil }
        if d > today {
            c.errors.append(FieldError(field: field, key: "rights.error.future"))
            return nil
        }
        if let after, d < after {
            c.errors.append(FieldError(field: field, key: "rights.error.before", args: [after.iso]))
            return nil
        }
        return d
    }

    /// One name at least, each a name's length, at most `maxNames`.
    static func names(_ raw: [String]?, _ field: String, _ c: inout FormChecker) -> [String]? {
        let list = (raw ?? []).map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
        if list.isEmpty {
            c.errors.append(FieldError(field: field, key: "field.error.required"))
            return nil
        }
        if list.count > maxNames {
            c.errors.append(FieldError(field: field, key: "rights.error.tooMany", args: [String(maxNames)]))
            return nil
        }
        let before = c.errors.count
        for (i, n) in list.enumerated() { StationForm.text(n, "\(field)[\(i)]", &c) }
        return c.errors.count == before ? list : nil
    }
}
