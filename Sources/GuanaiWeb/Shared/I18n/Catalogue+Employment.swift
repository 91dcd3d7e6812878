// 妇女创业就业界面文字（第一部分：贷款规则的原因与错误；账号职责）。每个键的中文和英文写在一起。
extension Catalogue {
    /// Issue 18's loan rules (Core `LoanRules`, `LoanStepRules`, `LoanPolicy`) and the accounts' duties.
    static let employment: [String: Words] = [
        "employment.error.amount": ("请填写金额，单位元，最多两位小数，例如 50000.00", "An amount in yuan with at most two decimals, e.g. 50000.00"),
        "employment.error.range": ("应在 {0} 到 {1} 之间", "Must be between {0} and {1}"),
        "employment.error.lprTwice": ("这个日期的 LPR 已经填过", "An LPR is already given for this date"),
        "loan.kind_required": ("请选择贷款类型", "Choose the kind of loan"),
        "loan.kind": ("贷款类型只能是个人或合伙", "A loan is individual or partnership"),
        "loan.person": ("在本辖区找不到这位妇女", "No such woman in this jurisdiction"),
        "loan.female": ("创业担保贷款（妇女）只面向妇女", "These loans are for women"),
        "loan.age": ("借款人须年满 {0} 周岁、不超过 {1} 周岁", "A borrower is aged {0} to {1}"),
        "loan.age_unknown": ("没有出生日期，无法核对年龄，请先补全身份证号", "No birth date to check the age: complete her ID number"),
        "loan.too_many": ("每人最多贷 {0} 次，已经用完", "At most {0} loans per person; none left"),
        "loan.open": ("还有一笔贷款没有结清", "A loan is still open"),
        "loan.last_overdue": ("上一笔贷款有过逾期，不能再贷", "The last loan fell overdue; no repeat loan"),
        "loan.partners_required": ("合伙贷款请填写合伙人", "A partnership loan names its partners"),
        "loan.partners_individual": ("个人贷款不填合伙人", "An individual loan has no partners"),
        "loan.partner_twice": ("同一个人填了两次", "The same person is named twice"),
        "loan.amount_required": ("请填写贷款金额", "Enter the amount"),
        "loan.amount": ("金额须大于 0，单位元，最多两位小数", "An amount above 0 in yuan, at most two decimals"),
        "loan.amount_over": ("超过额度，最多 {0} 元", "Above the limit of {0} yuan"),
        "loan.term_required": ("请填写贷款期限（月）", "Enter the term in months"),
        "loan.term": ("期限最长 {0} 个月", "The term is at most {0} months"),
        "loan.error.order": ("现在应办理的是：{0}", "The step due now is: {0}"),
        "loan.error.makerChecker": ("上一步是您办的，这一步须由另一位同事办理", "You recorded the last step: a colleague records this one"),
        "loan.error.beforeLast": ("日期不能早于上一步", "Not before the last step"),
        "loan.error.rateCap": ("利率不能高于 LPR 加 150 个基点，即 {0} 个基点", "The rate may not exceed LPR + 150 BP, i.e. {0} BP"),
        "loan.error.noLpr": ("这一天还没有公布的 LPR，请先在贷款政策里补上", "No LPR is known for this day: add it to the loan policy"),
        "account.error.dutyRole": ("这个账号的角色不能担任“{0}”", "This account's role cannot hold “{0}”"),
        "duty.rights_officer": ("维权专员", "Rights officer"),
        "duty.health_officer": ("健康专员", "Health officer"),
    ]
}
