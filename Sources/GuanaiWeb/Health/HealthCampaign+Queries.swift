import Fluent
import SQLKit
import Vapor
import GuanaiCore

extension Scoped {
    /// The township codes above the jurisdiction's root: a village worker reads her township's campaigns.
    var townshipsAbove: [String] {
        guard let root = jurisdiction.root else { return [] }
        var out: [String] = []
        var c: DivisionCode? = root
        while let code = c, code.level >= .township {
            if code.level == .township { out.append(code.value) }
            c = code.parent
        }
        return out
    }

    /// Campaigns of the jurisdiction (or `unit` within it) and of the township above it, newest year first.
    func healthCampaigns(unit: String?, year: Int?) async throws -> [HealthCampaign] {
        let j = unit.map(narrowed) ?? jurisdiction
        let r = j.range
        var q = HealthCampaign.query(on: db).group(.or) {
            $0.group(.and) { $0.filter(\.$unitCode >= r.lowerBound).filter(\.$unitCode <= r.upperBound) }
            if !townshipsAbove.isEmpty { $0.filter(\.$unitCode ~~ townshipsAbove) }
        }
        if let year { q = q.filter(\.$year == year) }
        return try await q.sort(\.$year, .descending).sort(\.$unitCode).sort(\.$id).limit(500).all()
    }

    /// A campaign of the jurisdiction or of the township above it.
    func healthCampaign(_ id: HealthCampaignID) async throws -> HealthCampaign? {
        guard let c = try await HealthCampaign.find(id.uuid, on: db), inScope(c.unitCode) || townshipsAbove.contains(c.unitCode)
        else { return nil }
        return c
    }

    /// The campaign's women in the jurisdiction, by village and invitation.
    func healthInvitations(_ c: HealthCampaign) async throws -> [HealthInvitation] {
        try await HealthInvitation.query(on: db).filter(\.$campaignID == c.id!).within(jurisdiction, \.$unitCode).sort(\.$unitCode)
            .sort(\.$id).limit(5000).all()
    }
}

enum HealthCampaignQueries {
    /// The women screened under the campaign.
    static func screened(_ c: UUID, on db: any Database) async throws -> Set<UUID> {
        Set(try await HealthScreening.query(on: db).filter(\.$campaignID == c).field(\.$personID).all().map(\.personID))
    }

    /// Each woman at the furthest stage she reached, whether invited or come of her own accord.
    static func progress(_ c: HealthCampaign, on db: any Database) async throws -> HealthCampaignProgress {
        let invitations = try await HealthInvitation.query(on: db).filter(\.$campaignID == c.id!).all()
        let screened = try await screened(c.id!, on: db)
        var stages = invitations.map {
            HealthCampaignStage.of(
                booked: $0.appointmentOn != nil, attended: $0.attendedOn != nil, screened: screened.contains($0.personID))
        }
        let invited = Set(invitations.map(\.personID))
        stages += screened.subtracting(invited).map { _ in .screened }
        return HealthCampaignProgress(target: c.target, stages: stages)
    }
}
