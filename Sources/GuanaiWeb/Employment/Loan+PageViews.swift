import Vapor
import GuanaiCore

/// One loan's page: where it stands, its steps and the next one, the schedule, the repayments and the subsidies.
extension LoanViews {
    static func page(
        _ req: Request, _ v: LoanView, borrowerID: String?, unitName: String, actor: Signer, state: LoanPageState, today: CivilDate,
        status: HTTPStatus
    ) -> Response {
        let l = req.lang
        let x = v.loan
        let d = v.dto
        func errors(_ part: LoanPagePart) -> [String: String] { state.part == part ? state.errors : [:] }
        let title = v.borrowerName + " · " + x.project
        return Layout.page(req, title: title, status: status) {
            p(.class("crumbs")) {
                a(.href(.loans)) { l.t("loans.title") }; " › "; span { v.borrowerName }
            }
            h1 { title }
            p(.id("status")) { statusTag(l, x.status, overdue: x.overdue) }
            dl(.class("kv")) {
                dt { l.t("loans.field.personId") }; dd { v.borrowerName + (borrowerID.map { " · " + $0 } ?? "") }
                dt { l.t("loans.field.unitCode") }; dd { unitName }
                dt { l.t("loans.field.kind") }; dd { l.t("loans.kind." + x.kind.rawValue) }
                if !v.partners.isEmpty {
                    dt { l.t("loans.field.partnerIds") }; dd { v.partners.map { $0.name }.joined(separator: l.t("list.sep")) }
                }
                dt { l.t("loans.field.project") }; dd { x.project }
                dt { l.t("loans.applied") };
                dd { l.t("loans.appliedLine", l.t("loans.yuan", x.amount.grouped), String(x.termMonths), x.appliedOn) }
                if let approved = d.approvedAmount {
                    dt { l.t("loans.approved") }
                    dd {
                        l.t(
                            "loans.approvedLine", yuan(l, approved), String(d.approvedTermMonths ?? 0), String(d.rateBP ?? 0),
                            String(d.lprBP ?? 0))
                            + " · " + l.t("loans.borrowerRate", String(d.borrowerRateBP ?? 0))
                            + (d.method.map { " · " + l.t("loans.method." + $0) } ?? "")
                    }
                }
                if let on = d.disbursedOn {
                    dt { l.t("loans.disbursed") }; dd { yuan(l, d.disbursedAmount) + " · " + on }
                    dt { l.t("loans.outstanding") }; dd { yuan(l, d.outstanding) }
                }
                if let on = d.settledOn { dt { l.t("loans.status.settled") }; dd { on } }
            }
            stepsSection(req, v, actor: actor, errors: errors(.steps), typed: state.part == .steps ? state.typed : [:], today: today)
            if !d.schedule.isEmpty { schedule(l, d) }
            if x.disbursedOn != nil {
                repaymentsSection(
                    req, v, mayRecord: LoanAccess.mayRecordRepayment(actor.role), errors: errors(.repayments),
                    typed: state.part == .repayments ? state.typed : [:], today: today)
                subsidiesSection(req, v, mayHandle: LoanAccess.mayHandleSubsidy(actor.role), errors: errors(.subsidies), today: today)
            }
        }
    }

    static func stepsSection(
        _ req: Request, _ v: LoanView, actor: Signer, errors e: [String: String], typed: [String: String], today: CivilDate
    ) -> Node {
        let l = req.lang
        let next = LoanStep.next(after: v.loan.status)
        return section(.id(LoanPagePart.steps.rawValue)) {
            h2 { l.t("loans.steps") }
            div(.class("table-wrap")) {
                table(.class("stack")) {
                    thead {
                        tr {
                            th { l.t("loans.field.step") }; th { l.t("loans.field.decision") }; th { l.t("loans.by") }
                            th { l.t("loans.field.on") }; th { l.t("loans.field.documentNo") }; th { l.t("loans.field.reason") }
                        }
                    }
                    tbody {
                        // Empty cells carry no label: on a phone each row is a card, and a card of empty labels reads badly.
                        tr {
                            td(.data("label", l.t("loans.field.step"))) { l.t("loans.applied") }
                            td {}
                            td(.data("label", l.t("loans.by"))) { v.loan.appliedBy }
                            td(.data("label", l.t("loans.field.on"))) { v.loan.appliedOn }
                            td {}
                            td {}
                        }
                        for s in v.steps {
                            tr {
                                td(.data("label", l.t("loans.field.step"))) { l.t("loans.step." + s.step.rawValue) }
                                td(.data("label", l.t("loans.field.decision"))) { l.t("loans.decision." + s.decision.rawValue) }
                                td(.data("label", l.t("loans.by"))) { s.byDisplay.isEmpty ? s.byName : s.byDisplay + " (" + s.byName + ")" }
                                td(.data("label", l.t("loans.field.on"))) { s.on }
                                td(Attr.when(s.documentNo != nil, .data("label", l.t("loans.field.documentNo")))) { s.documentNo ?? "" }
                                td(Attr.when(s.reason != nil, .data("label", l.t("loans.field.reason")))) { s.reason ?? "" }
                            }
                        }
                    }
                }
            }
            if let next {
                if !next.recordedBy.contains(actor.role) {
                    p(.class("muted"), .id("next-step")) {
                        l.t(
                            "loans.waitsFor", l.t("loans.step." + next.rawValue),
                            next.recordedBy.map { l.t("role." + $0.rawValue) }.sorted().joined(separator: l.t("list.sep")))
                    }
                } else if v.loan.lastActor == actor.username {
                    p(.class("muted"), .id("next-step")) { l.t("loans.notYou", l.t("loans.step." + next.rawValue)) }
                } else {
                    stepForm(req, v.loan, next, errors: e, typed: typed, today: today)
                }
            }
        }
    }

