import Fluent
import Vapor
import GuanaiCore
import GuanaiSheets

/// A neighbour group's roster (花名册) read in: one row per member household, known by its head's ID number; the
/// rows that share a group name in one village are one group, judged by the group form once the file is read, all
/// or none. Each error goes back to the row and column it is about; the other rows of a refused group say so.
extension ImportRun {
    /// Keeps a row for its group; answers at once for a row that is wrong on its own.
    func hold(_ r: ReadRow, mapping: [Int: String], headerText: [Int: String], state: inout State) -> ImportPreviewRow? {
        if !r.problems.isEmpty { return finish(r, .rejected, named(r.problems, mapping: mapping, headerText: headerText), state: &state) }
        var missing: [FieldError] = []
        for key in ["name", "head.idNumber"] where r.values[key] == nil {
            missing.append(FieldError(field: key, key: "field.error.required"))
        }
        if r.village == nil { missing.append(FieldError(field: "villageCode", key: "field.error.required")) }
        guard missing.isEmpty, let name = r.values["name"], let village = r.village else {
            return finish(r, .rejected, named(missing, mapping: mapping, headerText: headerText), state: &state)
        }
        let key = village + "|" + name
        if state.groups[key] == nil { state.groupOrder.append(key) }
        state.groups[key, default: []].append(r)
        return nil
    }

    /// Every group held, in the order first met: the rows and their outcomes, for the rejected file.
    func finishGroups(mapping: [Int: String], headerText: [Int: String], scoped s: Scoped, state: inout State) async throws
        -> ([SheetRow], [ImportPreviewRow])
    {
        var rows: [SheetRow] = [], outcomes: [ImportPreviewRow] = []
        for key in state.groupOrder {
            let group = state.groups[key] ?? []
            for (r, o) in try await finishGroup(group, mapping: mapping, headerText: headerText, scoped: s, state: &state) {
                rows.append(r)
                outcomes.append(o)
            }
        }
        state.groups = [:]
        return (rows, outcomes)
    }

    private func finishGroup(_ group: [ReadRow], mapping: [Int: String], headerText: [Int: String], scoped s: Scoped, state: inout State)
        async throws -> [(SheetRow, ImportPreviewRow)]
    {
        guard let first = group.first, let village = first.village, let name = first.values["name"] else { return [] }
        if try await s.groupExists(name: name, village: village) {
            return group.map { ($0.row, finish($0, .duplicate, [], state: &state)) }
        }
        var errors: [Int: [FieldError]] = [:]
        var members: [LedgerGroup.Member] = []
        for r in group {
            guard let h = try await s.household(headIDNumber: r.values["head.idNumber"] ?? "") else {
                errors[r.row.number] = [FieldError(field: "head.idNumber", key: "intake.error.noHousehold")]
                continue
            }
            guard h.unit == village else {
                errors[r.row.number] = [FieldError(field: "head.idNumber", key: "intake.error.householdElsewhere")]
                continue
            }
            members.append(
                .init(
                    row: r.row.number, householdId: h.household.uuidString, headPersonId: h.head.uuidString,
                    leader: r.values["leader"] == "true", consentedOn: r.values["consentedOn"]))
        }
        var refused = !errors.isEmpty
        if !refused {
            let (input, problems) = LedgerGroup.input(name: name, village: village, members: members)
            for (row, e) in problems { errors[row, default: []].append(e) }
            refused = !problems.isEmpty
            if !refused {
                do {
                    _ = try await NeighbourGroupService.create(input, scoped: s, actor: actor, at: at)
                } catch let e as FieldErrors {
                    errors = LedgerGroup.place(e.items, members: members)
                    refused = true
                }
            }
        }
        let others = [FieldError(field: "name", key: "intake.error.groupRejected")]
        return group.map { r in
            guard refused else { return (r.row, finish(r, .accepted, [], state: &state)) }
            let own = named(errors[r.row.number] ?? others, mapping: mapping, headerText: headerText)
            return (r.row, finish(r, .rejected, own, state: &state))
        }
    }
}
