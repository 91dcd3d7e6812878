import Fluent
import Vapor
import GuanaiCore

/// Stations, sites and enrolments read in, each row through the service its form uses. A ledger knows a station or
/// a site by its name in its unit and a child by her ID number, so the same file read twice finds every row there.
extension ImportRun {
    /// Without a station column every row goes to the unit's station, which must then be the only open one.
    func oneOpenStation() async throws -> Station {
        let open = try await scoped.openStations(under: unit.code)
        guard open.count == 1 else { throw IntakeFileError(key: "intake.error.needStation") }
        return open[0]
    }

    /// A station's or a site's row: false when one of that name is already in the unit.
    func createPlace(_ v: [String: String], unit code: String?, scoped s: Scoped) async throws -> Bool {
        let name = v["name"]?.trimmingCharacters(in: .whitespaces) ?? ""
        let unitCode = code ?? ""
        do {
            if kind == .stations {
                if try await s.stationExists(name: name, unit: unitCode) { return false }
                _ = try await StationService.create(LedgerRow.station(v, unit: code), scoped: s, actor: actor, at: at)
            } else {
                if try await s.siteExists(name: name, unit: unitCode) { return false }
                _ = try await SitingService.create(LedgerRow.site(v, unit: code), scoped: s, actor: actor, at: at)
            }
        } catch let e as FieldErrors {
            // The form lists people in charge; a ledger has one, in the 负责人 columns.
            throw FieldErrors(
                e.items.map { f in
                    guard f.field.hasPrefix("staff["), let dot = f.field.firstIndex(of: ".") else { return f }
                    return FieldError(field: "staff" + f.field[dot...], key: f.key, args: f.args)
                })
        }
        return true
    }

    /// A child given a place at the station the row names: false when she holds one there already. She is known by
    /// her ID number; a name in the row that is not hers stops the row (a mistyped number must not enrol another).
    func enrol(_ v: [String: String], scoped s: Scoped, state: inout State) async throws -> Bool {
        var station = state.defaultStation
        if let name = v["stationName"] {
            if state.stations[name] == nil { state.stations[name] = try await findStation(name, scoped: s) }
            switch state.stations[name]! {
            case .success(let found): station = found
            case .failure(let box):
                throw FieldErrors([FieldError(field: box.problem.field, key: box.problem.message, args: box.problem.args)])
            }
        }
        guard let station else { throw FieldErrors([FieldError(field: "stationName", key: "field.error.required")]) }
        guard let id = v["idNumber"] else { throw FieldErrors([FieldError(field: "idNumber", key: "field.error.required")]) }
        guard let (child, registered) = try await s.child(idNumber: id) else {
            throw FieldErrors([FieldError(field: "idNumber", key: "intake.error.childNotFound")])
        }
        if let typed = v["name"], IntakeReader.word(typed) != IntakeReader.word(registered) {
            throw FieldErrors([FieldError(field: "name", key: "intake.error.nameMismatch", args: [registered])])
        }
        if let open = try await s.openEnrolment(of: child) {
            if open.stationID == station.id { return false }
            let other = try await s.stationName(open.stationID) ?? ""
            throw FieldErrors([FieldError(field: "idNumber", key: "intake.error.enrolledElsewhere", args: [other])])
        }
        do {
            _ = try await StationDayService.enrol(
                station, EnrolmentInput(childId: child.id!.uuidString, from: v["from"]), scoped: s, actor: actor, at: at)
        } catch let e as FieldErrors {
            throw FieldErrors(e.items.map { $0.field == "childId" ? FieldError(field: "idNumber", key: $0.key, args: $0.args) : $0 })
        }
        return true
    }

    func findStation(_ name: String, scoped s: Scoped) async throws -> Result<Station, CellProblemBox> {
        let found = try await s.stations(named: name, under: unit.code)
        if found.count == 1 { return .success(found[0]) }
        let key = found.isEmpty ? "intake.error.station" : "intake.error.stationAmbiguous"
        return .failure(CellProblemBox(problem: CellProblem(field: "stationName", message: key, args: [name])))
    }
}
