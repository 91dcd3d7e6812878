/// Issue 20's ledgers as the API's own inputs. A site's result sheet writes one woman per row, often both screens of
/// a 两癌 day side by side: a row becomes one screen per programme whose results it holds, each checked by
/// `HealthScreeningForm` as the API's would be.
extension LedgerRow {
    /// The screens a row holds, in programme order. A programme cell of one programme takes that one (the other's
    /// results are then refused by the form, not dropped); none, or 两癌 (`both`), takes each programme with a result.
    /// The method, when the sheet has no column for it, is what the results show: cytology and HPV make a co-test.
    public static func screenings(_ v: [String: String], personId: String, campaignId: (HealthProgramme) -> String?)
        -> [HealthScreeningInput]
    {
        let has = { (fields: [String]) in fields.contains { v[$0] != nil } }
        var programmes: [HealthProgramme]
        switch v["programme"].flatMap(HealthCampaignProgramme.init(rawValue:)) {
        case .cervical?: programmes = [.cervical]
        case .breast?: programmes = [.breast]
        case .both?, nil:
            programmes = HealthProgramme.allCases.filter {
                has($0 == .cervical ? HealthScreeningForm.cervicalFields : HealthScreeningForm.breastFields)
            }
        }
        return programmes.map { p in
            var input = HealthScreeningInput(
                personId: personId, campaignId: campaignId(p), programme: p.rawValue, date: v["date"], site: v["site"])
            switch p {
            case .cervical:
                (input.gynaecExam, input.cytology, input.hpv) = (v["gynaecExam"], v["cytology"], v["hpv"])
                input.method = v["method"] ?? method(cytology: v["cytology"] != nil, hpv: v["hpv"] != nil)?.rawValue
                if v["programme"] == HealthProgramme.cervical.rawValue {
                    (input.clinicalExam, input.ultrasound) = (v["clinicalExam"], v["ultrasound"])
                }
            case .breast:
                (input.clinicalExam, input.ultrasound) = (v["clinicalExam"], v["ultrasound"])
                if v["programme"] == HealthProgramme.breast.rawValue {
                    (input.gynaecExam, input.method, input.cytology, input.hpv) = (v["gynaecExam"], v["method"], v["cytology"], v["hpv"])
                }
            }
            return input
        }
    }

    static func method(cytology: Bool, hpv: Bool) -> CervicalMethod? {
        switch (cytology, hpv) {
        case (true, true): return .cotest
        case (true, false): return .cytology
        case (false, true): return .hpv
        case (false, false): return nil
        }
    }
}

/// The campaign a sheet's screen counts for, when the sheet does not say: her township's campaign of the screen's
/// year that runs the programme, and among several the one with a site of the sheet's name. Still several, or none:
/// no campaign (the screen stands on its own rather than on a guess).
public enum HealthCampaignPick {
    public struct Candidate: Sendable, Equatable {
        public let id: HealthCampaignID
        public let programme: HealthCampaignProgramme
        public let siteNames: [String]
        public init(id: HealthCampaignID, programme: HealthCampaignProgramme, siteNames: [String]) {
            (self.id, self.programme, self.siteNames) = (id, programme, siteNames)
        }
    }

    public static func pick(_ candidates: [Candidate], programme: HealthProgramme, site: String?) -> HealthCampaignID? {
        let running = candidates.filter { $0.programme.covers(programme) }
        if running.count == 1 { return running[0].id }
        let word = { (s: String) in s.filter { !$0.isWhitespace } }
        guard let site else { return nil }
        let here = running.filter { $0.siteNames.contains { word($0) == word(site) } }
        return here.count == 1 ? here[0].id : nil
    }
}
