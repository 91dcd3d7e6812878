import Foundation

/// Which changes to the list of units are allowed, with no database: the units concerned are handed in as facts.
/// Each refusal names the field the person can fix.
public enum UnitChanges {
    /// A unit as the rules read it.
    public struct Facts: Sendable {
        public let code: String
        public let officialName: String
        public let shortName: String
        public let level: DivisionLevel
        public let isActive: Bool
        public init(code: String, officialName: String, shortName: String, level: DivisionLevel, isActive: Bool) {
            self.code = code
            self.officialName = officialName
            self.shortName = shortName
            self.level = level
            self.isActive = isActive
        }
    }

    public static let nameRequired = FieldError(field: "name", key: "unit.error.nameRequired")
    public static let reasonRequired = FieldError(field: "reason", key: "unit.error.reasonRequired")

    static func blank(_ s: String) -> Bool { s.trimmingCharacters(in: .whitespaces).isEmpty }

    /// A unit added under `parent` (a county or a township), absent from the statistical list: its level is the next
    /// one down, its name official, free among the active siblings, and its number the first non-statistical one free.
    public static func addition(
        name rawName: String, reason: String, parent: Facts?,
        siblings: [Facts]
    ) -> Result<DivisionRecord, FieldError> {
        let name = rawName.trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty else { return .failure(nameRequired) }
        guard !blank(reason) else { return .failure(reasonRequired) }
        guard let parent, parent.isActive, let pc = DivisionCode(parent.code), pc.level == .county || pc.level == .township else {
            return .failure(FieldError(field: "parent", key: "unit.error.parentInvalid"))
        }
        let level: DivisionLevel = pc.level == .county ? .township : .village
        let kind = DivisionKind.guess(fromName: name, level: level)
        let official = DivisionName.official(for: name, kind: kind)
        let short = DivisionName.short(for: official, kind: kind)
        if siblings.contains(where: { $0.isActive && ($0.officialName == official || $0.shortName == short) }) {
            return .failure(FieldError(field: "name", key: "unit.error.nameTaken"))
        }
        guard let code = freeCode(under: pc, used: Set(siblings.map(\.code))) else {
            return .failure(FieldError(field: "parent", key: "unit.error.noFreeCode"))
        }
        return .success(DivisionRecord(code: code, officialName: official, kind: kind))
    }

    /// The first non-statistical number under `parent` that no unit (retired ones included) holds.
    public static func freeCode(under parent: DivisionCode, used: Set<String>) -> DivisionCode? {
        DivisionCode.nonStatisticalRange.lazy.compactMap { parent.child(number: $0) }.first { !used.contains($0.value) }
    }

    /// A new name for an active unit, with a reason. Returns the official name and its short form.
    public static func renaming(
        _ unit: Facts, kind: DivisionKind, to rawName: String,
        reason: String
    ) -> Result<(official: String, short: String), FieldError> {
        guard unit.isActive else { return .failure(FieldError(field: "name", key: "unit.error.retired")) }
        let name = rawName.trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty else { return .failure(nameRequired) }
        guard !blank(reason) else { return .failure(reasonRequired) }
        let official = DivisionName.official(for: name, kind: kind)
        return .success((official, DivisionName.short(for: official, kind: kind)))
    }

    /// A merge: two different active units of the same level, a township or below, with a reason.
    public static func mergeProblem(_ absorbed: Facts, into survivor: Facts?, reason: String) -> FieldError? {
        let target = FieldError(field: "into", key: "unit.error.mergeTarget")
        guard let survivor else { return target }
        guard absorbed.isActive, survivor.isActive, absorbed.code != survivor.code, absorbed.level == survivor.level,
            absorbed.level >= .township
        else { return target }
        return blank(reason) ? reasonRequired : nil
    }

    /// Retiring: an active township or village, with a reason, that nothing depends on any more; one with records or
    /// active sub-units must be merged instead. `hasRecords` is asked only when the rest allows it.
    public static func retireProblem(
        _ unit: Facts, reason: String, activeChildren: Int,
        hasRecords: () async throws -> Bool
    ) async rethrows -> FieldError? {
        guard unit.isActive, unit.level >= .township else { return FieldError(field: "reason", key: "unit.error.retired") }
        guard !blank(reason) else { return reasonRequired }
        if activeChildren > 0 { return FieldError(field: "reason", key: "unit.error.hasChildren") }
        if try await hasRecords() { return FieldError(field: "reason", key: "unit.error.hasRecords") }
        return nil
    }
}
