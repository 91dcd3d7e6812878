/// Who may do what with loans beyond reading them (`Policy.browses(role, .employment)`); the steps' own rule is
/// `LoanStep.recordedBy`.
public enum LoanAccess {
    /// The federation's people who know the woman apply for her.
    public static func mayApply(_ r: Role) -> Bool { r == .villageWorker || r == .townshipStaff }

    /// Repayments come from the bank's statements, which the labour department holds; the city may correct them.
    public static func mayRecordRepayment(_ r: Role) -> Bool { r == .partnerHR || r == .cityAdmin }

    /// A quarter's subsidy is claimed and paid by the labour department and the city: two accounts, never one.
    public static func mayHandleSubsidy(_ r: Role) -> Bool { r == .partnerHR || r == .cityAdmin }
}

public enum SubsidyRules {
    /// The move a quarter's subsidy may make: `computed → claimed` once its quarter is over and it is above zero,
    /// `claimed → paid` by an account other than the claimant. Errors name `status`.
    public static func check(
        to target: SubsidyStatus, current: SubsidyStatus, claimedBy: String?, actor: String, quarterOver: Bool, amount: Yuan
    ) -> FieldError? {
        switch (current, target) {
        case (.computed, .claimed):
            if !quarterOver { return FieldError(field: "status", key: "subsidy.error.running") }
            if amount.fen <= 0 { return FieldError(field: "status", key: "subsidy.error.zero") }
            return nil
        case (.claimed, .paid):
            return claimedBy == actor ? FieldError(field: "status", key: "loan.error.makerChecker") : nil
        default:
            return FieldError(field: "status", key: "subsidy.error.order", args: [current.rawValue])
        }
    }
}
