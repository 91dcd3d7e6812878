import Foundation
import Vapor
import GuanaiCore

/// Applies `TextRules` to everything a client sends, before any handler reads it: every string of a JSON body (by
/// its path, `father.name`) and every field of a posted form. Problems come back as field errors (422), each naming
/// its field.
enum TextCheck {
    static func errors(field: String, value: String) -> FieldError? {
        switch TextRules.problem(field: field, value: value) {
        case .tooLong(let max)?: return FieldError(field: field, key: "field.error.textTooLong", args: [String(max)])
        case .control?: return FieldError(field: field, key: "field.error.control")
        case nil: return nil
        }
    }

    /// Walks a JSON document; array members take their array's name.
    static func json(_ data: Data) -> [FieldError] {
        guard let root = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]) else { return [] }
        var out: [FieldError] = []
        func walk(_ v: Any, _ path: String) {
            if out.count >= 50 { return }
            switch v {
            case let s as String: if let e = errors(field: path, value: s) { out.append(e) }
            case let d as [String: Any]:
                for (k, x) in d {
                    if let e = errors(field: "key", value: k), k.count > 200 || e.key == "field.error.control" {
                        out.append(FieldError(field: path.isEmpty ? k.prefix(40).description : path, key: e.key, args: e.args)); continue
                    }
                    walk(x, path.isEmpty ? k : path + "." + k)
                }
            case let a as [Any]: for x in a { walk(x, path) }
            default: break
            }
        }
        walk(root, "")
        return out
    }

    static func form(_ values: [String: [String]]) -> [FieldError] {
        var out: [FieldError] = []
        for (k, vs) in values where !["_csrf", "_pre", "next", "back"].contains(k) {  // next, back: LocalPath decides
            for v in vs { if let e = errors(field: k.hasSuffix(".was") ? String(k.dropLast(4)) : k, value: v) { out.append(e); break } }
        }
        return out
    }
}
