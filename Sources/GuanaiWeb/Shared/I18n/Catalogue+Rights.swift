// 维权调解界面文字。每个键的中文和英文写在一起。
extension Catalogue {
    /// Issue 19: rights cases and mediation at the 妇女之家.
    static let rights: [String: Words] = [
        "rights.restricted": (
            "这是保密案件，只有承办人、维权专员或临时查阅的人可以打开",
            "This case is confidential: only its assigned staff, rights officers or a break-glass reader may open it"
        ),
        "reminder.subject.rights_case": ("维权案件", "Rights case"),
        "rights.error.status": ("案件现在是“{0}”状态，不能做这一步", "The case is “{0}”: this step does not apply now"),
        "rights.error.village": ("请选择本辖区内的一个村（社区）", "Choose a village of your jurisdiction"),
        "rights.error.applicant": ("至少要有一名申请人", "At least one applicant is required"),
        "rights.error.parties": ("当事人最多 {0} 人", "At most {0} parties"),
        "rights.error.person": ("本辖区找不到这个人；不知道可以不填", "No such person in this jurisdiction; leave it blank if unknown"),
        "rights.error.future": ("日期不能晚于今天", "The date cannot be later than today"),
        "rights.error.before": ("日期不能早于 {0}", "The date cannot be before {0}"),
        "rights.error.tooMany": ("最多 {0} 个", "At most {0}"),
        "rights.error.advice": (
            "一方不同意调解时，请写明给她的建议（如到法院起诉、申请法律援助）", "When a party refuses mediation, write the advice given (court, legal aid …)"
        ),
        "rights.error.mediator": (
            "这个账号不能调解本案：须是本镇、本村的工作人员或司法所人员",
            "This account cannot mediate this case: it must be staff of its township or village, or the justice bureau"
        ),
        "rights.error.selfReason": ("指派自己为调解员时请写明理由", "Give a reason when you name yourself mediator"),
        "rights.error.pendingDecided": ("申请还在审查中，不填裁定日期", "No decision day while the application is pending"),
        "rights.error.after": ("应晚于 {0}", "Must be after {0}"),
        "rights.error.notGranted": ("只有已批准的保护令才有到期日", "Only a granted order has an expiry day"),
        "rights.reminder.protection_order_expiry": (
            "维权案件 {0}（{1}）人身安全保护令 {2} 到期，还有 {3} 天，请评估是否申请延长", "Rights case {0} ({1}): protection order expires {2}, {3} days left"
        ),
        "rights.error.childId": (
            "请选择本案当事人家中的一个孩子", "Choose a child of the household of this case's parties"
        ),
        "rights.error.seenDeclined": (
            "不报告时不填“看到的情况”；要报告请不要勾选不报告", "Leave what was seen blank when declining, or do not decline"
        ),
        "rights.reporter": ("{0}（维权调解员）", "{0} (rights mediator)"),
        "rights.error.range": ("应在 {0} 到 {1} 之间", "Must be between {0} and {1}"),
        "rights.reminder.mediation_soon": ("维权案件 {0}（{1}）调解期限 {2}，还有 {3} 天", "Rights case {0} ({1}): mediation due {2}, {3} days left"),
        "rights.reminder.mediation_overdue": (
            "维权案件 {0}（{1}）调解已超期 {3} 天（期限 {2}），请镇妇联督办", "Rights case {0} ({1}): mediation {3} days overdue (due {2})"
        ),
        "rights.reminder.mediation_escalated": (
            "维权案件 {0}（{1}）调解期限 {2} 已过 {3} 天，仍无结果，请维权专员过问", "Rights case {0} ({1}): mediation still open {3} days after {2}"
        ),
        "rights.reminder.followup_soon": (
            "维权案件 {0}（{1}）协议回访 {2} 到期，还有 {3} 天", "Rights case {0} ({1}): follow-up visit due {2}, {3} days left"
        ),
        "rights.reminder.followup_overdue": (
            "维权案件 {0}（{1}）协议回访已超期 {3} 天（{2} 到期）", "Rights case {0} ({1}): follow-up visit {3} days overdue (due {2})"
        ),
        "rights.reminder.followup_escalated": (
            "维权案件 {0}（{1}）协议回访 {2} 到期，已过 {3} 天仍未回访，请维权专员过问", "Rights case {0} ({1}): follow-up visit still not done {3} days after {2}"
        ),
    ]
}
