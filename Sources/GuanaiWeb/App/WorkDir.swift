import Foundation
import Vapor
#if canImport(Glibc)
    import Glibc
#endif

/// Where imports and exports keep their files while they work: a folder only this user can open (0700), one
/// subfolder per process, files readable by this user alone (the process umask is 077). A ledger holds every
/// child's ID number; left in the system temp folder at 0644 it survived a crash for anyone to read. Each request
/// removes its files when it ends; a process killed mid-import leaves its subfolder, which the next start removes.
public struct WorkDir: Sendable {
    public let root: URL
    public let mine: URL

    /// `--work-dir`, else `guanai-tmp/` beside the SQLite file, else a per-user folder in the system temp folder.
    public static func defaultRoot(for database: DatabaseTarget) -> URL {
        if case .sqliteFile(let path) = database {
            return URL(fileURLWithPath: path).deletingLastPathComponent().appendingPathComponent("guanai-tmp", isDirectory: true)
        }
        return URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("guanai-\(getuid())", isDirectory: true)
    }

    /// Makes the folders (0700), removes the subfolders of processes that are gone, and tightens the umask.
    public static func prepare(root: URL) throws -> WorkDir {
        umask(0o077)
        let fm = FileManager.default
        try fm.createDirectory(at: root, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        _ = chmod(root.path, 0o700)
        for name in (try? fm.contentsOfDirectory(atPath: root.path)) ?? [] {
            guard let pid = Int32(name.split(separator: ".").first ?? ""), pid != getpid() else { continue }
            // kill(pid, 0) fails with ESRCH when no such process exists: its files are orphans.
            if kill(pid, 0) != 0 && errno == ESRCH { try? fm.removeItem(at: root.appendingPathComponent(name)) }
        }
        // `<pid>.<random>`: one folder per app, so two apps in one process (tests) never remove each other's files.
        let mine = root.appendingPathComponent("\(getpid()).\(UUID().uuidString.prefix(8))", isDirectory: true)
        try fm.createDirectory(at: mine, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        return WorkDir(root: root, mine: mine)
    }

    /// A fresh path in this process's folder, named for what it holds; the caller removes it (`defer`).
    public func file(_ purpose: WorkFile, _ ext: String = "") -> URL {
        mine.appendingPathComponent(purpose.rawValue + "-" + UUID().uuidString + (ext.isEmpty ? "" : "." + ext))
    }

    /// A work file read whole into one buffer of its size (no growing, no second copy).
    static func read(_ url: URL) throws -> ByteBuffer {
        let handle = try FileHandle(forReadingFrom: url)
        defer { try? handle.close() }
        let size = Int(try handle.seekToEnd())
        try handle.seek(toOffset: 0)
        var buf = ByteBufferAllocator().buffer(capacity: size)
        let fd = handle.fileDescriptor
        while buf.readableBytes < size {
            let want = size - buf.readableBytes
            var n = 0
            buf.writeWithUnsafeMutableBytes(minimumWritableBytes: want) {
                n = Glibc.read(fd, $0.baseAddress, want); return max(n, 0)
            }
            if n <= 0 { throw CocoaError(.fileReadUnknown) }
        }
        return buf
    }

    /// Writes a buffer to a new work file without copying it into a `Data`.
    static func write(_ buf: ByteBuffer, to url: URL) throws {
        guard FileManager.default.createFile(atPath: url.path, contents: nil) else { throw CocoaError(.fileWriteUnknown) }
        let handle = try FileHandle(forWritingTo: url)
        defer { try? handle.close() }
        try buf.withUnsafeReadableBytes { try handle.write(contentsOf: $0) }
    }

    /// At shutdown the whole subfolder goes.
    public func removeMine() { try? FileManager.default.removeItem(at: mine) }
}

struct WorkDirKey: StorageKey { typealias Value = WorkDir }

extension Application {
    var workDir: WorkDir {
        if let w = storage[WorkDirKey.self] { return w }
        let w =
            (try? WorkDir.prepare(root: guanai.workDir ?? WorkDir.defaultRoot(for: guanai.database)))
            ?? WorkDir(root: URL(fileURLWithPath: NSTemporaryDirectory()), mine: URL(fileURLWithPath: NSTemporaryDirectory()))
        storage[WorkDirKey.self] = w
        return w
    }
}

extension Request {
    var workDir: WorkDir { application.workDir }
}

/// Removes this process's work folder when the app shuts down.
struct WorkDirCleanup: LifecycleHandler {
    func shutdown(_ application: Application) { application.workDir.removeMine() }
}

/// What a work file holds: the first part of its name, so a folder left by a crash says what each file was.
public enum WorkFile: String, Sendable {
    case upload, preview, `import`, export, template, rejected, board
}
