import GuanaiCore
import GuanaiSheets

// 两癌检查结果表和文体团队队员名单导入的界面文字、表头和结果用语。
extension Catalogue {
    /// Issue 20: a screening site's result sheet and a team members' list read in.
    static let healthIntake: [String: Words] = [
        "intake.kind.screening_results": ("两癌检查结果表（卫健部门）", "Screening results (a site's sheet)"),
        "intake.kind.team_members": ("文体健身团队队员名单", "Fitness and culture team members"),
        "intake.title.screening_results": ("两癌检查结果表", " screening results"),
        "intake.title.team_members": ("文体健身团队队员名单", " team members"),
        "record.screening_results": ("两癌检查结果表", "Screening result sheet"),
        "record.team_members": ("团队队员名单", "Team member list"),
        "intake.error.noResults": (
            "这一行没有检查结果：请填写宫颈癌或乳腺癌检查的结果", "This row has no result: give the cervical or the breast results"
        ),
        "intake.error.registerVillage": (
            "这个身份证号还没有登记：请在“村”列填写她所在的村，系统会按身份证号登记", "This ID number is not registered yet: give her village in the column 村"
        ),
        "health.error.teamFull": ("这个团队已有 {0} 名队员，不能再加", "This team has {0} members already"),
    ]
}

/// The health ledgers' headers and result words, as screening sites' and townships' sheets write them.
extension IntakeWords {
    static let personName = ("name", ["姓名", "受检者姓名", "受检者", "妇女姓名", "队员姓名", "成员姓名", "检查对象"])
    static let personID = ("idNumber", ["身份证号码", "身份证号", "公民身份号码", "证件号码", "证件号", "身份证"])
    static let personPhone = ("phone", ["联系电话", "电话", "手机号码", "手机号", "手机"])

    static let screeningHeaders: [(key: String, names: [String])] = [
        personName, personID,
        ("villageCode", ["村（社区）", "村", "所在村", "村名", "村委会", "所属村", "村居", "社区"]),
        personPhone,
        ("hukou", ["户籍", "户籍性质", "户口性质", "户口类型"]),
        ("date", ["检查日期", "筛查日期", "采样日期", "检查时间", "日期"]),
        ("site", ["检查机构", "筛查机构", "检查单位", "筛查单位", "检查地点", "筛查点", "检查医院", "医院"]),
        ("programme", ["检查项目", "筛查项目", "项目"]),
        ("gynaecExam", ["妇科检查", "妇科检查结果", "妇检", "妇检结果", "盆腔检查"]),
        ("method", ["宫颈初筛方法", "初筛方法", "筛查方法", "宫颈癌筛查方法", "检测方法"]),
        ("cytology", ["细胞学结果", "宫颈细胞学", "宫颈细胞学结果", "TCT结果", "TCT", "细胞学", "巴氏涂片结果"]),
        ("hpv", ["HPV结果", "HPV检测结果", "高危型HPV", "HPV"]),
        ("clinicalExam", ["乳腺临床检查", "乳腺临床检查结果", "乳腺视触诊", "乳腺触诊", "乳腺检查", "临床检查"]),
        ("ultrasound", ["乳腺彩超", "乳腺超声", "乳腺彩超结果", "乳腺超声结果", "彩超结果", "B超结果", "BI-RADS分级", "BI-RADS", "超声分级"]),
    ]

    static let teamMemberHeaders: [(key: String, names: [String])] = [
        ("teamName", ["团队名称", "队伍名称", "团队", "队名", "队伍"]),
        ("kind", ["团队类型", "队伍类型", "活动项目", "类型"]),
        ("villageCode", ["所属村（镇）", "村（社区）", "村", "所在村", "所属村", "村居", "社区", "乡镇"]),
        personName, personID, personPhone,
        ("leader", ["是否队长", "队长", "是否负责人", "负责人"]),
    ]

