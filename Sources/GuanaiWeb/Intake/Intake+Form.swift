import GuanaiCore

/// Uploading a sheet (multipart: the file is read by the streamed reader, `uploadedFiles`; these are the fields
/// beside it).
struct IntakeUploadForm: Codable {
    var kind: String?
    var unit: String?
    var sheet: String?

    enum CodingKeys: String, CodingKey { case kind, unit, sheet, file }

    init(kind: String? = nil, unit: String? = nil, sheet: String? = nil) {
        self.kind = kind
        self.unit = unit
        self.sheet = sheet
    }

    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        kind = try c.decodeIfPresent(String.self, forKey: .kind)
        unit = try c.decodeIfPresent(String.self, forKey: .unit)
        sheet = try c.decodeIfPresent(String.self, forKey: .sheet)
    }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encodeIfPresent(kind, forKey: .kind)
        try c.encodeIfPresent(unit, forKey: .unit)
        try c.encodeIfPresent(sheet, forKey: .sheet)
    }
}

/// The column mapping of an uploaded sheet: `map.<column letter>` → a column key of the kind, `auto` or nothing
/// (skip); the letters are the sheet's, so the names are read as posted.
struct IntakeRemapForm: Decodable {
    var map: [String: String] = [:]
    var sheet: String?

    static let mapPrefix = "map."
    static let sheetKey = IntakeUploadForm.CodingKeys.sheet.rawValue

    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: FormKey.self)
        for k in c.allKeys where k.stringValue.hasPrefix(Self.mapPrefix) {
            map[String(k.stringValue.dropFirst(Self.mapPrefix.count))] = try c.decodeIfPresent(String.self, forKey: k)
        }
        sheet = try c.decodeIfPresent(String.self, forKey: FormKey(Self.sheetKey))
    }
}
