import Fluent
import Vapor
import GuanaiCore
import GuanaiSheets

/// Spreadsheet exports of the three lists, and the three-step import: upload → preview and mapping → confirm.
struct IntakePagesController {
    func register(_ r: any RoutesBuilder) {
        r.get(SiteURL.childrenExport.components) { try await export($0, .children) }
        r.get(SiteURL.womenExport.components) { try await export($0, .women) }
        r.get(SiteURL.householdsExport.components) { try await export($0, .households) }
        r.get(SiteURL.intakeNew.components, use: newForm)
        r.get(SiteURL.intakeTemplate.components, use: template)
        r.postUpload(SiteURL.intakeNew.components, use: upload)
        r.get(SiteURL.intake(nil).components, use: show)
        r.post(SiteURL.intake(nil).components, use: remap)
        r.post(SiteURL.intakeCommit(nil).components, use: commit)
        r.get(SiteURL.intakeRejected(nil).components, use: rejected)
    }

    static func recordKind(_ k: IntakeKind) -> RecordKind { k.recordKind }

    static let xlsxType = HTTPMediaType(type: "application", subType: "vnd.openxmlformats-officedocument.spreadsheetml.sheet")

    /// A file download whose name may be Chinese (RFC 6266 `filename*`), with an ASCII fallback.
    static func download(_ data: Data, name: String, ascii: String, xlsx: Bool) -> Response {
        let res = Response(status: .ok, body: .init(data: data))
        res.headers.contentType = xlsx ? xlsxType : HTTPMediaType(type: "text", subType: "csv", parameters: ["charset": "utf-8"])
        let encoded = name.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: "-._"))) ?? ascii
        res.headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"\(ascii)\"; filename*=UTF-8''\(encoded)")
        res.headers.replaceOrAdd(name: .cacheControl, value: "private, no-store")
        return res
    }

    // MARK: export

    func export(_ req: Request, _ kind: IntakeKind) async throws -> Response {
        let actor = try req.actor
        let full = req.query[String.self, at: "full"] == "1"
        guard Policy.mayExport(actor.role, Self.recordKind(kind), full: full) else { throw Abort(.forbidden) }
        let format = LedgerExport.Format(rawValue: req.query[String.self, at: "format"] ?? "") ?? .xlsx
        let scoped = try req.scoped
        let today = RegistryService.today(req.now)
        let options = LedgerExport.Options(full: full, lang: .zh, today: today)
        let producer: LedgerExport.Producer
        let unitParam: String
        var filters: [(String, String)]
        switch kind {
        case .children:
            let f = RegistryAPIController.filter(req)
            producer = LedgerExport.children(f, scoped: scoped, options: options); unitParam = f.unit;
            filters = RegistryViews.filterQuery(f)
        case .women:
            let f = WomanFilter(req)
            producer = LedgerExport.women(f, scoped: scoped, options: options); unitParam = f.unit; filters = f.query
        case .households:
            let f = HouseholdFilter(req)
            producer = LedgerExport.households(f, scoped: scoped, options: options); unitParam = f.unit; filters = f.query
        case .volunteers, .stations, .enrolments, .neighbourGroups, .sites, .trainingEnrolments, .fairAttendees, .loans, .repayments,
            .screeningResults, .teamMembers:
            // Volunteers are read in only; the stations' and groups' lists are exported from their own pages.
            throw Abort(.notFound)
        }
        let scopeCode = scoped.narrowed(unitParam).root?.value ?? actor.unitCode
        let scopeName = try await scoped.unitNames([scopeCode])[scopeCode] ?? actor.unitName
        // Headers are Chinese whatever the page language: they are what the next level's 台账 and our import expect.
        let title = UILanguage.zh.t("intake.exportTitle", scopeName + UILanguage.zh.t("intake.title." + kind.rawValue), today.iso)
        let tmp = req.workDir.file(.export, format.rawValue)
        defer { try? FileManager.default.removeItem(at: tmp) }
        let n = try await LedgerExport.write(format, to: tmp, title: title, columns: LedgerExport.columns(kind, .zh), rows: producer)
        filters += [("rows", String(n)), ("format", format.rawValue), ("full", String(full))]
        try await req.audit(
            AuditEvent(
                full ? AuditAction.reveal : AuditAction.export, kind.recordType, "list", unit: scopeCode,
                detail: Dictionary(filters, uniquingKeysWith: { a, _ in a })))
        let data = try Data(contentsOf: tmp)
        return Self.download(
            data, name: scopeName + UILanguage.zh.t("intake.title." + kind.rawValue) + "-\(today.iso).\(format.rawValue)",
            ascii: "\(kind.rawValue)-\(today.iso).\(format.rawValue)", xlsx: format == .xlsx)
    }

    // MARK: import

    func requireImport(_ req: Request) throws -> Signer {
        let actor = try req.actor
        try req.require(.import)
        guard Policy.importsAny(actor.role) else { throw Abort(.forbidden) }
        return actor
    }

    /// `GET /imports/template?kind=children|women|households`: headers, one made-up example row, 表格说明.
    func template(req: Request) async throws -> Response {
        _ = try requireImport(req)
        guard let kind = IntakeKind(rawValue: req.query[String.self, at: "kind"] ?? IntakeKind.children.rawValue),
            IntakeTemplate.kinds.contains(kind)
        else { throw Abort(.notFound) }
        let url = req.workDir.file(.template, "xlsx")
        defer { try? FileManager.default.removeItem(at: url) }
        try IntakeTemplate.write(kind, to: url, today: RegistryService.today(req.now))
        let name = req.lang.t("intake.kind." + kind.rawValue) + req.lang.t("intake.template.fileName") + ".xlsx"
        return Self.download(try Data(contentsOf: url), name: name, ascii: "template-\(kind.rawValue).xlsx", xlsx: true)
    }

    func newForm(req: Request) async throws -> Response {
        let actor = try requireImport(req)
        let kind = req.query[String.self, at: "kind"] ?? IntakeKind.children.rawValue
        let unit = req.query[String.self, at: "unit"] ?? actor.unitCode
        return try await renderNew(req, typed: IntakeUploadForm(kind: kind, unit: unit), errors: [:], status: .ok)
    }

    func renderNew(_ req: Request, typed: IntakeUploadForm, errors: [String: String], status: HTTPStatus) async throws -> Response {
        let actor = try req.actor
        let scoped = try req.scoped
        let units = try await AccountsController.unitOptions(scoped).filter {
            DivisionCode($0.0).map { $0.level == .village || $0.level == .township || $0.level == .county } ?? false
        }
        let recent = try await IntakeUpload.recent(by: actor.userID, limit: 10, on: req.db)
        return IntakeViews.newForm(req, typed: typed, errors: errors, units: units, recent: recent, status: status)
    }

    func upload(req: Request) async throws -> Response {
        let actor = try requireImport(req)
        typealias K = IntakeUploadForm.CodingKeys
        let f = try await req.form(IntakeUploadForm.self)
        let files = try await req.uploadedFiles().filter { $0.field == K.file.rawValue && $0.size > 0 }
        var errors: [String: String] = [:]
        let kind = IntakeKind(rawValue: f.kind ?? "")
        if kind.map({ !Policy.mayImport(actor.role, $0) }) ?? true { errors[K.kind.rawValue] = req.t("field.error.choice") }
        let unitCode = f.unit ?? ""
        let unit = try await req.scoped.unit(unitCode)
        if unit == nil || unit?.isActive != true { errors[K.unit.rawValue] = req.t("field.error.choice") }
        if files.isEmpty { errors[K.file.rawValue] = req.t("intake.error.noFile") }
        if !errors.isEmpty {
            return try await renderNew(req, typed: f, errors: errors, status: .unprocessableEntity)
        }
        // Refused at once if the file is not a sheet or declares more than the limits allow (a bomb with an honest
        // header); what a part really expands to is checked while the preview streams it.
        // The route streams its body: the file is already in the work folder, removed when the request ends.
        let check: URL
        switch files[0].content {
        case .file(let url): check = url
        case .memory(let buf):
            check = req.workDir.file(.upload)
            try Data(buffer: buf).write(to: check)
        }
        defer { if case .memory = files[0].content { try? FileManager.default.removeItem(at: check) } }
        do {
            _ = try SheetReader.open(
                check,
                options: ImportRun.readOptions(limits: Self.limits(req), deadline: Date().addingTimeInterval(10), stopped: StopFlag()))
        } catch let e as SheetError {
            let fe = ImportRun.fileError(e)
            return try await renderNew(
                req, typed: f, errors: [IntakeUploadForm.CodingKeys.file.rawValue: req.lang.t(fe.key, fe.args.first ?? "")],
                status: .unprocessableEntity)
        }
        let u = IntakeUpload()
        u.id = TimeOrderedID.next()
        u.userID = actor.userID.uuid
        u.kind = kind!
        u.unitCode = unit!.code
        u.fileName = files[0].filename.isEmpty ? "upload" : files[0].filename
        let sheet = (f.sheet ?? "").trimmingCharacters(in: .whitespaces)
        u.sheet = sheet.isEmpty ? nil : sheet
        u.overrides = "{}"
        u.status = .uploaded
        u.createdAt = req.now
        // One copy of the file, for the blob; the check above read it from disk.
        try await IntakeUpload.store(u, file: WorkDir.read(check), on: req.db)
        return req.redirect(to: SiteURL.intake(u.recordID).path)
    }

    func load(_ req: Request) async throws -> IntakeUpload {
        let actor = try requireImport(req)
        guard let u = try await IntakeUpload.withoutFile(try req.parameters.id(), on: req.db),
            u.userID == actor.userID.uuid, Policy.mayImport(actor.role, u.kind)
        else { throw Abort(.notFound) }
        return u
    }

    /// Runs the file as it would be imported (the commit: the rows are kept, and the rejected file).
    func run(_ req: Request, _ u: IntakeUpload, dryRun: Bool, rejectedOut: URL? = nil) async throws -> ImportResult {
        let tmp = req.workDir.file(.import)
        defer { try? FileManager.default.removeItem(at: tmp) }
        // Read only here, and held only while it is written out (not for the whole run): `load` leaves it in the database.
        do {
            guard let bytes = try await IntakeUpload.file(of: u.recordID, on: req.db) else { throw Abort(.gone) }
            try WorkDir.write(bytes, to: tmp)
        }
        var r = try await importRun(req, u, file: tmp)
        r.dryRun = dryRun
        r.rejectedOut = rejectedOut
        return try await r.run()
    }

    /// The run of `u` as this request's account would do it; `file` is where the upload's bytes are (or will be).
    func importRun(_ req: Request, _ u: IntakeUpload, file: URL) async throws -> ImportRun {
        guard let unit = try await req.scoped.unit(u.unitCode) else { throw Abort(.notFound) }
        var r = ImportRun(
            kind: u.kind, file: file, fileName: u.fileName, unit: unit, scoped: try req.scoped, actor: req.auditActor, at: req.now)
        r.sheet = u.sheet
        r.signer = try req.actor
        r.lang = req.lang
        r.overrides = u.overrideMap
        r.limits = Self.limits(req)
        // Real time, not the app's clock: it bounds work, whatever day the app thinks it is.
        r.deadline = Date().addingTimeInterval(req.application.guanai.importDeadlineSeconds)
        return r
    }

    static func limits(_ req: Request) -> SheetLimits { ImportRun.limits(req.application.guanai) }

    /// Runs `body` (a commit) holding one of this instance's import slots and the account's lease on `u` (429
    /// without a slot; the upload page with a message while another import of the account runs). The lease outlives
    /// the deadline a little, so it lapses only if the process died.
    func guarded(_ req: Request, _ u: IntakeUpload, commit: Bool, _ body: (_ token: String) async throws -> Response) async throws
        -> Response
    {
        let slots = req.application.importSlots
        guard slots.tryAcquire() else {
            return IntakeViews.unreadable(req, u, message: req.t("intake.error.busyInstance"), status: .tooManyRequests)
        }
        defer { slots.release() }
        let seconds = req.application.guanai.importDeadlineSeconds + 60
        switch try await IntakeLease.claim(
            req.db, upload: u.recordID, user: UserID(u.userID), now: req.now, seconds: seconds, commit: commit)
        {
        case .busy:
            return try await renderNew(
                req, typed: IntakeUploadForm(kind: u.kind.rawValue, unit: u.unitCode),
                errors: [IntakeUploadForm.CodingKeys.file.rawValue: req.t("intake.error.busy")], status: .conflict)
        case .claimed(let token):
            do {
                let response = try await body(token)
                try await IntakeLease.release(req.db, upload: u.recordID, token: token)
                return response
            } catch {
                try? await IntakeLease.release(req.db, upload: u.recordID, token: token, status: commit ? .uploaded : nil)
                throw error
            }
        }
    }

    /// The preview is a job this page polls (issue 15): the first open starts it in the background and answers at
    /// once with a page that reloads itself; each reload moves the heartbeat on; the run stops once reloads stop.
    /// A finished preview is kept with the upload and shown from there.
    func show(req: Request) async throws -> Response {
        let u = try await load(req)
        if u.status == .committed {
            let report = u.report.flatMap { try? JSONDecoder().decode(ImportReport.self, from: Data($0.utf8)) } ?? ImportReport()
            return IntakeViews.done(req, u, report: report)
        }
        let leaseLive = u.claimedUntil.map { $0 >= req.now } ?? false
        if u.status == .committing, leaseLive {
            return IntakeViews.unreadable(req, u, message: req.t("intake.stillCommitting"), status: .ok)
        }
        let record = u.previewRecord
        let key = PreviewRecord.key(lang: req.lang, sheet: u.sheet, overrides: u.overrides)
        switch PreviewWatch.page(stage: record?.stage, current: record?.key == key, leaseLive: leaseLive) {
        case .finished:
            guard let record, let summary = record.summary else { throw Abort(.internalServerError) }
            // `committing` here has no live lease: a commit confirmed after this preview died (item 7).
            let interrupted = record.interrupted || u.status == .committing
            return IntakeViews.preview(req, u, result: summary, notice: interrupted ? "intake.leaseExpired" : nil)
        case .failed:
            return IntakeViews.unreadable(
                req, u, message: req.lang.t(record?.message ?? "intake.error.unreadable", record?.args.first ?? ""))
        case .inProgress:
            let until = PreviewWatch.extended(from: req.now, seconds: req.application.guanai.previewHeartbeatSeconds)
            // SQLite: the run holds the only write lock; the running instance takes the poll from memory.
            let here = req.application.previewJobs.saw(u.recordID, until: until)
            if !here || req.db.sql.dialect.name != "sqlite" { try await IntakeUpload.watch(u.recordID, until: until, on: req.db) }
            return IntakeViews.checking(req, u, interrupted: record?.interrupted == true)
        case .stopped:
            try await IntakeUpload.forgetPreview(u.recordID, on: req.db)
            return IntakeViews.stopped(req, u, message: record?.message ?? "intake.preview.stopped")
        case .start:
            return try await startPreview(req, u, key: key)
        }
    }

    /// Claims the account's lease and one of this instance's slots for the preview, and starts it in the
    /// background (429 without a slot; the upload page with a message while another import of the account runs).
    func startPreview(_ req: Request, _ u: IntakeUpload, key: String) async throws -> Response {
        let slots = req.application.importSlots
        guard slots.tryAcquire() else {
            return IntakeViews.unreadable(req, u, message: req.t("intake.error.busyInstance"), status: .tooManyRequests)
        }
        var started = false
        defer { if !started { slots.release() } }
        let seconds = req.application.guanai.importDeadlineSeconds + 60
        guard
            case .claimed(let token) = try await IntakeLease.claim(
                req.db, upload: u.recordID, user: UserID(u.userID), now: req.now, seconds: seconds, commit: false)
        else {
            return try await renderNew(
                req, typed: IntakeUploadForm(kind: u.kind.rawValue, unit: u.unitCode),
                errors: [IntakeUploadForm.CodingKeys.file.rawValue: req.t("intake.error.busy")], status: .conflict)
        }
        // `committing` without a live lease: the process running the commit died; its transaction was rolled back.
        let record = PreviewRecord(stage: .running, key: key, interrupted: u.status == .committing)
        let until = PreviewWatch.extended(from: req.now, seconds: req.application.guanai.previewHeartbeatSeconds)
        do {
            try await IntakeUpload.beginPreview(u.recordID, token: token, record: record, watchedUntil: until, on: req.db)
            var run = try await importRun(req, u, file: req.workDir.file(.preview))
            run.dryRun = true
            PreviewJob(app: req.application, upload: u.recordID, token: token, record: record, run: run, slots: slots).start(
                watchedUntil: until)
            started = true
        } catch {
            try? await IntakeLease.release(req.db, upload: u.recordID, token: token)
            throw error
        }
        return IntakeViews.checking(req, u, interrupted: record.interrupted)
    }

    /// The person corrected the mapping or picked another sheet: kept with the upload, then previewed again.
    func remap(req: Request) async throws -> Response {
        let u = try await load(req)
        guard u.status == .uploaded else { return req.redirect(to: SiteURL.intake(u.recordID).path) }
        let f = try await req.form(IntakeRemapForm.self)
        var map: [String: String] = [:]
        for (letter, v) in f.map {
            guard ColumnName.index(ofLetters: letter) != nil, v == "" || v == "auto" || u.kind.columns.contains(where: { $0.key == v })
            else { continue }
            if v != "auto" { map[letter] = v }
        }
        u.overrides = RegistryService.json(map)
        if let s = f.sheet { u.sheet = s.isEmpty ? nil : s }
        try await u.save(on: req.db)
        return req.redirect(to: SiteURL.intake(u.recordID).path)
    }

    func commit(req: Request) async throws -> Response {
        let u = try await load(req)
        if u.status == .committed { return req.redirect(to: SiteURL.intake(u.recordID).path) }
        // One commit, even if the button is pressed twice or two instances get the request: the lease is claimed
        // from `uploaded`, or from a `committing` whose lease lapsed (item 7: that commit died and wrote nothing).
        let out = req.workDir.file(.rejected, "xlsx")
        defer { try? FileManager.default.removeItem(at: out) }
        return try await guarded(req, u, commit: true) { token in
            do {
                let result = try await run(req, u, dryRun: false, rejectedOut: out)
                u.status = .committed
                u.committedAt = req.now
                u.report = RegistryService.json(result.report)
                u.rejected = result.rejectedFile.flatMap { try? Data(contentsOf: $0) }
                u.bytes = nil
                try await u.save(on: req.db)
            } catch let e as IntakeFileError {
                try await IntakeLease.release(req.db, upload: u.recordID, token: token, status: .uploaded)
                return IntakeViews.unreadable(req, u, message: req.lang.t(e.key, e.args.first ?? ""))
            }
            return req.redirect(to: SiteURL.intake(u.recordID).path)
        }
    }

    func rejected(req: Request) async throws -> Response {
        let u = try await load(req)
        guard let data = u.rejected else { throw Abort(.notFound) }
        let base = (u.fileName as NSString).deletingPathExtension
        return Self.download(data, name: base + req.t("intake.rejectedSuffix") + ".xlsx", ascii: "rejected.xlsx", xlsx: true)
    }
}
