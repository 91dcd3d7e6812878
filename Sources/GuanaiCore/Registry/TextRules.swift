/// How long a text field may be, and which may hold line breaks. One table, read by the API's and the forms' check
/// and written into the OpenAPI document (`maxLength`, `pattern`), so the document says what the server accepts.
/// A 100,000-character name or a NUL byte in an address is refused naming the field, never stored.
public enum TextRules {
    public enum Problem: Equatable, Sendable {
        case tooLong(max: Int)
        case control
    }

    /// Fields not listed here: one line, this long at most.
    public static let defaultMax = 100

    /// By the field's own name (the last part of `father.name`).
    public static let maxLength: [String: Int] = [
        "name": 50, "displayName": 50, "username": 32, "reporter": 50, "byName": 50,
        "idNumber": 40, "phone": 30, "reporterContact": 50,
        "address": 200, "workPlace": 100, "school": 100, "grade": 20, "villageGroup": 50, "organisation": 100, "honours": 200,
        "skills": 200, "availableTime": 100, "place": 200, "partner": 100, "organiser": 100, "title": 100, "facilities": 500,
        "password": 128, "current": 128, "new": 128, "confirm": 128, "token": 200, "q": 100,
        "notes": 2000, "note": 2000, "improperNote": 1000, "plan": 2000, "resolution": 2000, "seen": 2000, "reason": 500,
        "closeNote": 1000, "policeReportNo": 50, "description": 2000, "summary": 2000, "detail": 2000, "message": 2000,
        "relation": 50, "narrative": 5000, "request": 2000, "minutes": 5000, "content": 5000, "facts": 5000, "terms": 5000,
        "performance": 2000, "advice": 2000,
        // Health (issue 20): a screening site as the sheet names it (卫生院, 村卫生室).
        "site": 100,
        // The rights pages' textareas of names, one per line (the API takes them as arrays of `attendees`, `signedBy`).
        "attendeeLines": 2000, "signerLines": 1000,
        // A team form's members, one a line with an ID number (HealthTeamForm.maxMembers of them).
        "memberLines": 12_000,
    ]

    /// Long text: line breaks (and tabs) allowed, other control characters not.
    public static let multiline: Set<String> = [
        "notes", "note", "improperNote", "plan", "resolution", "seen", "reason", "closeNote",
        "description", "summary", "detail", "message", "facilities",
        "narrative", "request", "minutes", "content", "facts", "terms", "performance", "advice", "attendeeLines", "signerLines",
        "memberLines",
    ]

    public static func max(_ field: String) -> Int { maxLength[key(field)] ?? defaultMax }
    public static func isMultiline(_ field: String) -> Bool { multiline.contains(key(field)) }

    /// `father.name` → `name`; `checklist.food` → `food`.
    static func key(_ field: String) -> String { String(field.split(separator: ".").last ?? Substring(field)) }

    public static func problem(field: String, value: String) -> Problem? {
        let long = isMultiline(field)
        for s in value.unicodeScalars {
            let v = s.value
            if v == 0x0A || v == 0x0D || v == 0x09 { if long { continue } else { return .control } }
            if v < 0x20 || v == 0x7F || (0x80...0x9F).contains(v) { return .control }
        }
        let limit = max(field)
        return value.count > limit ? .tooLong(max: limit) : nil
    }

    /// The same rule as a regular expression, for the OpenAPI document.
    public static func pattern(_ field: String) -> String {
        isMultiline(field) ? "^[^\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F]*$" : "^[^\\u0000-\\u001F\\u007F-\\u009F]*$"
    }
}
