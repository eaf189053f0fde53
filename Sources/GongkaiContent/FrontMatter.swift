import GongkaiModel

/// A Markdown file split into its YAML front matter and its body, with the lines where each starts.
public struct FrontMatter: Sendable {
    public let yaml: String
    /// Line of the file on which the YAML text starts (the line after the opening `---`).
    public let yamlLine: Int
    public let body: String
    /// Line of the file on which the body starts.
    public let bodyLine: Int

    /// Reads lines only up to the closing `---`; the body is taken whole, without splitting it.
    public static func split(_ text: String, display: String) -> Result<FrontMatter, Diagnostic> {
        var lines = LineReader(text)
        guard let first = lines.next(), first.line.trimmingTrailingSpaces == "---" else {
            return .failure(
                .error(
                    display, line: 1,
                    "文件开头缺少文件信息。请在第一行写 ---，接着写“标题: …”“发布日期: …”等信息（每行一项），再用一行 --- 结束，然后是正文。"))
        }
        let yamlStart = first.next
        while let current = lines.next() {
            let line = current.line.trimmingTrailingSpaces
            guard line == "---" || line == "..." else { continue }
            // Slices by UTF-8 index: `dropLast()` on a Substring counts Characters over the whole body.
            let utf8 = text.utf8
            var bodyEnd = utf8.endIndex
            if bodyEnd > current.next, utf8[utf8.index(before: bodyEnd)] == 10 { bodyEnd = utf8.index(before: bodyEnd) }
            let yamlEnd = current.start > yamlStart ? utf8.index(before: current.start) : yamlStart
            return .success(
                FrontMatter(
                    yaml: String(text[yamlStart..<yamlEnd]), yamlLine: 2,
                    body: String(text[current.next..<bodyEnd]), bodyLine: current.number + 1))
        }
        // Where the information most likely ends: the first line that is not `名称: 内容`,
        // a list item, an indented continuation or a comment.
        var reader = LineReader(text)
        _ = reader.next()
        var end = 2
        while let current = reader.next() {
            let line = current.line
            let looksLikeField =
                line.hasPrefix(" ") || line.hasPrefix("-") || line.hasPrefix("#")
                || (line.contains(":") || line.contains("：")) && line.count < 200
            if line.trimmingTrailingSpaces.isEmpty || !looksLikeField {
                end = current.number
                break
            }
            end = current.number + 1
        }
        return .failure(
            .error(
                display, line: end,
                "文件开头两行 --- 之间写文件信息，但第 1 行的 --- 之后没有结束的 ---。请在文件信息之后、正文之前（第 \(end) 行）加一行 ---。"))
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

/// Walks the lines of a text by its UTF-8 bytes (no grapheme breaking), with line numbers.
struct LineReader {
    let text: String
    private var position: String.Index
    private var number = 0

    init(_ text: String) {
        self.text = text
        self.position = text.startIndex
    }

    /// The next line (without its newline), where it starts, where the following line starts,
    /// and its 1-based number.
    mutating func next() -> (line: Substring, start: String.Index, next: String.Index, number: Int)? {
        guard position < text.endIndex else { return nil }
        let start = position
        let utf8 = text.utf8
        var end = start
        while end < utf8.endIndex, utf8[end] != 10 { end = utf8.index(after: end) }
        position = end < utf8.endIndex ? utf8.index(after: end) : end
        number += 1
        return (text[start..<end], start, position, number)
    }
}