    static func stepForm(_ req: Request, _ x: Loan, _ next: LoanStep, errors e: [String: String], typed: [String: String], today: CivilDate)
        -> Node
    {
        let l = req.lang
        func t(_ k: String, _ fallback: String = "") -> String { typed[k] ?? fallback }
        return div(.class("panel"), .id("step-form")) {
            h3 { l.t("loans.record", l.t("loans.step." + next.rawValue)) }
            errorBox(l, e)
            form(.method("post"), Attr("action", LoanURL.steps(x.id))) {
                Forms.csrf(req)
                input(.type("hidden"), .name("step"), .value(next.rawValue))
                if let m = e["step"] { p(.class("field-error")) { m } }
                Forms.select(
                    l, label: "loans.field.decision", name: "decision",
                    options: LoanDecision.allCases.map { ($0.rawValue, l.t("loans.decision." + $0.rawValue)) },
                    selected: t("decision", LoanDecision.approved.rawValue), error: e["decision"], required: true)
                Forms.field(l, label: "loans.field.on", name: "on", value: t("on", today.iso), type: "date", required: true, error: e["on"])
                if next.needsDocument {
                    Forms.field(
                        l, label: "loans.field.documentNo", name: "documentNo", value: t("documentNo"), required: true,
                        error: e["documentNo"])
                }
                if next == .bankApproval {
                    div(.class("row2")) {
                        Forms.field(
                            l, label: "loans.field.amount", name: "amount", value: t("amount", x.amount.description), required: true,
                            error: e["amount"], extra: [Attr("inputmode", "decimal")])
                        Forms.field(
                            l, label: "loans.field.rateBP", name: "rateBP", value: t("rateBP"), type: "number", required: true,
                            error: e["rateBP"], hint: l.t("loans.rateHint"))
                        Forms.field(
                            l, label: "loans.field.termMonths", name: "termMonths", value: t("termMonths", String(x.termMonths)),
                            type: "number", required: true, error: e["termMonths"])
                    }
                    Forms.select(
                        l, label: "loans.field.method", name: "method",
                        options: RepaymentMethod.allCases.map { ($0.rawValue, l.t("loans.method." + $0.rawValue)) },
                        selected: t("method", RepaymentMethod.interestOnly.rawValue), error: e["method"])
                }
                if next == .disburse {
                    Forms.field(
                        l, label: "loans.field.amount", name: "amount",
                        value: t("amount", x.approvedFen.map { Yuan(fen: $0).description } ?? ""),
                        required: true, error: e["amount"], extra: [Attr("inputmode", "decimal")])
                }
                Forms.field(
                    l, label: "loans.field.reason", name: "reason", value: t("reason"), error: e["reason"], hint: l.t("loans.reasonHint"))
                button(.type("submit")) { l.t("loans.record", l.t("loans.step." + next.rawValue)) }
            }
        }
    }

