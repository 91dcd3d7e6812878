/// The words township and village 台账 use for the registry's tokens, and what the importer may derive from a
/// ledger that lacks a column. One table per field; docs/intake.md lists the same words.
///
/// Some of these mappings change safety outcomes, so each is deliberate and tested (LedgerWordsTests):
/// - guardian 哥哥/姐姐/伯父/叔叔/姑姑/舅舅/姨妈/亲戚 → `relative`; 邻居 → `neighbour`; 母亲/父亲 → no entrusted guardian;
/// - health 良好/一般 → `healthy`; 体弱/多病/慢性病 → `chronic_illness`; 重病 → `serious_illness`; 住院 → `hospitalised`;
///   残疾 without a grade → `mild_disability`, with a warning (a grade 一级/二级 is severe);
/// - a guardian's age without an ID number → born 1 July of (this year − age), with a warning;
/// - a parent's work place filled → `working_away` there, with a warning.
/// A word not in a table is never guessed: it is an error naming the closest words, so that an unknown word cannot
/// invent a critical situation (or hide one) in every row of a file.
public enum LedgerWords {
    // MARK: tables

    /// A parent's (or husband's) situation. The registry's own Chinese names come first.
    public static let situation: [(ParentSituation, [String])] = [
        (
            .workingAway,
            [
                "外出务工", "务工", "外出", "外出打工", "打工", "在外务工", "在外打工", "外地务工", "外地打工", "省外务工", "省内务工",
                "县外务工", "市外务工", "异地务工", "在外地", "在外", "外出经商", "在外经商", "外出就业",
            ]
        ),
        (.atHome, ["在家", "在家务农", "务农", "在家务工", "在本地", "本地务工", "本地", "在家照顾", "居家", "本地打工", "留守"]),
        (.deceased, ["去世", "已故", "死亡", "已去世", "病故", "亡故", "过世", "已死亡"]),
        (.missing, ["失踪/失联", "失联", "失踪", "下落不明", "离家出走", "出走"]),
        (.imprisoned, ["服刑", "在押", "服刑中", "坐牢", "服刑人员"]),
        (.seriouslyIll, ["重病或住院", "重病", "住院", "患重病", "大病"]),
        (.severelyDisabled, ["重度残疾", "重残", "一级残疾", "二级残疾", "残疾一级", "残疾二级"]),
    ]

    /// Who the named guardian is to the child.
    public static let relation: [(GuardianRelation, [String])] = [
        (.grandmother, ["奶奶", "祖母"]),
        (.grandfather, ["爷爷", "祖父"]),
        (.maternalGrandmother, ["外婆", "姥姥", "外祖母"]),
        (.maternalGrandfather, ["外公", "姥爷", "外祖父"]),
        (
            .relative,
            [
                "其他亲属", "亲戚", "亲属", "哥哥", "姐姐", "伯父", "伯母", "叔叔", "婶婶", "姑姑", "姑妈", "姑父", "舅舅", "舅妈",
                "姨妈", "姨父", "阿姨", "兄", "姐", "堂哥", "堂姐", "表哥", "表姐",
            ]
        ),
        (.neighbour, ["邻居", "邻里"]),
        (.other, ["其他", "其它"]),
    ]

    /// A guardian named as the child's own parent is no entrusted guardian: the child lives with that parent.
    public static let parentAsGuardian: [(ParentRole, [String])] = [
        (.mother, ["母亲", "妈妈", "母"]),
        (.father, ["父亲", "爸爸", "父"]),
    ]

    /// A person's health. 残疾 alone (no grade) is read as mild and said so: see `health(_:)`.
    public static let health: [(Health, [String])] = [
        (.healthy, ["健康", "良好", "一般", "正常", "身体健康", "较好", "好"]),
        (.chronicIllness, ["慢性病", "体弱", "多病", "体弱多病", "患慢性病", "慢病"]),
        (.seriousIllness, ["重病", "大病", "重大疾病", "患重病"]),
        (.hospitalised, ["住院", "住院治疗"]),
        (.severeDisability, ["重度残疾", "重残", "一级残疾", "二级残疾", "残疾一级", "残疾二级"]),
        (.mildDisability, ["残疾（轻度）", "轻度残疾", "三级残疾", "四级残疾", "残疾三级", "残疾四级", "残疾"]),
    ]

