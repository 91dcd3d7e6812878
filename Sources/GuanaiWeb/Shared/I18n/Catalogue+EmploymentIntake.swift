import GuanaiCore
import GuanaiSheets

// 就业创业台账导入（培训报名、招聘会签到、贷款申请、银行还款流水）和妇女就业创业记录的界面文字。
extension Catalogue {
    /// Issue 18: the employment ledgers read in, and a woman's employment record (API and her page).
    static let employmentIntake: [String: Words] = [
        "intake.kind.training_enrolments": ("技能培训报名名单", "Training enrolments"),
        "intake.kind.fair_attendees": ("招聘会签到名单", "Job fair attendees"),
        "intake.kind.loans": ("创业担保贷款申请名单", "Guaranteed start-up loan applications"),
        "intake.kind.repayments": ("创业担保贷款还款流水（银行对账单）", "Loan repayments (bank statements)"),
        "intake.title.training_enrolments": ("技能培训报名名单", " training enrolments"),
        "intake.title.fair_attendees": ("招聘会签到名单", " job fair attendees"),
        "intake.title.loans": ("创业担保贷款申请名单", " loan applications"),
        "intake.title.repayments": ("创业担保贷款还款流水", " loan repayments"),
        "record.training_enrolments": ("技能培训报名名单", "Training enrolment list"),
        "record.fair_attendees": ("招聘会签到名单", "Job fair attendee list"),
        "record.loans": ("贷款申请名单", "Loan application list"),
        "record.repayments": ("还款流水", "Repayment statement"),
        "loanKind.individual": ("个人", "Individual"),
        "loanKind.partnership": ("合伙", "Partnership"),
        "intake.error.money": ("“{0}”不是金额（元，最多两位小数）", "“{0}” is not an amount (yuan, at most two decimals)"),
        "intake.error.womanNotFound": (
            "这个身份证号的妇女不在本辖区的登记里，请先登记", "No registered woman in this jurisdiction has this ID number: register her first"
        ),
        "intake.error.womanName": ("身份证号登记的是“{0}”，与本行姓名不符", "The ID number is registered to “{0}”, not the name in this row"),
        "intake.error.course": ("本辖区没有名为“{0}”的培训班", "No course called “{0}” in this jurisdiction"),
        "intake.error.courseAmbiguous": (
            "有几个培训班叫“{0}”：请加上“开班日期”列", "Several courses are called “{0}”: add the column 开班日期 (the first day)"
        ),
        "intake.error.fair": ("本辖区没有名为“{0}”的招聘会", "No job fair called “{0}” in this jurisdiction"),
        "intake.error.fairAmbiguous": ("有几场招聘会叫“{0}”：请加上“举办日期”列", "Several fairs are called “{0}”: add the column 举办日期"),
        "intake.error.partnerNotFound": ("合伙人身份证号“{0}”不在本辖区的登记里", "The partner’s ID number “{0}” is not registered in this jurisdiction"),
        "intake.error.loanNumber": ("本辖区没有编号为“{0}”的贷款", "No loan numbered “{0}” in this jurisdiction"),
        "intake.error.borrowerOrLoan": ("请填写借款人身份证号或贷款编号", "Give the borrower’s ID number or the loan’s number"),
        "intake.error.noOpenLoan": ("她没有已放款、未结清的贷款", "She has no disbursed loan still running"),
        "intake.error.loanAmbiguous": ("她有几笔未结清的贷款：请加上“贷款编号”列", "She has several running loans: add the column 贷款编号"),
        "personEmployment.title": ("就业创业", "Work and enterprise"),
        "personEmployment.trainings": ("技能培训", "Training"),
        "personEmployment.fairs": ("招聘会", "Job fairs"),
        "personEmployment.loans": ("创业担保贷款", "Guaranteed start-up loans"),
        "personEmployment.none": ("暂无记录", "None recorded"),
        "personEmployment.certificate": ("结业证书 {0}", "Certificate {0}"),
        "personEmployment.followup": ("{0}个月回访：{1}", "{0}-month follow-up: {1}"),
        "personEmployment.attended": ("到场", "Attended"),
        "personEmployment.intents": ("求职意向：{0}", "Interested in: {0}"),
        "personEmployment.hired": ("录用：{0}（{1}）", "Hired: {0} ({1})"),
        "personEmployment.hireFollowup": ("回访：{0}", "Follow-up: {0}"),
        "personEmployment.followupDue": ("{0} 前回访", "Follow-up due {0}"),
        "personEmployment.partner": ("合伙人", "Partner"),
        "personEmployment.amounts": ("贷款 {0} 元，未还本金 {1} 元", "{0} yuan lent, {1} outstanding"),
        "personEmployment.overdue": ("逾期", "Overdue"),
        "personEmployment.status.applied": ("已申请", "Applied"),
        "personEmployment.status.recommended": ("妇联已推荐", "Recommended"),
        "personEmployment.status.hr_approved": ("人社审核通过", "Approved by HR"),
        "personEmployment.status.guaranteed": ("担保通过", "Guaranteed"),
        "personEmployment.status.bank_approved": ("银行已审批", "Approved by the bank"),
        "personEmployment.status.disbursed": ("已放款", "Disbursed"),
        "personEmployment.status.settled": ("已结清", "Settled"),
        "personEmployment.status.rejected": ("未通过", "Rejected"),
        "intake.template.money": ("金额（元）", "金额（元）"),
        "intake.template.moneyNote": (
            "可写 200000、200000.00、200,000.00、200000元、¥1,500.50：可带“元”“¥”和千位逗号，最多两位小数",
            "200000、200000.00、200,000.00、200000元、¥1,500.50：可带“元”“¥”和千位逗号，最多两位小数"
        ),
    ]
}

