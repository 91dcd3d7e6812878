/// A small typed HTML DSL: views are Swift functions returning `Node`, text is escaped unless marked raw,
/// and attribute values are always escaped. Rendering is string concatenation, so it stays fast on big lists.
public struct Node: Sendable {
    public let html: String
    init(raw: String) { html = raw }
    public static let empty = Node(raw: "")
}

public struct Attr: Sendable {
    let name: String
    let value: String?
    public init(_ name: String, _ value: String?) { self.name = name; self.value = value }

    public static func `class`(_ v: String) -> Attr { Attr("class", v) }
    public static func id(_ v: String) -> Attr { Attr("id", v) }
    public static func href(_ u: SiteURL) -> Attr { Attr("href", u.path) }
    public static func href(_ s: String) -> Attr { Attr("href", s) }
    public static func action(_ u: SiteURL) -> Attr { Attr("action", u.path) }
    public static func name(_ v: String) -> Attr { Attr("name", v) }
    public static func value(_ v: String) -> Attr { Attr("value", v) }
    public static func type(_ v: String) -> Attr { Attr("type", v) }
    public static func `for`(_ v: String) -> Attr { Attr("for", v) }
    public static func method(_ v: String) -> Attr { Attr("method", v) }
    public static func lang(_ v: String) -> Attr { Attr("lang", v) }
    public static func data(_ k: String, _ v: String) -> Attr { Attr("data-" + k, v) }
    public static func aria(_ k: String, _ v: String) -> Attr { Attr("aria-" + k, v) }
    public static let required = Attr("required", nil)
    public static let selected = Attr("selected", nil)
    public static let checked = Attr("checked", nil)
    public static let autofocus = Attr("autofocus", nil)
    public static func when(_ c: Bool, _ a: Attr) -> Attr { c ? a : Attr("", nil) }
}

@resultBuilder
public enum NodeBuilder {
    public static func buildBlock(_ parts: Node...) -> Node { Node(raw: parts.map(\.html).joined()) }
    public static func buildExpression(_ n: Node) -> Node { n }
    public static func buildExpression(_ s: String) -> Node { Node(raw: escape(s)) }
    public static func buildOptional(_ n: Node?) -> Node { n ?? .empty }
    public static func buildEither(first n: Node) -> Node { n }
    public static func buildEither(second n: Node) -> Node { n }
    public static func buildArray(_ ns: [Node]) -> Node { Node(raw: ns.map(\.html).joined()) }
    public static func buildLimitedAvailability(_ n: Node) -> Node { n }
}

public func escape(_ s: String) -> String {
    var out = ""
    out.reserveCapacity(s.utf8.count)
    for ch in s.unicodeScalars {
        switch ch {
        case "&": out += "&amp;"
        case "<": out += "&lt;"
        case ">": out += "&gt;"
        case "\"": out += "&quot;"
        case "'": out += "&#39;"
        default: out.unicodeScalars.append(ch)
        }
    }
    return out
}

private let voidElements: Set<String> = ["input", "br", "meta", "link", "img", "hr"]

public func tag(_ name: String, _ attrs: [Attr], @NodeBuilder _ content: () -> Node = { .empty }) -> Node {
    var s = "<" + name
    for a in attrs where !a.name.isEmpty {
        s += " " + a.name
        if let v = a.value { s += "=\"" + escape(v) + "\"" }
    }
    s += ">"
    if voidElements.contains(name) { return Node(raw: s) }
    return Node(raw: s + content().html + "</" + name + ">")
}

public func text(_ s: String) -> Node { Node(raw: escape(s)) }
public func group(@NodeBuilder _ c: () -> Node) -> Node { c() }

