import Vapor

/// Headers on every response: no inline script or style can run, no framing, no MIME sniffing.
struct SecurityHeadersMiddleware: AsyncMiddleware {
    static let csp =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        + "object-src 'none'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'"

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let res = try await next.respond(to: request)
        res.headers.replaceOrAdd(name: "Content-Security-Policy", value: Self.csp)
        res.headers.replaceOrAdd(name: "X-Content-Type-Options", value: "nosniff")
        res.headers.replaceOrAdd(name: "X-Frame-Options", value: "DENY")
        res.headers.replaceOrAdd(name: "Referrer-Policy", value: "same-origin")
        if request.isHTTPS { res.headers.replaceOrAdd(name: "Strict-Transport-Security", value: "max-age=31536000") }
        if res.headers.first(name: .cacheControl) == nil {
            res.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        }
        return res
    }
}

/// An address longer than any page of ours makes is refused with 414 and a page that says so, rather than read.
struct URLLengthMiddleware: AsyncMiddleware {
    static let maxBytes = 8192

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        if request.url.string.utf8.count > Self.maxBytes { throw Abort(.uriTooLong) }
        return try await next.respond(to: request)
    }
}
