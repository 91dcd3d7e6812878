/// Account roles. The tokens are what the API, the CLI and the database use.
public enum Role: String, Sendable, Codable, CaseIterable {
    case cityAdmin = "city_admin"  // 市妇联管理员
    case townshipStaff = "township_staff"  // 乡镇妇联/督导员
    case villageWorker = "village_worker"  // 村妇联主席/儿童主任
    case volunteer  // 爱心妈妈
    case partnerHealth = "partner_health"  // 卫健部门
    case partnerHR = "partner_hr"  // 人社部门
    case partnerJustice = "partner_justice"  // 司法部门
    case inspector  // 只读督查

    /// The lowest level an account of this role may belong to; a city admin sits at the county-level city.
    public var allowedLevels: Set<DivisionLevel> {
        switch self {
        case .cityAdmin, .partnerHealth, .partnerHR, .partnerJustice: return [.county]
        case .townshipStaff: return [.township]
        case .villageWorker, .volunteer: return [.village]
        case .inspector: return [.county, .township]
        }
    }

    /// Roles this role may create and manage, within its jurisdiction.
    public var manageableRoles: Set<Role> {
        switch self {
        case .cityAdmin: return Set(Role.allCases)
        case .townshipStaff: return [.townshipStaff, .villageWorker, .volunteer]
        default: return []
        }
    }
}

/// Things an account may do beyond reading. Each cell of the table in docs/roles.md is one `Policy.allows` answer.
public enum Action: String, Sendable, Codable, CaseIterable {
    case revealID = "reveal_id"  // 查看完整身份证号/电话
    case export  // 导出
    case `import`  // 导入
    case fileReport = "file_report"  // 强制报告
    case approve  // 审批（结对等）
    case editRules = "edit_rules"  // 修改规则参数
    case manageAccounts = "manage_accounts"  // 账号管理
    case manageUnits = "manage_units"  // 区划维护（增、改名、合并、撤销）
    /// Opening a confidential rights case one is not assigned to, for a stated reason, for a few hours (issue 19).
    case breakGlass = "break_glass"  // 临时查阅保密案件
}

/// Kinds of record, for "what may this role read at all".
public enum RecordKind: String, Sendable, Codable, CaseIterable {
    case unit, account, audit
    case household, child, woman
    case visit, alert, report
    case volunteer, pair, contact
    case health, employment, rights
    /// Service stations (留守儿童服务站), neighbour groups (邻里互助组) and donations to them (issue 17).
    case station, group, donation
    /// 两癌 screening results, pathway steps and follow-ups (issue 20): the health department's and the health officers'
    /// alone. `health` holds the campaigns, due lists, teams and counts every staff role reads.
    case healthResult = "health_result"
}

public enum Policy {
    public static func allows(_ role: Role, _ action: Action) -> Bool {
        switch (role, action) {
        case (.cityAdmin, _): return true
        case (.townshipStaff, .editRules), (.townshipStaff, .manageUnits): return false
        case (.townshipStaff, _): return true
        case (.villageWorker, .revealID), (.villageWorker, .export), (.villageWorker, .import), (.villageWorker, .fileReport): return true
        case (.villageWorker, _): return false
        // A volunteer's report is a concern about her own paired child; it enters the safety net as a report.
        case (.volunteer, .fileReport): return true
        case (.volunteer, _): return false
        // Partners work on their own module's records: they need full IDs (e.g. screening), lists, and bulk results.
        case (.partnerHealth, .revealID), (.partnerHealth, .export), (.partnerHealth, .import), (.partnerHealth, .fileReport),
            (.partnerHR, .revealID), (.partnerHR, .export), (.partnerHR, .import), (.partnerHR, .fileReport),
            (.partnerJustice, .revealID), (.partnerJustice, .export), (.partnerJustice, .import), (.partnerJustice, .fileReport),
            (.partnerJustice, .breakGlass):
            return true
        case (.partnerHealth, _), (.partnerHR, _), (.partnerJustice, _): return false
        // Read-only inspection: may take masked lists away, nothing else.
        case (.inspector, .export): return true
        case (.inspector, _): return false
        }
    }

    /// Record kinds a role may read at all (then narrowed to its jurisdiction, and for volunteers to her own pairs).
    public static func readable(_ role: Role) -> Set<RecordKind> {
        switch role {
        case .cityAdmin, .townshipStaff: return Set(RecordKind.allCases).subtracting([.healthResult])
        case .villageWorker: return Set(RecordKind.allCases).subtracting([.account, .audit, .healthResult])
        case .volunteer: return [.unit, .child, .pair, .contact]
        case .partnerHealth: return [.unit, .woman, .health, .healthResult]
        case .partnerHR: return [.unit, .woman, .employment]
        case .partnerJustice: return [.unit, .woman, .rights]
        case .inspector: return Set(RecordKind.allCases).subtracting([.healthResult])
        }
    }

    /// What one account reads: its role's kinds, and screening results for a `health_officer` (on a role that may
    /// hold the duty). No other duty opens a kind: a rights officer reads rights cases as her role already does.
    public static func readable(_ role: Role, duties: [Duty]) -> Set<RecordKind> {
        HealthAccess.isOfficer(role, duties: duties) ? readable(role).union([.healthResult]) : readable(role)
    }

