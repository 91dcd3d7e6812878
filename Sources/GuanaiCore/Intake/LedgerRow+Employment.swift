import Foundation

extension Yuan {
    /// An amount as ledgers and bank statements write it: "200,000.00", "200000元", "¥1,500", "１５００．５" (the
    /// full-width digits already made half-width by the sheet reader). nil for anything else, a negative amount
    /// included, so the row is refused rather than a sum guessed.
    public static func ledger(_ text: String) -> Yuan? {
        var t = text.trimmingCharacters(in: .whitespaces)
        for unit in ["人民币", "元整", "元", "圆", "RMB", "CNY", "￥", "¥"] { t = t.replacingOccurrences(of: unit, with: "") }
        t = t.filter { $0 != "," && $0 != " " && $0 != "，" }
        // An Excel number cell may carry binary noise past the fen (2300.0000000001): read it to the fen, if it is
        // that close to one.
        if let dot = t.firstIndex(of: "."), t.distance(from: dot, to: t.endIndex) > 3 {
            guard t.filter({ $0 == "." }).count == 1, t.allSatisfy({ $0 == "." || ($0.isASCII && $0.isNumber) }) else { return nil }
            guard let d = Decimal(string: t, locale: Locale(identifier: "en_US_POSIX")), d >= 0 else { return nil }
            var exact = d * 100, rounded = Decimal()
            NSDecimalRound(&rounded, &exact, 0, .plain)
            guard abs(NSDecimalNumber(decimal: exact - rounded).doubleValue) < 0.0001 else { return nil }
            t = Yuan(fen: NSDecimalNumber(decimal: rounded).int64Value).description
        }
        return Yuan(t)
    }
}

/// Issue 18's ledgers as the API's own inputs: the woman and the records a row names are found by the caller (by ID
/// number, a course's title, a fair's name), then each row is one call of the service the API uses.
extension LedgerRow {
    /// An application row (申请表): the woman, her partners and the loan asked for. An individual loan unless the
    /// row says otherwise, or names partners.
    public static func loanApplication(_ v: [String: String], personId: String, partnerIds: [String]) -> LoanApplicationInput {
        let kind = v["kind"] ?? (partnerIds.isEmpty ? LoanKind.individual.rawValue : LoanKind.partnership.rawValue)
        return LoanApplicationInput(
            personId: personId, kind: kind, amount: v["amount"], termMonths: v["termMonths"].flatMap { Int($0) },
            partnerIds: partnerIds.isEmpty ? nil : partnerIds, project: v["project"])
    }

    /// A bank statement's row: a payment of interest only leaves 本金 empty, one of principal only 利息.
    public static func repayment(_ v: [String: String]) -> LoanRepaymentInput {
        LoanRepaymentInput(on: v["on"], principal: v["principal"] ?? "0.00", interest: v["interest"] ?? "0.00")
    }

    /// The partners' ID numbers as one cell lists them (、 , ； or spaces between).
    public static func idNumbers(_ cell: String?) -> [String] {
        let separators: Set<Character> = ["、", ",", "，", ";", "；", "/", " ", "\n"]
        return (cell ?? "").split(whereSeparator: { separators.contains($0) }).map { $0.uppercased() }.filter { !$0.isEmpty }
    }
}

/// When a row read again is a record already there: the same file imported twice adds nothing.
public enum LedgerSameness {
    /// An application is there already when the woman has one of the same kind, project, amount and term that was
    /// not turned down (a rejected one may be applied for again).
    public struct Application: Sendable, Equatable {
        public let kind: LoanKind
        public let project: String
        public let amount: Yuan
        public let termMonths: Int
        public let status: LoanStatus
        public init(kind: LoanKind, project: String, amount: Yuan, termMonths: Int, status: LoanStatus) {
            self.kind = kind
            self.project = project
            self.amount = amount
            self.termMonths = termMonths
            self.status = status
        }
    }

    public static func applied(_ input: LoanApplicationInput, among existing: [Application]) -> Bool {
        guard let kind = input.kind.flatMap(LoanKind.init(rawValue:)), let amount = input.amount.flatMap(Yuan.init(_:)) else {
            return false
        }
        let project = (input.project ?? "").trimmingCharacters(in: .whitespaces)
        return existing.contains {
            $0.status != .rejected && $0.kind == kind && $0.project == project && $0.amount == amount && $0.termMonths == input.termMonths
        }
    }

    /// A repayment is there already when its loan has one of the same day, principal and interest.
    public static func repaid(_ input: LoanRepaymentInput, among existing: [Repayment]) -> Bool {
        guard let on = input.on.flatMap(CivilDate.init(iso:)), let p = input.principal.flatMap(Yuan.init(_:)),
            let i = input.interest.flatMap(Yuan.init(_:))
        else { return false }
        return existing.contains { $0.on == on && $0.principal == p && $0.interest == i }
    }
}

extension LedgerSameness {
    public enum Pick: Sendable, Equatable { case one(Int), none, several }

    /// The loan a statement row named by the borrower's ID number goes to: her one disbursed loan. None, or several
    /// (the row must then give the loan's number), stops the row.
    public static func repaymentLoan(_ statuses: [LoanStatus]) -> Pick {
        let open = statuses.indices.filter { statuses[$0] == .disbursed }
        switch open.count {
        case 0: return .none
        case 1: return .one(open[0])
        default: return .several
        }
    }
}
