import Vapor
import GuanaiCore

/// The 就业创业 section of a woman's page: the same record as `GET /api/v1/people/{id}/employment`, for the roles
/// that read employment records.
enum PersonEmploymentViews {
    static func section(_ l: UILanguage, _ d: PersonEmploymentDTO) -> Node {
        div(.class("panel")) {
            h2 { l.t("personEmployment.title") }
            h3 { l.t("personEmployment.trainings") }
            if d.trainings.isEmpty { p(.class("muted")) { l.t("personEmployment.none") } }
            ul {
                for t in d.trainings {
                    li {
                        a(.href(.course(CourseID(t.courseId)))) { t.course }
                        line(l, t)
                    }
                }
            }
            h3 { l.t("personEmployment.fairs") }
            if d.fairs.isEmpty { p(.class("muted")) { l.t("personEmployment.none") } }
            ul {
                for f in d.fairs {
                    li {
                        a(.href(FairURL.fair(UUID(uuidString: f.fairId)))) { f.fair }
                        line(l, f)
                    }
                }
            }
            h3 { l.t("personEmployment.loans") }
            if d.loans.isEmpty { p(.class("muted")) { l.t("personEmployment.none") } }
            ul {
                for n in d.loans {
                    li {
                        line(l, n)
                        if n.overdue {
                            " "
                            span(.class("tag")) { l.t("personEmployment.overdue") }
                        }
                    }
                }
            }
        }
    }

    static func line(_ l: UILanguage, _ t: PersonEmploymentDTO.Training) -> String {
        var parts = [
            t.from + " – " + t.to, l.t("course.stage." + t.stage), l.t("course.presentOf", String(t.daysPresent), String(t.daysHeld)),
        ]
        if let no = t.certificateNo { parts.append(l.t("personEmployment.certificate", no)) }
        for f in t.followups { parts.append(l.t("personEmployment.followup", String(f.month), l.t("followup.outcome." + f.outcome))) }
        return " · " + parts.joined(separator: " · ")
    }

    static func line(_ l: UILanguage, _ f: PersonEmploymentDTO.Fair) -> String {
        var parts = [f.date]
        if f.attended { parts.append(l.t("personEmployment.attended")) }
        if !f.intents.isEmpty { parts.append(l.t("personEmployment.intents", f.intents.joined(separator: l.t("list.sep")))) }
        for h in f.hires {
            parts.append(l.t("personEmployment.hired", h.posting, h.hiredOn))
            if let o = h.followup { parts.append(l.t("personEmployment.hireFollowup", l.t("followup.outcome." + o))) }
            if let due = h.followupDue { parts.append(l.t("personEmployment.followupDue", due)) }
        }
        return " · " + parts.joined(separator: " · ")
    }

    static func line(_ l: UILanguage, _ n: PersonEmploymentDTO.Loan) -> String {
        var parts = [n.project, l.t("loanKind." + n.kind)]
        if n.role == "partner" { parts.append(l.t("personEmployment.partner")) }
        parts.append(l.t("personEmployment.status." + n.status))
        parts.append(l.t("personEmployment.amounts", money(n.amount), money(n.outstanding)))
        return parts.joined(separator: " · ")
    }

    static func money(_ s: String) -> String { Yuan(s)?.grouped ?? s }
}
