import Foundation
import ZIPFoundation

/// Inflates one zip entry on a second thread while the caller parses, so decompression and XML
/// scanning overlap. At most `capacity` chunks wait in between, which bounds memory.
final class InflatePipe: @unchecked Sendable {
    // All mutable state is guarded by `condition`.
    private let condition = NSCondition()
    private var chunks: [Data] = []
    private var producerFinished = false
    private var producerError: (any Error)?
    private var cancelled = false
    private let capacity = 4
    private let exited = DispatchSemaphore(value: 0)

    private struct Cancelled: Error {}

    /// Starts inflating `path` of the zip at `url` (opened anew: `Archive` is not thread-safe).
    init(url: URL, path: String, limits: SheetLimits) {
        let thread = Thread { [self] in
            defer { exited.signal() }
            do {
                let package = try XLSXPackage(url: url, guard: ReadOptions(limits: limits).guardrail)
                guard let entry = package.entry(path) else { throw SheetError.unreadable("missing part \(path)") }
                // The CRC check is skipped: ZIPFoundation's table CRC on Linux would cost more than
                // the parsing, and inflate itself rejects damaged deflate streams.
                _ = try package.archive.extract(entry, bufferSize: 256 * 1024, skipCRC32: true) { data in
                    try self.push(data)
                }
                finish(nil)
            } catch is Cancelled {
                finish(nil)
            } catch {
                finish(error)
            }
        }
        thread.name = "GuanaiSheets inflate"
        thread.start()
    }

    private func push(_ data: Data) throws {
        condition.lock()
        defer { condition.unlock() }
        while chunks.count >= capacity && !cancelled { condition.wait() }
        if cancelled { throw Cancelled() }
        chunks.append(data)
        condition.broadcast()
    }

    private func finish(_ error: (any Error)?) {
        condition.lock()
        producerFinished = true
        producerError = error
        condition.broadcast()
        condition.unlock()
    }

    /// The next chunk, `nil` at the end; rethrows what went wrong while inflating.
    func next() throws -> Data? {
        condition.lock()
        defer { condition.unlock() }
        while chunks.isEmpty && !producerFinished { condition.wait() }
        if !chunks.isEmpty {
            condition.broadcast()
            return chunks.removeFirst()
        }
        if let producerError { throw producerError }
        return nil
    }

    /// Stops the producer and waits until its thread is done with the file.
    func close() {
        condition.lock()
        cancelled = true
        condition.broadcast()
        condition.unlock()
        exited.wait()
    }
}
