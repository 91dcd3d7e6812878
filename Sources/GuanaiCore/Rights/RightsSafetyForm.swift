import Foundation

/// How dangerous the home is now, as the mediators judge it.
public enum SafetyRisk: String, Sendable, Codable, CaseIterable {
    case low, medium, high
}

/// Where an application for a 人身安全保护令 stands.
public enum ProtectionOrderStatus: String, Sendable, Codable, CaseIterable {
    case pending, granted, refused
}

/// `POST …/cases/{id}/safety` (issue 19, item 7): the safety plan of a domestic-violence case, replacing the last.
public struct RightsSafetyInput: Codable, Sendable, Equatable {
    public struct WarningLetter: Codable, Sendable, Equatable {
        public var issuedOn: String?
        public var by: String?
        public init(issuedOn: String? = nil, by: String? = nil) {
            self.issuedOn = issuedOn
            self.by = by
        }
    }
    public struct ProtectionOrder: Codable, Sendable, Equatable {
        public var appliedOn: String?
        public var court: String?
        public var status: String?
        public var decidedOn: String?
        public var expiresOn: String?
        public init(
            appliedOn: String? = nil, court: String? = nil, status: String? = nil, decidedOn: String? = nil, expiresOn: String? = nil
        ) {
            self.appliedOn = appliedOn
            self.court = court
            self.status = status
            self.decidedOn = decidedOn
            self.expiresOn = expiresOn
        }
    }
    public var risk: String?
    public var plan: String?
    public var policeReportNo: String?
    /// 告诫书: issued by the police.
    public var warningLetter: WarningLetter?
    /// 人身安全保护令.
    public var protectionOrder: ProtectionOrder?
    public init(
        risk: String? = nil, plan: String? = nil, policeReportNo: String? = nil, warningLetter: WarningLetter? = nil,
        protectionOrder: ProtectionOrder? = nil
    ) {
        self.risk = risk
        self.plan = plan
        self.policeReportNo = policeReportNo
        self.warningLetter = warningLetter
        self.protectionOrder = protectionOrder
    }
}

/// A safety plan as kept (confidential: with the case's texts).
public struct RightsSafety: Codable, Sendable, Equatable {
    public struct WarningLetter: Codable, Sendable, Equatable {
        public let issuedOn: CivilDate
        public let by: String
    }
    public struct ProtectionOrder: Codable, Sendable, Equatable {
        public let appliedOn: CivilDate
        public let court: String
        public let status: ProtectionOrderStatus
        public let decidedOn: CivilDate?
        public let expiresOn: CivilDate?
    }
    public let risk: SafetyRisk
    public let plan: String?
    public let policeReportNo: String?
    public let warningLetter: WarningLetter?
    public let protectionOrder: ProtectionOrder?
}

public enum RightsSafetyForm {
    /// Every field checked, each bad one named: a known risk; a letter's day (not after today) and who issued it; an
    /// order's application day, court and status, a decision's day once decided (not before the application), and a
    /// granted order's expiry after its decision.
    public static func check(_ input: RightsSafetyInput, today: CivilDate, _ c: inout FormChecker) -> RightsSafety? {
        let risk = c.token(input.risk, "risk", SafetyRisk.self)
        let plan = c.text(input.plan)
        StationForm.text(plan, "plan", &c)
        let police = c.text(input.policeReportNo)
        StationForm.text(police, "policeReportNo", &c)
        var letter: RightsSafety.WarningLetter? = nil
        if let w = input.warningLetter {
            let on = RightsMediationForm.day(w.issuedOn, "warningLetter.issuedOn", after: nil, today: today, &c)
            let by = c.required(w.by, "warningLetter.by")
            StationForm.text(by, "warningLetter.by", &c)
            if let on, let by { letter = .init(issuedOn: on, by: by) }
        }
        var order: RightsSafety.ProtectionOrder? = nil
        if let o = input.protectionOrder {
            let applied = RightsMediationForm.day(o.appliedOn, "protectionOrder.appliedOn", after: nil, today: today, &c)
            let court = c.required(o.court, "protectionOrder.court")
            StationForm.text(court, "protectionOrder.court", &c)
            let status = c.token(o.status, "protectionOrder.status", ProtectionOrderStatus.self)
            var decided: CivilDate? = nil, expires: CivilDate? = nil
            if let status, status != .pending {
                decided = RightsMediationForm.day(o.decidedOn, "protectionOrder.decidedOn", after: applied, today: today, &c)
            } else if c.text(o.decidedOn) != nil {
                c.errors.append(FieldError(field: "protectionOrder.decidedOn", key: "rights.error.pendingDecided"))
            }
            if status == .granted {
                expires = CourseForm.requiredDate(o.expiresOn, "protectionOrder.expiresOn", &c)
                if let e = expires, let d = decided, e <= d {
                    c.errors.append(FieldError(field: "protectionOrder.expiresOn", key: "rights.error.after", args: [d.iso]))
                }
            } else if c.text(o.expiresOn) != nil {
                c.errors.append(FieldError(field: "protectionOrder.expiresOn", key: "rights.error.notGranted"))
            }
            if let applied, let court, let status {
                order = .init(appliedOn: applied, court: court, status: status, decidedOn: decided, expiresOn: expires)
            }
        }
        guard c.errors.isEmpty, let risk else { return nil }
        return RightsSafety(risk: risk, plan: plan, policeReportNo: police, warningLetter: letter, protectionOrder: order)
    }

    /// A granted order's expiry within `warnDays` of `today` (and not yet past): the day the mediators are told of.
    public static func expiryToTell(_ s: RightsSafety?, today: CivilDate, warnDays: Int) -> CivilDate? {
        guard let o = s?.protectionOrder, o.status == .granted, let e = o.expiresOn else { return nil }
        return e >= today && e.dayNumber - today.dayNumber <= warnDays ? e : nil
    }
}
