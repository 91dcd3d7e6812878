import Testing
import Foundation
import Fluent
import VaporTesting
import GuanaiCore
import GuanaiSheets
@testable import GuanaiWeb

/// Ledgers as townships keep them: no 父亲情况 column but work places, relation words, ages, health words; each
/// assumption a warning on an imported row, each word not understood an error naming the column, the value and the
/// closest words.
@Suite(.serialized) struct LedgerWordsImportTests {
    static func importCSV(_ ctx: TestContext, _ lines: [String]) async throws -> ImportResult {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("ledger-\(UUID().uuidString).csv")
        try Data(lines.joined(separator: "\n").utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let unit = try #require(try await Unit.find(Codes.taohuashan, on: ctx.app.db))
        return try await ImportRun(
            kind: .children, file: file, fileName: "台账.csv", unit: unit,
            scoped: Scoped(db: ctx.app.db, jurisdiction: Jurisdiction(root: DivisionCode(Codes.taohuashan)!)), actor: .system("test"),
            at: ctx.app.now
        ).run()
    }

    static func child(_ ctx: TestContext, _ name: String) async throws -> Child {
        let p = try #require(try await Person.query(on: ctx.app.db).filter(\.$name == name).first())
        return try #require(try await Child.query(on: ctx.app.db).filter(\.$personID == p.id!).first())
    }

    @Test func aTownshipLedgerWithWorkPlacesImportsWithWarnings() async throws {
        try await withTestApp { ctx in
            let r = try await Self.importCSV(
                ctx,
                [
                    "序号,姓名,身份证号码,所在村,父亲姓名,父亲务工地点,母亲姓名,母亲务工地点,监护人姓名,与儿童关系,监护人年龄,监护人健康状况,健康状况",
                    "1,周小林,\(Synthetic.id(2015, 4, 1, order: 121)),石华堰村,周大山,广东深圳,刘春梅,浙江宁波,周奶奶,奶奶,68岁,良好,健康",
                    "2,吴小芳,\(Synthetic.id(2016, 5, 2, order: 122)),石华堰村,吴大海,广东东莞,陈秀兰,,陈秀兰,母亲,,,",
                    "3,郑小军,\(Synthetic.id(2014, 6, 3, order: 131)),石华堰村,,,,,郑伯伯,伯父,70周岁,残疾,一般",
                    "4,冯小雪,\(Synthetic.id(2013, 7, 4, order: 142)),石华堰村,冯大河,无,,,冯爷爷,爷爷,66,差,",
                    "5,何小兵,\(Synthetic.id(2015, 8, 5, order: 151)),石华堰村,何大力, 在外地 ,,,何叔,叔叔, 72 岁 ,体弱,",
                    "6,孔小雨,\(Synthetic.id(2016, 9, 6, order: 162)),石华堰村,,,,,,,,,残疾",
                ])
            let notes = r.report.notes.map { "\($0.row) \($0.column) \($0.message)" }
            #expect(r.report.accepted == 5 && r.report.rejected == 1, "\(r.report)")
            // No row is refused for a column the file does not have.
            #expect(!r.report.errors.contains { $0.message.contains("此项必须填写") }, "\(r.report.errors)")
            let e = try #require(r.report.errors.first)
            #expect(e.row == 5 && e.column == "监护人健康状况" && e.message.contains("“差”") && e.message.contains("健康"), "\(e)")

            let year = RegistryService.today(ctx.app.now).year
            let zhou = try await Self.child(ctx, "周小林")
            #expect(zhou.fatherSituation == "working_away" && zhou.fatherWorkPlace == "广东深圳" && zhou.motherWorkPlace == "浙江宁波")
            #expect(zhou.leftBehind && zhou.livingArrangement == "with_guardian" && zhou.guardianRelation == "grandmother")
            #expect(zhou.guardianBirth == "\(year - 68)-07-01" && zhou.guardianHealth == "healthy")
            #expect(notes.contains { $0.hasPrefix("2 父亲务工地点") && $0.contains("广东深圳") }, "\(notes)")
            #expect(notes.contains { $0.hasPrefix("2 监护人年龄") && $0.contains("\(year - 68)-07-01") }, "\(notes)")

            // 母亲 as guardian: she is the mother, at home, and the child lives with her; no entrusted guardian.
            let wu = try await Self.child(ctx, "吴小芳")
            #expect(wu.guardianID == nil && wu.livingArrangement == "with_parent" && wu.motherSituation == "at_home" && wu.motherID != nil)
            #expect(wu.fatherSituation == "working_away" && !wu.leftBehind)
            #expect(notes.contains { $0.hasPrefix("3 与儿童关系") && $0.contains("母亲") }, "\(notes)")

            // 伯父 → relative; 残疾 without a grade → mild, said; parents unknown, said, not required.
            let zheng = try await Self.child(ctx, "郑小军")
            #expect(zheng.guardianRelation == "relative" && zheng.guardianHealth == "mild_disability")
            #expect(zheng.fatherSituation == nil && zheng.motherSituation == nil)
            #expect(notes.contains { $0.hasPrefix("4 监护人健康状况") && $0.contains("轻度") }, "\(notes)")
            #expect(notes.contains { $0.hasPrefix("4 父亲情况") } && notes.contains { $0.hasPrefix("4 母亲情况") }, "\(notes)")

            // A work-place cell holding a situation word (在外地, with stray spaces) says that situation, not a place;
            // 叔叔 → relative; 体弱 → chronic illness; 72 岁 is an age.
            let he = try await Self.child(ctx, "何小兵")
            #expect(he.fatherSituation == "working_away" && he.fatherWorkPlace == nil && he.guardianRelation == "relative")
            #expect(he.guardianHealth == "chronic_illness" && he.guardianBirth == "\(year - 72)-07-01")
            // Nothing known about the parents and nobody named (a child in care for her disability): a child to check,
            // not a critical "no caregiver" alert in every such row.
            let kong = try await Self.child(ctx, "孔小雨")
            #expect(
                kong.fatherSituation == nil && kong.motherSituation == nil && kong.livingArrangement == "with_parent"
                    && kong.status == .active)
            #expect(kong.riskTier == "high" && kong.riskReasons?.contains("risk.caregiver_unknown") == true, "\(kong.riskReasons ?? "")")
            #expect(try await Alert.query(on: ctx.app.db).filter(\.$childID == kong.id!).count() == 0)
            #expect(notes.contains { $0.hasPrefix("7 居住情况") }, "\(notes)")
            #expect(r.report.warnings == 5, "\(notes)")
            #expect(r.preview.first { $0.row == 3 }?.warning?.contains("母亲") == true)
        }
    }

