import Foundation
import Vapor

/// Reads a multipart body as it arrives (issue 15): small fields are kept, each file part goes to a work file as its
/// bytes come (or into memory when there is no work folder: the visit photos' small form), and nothing else is held.
/// The whole body used to be collected, parsed and copied before the handler ran: a 30 MB ledger peaked at 225 MB.
/// Fed chunk by chunk (`feed`), or the whole body at once when it was already collected (tests, small routes).
final class MultipartStream {
    enum Refusal: Error { case tooLarge, malformed }

    private enum Part {
        case pending
        case field(ByteBuffer)
        case memory(name: String, filename: String, type: String, ByteBuffer)
        case file(name: String, filename: String, type: String, FileHandle, URL, size: Int)
        /// A part nobody may keep: no name, or a file sent before the form's token (`mayKeepFiles`).
        case discarded
    }

    private let parser: MultipartParser
    private let work: WorkDir?
    private let maxTotal: Int
    private let maxFields: Int
    private let mayKeepFiles: ([String: [String]]) -> Bool
    private var form = MultipartForm()
    private var received = 0
    private var fieldBytes = 0
    private var headers: [String: String] = [:]
    private var part = Part.pending
    /// File bytes not yet written: the parser hands a CSV over line by line, and a write per line is slow.
    private var pending = ByteBuffer()
    private var failure: (any Error)?
    private var written: [URL] = []
    static let flushSize = 256 * 1024

    /// `maxTotal` bounds the body, `maxFields` the text of its fields together; `mayKeepFiles` is asked, with the
    /// fields read so far, when a file's first bytes arrive (the CSRF token must come before any file).
    init(
        boundary: String, work: WorkDir?, maxTotal: Int, maxFields: Int,
        mayKeepFiles: @escaping ([String: [String]]) -> Bool = { _ in true }
    ) {
        parser = MultipartParser(boundary: boundary)
        self.work = work
        self.maxTotal = maxTotal
        self.maxFields = maxFields
        self.mayKeepFiles = mayKeepFiles
        parser.onHeader = { [unowned self] name, value in self.headers[name.lowercased()] = value }
        parser.onBody = { [unowned self] chunk in self.body(&chunk) }
        parser.onPartComplete = { [unowned self] in self.complete() }
    }

    func feed(_ chunk: ByteBuffer) throws {
        received += chunk.readableBytes
        if received > maxTotal { failure = failure ?? Refusal.tooLarge }
        if failure == nil {
            do { try parser.execute(chunk) } catch { failure = failure ?? Refusal.malformed }
        }
        if let failure { discard(); throw failure }
    }

    /// The form read; a part the body broke off in the middle of is dropped, as before.
    func finish() throws -> MultipartForm {
        if let failure { discard(); throw failure }
        dropCurrent()
        return form
    }

    /// Removes whatever was written: the request failed, or was refused.
    func discard() {
        dropCurrent()
        for url in written { try? FileManager.default.removeItem(at: url) }
        written = []
        form.files = []
    }

    private func dropCurrent() {
        if case .file(_, _, _, let handle, let url, _) = part {
            try? handle.close()
            try? FileManager.default.removeItem(at: url)
        }
        part = .pending
        pending.clear()
    }

    private func begin() -> Part {
        let disposition = MultipartForm.parameters(headers["content-disposition"] ?? "")
        guard let name = disposition["name"] else { return .discarded }
        guard let filename = disposition["filename"] else { return .field(ByteBuffer()) }
        let type = headers["content-type"] ?? "application/octet-stream"
        guard mayKeepFiles(form.fields) else {
            form.filesRefused = true
            return .discarded
        }
        guard let work else { return .memory(name: name, filename: filename, type: type, ByteBuffer()) }
        let url = work.file(.upload)
        guard FileManager.default.createFile(atPath: url.path, contents: nil), let handle = FileHandle(forWritingAtPath: url.path) else {
            failure = failure ?? CocoaError(.fileWriteUnknown)
            return .discarded
        }
        written.append(url)
        return .file(name: name, filename: filename, type: type, handle, url, size: 0)
    }

    private func body(_ chunk: inout ByteBuffer) {
        guard failure == nil else { return }
        if case .pending = part { part = begin() }
        switch part {
        case .pending, .discarded:
            break
        case .field(var text):
            fieldBytes += chunk.readableBytes
            if fieldBytes > maxFields { failure = Refusal.tooLarge; return }
            text.writeBuffer(&chunk)
            part = .field(text)
        case .memory(let name, let filename, let type, var data):
            // A part that arrives whole is kept as the parser's slice (no copy).
            if data.readableBytes == 0 { data = chunk } else { data.writeBuffer(&chunk) }
            part = .memory(name: name, filename: filename, type: type, data)
        case .file(let name, let filename, let type, let handle, let url, let size):
            part = .file(name: name, filename: filename, type: type, handle, url, size: size + chunk.readableBytes)
            pending.writeBuffer(&chunk)
            if pending.readableBytes >= Self.flushSize { flush(handle) }
        }
    }

    private func flush(_ handle: FileHandle) {
        guard pending.readableBytes > 0 else { return }
        do { try pending.withUnsafeReadableBytes { try handle.write(contentsOf: $0) } } catch { failure = failure ?? error }
        pending.clear()
    }

