import GuanaiCore
import GuanaiSheets

/// The Chinese of the import template (`IntakeTemplate`): its example rows and the words it lists beside the tables.
extension IntakeWords {
    /// Separates the words listed for one value, and the closest words an error names.
    static let choiceSeparator = "、"
    static let templateSex = ("男、女", "男、女、男性、女性、男孩、女孩")
    static let templateYesNo = ("是、否", "是、否、√、×、有、无、没有")
    static let templatePlaceExamples = "外出务工（广东深圳）、外出务工(广东深圳)、外出务工【上海】、在外务工-浙江、深圳打工、在广东务工、离异（外出务工）"

    /// One made-up row: names no one has, ID numbers built by the algorithm (valid check digits).
    static func templateExample(_ kind: IntakeKind, today: CivilDate) -> [String: CellValue] {
        func id(_ y: Int, _ m: Int, _ d: Int, _ order: Int) -> CellValue {
            .text(IDNumber.make(address: "421081", birth: CivilDate(year: y, month: m, day: d)!, order: order).value)
        }
        switch kind {
        case .children:
            return [
                "name": .text("王小花"), "idNumber": id(2015, 3, 2, 122), "sex": .text("女"), "birthDate": .date(year: 2015, month: 3, day: 2),
                "villageCode": .text("示例村"),
                "hukou": .text("农村"), "ethnicity": .text("汉族"), "health": .text("健康"), "school": .text("示例小学"), "grade": .text("五年级"),
                "boarding": .text("否"),
                "poverty": .text("一般"), "address": .text("示例村三组"), "father.name": .text("王大山"), "father.idNumber": id(1986, 5, 1, 111),
                "father.situation": .text("外出务工"), "father.workPlace": .text("广东深圳"), "father.phone": .text("13900000001"),
                "mother.name": .text("李秀英"),
                "mother.idNumber": id(1988, 8, 9, 222), "mother.situation": .text("外出务工"), "mother.workPlace": .text("浙江宁波"),
                "guardian.name": .text("张桂兰"), "guardian.idNumber": id(1958, 3, 3, 224), "guardian.relation": .text("奶奶"),
                "guardian.health": .text("慢性病"),
                "guardian.phone": .text("13900000002"), "livingArrangement": .text("与委托监护人同住"), "needs": .text("生活照顾、亲情抚慰"),
                "informedOn": .date(year: today.year, month: today.month, day: today.day), "consent": .text("是"),
            ]
        case .women:
            return [
                "name": .text("李秀英"), "idNumber": id(1990, 7, 2, 642), "villageCode": .text("示例村"), "hukou": .text("农村"),
                "phone": .text("13900000003"),
                "ethnicity": .text("汉族"), "health": .text("健康"), "husband.name": .text("王大海"), "husband.idNumber": id(1988, 6, 1, 631),
                "husband.situation": .text("外出务工"), "husband.workPlace": .text("浙江宁波"),
                "husband.since": .month(year: today.year - 1, month: 3),
                "childrenInCare": .number("2"), "eldersInCare": .number("1"), "farming": .text("是"), "skills": .text("养殖"),
                "needs": .text("发展能力、教育子女"),
                "employmentInterest": .text("是"), "healthInterest": .text("是"),
            ]
        case .stations:
            return [
                "name": .text("示例村留守儿童服务站"), "unitCode": .text("示例村"), "host": .text("村委会"), "address": .text("示例村村委会二楼"),
                "capacity": .number("40"), "schedule": .text("放学后、周末、寒暑假"), "staff.name": .text("张小梅"),
                "staff.phone": .text("13900000004"), "facilities": .text("图书角、作业桌、亲情视频电话"), "status": .text("开放"),
                "openedOn": .date(year: today.year, month: 3, day: 1), "longitude": .number("112.4512"), "latitude": .number("29.7213"),
            ]
        case .enrolments:
            return [
                "name": .text("王小花"), "idNumber": id(2015, 3, 2, 122), "station": .text("示例村留守儿童服务站"),
                "from": .date(year: today.year, month: today.month, day: 1),
            ]
        case .neighbourGroups:
            return [
                "name": .text("三组邻里互助组"), "villageCode": .text("示例村"), "head.name": .text("王大山"), "head.idNumber": id(1986, 5, 1, 111),
                "leader": .text("是"), "consentedOn": .date(year: today.year, month: today.month, day: 1),
            ]
        case .sites:
            return [
                "name": .text("示例镇中心小学"), "kind": .text("学校"), "unitCode": .text("示例镇"), "longitude": .number("112.4620"),
                "latitude": .number("29.7305"),
            ]
        case .trainingEnrolments, .fairAttendees, .loans, .repayments:
            return employmentExample(kind, today: today, id: id)
        case .screeningResults, .teamMembers:
            return healthExample(kind, today: today, id: id)
        case .households, .volunteers:
            return [
                "head.name": .text("王大山"), "head.idNumber": id(1986, 5, 1, 111), "villageCode": .text("示例村"), "villageGroup": .text("三组"),
                "address": .text("示例村三组"), "poverty": .text("一般"),
            ]
        }
    }
}