    @Test func situationWordsAsLedgersWriteThem() async throws {
        try await withTestApp { ctx in
            let r = try await Self.importCSV(
                ctx,
                [
                    "姓名,身份证号码,所在村,父亲情况,母亲情况,监护人姓名,与儿童关系",
                    "甲小一,\(Synthetic.id(2015, 1, 1, order: 121)),石华堰村,外出务工（广东深圳）,在外务工-浙江,王外婆,外婆",
                    "甲小二,\(Synthetic.id(2015, 1, 2, order: 121)),石华堰村,离异,外出打工,李叔,叔叔",
                    "甲小三,\(Synthetic.id(2015, 1, 3, order: 121)),石华堰村,在家务农,去世,,",
                    "甲小四,\(Synthetic.id(2015, 1, 4, order: 121)),石华堰村,外出务工,省外务工,,",
                    "甲小五,\(Synthetic.id(2015, 1, 5, order: 121)),石华堰村,残疾,在家,,",
                    "甲小六,\(Synthetic.id(2015, 1, 6, order: 121)),石华堰村,外出务工,在家,赵邻,邻居",
                ])
            #expect(r.report.accepted == 5 && r.report.rejected == 1, "\(r.report)")
            let e = try #require(r.report.errors.first)
            // 残疾 alone says no grade: a parent is not guessed to be severely disabled (without capacity).
            #expect(e.row == 6 && e.column == "父亲情况" && e.message.contains("“残疾”") && e.message.contains("重度残疾"), "\(e)")
            let one = try await Self.child(ctx, "甲小一")
            #expect(one.fatherWorkPlace == "广东深圳" && one.motherWorkPlace == "浙江" && one.motherSituation == "working_away" && one.leftBehind)
            #expect(one.guardianRelation == "maternal_grandmother")
            let two = try await Self.child(ctx, "甲小二")
            #expect(two.fatherSituation == nil && two.motherSituation == "working_away" && two.guardianRelation == "relative")
            #expect(r.report.notes.contains { $0.row == 3 && $0.column == "父亲情况" && $0.message.contains("离异") })
            let three = try await Self.child(ctx, "甲小三")
            #expect(three.livingArrangement == "with_parent" && three.motherSituation == "deceased")
            #expect(!r.report.notes.contains { $0.row == 4 }, "a parent at home: nothing assumed")
            // Both away, no guardian, no 居住情况: with a parent, said — never 独居 (critical) by derivation.
            let four = try await Self.child(ctx, "甲小四")
            #expect(four.livingArrangement == "with_parent")
            #expect(r.report.notes.contains { $0.row == 5 && $0.column == "居住情况" })
            #expect(try await Self.child(ctx, "甲小六").guardianRelation == "neighbour")
            // A guardian given only by relation, in a file without a name column: the error says to add the column,
            // not "required" on a column the file does not have.
            let unnamed = try await Self.importCSV(
                ctx, ["姓名,身份证号码,所在村,父亲情况,与儿童关系", "丙小一,\(Synthetic.id(2015, 3, 1, order: 121)),石华堰村,外出务工,奶奶"])
            #expect(
                unnamed.report.rejected == 1 && unnamed.report.errors.first?.column == "与儿童关系"
                    && unnamed.report.errors.first?.message.contains("委托监护人姓名") == true,
                "\(unnamed.report.errors)")
            #expect(!unnamed.report.errors.contains { $0.message.contains("此项必须填写") })
            // Any column's unknown word names the value and the words that column takes.
            let sex = try await Self.importCSV(ctx, ["姓名,身份证号码,所在村,性别,居住情况", "乙小一,\(Synthetic.id(2015, 2, 1, order: 121)),石华堰村,未知性别,和爷爷住"])
            #expect(
                sex.report.errors.contains { $0.column == "性别" && $0.message.contains("“未知性别”") && $0.message.contains("男、女") },
                "\(sex.report.errors)")
            #expect(
                sex.report.errors.contains {
                    $0.column == "居住情况" && $0.message.contains("“和爷爷住”") && $0.message.contains("只和兄弟姐妹住") && $0.message.contains("同住、")
                }, "\(sex.report.errors)")
        }
    }
}
