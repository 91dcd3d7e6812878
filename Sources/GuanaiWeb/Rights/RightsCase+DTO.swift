import Vapor
import GuanaiCore

/// A case as lists, stats and exports show it: never a party's name, a word of the narrative or the agreement.
struct RightsCaseSummaryDTO: Content {
    struct Assigned: Content {
        let userId: String, username: String, name: String, role: String, kind: String
    }
    let id: String, caseNo: String, villageCode: String, villageName: String, channel: String, category: String, status: String
    let womensHome: Bool
    let receivedOn: String, acceptedOn: String?, deadlineOn: String?, outcomeKind: String?, outcomeOn: String?, followupDueOn: String?
    let closedOn: String?
    /// The accounts working the case (the one who took it in, the mediators): names of staff, not of parties.
    let assigned: [Assigned]

    init(_ c: RightsCase, villageName: String, assigned: [RightsAssignment]) {
        (id, caseNo, villageCode, self.villageName) = (c.id!.uuidString, c.caseNo, c.unitCode, villageName)
        (channel, category, status, womensHome) = (c.channel.rawValue, c.category.rawValue, c.status.rawValue, c.womensHome)
        (receivedOn, acceptedOn, deadlineOn) = (c.receivedOn, c.acceptedOn, c.deadlineOn)
        (outcomeKind, outcomeOn, followupDueOn, closedOn) = (c.outcomeKind?.rawValue, c.outcomeOn, c.followupDueOn, c.closedOn)
        self.assigned = assigned.map {
            Assigned(
                userId: $0.userID.uuidString, username: $0.username, name: $0.displayName, role: $0.role.rawValue, kind: $0.kind.rawValue)
        }
    }
}

/// A case opened by an account with access: the summary and the confidential part.
struct RightsCaseDTO: Content {
    struct Party: Content {
        let role: String, name: String, personId: String?, relation: String?, phone: String?
    }
    struct Meeting: Content {
        let id: String, date: String, place: String, attendees: [String], minutes: String, by: String
    }
    struct Followup: Content {
        let id: String, on: String, compliance: String, note: String?, by: String
    }
    struct Outcome: Content {
        let kind: String, on: String, content: String?, facts: String?, terms: String?, performance: String?, signedBy: [String]?
        let referral: String?, advice: String?
    }
    let summary: RightsCaseSummaryDTO
    /// `full` (assigned, or a rights officer) or `read` (break-glass, until `accessUntil`).
    let access: String
    let accessUntil: String?
    let parties: [Party]
    let narrative: String, request: String?, advice: String?, declineReason: String?, closeReason: String?
    let outcome: Outcome?
    /// A domestic-violence case's safety plan, as last recorded.
    let safety: RightsSafety?
    let meetings: [Meeting]
    let followups: [Followup]
    /// Each deadline reminder sent (mediators, township, rights officers) and whether it is still open.
    let reminders: [Reminder]
    /// The children of the registered parties' households, for whom the case offers the mandatory report.
    let household: [RightsHouseholdChildDTO]
    /// Each report filed or declined for one of them.
    let childReports: [RightsChildReportDTO]
    struct Reminder: Content {
        let level: String, dueOn: String, sentAt: String, open: Bool
    }
}

extension RightsCaseDTO {
    /// Phones as every list shows them unless the caller may reveal them.
    init(
        summary: RightsCaseSummaryDTO, level: RightsAccess.Level, until: Date?, text: RightsCaseText, meetings: [RightsMeetingRow],
        followups: [RightsFollowupRow], reminders: [GuanaiWeb.Reminder], reveal: Bool, household: [RightsHouseholdChildDTO],
        childReports: [RightsChildReportDTO]
    ) {
        (self.household, self.childReports) = (household, childReports)
        self.summary = summary
        access = level.token
        accessUntil = level == .full ? nil : until.map(AuditLog.timestamp)
        parties = text.partyList.map {
            Party(
                role: $0.role.rawValue, name: $0.name, personId: $0.personId, relation: $0.relation,
                phone: reveal ? $0.phone : $0.phone.map(Masking.phone))
        }
        (narrative, request, advice, declineReason, closeReason) = (
            text.narrative, text.request, text.advice, text.declineReason, text.closeReason
        )
        safety = text.safetyValue
        outcome = text.outcomeValue.map {
            Outcome(
                kind: $0.kind.rawValue, on: $0.on.iso, content: $0.content, facts: $0.facts, terms: $0.terms, performance: $0.performance,
                signedBy: $0.signedBy, referral: $0.referral?.rawValue, advice: $0.advice)
        }
        self.meetings = meetings.map {
            Meeting(
                id: $0.id!.uuidString, date: $0.date, place: $0.place,
                attendees: (try? JSONDecoder().decode([String].self, from: Data($0.attendees.utf8))) ?? [], minutes: $0.minutes,
                by: $0.byName)
        }
        self.reminders = reminders.map {
            Reminder(level: $0.level, dueOn: $0.dueOn, sentAt: AuditLog.timestamp($0.createdAt), open: $0.resolvedAt == nil)
        }
        self.followups = followups.map {
            Followup(id: $0.id!.uuidString, on: $0.on, compliance: $0.compliance.rawValue, note: $0.note, by: $0.byName)
        }
    }
}

/// One entry of `GET …/cases/{id}/accesses`.
struct RightsGrantDTO: Content {
    let username: String, role: String, kind: String, reason: String, at: String, until: String?
    init(_ g: RightsGrant) {
        (username, role, kind, reason) = (g.username, g.role.rawValue, g.kind.rawValue, g.reason)
        (at, until) = (AuditLog.timestamp(g.grantedAt), g.until.map(AuditLog.timestamp))
    }
}

struct RightsAccessDTO: Content {
    let until: String
}
