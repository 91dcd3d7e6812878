import Foundation

/// The loan policy as data (`GET/PUT /api/v1/loans/policy`), defaults from 财金〔2020〕21号: an individual borrows up to
/// 200,000.00 yuan, partners up to 110 % of their individual limits together, for up to 36 months, at up to LPR + 150 BP;
/// the borrower pays LPR − 150 BP and the treasury the rest; at most 3 loans per woman; borrowers aged 18–60.
public struct LoanPolicyInput: Codable, Sendable, Equatable {
    public struct LPR: Codable, Sendable, Equatable {
        public var from: String?
        public var rateBP: Int?
        public init(from: String? = nil, rateBP: Int? = nil) {
            self.from = from
            self.rateBP = rateBP
        }
    }
    public var individualMax: String?
    public var partnershipPercent: Int?
    public var maxTermMonths: Int?
    public var rateCapOverLprBP: Int?
    public var borrowerBelowLprBP: Int?
    public var maxLoans: Int?
    public var minAge: Int?
    public var maxAge: Int?
    public var lpr: [LPR]?

    public init(
        individualMax: String? = nil, partnershipPercent: Int? = nil, maxTermMonths: Int? = nil, rateCapOverLprBP: Int? = nil,
        borrowerBelowLprBP: Int? = nil, maxLoans: Int? = nil, minAge: Int? = nil, maxAge: Int? = nil, lpr: [LPR]? = nil
    ) {
        self.individualMax = individualMax
        self.partnershipPercent = partnershipPercent
        self.maxTermMonths = maxTermMonths
        self.rateCapOverLprBP = rateCapOverLprBP
        self.borrowerBelowLprBP = borrowerBelowLprBP
        self.maxLoans = maxLoans
        self.minAge = minAge
        self.maxAge = maxAge
        self.lpr = lpr
    }
}

public struct LoanPolicy: Sendable, Equatable {
    public struct LPR: Sendable, Equatable {
        public let from: CivilDate
        public let rateBP: Int
        public init(from: CivilDate, rateBP: Int) {
            self.from = from
            self.rateBP = rateBP
        }
    }
    public let individualMax: Yuan
    public let partnershipPercent: Int
    public let maxTermMonths: Int
    public let rateCapOverLprBP: Int
    public let borrowerBelowLprBP: Int
    public let maxLoans: Int
    public let minAge: Int
    public let maxAge: Int
    /// By date, earliest first.
    public let lpr: [LPR]

    /// The one-year LPR as published (3.10 % from 2024-10-21, 3.00 % from 2025-05-20) and the rules of 财金〔2020〕21号.
    public static let standard = LoanPolicy(
        individualMax: Yuan(fen: 20_000_000), partnershipPercent: 110, maxTermMonths: 36, rateCapOverLprBP: 150, borrowerBelowLprBP: 150,
        maxLoans: 3, minAge: 18, maxAge: 60,
        lpr: [
            LPR(from: CivilDate(year: 2024, month: 10, day: 21)!, rateBP: 310),
            LPR(from: CivilDate(year: 2025, month: 5, day: 20)!, rateBP: 300),
        ])

    public init(
        individualMax: Yuan, partnershipPercent: Int, maxTermMonths: Int, rateCapOverLprBP: Int, borrowerBelowLprBP: Int, maxLoans: Int,
        minAge: Int, maxAge: Int, lpr: [LPR]
    ) {
        self.individualMax = individualMax
        self.partnershipPercent = partnershipPercent
        self.maxTermMonths = maxTermMonths
        self.rateCapOverLprBP = rateCapOverLprBP
        self.borrowerBelowLprBP = borrowerBelowLprBP
        self.maxLoans = maxLoans
        self.minAge = minAge
        self.maxAge = maxAge
        self.lpr = lpr.sorted { $0.from < $1.from }
    }

    /// The LPR in force on a day (the latest published on or before it); nil before the first.
    public func lpr(on day: CivilDate) -> Int? { lpr.last { $0.from <= day }?.rateBP }

