import Fluent
import Vapor
import GuanaiCore

/// 修改: a left-behind woman's own details, her husband's situation, her life and needs. Like the child's edit page,
/// the page sends back what it showed (`.was`) and only what the person changed is saved.
extension WomenPagesController {
    static let editFields = [
        "name", "phone", "address", "husband.situation", "husband.workPlace", "childrenInCare", "eldersInCare", "skills",
    ]
    static let editChecks = ["farming", "employmentInterest", "healthInterest"]

    func loadForEdit(_ req: Request) async throws -> Woman {
        guard let w = try await req.scoped.woman(req.parameters.get("id") ?? "") else { throw Abort(.notFound) }
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
            "husband.workPlace": [w.husbandWorkPlace ?? ""], "childrenInCare": [String(w.childrenInCare)],
            "eldersInCare": [String(w.eldersInCare)],
            "skills": [w.skills ?? ""], "farming": [w.farming ? "1" : ""], "employmentInterest": [w.employmentInterest ? "1" : ""],
            "healthInterest": [w.healthInterest ? "1" : ""], "needs": w.needList.map(\.rawValue),
        ]
    }

    func editForm(req: Request) async throws -> Response {
        let w = try await loadForEdit(req)
        let v = try await shown(w, req)
        return editPage(req, id: w.id!.uuidString, shown: v, typed: v, errors: [:], status: .ok)
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
            case "skills": input.skills = s(k)
            default:
                guard let n = Int(s(k).trimmingCharacters(in: .whitespaces)) else { errors[k] = req.t("field.error.number"); continue }
                if k == "childrenInCare" { input.childrenInCare = n } else { input.eldersInCare = n }
            }
        }
        for k in Self.editChecks where s(k) != was(k) {
            let on = s(k) == "1"
            switch k {
            case "farming": input.farming = on;
            case "employmentInterest": input.employmentInterest = on;
            default: input.healthInterest = on
            }
        }
        let needs = (v["needs"] ?? []).sorted(), before = was("needs").split(separator: ",").map(String.init).sorted()
        if needs != before { input.needs = needs }
        if errors.isEmpty {
            do {
                _ = try await WomenService.patch(w, input, scoped: try req.scoped, actor: req.auditActor, at: req.now)
                return req.redirect(to: SiteURL.woman(w.id!.uuidString).path)
            } catch let e as FieldErrors {
                errors.merge(req.messages(e)) { _, new in new }
            }
        }
        var shownAgain = v
        for k in Self.editFields + Self.editChecks { shownAgain[k] = [was(k)] }
        shownAgain["needs"] = before
        return editPage(req, id: w.id!.uuidString, shown: shownAgain, typed: v, errors: errors, status: .unprocessableEntity)
    }

    func editPage(
        _ req: Request, id: String, shown: [String: [String]], typed v: [String: [String]], errors e: [String: String], status: HTTPStatus
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
                for k in Self.editFields + Self.editChecks { Forms.was(k, shown[k]?.last ?? "") }
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
        func field(_ label: String, _ name: String, type: String = "text") -> Node {
            Forms.field(l, label: label, name: name, value: s(name), type: type, error: e[name])
        }
        func check(_ name: String, _ label: String) -> Node {
            div(.class("field check")) {
                GuanaiWeb.label {
                    tag("input", [.type("checkbox"), .name(name), .value("1"), Attr.when(s(name) == "1", .checked)]); " " + l.t(label)
                }
            }
        }
        return fieldset(.class("panel")) {
            legend { l.t("women.life") }
            field("women.childrenInCare", "childrenInCare", type: "number")
            field("women.eldersInCare", "eldersInCare", type: "number")
            check("farming", "women.farming")
            field("women.skills", "skills")
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
            check("employmentInterest", "women.employmentInterest")
            check("healthInterest", "women.healthInterest")
        }
    }
}
