import Vapor

/// Every page path, used by routes (with ":param" placeholders) and by views (with real values),
/// so a link and its route cannot drift apart.
public enum SiteURL: Sendable {
    case home
    case login, logout, changePassword, resumeForm
    case lang(String)
    case units, unit(String), unitAddChild(String), unitRename(String), unitMerge(String), unitRetire(String), unitExport
    case accounts, accountNew, account(String), accountDisable(String), accountEnable(String), accountReset(String)
    case accountHandover(String), accountRevealPhone(String), accountsExport
    case audit, history(String, String)
    case children, childNew, childrenPrint, child(String), childUpdate(String), childEdit(String), childVoid(String), childMerge(String),
        childVisit(String), childVisitsPrint(String), visitPhoto(String, String), childReport(String), report(String), reportStep(String),
        reportClose(String), inbox, board, boardExport, riskSettings, alert(String), alertAcknowledge(String), alertPlan(String),
        alertResolve(String), personUpdate(String), personReveal(String)
    case childrenExport, womenExport, householdsExport, intakeNew, intakeTemplate, intake(String), intakeCommit(String), intakeRejected(
        String)
    case women, womanNew, womenPrint, woman(String), womanEdit(String), households, householdsPrint, household(String)
    case volunteers, volunteerNew, volunteer(String), volunteerScreen(String), volunteerAccount(String), volunteerPrint(String)
    case pairs, pair(String), pairAct(String, String), pairContact(String), pairCheckin(String), pairing, pairingApprove
    case desk, deskContact(String), deskConcern(String)
    case staticCSS, staticJS
    case campaigns, campaign(String), campaignVolunteers(String)

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
        case .unitExport: return "/units.csv"
        case .accounts: return "/accounts"
        case .accountNew: return "/accounts/new"
        case .account(let id): return "/accounts/\(id)"
        case .accountDisable(let id): return "/accounts/\(id)/disable"
        case .accountEnable(let id): return "/accounts/\(id)/enable"
        case .accountReset(let id): return "/accounts/\(id)/reset-password"
        case .accountHandover(let id): return "/accounts/\(id)/handover"
        case .accountRevealPhone(let id): return "/accounts/\(id)/reveal-phone"
        case .accountsExport: return "/accounts.csv"
        case .children: return "/children"
        case .childNew: return "/children/new"
        case .childrenPrint: return "/children/print"
        case .child(let id): return "/children/\(id)"
        case .childVoid(let id): return "/children/\(id)/void"
        case .childVisit(let id): return "/children/\(id)/visit"
        case .childVisitsPrint(let id): return "/children/\(id)/visits/print"
        case .visitPhoto(let id, let n): return "/visits/\(id)/photos/\(n)"
        case .inbox: return "/inbox"
        case .board: return "/board"
        case .riskSettings: return "/settings/risk"
        case .childReport(let id): return "/children/\(id)/report"
        case .report(let id): return "/reports/\(id)"
        case .reportStep(let id): return "/reports/\(id)/steps"
        case .reportClose(let id): return "/reports/\(id)/close"
        case .alert(let id): return "/alerts/\(id)"
        case .alertAcknowledge(let id): return "/alerts/\(id)/acknowledge"
        case .alertPlan(let id): return "/alerts/\(id)/plan"
        case .alertResolve(let id): return "/alerts/\(id)/resolve"
        case .childMerge(let id): return "/children/\(id)/merge"
        case .childUpdate(let id): return "/children/\(id)/update"
        case .childEdit(let id): return "/children/\(id)/edit"
        case .personUpdate(let id): return "/people/\(id)/update"
        case .personReveal(let id): return "/people/\(id)/reveal"
        case .boardExport: return "/board/export"
        case .childrenExport: return "/children/export"
        case .womenExport: return "/women/export"
        case .householdsExport: return "/households/export"
        case .intakeNew: return "/imports/new"
        case .intakeTemplate: return "/imports/template"
        case .intake(let id): return "/imports/\(id)"
        case .intakeCommit(let id): return "/imports/\(id)/commit"
        case .intakeRejected(let id): return "/imports/\(id)/rejected"
        case .women: return "/women"
        case .womanNew: return "/women/new"
        case .womenPrint: return "/women/print"
        case .households: return "/households"
        case .householdsPrint: return "/households/print"
        case .woman(let id): return "/women/\(id)"
        case .womanEdit(let id): return "/women/\(id)/edit"
        case .household(let id): return "/households/\(id)"
        case .audit: return "/audit"
        case .history(let type, let id): return "/history/\(type)/\(id)"
        case .volunteers: return "/volunteers"
        case .volunteerNew: return "/volunteers/new"
        case .volunteer(let id): return "/volunteers/\(id)"
        case .volunteerScreen(let id): return "/volunteers/\(id)/screening"
        case .volunteerAccount(let id): return "/volunteers/\(id)/account"
        case .volunteerPrint(let id): return "/volunteers/\(id)/print"
        case .pairs: return "/pairs"
        case .pair(let id): return "/pairs/\(id)"
        case .pairAct(let id, let action): return "/pairs/\(id)/\(action)"
        case .pairContact(let id): return "/pairs/\(id)/contacts"
        case .pairCheckin(let id): return "/pairs/\(id)/checkins"
        case .pairing: return "/pairing"
        case .pairingApprove: return "/pairing/approve"
        case .desk: return "/my"
        case .deskContact(let id): return "/my/pairs/\(id)/contacts"
        case .deskConcern(let id): return "/my/pairs/\(id)/concern"
        case .staticCSS: return "/static/app.css"
        case .staticJS: return "/static/app.js"
        case .campaigns: return "/campaigns"
        case .campaign(let id): return "/campaigns/\(id)"
        case .campaignVolunteers(let id): return "/campaigns/\(id)/volunteers"
        }
    }

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
