/// `POST /api/v1/health/followups/{id}/steps`: one step of the pathway, done on `date`.
public struct HealthStepInput: Codable, Sendable, Equatable {
    public var step: String?
    public var date: String?
    public var result: String?
    public var stage: String?
    public init(step: String? = nil, date: String? = nil, result: String? = nil, stage: String? = nil) {
        self.step = step
        self.date = date
        self.result = result
        self.stage = stage
    }
}

/// A step as the rules read it; the web stores its result as `result?.token`.
public struct CheckedHealthStep: Sendable, Equatable {
    public let step: FollowupStep
    public let date: CivilDate
    public let result: HealthStepResult?
    public let stage: CancerStage?
    public init(step: FollowupStep, date: CivilDate, result: HealthStepResult? = nil, stage: CancerStage? = nil) {
        self.step = step
        self.date = date
        self.result = result
        self.stage = stage
    }
}

/// `…/attempts`: a try to reach her for the awaited step.
public struct HealthAttemptInput: Codable, Sendable, Equatable {
    public var on: String?
    public var channel: String?
    public var note: String?
    public init(on: String? = nil, channel: String? = nil, note: String? = nil) {
        self.on = on
        self.channel = channel
        self.note = note
    }
}

public struct HealthAttempt: Codable, Sendable, Equatable {
    public let on: CivilDate
    public let channel: HealthAttemptChannel
    public let note: String?
}

/// `…/lost`: the follow-up given up, for a reason.
public struct HealthLostInput: Codable, Sendable, Equatable {
    public var reason: String?
    public init(reason: String? = nil) { self.reason = reason }
}

public enum HealthStepForm {
    /// Attempts to reach her before she may be called lost to follow-up.
    public static let attemptsBeforeLost = 2

    /// Every field checked, each bad one named: the step one of those `at` allows (else `step`, naming them; an
    /// ended follow-up allows none); a day between the last thing recorded and `today`; the result the step takes (a
    /// step that takes none refuses one); a stage for a cancer and for nothing else.
    public static func check(
        _ input: HealthStepInput, at: HealthFollowupPosition, programme: HealthProgramme, today: CivilDate, _ c: inout FormChecker
    ) -> CheckedHealthStep? {
        let step = c.token(input.step, "step", FollowupStep.self)
        if let step, !(at.status.isOpen && at.nextSteps.contains(step)) {
            c.errors.append(HealthPathway.stepError(at.status.isOpen ? at.nextSteps : []))
        }
        let date = RightsMediationForm.day(input.date, "date", after: at.since, today: today, &c)
        let raw = c.text(input.result)
        var result: HealthStepResult? = nil
        if let step {
            if HealthStepResult.kind(step, programme) == nil {
                if raw != nil { c.errors.append(FieldError(field: "result", key: "health.error.notTaken")) }
            } else if let raw {
                result = HealthStepResult(step: step, programme: programme, token: raw)
                if result == nil { c.errors.append(FieldError(field: "result", key: "field.error.choice")) }
            } else {
                c.errors.append(FieldError(field: "result", key: "field.error.required"))
            }
        }
        let stage = c.token(input.stage, "stage", CancerStage.self, required: result?.isCancer ?? false)
        if stage != nil, result != nil, result?.isCancer == false {
            c.errors.append(FieldError(field: "stage", key: "health.error.notTaken"))
        }
        guard c.errors.isEmpty, let step, let date else { return nil }
        return CheckedHealthStep(step: step, date: date, result: result, stage: stage)
    }

    /// An attempt on an open follow-up, on a day between the screen and `today`, by a known channel.
    public static func attempt(
        _ input: HealthAttemptInput, at: HealthFollowupPosition, screenedOn: CivilDate, today: CivilDate, _ c: inout FormChecker
    ) -> HealthAttempt? {
        if !at.status.isOpen { c.errors.append(statusError(at.status)) }
        let on = RightsMediationForm.day(input.on, "on", after: screenedOn, today: today, &c)
        let channel = c.token(input.channel, "channel", HealthAttemptChannel.self)
        let note = c.text(input.note)
        StationForm.text(note, "note", &c)
        guard c.errors.isEmpty, let on, let channel else { return nil }
        return HealthAttempt(on: on, channel: channel, note: note)
    }

    /// A known reason, on an open follow-up, after `attemptsBeforeLost` attempts. Too few attempts is refused at
    /// `reason` (the form's one field, where the page shows it), with the count needed and the count made.
    public static func lost(_ input: HealthLostInput, at: HealthFollowupPosition, attempts: Int, _ c: inout FormChecker)
        -> HealthLostReason?
    {
        if !at.status.isOpen { c.errors.append(statusError(at.status)) }
        let reason = c.token(input.reason, "reason", HealthLostReason.self)
        if reason != nil, attempts < attemptsBeforeLost {
            c.errors.append(
                FieldError(field: "reason", key: "health.error.attempts", args: [String(attemptsBeforeLost), String(attempts)]))
        }
        return c.errors.isEmpty ? reason : nil
    }

    /// The position once she is lost: nothing more awaited, no deadline.
    public static func lostPosition(_ at: HealthFollowupPosition) -> HealthFollowupPosition {
        HealthFollowupPosition(status: .lost, nextSteps: [], dueOn: nil, since: at.since)
    }

    /// 422 `status`: the follow-up has ended and takes nothing more.
    static func statusError(_ s: HealthFollowupStatus) -> FieldError {
        FieldError(field: "status", key: "health.error.ended", args: [s.rawValue])
    }
}