// The tags views use, so a typo is a compile error rather than broken markup.
public func div(_ a: Attr..., @NodeBuilder content c: () -> Node = { .empty }) -> Node { tag("div", a, c) }
public func span(_ a: Attr..., @NodeBuilder content c: () -> Node = { .empty }) -> Node { tag("span", a, c) }
public func p(_ a: Attr..., @NodeBuilder content c: () -> Node = { .empty }) -> Node { tag("p", a, c) }
public func h1(_ a: Attr..., @NodeBuilder content c: () -> Node = { .empty }) -> Node { tag("h1", a, c) }
public func h2(_ a: Attr..., @NodeBuilder content c: () -> Node = { .empty }) -> Node { tag("h2", a, c) }
public func h3(_ a: Attr..., @NodeBuilder content c: () -> Node = { .empty }) -> Node { tag("h3", a, c) }
public func a(_ a: Attr..., @NodeBuilder content c: () -> Node = { .empty }) -> Node { tag("a", a, c) }
public func ul(_ a: Attr..., @NodeBuilder content c: () -> Node = { .empty }) -> Node { tag("ul", a, c) }
public func li(_ a: Attr..., @NodeBuilder content c: () -> Node = { .empty }) -> Node { tag("li", a, c) }
public func nav(_ a: Attr..., @NodeBuilder content c: () -> Node = { .empty }) -> Node { tag("nav", a, c) }
public func main(_ a: Attr..., @NodeBuilder content c: () -> Node = { .empty }) -> Node { tag("main", a, c) }
public func header(_ a: Attr..., @NodeBuilder content c: () -> Node = { .empty }) -> Node { tag("header", a, c) }
public func footer(_ a: Attr..., @NodeBuilder content c: () -> Node = { .empty }) -> Node { tag("footer", a, c) }
public func section(_ a: Attr..., @NodeBuilder content c: () -> Node = { .empty }) -> Node { tag("section", a, c) }
/// Posted forms skip the browser's own validation bubbles: the server answers with Chinese messages beside each
/// field and keeps what was typed, the same on every phone.
public func form(_ a: Attr..., @NodeBuilder content c: () -> Node = { .empty }) -> Node {
    tag("form", a.contains { $0.name == "method" && $0.value == "post" } ? a + [Attr("novalidate", nil)] : a, c)
}
public func label(_ a: Attr..., @NodeBuilder content c: () -> Node = { .empty }) -> Node { tag("label", a, c) }
public func input(_ a: Attr...) -> Node { tag("input", a) }
public func select(_ a: Attr..., @NodeBuilder content c: () -> Node = { .empty }) -> Node { tag("select", a, c) }
public func option(_ a: Attr..., @NodeBuilder content c: () -> Node = { .empty }) -> Node { tag("option", a, c) }
public func textarea(_ a: Attr..., @NodeBuilder content c: () -> Node = { .empty }) -> Node { tag("textarea", a, c) }
public func button(_ a: Attr..., @NodeBuilder content c: () -> Node = { .empty }) -> Node { tag("button", a, c) }
public func table(_ a: Attr..., @NodeBuilder content c: () -> Node = { .empty }) -> Node { tag("table", a, c) }
public func thead(_ a: Attr..., @NodeBuilder content c: () -> Node = { .empty }) -> Node { tag("thead", a, c) }
public func tbody(_ a: Attr..., @NodeBuilder content c: () -> Node = { .empty }) -> Node { tag("tbody", a, c) }
public func tr(_ a: Attr..., @NodeBuilder content c: () -> Node = { .empty }) -> Node { tag("tr", a, c) }
public func th(_ a: Attr..., @NodeBuilder content c: () -> Node = { .empty }) -> Node { tag("th", a, c) }
public func td(_ a: Attr..., @NodeBuilder content c: () -> Node = { .empty }) -> Node { tag("td", a, c) }
public func dl(_ a: Attr..., @NodeBuilder content c: () -> Node = { .empty }) -> Node { tag("dl", a, c) }
public func dt(_ a: Attr..., @NodeBuilder content c: () -> Node = { .empty }) -> Node { tag("dt", a, c) }
public func dd(_ a: Attr..., @NodeBuilder content c: () -> Node = { .empty }) -> Node { tag("dd", a, c) }
public func strong(_ a: Attr..., @NodeBuilder content c: () -> Node = { .empty }) -> Node { tag("strong", a, c) }
public func small(_ a: Attr..., @NodeBuilder content c: () -> Node = { .empty }) -> Node { tag("small", a, c) }
public func code(_ a: Attr..., @NodeBuilder content c: () -> Node = { .empty }) -> Node { tag("code", a, c) }
public func details(_ a: Attr..., @NodeBuilder content c: () -> Node = { .empty }) -> Node { tag("details", a, c) }
public func summary(_ a: Attr..., @NodeBuilder content c: () -> Node = { .empty }) -> Node { tag("summary", a, c) }
public func fieldset(_ a: Attr..., @NodeBuilder content c: () -> Node = { .empty }) -> Node { tag("fieldset", a, c) }
public func legend(_ a: Attr..., @NodeBuilder content c: () -> Node = { .empty }) -> Node { tag("legend", a, c) }
