import Foundation

/// Pinyin for names, for search by initials and for spotting the same name written with other characters.
/// Surnames have their own readings (单 Shàn, 曾 Zēng, 解 Xiè …), so the first character of a name is read from
/// the surname table before the general one.
public enum Pinyin {
    static let surnames: [Character: String] = [
        "单": "shan", "曾": "zeng", "解": "xie", "仇": "qiu", "朴": "piao", "区": "ou", "查": "zha", "盖": "ge", "乐": "yue",
        "召": "shao", "缪": "miao", "覃": "qin", "翟": "zhai", "尉": "yu", "种": "chong", "繁": "po", "折": "she", "员": "yun",
        "冼": "xian", "长": "chang", "重": "chong", "万": "wan", "秘": "bi", "隗": "wei", "芮": "rui", "句": "gou", "蕃": "pi",
        "都": "du", "过": "guo", "贲": "ben", "薄": "bo", "沈": "shen",
    ]

    static let table: [Character: String] = {
        guard let url = Bundle.module.url(forResource: "pinyin", withExtension: "txt", subdirectory: "pinyin"),
            let text = try? String(contentsOf: url, encoding: .utf8)
        else { return [:] }
        var out: [Character: String] = [:]
        out.reserveCapacity(21000)
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            guard let space = line.firstIndex(of: " ") else { continue }
            let syllable = String(line[..<space])
            for ch in line[line.index(after: space)...] { out[ch] = syllable }
        }
        return out
    }()

    /// One syllable per character; characters without a reading (Latin letters, digits) pass through lowercased.
    public static func syllables(_ name: String) -> [String] {
        var out: [String] = []
        for (i, ch) in name.filter({ !$0.isWhitespace && $0 != "·" }).enumerated() {
            if i == 0, let s = surnames[ch] { out.append(s); continue }
            out.append(table[ch] ?? String(ch).lowercased())
        }
        return out
    }

    /// 张三 → "zhangsan"
    public static func full(_ name: String) -> String { syllables(name).joined() }

    /// 张三 → "zs"
    public static func initials(_ name: String) -> String { syllables(name).compactMap(\.first).map(String.init).joined() }
}
