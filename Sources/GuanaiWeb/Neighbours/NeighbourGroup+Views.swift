import Foundation
import Vapor
import GuanaiCore

/// The neighbour groups' pages in the shared layout; every word from `Catalogue.neighbours`.
enum NeighbourViews {
    typealias K = NeighbourPageForm.CodingKeys
    /// The query a page is sent back with after a save, for its notice.
    static let activitySaved = "activitySaved", concernFiled = "concernFiled"

    /// The label each form field goes by, so the summary above the form names the field as the form shows it.
    static let fieldKeys: [String: String] = [
        K.villageCode.rawValue: "neighbours.village", K.name.rawValue: "neighbours.name", K.leaderPersonId.rawValue: "neighbours.leader",
        "members": "neighbours.members", K.status.rawValue: "neighbours.status", "kind": "neighbours.activityKind",
        "date": "neighbours.activityDate", "note": "neighbours.activityNote", "childId": "neighbours.concernChild",
        "seen": "neighbours.concernSeen",
    ]

    static func labelledSummary(_ l: UILanguage, _ errors: [String: String]) -> Node {
        Forms.errorSummary(
            l,
            Dictionary(
                uniqueKeysWithValues: errors.map { f, m in
                    let label = fieldKeys[f].map { l.t($0) } ?? l.t("neighbours.members")
                    return (f, label + l.t("f.sep") + m)
                }))
    }

    static func statusTag(_ l: UILanguage, _ s: NeighbourGroupStatus) -> Node {
        span(.class(s == .active ? "tag" : "tag off")) { l.t("neighbourStatus." + s.rawValue) }
    }

