import GuanaiCore

/// The words township ledgers use, for reading them in: header names per column (the first is the one our own
/// exports write) and the words cells use for each token beyond the catalogue's own labels (which are accepted too,
/// so an exported file reads back in).
enum IntakeWords {
    static let childHeaders: [(key: String, names: [String])] = [
        ("name", ["姓名", "儿童姓名", "学生姓名", "留守儿童姓名", "名字"]),
        ("idNumber", ["身份证号码", "身份证号", "公民身份号码", "儿童身份证号", "儿童身份证号码", "身份证"]),
        ("sex", ["性别"]),
        ("birthDate", ["出生日期", "出生年月", "出生年月日", "生日"]),
        ("villageCode", ["村（社区）", "村", "所在村", "村名", "村委会", "所属村", "村居", "社区", "村别"]),
        ("hukou", ["户口性质", "户口", "户籍性质", "户籍"]),
        ("ethnicity", ["民族"]),
        ("health", ["健康状况", "身体状况", "儿童健康状况"]),
        ("school", ["就读学校", "学校", "所在学校"]),
        ("grade", ["年级", "班级", "就读年级"]),
        ("boarding", ["是否寄宿", "寄宿"]),
        ("poverty", ["家庭类型", "贫困状况", "家庭经济状况", "是否低保"]),
        ("address", ["家庭住址", "住址", "地址"]),
        ("father.name", ["父亲姓名", "父亲"]),
        ("father.idNumber", ["父亲身份证号码", "父亲身份证号"]),
        ("father.situation", ["父亲情况", "父亲状况", "父亲务工情况"]),
        ("father.workPlace", ["父亲务工地", "父亲务工地点", "父亲外出务工地", "父亲外出务工地点", "父亲务工地址"]),
        ("father.phone", ["父亲电话", "父亲联系电话", "父亲手机"]),
        ("mother.name", ["母亲姓名", "母亲"]),
        ("mother.idNumber", ["母亲身份证号码", "母亲身份证号"]),
        ("mother.situation", ["母亲情况", "母亲状况", "母亲务工情况"]),
        ("mother.workPlace", ["母亲务工地", "母亲务工地点", "母亲外出务工地", "母亲外出务工地点", "母亲务工地址"]),
        // One place for the parents who are away: each parent the row says nothing else about works away there.
        ("parents.workPlace", ["外出务工地点", "父母务工地点", "父母外出务工地点", "外出务工地", "务工地点"]),
        ("mother.phone", ["母亲电话", "母亲联系电话", "母亲手机"]),
        ("guardian.name", ["委托监护人姓名", "委托监护人", "监护人姓名", "监护人"]),
        ("guardian.idNumber", ["委托监护人身份证号码", "监护人身份证号码", "监护人身份证号"]),
        ("guardian.relation", ["与儿童关系", "监护人与儿童关系", "监护人关系", "关系"]),
        ("guardian.health", ["监护人健康状况", "监护人身体状况"]),
        ("guardian.age", ["监护人年龄", "委托监护人年龄"]),
        ("guardian.phone", ["监护人电话", "监护人联系电话", "联系电话"]),
        ("livingArrangement", ["居住情况", "居住方式", "生活情况"]),
        ("needs", ["关爱需求", "需求", "帮扶需求"]),
        ("informedOn", ["告知日期"]),
        ("consent", ["监护人同意", "是否同意"]),
    ]

    static let womanHeaders: [(key: String, names: [String])] = [
        ("name", ["姓名", "妇女姓名", "留守妇女姓名"]),
        ("idNumber", ["身份证号码", "身份证号", "公民身份号码", "身份证"]),
        ("villageCode", ["村（社区）", "村", "所在村", "村名", "村委会", "所属村", "村居", "社区"]),
        ("hukou", ["户口性质", "户口", "户籍性质", "户籍"]),
        ("phone", ["联系电话", "电话", "手机", "手机号码"]),
        ("ethnicity", ["民族"]),
        ("health", ["健康状况", "身体状况"]),
        ("husband.name", ["丈夫姓名", "丈夫"]),
        ("husband.idNumber", ["丈夫身份证号码", "丈夫身份证号"]),
        ("husband.situation", ["丈夫情况", "丈夫状况"]),
        ("husband.workPlace", ["丈夫务工地", "丈夫务工地点", "务工地点"]),
        ("husband.since", ["丈夫外出时间", "外出时间", "外出务工时间"]),
        ("husband.phone", ["丈夫电话", "丈夫联系电话"]),
        ("childrenInCare", ["照料子女数", "子女人数", "照顾子女数"]),
        ("eldersInCare", ["照料老人数", "赡养老人数", "照顾老人数"]),
        ("farming", ["是否务农", "务农"]),
        ("skills", ["技能特长", "技能", "特长"]),
        ("needs", ["需要帮助的方面", "需求", "帮扶需求"]),
        ("employmentInterest", ["有就业创业意愿", "就业意愿", "创业就业意愿"]),
        ("healthInterest", ["愿意参加两癌筛查", "两癌筛查意愿", "健康需求"]),
        ("trainingTopics", ["培训意向", "培训方向"]),
    ]

