import Testing
import VaporTesting
import Fluent
import SQLKit
import GuanaiCore
@testable import GuanaiWeb

@Suite struct DivisionWebTests {
    @Test func shishouIsLoadedOnceWithNamesThatMatch() async throws {
        try await withTestApp { ctx in
            let db = ctx.app.db
            #expect(try await Unit.query(on: db).filter(\.$parentCode == Codes.county).count() == 15)
            #expect(try await Unit.query(on: db).filter(\.$level == DivisionLevel.village.rawValue).count() == 204)
            #expect(try await UnitService.ensureLoaded(county: "421081", on: db, at: ctx.clock.now()) == false)
            try await ctx.makeUser("cun", .villageWorker, Codes.shihuayan)
            let t = try await ctx.token("cun")
            for name in ["石华堰村", "石华堰村委会", "石华堰"] {
                let page = try await ctx.api(
                    .GET, "/api/v1/units?q=\(name.addingPercentEncoding(withAllowedCharacters: .urlQueryAllowed)!)", token: t
                ).content.decode(ListPage<UnitDTO>.self)
                #expect(page.items.map(\.code) == [Codes.shihuayan], "lookup \(name)")
            }
            let u = try await ctx.api(.GET, "/api/v1/units/\(Codes.shihuayan)", token: t).content.decode(UnitDTO.self)
            #expect(u.name == "石华堰村" && u.officialName == "石华堰村委会" && u.kind == "village_committee" && u.statistical)
            #expect(try await ctx.api(.GET, "/api/v1/units/\(Codes.xiaoshiqiao)", token: t).status == .notFound)
        }
    }

