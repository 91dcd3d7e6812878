import Vapor
import GuanaiCore

/// The API's error body: `{"error": {"code", "message", "fields": [{"field", "message"}], "existingId"}}`.
struct APIErrorBody: Content {
    struct Field: Content { let field: String; let message: String }
    struct Inner: Content {
        let code: String
        let message: String
        let fields: [Field]?
        let existingId: String?
    }
    let error: Inner
}

/// Turns every error into a proper answer: JSON under /api, a Chinese page elsewhere. Bad input is never a 500,
/// and no page shows a stack trace.
struct GuanaiErrorMiddleware: AsyncMiddleware {
    func respond(to req: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        do {
            return try await next.respond(to: req)
        } catch {
            let (status, code, message, fields, existing) = classify(error, req)
            if status == .internalServerError { req.logger.report(error: error) }
            if req.url.path.hasPrefix("/api/") {
                let body = APIErrorBody(
                    error: .init(
                        code: code, message: message, fields: fields.isEmpty ? nil : fields.map { .init(field: $0.0, message: $0.1) },
                        existingId: existing))
                let res = Response(status: status)
                try res.content.encode(body, as: .json)
                if status == .unauthorized { res.headers.replaceOrAdd(name: .wwwAuthenticate, value: "Bearer") }
                return res
            }
            return ErrorPage.render(req, status: status, message: message, fields: fields)
        }
    }

    func classify(_ error: any Error, _ req: Request) -> (HTTPStatus, String, String, [(String, String)], String?) {
        switch error {
        case let e as FieldErrors:
            return (
                .unprocessableEntity, "validation", req.t("error.validation"),
                e.items.map { ($0.field, req.lang.t($0.key, args: $0.args)) }, nil
            )
        case let e as FieldError:
            return (.unprocessableEntity, "validation", req.t("error.validation"), [(e.field, req.lang.t(e.key, args: e.args))], nil)
        case let e as UnitChangeError:
            return (.unprocessableEntity, "validation", req.t("error.validation"), [(e.field, req.t(e.key))], nil)
        case let e as LikelyDuplicates:
            return (
                .conflict, "likely_duplicate", req.t("registry.warn.duplicate"), [("name", req.t("registry.warn.duplicate"))],
                e.childIDs.first
            )
        case let e as ConflictError:
            return (.conflict, "conflict", req.t(e.key), [(e.field, req.t(e.key))], e.existingID)
        case is DecodingError:
            return (.badRequest, "malformed", req.t("error.malformed"), [], nil)
        case let e as any AbortError:
            let s = e.status
            switch s.code {
            case 400: return (s, "malformed", req.t("error.malformed"), [], nil)
            case 401: return (s, "unauthorized", req.t("error.unauthorized"), [], nil)
            case 403 where e.reason == "password_change_required":
                return (s, "password_change_required", req.t("password.mustChange"), [], nil)
            case 403 where e.reason == RightsService.restricted: return (s, RightsService.restricted, req.t("rights.restricted"), [], nil)
            case 403: return (s, "forbidden", req.t("error.forbidden"), [], nil)
            case 404: return (s, "not_found", req.t("error.notFound"), [], nil)
            case 413: return (s, "too_large", req.t("error.tooLarge"), [], nil)
            case 414: return (s, "uri_too_long", req.t("error.uriTooLong"), [], nil)
            case 415: return (.badRequest, "malformed", req.t("error.malformed"), [], nil)
            case 423: return (s, "locked", req.t("login.locked"), [], nil)
            case 500...: return (.internalServerError, "internal", req.t("error.internal"), [], nil)
            default: return (s, "error", e.reason, [], nil)
            }
        default:
            return (.internalServerError, "internal", req.t("error.internal"), [], nil)
        }
    }
}

/// A record that already exists (username taken …): 409 with the existing id.
struct ConflictError: Error, Sendable {
    let field: String
    let key: String
    /// The record already holding the number; nil when it lies outside the caller's jurisdiction.
    let existingID: String?

    /// Inside the caller's jurisdiction the answer names the record (its id, for "open it"); outside, it says only
    /// that the number is registered and whom to ask — no id, no place — so a number cannot be looked up this way.
    static func existing(field: String, key: String, id: String, unit: String, scoped: Scoped) -> ConflictError {
        scoped.inScope(unit)
            ? ConflictError(field: field, key: key, existingID: id)
            : ConflictError(field: field, key: "registry.error.registeredElsewhere", existingID: nil)
    }
}

extension Request {
    /// A form's problems in the reader's language, by field; several for one field are joined (resolving an alert
    /// can fail for three reasons at once). The one place a page turns `FieldErrors` into what it shows.
    func messages(_ e: FieldErrors) -> [String: String] {
        Dictionary(
            e.items.map { item in
                // Every argument, not only the first: a range names both ends ("1 到 500").
                (
                    item.field,
                    item.args.enumerated().reduce(lang.t(item.key)) { $0.replacingOccurrences(of: "{\($1.offset)}", with: $1.element) }
                )
            }, uniquingKeysWith: { a, b in a + lang.t("list.sep") + b })
    }
}
