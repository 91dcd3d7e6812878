import Fluent
import Vapor
import GuanaiCore
import GuanaiSheets

struct UnitsController {
    func register(_ r: any RoutesBuilder) {
        r.get(SiteURL.units.components, use: index)
        r.get(SiteURL.unitExport.components, use: export)
        r.get(SiteURL.unit(":code").components, use: show)
        r.post(SiteURL.unitAddChild(":code").components, use: addChild)
        r.post(SiteURL.unitRename(":code").components, use: rename)
        r.post(SiteURL.unitMerge(":code").components, use: merge)
        r.post(SiteURL.unitRetire(":code").components, use: retire)
        r.post(SiteURL.unitPoint(":code").components, use: setPoint)
    }

    func index(req: Request) async throws -> Response {
        try req.requireRead(.unit)
        let actor = try req.actor
        let q = req.query[String.self, at: "q"] ?? ""
        if q.isEmpty { return req.redirect(to: SiteURL.unit(actor.unitCode).path) }
        let l = req.lang
        let found = try await req.scoped.units(named: q)
        return Layout.page(req, title: l.t("units.title")) {
            h1 { l.t("units.searchResults", q) }
            Self.searchForm(l, q)
            Self.unitTable(l, found, counts: [:])
        }
    }

    static func searchForm(_ l: UILanguage, _ q: String) -> Node {
        form(.method("get"), .action(.units), .class("filters")) {
            Forms.field(l, label: "units.search", name: "q", value: q, hint: l.t("units.searchHint"))
            button(.type("submit")) { l.t("form.search") }
        }
    }

    static func unitTable(_ l: UILanguage, _ units: [Unit], counts: [String: Int]) -> Node {
        let showCounts = !counts.isEmpty
        return div(.class("table-wrap")) {
            table(.class("stack")) {
                thead {
                    tr {
                        th { l.t("units.name") }; th { l.t("units.officialName") }; th { l.t("units.kind") }; th { l.t("units.code") };
                        if showCounts { th { l.t("units.subunits") } }
                    }
                }
                tbody {
                    for u in units {
                        tr {
                            td(.data("label", l.t("units.name"))) {
                                a(.href(.unit(u.code))) { u.shortName }
                                if !u.statistical { " "; span(.class("tag warn")) { l.t("units.nonStatistical") } }
                                if !u.isActive { " "; span(.class("tag off")) { l.t("units.retired") } }
                            }
                            td(.data("label", l.t("units.officialName"))) { u.officialName }
                            td(.data("label", l.t("units.kind"))) { l.t("kind." + u.kind.rawValue) }
                            td(.data("label", l.t("units.code"))) { tag("code", []) { u.code } }
                            if showCounts { td(.data("label", l.t("units.subunits"))) { counts[u.code].map(String.init) ?? "" } }
                        }
                    }
                }
            }
        }
    }

    func show(req: Request) async throws -> Response {
        try await render(req, code: req.parameters.get("code") ?? "", errors: [:], open: nil, flash: nil, status: .ok)
    }

