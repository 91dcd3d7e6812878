import Vapor
import GuanaiCore

/// Every page path, used by routes (with ":param" placeholders) and by views (with real values),
/// so a link and its route cannot drift apart.
public enum SiteURL: Sendable {
    case home
    case login, logout, changePassword, resumeForm
    case lang(String)
    case units, unit(String), unitAddChild(String), unitRename(String), unitMerge(String), unitRetire(String), unitPoint(String), unitExport
    case accounts, accountNew, account(UserID?), accountDisable(UserID?), accountEnable(UserID?), accountReset(UserID?)
    case accountHandover(UserID?), accountRevealPhone(UserID?), accountsExport
    case audit, history(String, String)
    case children, childNew, childrenPrint, child(ChildID?), childUpdate(ChildID?), childEdit(ChildID?), childVoid(ChildID?)
    case childMerge(ChildID?), childVisit(ChildID?), childVisitsPrint(ChildID?), visitPhoto(VisitID?, String), childReport(ChildID?)
    case report(ReportID?), reportStep(ReportID?), reportClose(ReportID?)
    case inbox, board, boardExport, riskSettings, alert(AlertID?), alertAcknowledge(AlertID?), alertPlan(AlertID?)
    case alertResolve(AlertID?), personUpdate(PersonID?), personReveal(PersonID?)
    case childrenExport, womenExport, householdsExport, intakeNew, intakeTemplate, intake(IntakeUploadID?)
    case intakeCommit(IntakeUploadID?), intakeRejected(IntakeUploadID?)
    case women, womanNew, womenPrint, woman(WomanID?), womanEdit(WomanID?), households, householdsPrint, household(HouseholdID?)
    case volunteers, volunteerNew, volunteer(VolunteerID?), volunteerScreen(VolunteerID?), volunteerAccount(VolunteerID?)
    case volunteerPrint(VolunteerID?)
    case pairs, pair(PairID?), pairAct(PairID?, String), pairContact(PairID?), pairCheckin(PairID?), pairing, pairingApprove
    case desk, deskContact(PairID?), deskConcern(PairID?)
    case staticCSS, staticJS
    case campaigns, campaign(CampaignID?), campaignVolunteers(CampaignID?)
    case stations, stationNew, station(StationID?), stationEdit(StationID?)
    case stationRoster(StationID?), stationEnrol(StationID?), stationEnrolmentEnd(StationID?, UUID?), stationActivityNew(StationID?)
    case stationCalendar, stationCoverage, stationSiting, siteNew, stationRules
    case stationsExport, stationEnrolmentsExport(StationID?)
    case neighbourGroups, neighbourGroupNew, neighbourSuggestions, neighbourGroup(NeighbourGroupID?), neighbourGroupEdit(NeighbourGroupID?)
    case neighbourActivity(NeighbourGroupID?), neighbourConcern(NeighbourGroupID?)
    case donors, donorNew, donor(DonorID?), donations, donationNew, donation(DonationID?), donationAllocate(DonationID?)
    case donationSummary, donationsExport, donationAllocation(DonationID?, UUID?)
    case events, eventNew, event(ChildrenEventID?), eventEdit(ChildrenEventID?), eventCancel(ChildrenEventID?)
    case neighbourGroupsExport
    case courses, courseNew, course(CourseID?), courseEdit(CourseID?), courseEnrol(CourseID?), courseAttendance(CourseID?)
    case coursesExport, courseEnrolmentsExport(CourseID?)
    case trainingComplete(TrainingEnrolmentID?), trainingFollowup(TrainingEnrolmentID?)
    /// Job fairs (issue 18); their other pages' paths are `FairURL`'s.
    case jobFairs
    /// Loans (issue 18); their other pages' paths are `LoanURL`'s.
    case loans
    /// Rights cases (issue 19); their other pages' paths are `RightsURL`'s.
    case rights
    case health

    /// A record's history page, named by its typed id.
    static func history<R: AuditedKind>(of id: RecordID<R>) -> SiteURL { .history(R.auditSubject.rawValue, id.description) }