    private func complete() {
        guard failure == nil else { return }
        if case .pending = part { part = begin() }
        switch part {
        case .pending, .discarded:
            break
        case .field(let text):
            let name = MultipartForm.parameters(headers["content-disposition"] ?? "")["name"] ?? ""
            form.fields[name, default: []].append(String(buffer: text))
        case .memory(let name, let filename, let type, let data):
            // An empty file input (no file chosen) is left out.
            if !filename.isEmpty || data.readableBytes > 0 {
                form.files.append(
                    UploadedFile(field: name, filename: filename, contentType: type, size: data.readableBytes, content: .memory(data)))
            }
        case .file(let name, let filename, let type, let handle, let url, let size):
            flush(handle)
            do { try handle.close() } catch { failure = failure ?? error }
            if !filename.isEmpty || size > 0 {
                form.files.append(UploadedFile(field: name, filename: filename, contentType: type, size: size, content: .file(url)))
            } else {
                try? FileManager.default.removeItem(at: url)
                written.removeAll { $0 == url }
            }
        }
        headers = [:]
        part = .pending
    }
}

struct UploadedFile: Sendable {
    /// Where a file's bytes are: a streamed upload's work file (removed when the request ends), or memory.
    enum Content: Sendable {
        case memory(ByteBuffer)
        case file(URL)
    }

    let field: String
    let filename: String
    let contentType: String
    let size: Int
    let content: Content

    /// The bytes, read whole: for the small files (photos) that are kept in memory anyway.
    func data() throws -> Data {
        switch content {
        case .memory(let buf): return Data(buffer: buf)
        case .file(let url): return try Data(contentsOf: url)
        }
    }
}

struct MultipartForm: Sendable {
    struct Key: StorageKey { typealias Value = MultipartForm }
    var fields: [String: [String]] = [:]
    var files: [UploadedFile] = []
    /// A file came before the form's CSRF token and was not kept: the request is refused as a forged form.
    var filesRefused = false

    /// `form-data; name="photo"; filename="a.jpg"` → ["name": "photo", "filename": "a.jpg"].
    static func parameters(_ header: String) -> [String: String] {
        var out: [String: String] = [:]
        for part in header.split(separator: ";").dropFirst() {
            let kv = part.split(separator: "=", maxSplits: 1)
            guard kv.count == 2 else { continue }
            var v = kv[1].trimmingCharacters(in: .whitespaces)
            if v.hasPrefix("\""), v.hasSuffix("\""), v.count >= 2 { v = String(v.dropFirst().dropLast()) }
            out[kv[0].trimmingCharacters(in: .whitespaces).lowercased()] = v
        }
        return out
    }
}

/// What a multipart form's files must be sent after, set by the session check before it reads the form.
enum FileGate: Sendable {
    /// Files are kept only once the fields read so far carry this token.
    case token(String)
    /// No file is kept (an expired session: only the fields are kept for after sign-in).
    case refuse

    struct Key: StorageKey { typealias Value = FileGate }
}

extension RoutesBuilder {
    /// `POST` of a form with a large file: the body is not collected but read as it arrives (`MultipartStream`),
    /// its files written to the work folder; `maxUploadSize` is enforced while reading.
    @discardableResult
    func postUpload(_ path: [PathComponent], use closure: @Sendable @escaping (Request) async throws -> Response) -> Route {
        let route = on(.POST, path, body: .stream, use: closure)
        route.userInfo["guanai.streamedUpload"] = true
        return route
    }
}

extension Request {
    /// The multipart form, read once per request and kept: the CSRF check, the handler and the file reader all ask.
    func multipartForm() async throws -> MultipartForm {
        if let done = storage[MultipartForm.Key.self] { return done }
        guard let boundary = headers.contentType?.parameters["boundary"], !boundary.isEmpty else { throw Abort(.badRequest) }
        let max = application.guanai.maxUploadSize.value
        if let length = headers.first(name: .contentLength).flatMap(Int.init), length > max { throw Abort(.payloadTooLarge) }
        let streamed = route?.userInfo["guanai.streamedUpload"] as? Bool == true
        let gate = storage[FileGate.Key.self]
        let stream = MultipartStream(
            boundary: boundary, work: streamed ? workDir : nil, maxTotal: max, maxFields: application.guanai.maxBodySize.value
        ) { fields in
            switch gate {
            case nil: return true
            case .refuse: return false
            case .token(let token): return fields["_csrf"]?.last == token
            }
        }
        let form: MultipartForm
        do {
            if let buf = body.data {
                try stream.feed(buf)
            } else if streamed {
                for try await chunk in body { try stream.feed(chunk) }
            } else {
                try stream.feed(try await body.collect(max: max).get() ?? ByteBuffer())
            }
            form = try stream.finish()
        } catch MultipartStream.Refusal.tooLarge {
            throw Abort(.payloadTooLarge)
        } catch MultipartStream.Refusal.malformed {
            throw Abort(.badRequest)
        } catch {
            stream.discard()
            throw error
        }
        storage[MultipartForm.Key.self] = form
        return form
    }

    /// Whether a file of this request's form was refused for arriving before the CSRF token.
    var uploadRefused: Bool { storage[MultipartForm.Key.self]?.filesRefused ?? false }

    /// Removes the work files of a streamed upload; the session check calls it when the request is answered.
    func removeUploadedFiles() {
        for file in storage[MultipartForm.Key.self]?.files ?? [] {
            if case .file(let url) = file.content { try? FileManager.default.removeItem(at: url) }
        }
    }
}