    static let householdHeaders: [(key: String, names: [String])] = [
        ("head.name", ["户主姓名", "户主"]),
        ("head.idNumber", ["户主身份证号码", "户主身份证号", "身份证号码", "身份证号"]),
        ("villageCode", ["村（社区）", "村", "所在村", "村名", "村委会", "所属村", "村居", "社区"]),
        ("villageGroup", ["村民小组", "组", "小组"]),
        ("address", ["家庭住址", "住址", "地址"]),
        ("poverty", ["家庭类型", "贫困状况", "家庭经济状况"]),
        ("longitude", ["经度"]),
        ("latitude", ["纬度"]),
    ]

    static let volunteerHeaders: [(key: String, names: [String])] = [
        ("name", ["姓名", "爱心妈妈姓名", "志愿者姓名", "名字"]),
        ("idNumber", ["身份证号码", "身份证号", "公民身份号码", "身份证"]),
        ("phone", ["手机号码", "联系电话", "电话", "手机"]),
        ("unitCode", ["所在村/单位", "所在村（单位）", "所在村(单位)", "所在村", "村（社区）", "村", "所属村", "村名", "所在乡镇", "乡镇"]),
        ("organisation", ["工作单位/组织", "工作单位", "单位", "组织", "所在组织", "工作单位及职务"]),
        ("honours", ["荣誉", "荣誉称号", "获得荣誉", "所获荣誉"]),
        ("skills", ["特长", "技能特长", "专长", "技能"]),
        ("availableTime", ["可服务时间", "服务时间", "空闲时间"]),
        ("capacity", ["可结对人数", "结对人数", "可帮扶人数", "可结对儿童数"]),
        ("longitude", ["经度"]),
        ("latitude", ["纬度"]),
    ]

    /// A township's 服务站台账: one row per station.
    static let stationHeaders: [(key: String, names: [String])] = [
        ("name", ["服务站名称", "站点名称", "服务站", "站名", "名称"]),
        ("unitCode", ["所在村（乡镇）", "所在村/乡镇", "所在村", "村（社区）", "村", "所属村", "所在乡镇", "乡镇"]),
        ("host", ["依托场所", "依托单位", "依托", "场所类型", "举办场所"]),
        ("address", ["站点地址", "详细地址", "地址"]),
        ("capacity", ["可容纳人数", "容纳人数", "容纳儿童数", "学位数", "容量"]),
        ("schedule", ["开放时段", "服务时段", "开放时间", "服务时间"]),
        ("staff.name", ["负责人", "负责人姓名", "管理员", "联系人"]),
        ("staff.phone", ["负责人电话", "联系电话", "电话", "手机"]),
        ("facilities", ["设施设备", "配套设施", "设施"]),
        ("status", ["运行状态", "状态"]),
        ("openedOn", ["开办日期", "建站日期", "成立日期", "开放日期"]),
        ("closedOn", ["停办日期", "关闭日期"]),
        ("longitude", ["经度"]),
        ("latitude", ["纬度"]),
    ]

    /// A station's 入站名单: one row per child, placed at the station it names (or the unit's one open station).
    static let enrolmentHeaders: [(key: String, names: [String])] = [
        ("name", ["儿童姓名", "学生姓名", "姓名"]),
        ("idNumber", ["身份证号码", "身份证号", "公民身份号码", "身份证"]),
        ("stationName", ["服务站名称", "所在服务站", "服务站", "站点"]),
        ("from", ["入站日期", "报名日期", "加入日期", "开始日期"]),
    ]