    /// Result words beyond the pages' own labels (`hp.*`, `hc.programme.*`, `ht.kind.*`), as sites write them.
    static let healthValues: [String: [String: [String]]] = [
        "hc.programme": [
            "cervical": ["宫颈癌", "宫颈", "宫颈癌筛查", "宫颈癌检查"], "breast": ["乳腺癌", "乳腺", "乳腺癌筛查", "乳腺癌检查"],
            "both": ["两癌", "两癌检查", "两癌筛查", "宫颈癌和乳腺癌", "宫颈癌、乳腺癌"],
        ],
        "hp.finding": [
            "normal": ["正常", "未见异常", "未见明显异常", "无异常", "阴性", "-"], "abnormal": ["异常", "有异常", "阳性", "可疑", "+"],
        ],
        "hp.cmethod": [
            "cytology": ["细胞学", "TCT", "液基细胞学", "LCT", "巴氏涂片", "巴氏"], "hpv": ["HPV", "HPV检测", "高危型HPV"],
            "cotest": ["联合筛查", "联合", "TCT+HPV", "HPV+TCT", "细胞学+HPV", "细胞学＋HPV"],
        ],
        "hp.cyto": [
            "nilm": ["阴性", "未见上皮内病变或恶性病变", "未见上皮内病变", "未见异常", "正常", "NILM"],
            "asc_us": ["ASCUS", "ASC-US", "无明确诊断意义的非典型鳞状细胞"], "asc_h": ["ASCH", "ASC-H", "不除外高级别鳞状上皮内病变"],
            "lsil": ["低级别鳞状上皮内病变", "LSIL"], "hsil": ["高级别鳞状上皮内病变", "HSIL"], "scc": ["鳞状细胞癌", "鳞癌", "SCC"],
            "agc": ["非典型腺细胞", "AGC"],
        ],
        "hp.hpvres": [
            "negative": ["阴性", "未检出", "-"],
            "hpv16_18": ["16/18型阳性", "HPV16/18阳性", "16型阳性", "18型阳性", "HPV16阳性", "HPV18阳性", "16/18阳性", "HPV16/18", "16、18型阳性"],
            "other_high_risk": ["其他高危型阳性", "其他高危阳性", "其他高危型", "非16/18型高危阳性", "12种高危型阳性", "高危型阳性（非16/18）"],
        ],
        "hp.birads": [
            "birads_0": ["0", "0类", "BI-RADS0", "BI-RADS0类", "BIRADS0"], "birads_1": ["1", "1类", "BI-RADS1", "BI-RADS1类", "BIRADS1"],
            "birads_2": ["2", "2类", "BI-RADS2", "BI-RADS2类", "BIRADS2"], "birads_3": ["3", "3类", "BI-RADS3", "BI-RADS3类", "BIRADS3"],
            "birads_4": [
                "4", "4类", "4A", "4B", "4C", "4A类", "4B类", "4C类", "BI-RADS4", "BI-RADS4类", "BI-RADS4A", "BI-RADS4B", "BI-RADS4C", "BIRADS4",
            ],
            "birads_5": ["5", "5类", "BI-RADS5", "BI-RADS5类", "BIRADS5"],
        ],
        "ht.kind": [
            "square_dance": ["广场舞", "广场舞队", "舞蹈"], "waist_drum": ["腰鼓", "腰鼓队", "打腰鼓"], "opera": ["戏曲", "花鼓戏", "京剧", "黄梅戏", "戏剧"],
            "walking": ["健步走", "徒步", "走路"], "taichi": ["太极", "太极拳", "太极扇"], "other": ["其他", "其它"],
        ],
    ]

    /// One made-up row per health ledger (names no one has, ID numbers built by the algorithm).
    static func healthExample(_ kind: IntakeKind, today: CivilDate, id: (Int, Int, Int, Int) -> CellValue) -> [String: CellValue] {
        let day = CellValue.date(year: today.year, month: today.month, day: 1)
        switch kind {
        case .screeningResults:
            return [
                "name": .text("李秀英"), "idNumber": id(1972, 7, 2, 642), "villageCode": .text("示例村"), "phone": .text("13900000003"),
                "date": day, "site": .text("示例镇卫生院"), "programme": .text("两癌"), "gynaecExam": .text("未见异常"), "method": .text("TCT"),
                "cytology": .text("NILM"), "clinicalExam": .text("未见异常"), "ultrasound": .text("2类"),
            ]
        default:
            return [
                "teamName": .text("示例村广场舞队"), "kind": .text("广场舞"), "villageCode": .text("示例村"), "name": .text("李秀英"),
                "idNumber": id(1972, 7, 2, 642), "phone": .text("13900000003"), "leader": .text("是"),
            ]
        }
    }
}
