// 结对活动界面文字。每个键的中文和英文写在一起。
extension Catalogue {
    /// 结对帮扶试点 (pilot campaigns).
    static let campaigns: [String: Words] = [
        "nav.campaigns": ("结对帮扶试点", "Pilot campaigns"),
        "campaign.title": ("结对帮扶试点", "Pilot campaigns"),
        "campaign.intro": (
            "一个试点就是一个村（或一个乡镇）：记下启动会的日期和会上报名的爱心妈妈，这里就能看到进展——已结对儿童、按时联系、已结束结对。",
            """
            A campaign is one village (or township): record the day of its launch meeting and the volunteers who signed up there, and \
            follow its progress — children paired, contacts on time, pairs closed.
            """
        ),
        "campaign.none": ("还没有登记试点。", "No campaign recorded yet."),
        "campaign.count": ("共 {0} 个试点", "Campaigns: {0}"),
        "campaign.name": ("试点名称", "Campaign name"),
        "campaign.nameHint": ("例如：王李场村结对帮扶试点", "For example: Wanglichang village pairing pilot"),
        "campaign.unit": ("试点村（乡镇）", "Village (or township)"),
        "campaign.pickUnit": ("请选择", "Choose"),
        "campaign.launchedOn": ("启动会日期", "Launch meeting date"),
        "campaign.launchedOnHint": ("开过启动会再登记，日期不能晚于今天", "Record it after the launch meeting; the date cannot be in the future"),
        "campaign.note": ("备注", "Note"),
        "campaign.new": ("登记新试点", "Record a new campaign"),
        "campaign.create": ("登记试点", "Record campaign"),
        "campaign.volunteers": ("报名的爱心妈妈", "Volunteers signed up"),
        "campaign.back": ("返回试点列表", "Back to the campaigns"),
        "campaign.createdBy": ("登记人", "Recorded by"),
        "campaign.progress": ("进展", "Progress"),
        "campaign.childrenPaired": ("已结对儿童 / 关爱名单上的儿童", "Children paired / on the care list"),
        "campaign.onTime": ("按时联系 / 进行中的结对", "Contacts on time / active pairs"),
        "campaign.overdue": ("联系逾期的结对", "Pairs with contacts overdue"),
        "campaign.closed": ("启动以来已结束结对", "Pairs closed since the launch"),
        "campaign.progressHint": (
            "报名的爱心妈妈现有未结束的结对 {0} 个（待审批、已批准、进行中、暂停的都算）。按时联系：结对第一个月至少联系2次，以后每月至少1次。",
            """
            The volunteers who signed up have {0} open pairs (proposed, approved, active or paused). On time: at least two contacts in a \
            pair's first month, then at least one a month.
            """
        ),
        "campaign.closedBy": ("已结束结对的原因", "Why pairs closed"),
        "campaign.reason.child_exited": ("儿童退出关爱名单", "Child left the care list"),
        "campaign.reason.parent_returned": ("父母返乡", "Parent came home"),
        "campaign.reason.volunteer_withdrew": ("爱心妈妈退出", "Volunteer withdrew"),
        "campaign.reason.moved": ("搬家", "Moved away"),
        "campaign.reason.unreachable": ("联系不上", "Unreachable"),
        "campaign.reason.misconduct": ("违反行为规范", "Code of conduct breached"),
        "campaign.reason.natural_end": ("自然结束", "Came to its natural end"),
        "campaign.reason.unknown": ("未注明", "Not given"),
        "campaign.signedUp": ("报名的爱心妈妈", "Volunteers who signed up"),
        "campaign.noVolunteers": ("还没有爱心妈妈报名。", "No volunteer has signed up yet."),
        "campaign.volunteer": ("爱心妈妈", "Volunteer"),
        "campaign.home": ("所在村（乡镇）", "Home village (township)"),
        "campaign.signedOn": ("报名日期", "Signed up on"),
        "campaign.signedOnHint": ("不填就是启动会那天", "Leave empty for the day of the launch meeting"),
        "campaign.openPairs": ("结对 / 可结对人数", "Pairs / capacity"),
        "campaign.activePairs": ("进行中", "Active"),
        "campaign.closedPairs": ("已结束", "Closed"),
        "campaign.addVolunteer": ("添加报名的爱心妈妈", "Add a volunteer who signed up"),
        "campaign.noCandidates": (
            "本乡镇没有可以添加的爱心妈妈了（新的爱心妈妈请先登记）。",
            "No other volunteer of this township to add (register new volunteers first)."
        ),
        "campaign.pickVolunteer": ("请选择", "Choose"),
        "campaign.add": ("添加", "Add"),
        "campaign.error.future": ("启动会日期不能晚于今天", "The launch meeting cannot be in the future"),
        "campaign.error.elsewhere": ("这位爱心妈妈不在试点所在的乡镇", "This volunteer is not from the campaign's township"),
        "campaign.error.alreadySigned": ("这位爱心妈妈已经报过名了", "This volunteer has already signed up"),
    ]
}
