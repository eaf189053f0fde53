import GongkaiModel

/// A Markdown file split into its YAML front matter and its body, with the lines where each starts.
public struct FrontMatter: Sendable {
    public let yaml: String
    /// Line of the file on which the YAML text starts (the line after the opening `---`).
    public let yamlLine: Int
    public let body: String
    /// Line of the file on which the body starts.
    public let bodyLine: Int

    public static func split(_ text: String, display: String) -> Result<FrontMatter, Diagnostic> {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        if lines.last == "" { lines.removeLast() }
        guard let first = lines.first, first.trimmingTrailingSpaces == "---" else {
            return .failure(.error(display, line: 1,
                "文件开头缺少 front matter。请在第一行写 ---，接着写“标题: …”“发布日期: …”等字段，再用一行 --- 结束，然后是正文。"))
        }
        guard let close = lines.indices.dropFirst().first(where: {
            let line = lines[$0].trimmingTrailingSpaces
            return line == "---" || line == "..."
        }) else {
            return .failure(.error(display, line: 1,
                "front matter 没有结束：第 1 行的 --- 之后找不到结束的 ---。请在字段之后、正文之前加一行 ---。"))
        }
        let yaml = lines[1..<close].joined(separator: "\n")
        let body = lines[(close + 1)...].joined(separator: "\n")
        return .success(FrontMatter(yaml: yaml, yamlLine: 2, body: body, bodyLine: close + 2))
    }
}

extension Substring {
    var trimmingTrailingSpaces: Substring {
        var end = endIndex
        while end > startIndex, self[index(before: end)] == " " || self[index(before: end)] == "\t" {
            end = index(before: end)
        }
        return self[startIndex..<end]
    }
}
