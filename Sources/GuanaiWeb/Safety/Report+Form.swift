import GuanaiCore

/// Filing a 强制报告: who reported, when, what was seen, whether the police were called.
struct ReportForm: Decodable {
    var reporter: String?
    var reporterContact: String?
    var reportedAt: String?
    var seen: String?
    var policeCalled: String?
    var policeReportNo: String?

    enum CodingKeys: String, CodingKey { case reporter, reporterContact, reportedAt, seen, policeCalled, policeReportNo }

    func input(child: String) -> ReportInput {
        ReportInput(
            childId: child, reporter: reporter, reporterContact: reporterContact, reportedAt: reportedAt, seen: seen,
            policeCalled: policeCalled == Forms.on, policeReportNo: policeReportNo)
    }
}

/// One step on a report's page (the step's kind is a hidden field of its small form).
struct ReportStepForm: Decodable {
    var step: String?
    var action: String?
    var note: String?
    var doneAt: String?

    enum CodingKeys: String, CodingKey { case step, action, note, doneAt }

    var input: ReportStepInput { ReportStepInput(step: step, action: action, note: note, doneAt: doneAt) }
}
