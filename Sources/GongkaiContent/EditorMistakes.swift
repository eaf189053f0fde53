import GongkaiModel

/// The mistakes editors make in `名称: 内容` lines (文件开头两行 --- 之间, site.yml, the data
/// files), found line by line so that the message names the line where the mistake is, not the
/// line where the YAML reader gave up, and says how to fix it in an editor's words.
enum EditorMistakes {
    /// The first line-level mistake of a text that could not be read, with its 1-based line.
    static func scan(_ text: String) -> (line: Int, message: String)? {
        var number = 0
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            number += 1
            let line = raw.hasSuffix("\r") ? raw.dropLast() : raw
            let trimmed = line.drop { $0 == " " || $0 == "\t" }
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            if line.prefix(while: { $0 == " " || $0 == "\t" }).contains("\t") {
                return (number, "这一行开头用了 Tab 键缩进。这里只能用空格缩进：请删去开头的 Tab，改为空格（与上下行对齐）。")
            }
            var entry = trimmed
            if entry.hasPrefix("- ") { entry = entry.dropFirst(2) }
            if let colon = entry.firstIndex(where: { $0 == ":" || $0 == "：" }) {
                let key = entry[..<colon]
                let plainKey = !key.isEmpty && key.count <= 20 && !key.contains { "\"'“”‘’ \t".contains($0) }
                if plainKey && entry[colon] == "：" {
                    let value = entry[entry.index(after: colon)...].drop { $0 == " " || $0 == "\u{3000}" }
                    return (number, "“\(key)”后面用了全角冒号“：”。请改为半角冒号加一个空格：\(key): \(value.prefix(20))")
                }
                if plainKey && entry[colon] == ":" {
                    let after = entry[entry.index(after: colon)...]
                    if after.first == "\t" {
                        return (number, "“\(key):”后面用了 Tab 键。请把 Tab 换成一个空格：\(key): \(after.drop { $0 == "\t" || $0 == " " }.prefix(20))")
                    }
                }
            }
        }
        return nil
    }

    /// Curly quotes around a whole value would reach the page (and the SiteIDCode meta tag) as
    /// they are; nil when the value is not wrapped in them.
    static func curlyQuotes(key: String, value: String) -> String? {
        let pairs: [(Character, Character)] = [("“", "”"), ("‘", "’"), ("「", "」")]
        for (open, close) in pairs where value.count >= 2 && value.first == open && value.last == close {
            let inner = value.dropFirst().dropLast()
            guard !inner.contains(open) && !inner.contains(close) else { return nil }
            return "“\(key)”的内容两边是中文引号 \(open)\(close)，引号会原样显示在页面上。请去掉引号：\(key): \(inner.prefix(20))；内容需要加引号时用半角英文引号 \"…\"。"
        }
        return nil
    }

    /// The libyaml problem in an editor's words.
    static func describe(_ problem: String) -> String {
        let known: [(String, String)] = [
            ("could not find expected ':'", "这一行缺少半角冒号“:”，或上一行的内容没有写完"),
            ("mapping values are not allowed", "冒号“:”后面缺少空格，或内容中有冒号，这时内容要用半角引号 \"…\" 括起来"),
            ("did not find expected key", "缩进与上下行不一致"),
            ("found character that cannot start any token", "这一行有不能用在开头的字符（如 Tab、@、`），内容要用半角引号 \"…\" 括起来"),
            ("found unexpected end of stream", "引号或括号没有闭合"),
            ("did not find expected ',' or ']'", "方括号 [ ] 没有闭合，或其中的项之间缺少半角逗号"),
            ("did not find expected ',' or '}'", "花括号 { } 没有闭合，或其中的项之间缺少半角逗号"),
            ("found undefined tag handle", "内容以 ! 开头，要用半角引号 \"…\" 括起来"),
            ("found unknown escape character", "双引号中的反斜杠 \\ 要写成两个 \\\\，或改用单引号"),
            ("block sequence entries are not allowed", "列表项“- ”的缩进不对"),
            ("did not find expected '-' indicator", "列表项“- ”的缩进与上下行不一致"),
            ("found duplicate anchor", "内容中的 & 要用半角引号括起来"),
            ("found undefined alias", "内容以 * 开头，要用半角引号 \"…\" 括起来"),
        ]
        for (english, chinese) in known where problem.contains(english) { return chinese }
        return "格式不对"
    }
}
