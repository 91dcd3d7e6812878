import Foundation
import GuanaiCore

/// The trail's stored words (field names, tokens, ids, UTC instants) turned into what a cadre reads, at render time:
/// the stored entries stay exactly as hashed.
enum AuditWords {
    static func has(_ key: String) -> Bool { Catalogue.zh[key] != nil }

    static func isUnitCode(_ s: String) -> Bool { s.utf8.count == 12 && s.utf8.allSatisfy { $0 >= 48 && $0 <= 57 } }

    static func isUUID(_ s: String) -> Bool { s.utf8.count == 36 && UUID(uuidString: s) != nil }

    /// What the page calls a record by: the first block of its id, which the search takes too.
    static func shortNumber(_ id: String) -> String { isUUID(id) ? String(id.uppercased().prefix(8)) : id }

    // MARK: time

    /// "2026-11-18 19:30:05" in China time. The trail keeps UTC ISO-8601 text because the hash covers it.
    static func time(_ at: String) -> String {
        guard
            let d = (try? Date(at, strategy: Date.ISO8601FormatStyle(includingFractionalSeconds: true)))
                ?? (try? Date(at, strategy: Date.ISO8601FormatStyle()))
        else {
            return String(at.prefix(19)).replacingOccurrences(of: "T", with: " ")
        }
        return String(AuditLog.timestamp(d.addingTimeInterval(8 * 3600)).prefix(19)).replacingOccurrences(of: "T", with: " ")
    }

    // MARK: fields

    /// Dotted names ("father.situation", "screening.identity", "step.plan") read as their head's label and the
    /// tail's token label.
    static let dottedHeads: [String: [String]] = ["screening": ["screen."], "step": ["report.step."], "checklist": ["visit.check."]]

    static func field(_ l: UILanguage, _ key: String, type: String = "") -> String {
        if has("f.\(type).\(key)") { return l.t("f.\(type).\(key)") }
        if has("f." + key) { return l.t("f." + key) }
        if let d = DetailLabels.key(key) { return l.t(d) }
        if type == AuditSubject.settings.rawValue && has("settings." + key) { return l.t("settings." + key) }
        if let dot = key.firstIndex(of: ".") {
            let head = String(key[..<dot]), tail = String(key[key.index(after: dot)...])
            let h = has("f." + head) ? l.t("f." + head) : nil
            // A step of a process ("screening.identity", "step.plan"): the process, then the step's own name.
            if let h, let t = (dottedHeads[head] ?? []).first(where: { has($0 + tail) }).map({ l.t($0 + tail) }) {
                return l.t("audit.fieldStep", h, t)
            }
            if let h, has("f." + tail) { return l.t("audit.fieldOf", h, l.t("f." + tail)) }
        }
        return l.t("audit.otherField")
    }

    /// Catalogue prefixes a field's tokens are labelled under; a field's meaning can depend on the record kind.
    static func domains(_ field: String, _ type: String) -> [String] {
        switch field {
        case "fatherSituation", "motherSituation", "husbandSituation", "situation": return ["situation."]
        case "guardianRelation", "relation": return ["relation."]
        case FieldName.health.rawValue, "guardianHealth": return ["health."]
        case "livingArrangement": return ["living."]
        case "sex": return ["sex."]
        case "hukou": return ["hukou."]
        case "vitalStatus": return ["vital."]
        case "riskTier", "level", "tier": return ["tier."]
        case "role": return ["role."]
        case "poverty": return ["poverty."]
        case "categories", "category": return ["category."]
        case "needs", "need": return type == AuditSubject.woman.rawValue ? ["wneed."] : ["need."]
        case "skills", "skill": return ["skill."]
        case "kind": return ["alert.kind."]
        case "mode": return type == AuditSubject.contact.rawValue ? ["contactMode."] : ["visit.mode."]
        case "action": return ["pairAction."]
        case "reminder": return ["reminderLevel."]
        case "escalatedTo": return ["alert.escalated."]
        case "escalation": return ["audit.value.escalation."]
        case "to" where type == AuditSubject.alert.rawValue: return ["alert.escalated."]
        case "closeReason": return ["closeReason."]
        case "status":
            switch AuditSubject(rawValue: type) {
            case .alert: return ["alert.status."]
            case .report: return ["report.status."]
            case .pair: return ["pairStatus."]
            case .volunteer: return ["volunteerStatus."]
            case .unit: return ["unitStatus."]
            default: return ["status."]
            }
        default: return ["audit.value." + field + "."]
        }
    }

    /// Fields whose value is a comma-separated set of tokens or names.
    static let lists: Set<String> = ["needs", "categories", "skills", "escalatedTo", "field"]

    enum Value { case text(String), link(String, String) }