    /// A long schedule (36 months) folds away unless a row is late, so the repayments and the subsidies, which are
    /// worked on, are not three screens down on a phone.
    static func schedule(_ l: UILanguage, _ d: LoanDTO) -> Node {
        section(.id("schedule")) {
            h2 { l.t("loans.schedule") }
            details(Attr.when(d.schedule.count <= 12 || d.schedule.contains { $0.overdue }, Attr("open", "open"))) {
                summary { l.t("loans.scheduleRows", String(d.schedule.count)) }
                div(.class("table-wrap")) {
                    table(.class("stats")) {
                        thead {
                            tr {
                                th { l.t("loans.due") }; th { l.t("loans.principal") }; th { l.t("loans.interest") }; th { "" }
                            }
                        }
                        tbody {
                            for r in d.schedule {
                                tr(Attr.when(r.overdue, .class("late"))) {
                                    td { r.due }; td { yuan(l, r.principal) }; td { yuan(l, r.interest) }
                                    td { if r.overdue { span(.class("tag tier-critical")) { l.t("loans.overdue") } } }
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    static func repaymentsSection(
        _ req: Request, _ v: LoanView, mayRecord: Bool, errors e: [String: String], typed: [String: String], today: CivilDate
    ) -> Node {
        let l = req.lang
        return section(.id(LoanPagePart.repayments.rawValue)) {
            h2 { l.t("loans.repayments") }
            if v.repayments.isEmpty { p(.class("muted")) { l.t("loans.noRepayments") } }
            ul {
                for r in v.repayments {
                    li {
                        r.on + " · " + l.t("loans.principal") + " " + l.t("loans.yuan", Yuan(fen: r.principalFen).grouped) + " · "
                            + l.t("loans.interest") + " " + l.t("loans.yuan", Yuan(fen: r.interestFen).grouped) + " · " + r.byName
                    }
                }
            }
            if mayRecord && v.loan.status == .disbursed {
                details(Attr.when(!e.isEmpty, Attr("open", "open"))) {
                    summary { l.t("loans.addRepayment") }
                    errorBox(l, e)
                    form(.method("post"), Attr("action", LoanURL.repayments(v.loan.id))) {
                        Forms.csrf(req)
                        Forms.field(
                            l, label: "loans.field.on", name: "on", value: typed["on"] ?? today.iso, type: "date", required: true,
                            error: e["on"], id: "repay-on")
                        div(.class("row2")) {
                            for field in ["principal", "interest"] {
                                Forms.field(
                                    l, label: "loans." + field, name: field, value: typed[field] ?? "", error: e[field],
                                    extra: [Attr("inputmode", "decimal")], id: "repay-" + field)
                            }
                        }
                        button(.type("submit")) { l.t("loans.addRepayment") }
                    }
                }
            }
        }
    }

    static func subsidiesSection(_ req: Request, _ v: LoanView, mayHandle: Bool, errors e: [String: String], today: CivilDate) -> Node {
        let l = req.lang
        return section(.id(LoanPagePart.subsidies.rawValue)) {
            h2 { l.t("loans.subsidies") }
            errorBox(l, e)
            div(.class("table-wrap")) {
                table(.class("stack")) {
                    thead {
                        tr {
                            th { l.t("loans.quarter") }; th { l.t("loans.days") }; th { l.t("loans.interest") }
                            th { l.t("loans.borrowerInterest") }; th { l.t("loans.subsidy") }; th { l.t("loans.field.status") }; th { "" }
                        }
                    }
                    tbody {
                        for s in v.subsidies {
                            tr {
                                td(.data("label", l.t("loans.quarter"))) { s.period.from.iso + " – " + s.period.to.iso }
                                td(.data("label", l.t("loans.days"))) { String(s.period.days) }
                                td(.data("label", l.t("loans.interest"))) { l.t("loans.yuan", s.period.interest.grouped) }
                                td(.data("label", l.t("loans.borrowerInterest"))) { l.t("loans.yuan", s.period.borrowerInterest.grouped) }
                                td(.data("label", l.t("loans.subsidy"))) { l.t("loans.yuan", s.period.subsidy.grouped) }
                                td(.data("label", l.t("loans.field.status"))) { l.t("loans.subsidy." + s.status.rawValue) }
                                td {
                                    if mayHandle, let action = subsidyAction(s.status, over: s.period.to < today, amount: s.period.subsidy)
                                    {
                                        form(.method("post"), Attr("action", LoanURL.subsidy(v.loan.id, from: s.period.from.iso, action))) {
                                            Forms.csrf(req)
                                            button(.type("submit"), .class("secondary")) { l.t("loans.subsidyAction." + action.rawValue) }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    /// The button a quarter offers, as Core's rule allows it for a claimant not yet known (the claimant herself is
    /// refused the payment by the service, with the reason shown).
    static func subsidyAction(_ status: SubsidyStatus, over: Bool, amount: Yuan) -> SubsidyAction? {
        let action: SubsidyAction = status == .computed ? .claim : .pay
        return SubsidyRules.check(to: action.status, current: status, claimedBy: nil, actor: "", quarterOver: over, amount: amount) == nil
            ? action : nil
    }
}
