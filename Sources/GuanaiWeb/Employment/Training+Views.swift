import Vapor
import GuanaiCore

/// The training pages in the shared layout; every word from `Catalogue.training` and `Catalogue.employment`.
enum TrainingViews {
    typealias K = CoursePageForm.CodingKeys
    static let savedKey = "saved"
    /// A phone screen's worth of suggestions: the first by Core's order.
    static let suggestionsShown = 30

    static func topicOptions(_ l: UILanguage) -> [(String, String)] {
        CourseTopic.allCases.map { ($0.rawValue, l.t("course.topic." + $0.rawValue)) }
    }

    static func crumbs(_ l: UILanguage, _ c: Course, _ here: String?) -> Node {
        p(.class("crumbs")) {
            a(.href(.courses)) { l.t("courses.title") }; " › "
            if let here { a(.href(.course(c.recordID))) { c.title }; " › "; span { here } } else { span { c.title } }
        }
    }

    static func list(
        _ req: Request, _ items: [Course], total: Int, enrolled: [UUID: Int], unitNames: [String: String], units: [(String, String)],
        unit: String, mayWrite: Bool, mayExport: Bool
    ) -> Response {
        let l = req.lang
        return Layout.page(req, title: l.t("courses.title")) {
            h1 { l.t("courses.title") }
            form(.method("get"), .action(.courses), .class("filters")) {
                Forms.select(
                    l, label: "course.unitCode", name: APIQuery.unit.rawValue, options: [("", l.t("station.allUnits"))] + units,
                    selected: unit)
                button(.type("submit")) { l.t("station.filter") }
            }
            p(.class("actions")) {
                if mayWrite {
                    a(.class("btn"), .href(SiteURL.courseNew.with(query: [(APIQuery.unit.rawValue, unit)]))) { l.t("courses.new") }
                }
                IntakeViews.importLink(req, .trainingEnrolments, unit: unit.isEmpty ? nil : unit)
                if mayExport {
                    a(.href(SiteURL.coursesExport.with(query: [(APIQuery.unit.rawValue, unit)]))) { l.t("courses.export") }
                    a(.href(SiteURL.coursesExport.with(query: [(APIQuery.unit.rawValue, unit), ("format", "csv")]))) { "CSV" }
                }
            }
            if items.isEmpty {
                p { l.t("courses.none") }
            } else {
                p(.class("muted")) { l.t("courses.count", String(total)) }
                div(.class("table-wrap")) {
                    table(.class("stack")) {
                        thead {
                            tr {
                                th { l.t("course.title") }; th { l.t("course.topic") }; th { l.t("course.unitCode") }
                                th { l.t("course.dates") }; th { l.t("course.enrolled") }
                            }
                        }
                        tbody {
                            for c in items {
                                tr {
                                    td(.data("label", l.t("course.title"))) { a(.href(.course(c.recordID))) { c.title } }
                                    td(.data("label", l.t("course.topic"))) { l.t("course.topic." + c.topic.rawValue) }
                                    td(.data("label", l.t("course.unitCode"))) { unitNames[c.unitCode] ?? c.unitCode }
                                    td(.data("label", l.t("course.dates"))) { c.fromOn + " – " + c.toOn }
                                    td(.data("label", l.t("course.enrolled"))) {
                                        l.t("course.places", String(enrolled[c.id!] ?? 0), String(c.capacity))
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    static func editor(
        _ req: Request, _ course: Course?, typed f: CoursePageForm, errors e: [String: String], units: [(String, String)],
        status: HTTPStatus
    ) -> Response {
        let l = req.lang
        let title = course?.title ?? l.t("courses.new")
        let labels: [String: String] = Dictionary(uniqueKeysWithValues: K.allCases.map { ($0.rawValue, "course." + $0.rawValue) })
        return Layout.page(req, title: title, status: status) {
            if let c = course {
                crumbs(l, c, l.t("courses.edit"))
            } else {
                p(.class("crumbs")) {
                    a(.href(.courses)) { l.t("courses.title") }; " › "; span { l.t("courses.new") }
                }
            }
            h1 { course == nil ? l.t("courses.new") : l.t("courses.edit") }
            Forms.errorSummary(
                l, Dictionary(uniqueKeysWithValues: e.map { k, m in (k, (labels[k].map { l.t($0) + l.t("f.sep") } ?? "") + m) }))
            form(.method("post"), .action(course.map { .courseEdit($0.recordID) } ?? .courseNew)) {
                Forms.csrf(req)
                Forms.field(l, label: "course.title", name: K.title.rawValue, value: f.title ?? "", required: true, error: e["title"])
                Forms.select(
                    l, label: "course.topic", name: K.topic.rawValue, options: [("", l.t("form.choose"))] + topicOptions(l),
                    selected: f.topic ?? "", error: e["topic"], required: true)
                Forms.field(
                    l, label: "course.organiser", name: K.organiser.rawValue, value: f.organiser ?? "", required: true,
                    error: e["organiser"])
                Forms.field(l, label: "course.partner", name: K.partner.rawValue, value: f.partner ?? "", error: e["partner"])
                Forms.select(
                    l, label: "course.unitCode", name: K.unitCode.rawValue, options: [("", l.t("form.choose"))] + units,
                    selected: f.unitCode ?? "", error: e["unitCode"], required: true)
                div(.class("row2")) {
                    Forms.field(
                        l, label: "course.from", name: K.from.rawValue, value: f.from ?? "", type: "date", required: true, error: e["from"])
                    Forms.field(l, label: "course.to", name: K.to.rawValue, value: f.to ?? "", type: "date", required: true, error: e["to"])
                }
                Forms.field(l, label: "course.place", name: K.place.rawValue, value: f.place ?? "", error: e["place"])
                Forms.field(
                    l, label: "course.capacity", name: K.capacity.rawValue, value: f.capacity ?? "", type: "number", required: true,
                    error: e["capacity"],
                    extra: [
                        Attr("min", String(CourseForm.capacityRange.lowerBound)), Attr("max", String(CourseForm.capacityRange.upperBound)),
                    ])
                button(.type("submit")) { l.t("form.save") }
            }
        }
    }

    /// What a course's page shows besides the course.
    struct PageData {
        let unitNames: [String: String]
        let enrolments: [TrainingEnrolmentDTO]
        /// Every woman on the course, those the reader does not reach included: places are the course's.
        let enrolled: Int
        let today: String
        let suggestions: [TrainingCheck.Candidate]
        let heldDays: [String]
        let errors: [String: String]
        let flash: String?
        let mayWrite: Bool
        let mayExport: Bool
    }

    static func page(_ req: Request, _ c: Course, _ d: PageData, status: HTTPStatus) -> Response {
        let l = req.lang
        return Layout.page(req, title: c.title, status: status) {
            crumbs(l, c, nil)
            h1 { c.title }
            Forms.flash(d.flash)
            Forms.errorSummary(l, d.errors, labelled: false)
            dl(.class("kv")) {
                dt { l.t("course.topic") }; dd { l.t("course.topic." + c.topic.rawValue) }
                dt { l.t("course.organiser") }; dd { c.organiser }
                if let p0 = c.partner { dt { l.t("course.partner") }; dd { p0 } }
                dt { l.t("course.unitCode") }; dd { d.unitNames[c.unitCode] ?? c.unitCode }
                dt { l.t("course.dates") }; dd { c.fromOn + " – " + c.toOn }
                if let p1 = c.place { dt { l.t("course.place") }; dd { p1 } }
                dt { l.t("course.capacity") }; dd { l.t("course.places", String(d.enrolled), String(c.capacity)) }
                dt { l.t("course.heldDays") }; dd { String(d.heldDays.count) }
            }
            p(.class("actions")) {
                a(.class("btn"), .href(.courseAttendance(c.recordID))) { l.t("course.attendance") }
                if d.mayWrite { a(.class("btn secondary"), .href(.courseEdit(c.recordID))) { l.t("courses.edit") } }
                if d.mayExport { a(.href(.courseEnrolmentsExport(c.recordID))) { l.t("course.exportEnrolments") } }
            }
            h2 { l.t("course.enrolments") }
            if d.enrolments.isEmpty {
                p(.class("muted")) { l.t("course.enrolments.none") }
            } else {
                for e in d.enrolments { enrolment(req, e, d) }
            }
            if d.mayWrite { suggestions(req, c, d) }
        }
    }

    static func enrolment(_ req: Request, _ e: TrainingEnrolmentDTO, _ d: PageData) -> Node {
        let l = req.lang
        return div(.class("panel")) {
            h3 { e.name }
            p(.class("muted")) {
                (d.unitNames[e.unitCode] ?? e.unitCode) + " · " + l.t("course.stage." + e.stage) + " · "
                    + l.t("course.presentOf", String(e.presentDays), String(e.heldDays))
            }
            if let no = e.certificateNo { p { l.t("course.certificateNo") + l.t("f.sep") + no + " · " + (e.completedOn ?? "") } }
            for f in e.followups {
                let month = l.t("course.followup.month" + String(f.month))
                let outcome = l.t("followup.outcome." + f.outcome)
                p { month + l.t("f.sep") + outcome + (f.note.map { " · " + $0 } ?? "") }
            }
            if let late = e.followupCheckOn {
                p(.class("muted")) {
                    l.t("course.followupCheckOn") + l.t("f.sep") + late
                    if late <= d.today { " "; span(.class("tag off")) { l.t("course.followupLate") } }
                }
            }
            if d.mayWrite, let eid = UUID(uuidString: e.id).map({ TrainingEnrolmentID($0) }) {
                if e.stage == EnrolmentStage.enrolled.rawValue {
                    form(.method("post"), .action(.trainingComplete(eid)), .class("inline")) {
                        Forms.csrf(req)
                        Forms.field(l, label: "course.certificateNo", name: "certificateNo", id: "cert-" + e.id)
                        button(.type("submit")) { l.t("course.complete") }
                    }
                } else if e.followups.count < TrainingCheck.followupMonths.count {
                    let done = Set(e.followups.map(\.month))
                    form(.method("post"), .action(.trainingFollowup(eid)), .class("inline")) {
                        Forms.csrf(req)
                        Forms.select(
                            l, label: "course.followup.month", name: "month",
                            options: TrainingCheck.followupMonths.filter { !done.contains($0) }.map {
                                (String($0), l.t("course.followup.month" + String($0)))
                            }, selected: "", id: "month-" + e.id)
                        Forms.select(
                            l, label: "course.followup.outcome", name: "outcome",
                            options: [("", l.t("form.choose"))]
                                + FollowupOutcome.allCases.map { ($0.rawValue, l.t("followup.outcome." + $0.rawValue)) },
                            selected: "", id: "outcome-" + e.id)
                        Forms.field(l, label: "course.followup.note", name: "note", id: "note-" + e.id)
                        button(.type("submit")) { l.t("course.followup.save") }
                    }
                }
            }
        }
    }

    static func suggestions(_ req: Request, _ c: Course, _ d: PageData) -> Node {
        let l = req.lang
        return group {
            h2 { l.t("course.suggestions") }
            if d.suggestions.isEmpty {
                p(.class("muted")) { l.t("course.suggestions.none") }
            } else {
                ul(.class("plain")) {
                    for s in d.suggestions {
                        li {
                            form(.method("post"), .action(.courseEnrol(c.recordID)), .class("inline")) {
                                Forms.csrf(req)
                                input(.type("hidden"), .name("personId"), .value(s.personId))
                                s.name
                                if s.topics.contains(c.topic) { " "; span(.class("tag")) { l.t("course.topicMatch") } }
                                if s.poor { " "; span(.class("tag")) { l.t("course.poor") } }
                                " "
                                button(.type("submit"), .class("small")) { l.t("course.enrol") }
                            }
                        }
                    }
                }
            }
        }
    }

    /// A day's sheet: one checkbox per woman, big enough to tick on a phone.
    static func sheet(
        _ req: Request, _ c: Course, _ s: CourseAttendanceDTO, errors: [String: String], flash: String?, mayWrite: Bool,
        status: HTTPStatus
    ) -> Response {
        let l = req.lang
        return Layout.page(req, title: l.t("course.attendance") + " · " + c.title, status: status) {
            crumbs(l, c, l.t("course.attendance"))
            h1 { l.t("course.attendance") + " · " + s.date }
            Forms.flash(flash)
            Forms.errorSummary(l, errors)
            form(.method("get"), .action(.courseAttendance(c.recordID)), .class("filters")) {
                Forms.field(
                    l, label: "course.attendance.day", name: CourseAttendancePageForm.dateKey, value: s.date, type: "date",
                    extra: [Attr("min", c.fromOn), Attr("max", c.toOn)], id: "day")
                button(.type("submit")) { l.t("course.attendance.open") }
            }
            if s.entries.isEmpty {
                p(.class("muted")) { l.t("course.enrolments.none") }
            } else if mayWrite {
                form(.method("post"), .action(.courseAttendance(c.recordID))) {
                    Forms.csrf(req)
                    input(.type("hidden"), .name(CourseAttendancePageForm.dateKey), .value(s.date))
                    for e in s.entries {
                        input(.type("hidden"), .name("personId"), .value(e.personId))
                        div(.class("field check")) {
                            label {
                                tag(
                                    "input",
                                    [.type("checkbox"), .name("present"), .value(e.personId), Attr.when(e.present == true, .checked)])
                                " " + e.name
                            }
                        }
                    }
                    button(.type("submit")) { l.t("course.attendance.save") }
                }
            } else {
                ul(.class("plain")) {
                    for e in s.entries {
                        li { e.name + l.t("f.sep") + (e.present.map { l.t($0 ? "course.present.yes" : "course.present.no") } ?? "—") }
                    }
                }
            }
        }
    }
}
