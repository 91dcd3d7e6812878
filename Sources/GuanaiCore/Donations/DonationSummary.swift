/// The 公示 of donations: what came in, from which kind of donor, and where it went. Built from facts that carry no
/// child: an allocation is only its target's kind and amount, so the summary cannot name a child even by mistake.
public struct DonationSummary: Sendable, Equatable {
    /// One donation as the summary reads it.
    public struct Entry: Sendable {
        public let donorKind: DonorKind
        /// The donor's name when she consented to be named, else nil (shown as 爱心人士).
        public let publicName: String?
        public let type: DonationType
        public let worth: Yuan
        public let allocations: [(to: AllocationTarget, amount: Yuan)]

        public init(
            donorKind: DonorKind, publicName: String?, type: DonationType, worth: Yuan, allocations: [(to: AllocationTarget, amount: Yuan)]
        ) {
            self.donorKind = donorKind
            self.publicName = publicName
            self.type = type
            self.worth = worth
            self.allocations = allocations
        }
    }

    /// A consenting donor's line, or (name nil) everyone else's together.
    public struct Named: Sendable, Equatable {
        public let name: String?
        public let donations: Int
        public let total: Yuan
    }

    /// What the API calls every donor who did not consent to be named; the pages say it in the reader's language.
    public static let anonymousName = "爱心人士"
    public let total: Yuan
    public let money: Yuan
    public let goods: Yuan
    public let donations: Int
    /// Every donor kind, in `DonorKind.allCases` order, zero included, so the table always has its rows.
    public let byDonorKind: [(kind: DonorKind, total: Yuan)]
    public let byUse: [(use: AllocationTarget, total: Yuan)]
    public let unallocated: Yuan
    /// Consenting donors by total, largest first (then by name); those who did not consent form one last line.
    public let donors: [Named]

    public static func == (a: Self, b: Self) -> Bool {
        a.total == b.total && a.money == b.money && a.goods == b.goods && a.donations == b.donations && a.unallocated == b.unallocated
            && a.donors == b.donors && a.byDonorKind.map(\.total) == b.byDonorKind.map(\.total)
            && a.byUse.map(\.total) == b.byUse.map(\.total)
    }

    public init(_ entries: [Entry]) {
        total = Yuan.sum(entries.map(\.worth))
        money = Yuan.sum(entries.filter { $0.type == .money }.map(\.worth))
        goods = Yuan.sum(entries.filter { $0.type == .goods }.map(\.worth))
        donations = entries.count
        byDonorKind = DonorKind.allCases.map { k in (k, Yuan.sum(entries.filter { $0.donorKind == k }.map(\.worth))) }
        let all = entries.flatMap(\.allocations)
        byUse = AllocationTarget.allCases.map { u in (u, Yuan.sum(all.filter { $0.to == u }.map(\.amount))) }
        unallocated = total - Yuan.sum(all.map(\.amount))
        var named: [String: (Int, Yuan)] = [:]
        var anonymous = (0, Yuan.zero)
        for e in entries {
            if let n = e.publicName {
                let was = named[n] ?? (0, .zero)
                named[n] = (was.0 + 1, was.1 + e.worth)
            } else {
                anonymous = (anonymous.0 + 1, anonymous.1 + e.worth)
            }
        }
        var lines = named.map { Named(name: $0.key, donations: $0.value.0, total: $0.value.1) }
            .sorted { $0.total != $1.total ? $0.total > $1.total : $0.name! < $1.name! }
        if anonymous.0 > 0 { lines.append(Named(name: nil, donations: anonymous.0, total: anonymous.1)) }
        donors = lines
    }
}
