import Foundation

public enum VisitMode: String, CaseIterable, Sendable { case home, phone, video, station }

/// The short checklist of a visit, in the order it is asked.
public enum VisitCheck: String, CaseIterable, Sendable {
    case food, warmth, homeSafety = "home_safety", guardianHealth = "guardian_health", school, mood
}

/// A visit as typed.
public struct VisitInput: Codable, Sendable {
    public var date: String?
    public var mode: String?
    public var checklist: [String: String]?
    public var notes: String?

    public init(date: String? = nil, mode: String? = nil, checklist: [String: String]? = nil, notes: String? = nil) {
        self.date = date
        self.mode = mode
        self.checklist = checklist
        self.notes = notes
    }
}

/// What a photo must be: an image a phone makes, not too large, at most a few per visit.
public enum VisitPhotoRules {
    public static let maxCount = 3
    public static let maxBytes = 8 * 1024 * 1024

    public struct Upload: Sendable, Equatable {
        public let contentType: String
        public let bytes: Data
    }

    /// The image type from the first bytes, whatever the browser claimed.
    public static func sniff(_ d: Data) -> String? {
        let b = [UInt8](d.prefix(12))
        if b.count >= 3, b[0] == 0xFF, b[1] == 0xD8, b[2] == 0xFF { return "image/jpeg" }
        if b.count >= 8, b[0..<8] == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] { return "image/png" }
        if b.count >= 12, b[0..<4] == [0x52, 0x49, 0x46, 0x46], b[8..<12] == [0x57, 0x45, 0x42, 0x50] { return "image/webp" }
        return nil
    }

    /// Checks the files of a form or API call; each problem is an error on the `photos` field. `already`: the photos
    /// the visit has.
    public static func check(_ files: [(name: String, bytes: Data)], already: Int = 0) throws(FieldErrors) -> [Upload] {
        var out: [Upload] = []
        var errors: [FieldError] = []
        if files.count + already > maxCount {
            errors.append(FieldError(field: "photos", key: "visit.error.photoCount", args: [String(maxCount)]))
        }
        for f in files {
            if f.bytes.count > maxBytes {
                errors.append(FieldError(field: "photos", key: "visit.error.photoSize", args: [f.name]))
                continue
            }
            guard let type = sniff(f.bytes) else {
                errors.append(FieldError(field: "photos", key: "visit.error.photoType", args: [f.name]))
                continue
            }
            out.append(Upload(contentType: type, bytes: f.bytes))
        }
        if !errors.isEmpty { throw FieldErrors(errors) }
        return out
    }
}

/// A visit's checks, with no database: a past date (today when empty), a mode, the checklist's answers, notes that
/// say what a concern is, and the photos.
public enum VisitForm {
    public static let notesLimit = 2000

    public struct Checked: Sendable {
        public let date: CivilDate
        public let mode: VisitMode
        /// Check → "ok" or "concern".
        public let checks: [String: String]
        public let notes: String
        public let photos: [VisitPhotoRules.Upload]
    }

    public static func check(
        _ input: VisitInput, photos files: [(name: String, bytes: Data)] = [],
        today: CivilDate
    ) -> Result<Checked, FieldErrors> {
        var errors: [FieldError] = []
        let date = (input.date?.isEmpty ?? true) ? today : CivilDate(iso: input.date ?? "")
        if date == nil { errors.append(FieldError(field: "date", key: "field.error.date")) }
        if let d = date, d > today { errors.append(FieldError(field: "date", key: "visit.error.future")) }
        let mode = VisitMode(rawValue: input.mode ?? "")
        if mode == nil { errors.append(FieldError(field: "mode", key: "field.error.choice")) }
        var checks: [String: String] = [:]
        for (k, v) in input.checklist ?? [:] {
            guard VisitCheck(rawValue: k) != nil, CheckAnswer(rawValue: v) != nil else {
                errors.append(FieldError(field: "checklist." + k, key: "field.error.choice"))
                continue
            }
            checks[k] = v
        }
        let notes = (input.notes ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if checks.values.contains(CheckAnswer.concern.rawValue) && notes.isEmpty {
            errors.append(FieldError(field: "notes", key: "visit.error.concernNotes"))
        }
        if notes.count > notesLimit { errors.append(FieldError(field: "notes", key: "field.error.tooLong")) }
        var photos: [VisitPhotoRules.Upload] = []
        do { photos = try VisitPhotoRules.check(files) } catch { errors += error.items }
        guard errors.isEmpty, let date, let mode else { return .failure(FieldErrors(errors)) }
        return .success(Checked(date: date, mode: mode, checks: checks, notes: notes, photos: photos))
    }
}

/// A visit checklist item's answer.
public enum CheckAnswer: String, Sendable, Codable, CaseIterable { case ok, concern }
