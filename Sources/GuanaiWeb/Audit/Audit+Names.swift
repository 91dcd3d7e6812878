import Fluent
import Vapor
import GuanaiCore

/// What the trail's ids stand for, looked up once per page so a history shows people and places, not ids.
struct AuditNames: Sendable {
    struct Record: Sendable {
        let name: String
        let href: String?
        /// For records without a name: the kind the page calls them by ("预警").
        var kind: String? = nil
    }
    /// Records by id (UUID strings as stored, upper case); only those the viewer may see.
    var records: [String: Record] = [:]
    /// Accounts by id, for the "who" column: the display name a cadre knows her colleagues by.
    var actors: [String: String] = [:]
    var units: [String: String] = [:]

    static let empty = AuditNames()
}

extension AuditEntry {
    /// The stored changes, decoded once: `fields` (name → before/after) and `detail` (name → text).
    var parsedChanges: (fields: [(key: String, before: String?, after: String?)], detail: [(key: String, value: String)]) {
        guard let obj = try? JSONSerialization.jsonObject(with: Data(changes.utf8)) as? [String: Any] else { return ([], []) }
        let fields = ((obj["fields"] as? [String: Any]) ?? [:]).sorted { $0.key < $1.key }.map { k, v in
            let d = v as? [String: Any]
            return (key: k, before: d?["before"] as? String, after: d?["after"] as? String)
        }
        let detail = ((obj["detail"] as? [String: Any]) ?? (obj["fields"] == nil ? obj : [:])).sorted { $0.key < $1.key }.map {
            (key: $0.key, value: "\($0.value)")
        }
        return (fields, detail)
    }
}

