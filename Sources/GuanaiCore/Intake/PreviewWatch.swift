import Foundation

/// An import preview runs as a job that its page polls. Vapor 4 neither cancels a handler's task when its client
/// leaves nor exposes the connection, so "someone is still looking" is a heartbeat: every poll moves
/// `intake_uploads.watched_until` on, and the run stops between chunks once that time has passed.
public enum PreviewWatch {
    /// A poll keeps the run going this long; the page polls every `pollSeconds`, so a few lost polls do not stop it.
    public static let heartbeatSeconds: Double = 20
    /// How often the waiting page reloads itself (`Refresh` header and `<meta http-equiv="refresh">`).
    public static let pollSeconds = 2
    /// How often the running instance looks at the heartbeat.
    public static let checkSeconds: Double = 1

    /// Bounds on the finished preview kept with the upload: the page shows the first rows only, and a header
    /// or a cell's text is shown shortened past these (a crafted file cannot make the stored summary large).
    public static let storedTextLength = 500
    public static let storedColumns = 1_000
    public static let storedSheets = 100
    public static let storedRows = 100

    /// Where a preview run stands, as kept on the upload.
    public enum Stage: String, Sendable, Codable, Equatable {
        /// A run holds the upload's lease (`claimed_until`) and works.
        case running
        /// Finished: the summary is kept and shown on every later poll.
        case done
        /// The file cannot be read (a limit, no header, the deadline): the message is kept and shown.
        case failed
        /// Stopped because nobody polled any more (or it broke off): said once, then started again.
        case stopped
    }

    /// What a request for the preview page does.
    public enum Page: Sendable, Equatable {
        /// Claim the lease and start a run, then show the waiting page.
        case start
        /// A run is going: extend the heartbeat and show the waiting page.
        case inProgress
        case finished
        case failed
        /// Say the check was stopped because the page was left, and offer to start it again.
        case stopped
    }

    /// `current`: the kept stage was reached for the file as it is now set up (sheet, column mapping, language);
    /// `leaseLive`: the upload's lease has not lapsed. A run for an earlier setup is waited for, not doubled: the
    /// account may run one import at a time.
    public static func page(stage: Stage?, current: Bool, leaseLive: Bool) -> Page {
        if stage == .running && leaseLive { return .inProgress }
        guard current, let stage else { return .start }
        switch stage {
        case .done: return .finished
        case .failed: return .failed
        case .stopped: return .stopped
        // Its lease lapsed: the process running it died; run it again.
        case .running: return .start
        }
    }

    /// The heartbeat after a poll at `now`.
    public static func extended(from now: Date, seconds: Double = heartbeatSeconds) -> Date { now.addingTimeInterval(seconds) }

    /// True when the run should stop: no poll has moved the heartbeat past `now`. The latest of the heartbeats
    /// known (the database's, and the running instance's own note of its polls) counts. A poll still being
    /// answered counts as watching: on SQLite it can wait for the write lock the run itself holds (a session's
    /// once-a-minute touch), and the page would otherwise lose its run by waiting for it.
    public static func watcherGone(watchedUntil: [Date?], now: Date, pollsInFlight: Int = 0) -> Bool {
        if pollsInFlight > 0 { return false }
        guard let latest = watchedUntil.compactMap({ $0 }).max() else { return true }
        return now > latest
    }

    /// A text kept in the stored summary: at most `storedTextLength` characters, marked when shortened.
    public static func bounded(_ text: String) -> String {
        text.count <= storedTextLength ? text : String(text.prefix(storedTextLength - 1)) + "…"
    }
}