    @Test func addRenameWithHistory() async throws {
        try await withTestApp { ctx in
            try await ctx.makeUser("admin", .cityAdmin, Codes.county)
            let t = try await ctx.token("admin")
            let added = try await ctx.api(
                .POST, "/api/v1/units", token: t,
                body: ctx.json(["parentCode": Codes.taohuashan, "name": "王李场村", "reason": "试点村，2021年名录中无此村"]))
            #expect(added.status == .created)
            let u = try added.content.decode(UnitDTO.self)
            #expect(u.code == "421081104900")
            #expect(u.officialName == "王李场村委会" && u.name == "王李场村" && !u.statistical)
            let again = try await ctx.api(
                .POST, "/api/v1/units", token: t, body: ctx.json(["parentCode": Codes.taohuashan, "name": "王李场村委会", "reason": "重复"]))
            #expect(again.status == .unprocessableEntity)
            let noReason = try await ctx.api(
                .POST, "/api/v1/units", token: t, body: ctx.json(["parentCode": Codes.taohuashan, "name": "新村", "reason": ""]))
            #expect(noReason.status == .unprocessableEntity)
            #expect(noReason.body.string.contains("\"field\":\"reason\""))

            // Rename through the page: an error keeps what was typed.
            var b = Browser(ctx)
            try await b.login("admin")
            _ = try await b.get("/units/\(u.code)")
            let bad = try await b.post("/units/\(u.code)/rename", ["name": "王李场新村", "reason": ""])
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.body.string.contains("value=\"王李场新村\""))
            #expect(bad.body.string.contains("请填写原因"))
            #expect(try await b.post("/units/\(u.code)/rename", ["name": "王李场新村", "reason": "村民会议决定更名"]).status == .seeOther)
            let history = try await ctx.api(.GET, "/api/v1/units/\(u.code)/history", token: t).content.decode(ListPage<UnitChangeDTO>.self)
            #expect(history.items.map(\.change).sorted() == ["added", "renamed"])
            #expect(history.items.allSatisfy { $0.actor == "admin" && !$0.reason.isEmpty })
            let page = try await b.get("/units/\(u.code)")
            #expect(page.body.string.contains("王李场新村"))
            #expect(page.body.string.contains("非统计代码"))
        }
    }

    @Test func mergeMovesEveryRecordAndKeepsHistory() async throws {
        try await withTestApp { ctx in
            try await ctx.makeUser("admin", .cityAdmin, Codes.county)
            let moved = try await ctx.makeUser("xsq", .villageWorker, Codes.xiaoshiqiao)
            let t = try await ctx.token("admin")
            let r = try await ctx.api(
                .POST, "/api/v1/units/\(Codes.xiaoshiqiao)/merge", token: t, body: ctx.json(["into": Codes.shihuayan, "reason": "合村并组"]))
            #expect(r.status == .ok)
            #expect(try await User.find(moved.id, on: ctx.app.db)?.unitCode == Codes.shihuayan)
            let gone = try await ctx.api(.GET, "/api/v1/units/\(Codes.xiaoshiqiao)", token: t).content.decode(UnitDTO.self)
            #expect(gone.status == "retired" && gone.mergedInto == Codes.shihuayan)
            let h = try await ctx.api(.GET, "/api/v1/units/\(Codes.shihuayan)/history", token: t).content.decode(
                ListPage<UnitChangeDTO>.self)
            #expect(h.items.contains { $0.change == "absorbed" && $0.reason == "合村并组" })
            // A retired unit cannot take new accounts or be merged again.
            #expect(
                try await ctx.api(
                    .POST, "/api/v1/units/\(Codes.xiaoshiqiao)/merge", token: t, body: ctx.json(["into": Codes.shihuayan, "reason": "x"])
                ).status == .unprocessableEntity)
            // Merging a township re-codes its villages under the survivor, and their records follow.
            let far = try await ctx.makeUser("far", .villageWorker, Codes.tiaoguanVillage)
            let staff = try await ctx.makeUser("tgstaff", .townshipStaff, Codes.tiaoguan)
            #expect(
                try await ctx.api(
                    .POST, "/api/v1/units/\(Codes.tiaoguan)/merge", token: t,
                    body: ctx.json(["into": Codes.taohuashan, "reason": "乡镇合并演练"])
                ).status == .ok)
            let farNow = try #require(try await User.find(far.id, on: ctx.app.db))
            #expect(farNow.unitCode.hasPrefix("4210811049"))
            let newVillage = try #require(try await Unit.find(farNow.unitCode, on: ctx.app.db))
            #expect(newVillage.parentCode == Codes.taohuashan && newVillage.officialName == "石戈垸村委会")
            #expect(try await User.find(staff.id, on: ctx.app.db)?.unitCode == Codes.taohuashan)
            #expect(try await Unit.query(on: ctx.app.db).filter(\.$parentCode == Codes.tiaoguan).filter(\.$status == .active).count() == 0)
        }
    }

    @Test func retireOnlyWhatNothingDependsOn() async throws {
        try await withTestApp { ctx in
            try await ctx.makeUser("admin", .cityAdmin, Codes.county)
            try await ctx.makeUser("cun", .villageWorker, Codes.shihuayan)
            let t = try await ctx.token("admin")
            let busy = try await ctx.api(.POST, "/api/v1/units/\(Codes.shihuayan)/retire", token: t, body: ctx.json(["reason": "撤销"]))
            #expect(busy.status == .unprocessableEntity)
            #expect(busy.body.string.contains("请先合并"))
            #expect(
                try await ctx.api(.POST, "/api/v1/units/\(Codes.taohuashan)/retire", token: t, body: ctx.json(["reason": "撤销"])).status
                    == .unprocessableEntity)
            let ok = try await ctx.api(.POST, "/api/v1/units/\(Codes.xiaoshiqiao)/retire", token: t, body: ctx.json(["reason": "整村搬迁"]))
            #expect(ok.status == .ok)
            #expect(try ok.content.decode(UnitDTO.self).status == "retired")
        }
    }

    /// Every column that places a record in a unit must be moved by a merge, or be listed as history that stays.
    @Test func everyUnitColumnIsCoveredByMerge() async throws {
        try await withTestApp { ctx in
            let sql = ctx.app.db.sql
            var columns: [(String, String)] = []
            if ctx.isPostgres {
                let rows = try await sql.raw(
                    "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = current_schema()"
                ).all()
                columns = try rows.map {
                    (try $0.decode(column: "table_name", as: String.self), try $0.decode(column: "column_name", as: String.self))
                }
            } else {
                let tables = try await sql.raw("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all().map
                { try $0.decode(column: "name", as: String.self) }
                for t in tables {
                    for c in try await sql.raw("SELECT name FROM pragma_table_info(\(bind: t))").all() {
                        columns.append((t, try c.decode(column: "name", as: String.self)))
                    }
                }
            }
            #expect(columns.count > 20)
            let covered = Set((UnitReferences.moving + UnitReferences.staying + UnitReferences.derived).map { "\($0.table).\($0.column)" })
            for (t, c) in columns where c == "unit_code" || c.hasSuffix("_unit_code") {
                #expect(covered.contains("\(t).\(c)"), "\(t).\(c) carries a unit but the merge does not know it")
            }
            let existing = Set(columns.map { "\($0.0).\($0.1)" })
            for ref in UnitReferences.moving { #expect(existing.contains("\(ref.table).\(ref.column)")) }
        }
    }
}
