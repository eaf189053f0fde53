import Foundation
import GongkaiModel
import Yams

/// YAML text parsed into Yams nodes, with every problem turned into a diagnostic that names the
/// file and the line in the file (not in the YAML fragment).
public struct YAMLSource {
    public let display: String
    /// Added to a YAML line number to get the file line number.
    public let lineOffset: Int

    public init(display: String, firstLine: Int = 1) {
        self.display = display
        self.lineOffset = firstLine - 1
    }

    public func parse(_ text: String) -> Result<Node?, Diagnostic> {
        if let refused = YAMLGuard.check(text) {
            return .failure(.error(display, line: refused.line + lineOffset, YAMLGuard.message(refused)))
        }
        do {
            // The basic resolver tags every plain scalar as a string: fields are read as text and
            // parsed by Gongkai (dates, numbers, 是/否), and it skips the regex per scalar. The
            // explicit encoding spares Yams a read of the whole process environment per call.
            return .success(try Yams.compose(yaml: text, .basic, .default, .utf8))
        } catch let error as YamlError {
            // The line where the editor went wrong (a full-width colon, a tab) comes before the
            // line where the reader gave up.
            if let mistake = EditorMistakes.scan(text) {
                return .failure(.error(display, line: mistake.line + lineOffset, mistake.message))
            }
            return .failure(diagnostic(for: error, text: text))
        } catch {
            return .failure(.error(display, "无法读取这个文件的内容（\(error)）。"))
        }
    }

    public func line(of node: Node) -> Int? {
        node.mark.map { $0.line + lineOffset }
    }

    /// Reads a mapping of `key: value` pairs, reporting non-mapping input and duplicate keys.
    public func mapping(_ node: Node?, what: String) -> Result<[(key: String, keyLine: Int, value: Node)], Diagnostic> {
        guard let node else { return .success([]) }
        guard case .mapping(let mapping) = node else {
            return .failure(
                .error(
                    display, line: line(of: node),
                    "\(what)应由“键: 值”组成（冒号用半角“:”并在其后加一个空格），这里却是\(describe(node))。"))
        }
        var pairs: [(key: String, keyLine: Int, value: Node)] = []
        var seen: [String: Int] = [:]
        for (key, value) in mapping {
            let keyText = key.string ?? ""
            let keyLine = line(of: key) ?? lineOffset + 1
            if let first = seen[keyText] {
                return .failure(
                    .error(
                        display, line: keyLine,
                        "键“\(keyText)”重复出现（第一次在第 \(first) 行）。请删除其中一个。"))
            }
            seen[keyText] = keyLine
            if case .scalar(let scalar) = value, let message = EditorMistakes.curlyQuotes(key: keyText, value: scalar.string) {
                return .failure(.error(display, line: line(of: value) ?? keyLine, message))
            }
            pairs.append((keyText, keyLine, value))
        }
        return .success(pairs)
    }

    func describe(_ node: Node) -> String {
        switch node {
        case .scalar(let scalar):
            if scalar.string.contains("：") {
                return "一段文字（“\(scalar.string.prefix(30))”）——看起来用了全角冒号“：”，请改为半角冒号“:”加空格"
            }
            return "一段文字（“\(scalar.string.prefix(30))”）"
        case .sequence: return "一个列表"
        case .mapping: return "一组键值"
        case .alias: return "一个引用"
        }
    }

    private func diagnostic(for error: YamlError, text: String) -> Diagnostic {
        let hint = "每行写“名称: 内容”：冒号用半角“:”并在后面加一个空格，缩进只用空格，引号要成对，内容以 [ { * & ! 等符号开头时用半角引号 \"…\" 括起来。"
        switch error {
        case .scanner(let context, let problem, let mark, _),
            .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            var detail = EditorMistakes.describe(problem)
            var line = mark.line
            if let context {
                if detail == "格式不对" { detail = EditorMistakes.describe(context.text) }
                // An unclosed [ { or quote is found only at the end of the text; the editor needs
                // the line where it was opened.
                if context.text.contains("flow") || context.text.contains("quoted") {
                    line = context.mark.line
                }
            }
            return .error(display, line: line + lineOffset, "这一行\(detail)。\(hint)")
        case .duplicatedKeysInMapping(let duplicates, let context):
            return .error(
                display, line: context.mark.line + lineOffset,
                "键重复：\(duplicates.joined(separator: "、"))。请删除重复的键。")
        case .reader(let problem, _, _, _):
            return .error(display, "无法读取这个文件的内容（\(problem)），请确认它是用 UTF-8 保存的文本文件。")
        default:
            return .error(display, "这个文件的格式不对。\(hint)")
        }
    }
}

extension Node {
    /// The scalar text, or the items of a sequence of scalars; nil for anything else.
    var stringList: [String]? {
        switch self {
        case .scalar(let scalar):
            let text = scalar.string.trimmingSpaces
            return text.isEmpty ? [] : [text]
        case .sequence(let sequence):
            var items: [String] = []
            for item in sequence {
                guard case .scalar(let scalar) = item else { return nil }
                items.append(scalar.string.trimmingSpaces)
            }
            return items
        default:
            return nil
        }
    }

    /// A scalar's text (empty text and `~`/`null` give nil).
    var text: String? {
        guard case .scalar(let scalar) = self else { return nil }
        let value = scalar.string.trimmingSpaces
        if value.isEmpty || (scalar.style == .plain && (value == "~" || value == "null")) { return nil }
        return value
    }

    /// Any node flattened to one line of text, for unknown fields shown by templates.
    var flattened: String {
        switch self {
        case .scalar(let scalar): return scalar.string
        case .sequence(let sequence): return sequence.map(\.flattened).joined(separator: "、")
        case .mapping(let mapping): return mapping.map { "\($0.key.flattened)：\($0.value.flattened)" }.joined(separator: "；")
        case .alias: return ""
        }
    }
}

extension FrontMatter {
    /// The front matter of the Markdown file `text` and its key-value pairs; `what` names the
    /// block in the message when it is not a list of keys (意见征集的文件信息…).
    static func pairs(of text: String, display: String, what: String) -> Result<(FrontMatter, [(key: String, keyLine: Int, value: Node)]), Diagnostic> {
        FrontMatter.split(text, display: display).flatMap { frontMatter in
            let source = YAMLSource(display: display, firstLine: frontMatter.yamlLine)
            return source.parse(frontMatter.yaml).flatMap { source.mapping($0, what: what) }.map { (frontMatter, $0) }
        }
    }
}
