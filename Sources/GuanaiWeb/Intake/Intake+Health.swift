import Fluent
import Vapor
import GuanaiCore

/// Issue 20's ledgers read in: a screening site's result sheet (each row one woman's screens, through the API's
/// `HealthService.screen`, so its pathway, trail and follow-ups hold) and the members of fitness and culture teams.
/// A person is known by her ID number; one not yet registered becomes a person of the row's village, as the
/// registry links people, with no women-registry entry. A row already there counts as a duplicate, so the same
/// file read twice adds nothing.
extension ImportRun {
    func healthRow(_ r: ReadRow, mapping: [Int: String], headerText: [Int: String], scoped s: Scoped, state: inout State)
        async throws -> ImportPreviewRow
    {
        var added = false
        do {
            switch kind {
            case .screeningResults: added = try await screeningRow(r, scoped: s, state: &state)
            case .teamMembers: added = try await teamMemberRow(r, scoped: s, state: &state)
            default: preconditionFailure("not a health ledger")
            }
        } catch let e as FieldErrors {
            return finish(r, .rejected, named(e.items, mapping: mapping, headerText: headerText), state: &state)
        }
        return finish(r, added ? .accepted : .duplicate, [], state: &state)
    }

    /// The person the row's ID number names, or a new person of `village` (`RegistryService.personByID`). A woman
    /// first met on a result sheet of the free rural programme is rural unless the sheet's 户籍 says otherwise.
    func personOrNew(_ v: [String: String], village: String?, womenOnly: Bool, scoped s: Scoped) async throws -> Person {
        let hukou = v["hukou"].flatMap(Hukou.init(rawValue:)) ?? (kind == .screeningResults ? .rural : nil)
        return try await RegistryService.personByID(
            idNumber: v["idNumber"], name: v["name"], phone: v["phone"], hukou: hukou, village: village, womenOnly: womenOnly, scoped: s,
            actor: actor, at: at, detail: ["file": fileName])
    }

    /// One woman's screens of a sheet's row: each programme with results, through `HealthService.screen`. A screen of
    /// the same programme and day already recorded is skipped; a row all of whose screens are there is a duplicate.
    /// Every screen is checked before any is written, so a row is taken whole or not at all.
    func screeningRow(_ r: ReadRow, scoped s: Scoped, state: inout State) async throws -> Bool {
        let v = r.values
        var village = r.village
        if village == nil, unit.divisionLevel == .village { village = unit.code }
        let p = try await personOrNew(v, village: village, womenOnly: true, scoped: s)
        let campaigns = try await s.campaignCandidates(
            township: DivisionCode(p.unitCode).map { $0.level == .village ? $0.parent?.value ?? $0.value : $0.value } ?? p.unitCode,
            year: v["date"].flatMap(CivilDate.init(iso:))?.year)
        let inputs = LedgerRow.screenings(v, personId: p.id!.uuidString) {
            HealthCampaignPick.pick(campaigns, programme: $0, site: v["site"])?.uuid.uuidString
        }
        guard !inputs.isEmpty else { throw FieldErrors([FieldError(field: "programme", key: "intake.error.noResults")]) }
        var c = FormChecker()
        let today = RegistryService.today(at)
        var fresh: [HealthScreeningInput] = []
        for input in inputs {
            let running = campaigns.first { $0.id.uuid.uuidString == input.campaignId }?.programme
            guard let checked = HealthScreeningForm.check(input, campaignProgramme: running, today: today, &c) else { continue }
            if try await s.screened(p.id!, programme: checked.programme, on: checked.date.iso) { continue }
            fresh.append(input)
        }
        try c.throwIfAny()
        for input in fresh {
            do {
                _ = try await HealthService.screen(input, scoped: s, by: loanSigner, actor: actor, at: at)
            } catch let e as FieldErrors {
                throw FieldErrors(e.items.map { $0.field == "personId" ? FieldError(field: "idNumber", key: $0.key, args: $0.args) : $0 })
            }
        }
        return !fresh.isEmpty
    }

    /// A member of a team of the row's unit, named by the team's name: a team not there yet is made with her as its
    /// leader (its kind then needed); a row that says 队长 makes her the leader. false when she is a member already
    /// and nothing changes.
    func teamMemberRow(_ r: ReadRow, scoped s: Scoped, state: inout State) async throws -> Bool {
        let v = r.values
        var c = FormChecker()
        guard let teamName = c.required(v["teamName"], "teamName") else { throw FieldErrors(c.errors) }
        guard let place = r.village ?? (unit.divisionLevel >= .township ? unit.code : nil) else {
            throw FieldErrors([FieldError(field: "villageCode", key: "field.error.required")])
        }
        let p = try await personOrNew(v, village: place, womenOnly: false, scoped: s)
        let leader = v["leader"] == "true"
        guard let team = try await s.healthTeam(named: teamName, in: place) else {
            let input = HealthTeamInput(name: teamName, kind: v["kind"], unitCode: place, leaderPersonId: p.id!.uuidString, members: [])
            _ = try await HealthTeamService.create(input, scoped: s, by: loanSigner, actor: actor, at: at)
            return true
        }
        return try await HealthTeamService.join(team, p, leader: leader, actor: actor, at: at, on: s.db)
    }
}

extension Scoped {
    /// Her township's campaigns of the year, as the campaign pick weighs them.
    func campaignCandidates(township: String, year: Int?) async throws -> [HealthCampaignPick.Candidate] {
        guard let year else { return [] }
        return try await HealthCampaign.query(on: db).filter(\.$unitCode == township).filter(\.$year == year).all().map {
            HealthCampaignPick.Candidate(id: $0.recordID, programme: $0.programme, siteNames: $0.sites.map(\.name))
        }
    }

    func screened(_ person: UUID, programme: HealthProgramme, on day: String) async throws -> Bool {
        try await HealthScreening.query(on: db).filter(\.$personID == person).filter(\.$programme == programme).filter(\.$date == day)
            .count() > 0
    }

    func healthTeam(named name: String, in unit: String) async throws -> HealthTeam? {
        guard inScope(unit) else { return nil }
        return try await HealthTeam.query(on: db).filter(\.$unitCode == unit).filter(\.$name == name).first()
    }
}
