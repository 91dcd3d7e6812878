import FluentKit
import GuanaiCore
import NIOCore

/// Gives every record created through Fluent a time-ordered id (`TimeOrderedID`) when its code did not set one, so
/// no model falls back to Fluent's random version-4 id and scatters its inserts over the index. Bulk SQL inserts set
/// theirs explicitly.
struct OrderedIDsMiddleware: AnyModelMiddleware {
    func handle(
        _ event: ModelEvent, _ model: any AnyModel, on db: any Database, chainingTo next: any AnyModelResponder
    ) -> EventLoopFuture<Void> {
        if case .create = event, let m = model as? any Model { Self.assign(m) }
        return next.handle(event, model, on: db)
    }

    private static func assign<M: Model>(_ m: M) {
        if m.id == nil, let id = TimeOrderedID.next() as? M.IDValue { m.id = id }
    }
}
