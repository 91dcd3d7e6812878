import Testing
import Foundation
@testable import GuanaiCore

@Suite struct PasswordRulesTests {
    @Test func aNewPasswordIsLongMixedNewAndTypedTwice() {
        #expect(PasswordRules.problems(current: "old", new: "abc123", confirm: "abc123") == ["new": "password.error.short"])
        #expect(
            PasswordRules.problems(current: "old", new: "abcdefgh", confirm: "x")
                == ["new": "password.error.mix", "confirm": "password.error.confirm"])
        #expect(PasswordRules.problems(current: "abcd1234", new: "abcd1234", confirm: "abcd1234") == ["new": "password.error.same"])
        #expect(PasswordRules.problems(current: "old", new: "植树1234abcd", confirm: "植树1234abcd") == [:])
    }
}

@Suite struct SessionRulesTests {
    let seen = Date(timeIntervalSince1970: 1_800_000_000)
    let idle: TimeInterval = 1800

    func state(after seconds: TimeInterval, ended: Date? = nil) -> SessionRules.State {
        SessionRules.state(lastSeen: seen, ended: ended, now: seen.addingTimeInterval(seconds), idleSeconds: idle)
    }

    @Test func aLiveSessionIsTouchedAtMostOnceAMinute() {
        #expect(state(after: 60) == .valid(touch: false) && state(after: 61) == .valid(touch: true))
        #expect(state(after: 1800) == .valid(touch: true))
    }

    @Test func anIdleSessionEndsOnceAndStillSaysWhoItWas() {
        #expect(state(after: 1801) == .expired(end: true))
        #expect(state(after: 2400, ended: seen.addingTimeInterval(1801)) == .expired(end: false))
        #expect(state(after: 1801, ended: seen.addingTimeInterval(5)) == .none, "logged out")
    }
}

@Suite struct ChildChangeApplyTests {
    let stored = ChildChange.Record(
        details: .typed([.school: "镇小学", .grade: "三年级", .boarding: ""]), livingArrangement: "with_guardian", needs: [.study],
        improperGuardianship: false, improperNote: nil, informedOn: "2026-01-01", consent: true,
        father: .init(situation: "working_away", workPlace: "深圳", since: "2024-01-01"),
        mother: .init(situation: "working_away", workPlace: nil, since: nil), guardianRelation: "grandmother")
    let guardian = ChildChange.StoredGuardian(name: "张桂兰", idNumber: nil, birthDate: nil)

    func applied(_ json: String) throws -> (ChildChange.Record, Bool) {
        let patch = try JSONDecoder().decode(ChildPatch.self, from: Data(json.utf8))
        var c = FormChecker()
        let facts = ChildChange.Stored(livingArrangement: .withGuardian, improperGuardianship: false, improperNote: nil, guardian: guardian)
        let k = try #require(ChildChange.check(patch, stored: facts, &c))
        var r = stored
        let removes = ChildChange.apply(k, patch, to: &r)
        return (r, removes)
    }

    @Test func absentKeysKeepNullsClear() throws {
        let (same, _) = try applied("{}")
        #expect(same == stored)
        let sent = #"{"school": null, "grade": " 四年级 ", "informedOn": null, "needs": ["safety"], "father": {"since": null}}"#
        let (r, removes) = try applied(sent)
        #expect(
            r.details[text: .school] == nil && r.details[text: .grade] == "四年级" && r.informedOn == nil && r.needs == [.safety] && !removes)
        #expect(r.father == .init(situation: "working_away", workPlace: "深圳", since: nil))
    }

    @Test func aParentBackHomeKeepsNoWorkPlace() throws {
        let (r, _) = try applied(#"{"father": {"situation": "at_home"}, "mother": {"workPlace": "武汉", "since": "2025-05-01"}}"#)
        #expect(r.father == .init(situation: "at_home", workPlace: nil, since: nil))
        #expect(r.mother == .init(situation: "working_away", workPlace: "武汉", since: "2025-05-01"))
    }

    @Test func theGuardiansRelation() throws {
        let (removed, removes) = try applied(#"{"removeGuardian": true, "livingArrangement": "with_parent"}"#)
        #expect(removes && removed.guardianRelation == nil && removed.livingArrangement == "with_parent")
        let (same, _) = try applied(#"{"guardian": {"relation": "maternal_grandmother"}}"#)
        #expect(same.guardianRelation == "maternal_grandmother", "the stored guardian, another relation")
        let (other, _) = try applied(#"{"guardian": {"name": "李四", "relation": "neighbour"}}"#)
        #expect(other.guardianRelation == "neighbour", "a new guardian")
    }
}
