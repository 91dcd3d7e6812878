import Fluent
import Vapor
import GuanaiCore

struct AuditController {
    func register(_ r: any RoutesBuilder) {
        r.get(SiteURL.audit.components, use: search)
        r.get(SiteURL.history(":type", ":id").components, use: history)
    }

    static func filter(_ req: Request) -> AuditFilter {
        AuditFilter(
            user: req.query[String.self, at: "user"] ?? "", recordType: req.query[String.self, at: "type"] ?? "",
            recordID: req.query[String.self, at: "record"] ?? "", action: req.query[String.self, at: "action"] ?? "",
            from: req.query[String.self, at: "from"] ?? "", to: req.query[String.self, at: "to"] ?? "",
            hideResults: !(req.auth.get(Signer.self)?.canRead(.healthResult) ?? false))
    }

    func search(req: Request) async throws -> Response {
        try req.requireRead(.audit)
        let l = req.lang
        let f = Self.filter(req)
        let page = max(1, req.query[Int.self, at: "page"] ?? 1)
        let scoped = try req.scoped
        let (items, total) = try await scoped.auditPage(try await scoped.resolved(f), page: page, per: 50)
        let names = try await scoped.auditNames(for: items, actor: try req.actor)
        let actions = [("", l.t("audit.anyAction"))] + AuditAction.allCases.map { ($0.rawValue, l.t("audit.action." + $0.rawValue)) }
        return Layout.page(req, title: l.t("audit.title")) {
            h1 { l.t("audit.title") }
            let filtering = !(f.user + f.recordType + f.recordID + f.action + f.from + f.to).isEmpty
            tag("details", [.class("action"), Attr.when(filtering, Attr("open", nil))]) {
                summary { l.t("audit.filter") }
                form(.method("get"), .action(.audit), .class("filters")) {
                    Forms.field(l, label: "audit.user", name: "user", value: f.user, hint: l.t("audit.userHint"))
                    Forms.select(l, label: "audit.action", name: "action", options: actions, selected: f.action)
                    Forms.field(l, label: "audit.recordType", name: "type", value: f.recordType, hint: l.t("audit.recordTypeHint"))
                    Forms.field(l, label: "audit.record", name: "record", value: f.recordID, hint: l.t("audit.recordHint"))
                    Forms.field(l, label: "audit.from", name: "from", value: f.from, type: "date")
                    Forms.field(l, label: "audit.to", name: "to", value: f.to, type: "date")
                    button(.type("submit")) { l.t("form.search") }
                }
            }
            p(.class("muted")) { l.t("list.total", String(total)) }
            Self.entriesTable(l, items, names: names)
            Pager.render(l, req: req, page: page, per: 50, total: total)
        }
    }

    static func entriesTable(_ l: UILanguage, _ items: [AuditEntry], names: AuditNames) -> Node {
        div(.class("table-wrap")) {
            table(.class("stack")) {
                thead {
                    tr {
                        th { l.t("audit.at") }; th { l.t("audit.user") }; th { l.t("audit.action") }; th { l.t("audit.record") };
                        th { l.t("audit.ip") }; th { l.t("audit.changes") }
                    }
                }
                tbody {
                    for e in items {
                        tr {
                            td(.data("label", l.t("audit.at"))) { AuditWords.time(e.at) }
                            td(.data("label", l.t("audit.user"))) { AuditWords.actor(l, names, e) }
                            td(.data("label", l.t("audit.action"))) { l.t("audit.action." + e.action) }
                            td(.data("label", l.t("audit.record"))) { AuditWords.record(l, names, type: e.recordType, id: e.recordID) }
                            td(.data("label", l.t("audit.ip"))) { e.ip }
                            td(.data("label", l.t("audit.changes"))) { div(.class("changes")) { AuditWords.changes(l, names, e) } }
                        }
                    }
                }
            }
        }
    }

