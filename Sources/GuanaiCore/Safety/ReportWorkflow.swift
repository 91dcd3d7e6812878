import Foundation

/// 强制报告 → 应急处置 → 评估帮扶 → 监护干预: a mandatory report opens a case, each of the four steps gets at least one
/// entry, and only then may the case close.
public enum ReportStatus: String, Sendable, Codable, CaseIterable { case open, closed }

public enum ReportStepKind: String, Sendable, Codable, CaseIterable { case emergency, assessment, plan, intervention }

/// What the emergency step did for the child.
public enum ReportAction: String, Sendable, Codable, CaseIterable {
    case parentsContacted = "parents_contacted", relativesCare = "relatives_care", villageCare = "village_care", institutionCare =
        "institution_care"
}

/// The intervention step's answer: whether guardianship has to be changed (监护干预).
public enum InterventionDecision: String, Sendable, Codable, CaseIterable {
    case needed
    case notNeeded = "not_needed"
}

public enum ReportWorkflow {
    /// A report dated a little ahead of the server's clock is a phone's clock, not a report from the future.
    public static let clockTolerance: TimeInterval = 300

    /// What someone typed to file a report, as typed.
    public struct FilingInput: Sendable {
        public var reporter: String?, reporterContact: String?, reportedAt: String?, seen: String?, policeCalled: Bool?,
            policeReportNo: String?
        public init(
            reporter: String?, reporterContact: String?, reportedAt: String?, seen: String?, policeCalled: Bool?, policeReportNo: String?
        ) {
            self.reporter = reporter
            self.reporterContact = reporterContact
            self.reportedAt = reportedAt
            self.seen = seen
            self.policeCalled = policeCalled
            self.policeReportNo = policeReportNo
        }
    }

    /// A report ready to be stored.
    public struct Filing: Sendable, Equatable {
        public let reporter: String, reporterContact: String, reportedAt: Date, seen: String, policeCalled: Bool, policeReportNo: String?
    }

    /// Who reported and what they saw are required; when defaults to now and may not be in the future; a report the
    /// police were called for carries the police's case number.
    public static func filing(_ i: FilingInput, now: Date) -> Result<Filing, FieldErrors> {
        var errors: [FieldError] = []
        let reporter = trimmed(i.reporter), seen = trimmed(i.seen), policeNo = trimmed(i.policeReportNo)
        if reporter.isEmpty { errors.append(FieldError(field: "reporter", key: "field.error.required")) }
        if seen.isEmpty { errors.append(FieldError(field: "seen", key: "field.error.required")) }
        let when = instant(i.reportedAt, default: now)
        if when == nil { errors.append(FieldError(field: "reportedAt", key: "report.error.when")) }
        if let w = when, w > now.addingTimeInterval(clockTolerance) {
            errors.append(FieldError(field: "reportedAt", key: "report.error.future"))
        }
        if i.policeCalled == true && policeNo.isEmpty { errors.append(FieldError(field: "policeReportNo", key: "report.error.policeNo")) }
        guard errors.isEmpty, let at = when else { return .failure(FieldErrors(errors)) }
        return .success(
            Filing(
                reporter: reporter, reporterContact: trimmed(i.reporterContact), reportedAt: at, seen: seen,
                policeCalled: i.policeCalled ?? false, policeReportNo: policeNo.isEmpty ? nil : policeNo))
    }

    /// One entry of a step, ready to be stored.
    public struct Entry: Sendable, Equatable {
        public let step: ReportStepKind, action: String?, note: String, doneAt: Date
    }

    /// An entry names its step and says what was done; the emergency step picks what was done for the child, the
    /// intervention step whether guardianship must change; a closed case takes no more entries.
    public static func entry(step raw: String?, action rawAction: String?, note: String?, doneAt: String?, status: ReportStatus, now: Date)
        -> Result<Entry, FieldErrors>
    {
        var errors: [FieldError] = []
        let step = ReportStepKind(rawValue: raw ?? "")
        if step == nil { errors.append(FieldError(field: "step", key: "field.error.choice")) }
        var action = (rawAction ?? "").isEmpty ? nil : rawAction
        switch step {
        case .emergency:
            if ReportAction(rawValue: action ?? "") == nil { errors.append(FieldError(field: "action", key: "field.error.choice")) }
        case .intervention:
            if InterventionDecision(rawValue: action ?? "") == nil { errors.append(FieldError(field: "action", key: "field.error.choice")) }
        default: action = nil
        }
        let text = trimmed(note)
        if text.isEmpty { errors.append(FieldError(field: "note", key: "field.error.required")) }
        let when = instant(doneAt, default: now)
        if when == nil { errors.append(FieldError(field: "doneAt", key: "report.error.when")) }
        if status != .open { errors.append(FieldError(field: "step", key: "report.error.closed")) }
        guard errors.isEmpty, let step, let when else { return .failure(FieldErrors(errors)) }
        return .success(Entry(step: step, action: action, note: text, doneAt: when))
    }

    /// A case closes only when every step has an entry: one problem per missing step.
    public static func closeProblems(stepsWithEntries have: Set<ReportStepKind>) -> [FieldError] {
        ReportStepKind.allCases.filter { !have.contains($0) }.map {
            FieldError(field: "step." + $0.rawValue, key: "report.error.missing." + $0.rawValue)
        }
    }

    /// "2026-11-18T19:30" (China time, as a phone's datetime-local field sends it), or a full ISO-8601 instant; blank
    /// is `default`; nil when unreadable.
    public static func instant(_ s: String?, default d: Date) -> Date? {
        guard let s = s?.trimmingCharacters(in: .whitespaces), !s.isEmpty else { return d }
        if let x = ISO8601DateFormatter().date(from: s) { return x }
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = TimeZone(secondsFromGMT: 8 * 3600)
        for p in ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd HH:mm", "yyyy-MM-dd"] {
            f.dateFormat = p
            if let x = f.date(from: s) { return x }
        }
        return nil
    }

    static func trimmed(_ s: String?) -> String { (s ?? "").trimmingCharacters(in: .whitespacesAndNewlines) }
}