    static func value(_ l: UILanguage, _ names: AuditNames, field: String, type: String, _ raw: String?) -> [Value] {
        guard let raw, !raw.isEmpty else { return [.text(l.t("audit.empty"))] }
        if field == "field" {
            return [.text(raw.split(separator: ",").map { Self.field(l, String($0)) }.joined(separator: l.t("list.sep")))]
        }
        if lists.contains(field) && raw.contains(",") {
            var out: [Value] = []
            for (i, part) in raw.split(separator: ",").enumerated() {
                if i > 0 { out.append(.text(l.t("list.sep"))) }
                out += value(l, names, field: field, type: type, String(part))
            }
            return out
        }
        if raw == "true" { return [.text(l.t("form.yes"))] }
        if raw == "false" { return [.text(l.t("form.no"))] }
        if isUUID(raw) {
            guard let r = names.records[raw.uppercased()] else { return [.text(l.t("audit.someRecord"))] }
            let name = r.name.isEmpty ? (r.kind.map { recordKind(l, $0) } ?? l.t("audit.someRecord")) : r.name
            return [r.href.map { .link(name, $0) } ?? .text(name)]
        }
        if isUnitCode(raw), let n = names.units[raw] { return [.text(n)] }
        if type == AuditSubject.report.rawValue, field.hasPrefix("step."), let dot = raw.range(of: " · ") {
            // A report's step is stored as "action · note"; the action is a token of the step's form.
            let action = String(raw[..<dot.lowerBound])
            if has("report.action." + action) { return [.text(l.t("report.action." + action) + " · " + raw[dot.upperBound...])] }
        }
        for p in domains(field, type) where has(p + raw) { return [.text(l.t(p + raw))] }
        if raw.hasPrefix("{"), let obj = try? JSONSerialization.jsonObject(with: Data(raw.utf8)) as? [String: String] {
            // A visit's checklist: item → ok/concern.
            let parts = obj.sorted { $0.key < $1.key }.map { k, v in
                (has("visit.check." + k) ? l.t("visit.check." + k) : l.t("audit.otherField")) + l.t("f.sep")
                    + (has("visit." + v) ? l.t("visit." + v) : v)
            }
            return [.text(parts.joined(separator: l.t("list.sep")))]
        }
        if raw.count >= 20, raw.dropFirst(10).hasPrefix("T"), raw.hasSuffix("Z") { return [.text(time(raw))] }
        return [.text(raw)]
    }

    static func render(_ vs: [Value]) -> Node {
        group {
            for v in vs {
                switch v {
                case .text(let s): span { s }
                case .link(let s, let href): a(.href(href)) { s }
                }
            }
        }
    }

    // MARK: entries

    static func recordKind(_ l: UILanguage, _ type: String) -> String {
        has("record." + type) ? l.t("record." + type) : l.t("audit.someRecord")
    }

    /// "儿童 王小花 · 1A2B3C4D", linked to the record's history.
    static func record(_ l: UILanguage, _ names: AuditNames, type: String, id: String) -> Node {
        let name: String
        if isUUID(id) {
            name = names.records[id.uppercased()].map(\.name) ?? ""
        } else if isUnitCode(id) {
            name = names.units[id] ?? ""
        } else if let vs = id.split(separator: "/").first, isUUID(String(vs)) {
            name = ""  // a visit photo: "<visit>/<n>"
        } else {
            // Not an id at all: "list" for an export, "unknown" for a failed login, a settings key, a file name.
            name =
                has("audit.recordID." + id)
                ? l.t("audit.recordID." + id)
                : type == AuditSubject.board.rawValue && has("board.sheet." + id)
                    ? l.t("board.sheet." + id)
                    : has("record." + id) ? l.t("record." + id) : id
        }
        let number = isUUID(id) ? shortNumber(id) : (isUnitCode(id) ? id : "")
        let label = [recordKind(l, type), name, number].filter { !$0.isEmpty }.joined(separator: " ")
        if isUUID(id) || isUnitCode(id) { return a(.href(.history(type, id))) { label } }
        return span { label }
    }

    static func actor(_ l: UILanguage, _ names: AuditNames, _ e: AuditEntry) -> String {
        if let id = e.actorID { return names.actors[id.uppercased()] ?? names.actors[id] ?? e.actorName }
        return has("audit.actor." + e.actorName) ? l.t("audit.actor." + e.actorName) : e.actorName
    }

    /// One line per changed field ("父亲情况：外出务工 → 去世"), then the detail ("依据：重新认定").
    static func changes(_ l: UILanguage, _ names: AuditNames, _ e: AuditEntry) -> Node {
        let (fields, detail) = e.parsedChanges
        return group {
            for f in fields where !(f.before == nil && (f.after ?? "").isEmpty) {
                div(.class("change")) {
                    span(.class("field")) { field(l, f.key, type: e.recordType) + l.t("f.sep") }
                    if f.before != nil {
                        render(value(l, names, field: f.key, type: e.recordType, f.before))
                        " → "
                    }
                    render(value(l, names, field: f.key, type: e.recordType, f.after))
                }
            }
            for d in detail where !d.value.isEmpty {
                div(.class("change")) {
                    span(.class("field")) { field(l, d.key, type: e.recordType) + l.t("f.sep") }
                    render(value(l, names, field: d.key, type: e.recordType, d.value))
                }
            }
        }
    }
}