/// The employment ledgers' headers, as the federation's, the labour department's and the banks' sheets write them.
extension IntakeWords {
    static let womanName = ("name", ["姓名", "妇女姓名", "学员姓名", "借款人姓名", "借款人", "户名", "客户名称"])
    static let womanID = (
        "idNumber", ["身份证号码", "身份证号", "公民身份号码", "借款人身份证号码", "借款人身份证号", "证件号码", "证件号", "身份证"]
    )

    static let trainingEnrolmentHeaders: [(key: String, names: [String])] = [
        womanName, womanID,
        ("courseTitle", ["培训班名称", "培训班", "培训项目", "课程名称", "培训名称", "班级名称"]),
        ("courseFrom", ["开班日期", "培训开始日期", "开始日期"]),
    ]

    static let fairAttendeeHeaders: [(key: String, names: [String])] = [
        womanName, womanID,
        ("fairName", ["招聘会名称", "招聘会", "活动名称", "专场名称"]),
        ("fairDate", ["举办日期", "招聘会日期", "活动日期", "日期"]),
    ]

    static let loanHeaders: [(key: String, names: [String])] = [
        womanName, womanID,
        ("kind", ["贷款类型", "贷款方式", "类型"]),
        ("project", ["创业项目", "项目名称", "经营项目", "贷款用途", "项目"]),
        ("amount", ["申请金额（元）", "申请金额(元)", "申请金额", "贷款金额（元）", "贷款金额(元)", "贷款金额", "金额（元）", "金额(元)", "金额"]),
        ("termMonths", ["贷款期限（月）", "贷款期限(月)", "贷款期限", "期限（月）", "期限(月)", "期限"]),
        ("partners", ["合伙人身份证号码", "合伙人身份证号", "合伙人证件号码", "合伙人"]),
    ]

    static let repaymentHeaders: [(key: String, names: [String])] = [
        womanName, womanID,
        ("loanNumber", ["贷款编号", "借据号", "借据编号", "合同编号"]),
        ("on", ["日期", "还款日期", "交易日期", "记账日期", "入账日期"]),
        ("principal", ["本金", "还款本金", "归还本金", "本金（元）", "本金(元)", "金额（元）", "金额(元)"]),
        ("interest", ["利息", "还款利息", "归还利息", "利息（元）", "利息(元)"]),
    ]

    static let loanKindWords: [String: [String]] = [
        "individual": ["个人", "个人贷款", "个人创业", "个人创业担保贷款"], "partnership": ["合伙", "合伙贷款", "合伙创业", "合伙经营"],
    ]

    /// One made-up row per employment ledger (the course and fair names are the demo's kind, not real ones).
    static func employmentExample(_ kind: IntakeKind, today: CivilDate, id: (Int, Int, Int, Int) -> CellValue) -> [String: CellValue] {
        let woman: [String: CellValue] = ["name": .text("李秀英"), "idNumber": id(1990, 7, 2, 642)]
        switch kind {
        case .trainingEnrolments:
            return woman.merging(["courseTitle": .text("电商培训班"), "courseFrom": .date(year: today.year, month: today.month, day: 1)]) {
                a, _ in a
            }
        case .fairAttendees:
            return woman.merging(["fairName": .text("春风送岗位专场招聘会"), "fairDate": .date(year: today.year, month: today.month, day: 1)]) {
                a, _ in a
            }
        case .loans:
            return woman.merging([
                "kind": .text("个人"), "project": .text("网店（土特产）"), "amount": .number("100000"), "termMonths": .number("24"),
            ]) { a, _ in a }
        default:
            return woman.merging([
                "on": .date(year: today.year, month: today.month, day: 1), "principal": .number("5000"), "interest": .number("125.00"),
            ]) { a, _ in a }
        }
    }
}
