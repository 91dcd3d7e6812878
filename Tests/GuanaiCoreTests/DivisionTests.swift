import Testing
@testable import GuanaiCore

@Suite struct DivisionCodeTests {
    @Test func levelsFromCodes() {
        #expect(DivisionCode("42")?.level == .province)
        #expect(DivisionCode("4210")?.level == .city)
        #expect(DivisionCode("421081")?.level == .county)
        #expect(DivisionCode("421081104")?.level == .township)
        #expect(DivisionCode("421081104200")?.level == .village)
        #expect(DivisionCode("421081104200")?.value == "421081104200")
        #expect(DivisionCode("421081")?.value == "421081000000")
        #expect(DivisionCode("42108") == nil)
        #expect(DivisionCode("42108110420x") == nil)
    }

    @Test func kindsFromCodes() {
        #expect(DivisionCode("421081001")?.statisticalKind == .subdistrict)
        #expect(DivisionCode("421081104")?.statisticalKind == .town)
        #expect(DivisionCode("421081200")?.statisticalKind == .township)
        #expect(DivisionCode("421081500")?.statisticalKind == .developmentZone)
        #expect(DivisionCode("421081104001")?.statisticalKind == .residentsCommittee)
        #expect(DivisionCode("421081104200")?.statisticalKind == .villageCommittee)
        #expect(DivisionCode("421081104501")?.statisticalKind == .livingArea)
        #expect(DivisionCode("421081104901")?.statisticalKind == nil)
    }

    @Test func jurisdictionRanges() {
        let town = DivisionCode("421081104")!
        #expect(town.range == "421081104000"..."421081104999")
        #expect(town.contains(DivisionCode("421081104200")!))
        #expect(!town.contains(DivisionCode("421081105200")!))
        #expect(DivisionCode("421081")!.contains(town))
        #expect(Jurisdiction(root: town).contains("421081104200"))
        #expect(!Jurisdiction(root: town).contains("421081105200"))
        #expect(Jurisdiction.system.contains("421081105200"))
        #expect(DivisionCode("421081104200")?.parent?.value == "421081104000")
        #expect(town.child(number: 901)?.value == "421081104901")
    }

    @Test func shortAndOfficialNames() {
        #expect(DivisionName.short(for: "石华堰村委会", kind: .villageCommittee) == "石华堰村")
        #expect(DivisionName.short(for: "桃源居委会", kind: .residentsCommittee) == "桃源社区")
        #expect(DivisionName.short(for: "桃花山林场生活区", kind: .livingArea) == "桃花山林场")
        #expect(DivisionName.official(for: "王李场村", kind: .villageCommittee) == "王李场村委会")
        #expect(DivisionName.official(for: "王李场村委会", kind: .villageCommittee) == "王李场村委会")
        #expect(DivisionName.matchKey("石华堰村委会") == DivisionName.matchKey("石华堰村"))
        #expect(DivisionKind.guess(fromName: "王李场村", level: .village) == .villageCommittee)
        #expect(DivisionKind.guess(fromName: "桃花山镇", level: .township) == .town)
    }
}

@Suite struct DivisionCatalogTests {
    @Test func shishouHas15TownshipsAnd204Villages() throws {
        let all = try DivisionCatalog.county("421081")
        #expect(all.filter { $0.level == .township }.count == 15)
        #expect(all.filter { $0.level == .village }.count == 204)
        #expect(all.first { $0.level == .county }?.officialName == "石首市")
        let v = try #require(all.first { $0.code.value == "421081104200" })
        #expect(v.officialName == "石华堰村委会")
        #expect(v.shortName == "石华堰村")
        #expect(v.kind == .villageCommittee)
        // Parents come before children so they can be inserted in order.
        let index = Dictionary(uniqueKeysWithValues: all.enumerated().map { ($1.code, $0) })
        for r in all { if let p = r.parent, let pi = index[p] { #expect(pi < index[r.code]!) } }
    }

    @Test func otherHubeiCountiesLoad() throws {
        let all = try DivisionCatalog.county("421002")  // 荆州区 is a district: still a county-level unit
        #expect(all.contains { $0.level == .township })
        #expect(throws: DivisionCatalogError.self) { try DivisionCatalog.county("110101") }
        #expect(throws: DivisionCatalogError.self) { try DivisionCatalog.county("421099") }
        #expect(try DivisionCatalog.counties().contains { $0.code == "421081" && $0.name == "石首市" })
    }
}
