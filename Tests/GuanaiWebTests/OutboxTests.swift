import Foundation
import Testing
import NIOConcurrencyHelpers
import VaporTesting
import Fluent
import GuanaiCore
@testable import GuanaiWeb

/// A local HTTP receiver standing in for an SMS gateway: fails the first request, then accepts.
final class Receiver: @unchecked Sendable {
    let app: Application
    let received = NIOLockedValueBox<[(key: String, body: String)]>([])
    let failFirst = NIOLockedValueBox(1)
    var url = ""

    init() async throws {
        app = try await Application.make(.testing)
        app.http.server.configuration.hostname = "127.0.0.1"
        app.http.server.configuration.port = 0
        let received = self.received, failFirst = self.failFirst
        app.post("hook") { req -> HTTPStatus in
            let fail = failFirst.withLockedValue { n -> Bool in
                if n > 0 { n -= 1; return true }; return false
            }
            received.withLockedValue { $0.append((req.headers.first(name: "Idempotency-Key") ?? "", req.body.string ?? "")) }
            return fail ? .internalServerError : .ok
        }
        try await app.server.start(address: .hostname("127.0.0.1", port: 0))
        let port = app.http.server.shared.localAddress?.port ?? 0
        url = "http://127.0.0.1:\(port)/hook"
    }

    func stop() async throws {
        await app.server.shutdown()
        try await app.asyncShutdown()
    }
}

@Suite struct OutboxTests {
    @Test func alertsGoOutOnceWithRetriesAndBackOff() async throws {
        let receiver = try await Receiver()
        do {
            try await withTestApp { ctx in
                try await ctx.makeUser("cun", .villageWorker, Codes.shihuayan, phone: "13800001111")
                try await ctx.makeUser("town", .townshipStaff, Codes.taohuashan)
                let t = try await ctx.token("cun")
                var body = ChildBody()
                body.livingArrangement = "alone"
                #expect(try await ctx.api(.POST, "/api/v1/children", token: t, body: ctx.json(body)).status == .created)
                // Written with the alert, in its transaction: one row per recipient.
                #expect(try await OutboxMessage.query(on: ctx.app.db).count() == 2)
                let channels: [any OutboxChannel] = [WebhookChannel(url: URI(string: receiver.url), client: ctx.app.client)]

                var r = try await Outbox.drain(on: ctx.app.db, channels: channels, at: ctx.app.now)
                #expect(r.sent == 1 && r.retried == 1, "the receiver failed the first request")
                // Not due again until the back-off has passed.
                r = try await Outbox.drain(on: ctx.app.db, channels: channels, at: ctx.app.now)
                #expect(r == Outbox.Result())
                ctx.clock.advance(by: 31)
                r = try await Outbox.drain(on: ctx.app.db, channels: channels, at: ctx.app.now)
                #expect(r.sent == 1)
                r = try await Outbox.drain(on: ctx.app.db, channels: channels, at: ctx.app.now)
                #expect(r == Outbox.Result(), "nothing is sent twice")

                let got = receiver.received.withLockedValue { $0 }
                #expect(got.count == 3)
                #expect(Set(got.map(\.key)).count == 2, "the retried request carried the same key")
                #expect(got.contains { $0.body.contains("13800001111") && $0.body.contains("王小花") && $0.body.contains("独自居住") })
                let rows = try await OutboxMessage.query(on: ctx.app.db).all()
                #expect(rows.allSatisfy { $0.status == .sent })
                #expect(rows.map(\.attempts).sorted() == [1, 2])

                // Without a channel configured the rows are marked, not retried forever.
                var other = ChildBody()
                other.name = "王小草"
                other.idNumber = Synthetic.id(2019, 7, 7, order: 131)
                other.livingArrangement = "with_siblings_only"
                #expect(try await ctx.api(.POST, "/api/v1/children", token: t, body: ctx.json(other)).status == .created)
                #expect(try await Outbox.drain(on: ctx.app.db, channels: [], at: ctx.app.now).skipped == 2)
            }
        } catch {
            try await receiver.stop()
            throw error
        }
        try await receiver.stop()
    }

    /// A child's delivery keeps the JSON it always had; a reminder about something else names its subject instead,
    /// and a person without an account has no username.
    @Test func payloadsOfOtherSubjectsLeaveTheChildOut() throws {
        let child = OutboxPayload(
            key: "k", alertId: "A", childId: "C", childName: "王小花", unitCode: "421081104200", kind: "pair_contact", level: "due",
            reasons: ["r"], reason: "due", to: .init(username: "cun", name: "村妇女主任", phone: nil), createdAt: "2026-11-18T00:00:00Z")
        let keys = try #require(try JSONSerialization.jsonObject(with: Data(RegistryService.json(child).utf8)) as? [String: Any]).keys
        #expect(
            Set(keys) == ["key", "alertId", "childId", "childName", "unitCode", "kind", "level", "reasons", "reason", "to", "createdAt"])
        #expect(RegistryService.json(child).contains(#""to":{"name":"村妇女主任","username":"cun"}"#))

        var loan = OutboxPayload(
            key: "k2", alertId: "R", childId: nil, childName: nil, unitCode: "421081104200", kind: "loan_overdue", level: "7",
            reasons: [], reason: "overdue", to: .init(username: nil, name: "刘某某", phone: "13900000000"), createdAt: "2026-11-18T00:00:00Z")
        loan.subjectType = "loan"
        loan.subjectId = "L"
        loan.subjectName = "2027-0001"
        let json = RegistryService.json(loan)
        #expect(!json.contains("childId") && !json.contains("childName") && !json.contains("username"))
        #expect(json.contains(#""subjectId":"L","subjectName":"2027-0001","subjectType":"loan""#))
        let back = try JSONDecoder().decode(OutboxPayload.self, from: Data(json.utf8))
        #expect(back.subjectName == "2027-0001" && back.childId == nil && back.to.username == nil)
    }

    @Test func backOffDoublesUpToAnHour() {
        #expect(OutboxRetry.backoff(1) == 30 && OutboxRetry.backoff(2) == 60 && OutboxRetry.backoff(3) == 120)
        #expect(OutboxRetry.backoff(20) == 3600)
    }
}