    /// Where the child lives. 独居 (alone) is critical: only said words lead there, never a derivation.
    public static let living: [(LivingArrangement, [String])] = [
        (.withParent, ["与父或母同住", "与父亲或母亲同住", "与父母同住", "与父亲同住", "与母亲同住", "父母一方", "与父母一方同住"]),
        (.withGuardian, ["与委托监护人同住", "与祖父母同住", "隔代", "隔代监护", "与监护人同住", "祖辈监护", "亲属监护", "与亲属同住"]),
        (.withSiblingsOnly, ["只和兄弟姐妹住", "与兄弟姐妹同住", "与兄弟姐妹居住", "兄妹同住"]),
        (.alone, ["独自居住", "独居", "一人居住", "单独居住"]),
    ]

    /// A cell that says nothing: read as empty (unknown), never as a situation. 无 in a parent's column might mean
    /// "no such parent" or "nothing to say"; either way nothing is recorded and the row says so.
    public static let nothing: Set<String> = ["无", "没有", "不详", "未知", "不清楚", "暂无", "/", "-", "—", "--", "——", "空", "na", "n/a"]

    /// 离异 says the parents are divorced, not where this parent is: the situation may follow it (离异（外出务工）).
    public static let divorced: Set<String> = ["离异", "离婚", "已离异", "离异再婚", "离婚再婚"]

    // MARK: reading

    public enum ParentRole: String, Sendable, Equatable { case father, mother }

    /// What the importer assumed for a row, as a typed value the web layer turns into a warning.
    public enum Assumption: Sendable, Equatable {
        /// A work place with no situation: working away there.
        case workingAwayFromPlace(String)
        /// Nothing says where the parent is: no situation recorded.
        case situationUnknown
        /// 离异 without the parent's situation: none recorded.
        case divorcedSituationUnknown
        /// The guardian named is this parent: the child lives with her (no entrusted guardian).
        case guardianIsParent(ParentRole)
        /// 残疾 without a grade: recorded as mild.
        case disabilityGradeUnknown
        /// A guardian's age without an ID number: born on this date.
        case birthFromAge(age: Int, birth: CivilDate)
        /// No 居住情况 and nothing to derive it from: with a parent.
        case livingAssumedWithParent

        /// The catalogue key for the warning (`intake.assumed.*`).
        public var key: String {
            switch self {
            case .workingAwayFromPlace: return "intake.assumed.workingAway"
            case .situationUnknown: return "intake.assumed.situationUnknown"
            case .divorcedSituationUnknown: return "intake.assumed.divorced"
            case .guardianIsParent(let r): return r == .mother ? "intake.assumed.guardianIsMother" : "intake.assumed.guardianIsFather"
            case .disabilityGradeUnknown: return "intake.assumed.disabilityGrade"
            case .birthFromAge: return "intake.assumed.birthFromAge"
            case .livingAssumedWithParent: return "intake.assumed.livingWithParent"
            }
        }
        public var args: [String] {
            switch self {
            case .workingAwayFromPlace(let p): return [p]
            case .birthFromAge(let age, let birth): return [String(age), birth.iso]
            default: return []
            }
        }
    }

    /// A word not in the table, with the closest words it has.
    public struct NotUnderstood: Error, Sendable, Equatable {
        public let value: String
        public let closest: [String]
        public init(value: String, closest: [String]) { self.value = value; self.closest = closest }
    }

    /// What a ledger says about one parent.
    public struct ParentReading: Sendable, Equatable {
        public var situation: ParentSituation?
        public var place: String?
        public var assumptions: [Assumption] = []
        public init(situation: ParentSituation?, place: String? = nil, assumptions: [Assumption] = []) {
            self.situation = situation; self.place = place; self.assumptions = assumptions
        }
    }

    public enum GuardianReading: Sendable, Equatable {
        case guardian(GuardianRelation)
        case parent(ParentRole)
    }

