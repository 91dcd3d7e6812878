import Foundation
import GuanaiCore
import Testing
import Vapor
import VaporTesting
import Fluent

@testable import GuanaiWeb

/// Forms are decoded into their declared structs by Vapor's form decoder: dotted person names, repeated checkboxes,
/// plain fields by their Core enum, the hidden twins of an edit page. Bodies written as a browser sends them.
@Suite struct FormDecodingTests {
    func decode<F: Decodable>(_: F.Type, _ body: String) throws -> F { try Forms.decoder.decode(F.self, from: body) }

    @Test func childFormKeepsEveryTypedValue() throws {
        let body =
            "name=%E5%B0%8F%E6%98%8E&father.phone=138+0000&father.situation=working_away&guardian.relation=grandmother"
            + "&needs=study&needs=care&school=%E9%95%87%E5%B0%8F%E5%AD%A6%2C+%E4%B8%89%E5%B9%B4%E7%BA%A7&consent=1&_csrf=t"
        let f = try decode(ChildPageForm.self, body)
        #expect(f.name == "小明")
        #expect(f.father.values[.phone] == "138 0000")
        #expect(f.father.parent.situation == ParentSituation.workingAway.rawValue)
        #expect(f.guardian.guardian.relation == "grandmother")
        #expect(f.mother.values.isEmpty)
        // Repeated names are a list; a comma inside a typed value is not a separator.
        #expect(f.needs == ["study", "care"])
        #expect(f.details.values[.school] == "镇小学, 三年级")
        let input = f.input
        #expect(input.consent == true && input.improperGuardianship == false)
        #expect(input.needs == ["study", "care"])
        // Shown again with everything typed, by the same names.
        #expect(f.typed[PersonSection.father.name(.phone)] == ["138 0000"])
        #expect(f.typed[ChildDetail.school.rawValue] == ["镇小学, 三年级"])
        #expect(f.typed[ChildPageForm.CodingKeys.needs.rawValue] == ["study", "care"])
    }

    @Test func aMalformedEscapeIsADecodingErrorNotATrap() {
        #expect(throws: DecodingError.self) { try decode(ChildPageForm.self, "name=%zz") }
    }

    @Test func multipartFieldsGoThroughTheSameDecoder() throws {
        let fields = ["check.food": ["concern"], "mode": ["phone"], "notes": ["a&b=c+d 100%"], "date": ["2026-03-01"]]
        let f = try Forms.decoder.decode(VisitPageForm.self, from: Forms.encoded(fields))
        #expect(f.notes == "a&b=c+d 100%")
        #expect(f.checks == [.food: CheckAnswer.concern.rawValue])
        #expect(f.input.checklist == [VisitCheck.food.rawValue: CheckAnswer.concern.rawValue])
    }

    @Test func editPagesSaveOnlyWhatChanged() throws {
        let body = "name=A&name.was=A&address=New&address.was=Old&school=S&school.was=&needs=care&needs.was=care%2Cstudy"
        let f = try decode(ChildEditForm.self, body)
        let patch = f.patch
        #expect(patch.name == nil)
        #expect(patch.address == "New")
        #expect(patch.details.values.keys.sorted { $0.rawValue < $1.rawValue } == [.school])
        #expect(patch.needs == ["care"])
        #expect(f.shown[ChildPageForm.CodingKeys.address.rawValue] == ["Old"])
        #expect(f.typed[ChildPageForm.CodingKeys.address.rawValue] == ["New"])
    }

    @Test func quickFormsTreatAnUntickedBoxAsNo() throws {
        let off = try decode(ChildQuickForm.self, "improperForm=1&improperGuardianship.was=1&improperNote=&improperNote.was=")
        #expect(off.patch.improperGuardianship == false)
        #expect(off.patch.improperNote == nil)
        let untouched = try decode(ChildQuickForm.self, "father.situation=at_home&father.situation.was=at_home&father.workPlace=")
        #expect(untouched.patch.father?.workPlace == "" && untouched.patch.father?.situation == nil)
        let person = try decode(
            PersonQuickForm.self, "back=%2Fchildren%2F1&health=ill&health.was=healthy&vitalStatus=alive&vitalStatus.was=alive")
        #expect(person.back == "/children/1" && person.health == "ill" && person.vitalStatus == nil && person.phone == nil)
    }

    @Test func settingsAndRemapReadTheirDeclaredNames() throws {
        let s = try decode(SettingsForm.self, "noContactDays=30&bogus=1")
        #expect(s.values == ["noContactDays": "30"])
        let r = try decode(IntakeRemapForm.self, "map.A=name&map.C=auto&sheet=Sheet1&other=x")
        #expect(r.map == ["A": "name", "C": "auto"] && r.sheet == "Sheet1")
    }

    @Test func typedRoundTripsThroughTheEncoder() {
        let f = ContactForm(date: "2026-01-02", mode: nil, minutes: "30", notes: "a+b & c")
        #expect(Forms.typed(f) == ["date": "2026-01-02", "minutes": "30", "notes": "a+b & c"])
    }
}

/// The same, through the routes: a body the decoder cannot read is a 400 page, and a refused form comes back with
/// what was typed, repeated checkboxes and commas included.
@Suite struct FormRouteTests {
    @Test func aRefusedChildFormKeepsEverythingTyped() async throws {
        try await withTestApp { ctx in
            try await ctx.makeUser("cun", .villageWorker, Codes.shihuayan)
            var b = Browser(ctx)
            try await b.login("cun")
            func post(_ body: String) async throws -> TestingHTTPResponse {
                try await ctx.app.testing().sendRequest(
                    .POST, "/children/new",
                    headers: ["Cookie": b.cookieHeader, "Content-Type": "application/x-www-form-urlencoded"],
                    body: ByteBuffer(string: body + "&_csrf=" + b.csrf))
            }
            #expect(try await post("name=%zz").status == .badRequest)
            let refused = try await post(
                "name=%E7%8E%8B%E5%B0%8F%E8%8A%B1&idNumber=123&villageCode=\(Codes.shihuayan)&hukou=rural"
                    + "&needs=study&needs=daily_care&school=%E9%95%87%E5%B0%8F%E5%AD%A6%2C%E4%B8%89%E5%B9%B4%E7%BA%A7"
                    + "&father.workPlace=%E5%B9%BF%E4%B8%9C%2C%E4%B8%9C%E8%8E%9E")
            #expect(refused.status == .unprocessableEntity)
            let html = refused.body.string
            #expect(html.contains("value=\"王小花\""))
            #expect(html.contains("value=\"镇小学,三年级\""))
            #expect(html.contains("value=\"广东,东莞\""))
            #expect(html.contains("value=\"study\" checked") && html.contains("value=\"daily_care\" checked"))
            #expect(!html.contains("value=\"safety\" checked"))
            #expect(try await Child.query(on: ctx.app.db).count() == 0)
        }
    }
}
