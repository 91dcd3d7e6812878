import Fluent
import FluentSQLiteDriver
import FluentPostgresDriver
import Vapor
import GuanaiCore

public enum GuanaiApp {
    /// Everything a running app needs: database, migrations, the county's divisions, middleware and routes.
    public static func configure(_ app: Application, _ config: GuanaiConfig, migrate: Bool = true) async throws {
        app.guanai = config
        let work = try WorkDir.prepare(root: config.workDir ?? WorkDir.defaultRoot(for: config.database))
        app.storage[WorkDirKey.self] = work
        app.lifecycle.use(WorkDirCleanup())
        app.storage[ImportSlotsKey.self] = ImportSlots(capacity: config.importsPerInstance)
        try useDatabase(app, config.database)
        // After the database: lifecycle handlers shut down in reverse, so running previews stop before it closes.
        app.storage[PreviewJobsKey.self] = PreviewJobs()
        app.lifecycle.use(PreviewJobsShutdown())
        app.migrations.add(Migrations.all)
        app.passwords.use(.bcrypt(cost: config.bcryptCost))
        app.dummyPasswordHash = try Bcrypt.hash(Tokens.random(), cost: config.bcryptCost)
        app.routes.defaultMaxBodySize = config.maxBodySize
        app.middleware = Middlewares()
        app.middleware.use(SecurityHeadersMiddleware())
        app.middleware.use(GuanaiErrorMiddleware())
        app.middleware.use(URLLengthMiddleware())
        app.middleware.use(PreviewPollMiddleware())
        if migrate {
            try await app.autoMigrate()
            _ = try await UnitService.ensureLoaded(county: config.county, on: app.db, at: config.clock.now())
            try await DatabaseStatistics.refresh(app.db)
        }
        try routes(app)
        app.lifecycle.use(SweepScheduler(minutes: config.sweepMinutes))
    }

    static func useDatabase(_ app: Application, _ target: DatabaseTarget) throws {
        // Previews run in the background for minutes inside one transaction: they get a pool of their own
        // (`.intake`, the same database), so a run never holds the connection that the requests of its event loop
        // (its page's polls among them) wait for.
        switch target {
        case .sqliteFile(let path):
            app.databases.use(.immediateSQLite(.file(path)), as: .sqlite)
            app.databases.use(.immediateSQLite(.file(path)), as: .intake, isDefault: false)
        case .sqliteMemory:
            let memory = SQLiteConfiguration(storage: .memory(identifier: UUID().uuidString))
            app.databases.use(.immediateSQLite(memory), as: .sqlite)
            app.databases.use(.immediateSQLite(memory), as: .intake, isDefault: false)
        case .postgres(let url, let searchPath):
            var cfg = try SQLPostgresConfiguration(url: url)
            if let s = searchPath { cfg.searchPath = [s] }
            app.databases.use(.postgres(configuration: cfg), as: .psql)
            app.databases.use(.postgres(configuration: cfg), as: .intake, isDefault: false)
        }
        app.databases.middleware.use(OrderedIDsMiddleware())
        app.databases.middleware.use(ChildTallyMiddleware())
        StationCoverageMarks.register(app.databases.middleware)
    }

    static func routes(_ app: Application) throws {
        app.get("static", "app.css") { _ in
            Assets.serve(Assets.css, HTTPMediaType(type: "text", subType: "css", parameters: ["charset": "utf-8"]))
        }
        app.get("static", "app.js") { _ in
            Assets.serve(Assets.js, HTTPMediaType(type: "application", subType: "javascript", parameters: ["charset": "utf-8"]))
        }
        app.get("healthz") { _ in HTTPStatus.ok }

        let auth = AuthController()
        auth.registerPublic(app)
        let web = app.grouped(WebAuthMiddleware())
        auth.registerSignedIn(web)
        HomeController().register(web)
        UnitsController().register(web)
        AccountsController().register(web)
        AuditController().register(web)
        RegistryPagesController().register(web)
        WomenPagesController().register(web)
        SafetyPagesController().register(web)
        ReportPagesController().register(web)
        BoardPagesController().register(web)
        SettingsPagesController().register(web)
        IntakePagesController().register(web)
        PairingPagesController().register(web)
        DeskPagesController().register(web)
        CampaignPagesController().register(web)
        StationPagesController().register(web)
        JobFairPagesController().register(web)
        StationDaysPagesController().register(web)
        SitingPagesController().register(web)
        StationRulesPagesController().register(web)
        TrainingPagesController().register(web)
        TrainingExportController().register(web)
        StationExportController().register(web)
        NeighbourPagesController().register(web)
        DonationPagesController().register(web)
        DonationExportController().register(web)
        JobFairExportController().register(web)
        NeighbourExportController().register(web)
        ChildrenEventPagesController().register(web)
        LoanPagesController().register(web)
        LoanExportController().register(web)
        RightsPagesController().register(web)
        HealthPagesController().register(web)
        HealthCampaignPagesController().register(web)
        HealthTeamPagesController().register(web)

        let api = app.grouped("api", "v1")
        let apiController = APIController()
        apiController.registerPublic(api)
        let signedInAPI = api.grouped(APIAuthMiddleware())
        apiController.registerSignedIn(signedInAPI)
        RegistryAPIController().register(signedInAPI)
        WomenAPIController().register(signedInAPI)
        SafetyAPIController().register(signedInAPI)
        ReportAPIController().register(signedInAPI)
        PairingAPIController().register(signedInAPI)
        DeskAPIController().register(signedInAPI)
        CampaignAPIController().register(signedInAPI)
        StationAPIController().register(signedInAPI)
        StationDaysAPIController().register(signedInAPI)
        StationCoverageController().register(api: signedInAPI, web: web)
        SitingAPIController().register(signedInAPI)
        LoansAPIController().register(signedInAPI)
        RightsAPIController().register(signedInAPI)
        HealthAPIController().register(signedInAPI)
        HealthCampaignAPIController().register(signedInAPI)
        HealthTeamAPIController().register(signedInAPI)
        TrainingAPIController().register(signedInAPI)
        JobFairAPIController().register(signedInAPI)
        NeighbourGroupAPIController().register(signedInAPI)
        DonationAPIController().register(signedInAPI)
        ChildrenEventAPIController().register(signedInAPI)
        PersonEmploymentAPIController().register(signedInAPI)
    }
}
