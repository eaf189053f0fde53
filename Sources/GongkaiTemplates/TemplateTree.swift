/// A Mustache template as a tree of tags with their line numbers, for validation. Rendering
/// compiles swift-mustache's own parse (`CompiledTemplates`); this reading only has to agree with
/// it on structure.
indirect enum TemplateNode: Sendable {
    case variable(name: String, escaped: Bool, line: Int)
    case section(name: String, inverted: Bool, line: Int, children: [TemplateNode])
    case partial(name: String, line: Int)
    /// `{{<parent}}…{{/parent}}` with the blocks it overrides.
    case parent(name: String, line: Int, blocks: [String: [TemplateNode]])
    /// `{{$name}}default{{/name}}` outside a parent: a slot a child template may fill.
    case block(name: String, line: Int, children: [TemplateNode])
    /// `{{%CONTENT_TYPE:…}}` and other pragmas.
    case pragma(text: String, line: Int)
}

struct TemplateSyntaxError: Error {
    let line: Int
    let message: String
}

/// Reads tags of a template that swift-mustache has already accepted, with their lines.
enum TemplateTree {
    static func parse(_ text: String) throws -> [TemplateNode] {
        var scanner = Scanner(text: Array(text.unicodeScalars))
        let (nodes, closing) = try scanner.nodes(until: nil)
        if let closing { throw TemplateSyntaxError(line: closing.line, message: "多余的结束标签 {{/\(closing.name)}}") }
        return nodes
    }

    private struct Tag {
        let sigil: Character?
        let name: String
        let line: Int
    }

    private struct Scanner {
        let text: [Unicode.Scalar]
        var position = 0
        var line = 1

        init(text: [Unicode.Scalar]) {
            self.text = text
        }

        mutating func nodes(until closingName: String?) throws -> ([TemplateNode], (name: String, line: Int)?) {
            var nodes: [TemplateNode] = []
            while let tag = try nextTag() {
                switch tag.sigil {
                case "!":
                    continue
                case "=":
                    throw TemplateSyntaxError(line: tag.line, message: "Gongkai 的模板不支持修改分隔符 {{=…=}}")
                case "%":
                    nodes.append(.pragma(text: tag.name, line: tag.line))
                case "/":
                    return (nodes, (tag.name, tag.line))
                case "#", "^":
                    let (children, closing) = try self.nodes(until: tag.name)
                    try expectClosing(closing, name: tag.name, line: tag.line)
                    nodes.append(.section(name: tag.name, inverted: tag.sigil == "^", line: tag.line, children: children))
                case "$":
                    let (children, closing) = try self.nodes(until: tag.name)
                    try expectClosing(closing, name: tag.name, line: tag.line)
                    nodes.append(.block(name: tag.name, line: tag.line, children: children))
                case "<":
                    let (children, closing) = try self.nodes(until: tag.name)
                    try expectClosing(closing, name: tag.name, line: tag.line)
                    var blocks: [String: [TemplateNode]] = [:]
                    for child in children {
                        if case .block(let name, _, let body) = child { blocks[name] = body }
                    }
                    nodes.append(.parent(name: tag.name, line: tag.line, blocks: blocks))
                case ">":
                    nodes.append(.partial(name: tag.name, line: tag.line))
                case "{", "&":
                    nodes.append(.variable(name: tag.name, escaped: false, line: tag.line))
                default:
                    nodes.append(.variable(name: tag.name, escaped: true, line: tag.line))
                }
            }
            if let closingName {
                throw TemplateSyntaxError(line: line, message: "{{#\(closingName)}} 没有对应的 {{/\(closingName)}}")
            }
            return (nodes, nil)
        }

        func expectClosing(_ closing: (name: String, line: Int)?, name: String, line: Int) throws {
            guard let closing, closing.name == name else {
                throw TemplateSyntaxError(line: line, message: "{{\(name)}} 没有正确结束")
            }
        }

        /// Advances to the next `{{…}}` tag, counting lines.
        mutating func nextTag() throws -> Tag? {
            while position + 1 < text.count {
                if text[position] == "{" && text[position + 1] == "{" {
                    let tagLine = line
                    position += 2
                    var triple = false
                    if position < text.count, text[position] == "{" {
                        triple = true
                        position += 1
                    }
                    var content = ""
                    while position + 1 < text.count, !(text[position] == "}" && text[position + 1] == "}") {
                        if text[position] == "\n" { line += 1 }
                        content.unicodeScalars.append(text[position])
                        position += 1
                    }
                    guard position + 1 < text.count else {
                        throw TemplateSyntaxError(line: tagLine, message: "标签没有用 }} 结束")
                    }
                    position += 2
                    if triple {
                        if position < text.count, text[position] == "}" { position += 1 }
                        return Tag(sigil: "{", name: content.trimmed, line: tagLine)
                    }
                    let trimmed = content.trimmed
                    if let first = trimmed.first, "!#^/<>$&%=".contains(first) {
                        let name = first == "!" ? "" : String(trimmed.dropFirst()).trimmed
                        return Tag(sigil: first, name: name, line: tagLine)
                    }
                    return Tag(sigil: nil, name: trimmed, line: tagLine)
                }
                if text[position] == "\n" { line += 1 }
                position += 1
            }
            return nil
        }
    }
}

extension String {
    var trimmed: String {
        var scalars = Substring(self)
        while let first = scalars.first, first.isWhitespace { scalars.removeFirst() }
        while let last = scalars.last, last.isWhitespace { scalars.removeLast() }
        return String(scalars)
    }
}
