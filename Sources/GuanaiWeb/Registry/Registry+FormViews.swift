import Vapor
import GuanaiCore

/// The child's registration form and the quick edit of her basic details; both keep what was typed on a 422.
extension RegistryViews {
    static func formPage(
        _ req: Request, typed v: [String: [String]], errors e: [String: String], villages: [(String, String)], status: HTTPStatus,
        existing: String? = nil, similar: [(ChildID, String)] = []
    ) async throws -> Response {
        let l = req.lang
        typealias K = ChildPageForm.CodingKeys
        func s(_ k: String) -> String { v[k]?.last ?? "" }
        func field(_ label: String, _ name: String, type: String = "text", required: Bool = false, hint: String? = nil, extra: [Attr] = [])
            -> Node
        {
            Forms.field(
                l, label: label, name: name, value: s(name), type: type, required: required, error: e[name], hint: hint, extra: extra)
        }
        func sel(_ label: String, _ name: String, _ opts: [(String, String)], required: Bool = false) -> Node {
            Forms.select(l, label: label, name: name, options: opts, selected: s(name), error: e[name], required: required)
        }
        func parent(_ p: PersonSection, _ title: String) -> Node {
            fieldset(.class("panel")) {
                legend { l.t(title) }
                field("person.name", p.name(.name))
                field("person.idNumber", p.name(.idNumber), extra: [Attr("inputmode", "text"), Attr("autocomplete", "off")])
                sel("parent.situation", p.name(.situation), options(l, "situation.", ParentSituation.self))
                field("parent.workPlace", p.name(.workPlace))
                field("parent.since", p.name(.since), type: "date")
                field("person.phone", p.name(.phone), type: "tel", extra: [Attr("inputmode", "numeric")])
            }
        }
        let linkProblem = e.keys.contains { $0.hasSuffix("." + PersonField.idNumber.rawValue) && e[$0]?.contains("≠") == true }
        let ethnicities = Ethnicity.all.map { ($0, $0) }
        return Layout.page(req, title: l.t("children.new"), status: status) {
            h1 { l.t("children.new") }
            Forms.errorSummary(l, e, labelled: true)
            if let x = existing.flatMap({ ChildID($0) }) {
                p { a(.class("btn secondary"), .href(.child(x))) { l.t("children.openExisting") } }
            }
            if !similar.isEmpty {
                div(.class("alert")) {
                    p { l.t("registry.warn.duplicate") }
                    ul { for (id, label) in similar { li { a(.href(.child(id))) { label } } } }
                }
            }
            form(.method("post"), .action(.childNew)) {
                Forms.csrf(req)
                fieldset(.class("panel")) {
                    legend { l.t("children.basic") }
                    field("person.name", K.name.rawValue, required: true)
                    field(
                        "person.idNumber", K.idNumber.rawValue, required: true, hint: l.t("children.idHint"),
                        extra: [Attr("autocomplete", "off")])
                    sel("person.sex", K.sex.rawValue, [("", l.t("children.fromID"))] + options(l, "sex.", Sex.self, blank: false))
                    field("person.birthDate", K.birthDate.rawValue, type: "date", hint: l.t("children.fromID"))
                    sel("children.village", K.villageCode.rawValue, [("", l.t("form.choose"))] + villages, required: true)
                    sel("person.hukou", K.hukou.rawValue, options(l, "hukou.", Hukou.self, blank: false), required: true)
                    sel("person.ethnicity", K.ethnicity.rawValue, [("", l.t("form.choose"))] + ethnicities)
                    sel("person.health", K.health.rawValue, options(l, "health.", Health.self, blank: false))
                    Forms.details(l, ChildDetail.allCases, value: s, errors: e)
                    sel("household.poverty", K.poverty.rawValue, options(l, "poverty.", PovertyStatus.self, blank: false))
                    field("household.address", K.address.rawValue)
                }
                parent(.father, "children.father")
                parent(.mother, "children.mother")
                fieldset(.class("panel")) {
                    legend { l.t("children.guardianSection") }
                    p(.class("hint")) { l.t("children.guardianHint") }
                    field("person.name", PersonSection.guardian.name(.name))
                    field("person.idNumber", PersonSection.guardian.name(.idNumber), extra: [Attr("autocomplete", "off")])
                    field("person.birthDate", PersonSection.guardian.name(.birthDate), type: "date")
                    sel("guardian.relation", PersonSection.guardian.name(.relation), options(l, "relation.", GuardianRelation.self))
                    sel("person.health", PersonSection.guardian.name(.health), options(l, "health.", Health.self, blank: false))
                    field("person.phone", PersonSection.guardian.name(.phone), type: "tel", extra: [Attr("inputmode", "numeric")])
                }
                fieldset(.class("panel")) {
                    legend { l.t("children.life") }
                    // Blank: derived from the guardian and parents above (RegistryService.check), never a default.
                    sel(
                        "children.living", K.livingArrangement.rawValue,
                        [("", l.t("children.livingDerived"))] + options(l, "living.", LivingArrangement.self, blank: false))
                    div(.class("field")) {
                        span(.class("label")) { l.t("children.needs") }
                        for n in ChildNeed.allCases {
                            label(.class("check")) {
                                tag(
                                    "input",
                                    [
                                        .type("checkbox"), .name(K.needs.rawValue), .value(n.rawValue),
                                        Attr.when((v[K.needs.rawValue] ?? []).contains(n.rawValue), .checked),
                                    ]);
                                " " + l.t("need." + n.rawValue)
                            }
                        }
                    }
                    field("children.informedOn", K.informedOn.rawValue, type: "date", hint: l.t("children.informedHint"))
                    div(.class("field check")) {
                        label {
                            tag(
                                "input",
                                [
                                    .type("checkbox"), .name(K.consent.rawValue), .value(Forms.on),
                                    Attr.when(s(K.consent.rawValue) == Forms.on, .checked),
                                ]);
                            " " + l.t("children.consent")
                        }
                    }
                }
                if !similar.isEmpty {
                    div(.class("field check alert")) {
                        label {
                            tag("input", [.type("checkbox"), .name(K.acknowledgeDuplicates.rawValue), .value(Forms.on)]);
                            " " + l.t("children.notDuplicate")
                        }
                    }
                }
                if linkProblem {
                    div(.class("field check alert")) {
                        label {
                            tag("input", [.type("checkbox"), .name(K.confirmLinks.rawValue), .value(Forms.on)]);
                            " " + l.t("children.confirmLinks")
                        }
                    }
                }
                button(.type("submit")) { l.t("children.save") }
            }
        }
    }