    /// A 邻里互助组花名册: one row per member household; the rows sharing a group name make one group.
    static let groupHeaders: [(key: String, names: [String])] = [
        ("name", ["互助组名称", "互助组", "小组名称", "组名"]),
        ("villageCode", ["村（社区）", "所在村", "村", "所属村", "村名"]),
        ("head.name", ["户主姓名", "户主", "成员户主"]),
        ("head.idNumber", ["户主身份证号码", "户主身份证号", "身份证号码", "身份证号"]),
        ("leader", ["是否组长", "组长户", "组长"]),
        ("consentedOn", ["自愿加入日期", "同意加入日期", "同意日期", "加入日期", "签字日期"]),
    ]

    /// Candidate sites for new stations (a township's schools and other buildings), each with its point.
    static let siteHeaders: [(key: String, names: [String])] = [
        ("name", ["场所名称", "学校名称", "名称", "地点"]),
        ("kind", ["场所类型", "类型"]),
        ("unitCode", ["所在村（乡镇）", "所在村", "村（社区）", "村", "所在乡镇", "乡镇"]),
        ("longitude", ["经度"]),
        ("latitude", ["纬度"]),
    ]

    /// Words for tokens, by catalogue prefix, beyond the catalogue's labels.
    static let values: [String: [String: [String]]] = healthValues.merging([
        "loanKind": loanKindWords,
        "hukou": ["rural": ["农村", "农业", "农业户口", "农村户口", "农"], "urban": ["城镇", "非农业", "非农", "城镇户口", "城市"]],
        // Situation, relation and health words are GuanaiCore's LedgerWords, read there with what they imply; the
        // living words are its table too, with nothing to derive.
        "living": Dictionary(uniqueKeysWithValues: LedgerWords.living.map { ($0.0.rawValue, $0.1) }),
        // A volunteer's skills (VolunteerSkill), as registration forms write them.
        "skill": [
            "tutoring": ["辅导功课", "学业辅导", "课业辅导", "作业辅导", "辅导作业", "学习辅导", "辅导", "教学"],
            "psychological_support": ["心理疏导", "心理辅导", "心理咨询", "心理支持", "心理健康", "心理"],
            "health": ["卫生健康", "健康保健", "医疗卫生", "医疗", "医护", "护理", "健康"],
            "crafts": ["手工", "手工艺", "手工制作"],
            "sports": ["体育", "运动", "体育运动"],
            "arts": ["文艺", "艺术", "音乐", "舞蹈", "绘画", "美术", "唱歌", "书法"],
            "life_skills": ["生活技能", "生活照料", "家政", "烹饪", "做饭", "生活自理"],
            "legal": ["法律", "法律咨询", "法律援助", "普法", "法律服务"],
        ],
        // A station's ledger words (StationHost, StationSession, StationStatus) and a site's (SiteKind).
        "stationHost": [
            "school": ["学校", "小学", "中学", "初中", "中心小学", "中心学校", "教学点"],
            "village_committee": ["村委会", "村委", "村部", "村级活动中心", "党群服务中心", "村党群服务中心"],
            "womens_home": ["妇女之家", "村妇女之家"], "other": ["其他", "其它"],
        ],
        // 寒暑假 is both holidays: a word may stand for several tokens (comma-separated).
        "stationSession": [
            "after_school": ["放学后", "课后", "课后服务", "放学后托管"], "weekends": ["周末", "双休日", "周六日"],
            "winter_holiday": ["寒假"], "summer_holiday": ["暑假"],
            "winter_holiday,summer_holiday": ["寒暑假", "寒暑假期"],
        ],
        "stationStatus": ["open": ["开放", "运行", "正常", "在用", "运行中"], "closed": ["停办", "关闭", "已关闭", "停用"]],
        "siteKind": ["school": ["学校", "小学", "中学", "初中", "中心小学", "教学点"], "other": ["其他", "其它"]],
        "poverty": [
            "none": ["一般", "一般家庭", "无", "否", "普通"], "dibao": ["低保", "低保户", "低保家庭"],
            "tekun": ["特困", "特困供养", "特困户", "五保", "五保户"], "monitored": ["监测户", "防返贫监测户", "防返贫监测"],
        ],
    ]) { a, _ in a }

    /// Cells that list several needs separate them with any of these.
    static let listSeparators: Set<Character> = ["、", ",", "，", ";", "；", "/", "／", " ", "　", "\n"]

    /// The suffix an ethnicity may be written without (汉 = 汉族).
    static let ethnicitySuffix = "族"
}
