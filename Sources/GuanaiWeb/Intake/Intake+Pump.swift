import Foundation
import GuanaiSheets

/// The sheet reader pushes rows from a plain thread; the importer pulls them between database awaits. A small
/// bounded buffer between the two keeps memory flat however long the file is.
final class RowPump: @unchecked Sendable {
    private let lock = NSCondition()
    private var batches: [[SheetRow]] = []
    private var finished = false
    private var failure: (any Error)?
    private var cancelled = false
    private let capacity = 8
    private let batchSize = 256

    init(_ reader: SheetReader) {
        let t = Thread { [self] in self.produce(reader) }
        t.stackSize = 1 << 20
        t.start()
    }

    private func produce(_ reader: SheetReader) {
        var batch: [SheetRow] = []
        batch.reserveCapacity(batchSize)
        do {
            try reader.forEachRow { row in
                batch.append(row)
                if batch.count == batchSize {
                    try put(batch)
                    batch.removeAll(keepingCapacity: true)
                }
            }
            if !batch.isEmpty { try put(batch) }
            lock.lock(); finished = true; lock.broadcast(); lock.unlock()
        } catch {
            lock.lock(); failure = error; finished = true; lock.broadcast(); lock.unlock()
        }
    }

    private struct Cancelled: Error {}

    private func put(_ b: [SheetRow]) throws {
        lock.lock()
        defer { lock.unlock() }
        while batches.count >= capacity && !cancelled { lock.wait() }
        if cancelled { throw Cancelled() }
        batches.append(b)
        lock.broadcast()
    }

    /// The next batch, nil at the end; rethrows what the reader threw.
    func next() async throws -> [SheetRow]? {
        while true {
            switch take() {
            case .batch(let b): return b
            case .end: return nil
            case .failed(let e): throw e
            case .wait: try await Task.sleep(nanoseconds: 200_000)
            }
        }
    }

    private enum Take { case batch([SheetRow]), end, failed(any Error), wait }

    /// Never blocks: the async side polls, so no cooperative thread waits on the lock.
    private func take() -> Take {
        lock.lock()
        defer { lock.unlock() }
        if !batches.isEmpty {
            lock.broadcast()
            return .batch(batches.removeFirst())
        }
        guard finished else { return .wait }
        if let f = failure, !(f is Cancelled) { return .failed(f) }
        return .end
    }

    /// Stops the reader thread when the importer gives up early.
    func cancel() {
        lock.lock(); cancelled = true; lock.broadcast(); lock.unlock()
    }
}