    /// The form a word is looked up in: full-width ASCII made half-width, spaces of every kind removed, lowercased.
    public static func key(_ s: String) -> String {
        var scalars = String.UnicodeScalarView()
        for u in s.unicodeScalars {
            switch u.value {
            case 0xFF01...0xFF5E: scalars.append(Unicode.Scalar(u.value - 0xFEE0)!)
            case 0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF: continue
            default:
                if u.properties.isWhitespace { continue }
                scalars.append(u)
            }
        }
        return String(scalars).lowercased()
    }

    /// True for an empty cell or one that says nothing (无, 不详, /).
    public static func saysNothing(_ s: String?) -> Bool {
        guard let s else { return true }
        let k = key(s)
        return k.isEmpty || nothing.contains(k)
    }

    static func lookup<T>(_ table: [(T, [String])], _ k: String) -> T? {
        for (token, words) in table where words.contains(where: { key($0) == k }) { return token }
        return nil
    }

    /// Splits `外出务工（广东深圳）`, `外出务工(广东深圳)`, `在外务工-浙江`, `离异，在外务工` into the word and what follows it.
    static func split(_ k: String) -> (word: String, rest: String?) {
        let open: Set<Character> = ["(", "（", "[", "【", "〔", "<", "《"], close: Set<Character> = [")", "）", "]", "】", "〕", ">", "》"]
        if let i = k.firstIndex(where: { open.contains($0) }) {
            let word = String(k[..<i])
            var rest = String(k[k.index(after: i)...])
            while let last = rest.last, close.contains(last) { rest.removeLast() }
            return (word, rest.isEmpty ? nil : rest)
        }
        let separators: Set<Character> = ["-", "—", "－", "~", ":", "：", ",", "，", "、", ";", "；", "/", "|"]
        if let i = k.firstIndex(where: { separators.contains($0) }), i != k.startIndex {
            var rest = Substring(k[k.index(after: i)...])
            while let f = rest.first, separators.contains(f) { rest.removeFirst() }
            return (String(k[..<i]), rest.isEmpty ? nil : String(rest))
        }
        return (k, nil)
    }

    /// A parent's situation cell and work-place cell, either of which may be absent or empty.
    ///
    /// The situation cell wins when it says something; a place in brackets or after a dash is the work place. A
    /// filled work place alone means working away there. Neither → unknown (nothing recorded), never an error.
    public static func parent(situation: String?, workPlace: String?) -> Result<ParentReading, NotUnderstood> {
        let place = saysNothing(workPlace) ? nil : workPlace.map(trimmed)
        if !saysNothing(situation), let raw = situation {
            switch readSituation(key(raw)) {
            case .success(let r):
                var r = r
                if r.situation == .workingAway { r.place = r.place ?? place } else { r.place = nil }
                return .success(r)
            case .failure:
                return .failure(
                    NotUnderstood(value: trimmed(raw), closest: closest(raw, among: Self.situation.map(\.1) + [divorced.sorted()])))
            }
        }
        guard let place else { return .success(ParentReading(situation: nil, assumptions: [.situationUnknown])) }
        // A work-place column that holds a situation word instead (在家, 已故) says that situation.
        if let s = lookup(Self.situation, key(place)) { return .success(ParentReading(situation: s)) }
        return .success(ParentReading(situation: .workingAway, place: place, assumptions: [.workingAwayFromPlace(place)]))
    }

    static func readSituation(_ k: String) -> Result<ParentReading, NotUnderstood> {
        if let s = lookup(situation, k) { return .success(ParentReading(situation: s)) }
        let (word, rest) = split(k)
        if divorced.contains(word) || divorced.contains(k) {
            // 离异（外出务工）: the situation follows; 离异 alone says nothing about where this parent is.
            if let rest, let r = try? readSituation(rest).get(), r.situation != nil { return .success(r) }
            return .success(ParentReading(situation: nil, assumptions: [.divorcedSituationUnknown]))
        }
        if rest != nil, let s = lookup(situation, word) {
            return .success(ParentReading(situation: s, place: s == .workingAway ? rest : nil))
        }
        // 深圳打工, 在广东务工: a place before the word for working away.
        for suffix in ["务工", "打工"] where k.hasSuffix(suffix) && k.count > suffix.count {
            var p = String(k.dropLast(suffix.count))
            if p.hasPrefix("在") && p.count > 1 { p.removeFirst() }
            // 无法务工, 因病不能打工: a negation or an illness is not a place.
            if p.contains(where: { "不无没未难病残亡故刑押失法能".contains($0) }) { break }
            if lookup(situation, p) == nil { return .success(ParentReading(situation: .workingAway, place: p)) }
        }
        return .failure(NotUnderstood(value: k, closest: []))
    }

