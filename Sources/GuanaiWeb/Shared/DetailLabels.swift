import GuanaiCore

/// The label of a plain field found by its name, where a page shows fields by name (the audit trail, error
/// summaries). Each `RecordDetail` enum is listed once here.
enum DetailLabels {
    static func key(_ field: String) -> String? {
        ChildDetail(rawValue: field)?.labelKey ?? WomanDetail(rawValue: field)?.labelKey
            ?? VolunteerDetail(rawValue: field)?.labelKey
    }
}
