extension Catalogue {
    /// 爱心妈妈 pairing.
    static let zhPairing: [String: String] = [
        "pairing.reason.distance": "相距约 {0} 米",
        "pairing.reason.sameVillage": "同村",
        "pairing.reason.sameTownship": "同乡镇",
        "pairing.reason.elsewhere": "不在同一乡镇",
        "pairing.reason.skill": "特长能帮上：{0}",
        "pairing.reason.tier": "风险等级：{0}",
        "pairing.error.capacity": "每位爱心妈妈同时结对1到{0}名儿童",
        "pairing.error.capacityBelowLoad": "她现在的结对比这个数多，请先结束或调整结对",
        "pairing.error.volunteerExists": "这位爱心妈妈已经登记过了",
        "pairing.error.childNotListed": "这名儿童不在关爱名单上（已退出或待认定）",
        "pairing.error.childPaired": "这名儿童已经有结对的爱心妈妈了",
        "pairing.error.withdrawn": "这位爱心妈妈已退出",
        "pairing.error.notScreened.identity": "尚未核验身份",
        "pairing.error.notScreened.record_check": "尚未查询无犯罪记录（性侵害、虐待、拐卖、暴力伤害）",
        "pairing.error.notScreened.training": "尚未参加培训",
        "pairing.error.notScreened.conduct": "尚未签署行为规范",
        "pairing.error.full": "这位爱心妈妈已满（最多同时结对 {0} 名儿童，暂停的结对也算）",
        "pairing.error.transition": "结对现在的状态不能做这项操作",
        "pairing.error.notOpenForContact": "只有已批准或进行中的结对可以记录联系",
        "pairing.error.volunteer": "找不到这位爱心妈妈",
    ]
}
