import Foundation
import Vapor
import GuanaiCore

extension RightsPagesController {
    /// The 人民调解协议书 of a written agreement, for whoever reads the case's confidential part (assigned, officer,
    /// break-glass); on the trail as an export, since it leaves the system on paper. No written agreement: 404.
    func printAgreement(req: Request) async throws -> Response {
        let c = try await RightsAPIController.load(req)
        let viewer = try await RightsService.viewer(try req.actor, on: req.db)
        guard try await RightsService.level(c, viewer, on: req.db, at: req.now) > .none else { throw RightsService.restrictedError() }
        let text = try await RightsService.texts(c, on: req.db)
        guard let o = text.outcomeValue, o.kind == .writtenAgreement else { throw Abort(.notFound) }
        let mediators = (try await RightsQueries.assignments(of: [c.id!], on: req.db))[c.id!, default: []].filter { $0.kind == .mediator }
        let village = try await req.scoped.unitNames([c.unitCode])[c.unitCode] ?? c.unitCode
        try await req.audit(
            AuditEvent(AuditAction.export, c.recordID, unit: c.unitCode, detail: ["format": "print", "document": "agreement"]))
        return RightsPrintViews.agreement(
            req, c, parties: text.partyList, outcome: o, mediators: mediators.map(\.displayName), village: village)
    }
}

/// The 人民调解协议书 as the 妇女之家 prints it on A4: the title, the case number, the parties with their relation, the
/// facts, the terms, how they are kept, a signature line for each signer and each mediator, the date, and the
/// 妇女之家 and mediation committee it was made at.
enum RightsPrintViews {
    static func agreement(
        _ req: Request, _ c: RightsCase, parties: [RightsParty], outcome o: RightsOutcome, mediators: [String], village: String
    ) -> Response {
        let l = req.lang
        return Layout.page(req, title: l.t("rp.agreementTitle")) {
            div(.class("agreement"), .id("agreement")) {
                p(.class("noprint")) {
                    button(.type("button"), .class("btn"), .data("print", "1")) { l.t("ledger.printNow") }; " "
                    a(.href(RightsURL.rightsCase(c.id))) { l.t("rp.backToCase") }
                }
                h1 { l.t("rp.agreementTitle") }
                p(.class("agreement-no")) { l.t("rp.agreementNo", c.caseNo) }
                section(.class("agreement-parties")) {
                    for party in parties {
                        p {
                            l.t("rp.role." + party.role.rawValue) + l.t("f.sep") + party.name
                                + (party.relation.map { l.t("rp.relationLine", $0) } ?? "")
                        }
                    }
                }
                part(l.t("rp.field.facts"), o.facts)
                part(l.t("rp.field.terms"), o.terms)
                part(l.t("rp.field.performance"), o.performance)
                p(.class("agreement-copies")) { l.t("rp.agreementCopies") }
                div(.class("agreement-signs")) {
                    for name in o.signedBy ?? [] { p { l.t("rp.signLine", name) } }
                    for name in mediators { p { l.t("rp.mediatorSignLine", name) } }
                }
                p(.class("agreement-date")) { l.t("rp.signedOnLine", o.on.iso) }
                p(.class("agreement-org")) { l.t("rp.agreementOrg", village) }
            }
        }
    }

    static func part(_ title: String, _ text: String?) -> Node {
        section(.class("agreement-part")) {
            h2 { title }
            p(.class("pre")) { text ?? "" }
        }
    }
}
