import Testing
import Foundation
import Fluent
import Vapor
import VaporTesting
import GuanaiCore
@testable import GuanaiWeb

/// Fitness and culture teams (issue 20, item 7) through the API: run by the city, the township and the village, read by
/// the staff who see the module's counts; members and named participants people of the caller's jurisdiction.
@Suite(.serialized) struct HealthTeamWebTests {
    @Test func aVillageRunsItsTeamAndRecordsItsEvenings() async throws {
        try await withTestApp { ctx in
            try await ctx.makeUser("cun", .villageWorker, Codes.shihuayan)
            try await ctx.makeUser("town", .townshipStaff, Codes.taohuashan)
            try await ctx.makeUser("far", .townshipStaff, Codes.tiaoguan)
            try await ctx.makeUser("insp", .inspector, Codes.county)
            try await ctx.makeUser("aixin", .volunteer, Codes.shihuayan)
            try await ctx.makeUser("admin", .cityAdmin, Codes.county)
            let cun = try await ctx.token("cun"), town = try await ctx.token("town")
            let leader = try await HealthWeb.woman(ctx, town, "舞队长", born: "1968-02-02", order: 960).person
            let member = try await HealthWeb.woman(ctx, town, "舞队员", born: "1969-02-02", order: 962).person
            let outsider = try await HealthWeb.woman(
                ctx, try await ctx.token("admin"), "邻村人", born: "1969-03-03", order: 964, village: Codes.tiaoguanVillage
            )
            .person

            let bad = try await ctx.api(
                .POST, "/api/v1/teams", token: cun,
                body: ctx.json(HealthTeamInput(name: " ", kind: "disco", unitCode: Codes.county, leaderPersonId: "x", members: ["y"])))
            #expect(try Set(StationTests.errorFields(bad)) == ["name", "kind", "unitCode", "leaderPersonId", "members[0]"])
            // Her village's people only: a woman of another township is named by index.
            let stranger = try await ctx.api(
                .POST, "/api/v1/teams", token: cun,
                body: ctx.json(
                    HealthTeamInput(
                        name: "广场舞队", kind: "square_dance", unitCode: Codes.shihuayan, leaderPersonId: leader, members: [member, outsider]))
            )
            #expect(try StationTests.errorFields(stranger) == ["members[1]"])
            #expect(try await HealthTeam.query(on: ctx.app.db).count() == 0)
            let made = try await ctx.api(
                .POST, "/api/v1/teams", token: cun,
                body: ctx.json(
                    HealthTeamInput(
                        name: "广场舞队", kind: "square_dance", unitCode: Codes.shihuayan, leaderPersonId: leader, members: [member])))
            #expect(made.status == .created, "\(made.body.string)")
            let team = try made.content.decode(HealthTeamDTO.self)
            #expect(team.members.map(\.name) == ["舞队长", "舞队员"] && team.leader.name == "舞队长")
            let path = "/api/v1/teams/\(team.id)/activities"

            // A head count, or the women by id; a word or a day ahead is named.
            let words = try await ctx.api(
                .POST, path, token: cun, body: ByteBuffer(string: #"{"date":"2026-11-30","place":"","participants":"many"}"#))
            #expect(try Set(StationTests.errorFields(words)) == ["date", "place", "participants"])
            let counted = try await ctx.api(
                .POST, path, token: cun,
                body: ctx.json(HealthTeamActivityInput(date: "2026-11-17", place: "村委会广场", participants: .count(18))))
            #expect(try counted.content.decode(HealthTeamDTO.self).activities.map(\.participants) == [18])
            let named = try await ctx.api(
                .POST, path, token: cun,
                body: ctx.json(HealthTeamActivityInput(date: "2026-11-18", place: "村委会广场", participants: .personIds([leader, outsider]))))
            #expect(try StationTests.errorFields(named) == ["participants[1]"])
            let both = try await ctx.api(
                .POST, path, token: town,
                body: ctx.json(HealthTeamActivityInput(date: "2026-11-18", place: "村委会广场", participants: .personIds([leader, member]))))
            let activities = try both.content.decode(HealthTeamDTO.self).activities
            #expect(activities.map(\.date) == ["2026-11-18", "2026-11-17"] && activities[0].personIds == [leader, member])

            // Read by the inspector, run by nobody outside: the inspector writes nothing, another township sees nothing,
            // the volunteer is refused.
            let insp = try await ctx.token("insp")
            #expect(try await ctx.api(.GET, "/api/v1/teams", token: insp).content.decode(ListPage<HealthTeamDTO>.self).total == 1)
            #expect(try await ctx.api(.POST, path, token: insp, body: ctx.json(HealthTeamActivityInput())).status == .forbidden)
            #expect(try await ctx.api(.GET, "/api/v1/teams/\(team.id)", token: try await ctx.token("far")).status == .notFound)
            #expect(try await ctx.api(.GET, "/api/v1/teams", token: try await ctx.token("aixin")).status == .forbidden)
        }
    }
}
