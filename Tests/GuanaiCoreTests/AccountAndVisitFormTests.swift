import Testing
import Foundation
@testable import GuanaiCore

@Suite struct AccountFormTests {
    let village = AccountForm.UnitFacts(level: .village, isActive: true)
    func account(_ username: String = "cun01", role: String = "village_worker", phone: String = "") -> NewAccount {
        NewAccount(username: username, displayName: "村主任", role: role, unitCode: " 421081104200 ", phone: phone)
    }

    @Test func usernamesAreShortPlainWords() {
        #expect(AccountForm.usernameProblem(" ")?.key == "account.error.usernameRequired")
        for bad in ["ab", String(repeating: "a", count: 33), "王芳", "a b", "a@b"] {
            #expect(AccountForm.usernameProblem(bad)?.key == "account.error.usernameFormat", "\(bad)")
        }
        for good in ["abc", " wang.fang-2_ ", String(repeating: "a", count: 32)] {
            #expect(AccountForm.usernameProblem(good) == nil, "\(good)")
        }
    }

    @Test func theRoleFitsTheCreatorAndTheUnit() throws {
        #expect(AccountForm.unitCode(account()) == "421081104200")
        #expect(try AccountForm.check(account(), creator: .townshipStaff, unit: village).get() == .villageWorker)
        #expect(try AccountForm.check(account(), creator: nil, unit: village).get() == .villageWorker, "the system creates any")
        func keys(_ n: NewAccount, _ creator: Role?, _ unit: AccountForm.UnitFacts?) -> [String] {
            guard case .failure(let e) = AccountForm.check(n, creator: creator, unit: unit) else { return [] }
            return e.items.map(\.key)
        }
        #expect(keys(account(role: "city_admin"), .townshipStaff, village) == ["account.error.roleNotAllowed", "account.error.unitLevel"])
        #expect(
            keys(account(role: "boss"), .cityAdmin, .init(level: .village, isActive: false))
                == ["account.error.roleInvalid", "account.error.unitInvalid"])
        #expect(
            keys(account("x", phone: "123"), .cityAdmin, nil)
                == ["account.error.usernameFormat", "account.error.unitInvalid", "field.error.mobile"])
        #expect(
            keys(NewAccount(username: "abc", displayName: " ", role: "volunteer", unitCode: "", phone: ""), .villageWorker, village)
                == ["account.error.displayNameRequired", "account.error.roleNotAllowed"])
    }
}

@Suite struct VisitFormTests {
    let today = CivilDate(year: 2026, month: 10, day: 15)!
    static let jpeg = Data([0xFF, 0xD8, 0xFF, 0xE0] + [UInt8](repeating: 0, count: 20))
    static let png = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0])
    static let webp = Data([0x52, 0x49, 0x46, 0x46, 0, 0, 0, 0, 0x57, 0x45, 0x42, 0x50])

    @Test func photosAreImagesByTheirBytes() throws {
        #expect(VisitPhotoRules.sniff(Self.jpeg) == "image/jpeg" && VisitPhotoRules.sniff(Self.png) == "image/png")
        #expect(VisitPhotoRules.sniff(Self.webp) == "image/webp" && VisitPhotoRules.sniff(Data("GIF89a".utf8)) == nil)
        #expect(try VisitPhotoRules.check([(name: "a.jpg", bytes: Self.jpeg)], already: 2).map(\.contentType) == ["image/jpeg"])
        do {
            _ = try VisitPhotoRules.check([(name: "a.gif", bytes: Data("GIF89a".utf8)), (name: "b.jpg", bytes: Self.jpeg)], already: 2)
            Issue.record("accepted")
        } catch {
            #expect(error.items.map(\.key) == ["visit.error.photoCount", "visit.error.photoType"])
            #expect(error.items[1].args == ["a.gif"])
        }
        let big = Data([0xFF, 0xD8, 0xFF] + [UInt8](repeating: 0, count: VisitPhotoRules.maxBytes))
        #expect(throws: FieldErrors.self) { try VisitPhotoRules.check([(name: "big.jpg", bytes: big)]) }
    }

    @Test func aVisit() throws {
        let k = try VisitForm.check(VisitInput(mode: "home", checklist: ["food": "ok"], notes: " "), today: today).get()
        #expect(k.date == today && k.mode == .home && k.checks == ["food": "ok"] && k.notes == "" && k.photos.isEmpty)
        let photo = try VisitForm.check(
            VisitInput(date: "2026-10-14", mode: "phone"), photos: [(name: "p", bytes: Self.png)],
            today: today
        ).get()
        #expect(photo.photos.count == 1 && photo.date.iso == "2026-10-14")
    }

    @Test func aConcernNeedsNotesAndEveryProblemIsNamed() {
        let input = VisitInput(date: "2026-10-16", mode: "letter", checklist: ["warmth": "concern", "pets": "ok"])
        guard
            case .failure(let e) = VisitForm.check(
                input,
                photos: [(name: "x", bytes: Data([1, 2, 3]))], today: today)
        else {
            Issue.record("accepted"); return
        }
        #expect(e.items.map(\.field) == ["date", "mode", "checklist.pets", "notes", "photos"])
        #expect(e.items.map(\.key).contains("visit.error.concernNotes"))
        guard case .failure(let bad) = VisitForm.check(VisitInput(date: "10月", mode: "home"), today: today) else {
            Issue.record("accepted")
            return
        }
        #expect(bad.items == [FieldError(field: "date", key: "field.error.date")])
    }
}
