// 认定、风险和预警的理由：按代码和参数保存，按读者的语言显示。中文句子必须与 GuanaiCore 生成的 message 一字不差（测试会检查）。每个键的中文和英文写在一起。
extension Catalogue {
    static let reasons: [String: Words] = [
        "reason.left_behind.both_away": ("父母双方均外出务工，未满16周岁，农村户籍", "Both parents work away from home; under 16; rural hukou"),
        "reason.left_behind.one_away_other_incapable": (
            "父亲{0}、母亲{1}：一方外出务工、另一方无监护能力，未满16周岁，农村户籍",
            "Father {0}, mother {1}: one works away and the other cannot act as guardian; under 16; rural hukou"
        ),
        "reason.orphan": ("父亲{0}、母亲{1}，未满18周岁", "Father {0}, mother {1}; under 18"),
        "reason.de_facto_unsupported": (
            "父亲{0}、母亲{1}，事实上无人抚养，未满18周岁",
            "Father {0}, mother {1}; in fact nobody supports the child; under 18"
        ),
        "reason.difficulty_poverty": ("{0}", "{0}"),
        "reason.difficulty_disability": ("{0}", "{0}"),
        "reason.difficulty_guardianship": ("{0}", "{0}"),
        "reason.parent.at_home": ("在家", "at home"),
        "reason.parent.working_away": ("外出务工", "working away"),
        "reason.parent.imprisoned": ("服刑在押", "in prison"),
        "reason.parent.missing": ("失踪（失联）", "missing (out of contact)"),
        "reason.parent.deceased": ("死亡", "deceased"),
        "reason.parent.seriously_ill": ("重病或住院", "seriously ill or in hospital"),
        "reason.parent.severely_disabled": ("重度残疾", "severely disabled"),
        "reason.parent.unknown": ("未登记", "not recorded"),
        "reason.poverty.dibao": ("家庭为低保户", "Household on minimum living allowance (dibao)"),
        "reason.poverty.tekun": ("家庭为特困供养户", "Household in extreme-poverty support (tekun)"),
        "reason.disability.severe_disability": ("本人重度残疾", "Severely disabled"),
        "reason.disability.mild_disability": ("本人残疾", "Disabled"),
        "reason.guardianship.improper": ("存在监护不当情形", "Improper guardianship"),
        "reason.guardianship.de_facto": ("事实无人抚养，属监护困境", "In fact unsupported: a guardianship difficulty"),

        "reason.woman.urban": ("城镇户口", "Urban hukou"),
        "reason.woman.husband_not_away": ("丈夫未外出务工", "Husband does not work away"),
        "reason.woman.since_unknown": ("请填写丈夫外出时间", "Please enter when her husband left"),
        "reason.woman.left_behind": ("丈夫外出务工{0}个月以上，农村户口", "Husband has worked away for {0} months or more; rural hukou"),
        "reason.woman.away_short": ("丈夫外出不满{0}个月", "Husband has been away for less than {0} months"),

        "reason.risk.living_alone": ("独自居住", "Lives alone"),
        "reason.risk.siblings_only": ("只和兄弟姐妹住，没有大人照料", "Lives with siblings only, no adult caring"),
        "reason.risk.no_capable_caregiver": (
            "父母不在身边，唯一的委托监护人{0}，没有有能力的照料人",
            "Parents away; the only entrusted guardian is {0}; no capable caregiver"
        ),
        "reason.guardian.deceased": ("已去世", "deceased"),
        "reason.guardian.missing": ("失联", "out of contact"),
        "reason.guardian.hospitalised": ("住院", "in hospital"),
        "reason.guardian.serious_illness": ("重病", "seriously ill"),
        "reason.guardian.severe_disability": ("重度残疾", "severely disabled"),
        "reason.risk.caregiver_unknown": (
            "父母情况不明，也没有委托监护人，请核实谁在照料",
            "Parents' situation unknown and no entrusted guardian: check who looks after the child"
        ),
        "reason.risk.no_caregiver": ("父母不在身边，也没有委托监护人", "Parents away and no entrusted guardian"),
        "reason.risk.open_report": ("有尚未结案的强制报告", "A mandatory report is still open"),
        "reason.risk.young_old_guardian": ("未满{0}周岁，唯一的监护人已满{1}周岁", "Under {0}; the only guardian is {1} or older"),
        "reason.risk.young_sick_guardian": ("未满{0}周岁，唯一的监护人身体不好", "Under {0}; the only guardian is in poor health"),
        "reason.risk.orphan": ("孤儿", "Orphan"),
        "reason.risk.de_facto_unsupported": ("事实无人抚养儿童", "De-facto unsupported child"),
        "reason.risk.guardianship": ("监护困境", "Guardianship difficulty"),
        "reason.risk.poverty": ("低保或特困家庭", "Dibao or tekun household"),
        "reason.risk.disability": ("本人残疾", "Has a disability"),
        "reason.risk.safety_need": ("需要安全维护", "Needs safety protection"),
        "reason.risk.no_contact": ("{0}天以上没有走访或联系", "No visit or contact for {0} days or more"),
        "reason.risk.normal": ("有人照料，按月走访", "Cared for; visited monthly"),
        "reason.alert.overdue": ("应在{0}走访，已逾期", "Visit was due on {0} and is overdue"),

        // 参数出现之前保存的理由只有中文句子；英文界面显示这些不带具体数值的说法。
        "reason.brief.left_behind.one_away_other_incapable": (
            "一方外出务工、另一方无监护能力，未满16周岁，农村户籍",
            "One parent works away and the other cannot act as guardian; under 16; rural hukou"
        ),
        "reason.brief.orphan": ("父母双亡或失踪，未满18周岁", "Both parents deceased or missing; under 18"),
        "reason.brief.de_facto_unsupported": ("事实上无人抚养，未满18周岁", "In fact nobody supports the child; under 18"),
        "reason.brief.difficulty_poverty": ("低保或特困家庭", "Dibao or tekun household"),
        "reason.brief.difficulty_disability": ("本人残疾", "Has a disability"),
        "reason.brief.difficulty_guardianship": ("监护困境", "Guardianship difficulty"),
        "reason.brief.woman.left_behind": ("丈夫长期外出务工，农村户口", "Husband works away long-term; rural hukou"),
        "reason.brief.woman.away_short": ("丈夫外出时间不够长", "Husband has not been away long enough"),
        "reason.brief.risk.no_capable_caregiver": ("父母不在身边，唯一的委托监护人不能照料", "Parents away; the only entrusted guardian cannot care"),
        "reason.brief.risk.young_old_guardian": ("年幼，唯一的监护人年老", "Young child; the only guardian is old"),
        "reason.brief.risk.young_sick_guardian": ("年幼，唯一的监护人身体不好", "Young child; the only guardian is in poor health"),
        "reason.brief.risk.no_contact": ("长时间没有走访或联系", "No visit or contact for a long time"),
        "reason.brief.alert.overdue": ("走访已逾期", "Visit overdue"),
    ]
}
