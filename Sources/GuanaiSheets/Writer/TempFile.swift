import Foundation
#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// An anonymous scratch file (unlinked at creation, so it vanishes with the process).
final class TempFile {
    private var fd: Int32
    private(set) var size = 0

    init() throws {
        var template = Array((NSTemporaryDirectory() + "/guanai-xlsx-XXXXXX").utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else { throw SheetError.io("cannot create temporary file: \(String(cString: strerror(errno)))") }
        template.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) }
        self.fd = fd
    }

    deinit { dispose() }

    func dispose() {
        if fd >= 0 {
            _ = close(fd)
            fd = -1
        }
    }

    func write(_ bytes: [UInt8]) throws {
        var written = 0
        while written < bytes.count {
            let n = bytes.withUnsafeBytes { pwrite(fd, $0.baseAddress! + written, $0.count - written, off_t(size + written)) }
            guard n > 0 else { throw SheetError.io("cannot write temporary file: \(String(cString: strerror(errno)))") }
            written += n
        }
        size += written
    }

    /// rename(2): atomic on one file system, so readers never see a half-written export.
    /// (FileManager.replaceItemAt on Linux removes the destination before failing.)
    static func moveReplacing(_ source: URL, to destination: URL) throws {
        guard rename(source.path, destination.path) == 0 else {
            throw SheetError.io("cannot write \(destination.path): \(String(cString: strerror(errno)))")
        }
    }

    func read(at offset: Int, count: Int) throws -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: count)
        var done = 0
        while done < count {
            let n = bytes.withUnsafeMutableBytes { pread(fd, $0.baseAddress! + done, count - done, off_t(offset + done)) }
            guard n > 0 else { throw SheetError.io("cannot read temporary file") }
            done += n
        }
        return bytes
    }
}
