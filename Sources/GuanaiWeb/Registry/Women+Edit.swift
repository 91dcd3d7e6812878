import Fluent
import Vapor
import GuanaiCore

/// 修改: a left-behind woman's own details, her husband's situation, her life and needs. Like the child's edit page,
/// the page sends back what it showed (`.was`) and only what the person changed is saved.
extension WomenPagesController {
    static let editFields = ["name", "phone", "address", "husband.situation", "husband.workPlace"]
    /// Her plain fields, each with its "was" twin like the fields above.
    static let editDetails = WomanDetail.allCases.map(\.rawValue)

    func loadForEdit(_ req: Request) async throws -> Woman {
        guard let w = try await req.scoped.woman(try req.parameters.id()) else { throw Abort(.notFound) }
        try req.requireRead(.woman)
        try req.requireEdits()
        return w
    }

    func shown(_ w: Woman, _ req: Request) async throws -> [String: [String]] {
        let scoped = try req.scoped
        let me = try await scoped.people([w.personID])[w.personID]
        let address = try await w.householdID.asyncFlatMap { try await Household.find($0, on: scoped.db)?.address } ?? ""
        return [
            "name": [me?.name ?? ""], "phone": [me?.phone ?? ""], "address": [address], "husband.situation": [w.husbandSituation ?? ""],
            "husband.workPlace": [w.husbandWorkPlace ?? ""], "needs": w.needList.map(\.rawValue),
        ].merging(Forms.shown(w.details.complete).mapValues { [$0] }) { a, _ in a }
    }

    func editForm(req: Request) async throws -> Response {
        let w = try await loadForEdit(req)
        let v = try await shown(w, req)
        return editPage(req, id: w.recordID, shown: v, typed: v, errors: [:], status: .ok)
    }

    func edit(req: Request) async throws -> Response {
        let w = try await loadForEdit(req)
        let v = try await req.formValues()
        func s(_ k: String) -> String { v[k]?.last ?? "" }
        func was(_ k: String) -> String { v[k + ".was"]?.last ?? "" }
        var input = WomanInput()
        var errors: [String: String] = [:]
        for k in Self.editFields where s(k) != was(k) {
            switch k {
            case "name": input.name = s(k)
            case "phone": input.phone = s(k)
            case "address": input.address = s(k)
            case "husband.situation": input.husband = ParentInput(situation: s(k), workPlace: input.husband?.workPlace)
            case "husband.workPlace": input.husband = ParentInput(situation: input.husband?.situation, workPlace: s(k))
            default: break
            }
        }
        input.details = Forms.details(WomanDetail.allCases.filter { s($0.rawValue) != was($0.rawValue) }, s)
        let needs = (v["needs"] ?? []).sorted(), before = was("needs").split(separator: ",").map(String.init).sorted()
        if needs != before { input.needs = needs }
        if errors.isEmpty {
            do {
                _ = try await WomenService.patch(w, input, scoped: try req.scoped, actor: req.auditActor, at: req.now)
                return req.redirect(to: SiteURL.woman(w.recordID).path)
            } catch let e as FieldErrors {
                errors.merge(req.messages(e)) { _, new in new }
            }
        }
        var shownAgain = v
        for k in Self.editFields + Self.editDetails { shownAgain[k] = [was(k)] }
        shownAgain["needs"] = before
        return editPage(req, id: w.recordID, shown: shownAgain, typed: v, errors: errors, status: .unprocessableEntity)
    }

    func editPage(
        _ req: Request, id: WomanID, shown: [String: [String]], typed v: [String: [String]], errors e: [String: String], status: HTTPStatus
    ) -> Response {
        let l = req.lang
        func s(_ k: String) -> String { v[k]?.last ?? "" }
        func field(_ label: String, _ name: String, type: String = "text", required: Bool = false) -> Node {
            Forms.field(l, label: label, name: name, value: s(name), type: type, required: required, error: e[name])
        }
        return Layout.page(req, title: l.t("women.edit"), status: status) {
            div(.class("crumbs")) {
                a(.href(.women)) { l.t("women.title") }; " › "; a(.href(.woman(id))) { shown["name"]?.last ?? "" }
            }
            h1 { l.t("women.edit") }
            Forms.errorSummary(l, e, labelled: true)
            form(.method("post"), .action(.womanEdit(id))) {
                Forms.csrf(req)
                for k in Self.editFields + Self.editDetails { Forms.was(k, shown[k]?.last ?? "") }
                Forms.was("needs", (shown["needs"] ?? []).joined(separator: ","))
                fieldset(.class("panel")) {
                    legend { l.t("women.basic") }
                    field("person.name", "name", required: true)
                    field("person.phone", "phone", type: "tel")
                    field("household.address", "address")
                }
                fieldset(.class("panel")) {
                    legend { l.t("women.husband") }
                    Forms.select(
                        l, label: "parent.situation", name: "husband.situation",
                        options: RegistryViews.options(l, "situation.", ParentSituation.self), selected: s("husband.situation"),
                        error: e["husband.situation"])
                    field("parent.workPlace", "husband.workPlace")
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
                                .type("checkbox"), .name("needs"), .value(n.rawValue),
                                Attr.when((v["needs"] ?? []).contains(n.rawValue), .checked),
                            ]);
                        " " + l.t("wneed." + n.rawValue)
                    }
                }
            }
            Forms.details(l, [.employmentInterest, .healthInterest] as [WomanDetail], value: s, errors: e)
        }
    }
}
