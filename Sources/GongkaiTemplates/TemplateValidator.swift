import GongkaiModel

/// Checks a template against the schema of the view model it will be rendered with, following
/// Mustache's rules for finding a name (innermost context first, then outward), through
/// partials, parents and blocks. Every name that would render as an empty string because it
/// does not exist is an error naming the template file and line, as is `{{{…}}}` on anything
/// but `HTML` (escaping is the default) and `{{…}}` on `HTML` (it would show tags as text).
struct TemplateValidator {
    struct Template {
        let display: String
        let nodes: [TemplateNode]
    }

    let templates: [String: Template]
    private(set) var diagnostics: [Diagnostic] = []
    private var visited: Set<String> = []
    private var reported: Set<String> = []

    init(templates: [String: Template]) {
        self.templates = templates
    }

    private struct Frame {
        var stack: [ViewSchema]
        var inSequence: Bool
        var overrides: [String: (nodes: [TemplateNode], template: String)]
    }

    mutating func validate(template name: String, schema: ViewSchema) {
        guard let template = templates[name] else { return }
        walk(template.nodes, in: name, frame: Frame(stack: [schema], inSequence: false, overrides: [:]))
    }

    private mutating func walk(_ nodes: [TemplateNode], in template: String, frame: Frame) {
        for node in nodes {
            switch node {
            case .pragma:
                continue
            case .variable(let name, let escaped, let line):
                guard let schema = resolve(name, frame: frame, template: template, line: line) else { continue }
                switch (schema, escaped) {
                case (.text, true), (.number, true), (.html, false):
                    break
                case (.html, true):
                    report(template, line, "{{\(name)}} 是 HTML 片段，请写成 {{{\(name)}}}，否则标签会被当作文字显示。")
                case (_, false):
                    report(template, line, "{{{\(name)}}} 会原样输出，只能用于 HTML 片段；“\(name)”是\(schema.kindDescription)，请写成 {{\(name)}}（自动转义）。")
                case (.list, true), (.object, true), (.bool, true):
                    report(template, line, "“\(name)”是\(schema.kindDescription)，不能直接输出；请用 {{#\(name)}}…{{/\(name)}}。")
                }
            case .section(let name, let inverted, let line, let children):
                guard let schema = resolve(name, frame: frame, template: template, line: line) else { continue }
                var inner = frame
                if !inverted {
                    switch schema {
                    case .bool:
                        break
                    case .list(let element):
                        inner.stack.append(element)
                        inner.inSequence = true
                    default:
                        inner.stack.append(schema)
                        inner.inSequence = false
                    }
                } else if case .list = schema {
                    inner.inSequence = false
                }
                walk(children, in: template, frame: inner)
            case .partial(let name, let line):
                guard let partial = templates[name] else {
                    report(template, line, "找不到局部模板“\(name)”。请确认 templates/partials/ 下存在 \(name).mustache。")
                    continue
                }
                // A partial seen again with the same innermost context (a recursive partial such
                // as the column tree) is not walked again: a deeper stack only resolves more names.
                let key = "\(name)|\(frame.stack.last?.identity ?? "")"
                guard visited.insert(key).inserted else { continue }
                var inner = frame
                inner.inSequence = false
                walk(partial.nodes, in: name, frame: inner)
            case .parent(let name, let line, let blocks):
                guard let parent = templates[name] else {
                    report(template, line, "找不到父模板“\(name)”。请确认 templates/layouts/ 下存在 \(name).mustache。")
                    continue
                }
                var inner = frame
                for (block, body) in blocks where inner.overrides[block] == nil {
                    inner.overrides[block] = (body, template)
                }
                inner.inSequence = false
                walk(parent.nodes, in: name, frame: inner)
            case .block(let name, _, let children):
                if let override = frame.overrides[name] {
                    walk(override.nodes, in: override.template, frame: frame)
                } else {
                    walk(children, in: template, frame: frame)
                }
            }
        }
    }

    /// The schema a name refers to, or nil after reporting why it does not exist.
    private mutating func resolve(_ name: String, frame: Frame, template: String, line: Int) -> ViewSchema? {
        if name == "." { return frame.stack.last }
        if name.hasSuffix("()") {
            let transform = String(name.dropLast(2))
            guard ["first", "last", "even", "odd", "index"].contains(transform) else {
                report(template, line, "不支持的变换“\(name)”。模板只能使用 first()、last()、index()、even()、odd()，其他逻辑请放在视图模型中。")
                return nil
            }
            guard frame.inSequence else {
                report(template, line, "“\(name)”只能直接用在列表段落 {{#列表}}…{{/列表}} 之内。")
                return nil
            }
            return transform == "index" ? .number : .bool
        }
        if name.contains("(") {
            report(template, line, "不支持的变换“\(name)”。其他逻辑请放在视图模型中。")
            return nil
        }
        let parts = name.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard !parts.contains("") else {
            report(template, line, "名称“\(name)”的写法不正确。")
            return nil
        }
        var found: ViewSchema?
        for schema in frame.stack.reversed() {
            if case .object(let object) = schema, let field = object.fields[parts[0]] {
                found = field
                break
            }
        }
        guard var current = found else {
            report(template, line, "视图模型中没有“\(parts[0])”。\(available(frame.stack))")
            return nil
        }
        for part in parts.dropFirst() {
            guard case .object(let object) = current, let field = object.fields[part] else {
                report(template, line, "“\(name)”中的“\(part)”不存在。\(available([current]))")
                return nil
            }
            current = field
        }
        return current
    }

    private func available(_ stack: [ViewSchema]) -> String {
        var names: [String] = []
        for schema in stack.reversed() {
            if case .object(let object) = schema {
                names += object.fieldOrder.filter { !names.contains($0) }
            }
        }
        return names.isEmpty ? "" : "这里可用的名称：\(names.joined(separator: "、"))。"
    }

    private mutating func report(_ template: String, _ line: Int, _ message: String) {
        let display = templates[template]?.display ?? template
        let key = "\(display):\(line):\(message)"
        guard reported.insert(key).inserted else { return }
        diagnostics.append(.error(display, line: line, "模板错误：\(message)"))
    }
}

extension ViewSchema {
    /// Identifies the schema for the partial-recursion guard.
    var identity: String {
        switch self {
        case .object(let object): return "\(ObjectIdentifier(object).hashValue)"
        case .list(let element): return "[\(element.identity)]"
        default: return kindDescription
        }
    }
}