    /// Field names the trail stores, each with a label in both catalogues ("f.<name>").
    static let fieldNames = [
        "username", "displayName", "role", "unitCode", "phone", "disabled", "mustChangePassword", "successorId",
        "officialName", "shortName", "parentCode", "statistical", "status", "mergedInto", "reason", "password", "via",
        "failures", "field", "rows", "format", "handoverTo", "edition", "units", "from", "to", "into", "parent", "name",
        "moved", "q", "unit", "users", "idNumber", "sex", "birthDate", "ethnicity", "hukou", "health", "healthSince",
        "disabilityGrade", "vitalStatus", "fatherId", "fatherSituation", "fatherWorkPlace",
        "fatherSince", "motherId", "motherSituation", "motherWorkPlace", "motherSince", "guardianId", "guardianRelation",
        "livingArrangement", "improperGuardianship", "improperNote", "needs", "informedOn", "consent", "categories",
        "exitReason", "by", "address", "poverty",
    ]

    static let recordTypes = Set(AuditSubject.allCases.map(\.rawValue))
    static func recordLabel(_ l: UILanguage, _ type: String) -> String { recordTypes.contains(type) ? l.t("record." + type) : type }

    static func label(_ l: UILanguage, _ field: String) -> String {
        fieldNames.contains(field) ? l.t("f." + field) : DetailLabels.key(field).map { l.t($0) } ?? field
    }

    /// A unit's change detail (`{"into":"…","moved":"children=3,people=5"}`) as lines a person reads: units by name
    /// and code, moved rows by what they are.
    static func describe(_ l: UILanguage, _ json: String, units: [String: String] = [:]) -> String {
        guard let obj = try? JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any] else { return json }
        var lines: [String] = []
        for (k, v) in obj.sorted(by: { $0.key < $1.key }) {
            let text = "\(v)"
            if k == AuditDetailKey.moved.rawValue {
                for pair in text.split(separator: ",") {
                    let parts = pair.split(separator: "=", maxSplits: 1).map(String.init)
                    guard parts.count == 2 else { continue }
                    lines.append(AuditWords.field(l, parts[0], type: AuditSubject.unit.rawValue) + l.t("f.sep") + parts[1])
                }
                continue
            }
            let value = AuditWords.isUnitCode(text) ? (units[text].map { $0 + " " + text } ?? text) : text
            lines.append(
                AuditWords.field(l, k, type: AuditSubject.unit.rawValue) + l.t("f.sep") + (value.isEmpty ? l.t("audit.empty") : value))
        }
        return lines.joined(separator: "\n")
    }

    /// Every audited event about one record, newest first.
    func history(req: Request) async throws -> Response {
        let l = req.lang
        let type = req.parameters.get("type") ?? "", id = req.parameters.get("id") ?? ""
        let actor = try req.actor
        guard Policy.mayReadHistory(actor.role, duties: actor.duties, of: Policy.historyKind(type)) else { throw Abort(.forbidden) }
        let scoped = try req.scoped
        let items = try await scoped.auditEntries(AuditFilter(recordType: type, recordID: id)).sort(\.$id, .descending).limit(500).all()
        if items.isEmpty { throw Abort(.notFound) }
        let names = try await scoped.auditNames(for: items, actor: actor)
        return Layout.page(req, title: l.t("history.title")) {
            h1 { l.t("history.title") }
            p(.class("muted")) { AuditWords.record(l, names, type: type, id: id) }
            Self.entriesTable(l, items, names: names)
        }
    }
}

enum Pager {
    static func render(_ l: UILanguage, req: Request, page: Int, per: Int, total: Int) -> Node {
        let pages = max(1, (total + per - 1) / per)
        // Decoded as a form (so "+" is a space and "%2B" a plus) and encoded again the same way.
        let kept = Request.parseForm(req.url.query ?? "").filter { $0.key != "page" }.sorted { $0.key < $1.key }
            .flatMap { k, vs in vs.map { (k, $0) } }
        func link(_ p: Int) -> String {
            SiteURL.link(req.url.path, kept + [("page", String(p))])
        }
        return div(.class("pager")) {
            if page > 1 { a(.href(link(page - 1))) { l.t("list.prev") } }
            span { l.t("list.page", String(page), String(pages)) }
            if page < pages { a(.href(link(page + 1))) { l.t("list.next") } }
        }
    }
}
