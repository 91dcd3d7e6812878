import Testing
import Foundation
import Fluent
import Vapor
import VaporTesting
import GuanaiCore
@testable import GuanaiWeb

/// Issue 17's loose ends: events changed and cancelled, participants picked from a list, allocations changed within
/// their donation, money grouped on pages, and the donation and neighbour-group exports. Today is 2026-11-18.
@Suite(.serialized) struct EventAndDonationChangeTests {
    static func errorFields(_ res: TestingHTTPResponse) throws -> Set<String> { try DonationTests.errorFields(res) }

    static func event(_ ctx: TestContext, _ token: String, date: String, participants: [String], title: String = "桃花山夏令营")
        async throws -> ChildrenEventDTO
    {
        try await DonationTests.post(
            ctx, "/api/v1/events", token,
            ChildrenEventInput(kind: "holiday_camp", date: date, unitCode: Codes.taohuashan, title: title, participants: participants),
            as: ChildrenEventDTO.self)
    }

    @Test func anEventIsChangedFieldByFieldAndCancelledOnce() async throws {
        try await withTestApp { ctx in
            try await ctx.makeUser("town", .townshipStaff, Codes.taohuashan)
            try await ctx.makeUser("other", .townshipStaff, Codes.tiaoguan)
            try await ctx.makeUser("cun", .villageWorker, Codes.shihuayan)
            try await ctx.makeUser("insp", .inspector, Codes.county)
            let t = try await ctx.token("town")
            let a = try await PairingTests.child(ctx, t, order: 411, name: "王营员")
            let b = try await PairingTests.child(ctx, t, order: 412, name: "李营员")
            let held = try await Self.event(ctx, t, date: "2026-07-20", participants: [a.id])
            #expect(held.status == "active" && held.cancelReason == nil && held.updatedAt == nil)
            let path = "/api/v1/events/\(held.id)"

            // Who may: the township writes; another township does not see it; the inspector reads only; the village
            // worker's village lies below the township's event, which is above her.
            let patch = ctx.json(ChildrenEventInput(title: "桃花山夏令营（一期）"))
            #expect(try await ctx.api(.PATCH, path, token: try await ctx.token("other"), body: patch).status == .notFound)
            #expect(try await ctx.api(.PATCH, path, token: try await ctx.token("insp"), body: patch).status == .forbidden)
            #expect(try await ctx.api(.PATCH, path, token: try await ctx.token("cun"), body: patch).status == .notFound)

            // Every bad field at once, nothing saved; a held event cannot become a plan.
            let bad = try await ctx.api(
                .PATCH, path, token: t, body: ctx.json(ChildrenEventInput(kind: "party", title: " ", participants: [a.id, "nobody"])))
            #expect(bad.status == .unprocessableEntity)
            #expect(try Self.errorFields(bad) == ["kind", "title", "participants[1]"], "\(bad.body.string)")
            let future = try await ctx.api(.PATCH, path, token: t, body: ctx.json(ChildrenEventInput(date: "2026-11-19")))
            #expect(future.status == .unprocessableEntity)
            #expect(try Self.errorFields(future) == ["date"], "\(future.body.string)")
            #expect(try await ctx.api(.GET, path, token: t).content.decode(ChildrenEventDTO.self).title == "桃花山夏令营")

            // A change: absent keys kept, the list replaced; audited field by field.
            let changed = try await ctx.api(
                .PATCH, path, token: t, body: ctx.json(ChildrenEventInput(title: "桃花山夏令营（一期）", participants: [b.id, a.id])))
            #expect(changed.status == .ok, "\(changed.body.string)")
            let e = try changed.content.decode(ChildrenEventDTO.self)
            #expect(e.title == "桃花山夏令营（一期）" && e.participants == [b.id, a.id] && e.date == "2026-07-20" && e.updatedAt != nil)
            let update = try #require(
                try await AuditEntry.query(on: ctx.app.db).filter(\.$recordID == held.id).filter(\.$action == "update").first())
            #expect(update.recordType == "station")
            #expect(update.changes.contains("桃花山夏令营（一期）") && update.changes.contains(b.id) && !update.changes.contains("\"kind\""))
            let unchanged = try await ctx.api(.PATCH, path, token: t, body: ctx.json(ChildrenEventInput(title: "桃花山夏令营（一期）")))
            #expect(unchanged.status == .ok)
            #expect(try await AuditEntry.query(on: ctx.app.db).filter(\.$recordID == held.id).count() == 2, "no change, no entry")

            // A plan may move, later or into the past.
            let plan = try await Self.event(ctx, t, date: "2026-12-20", participants: [], title: "寒假安全课")
            let moved = try await ctx.api(
                .PATCH, "/api/v1/events/\(plan.id)", token: t, body: ctx.json(ChildrenEventInput(date: "2027-01-10")))
            #expect(try moved.status == .ok && moved.content.decode(ChildrenEventDTO.self).date == "2027-01-10")

            // Cancelling needs a reason, happens once, and ends changes.
            let cancel = "/api/v1/events/\(plan.id)/cancel"
            let noReason = try await ctx.api(.POST, cancel, token: t, body: ctx.json(ChildrenEventCancelInput(reason: "  ")))
            #expect(try noReason.status == .unprocessableEntity && Self.errorFields(noReason) == ["reason"])
            #expect(
                try await ctx.api(.POST, cancel, token: try await ctx.token("insp"), body: ctx.json(["reason": "x"])).status == .forbidden)
            let done = try await ctx.api(.POST, cancel, token: t, body: ctx.json(ChildrenEventCancelInput(reason: "寒潮停课")))
            #expect(done.status == .ok, "\(done.body.string)")
            let c = try done.content.decode(ChildrenEventDTO.self)
            #expect(c.status == "cancelled" && c.cancelReason == "寒潮停课")
            #expect(try await ctx.api(.POST, cancel, token: t, body: ctx.json(ChildrenEventCancelInput(reason: "再取消"))).status == .conflict)
            let late = try await ctx.api(.PATCH, "/api/v1/events/\(plan.id)", token: t, body: ctx.json(ChildrenEventInput(title: "改名")))
            #expect(late.status == .conflict, "\(late.body.string)")
            let entry = try #require(
                try await AuditEntry.query(on: ctx.app.db).filter(\.$recordID == plan.id).sort(\.$id, .descending).first())
            #expect(entry.action == "update" && entry.changes.contains("cancelled") && entry.changes.contains("寒潮停课"))
        }
    }

    @Test func theEventPagesPickChildrenByVillageAndCancel() async throws {
        try await withTestApp { ctx in
            try await ctx.makeUser("town", .townshipStaff, Codes.taohuashan)
            let t = try await ctx.token("town")
            let a = try await PairingTests.child(ctx, t, order: 421, name: "王一禾")
            let b = try await PairingTests.child(ctx, t, order: 422, name: "赵一苗")
            var br = Browser(ctx)
            try await br.login("town")
            let form = try await br.get("/events/new")
            #expect(form.status == .ok)
            let html = form.body.string
            #expect(html.contains("石华堰村") && html.contains("王一禾") && html.contains(#"value="\#(a.id)""#), "the unit's children, by village")
            #expect(!html.contains("<textarea"), "no ids to type")

            // The list button shows the form again, keeping what was typed and ticked, narrowed by name.
            let listed = try await NeighbourGroupTests.post(
                &br, "/events/new",
                [
                    ("_csrf", br.csrf), ("title", "冬令营"), ("kind", "holiday_camp"), ("date", "2026-12-28"), ("unitCode", Codes.taohuashan),
                    ("participants", a.id), ("q", "赵"), ("list", "1"),
                ])
            #expect(listed.status == .ok)
            #expect(listed.body.string.contains("赵一苗") && listed.body.string.contains("冬令营"))
            #expect(listed.body.string.contains(#"value="\#(a.id)" checked"#), "the ticked child stays, ticked")
            #expect(try await ChildrenEvent.query(on: ctx.app.db).count() == 0, "nothing saved")

            let made = try await NeighbourGroupTests.post(
                &br, "/events/new",
                [
                    ("_csrf", br.csrf), ("title", "冬令营"), ("kind", "holiday_camp"), ("date", "2026-12-28"), ("unitCode", Codes.taohuashan),
                    ("participants", a.id), ("participants", b.id),
                ])
            let location = try #require(made.headers.first(name: .location), "\(made.status) \(made.body.string.prefix(300))")
            let e = try #require(try await ChildrenEvent.query(on: ctx.app.db).first())
            #expect(e.participants == [a.id, b.id])

            let edit = try await br.get(location + "/edit")
            #expect(edit.status == .ok && edit.body.string.contains(#"value="\#(b.id)" checked"#))
            let saved = try await NeighbourGroupTests.post(
                &br, location + "/edit",
                [
                    ("_csrf", br.csrf), ("title", "冬令营（改期）"), ("kind", "holiday_camp"), ("date", "2026-12-30"),
                    ("unitCode", Codes.taohuashan),
                    ("participants", b.id),
                ])
            #expect(saved.status == .seeOther, "\(saved.status) \(saved.body.string.prefix(300))")
            let e2 = try #require(try await ChildrenEvent.find(e.id, on: ctx.app.db))
            #expect(e2.title == "冬令营（改期）" && e2.participants == [b.id] && e2.date == "2026-12-30")

            let refused = try await br.post(location + "/cancel", ["reason": ""])
            #expect(refused.status == .unprocessableEntity)
            #expect(try await br.post(location + "/cancel", ["reason": "雨雪天气"]).status == .seeOther)
            let page = try await br.get(location)
            #expect(page.body.string.contains("雨雪天气") && !page.body.string.contains(location + "/edit"))
            #expect(try await br.get(location + "/edit").status == .conflict)
            let lateEdit = try await NeighbourGroupTests.post(
                &br, location + "/edit",
                [("_csrf", br.csrf), ("title", "再改"), ("kind", "holiday_camp"), ("date", "2026-12-30"), ("unitCode", Codes.taohuashan)])
            #expect(lateEdit.status == .conflict)
        }
    }

    @Test func anAllocationIsChangedWithinItsDonation() async throws {
        try await withTestApp { ctx in
            try await ctx.makeUser("town", .townshipStaff, Codes.taohuashan)
            try await ctx.makeUser("other", .townshipStaff, Codes.tiaoguan)
            try await ctx.makeUser("insp", .inspector, Codes.county)
            let t = try await ctx.token("town")
            let station = try await DonationTests.post(
                ctx, "/api/v1/stations", t,
                StationInput(name: "石华堰村留守儿童服务站", unitCode: Codes.shihuayan, host: "school", capacity: 30, schedule: ["weekends"]),
                as: StationDTO.self)
            let donor = try await DonationTests.post(
                ctx, "/api/v1/donors", t, DonorInput(name: "千元爱心企业", kind: "enterprise", publicName: true, unitCode: Codes.taohuashan),
                as: DonorDTO.self)
            let d = try await DonationTests.post(
                ctx, "/api/v1/donations", t,
                DonationInput(donorId: donor.id, type: "money", amount: "1234567.89", receivedOn: "2026-11-01", unitCode: Codes.taohuashan),
                as: DonationDTO.self)
            func allocate(_ amount: String) async throws -> DonationDTO {
                try await DonationTests.post(
                    ctx, "/api/v1/donations/\(d.id)/allocations", t,
                    AllocationInput(to: "station", targetId: station.id, amount: amount, on: "2026-11-02"), as: DonationDTO.self)
            }
            _ = try await allocate("1000000.00")
            let two = try await allocate("200000.00")
            let first = try #require(two.allocations.first { $0.amount == "1000000.00" }), second = try #require(two.allocations.last)
            #expect(two.remaining == "34567.89", "the API keeps plain decimal text")
            let path = "/api/v1/donations/\(d.id)/allocations/\(second.id)"

            // The sum rule again, with this allocation's old amount set aside: exactly the rest, not a fen more.
            let over = try await ctx.api(.PATCH, path, token: t, body: ctx.json(AllocationInput(amount: "234567.90")))
            #expect(try over.status == .unprocessableEntity && Self.errorFields(over) == ["amount"], "\(over.body.string)")
            let bad = try await ctx.api(.PATCH, path, token: t, body: ctx.json(AllocationInput(to: "child", on: "2026-10-31")))
            #expect(try Self.errorFields(bad) == ["targetId", "on"], "every bad field: \(bad.body.string)")
            #expect(
                try await ctx.api(.PATCH, path, token: try await ctx.token("other"), body: ctx.json(AllocationInput())).status == .notFound)
            #expect(
                try await ctx.api(.PATCH, path, token: try await ctx.token("insp"), body: ctx.json(AllocationInput())).status == .forbidden)
            let wrongDonation = "/api/v1/donations/\(d.id)/allocations/\(d.id)"
            #expect(try await ctx.api(.PATCH, wrongDonation, token: t, body: ctx.json(AllocationInput())).status == .notFound)

            let ok = try await ctx.api(.PATCH, path, token: t, body: ctx.json(AllocationInput(amount: "234567.89", note: "追加")))
            #expect(ok.status == .ok, "\(ok.body.string)")
            let after = try ok.content.decode(DonationDTO.self)
            #expect(after.remaining == "0.00" && after.allocations.first { $0.id == second.id }?.note == "追加")
            #expect(after.allocations.first { $0.id == first.id }?.amount == "1000000.00", "the other allocation untouched")
            let entry = try #require(
                try await AuditEntry.query(on: ctx.app.db).filter(\.$recordID == d.id).sort(\.$id, .descending).first())
            #expect(entry.action == "update" && entry.changes.contains(second.id))
            #expect(entry.changes.contains("200000.00") && entry.changes.contains("234567.89") && !entry.changes.contains("allocation.on"))

            // The pages: money grouped for reading; the allocation's own page checks the same rule.
            var br = Browser(ctx)
            try await br.login("town")
            let page = try await br.get("/donations/\(d.id)")
            #expect(page.body.string.contains("¥1,234,567.89") && page.body.string.contains("¥1,000,000.00"))
            #expect(page.body.string.contains("/donations/\(d.id)/allocations/\(second.id)"), "a link to change it")
            #expect(try await br.get("/donations").body.string.contains("¥1,234,567.89"))
            let edit = try await br.get("/donations/\(d.id)/allocations/\(first.id)")
            #expect(edit.status == .ok && edit.body.string.contains(#"value="1000000.00""#), "the field keeps plain text")
            let refused = try await br.post(
                "/donations/\(d.id)/allocations/\(first.id)",
                ["to": "station", "stationId": station.id, "amount": "1000000.01", "on": "2026-11-02"])
            #expect(refused.status == .unprocessableEntity)
            let saved = try await br.post(
                "/donations/\(d.id)/allocations/\(first.id)",
                ["to": "station", "stationId": station.id, "amount": "900000", "on": "2026-11-03", "note": ""])
            #expect(saved.status == .seeOther, "\(saved.status) \(saved.body.string.prefix(300))")
            let now = try await ctx.api(.GET, "/api/v1/donations/\(d.id)", token: t).content.decode(DonationDTO.self)
            #expect(now.remaining == "100000.00" && now.allocations.first { $0.id == first.id }?.on == "2026-11-03")
        }
    }

    @Test func donationsAndGroupsAreExported() async throws {
        try await withTestApp { ctx in
            try await ctx.makeUser("town", .townshipStaff, Codes.taohuashan)
            try await ctx.makeUser("cun", .villageWorker, Codes.shihuayan)
            try await ctx.makeUser("vol", .volunteer, Codes.shihuayan)
            let t = try await ctx.token("town")
            let station = try await DonationTests.post(
                ctx, "/api/v1/stations", t,
                StationInput(name: "导出测试服务站", unitCode: Codes.shihuayan, host: "school", capacity: 30, schedule: ["weekends"]),
                as: StationDTO.self)
            let donor = try await DonationTests.post(
                ctx, "/api/v1/donors", t, DonorInput(name: "导出爱心协会", kind: "association", unitCode: Codes.taohuashan),
                as: DonorDTO.self)
            let d = try await DonationTests.post(
                ctx, "/api/v1/donations", t,
                DonationInput(donorId: donor.id, type: "money", amount: "5000", receivedOn: "2026-11-01", unitCode: Codes.taohuashan),
                as: DonationDTO.self)
            _ = try await DonationTests.post(
                ctx, "/api/v1/donations", t,
                DonationInput(
                    donorId: donor.id, type: "goods", description: "棉衣 40 件", value: "3200", receivedOn: "2026-11-05",
                    unitCode: Codes.taohuashan), as: DonationDTO.self)
            for amount in ["1500.00", "2000.50"] {
                _ = try await DonationTests.post(
                    ctx, "/api/v1/donations/\(d.id)/allocations", t,
                    AllocationInput(to: "station", targetId: station.id, amount: amount, on: "2026-11-02"), as: DonationDTO.self)
            }
            var br = Browser(ctx)
            try await br.login("town")
            #expect(try await br.get("/donations").body.string.contains("/donations/export"))
            let csv = try await br.get("/donations/export?format=csv&unit=\(Codes.taohuashan)")
            #expect(csv.status == .ok, "\(csv.body.string.prefix(300))")
            let lines = csv.body.string.split(whereSeparator: \.isNewline).map(String.init)
            #expect(lines.count == 4, "a header, one row per allocation, one for the goods with none: \(lines)")
            #expect(lines.first?.contains("分配对象") == true)
            #expect(lines.filter { $0.contains("导出测试服务站") }.count == 2)
            #expect(lines.contains { $0.contains("2000.50") && $0.contains("1499.50") }, "each row carries what remains")
            #expect(lines.contains { $0.contains("棉衣 40 件") && $0.contains("3200.00") })
            let xlsx = try await br.get("/donations/export")
            #expect(xlsx.status == .ok && xlsx.body.readableBytesView.prefix(2).elementsEqual([0x50, 0x4B]), "a zip: .xlsx")
            let audit = try await AuditEntry.query(on: ctx.app.db).filter(\.$action == "export").filter(\.$recordType == "donation").all()
            #expect(audit.count == 2)

            // Groups: one row per member household, with its consent day and whether it is left behind.
            var homes: [NeighbourGroupTests.Home] = []
            for i in 0..<3 { homes.append(try await NeighbourGroupTests.home(ctx, t, order: i)) }
            let plain = try await NeighbourGroupTests.plainHousehold(ctx, t, address: "二组 8 号")
            let g = try await ctx.api(
                .POST, "/api/v1/neighbour-groups", token: t,
                body: ctx.json(NeighbourGroupTests.group("西头互助组", homes.map(\.household) + [plain], leader: homes[0].guardian)))
            #expect(g.status == .created, "\(g.body.string)")
            var v = Browser(ctx)
            try await v.login("cun")
            #expect(try await v.get("/neighbour-groups").body.string.contains("/neighbour-groups/export"))
            let groups = try await v.get("/neighbour-groups/export?format=csv")
            #expect(groups.status == .ok)
            let rows = groups.body.string.split(whereSeparator: \.isNewline).map(String.init)
            #expect(rows.count == 5 && rows.dropFirst().allSatisfy { $0.contains("西头互助组") && $0.contains("2026-11-01") }, "\(rows)")
            #expect(rows.filter { $0.contains(",是,") }.count == 3 && rows.contains { $0.contains("二组 8 号") && $0.contains(",否,") })
            #expect(rows.dropFirst().allSatisfy { $0.contains("林奶奶0") }, "the leader on each row")
            #expect(try await AuditEntry.query(on: ctx.app.db).filter(\.$action == "export").filter(\.$recordType == "group").count() == 1)
            var vol = Browser(ctx)
            try await vol.login("vol")
            #expect(try await vol.get("/neighbour-groups/export").status == .forbidden)
            #expect(try await vol.get("/donations/export").status == .forbidden)
        }
    }
}