    func render(
        _ req: Request, code: String, errors: [String: String], open: String?, flash: String?, status: HTTPStatus,
        typed: UnitChangeForm = UnitChangeForm(), point: UnitPointPageForm? = nil
    ) async throws -> Response {
        try req.requireRead(.unit)
        let l = req.lang
        let actor = try req.actor
        let scoped = try req.scoped
        guard let unit = try await scoped.unit(code) else { throw Abort(.notFound) }
        let children = try await scoped.children(of: unit.code, includeRetired: true)
        var counts: [String: Int] = [:]
        for c in children where c.divisionLevel == .township { counts[c.code] = try await scoped.children(of: c.code).count }
        let crumbs = try await scoped.ancestry(of: unit)
        let history = try await scoped.unitHistory(unit.code)
        let codes = history.flatMap { h in
            ((try? JSONSerialization.jsonObject(with: Data(h.detail.utf8))) as? [String: Any] ?? [:]).values.map { "\($0)" }
        }
        let historyUnits = try await scoped.unitNames(codes.filter(AuditWords.isUnitCode))
        let accounts = actor.canRead(.account) ? try await scoped.users().filter(\.$unitCode == unit.code).count() : 0
        let manage = actor.can(.manageUnits) && unit.isActive && unit.divisionLevel >= .county
        let siblings =
            manage && unit.divisionLevel >= .township
            ? try await scoped.children(of: unit.parentCode ?? "").filter { $0.code != unit.code } : []
        return Layout.page(req, title: unit.shortName, status: status) {
            div(.class("crumbs")) {
                for c in crumbs { a(.href(.unit(c.code))) { c.shortName }; " › " }
                span { unit.shortName }
            }
            h1 {
                unit.shortName
                if !unit.statistical { " "; span(.class("tag warn")) { l.t("units.nonStatistical") } }
                if !unit.isActive { " "; span(.class("tag off")) { l.t("units.retired") } }
            }
            Forms.flash(flash)
            Forms.errorSummary(l, errors)
            div(.class("panel")) {
                dl(.class("kv")) {
                    dt { l.t("units.officialName") }; dd { unit.officialName }
                    dt { l.t("units.kind") }; dd { l.t("kind." + unit.kind.rawValue) }
                    dt { l.t("units.code") }; dd { tag("code", []) { unit.code } }
                    if let m = unit.mergedInto { dt { l.t("units.mergedInto") }; dd { a(.href(.unit(m))) { m } } }
                    dt { l.t("unit.point") }
                    dd {
                        if let lat = unit.latitude, let lon = unit.longitude {
                            String(lat) + ", " + String(lon)
                        } else {
                            l.t("unit.noPoint")
                        }
                    }
                    if actor.canRead(.account) {
                        dt { l.t("units.accounts") };
                        dd { a(.href(SiteURL.accounts.with(query: [("unit", unit.code)]))) { String(accounts) } }
                    }
                }
            }
            if actor.can(.approve) && unit.isActive && unit.divisionLevel >= .township {
                Self.actionForm(
                    req, l, title: "unit.setPoint", url: .unitPoint(unit.code), open: open == "point", hint: l.t("unit.pointHint")
                ) {
                    Forms.field(
                        l, label: "station.latitude", name: UnitPointPageForm.CodingKeys.latitude.rawValue,
                        value: point?.latitude ?? unit.latitude.map { String($0) } ?? "", required: true, error: errors["latitude"],
                        extra: [Attr("inputmode", "decimal")])
                    Forms.field(
                        l, label: "station.longitude", name: UnitPointPageForm.CodingKeys.longitude.rawValue,
                        value: point?.longitude ?? unit.longitude.map { String($0) } ?? "", required: true, error: errors["longitude"],
                        extra: [Attr("inputmode", "decimal")])
                }
            }
            if unit.divisionLevel <= .township && unit.divisionLevel >= .county {
                Self.searchForm(l, "")
                h2 {
                    l.t(unit.divisionLevel == .county ? "units.townships" : "units.villages") + " ("
                        + String(children.filter(\.isActive).count) + ")"
                }
                Self.unitTable(l, children, counts: counts)
                if actor.can(.export) {
                    p { a(.class("btn secondary"), .href(SiteURL.unitExport.with(query: [("unit", unit.code)]))) { l.t("units.export") } }
                }
            }
            if manage {
                h2 { l.t("units.maintain") }
                if unit.divisionLevel == .county || unit.divisionLevel == .township {
                    Self.actionForm(
                        req, l, title: "units.add", url: .unitAddChild(unit.code), open: open == "add", hint: l.t("units.addHint")
                    ) {
                        Forms.field(
                            l, label: "units.newName", name: UnitChangeForm.CodingKeys.name.rawValue,
                            value: open == "add" ? typed.name ?? "" : "", required: true,
                            error: open == "add" ? errors["name"] : nil)
                        Forms.field(
                            l, label: "units.reason", name: UnitChangeForm.CodingKeys.reason.rawValue,
                            value: open == "add" ? typed.reason ?? "" : "", required: true,
                            error: open == "add" ? errors["reason"] : nil)
                    }
                }
                if unit.divisionLevel >= .township {
                    Self.actionForm(req, l, title: "units.rename", url: .unitRename(unit.code), open: open == "rename") {
                        Forms.field(
                            l, label: "units.newName", name: UnitChangeForm.CodingKeys.name.rawValue,
                            value: open == "rename" ? typed.name ?? "" : unit.shortName,
                            required: true, error: open == "rename" ? errors["name"] : nil)
                        Forms.field(
                            l, label: "units.reason", name: UnitChangeForm.CodingKeys.reason.rawValue,
                            value: open == "rename" ? typed.reason ?? "" : "", required: true,
                            error: open == "rename" ? errors["reason"] : nil)
                    }
                    Self.actionForm(
                        req, l, title: "units.merge", url: .unitMerge(unit.code), open: open == "merge", hint: l.t("units.mergeHint")
                    ) {
                        Forms.select(
                            l, label: "units.mergeInto", name: UnitChangeForm.CodingKeys.into.rawValue,
                            options: [("", l.t("form.choose"))] + siblings.map { ($0.code, $0.shortName) }, selected: typed.into ?? "",
                            error: open == "merge" ? errors["into"] : nil, required: true)
                        Forms.field(
                            l, label: "units.reason", name: UnitChangeForm.CodingKeys.reason.rawValue,
                            value: open == "merge" ? typed.reason ?? "" : "", required: true,
                            error: open == "merge" ? errors["reason"] : nil)
                    }
                    Self.actionForm(
                        req, l, title: "units.retire", url: .unitRetire(unit.code), open: open == "retire", hint: l.t("units.retireHint")
                    ) {
                        Forms.field(
                            l, label: "units.reason", name: UnitChangeForm.CodingKeys.reason.rawValue,
                            value: open == "retire" ? typed.reason ?? "" : "", required: true,
                            error: open == "retire" ? errors["reason"] : nil)
                    }
                }
            }
            h2 { l.t("units.history") }
            if history.isEmpty {
                p(.class("muted")) { l.t("units.noHistory") }
            } else {
                div(.class("table-wrap")) {
                    table(.class("stack")) {
                        thead {
                            tr {
                                th { l.t("audit.at") }; th { l.t("units.change") }; th { l.t("units.reason") }; th { l.t("audit.user") };
                                th { l.t("audit.changes") }
                            }
                        }
                        tbody {
                            for h in history {
                                tr {
                                    td(.data("label", l.t("audit.at"))) { String(AuditWords.time(AuditLog.timestamp(h.at)).prefix(10)) }
                                    td(.data("label", l.t("units.change"))) { l.t("units.change." + h.change) }
                                    td(.data("label", l.t("units.reason"))) { h.reason }
                                    td(.data("label", l.t("audit.user"))) { h.actorName }
                                    td(.data("label", l.t("audit.changes"))) {
                                        tag("pre", [.class("changes")]) { AuditController.describe(l, h.detail, units: historyUnits) }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    static func actionForm(
        _ req: Request, _ l: UILanguage, title: String, url: SiteURL, open: Bool, hint: String? = nil, @NodeBuilder _ fields: () -> Node
    ) -> Node {
        tag("details", [.class("action"), Attr.when(open, Attr("open", nil))]) {
            summary { l.t(title) }
            if let h = hint { p(.class("hint")) { h } }
            form(.method("post"), .action(url)) {
                Forms.csrf(req)
                fields()
                button(.type("submit")) { l.t(title) }
            }
        }
    }

    func change(_ req: Request, _ which: String, _ op: (Scoped, UnitChangeForm, AuditActor, Date) async throws -> Unit) async throws
        -> Response
    {
        try req.require(.manageUnits)
        let code = req.parameters.get("code") ?? ""
        let f = try await req.form(UnitChangeForm.self)
        do {
            let u = try await op(try req.scoped, f, req.auditActor, req.now)
            return req.redirect(to: SiteURL.unit(u.code).path)
        } catch let e as UnitChangeError {
            return try await render(
                req, code: code, errors: [e.field: req.t(e.key)], open: which, flash: nil, status: .unprocessableEntity, typed: f)
        }
    }

    func addChild(req: Request) async throws -> Response {
        try await change(req, "add") { s, f, a, now in
            try await UnitService.add(
                name: f.name ?? "", under: req.parameters.get("code") ?? "", reason: f.reason ?? "", scoped: s, actor: a, at: now)
        }
    }
    func rename(req: Request) async throws -> Response {
        try await change(req, "rename") { s, f, a, now in
            try await UnitService.rename(
                req.parameters.get("code") ?? "", to: f.name ?? "", reason: f.reason ?? "", scoped: s, actor: a, at: now)
        }
    }
    func merge(req: Request) async throws -> Response {
        try await change(req, "merge") { s, f, a, now in
            try await UnitService.merge(
                req.parameters.get("code") ?? "", into: f.into ?? "", reason: f.reason ?? "", scoped: s, actor: a, at: now)
        }
    }
    func retire(req: Request) async throws -> Response {
        try await change(req, "retire") { s, f, a, now in
            try await UnitService.retire(req.parameters.get("code") ?? "", reason: f.reason ?? "", scoped: s, actor: a, at: now)
        }
    }

    /// Sets the unit's point (who approves; audited on the unit). Refused: the page again, the typed text kept.
    func setPoint(req: Request) async throws -> Response {
        let code = req.parameters.get("code") ?? ""
        guard let u = try await req.scoped.unit(code) else { throw Abort(.notFound) }
        try req.require(.approve)
        let f = try await req.form(UnitPointPageForm.self)
        do {
            _ = try await StationService.setPoint(u, f.input, actor: req.auditActor, at: req.now, on: req.db)
            return req.redirect(to: SiteURL.unit(u.code).path)
        } catch let e as FieldErrors {
            return try await render(
                req, code: code, errors: req.messages(e), open: "point", flash: nil, status: .unprocessableEntity, point: f)
        }
    }

    /// The unit list as CSV (UTF-8 with BOM so Excel opens it), within jurisdiction, audited.
    func export(req: Request) async throws -> Response {
        let actor = try req.actor
        let root = req.query[String.self, at: "unit"] ?? actor.unitCode
        let scoped = try req.scoped
        guard let top = try await scoped.unit(root) else { throw Abort(.notFound) }
        try req.requireRead(.unit)
        try req.require(.export)
        let units = try await Scoped(db: req.db, jurisdiction: Jurisdiction(root: DivisionCode(top.code)!)).units().sort(\.$id).all()
        let l = req.lang
        let header = ["units.code", "units.name", "units.officialName", "units.kind", "units.status", "units.nonStatistical"].map {
            l.t($0)
        }
        let rows = units.map { u in
            [
                u.code, u.shortName, u.officialName, l.t("kind." + u.kind.rawValue), l.t(u.isActive ? "units.active" : "units.retired"),
                u.statistical ? "" : l.t("form.yes"),
            ]
        }
        let csv = CSVWriter.text(([header] + rows).map { $0.map(CellValue.text) })
        try await req.audit(
            AuditEvent(AuditAction.export, .unit, top.code, unit: top.code, detail: ["rows": String(units.count), "format": "csv"]))
        return CSV.response(csv, filename: "units-\(top.code).csv")
    }
}

/// A small CSV list as a download; the text is `CSVWriter.text`'s (BOM, quoting, formula guard).
enum CSV {
    static func response(_ body: String, filename: String) -> Response {
        let res = Response(status: .ok, body: .init(string: body))
        res.headers.contentType = HTTPMediaType(type: "text", subType: "csv", parameters: ["charset": "utf-8"])
        res.headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"\(filename)\"")
        return res
    }
}