extension Scoped {
    /// Every id and unit code the entries mention, resolved in a handful of queries. A record outside the viewer's
    /// jurisdiction, or of a kind her role may not read, stays unresolved and shows as a neutral word.
    func auditNames(for entries: [AuditEntry], actor: Signer?) async throws -> AuditNames {
        var ids = Set<String>(), codes = Set<String>(), actors = Set<String>()
        func note(_ s: String?) {
            guard let s, !s.isEmpty else { return }
            for part in s.split(separator: ",") {
                let v = String(part)
                if UUID(uuidString: v) != nil { ids.insert(v.uppercased()) } else if AuditWords.isUnitCode(v) { codes.insert(v) }
            }
        }
        for e in entries {
            note(e.recordID)
            if let a = e.actorID, let u = UUID(uuidString: a) { actors.insert(u.uuidString) }
            let (fields, detail) = e.parsedChanges
            for f in fields { note(f.before); note(f.after) }
            for d in detail { note(d.value) }
        }
        var out = AuditNames()
        out.units = try await unitNames(Array(codes))
        // Display names of whoever acted, in or out of scope: the trail already names them by username.
        let actorUUIDs = actors.compactMap(UUID.init(uuidString:))
        if !actorUUIDs.isEmpty {
            for u in try await User.query(on: db).filter(\.$id ~~ actorUUIDs).all() { out.actors[u.id!.uuidString] = u.displayName }
        }
        let uuids = ids.compactMap(UUID.init(uuidString:))
        guard !uuids.isEmpty else { return out }
        let can = { (k: RecordKind) in actor?.canRead(k) ?? false }
        if can(.child) || can(.woman) {
            let people = try await Person.query(on: db).within(jurisdiction, \.$unitCode).filter(\.$id ~~ uuids).all()
            // A person is linked to her own record when she has one (a mother who is a registered woman), else to
            // her history for those who may read the trail; a grandmother is only a name to the others.
            let ids = people.compactMap(\.id)
            var own: [PersonID: String] = [:]
            if !ids.isEmpty && can(.woman) {
                for w in try await Woman.query(on: db).within(jurisdiction, \.$unitCode).filter(\.$personID ~~ ids).all() {
                    own[w.person] = SiteURL.woman(w.recordID).path
                }
            }
            if !ids.isEmpty && can(.child) {
                for c in try await Child.query(on: db).within(jurisdiction, \.$unitCode).filter(\.$personID ~~ ids).all() {
                    own[c.person] = SiteURL.child(c.recordID).path
                }
            }
            for p in people {
                out.records[p.id!.uuidString] = .init(
                    name: p.name, href: own[p.recordID] ?? (can(.audit) ? SiteURL.history(of: p.recordID).path : nil))
            }
        }
        if can(.child) {
            let children = try await Child.query(on: db).within(jurisdiction, \.$unitCode).filter(\.$id ~~ uuids).all()
            let names = try await personNames(children.map(\.person))
            for c in children {
                out.records[c.id!.uuidString] = .init(name: names[c.person] ?? "", href: SiteURL.child(c.recordID).path)
            }
        }
        if can(.woman) {
            let women = try await Woman.query(on: db).within(jurisdiction, \.$unitCode).filter(\.$id ~~ uuids).all()
            let names = try await personNames(women.map(\.person))
            for w in women {
                out.records[w.id!.uuidString] = .init(name: names[w.person] ?? "", href: SiteURL.woman(w.recordID).path)
            }
        }
        if can(.household) {
            for h in try await Household.query(on: db).within(jurisdiction, \.$unitCode).filter(\.$id ~~ uuids).all() {
                out.records[h.id!.uuidString] = .init(name: h.address, href: SiteURL.household(h.recordID).path)
            }
        }
        if can(.account) {
            for u in try await User.query(on: db).within(jurisdiction, \.$unitCode).filter(\.$id ~~ uuids).all() {
                out.records[u.id!.uuidString] = .init(name: u.displayName, href: SiteURL.account(u.recordID).path)
            }
        }
        if can(.volunteer) {
            for v in try await Volunteer.query(on: db).within(jurisdiction, \.$unitCode).filter(\.$id ~~ uuids).all() {
                out.records[v.id!.uuidString] = .init(name: v.name, href: SiteURL.volunteer(v.recordID).path)
            }
        }
        if can(.pair) {
            // A pair is its child and her volunteer: "欧阳小雨—刘爱华".
            let pairs = try await Pair.query(on: db).within(jurisdiction, \.$unitCode).filter(\.$id ~~ uuids).all()
            if !pairs.isEmpty {
                let kids = try await Child.query(on: db).filter(\.$id ~~ pairs.map(\.childID)).all()
                let kidNames = try await personNames(kids.map(\.person))
                let childName = Dictionary(kids.map { ($0.recordID, kidNames[$0.person] ?? "") }, uniquingKeysWith: { a, _ in a })
                let volunteers = try await Volunteer.query(on: db).filter(\.$id ~~ pairs.map(\.volunteerID)).all()
                let volunteerName = Dictionary(volunteers.map { ($0.recordID, $0.name) }, uniquingKeysWith: { a, _ in a })
                for p in pairs {
                    let name = [childName[p.child] ?? "", volunteerName[p.volunteer] ?? ""].filter { !$0.isEmpty }.joined(
                        separator: "—")
                    out.records[p.id!.uuidString] = .init(name: name, href: SiteURL.pair(p.recordID).path)
                }
            }
        }
        // Alerts and reports have no name of their own: they are named by their kind and linked to their page.
        if can(.alert) {
            for a in try await Alert.query(on: db).within(jurisdiction, \.$unitCode).filter(\.$id ~~ uuids).all() {
                out.records[a.recordID.description] = .init(name: "", href: SiteURL.alert(a.recordID).path, kind: RecordKind.alert.rawValue)
            }
        }
        if can(.report) {
            for r in try await Report.query(on: db).within(jurisdiction, \.$unitCode).filter(\.$id ~~ uuids).all() {
                out.records[r.recordID.description] = .init(
                    name: "", href: SiteURL.report(r.recordID).path, kind: RecordKind.report.rawValue)
            }
        }
        return out
    }

    private func personNames(_ ids: some Collection<PersonID>) async throws -> [PersonID: String] {
        guard !ids.isEmpty else { return [:] }
        let people = try await Person.query(on: db).filter(\.$id ~~ Set(ids).map(\.uuid)).all()
        return Dictionary(people.map { ($0.recordID, $0.name) }, uniquingKeysWith: { a, _ in a })
    }
}
