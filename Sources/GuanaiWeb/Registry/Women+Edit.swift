import Fluent
import Vapor
import GuanaiCore

/// 修改: a left-behind woman's own details, her husband's situation, her life and needs. Like the child's edit page,
/// the page sends back what it showed (`.was`) and only what the person changed is saved.
extension WomenPagesController {

    func loadForEdit(_ req: Request) async throws -> Woman {
        guard let w = try await req.scoped.woman(try req.parameters.id()) else { throw Abort(.notFound) }
        try req.requireRead(.woman)
        try req.requireEdits()
        return w
    }

    func shown(_ w: Woman, _ req: Request) async throws -> [String: [String]] {
        let scoped = try req.scoped
        let me = try await scoped.people([w.person])[w.person]
        let address = try await w.household.asyncFlatMap { try await Household.find($0, on: scoped.db)?.address } ?? ""
        typealias K = WomanPageForm.CodingKeys
        return [
            K.name.rawValue: [me?.name ?? ""], K.phone.rawValue: [me?.phone ?? ""], K.address.rawValue: [address],
            PersonSection.husband.name(.situation): [w.husbandSituation ?? ""],
            PersonSection.husband.name(.workPlace): [w.husbandWorkPlace ?? ""], K.needs.rawValue: w.needList.map(\.rawValue),
        ].merging(Forms.shown(w.details.complete).mapValues { [$0] }) { a, _ in a }
    }

    func editForm(req: Request) async throws -> Response {
        let w = try await loadForEdit(req)
        let v = try await shown(w, req)
        return editPage(req, id: w.recordID, shown: v, typed: v, errors: [:], status: .ok)
    }

    func edit(req: Request) async throws -> Response {
        let w = try await loadForEdit(req)
        let f = try await req.form(WomanEditForm.self)
        do {
            _ = try await WomenService.patch(w, f.input, scoped: try req.scoped, actor: req.auditActor, at: req.now)
            return req.redirect(to: SiteURL.woman(w.recordID).path)
        } catch let e as FieldErrors {
            return editPage(
                req, id: w.recordID, shown: f.shown, typed: f.typed, errors: req.messages(e), status: .unprocessableEntity)
        }
    }

    func editPage(
        _ req: Request, id: WomanID, shown: [String: [String]], typed v: [String: [String]], errors e: [String: String], status: HTTPStatus
    ) -> Response {
        let l = req.lang
        typealias K = WomanPageForm.CodingKeys
        func s(_ k: String) -> String { v[k]?.last ?? "" }
        func field(_ label: String, _ name: String, type: String = "text", required: Bool = false) -> Node {
            Forms.field(l, label: label, name: name, value: s(name), type: type, required: required, error: e[name])
        }
        return Layout.page(req, title: l.t("women.edit"), status: status) {
            div(.class("crumbs")) {
                a(.href(.women)) { l.t("women.title") }; " › "; a(.href(.woman(id))) { shown[K.name.rawValue]?.last ?? "" }
            }
            h1 { l.t("women.edit") }
            Forms.errorSummary(l, e, labelled: true)
            form(.method("post"), .action(.womanEdit(id))) {
                Forms.csrf(req)
                for k in WomanEditForm.names { Forms.was(k, shown[k]?.last ?? "") }
                Forms.was(PostedNeeds.name, (shown[PostedNeeds.name] ?? []).joined(separator: ","))
                fieldset(.class("panel")) {
                    legend { l.t("women.basic") }
                    field("person.name", K.name.rawValue, required: true)
                    field("person.phone", K.phone.rawValue, type: "tel")
                    field("household.address", K.address.rawValue)
                }
                fieldset(.class("panel")) {
                    legend { l.t("women.husband") }
                    Forms.select(
                        l, label: "parent.situation", name: PersonSection.husband.name(.situation),
                        options: RegistryViews.options(l, "situation.", ParentSituation.self),
                        selected: s(PersonSection.husband.name(.situation)),
                        error: e[PersonSection.husband.name(.situation)])
                    field("parent.workPlace", PersonSection.husband.name(.workPlace))
                }
                Self.lifeFields(l, typed: v, errors: e)
                button(.type("submit")) { l.t("form.save") }
                " "
                a(.class("btn secondary"), .href(.woman(id))) { l.t("form.cancel") }
            }
        }
    }

    /// 生活与需求: the same fields on the registration and the edit page.
    static func lifeFields(_ l: UILanguage, typed v: [String: [String]], errors e: [String: String]) -> Node {
        typealias K = WomanPageForm.CodingKeys
        func s(_ k: String) -> String { v[k]?.last ?? "" }
        return fieldset(.class("panel")) {
            legend { l.t("women.life") }
            Forms.details(l, [.childrenInCare, .eldersInCare, .farming, .skills] as [WomanDetail], value: s, errors: e)
            div(.class("field")) {
                span(.class("label")) { l.t("women.needs") }
                for n in WomanNeed.allCases {
                    GuanaiWeb.label(.class("check")) {
                        tag(
                            "input",
                            [
                                .type("checkbox"), .name(K.needs.rawValue), .value(n.rawValue),
                                Attr.when((v[K.needs.rawValue] ?? []).contains(n.rawValue), .checked),
                            ]);
                        " " + l.t("wneed." + n.rawValue)
                    }
                }
            }
            Forms.details(l, [.employmentInterest, .healthInterest] as [WomanDetail], value: s, errors: e)
            // Course topics as tokens: suggestions for a course match them (docs/employment.md, Training).
            Forms.field(
                l, label: WomanDetail.trainingTopics.labelKey, name: WomanDetail.trainingTopics.rawValue,
                value: s(WomanDetail.trainingTopics.rawValue), error: e[WomanDetail.trainingTopics.rawValue],
                hint: l.t("women.trainingTopics.hint"))
        }
    }
}