    public var path: String {
        switch self {
        case .home: return "/"
        case .login: return "/login"
        case .logout: return "/logout"
        case .changePassword: return "/password"
        case .resumeForm: return "/resume"
        case .lang(let l): return "/lang/\(l)"
        case .units: return "/units"
        case .unit(let c): return "/units/\(c)"
        case .unitAddChild(let c): return "/units/\(c)/add"
        case .unitRename(let c): return "/units/\(c)/rename"
        case .unitMerge(let c): return "/units/\(c)/merge"
        case .unitRetire(let c): return "/units/\(c)/retire"
        case .unitPoint(let c): return "/units/\(c)/point"
        case .unitExport: return "/units.csv"
        case .accounts: return "/accounts"
        case .accountNew: return "/accounts/new"
        case .account(let id): return "/accounts/\(Self.seg(id))"
        case .accountDisable(let id): return "/accounts/\(Self.seg(id))/disable"
        case .accountEnable(let id): return "/accounts/\(Self.seg(id))/enable"
        case .accountReset(let id): return "/accounts/\(Self.seg(id))/reset-password"
        case .accountHandover(let id): return "/accounts/\(Self.seg(id))/handover"
        case .accountRevealPhone(let id): return "/accounts/\(Self.seg(id))/reveal-phone"
        case .accountsExport: return "/accounts.csv"
        case .children: return "/children"
        case .childNew: return "/children/new"
        case .childrenPrint: return "/children/print"
        case .child(let id): return "/children/\(Self.seg(id))"
        case .childVoid(let id): return "/children/\(Self.seg(id))/void"
        case .childVisit(let id): return "/children/\(Self.seg(id))/visit"
        case .childVisitsPrint(let id): return "/children/\(Self.seg(id))/visits/print"
        case .visitPhoto(let id, let n): return "/visits/\(Self.seg(id))/photos/\(n)"
        case .inbox: return "/inbox"
        case .board: return "/board"
        case .riskSettings: return "/settings/risk"
        case .childReport(let id): return "/children/\(Self.seg(id))/report"
        case .report(let id): return "/reports/\(Self.seg(id))"
        case .reportStep(let id): return "/reports/\(Self.seg(id))/steps"
        case .reportClose(let id): return "/reports/\(Self.seg(id))/close"
        case .alert(let id): return "/alerts/\(Self.seg(id))"
        case .alertAcknowledge(let id): return "/alerts/\(Self.seg(id))/acknowledge"
        case .alertPlan(let id): return "/alerts/\(Self.seg(id))/plan"
        case .alertResolve(let id): return "/alerts/\(Self.seg(id))/resolve"
        case .childMerge(let id): return "/children/\(Self.seg(id))/merge"
        case .childUpdate(let id): return "/children/\(Self.seg(id))/update"
        case .childEdit(let id): return "/children/\(Self.seg(id))/edit"
        case .personUpdate(let id): return "/people/\(Self.seg(id))/update"
        case .personReveal(let id): return "/people/\(Self.seg(id))/reveal"
        case .boardExport: return "/board/export"
        case .childrenExport: return "/children/export"
        case .womenExport: return "/women/export"
        case .householdsExport: return "/households/export"
        case .intakeNew: return "/imports/new"
        case .intakeTemplate: return "/imports/template"
        case .intake(let id): return "/imports/\(Self.seg(id))"
        case .intakeCommit(let id): return "/imports/\(Self.seg(id))/commit"
        case .intakeRejected(let id): return "/imports/\(Self.seg(id))/rejected"
        case .women: return "/women"
        case .womanNew: return "/women/new"
        case .womenPrint: return "/women/print"
        case .households: return "/households"
        case .householdsPrint: return "/households/print"
        case .woman(let id): return "/women/\(Self.seg(id))"
        case .womanEdit(let id): return "/women/\(Self.seg(id))/edit"
        case .household(let id): return "/households/\(Self.seg(id))"
        case .audit: return "/audit"
        case .history(let type, let id): return "/history/\(type)/\(id)"
        case .volunteers: return "/volunteers"
        case .volunteerNew: return "/volunteers/new"
        case .volunteer(let id): return "/volunteers/\(Self.seg(id))"
        case .volunteerScreen(let id): return "/volunteers/\(Self.seg(id))/screening"
        case .volunteerAccount(let id): return "/volunteers/\(Self.seg(id))/account"
        case .volunteerPrint(let id): return "/volunteers/\(Self.seg(id))/print"
        case .pairs: return "/pairs"
        case .pair(let id): return "/pairs/\(Self.seg(id))"
        case .pairAct(let id, let action): return "/pairs/\(Self.seg(id))/\(action)"
        case .pairContact(let id): return "/pairs/\(Self.seg(id))/contacts"
        case .pairCheckin(let id): return "/pairs/\(Self.seg(id))/checkins"
        case .pairing: return "/pairing"
        case .pairingApprove: return "/pairing/approve"
        case .desk: return "/my"
        case .deskContact(let id): return "/my/pairs/\(Self.seg(id))/contacts"
        case .deskConcern(let id): return "/my/pairs/\(Self.seg(id))/concern"
        case .staticCSS: return "/static/app.css"
        case .staticJS: return "/static/app.js"
        case .campaigns: return "/campaigns"
        case .campaign(let id): return "/campaigns/\(Self.seg(id))"
        case .campaignVolunteers(let id): return "/campaigns/\(Self.seg(id))/volunteers"
        case .stations: return "/stations"
        case .stationNew: return "/stations/new"
        case .station(let id): return "/stations/\(Self.seg(id))"
        case .stationEdit(let id): return "/stations/\(Self.seg(id))/edit"
        case .stationRoster(let id): return "/stations/\(Self.seg(id))/roster"
        case .stationEnrol(let id): return "/stations/\(Self.seg(id))/enrol"
        case .stationEnrolmentEnd(let id, let e): return "/stations/\(Self.seg(id))/enrolments/\(e?.uuidString ?? ":eid")/end"
        case .stationActivityNew(let id): return "/stations/\(Self.seg(id))/activities/new"
        case .stationCalendar: return "/stations/calendar"
        case .stationCoverage: return "/stations/coverage"
        case .stationSiting: return "/stations/siting"
        case .siteNew: return "/stations/sites/new"
        case .stationRules: return "/stations/rules"
        case .stationsExport: return "/stations/export"
        case .stationEnrolmentsExport(let id): return "/stations/\(Self.seg(id))/enrolments/export"
        case .neighbourGroups: return "/neighbour-groups"
        case .neighbourGroupNew: return "/neighbour-groups/new"
        case .neighbourSuggestions: return "/neighbour-groups/suggestions"
        case .neighbourGroup(let id): return "/neighbour-groups/\(Self.seg(id))"
        case .neighbourGroupEdit(let id): return "/neighbour-groups/\(Self.seg(id))/edit"
        case .neighbourActivity(let id): return "/neighbour-groups/\(Self.seg(id))/activities"
        case .neighbourConcern(let id): return "/neighbour-groups/\(Self.seg(id))/concerns"
        case .donors: return "/donors"
        case .donorNew: return "/donors/new"
        case .donor(let id): return "/donors/\(Self.seg(id))"
        case .donations: return "/donations"
        case .donationNew: return "/donations/new"
        case .donation(let id): return "/donations/\(Self.seg(id))"
        case .donationAllocate(let id): return "/donations/\(Self.seg(id))/allocations"
        case .donationSummary: return "/donations/summary"
        case .events: return "/events"
        case .eventNew: return "/events/new"
        case .event(let id): return "/events/\(Self.seg(id))"
        case .eventEdit(let id): return "/events/\(Self.seg(id))/edit"
        case .eventCancel(let id): return "/events/\(Self.seg(id))/cancel"
        case .donationsExport: return "/donations/export"
        case .donationAllocation(let id, let a): return "/donations/\(Self.seg(id))/allocations/\(a?.uuidString ?? ":aid")"
        case .neighbourGroupsExport: return "/neighbour-groups/export"
        case .courses: return "/courses"
        case .courseNew: return "/courses/new"
        case .course(let id): return "/courses/\(Self.seg(id))"
        case .courseEdit(let id): return "/courses/\(Self.seg(id))/edit"
        case .courseEnrol(let id): return "/courses/\(Self.seg(id))/enrolments"
        case .courseAttendance(let id): return "/courses/\(Self.seg(id))/attendance"
        case .coursesExport: return "/courses/export"
        case .courseEnrolmentsExport(let id): return "/courses/\(Self.seg(id))/enrolments/export"
        case .trainingComplete(let id): return "/training-enrolments/\(Self.seg(id))/complete"
        case .trainingFollowup(let id): return "/training-enrolments/\(Self.seg(id))/followups"
        case .jobFairs: return "/job-fairs"
        case .loans: return "/loans"
        case .rights: return "/rights"
        case .health: return "/health"
        }
    }

    /// A record's id as the path shows it (its `uuidString`); no id stands for the route's `:id` parameter, which is
    /// how routes are registered (`SiteURL.child(nil).components`) and then read (`req.parameters.id()`).
    private static func seg<R>(_ id: RecordID<R>?) -> String { id?.description ?? ":id" }

    /// Route components for registration: placeholders such as ":code" become parameters.
    public var components: [PathComponent] {
        path.split(separator: "/").map { PathComponent(stringLiteral: String($0)) }
    }

    public func with(query: [(String, String)]) -> String { Self.link(path, query) }

    /// A path with a query encoded the way forms are decoded: "+" becomes %2B ("70+" must not arrive as "70 ").
    static func link(_ path: String, _ query: [(String, String)]) -> String {
        let items = query.filter { !$0.1.isEmpty }
        guard !items.isEmpty else { return path }
        var comps = URLComponents()
        comps.queryItems = items.map { URLQueryItem(name: $0.0, value: $0.1) }
        return path + "?" + (comps.percentEncodedQuery ?? "").replacingOccurrences(of: "+", with: "%2B")
    }
}