    public static func canRead(_ role: Role, _ kind: RecordKind) -> Bool { readable(role).contains(kind) }

    public static func canRead(_ role: Role, duties: [Duty], _ kind: RecordKind) -> Bool { readable(role, duties: duties).contains(kind) }

    /// Who registers and changes records at all: staff who read children, not a volunteer, not the inspector.
    public static func edits(_ role: Role) -> Bool { canRead(role, .child) && role != .volunteer && role != .inspector }

    /// Registering or changing a record of `kind`: stations and neighbour groups are the village's work as much as the
    /// township's; a donation is money or goods handed over, so the township or the city books it (`approve`).
    public static func writes(_ role: Role, _ kind: RecordKind) -> Bool {
        switch kind {
        case .donation: return edits(role) && allows(role, .approve) && canRead(role, kind)
        default: return edits(role) && canRead(role, kind)
        }
    }

    /// Reading records of `kind` through the staff pages and API (lists, a record's page, boards, prints). A
    /// volunteer reads her own pairs through her desk only.
    public static func browses(_ role: Role, _ kind: RecordKind) -> Bool { canRead(role, kind) && role != .volunteer }

    /// The volunteer's desk (我的结对帮扶) is hers alone: staff see pairs through the staff pages.
    public static func hasDesk(_ role: Role) -> Bool { role == .volunteer }

    /// Acting on an alert or a mandatory report (acknowledge, plan, resolve, steps, close, recording a visit): the
    /// staff who edit the register. The inspector reads the same cases and acts on none.
    public static func actsOnAlerts(_ role: Role) -> Bool { edits(role) }

    /// Importing a ledger of `kind`: the import right and the editing staff's, whatever the door (page or CLI).
    public static func mayImport(_ role: Role, _ kind: RecordKind) -> Bool { allows(role, .import) && edits(role) && canRead(role, kind) }
    /// A ledger of `kind`: as above, and candidate sites are the siting's, which only those who approve may change.
    /// Issue 18's ledgers are the same acts as the API's, so the same rules: who enrols women on courses and fairs,
    /// who applies for a loan, who books a repayment (the labour department, which holds the bank's statements,
    /// though it registers no child).
    public static func mayImport(_ role: Role, _ kind: IntakeKind) -> Bool {
        switch kind {
        case .trainingEnrolments: return allows(role, .import) && TrainingAccess.writes(role)
        case .fairAttendees: return allows(role, .import) && worksOnEmployment(role)
        case .loans: return allows(role, .import) && canRead(role, .employment) && LoanAccess.mayApply(role)
        case .repayments: return allows(role, .import) && canRead(role, .employment) && LoanAccess.mayRecordRepayment(role)
        // Issue 20: a site's result sheet is the health department's to enter, as each result is; teams are the staff's.
        case .screeningResults: return allows(role, .import) && HealthAccess.mayRecordResults(role)
        case .teamMembers: return allows(role, .import) && HealthAccess.mayManageTeams(role)
        default: return mayImport(role, kind.recordKind) && (kind != .sites || allows(role, .approve))
        }
    }

    /// Whether the import pages open at all: some ledger this role may read in.
    public static func importsAny(_ role: Role) -> Bool { IntakeKind.allCases.contains { mayImport(role, $0) } }

    /// Exporting a list of `kind` (with full ID numbers when `full`): the record kind must be readable, a volunteer
    /// never takes lists, and full numbers need `reveal_id`.
    public static func mayExport(_ role: Role, _ kind: RecordKind, full: Bool) -> Bool {
        allows(role, .export) && canRead(role, kind) && role != .volunteer && (!full || allows(role, .revealID))
    }

    /// A record's history (who changed what, who viewed it) tells as much as the record, and more: it goes through
    /// the record's own rule. A volunteer's desk shows her own pairs and nothing of any trail.
    /// Screening results are the exception: reading the whole trail does not open their histories.
    public static func mayReadHistory(_ role: Role, duties: [Duty] = [], of kind: RecordKind) -> Bool {
        guard kind != .healthResult else { return canRead(role, duties: duties, kind) }
        return role != .volunteer && (canRead(role, .audit) || canRead(role, kind))
    }

    /// The record kind whose rule guards a trail entry's record type; types the trail names that are no `RecordKind`
    /// are read under the kind they belong to, and an unknown type under the audit log's own rule.
    public static func historyKind(_ recordType: String) -> RecordKind {
        if let k = RecordKind(rawValue: recordType) { return k }
        switch recordType {
        case "person": return .child
        case "campaign", "checkin": return .pair
        case "divisions": return .unit
        // Ledgers read in (an import's entry is recorded under the ledger kind).
        case IntakeKind.stations.rawValue, IntakeKind.enrolments.rawValue, IntakeKind.sites.rawValue: return .station
        case IntakeKind.neighbourGroups.rawValue: return .group
        case IntakeKind.trainingEnrolments.rawValue, IntakeKind.fairAttendees.rawValue, IntakeKind.loans.rawValue,
            IntakeKind.repayments.rawValue:
            return .employment
        case IntakeKind.screeningResults.rawValue: return .healthResult
        case IntakeKind.teamMembers.rawValue: return .health
        default: return .audit
        }
    }
}
