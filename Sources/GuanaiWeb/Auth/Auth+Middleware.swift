import Fluent
import Vapor
import GuanaiCore

enum Cookies {
    static let session = "guanai_session"
    static let preCSRF = "guanai_pre"

    static func make(_ value: String, maxAge: Int? = nil, secure: Bool) -> HTTPCookies.Value {
        HTTPCookies.Value(string: value, maxAge: maxAge, path: "/", isSecure: secure, isHTTPOnly: true, sameSite: .lax)
    }
}

extension Request {
    /// Whether the browser reached us over HTTPS, as the configured proxy arrangement tells (`HTTPSMode`).
    var isHTTPS: Bool {
        switch application.guanai.https {
        case .off: return url.scheme == "https"
        case .always: return true
        case .forwarded: return headers.first(name: "X-Forwarded-Proto")?.lowercased() == "https"
        }
    }
}

extension Request {
    /// The submitted form as plain fields; a body that is not a form reads as no fields.
    /// Middleware runs before a route collects its body, so it is read here, within the size limit: collected for
    /// a plain form, read as it arrives for a multipart one (`multipartForm`, files to the work folder).
    /// Repeated names (checkboxes) keep every value, in order.
    func formValues() async throws -> [String: [String]] {
        guard method != .GET, method != .HEAD else { return [:] }
        let fields: [String: [String]]
        if headers.contentType?.subType == "form-data" {
            fields = try await multipartForm().fields
        } else {
            let max = application.guanai.maxBodySize.value
            if body.data == nil { _ = try await body.collect(max: max).get() }
            guard let buf = body.data else { return [:] }
            if buf.readableBytes > max { throw Abort(.payloadTooLarge) }
            guard headers.contentType?.subType == "x-www-form-urlencoded" else { return [:] }
            fields = Self.parseForm(String(buffer: buf))
        }
        let problems = TextCheck.form(fields)
        if !problems.isEmpty { throw FieldErrors(problems) }
        return fields
    }

    /// The files of a multipart form, by field name, in the order they were sent. Empty file inputs are left out.
    func uploadedFiles() async throws -> [UploadedFile] {
        _ = try await formValues()
        guard headers.contentType?.subType == "form-data" else { return [] }
        return try await multipartForm().files
    }
}

extension Request {
    /// The posted form decoded into the struct that declares it (`X+Form.swift`) by Vapor's form decoder, so nested
    /// and repeated names (checkboxes) arrive as the struct says. The body goes through `formValues` first: the size
    /// limit, the streamed multipart reader and TextCheck's refusals hold for every form, and a multipart form is
    /// decoded from the fields that reader kept. A body the decoder cannot read (a malformed escape) is a 400 page.
    func form<F: Decodable>(_: F.Type = F.self) async throws -> F {
        let fields = try await formValues()
        do {
            if headers.contentType?.subType == "x-www-form-urlencoded" { return try content.decode(F.self, using: Forms.decoder) }
            return try Forms.decoder.decode(F.self, from: Forms.encoded(fields))
        } catch {
            // Only the decoder throws here (a malformed escape or key): the body's own checks ran above.
            throw Abort(.badRequest)
        }
    }
}

extension Request {

    /// application/x-www-form-urlencoded by hand: Foundation's URLComponents traps on a malformed escape,
    /// and a malformed body must be an empty field, never a crash.
    static func parseForm(_ body: String) -> [String: [String]] {
        func decode(_ s: Substring) -> String {
            let spaced = s.replacingOccurrences(of: "+", with: " ")
            return spaced.removingPercentEncoding ?? spaced
        }
        var out: [String: [String]] = [:]
        for pair in body.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let key = decode(parts[0])
            out[key, default: []].append(parts.count > 1 ? decode(parts[1]) : "")
        }
        return out
    }

    /// The submitted form as plain fields (the last value of a repeated name).
    func formFields() async throws -> [String: String] {
        try await formValues().compactMapValues(\.last)
    }
}

/// Browser pages: a valid session cookie or a trip to the login page. Every form must carry the session's CSRF token.
/// A form posted after the session idled out is kept and completed after the same person signs in again.
struct WebAuthMiddleware: AsyncMiddleware {
    func respond(to req: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let unsafe = req.method != .GET && req.method != .HEAD
        // A streamed upload's work files live as long as the request.
        defer { req.removeUploadedFiles() }
        guard let token = req.cookies[Cookies.session]?.string else { return toLogin(req) }
        switch try await LoginService.lookup(token: token, kind: "web", req: req) {
        case .valid(let s, let user):
            let actor = try await LoginService.actor(user, s, on: req.db)
            if unsafe {
                // Files are kept only after the token has been read (it is the form's first field): a forged form's
                // file is never written, not even to the work folder.
                req.storage[FileGate.Key.self] = .token(s.csrf)
            }
            if unsafe, try await req.formFields()["_csrf"] != s.csrf || req.uploadRefused {
                return ErrorPage.render(req, status: .forbidden, message: req.t("error.csrf"))
            }
            req.auth.login(actor)
            if actor.mustChangePassword && req.url.path != SiteURL.changePassword.path && req.url.path != SiteURL.logout.path {
                return req.redirect(to: SiteURL.changePassword.path)
            }
            return try await next.respond(to: req)
        case .expired(let s, let user):
            // Only the fields are kept for after sign-in.
            req.storage[FileGate.Key.self] = .refuse
            var fields = unsafe ? try await req.formFields() : [:]
            if unsafe, fields["_csrf"] == s.csrf, user.id != nil {
                fields["_csrf"] = nil
                let data = try JSONEncoder().encode(fields)
                let kept = PendingForm(user: user.recordID, path: req.url.path, fields: String(decoding: data, as: UTF8.self), at: req.now)
                try await kept.create(on: req.db)
                return req.redirect(to: SiteURL.login.with(query: [("kept", kept.id!.uuidString)]))
            }
            return toLogin(req, expired: true)
        case .none:
            return toLogin(req)
        }
    }

    func toLogin(_ req: Request, expired: Bool = false) -> Response {
        var q: [(String, String)] = []
        if req.method == .GET, req.url.path != "/" { q.append(("next", req.url.string)) }
        if expired { q.append(("expired", "1")) }
        return req.redirect(to: SiteURL.login.with(query: q))
    }
}

/// API: `Authorization: Bearer <token>` from `POST /api/v1/session`. Cookies are not accepted here, so a page on
/// another site cannot ride a signed-in browser into the API.
struct APIAuthMiddleware: AsyncMiddleware {
    func respond(to req: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard let bearer = req.headers.bearerAuthorization?.token else { throw Abort(.unauthorized) }
        switch try await LoginService.lookup(token: bearer, kind: "api", req: req) {
        case .valid(let s, let user):
            let actor = try await LoginService.actor(user, s, on: req.db)
            if actor.mustChangePassword && req.url.path != "/api/v1/session/password" && req.url.path != "/api/v1/session" {
                throw Abort(.forbidden, reason: "password_change_required")
            }
            req.auth.login(actor)
            return try await next.respond(to: req)
        case .expired, .none:
            throw Abort(.unauthorized)
        }
    }
}