    /// A household as neighbours know it: its 村民小组 and address when registered, and whose home it is (the eldest
    /// resident's); the id's first characters when neither is known.
    static func householdLabel(_ l: UILanguage, _ h: Household?, id: String, heads: [UUID: String]) -> String {
        let place = [h?.villageGroup, h?.address].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " ")
        let head = UUID(uuidString: id).flatMap { heads[$0] }.map { l.t("neighbours.householdOf", $0) }
        let parts = [place, head ?? ""].filter { !$0.isEmpty }
        return parts.isEmpty ? String(id.prefix(8)) : parts.joined(separator: " · ")
    }

    /// Each household's eldest resident, by birth date (a resident without one comes last).
    static func heads(_ people: [Person]) -> [UUID: String] {
        var out: [UUID: (String, String)] = [:]
        for p in people {
            guard let h = p.householdID else { continue }
            let born = p.birthDate ?? "9999"
            if let have = out[h], have.0 <= born { continue }
            out[h] = (born, p.name)
        }
        return out.mapValues(\.1)
    }

    static func percent(_ r: Double) -> String { String(Int((r * 100).rounded())) + "%" }

    static func list(
        _ req: Request, _ items: [NeighbourGroup], total: Int, members: [UUID: Int], unitNames: [String: String],
        villages: [(String, String)], unit: String, coverage: NeighbourCoverageDTO, mayWrite: Bool, mayExport: Bool
    ) -> Response {
        let l = req.lang
        let village = DivisionCode(unit)?.level == .village ? unit : ""
        return Layout.page(req, title: l.t("neighbours.title")) {
            h1 { l.t("neighbours.title") }
            p(.class("muted")) { l.t("neighbours.intro") }
            form(.method("get"), .action(.neighbourGroups), .class("filters")) {
                Forms.select(
                    l, label: "neighbours.village", name: NeighbourPagesController.unitKey,
                    options: [("", l.t("neighbours.allVillages"))] + villages, selected: unit)
                button(.type("submit")) { l.t("neighbours.filter") }
            }
            if mayExport {
                p(.class("actions")) {
                    a(.href(SiteURL.neighbourGroupsExport.with(query: [(NeighbourPagesController.unitKey, unit)]))) {
                        l.t("neighbours.export") + " (.xlsx)"
                    }
                    let key = NeighbourPagesController.unitKey
                    a(.href(SiteURL.neighbourGroupsExport.with(query: [(key, unit), ("format", "csv")]))) { "CSV" }
                }
            }
            if mayWrite {
                p {
                    a(
                        .class("btn"),
                        .href(SiteURL.neighbourGroupNew.with(query: village.isEmpty ? [] : [(K.villageCode.rawValue, village)]))
                    ) {
                        l.t("neighbours.new")
                    }
                    " "
                    a(
                        .class("btn secondary"),
                        .href(SiteURL.neighbourSuggestions.with(query: village.isEmpty ? [] : [(K.villageCode.rawValue, village)]))
                    ) {
                        l.t("neighbours.suggest")
                    }
                    " "
                    IntakeViews.importLink(req, .neighbourGroups, unit: village.isEmpty ? nil : village)
                }
            }
            h2 { l.t("neighbours.coverage") }
            p {
                l.t(
                    "neighbours.coverageLine", String(coverage.unit.grouped), String(coverage.unit.leftBehindHouseholds),
                    percent(coverage.unit.rate))
            }
            if !coverage.rows.isEmpty {
                div(.class("table-wrap")) {
                    table(.class("stack")) {
                        thead {
                            tr {
                                th { l.t("neighbours.unit") }; th { l.t("neighbours.leftBehindHouseholds") };
                                th { l.t("neighbours.grouped") }
                            }
                        }
                        tbody {
                            for r in coverage.rows where r.leftBehindHouseholds > 0 {
                                tr {
                                    td(.data("label", l.t("neighbours.unit"))) {
                                        a(.href(SiteURL.neighbourGroups.with(query: [(NeighbourPagesController.unitKey, r.unitCode)]))) {
                                            r.name
                                        }
                                    }
                                    td(.data("label", l.t("neighbours.leftBehindHouseholds"))) { String(r.leftBehindHouseholds) }
                                    td(.data("label", l.t("neighbours.grouped"))) { String(r.grouped) + " (" + percent(r.rate) + ")" }
                                }
                            }
                        }
                    }
                }
            }
            h2 { l.t("neighbours.groups") }
            if items.isEmpty {
                p { l.t("neighbours.none") }
            } else {
                p(.class("muted")) { l.t("neighbours.count", String(total)) }
                div(.class("table-wrap")) {
                    table(.class("stack")) {
                        thead {
                            tr {
                                th { l.t("neighbours.name") }; th { l.t("neighbours.village") }; th { l.t("neighbours.members") };
                                th { l.t("neighbours.status") }
                            }
                        }
                        tbody {
                            for g in items {
                                tr {
                                    td(.data("label", l.t("neighbours.name"))) { a(.href(.neighbourGroup(g.recordID))) { g.name } }
                                    td(.data("label", l.t("neighbours.village"))) { unitNames[g.villageCode] ?? g.villageCode }
                                    td(.data("label", l.t("neighbours.members"))) {
                                        l.t("neighbours.households", String(members[g.id!] ?? 0))
                                    }
                                    td(.data("label", l.t("neighbours.status"))) { statusTag(l, g.status) }
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    static func page(
        _ req: Request, _ g: NeighbourGroup, members: [NeighbourGroupMember], households: [UUID: Household], leftBehind: Set<UUID>,
        people: [Person], children: [Child], activities: [NeighbourActivity], villageName: String?, mayWrite: Bool, mayReport: Bool,
        errors e: [String: String], typed: [String: String], status: HTTPStatus
    ) -> Response {
        let l = req.lang
        let names = Dictionary(people.map { ($0.id!, $0.name) }, uniquingKeysWith: { a, _ in a })
        let today = RegistryService.today(req.now).iso
        return Layout.page(req, title: g.name, status: status) {
            p(.class("crumbs")) {
                a(.href(.neighbourGroups)) { l.t("neighbours.title") }; " › "; span { g.name }
            }
            h1 { g.name }
            if req.query[String.self, at: activitySaved] != nil { Forms.flash(l.t("neighbours.activitySaved")) }
            if req.query[String.self, at: concernFiled] != nil { Forms.flash(l.t("neighbours.concernFiled")) }
            p { statusTag(l, g.status) }
            dl(.class("kv")) {
                dt { l.t("neighbours.village") }; dd { villageName ?? g.villageCode }
                dt { l.t("neighbours.leader") }; dd { names[g.leaderPersonID] ?? "—" }
            }
            h2 { l.t("neighbours.members") }
            ul {
                for m in members {
                    li {
                        householdLabel(l, households[m.householdID], id: m.householdID.uuidString, heads: heads(people))
                        if leftBehind.contains(m.householdID) { " "; span(.class("tag warn")) { l.t("neighbours.leftBehind") } }
                        " · "; small { l.t("neighbours.consentedOn", m.consentedOn) }
                    }
                }
            }
            if mayWrite { p { a(.class("btn"), .href(.neighbourGroupEdit(g.recordID))) { l.t("neighbours.edit") } } }
            h2 { l.t("neighbours.activities") }
            if activities.isEmpty {
                p(.class("muted")) { l.t("neighbours.noActivities") }
            } else {
                ul {
                    for a0 in activities {
                        li {
                            a0.date + " · " + l.t("neighbourActivity." + a0.kind.rawValue)
                            if let n = a0.note { " · " + n }
                            " "; small(.class("muted")) { a0.recordedBy }
                        }
                    }
                }
            }
            labelledSummary(l, e)
            if mayWrite && g.status.acts {
                form(.method("post"), .action(.neighbourActivity(g.recordID)), .class("panel")) {
                    Forms.csrf(req)
                    h3 { l.t("neighbours.addActivity") }
                    Forms.select(
                        l, label: "neighbours.activityKind", name: "kind",
                        options: [("", l.t("form.choose"))]
                            + NeighbourActivityKind.allCases.map { ($0.rawValue, l.t("neighbourActivity." + $0.rawValue)) },
                        selected: typed["kind"] ?? "", error: e["kind"], required: true)
                    Forms.field(
                        l, label: "neighbours.activityDate", name: "date", value: typed["date"] ?? today, type: "date", required: true,
                        error: e["date"])
                    Forms.field(l, label: "neighbours.activityNote", name: "note", value: typed["note"] ?? "", error: e["note"])
                    button(.type("submit")) { l.t("neighbours.saveActivity") }
                }
            }
            if mayReport && g.status.acts && !children.isEmpty {
                form(.method("post"), .action(.neighbourConcern(g.recordID)), .class("panel")) {
                    Forms.csrf(req)
                    h3 { l.t("neighbours.concern") }
                    p(.class("muted")) { l.t("neighbours.concernIntro") }
                    Forms.select(
                        l, label: "neighbours.concernChild", name: "childId",
                        options: [("", l.t("form.choose"))] + children.map { ($0.id!.uuidString, names[$0.personID] ?? $0.birthDate) },
                        selected: typed["childId"] ?? "", error: e["childId"], required: true)
                    Forms.field(
                        l, label: "neighbours.concernSeen", name: "seen", value: typed["seen"] ?? "", required: true, error: e["seen"])
                    button(.type("submit"), .class("danger")) { l.t("neighbours.fileConcern") }
                }
            }
            p { a(.href(.history(of: g.recordID))) { l.t("neighbours.history") } }
        }
    }

    static func editor(
        _ req: Request, _ group: NeighbourGroup?, typed f: NeighbourPageForm, errors e: [String: String], villages: [(String, String)],
        households: [Household], leftBehind: Set<UUID>, people: [Person], heads: [UUID: String], status: HTTPStatus
    ) -> Response {
        let l = req.lang
        let title = group?.name ?? l.t("neighbours.new")
        let rows = f.rows
        let choices =
            [("", l.t("neighbours.noHousehold"))]
            + households.map { h in
                (
                    h.id!.uuidString,
                    householdLabel(l, h, id: h.id!.uuidString, heads: heads)
                        + (leftBehind.contains(h.id!) ? " · " + l.t("neighbours.leftBehind") : "")
                )
            }
        let address = Dictionary(
            households.map { ($0.id!, [$0.villageGroup, $0.address].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " ")) },
            uniquingKeysWith: { a, _ in a }
        ).filter { !$0.value.isEmpty }
        let today = RegistryService.today(req.now).iso
        return Layout.page(req, title: title, status: status) {
            p(.class("crumbs")) {
                a(.href(.neighbourGroups)) { l.t("neighbours.title") }; " › "
                if let g = group {
                    a(.href(.neighbourGroup(g.recordID))) { g.name }; " › "; span { l.t("neighbours.edit") }
                } else {
                    span { l.t("neighbours.new") }
                }
            }
            h1 { title }
            labelledSummary(l, e)
            if (f.villageCode ?? "").isEmpty {
                form(.method("get"), .action(.neighbourGroupNew), .class("filters")) {
                    Forms.select(
                        l, label: "neighbours.village", name: K.villageCode.rawValue, options: [("", l.t("form.choose"))] + villages,
                        selected: "", required: true)
                    button(.type("submit")) { l.t("neighbours.chooseVillage") }
                }
            } else {
                form(.method("post"), .action(group.map { .neighbourGroupEdit($0.recordID) } ?? .neighbourGroupNew)) {
                    Forms.csrf(req)
                    Forms.select(
                        l, label: "neighbours.village", name: K.villageCode.rawValue, options: villages, selected: f.villageCode ?? "",
                        error: e[K.villageCode.rawValue], required: true)
                    Forms.field(
                        l, label: "neighbours.name", name: K.name.rawValue, value: f.name ?? "", required: true, error: e[K.name.rawValue],
                        hint: l.t("neighbours.nameHint"))
                    fieldset(.class(e["members"] == nil ? "panel" : "panel invalid")) {
                        legend { l.t("neighbours.members") }
                        p(.class("muted")) {
                            l.t(
                                "neighbours.membersHint", String(NeighbourGroupService.limits.minHouseholds),
                                String(NeighbourGroupService.limits.maxHouseholds))
                        }
                        if let err = e["members"] { p(.class("field-error")) { err } }
                        for i in 0..<NeighbourGroupService.limits.maxHouseholds {
                            div(.class("row2")) {
                                Forms.select(
                                    l, label: "neighbours.household", name: K.householdId.rawValue, options: choices,
                                    selected: i < rows.count ? rows[i].householdId : "", error: e["members[\(i)].householdId"],
                                    id: "householdId\(i)")
                                Forms.field(
                                    l, label: "neighbours.consentedOnLabel", name: K.consentedOn.rawValue,
                                    value: i < rows.count ? rows[i].consentedOn : "", type: "date", error: e["members[\(i)].consentedOn"],
                                    extra: [Attr("max", today)], id: "consentedOn\(i)")
                            }
                        }
                    }
                    Forms.select(
                        l, label: "neighbours.leader", name: K.leaderPersonId.rawValue,
                        options: [("", l.t("form.choose"))]
                            + people.map {
                                ($0.id!.uuidString, $0.name + ($0.householdID.flatMap { address[$0] }.map { " · " + $0 } ?? ""))
                            },
                        selected: (f.leaderPersonId ?? "").uppercased(), error: e[K.leaderPersonId.rawValue], required: true)
                    if group != nil {
                        Forms.select(
                            l, label: "neighbours.status", name: K.status.rawValue,
                            options: NeighbourGroupStatus.allCases.map { ($0.rawValue, l.t("neighbourStatus." + $0.rawValue)) },
                            selected: f.status ?? NeighbourGroupStatus.active.rawValue, error: e[K.status.rawValue])
                    }
                    button(.type("submit")) { l.t(group == nil ? "neighbours.create" : "neighbours.save") }
                }
            }
        }
    }

    static func suggestions(
        _ req: Request, village: String, villages: [(String, String)], result: GroupingSuggestionsDTO?, error: String?,
        households: [UUID: Household], leftBehind: Set<UUID>, heads: [UUID: String]
    ) -> Response {
        let l = req.lang
        func label(_ id: String) -> Node {
            let u = UUID(uuidString: id)
            return group {
                householdLabel(l, u.flatMap { households[$0] }, id: id, heads: heads)
                if let u, leftBehind.contains(u) { " "; span(.class("tag warn")) { l.t("neighbours.leftBehind") } }
            }
        }
        return Layout.page(req, title: l.t("neighbours.suggestTitle")) {
            p(.class("crumbs")) {
                a(.href(.neighbourGroups)) { l.t("neighbours.title") }; " › "; span { l.t("neighbours.suggestTitle") }
            }
            h1 { l.t("neighbours.suggestTitle") }
            p(.class("muted")) { l.t("neighbours.suggestIntro") }
            form(.method("get"), .action(.neighbourSuggestions), .class("filters")) {
                Forms.select(
                    l, label: "neighbours.village", name: K.villageCode.rawValue, options: [("", l.t("form.choose"))] + villages,
                    selected: village, error: error, required: true)
                button(.type("submit")) { l.t("neighbours.suggest") }
            }
            if let r = result {
                if r.groups.isEmpty { p { l.t("neighbours.noSuggestions") } }
                for (i, g) in r.groups.enumerated() {
                    section(.class("panel")) {
                        h2 { l.t("neighbours.suggestedGroup", String(i + 1)) }
                        ul {
                            for h in g.householdIds {
                                li {
                                    label(h)
                                    if h == g.leaderHouseholdId { " "; span(.class("tag")) { l.t("neighbours.leaderHousehold") } }
                                }
                            }
                        }
                        p(.class("muted")) { g.reasons.map(\.message).joined(separator: l.t("list.sep")) }
                        // The leader's household first, so the form's leader list starts there.
                        let ordered = [g.leaderHouseholdId] + g.householdIds.filter { $0 != g.leaderHouseholdId }
                        a(
                            .class("btn"),
                            .href(
                                SiteURL.neighbourGroupNew.with(
                                    query: [(K.villageCode.rawValue, r.villageCode)] + ordered.map { (K.householdId.rawValue, $0) }))
                        ) {
                            l.t("neighbours.createThis")
                        }
                    }
                }
                if !r.ungrouped.isEmpty {
                    h2 { l.t("neighbours.ungrouped", String(r.ungrouped.count)) }
                    ul { for h in r.ungrouped { li { label(h) } } }
                }
            }
        }
    }
}
