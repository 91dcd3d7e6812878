/// One unit's loans in figures: how many were lent and how much, what is still out, what of it is late, the
/// subsidy paid, the women who borrowed.
public struct LoanFigures: Sendable, Equatable, AdditiveFigures {
    public var count = 0
    public var amount = Yuan(fen: 0)
    public var outstanding = Yuan(fen: 0)
    public var overdueAmount = Yuan(fen: 0)
    public var subsidyPaid = Yuan(fen: 0)
    public var women = 0
    public init() {}
    public init(count: Int, amount: Yuan, outstanding: Yuan, overdueAmount: Yuan, subsidyPaid: Yuan, women: Int) {
        self.count = count
        self.amount = amount
        self.outstanding = outstanding
        self.overdueAmount = overdueAmount
        self.subsidyPaid = subsidyPaid
        self.women = women
    }

    public static func + (a: Self, b: Self) -> Self {
        LoanFigures(
            count: a.count + b.count, amount: a.amount + b.amount, outstanding: a.outstanding + b.outstanding,
            overdueAmount: a.overdueAmount + b.overdueAmount, subsidyPaid: a.subsidyPaid + b.subsidyPaid, women: a.women + b.women)
    }

    /// Late principal over principal out, to four places rounded half up ("0.0375"); nil when nothing is out.
    public var overdueRate: String? { DivisionRollup.rate(overdueAmount.fen, outstanding.fen) }
}

public enum LoanPortfolio {
    /// Villages' figures summed into the units one level below `unit` (a village's own figures stay its own).
    public static func rows(_ villages: [String: LoanFigures], under unit: DivisionCode) -> [(code: String, figures: LoanFigures)] {
        DivisionRollup.rows(villages, under: unit)
    }
}
