// 两癌检查与随访界面文字。每个键的中文和英文写在一起。
extension Catalogue {
    /// Issue 20: 两癌 screening, follow-up of abnormal results, fitness and culture teams.
    static let health: [String: Words] = [
        "record.health_result": ("两癌检查结果", "Screening result"),
        "reminder.subject.health_followup": ("两癌随访", "Screening follow-up"),
        "health.reminder.followup_late": (
            "{0}（{1}）的两癌随访已过期限 {2}，逾期 {3} 天，请尽快联系她做下一步检查",
            "{0} ({1}): the screening follow-up was due {2}, {3} days late; contact her for the next step"
        ),
        "health.reminder.followup_escalated": (
            "{0}（{1}）的两癌随访期限 {2} 已过 {3} 天仍未完成，请督促卫健部门跟进",
            "{0} ({1}): the screening follow-up due {2} is still not done {3} days later; ask the health department to act"
        ),
        "health.invitation.text": (
            "{0}您好：{1}农村妇女两癌免费检查将在{2}进行，请带身份证按时前往。",
            "{0}: the free cervical and breast screening of {1} is at {2}; please bring your ID card."
        ),
        "health.invitation.site": ("{0}（{1}）", "{0} ({1})"),
        "health.invitation.sep": ("；", "; "),
        "health.error.ageOrder": ("结束年龄不能小于起始年龄 {0} 岁", "The upper age cannot be below the lower age {0}"),
        "health.error.attempts": (
            "至少要先联系她 {0} 次才能登记失访，现在只记录了 {1} 次",
            "Record at least {0} attempts to reach her before calling her lost; {1} so far"
        ),
        "health.error.campaign": ("找不到这个检查活动", "No such screening campaign"),
        "health.error.campaignProgramme": ("这个检查活动只做“{0}”", "This campaign screens for “{0}” only"),
        "health.error.duplicate": (
            "这位妇女当天的这项检查已经登记过了，请勿重复录入", "This screen of hers on that day is already recorded"
        ),
        "health.error.ended": ("这个随访已经结束（{0}），不能再记录", "This follow-up has ended ({0}): nothing more can be recorded"),
        "health.error.notDue": ("这些人现在不需要检查：{0}", "Not due for screening now: {0}"),
        "health.error.notTaken": ("这项检查不填这个结果，请留空", "This screen takes no such result: leave it empty"),
        "health.error.notWoman": ("只能为女性登记两癌检查", "Screening is recorded for women only"),
        "health.error.person": ("在本辖区找不到这个人，请先在人员档案中登记", "No such person in your jurisdiction: register her first"),
        "health.error.range": ("请填写 {0} 到 {1} 之间的数", "Enter a number from {0} to {1}"),
        "health.error.siteDay": ("检查日期应在活动的年份之内", "The date should fall in the campaign's year"),
        "health.error.step": ("现在只能记录这些步骤：{0}", "Only these steps may be recorded now: {0}"),
        "health.error.tooMany": ("一次最多 {0} 项", "At most {0} at once"),
        "health.error.year": ("年份应在 {0} 到 {1} 之间", "The year should be from {0} to {1}"),
    ]
}