    /// The most a bank may charge on a loan approved on `day`.
    public func rateCap(on day: CivilDate) -> Int? { lpr(on: day).map { $0 + rateCapOverLprBP } }

    /// What the borrower pays: LPR − 150 BP, never more than the loan's own rate, never below zero.
    public func borrowerRate(loanRateBP: Int, lprBP: Int) -> Int { max(0, min(loanRateBP, lprBP - borrowerBelowLprBP)) }

    public var input: LoanPolicyInput {
        LoanPolicyInput(
            individualMax: individualMax.description, partnershipPercent: partnershipPercent, maxTermMonths: maxTermMonths,
            rateCapOverLprBP: rateCapOverLprBP, borrowerBelowLprBP: borrowerBelowLprBP, maxLoans: maxLoans, minAge: minAge, maxAge: maxAge,
            lpr: lpr.map { .init(from: $0.from.iso, rateBP: $0.rateBP) })
    }

    /// Every field present and sensible, each bad one named: a missing or negative limit, ages out of order, an LPR
    /// list that is empty, undated, or dated twice.
    public static func check(_ i: LoanPolicyInput, _ c: inout FormChecker) -> LoanPolicy? {
        let maxAmount: Yuan? = {
            guard let t = i.individualMax else {
                c.errors.append(FieldError(field: "individualMax", key: "field.error.required"))
                return nil
            }
            guard let y = Yuan(t), y.fen > 0 else {
                c.errors.append(FieldError(field: "individualMax", key: "employment.error.amount"))
                return nil
            }
            return y
        }()
        func count(_ v: Int?, _ field: String, _ range: ClosedRange<Int>) -> Int? {
            guard let v else {
                c.errors.append(FieldError(field: field, key: "field.error.required"))
                return nil
            }
            guard range.contains(v) else {
                c.errors.append(
                    FieldError(field: field, key: "employment.error.range", args: [String(range.lowerBound), String(range.upperBound)]))
                return nil
            }
            return v
        }
        let percent = count(i.partnershipPercent, "partnershipPercent", 0...1000)
        let term = count(i.maxTermMonths, "maxTermMonths", 1...360)
        let cap = count(i.rateCapOverLprBP, "rateCapOverLprBP", 0...2000)
        let below = count(i.borrowerBelowLprBP, "borrowerBelowLprBP", 0...2000)
        let loans = count(i.maxLoans, "maxLoans", 1...100)
        let minAge = count(i.minAge, "minAge", 16...100)
        let maxAge = count(i.maxAge, "maxAge", 16...100)
        if let minAge, let maxAge, minAge > maxAge {
            c.errors.append(FieldError(field: "maxAge", key: "employment.error.range", args: [String(minAge), "100"]))
        }
        var lpr: [LPR] = []
        if (i.lpr ?? []).isEmpty { c.errors.append(FieldError(field: "lpr", key: "field.error.required")) }
        for (n, e) in (i.lpr ?? []).enumerated() {
            let from = c.date(e.from, "lpr[\(n)].from")
            if e.from == nil { c.errors.append(FieldError(field: "lpr[\(n)].from", key: "field.error.required")) }
            let rate = count(e.rateBP, "lpr[\(n)].rateBP", 0...5000)
            if let from, lpr.contains(where: { $0.from == from }) {
                c.errors.append(FieldError(field: "lpr[\(n)].from", key: "employment.error.lprTwice"))
            }
            if let from, let rate { lpr.append(LPR(from: from, rateBP: rate)) }
        }
        guard c.errors.isEmpty, let maxAmount, let percent, let term, let cap, let below, let loans, let minAge, let maxAge else {
            return nil
        }
        return LoanPolicy(
            individualMax: maxAmount, partnershipPercent: percent, maxTermMonths: term, rateCapOverLprBP: cap, borrowerBelowLprBP: below,
            maxLoans: loans, minAge: minAge, maxAge: maxAge, lpr: lpr)
    }
}