    /// The relation cell: a guardian's relation, or the child's own parent.
    public static func guardian(_ text: String) -> Result<GuardianReading, NotUnderstood> {
        let k = key(text)
        if let r = lookup(relation, k) { return .success(.guardian(r)) }
        if let p = lookup(parentAsGuardian, k) { return .success(.parent(p)) }
        return .failure(NotUnderstood(value: trimmed(text), closest: closest(text, among: relation.map(\.1) + parentAsGuardian.map(\.1))))
    }

    /// A health cell; 残疾 without a grade is mild, with a warning.
    public static func health(_ text: String) -> Result<(Health, [Assumption]), NotUnderstood> {
        var k = key(text)
        k.removeAll { "()（）[]【】".contains($0) }
        if let h = lookup(health, k) { return .success((h, k == "残疾" ? [.disabilityGradeUnknown] : [])) }
        return .failure(NotUnderstood(value: trimmed(text), closest: closest(text, among: health.map(\.1))))
    }

    public static func living(_ text: String) -> Result<LivingArrangement, NotUnderstood> {
        if let l = lookup(living, key(text)) { return .success(l) }
        return .failure(NotUnderstood(value: trimmed(text), closest: closest(text, among: living.map(\.1))))
    }

    /// `68`, `68岁`, `68周岁`, `68.0`, `６８ 岁` → 68; anything else, or an age no guardian has, → nil.
    public static func age(_ text: String) -> Int? {
        var k = key(text)
        for suffix in ["周岁", "岁"] where k.hasSuffix(suffix) { k = String(k.dropLast(suffix.count)); break }
        if k.hasSuffix(".0") { k = String(k.dropLast(2)) }
        guard let n = Int(k), (10...120).contains(n) else { return nil }
        return n
    }

    /// A birth date for someone of this age today, when no ID number gives it: 1 July of (this year − age), the middle
    /// of the year, so the age is right within six months whichever day the birthday is.
    public static func birthDate(age: Int, today: CivilDate) -> CivilDate {
        CivilDate(year: today.year - age, month: 7, day: 1)!
    }

    /// How a child lives when no 居住情况 was given: with the guardian named; else with a parent at home; else with a
    /// parent, said as an assumption. 独居 and 只和兄弟姐妹住 are critical and are never derived.
    public static func living(guardianNamed: Bool, father: ParentSituation?, mother: ParentSituation?) -> (LivingArrangement, Assumption?) {
        if guardianNamed { return (.withGuardian, nil) }
        if father == .atHome || mother == .atHome { return (.withParent, nil) }
        return (.withParent, .livingAssumedWithParent)
    }

    /// The closest choices to what was written: for each token (a group of words) its word with most characters in
    /// common (the shortest on a tie, else its usual first word), tokens with more in common first, then in the
    /// table's order; up to `limit`. One word per token, so the choices are different answers, not spellings of one.
    public static func closest(_ text: String, among groups: [[String]], limit: Int = 4) -> [String] {
        let k = Set(key(text))
        var best: [(word: String, score: Int, index: Int)] = []
        for (i, g) in groups.enumerated() where !g.isEmpty {
            var top = (word: g[0], score: Set(key(g[0])).intersection(k).count)
            for w in g.dropFirst() {
                let c = Set(key(w)).intersection(k).count
                if c > top.score || (c == top.score && c > 0 && w.count < top.word.count) { top = (w, c) }
            }
            best.append((top.word, top.score, i))
        }
        best.sort { $0.score != $1.score ? $0.score > $1.score : $0.index < $1.index }
        return best.prefix(limit).map(\.word)
    }

    static func trimmed(_ s: String) -> String {
        var t = Substring(s)
        while let f = t.first, f.isWhitespace { t.removeFirst() }
        while let l = t.last, l.isWhitespace { t.removeLast() }
        return String(t)
    }
}