    // MARK: edit

    /// The basic data of a registered child. `shown` is what the page was drawn from and goes back as `.was` twins,
    /// so only what the person changed is saved; `typed` is what she typed (kept when a field is refused).
    static func editPage(
        _ req: Request, id: ChildID, shown: [String: [String]], typed v: [String: [String]], status: HTTPStatus = .ok,
        errors e: [String: String]
    ) -> Response {
        let l = req.lang
        typealias K = ChildPageForm.CodingKeys
        func s(_ k: String) -> String { v[k]?.last ?? "" }
        return Layout.page(req, title: l.t("children.edit"), status: status) {
            div(.class("crumbs")) {
                a(.href(.children)) { l.t("children.title") }; " › "; a(.href(.child(id))) { shown[K.name.rawValue]?.last ?? "" }
            }
            h1 { l.t("children.edit") }
            Forms.errorSummary(l, e, labelled: true)
            form(.method("post"), .action(.childEdit(id))) {
                Forms.csrf(req)
                for k in ChildEditForm.names { Forms.was(k, shown[k]?.last ?? "") }
                Forms.was(PostedNeeds.name, (shown[PostedNeeds.name] ?? []).joined(separator: ","))
                fieldset(.class("panel")) {
                    Forms.field(
                        l, label: "person.name", name: K.name.rawValue, value: s(K.name.rawValue), required: true, error: e[K.name.rawValue]
                    )
                    Forms.details(l, ChildDetail.allCases, value: s, errors: e)
                    Forms.field(
                        l, label: "household.address", name: K.address.rawValue, value: s(K.address.rawValue), error: e[K.address.rawValue])
                    div(.class("field")) {
                        span(.class("label")) { l.t("children.needs") }
                        for n in ChildNeed.allCases {
                            label(.class("check")) {
                                tag(
                                    "input",
                                    [
                                        .type("checkbox"), .name(K.needs.rawValue), .value(n.rawValue),
                                        Attr.when((v[K.needs.rawValue] ?? []).contains(n.rawValue), .checked),
                                    ]);
                                " " + l.t("need." + n.rawValue)
                            }
                        }
                        if let m = e[K.needs.rawValue] { p(.class("field-error")) { m } }
                    }
                }
                button(.type("submit")) { l.t("form.save") }
                " "
                a(.class("btn secondary"), .href(.child(id))) { l.t("form.cancel") }
            }
        }
    }
}
