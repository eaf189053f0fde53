import Mustache

/// The names the templates of a set use (variables, sections, blocks, each part of a dotted
/// name), as small ints: a view's fields are stored and looked up by these ids.
struct TemplateNames: Sendable {
    private(set) var ids: [String: Int] = [:]
    private(set) var names: [String] = []

    /// The id of a name no template may use otherwise: the stored property swift-mustache finds
    /// by reflection in a text value (`{{text}}` inside `{{#url}}…{{/url}}` is the url) and in
    /// an HTML value.
    let text: Int
    let markup: Int

    init() {
        text = 0
        markup = 1
        names = ["text", "markup"]
        ids = ["text": 0, "markup": 1]
    }

    @inline(__always)
    func id(_ name: String) -> Int? { ids[name] }

    mutating func intern(_ name: String) -> Int {
        if let id = ids[name] { return id }
        ids[name] = names.count
        names.append(name)
        return names.count - 1
    }
}

/// How a tag names its value.
enum NamePath: Sendable {
    /// `{{.}}`: the top of the context stack.
    case current
    /// `{{a.b}}`: `a` looked up from the top of the stack down, `b` in what was found.
    case climbing([Int])
    /// `{{.a.b}}`: `a` in the top of the stack only.
    case anchored([Int])
    /// `{{first()}}`, `{{last()}}`, `{{index()}}`, `{{even()}}`, `{{odd()}}`: the position in
    /// the list a section is iterating.
    case position(Position)
    /// Any other transform (`{{uppercased(name)}}`): the validator rejects it before a page is
    /// rendered; it renders as a missing value.
    case unsupported

    enum Position: String, Sendable {
        case first, last, index, even, odd
    }
}

/// One token of a template, with its names resolved to ids and its partials to indexes: the
/// tokens of swift-mustache's parse, one for one (a token boundary is where a partial's
/// indentation may go, so text tokens are kept apart).
indirect enum CompiledNode: Sendable {
    case text([UInt8])
    case variable(NamePath, escaped: Bool)
    case section(NamePath, inverted: Bool, body: [CompiledNode])
    /// `{{>name}}` or `{{<name}}…{{/name}}` (with the blocks it fills, by name id); `template`
    /// is nil when the set has no such template (it renders nothing).
    case partial(template: Int?, indentation: [UInt8]?, blocks: [Int: [CompiledNode]]?)
    /// `{{$name}}default{{/name}}`.
    case block(Int, default: [CompiledNode], indentation: [UInt8]?)
    /// `{{%CONTENT_TYPE:…}}`: whether the variables after it in the template are escaped.
    case escaping(Bool)
}

struct TemplateCompileError: Error {
    let message: String
}

/// The templates of a set compiled once per build from swift-mustache's parse of each file (so
/// that standalone lines, indentation and inheritance are read exactly as swift-mustache reads
/// them), for `TemplateRenderer`.
struct CompiledTemplates: Sendable {
    let names: TemplateNames
    let index: [String: Int]
    let templates: [[CompiledNode]]

    init(_ parsed: [String: MustacheTemplate]) throws(TemplateCompileError) {
        let order = parsed.keys.sorted()
        var index: [String: Int] = [:]
        for (position, name) in order.enumerated() { index[name] = position }
        var compiler = Compiler(index: index)
        var templates: [[CompiledNode]] = []
        for name in order {
            do {
                templates.append(try compiler.nodes(of: parsed[name]!))
            } catch {
                throw TemplateCompileError(message: "\(name)：\(error.message)")
            }
        }
        self.names = compiler.names
        self.index = index
        self.templates = templates
    }
}

/// Reads the tokens of a parsed `MustacheTemplate` (its stored `tokens`, an enum swift-mustache
/// keeps internal) by reflection. Any token shape it does not know is an error at load, never a
/// silent difference in output.
private struct Compiler {
    let index: [String: Int]
    var names = TemplateNames()

    init(index: [String: Int]) {
        self.index = index
    }

    mutating func nodes(of template: MustacheTemplate) throws(TemplateCompileError) -> [CompiledNode] {
        guard let tokens = Mirror(reflecting: template).children.first(where: { $0.label == "tokens" })?.value else {
            throw TemplateCompileError(message: "无法读取 swift-mustache 解析的结果")
        }
        var nodes: [CompiledNode] = []
        for token in Mirror(reflecting: tokens).children {
            nodes.append(try node(token.value))
        }
        return nodes
    }

    private mutating func node(_ token: Any) throws(TemplateCompileError) -> CompiledNode {
        guard let token = Mirror(reflecting: token).children.first, let kind = token.label else {
            throw TemplateCompileError(message: "无法识别的模板标记 \(token)")
        }
        let fields = Mirror(reflecting: token.value).children.map(\.value)
        func field<T>(_ position: Int, _ type: T.Type) throws(TemplateCompileError) -> T {
            guard position < fields.count, let value = fields[position] as? T else {
                throw TemplateCompileError(message: "无法识别的模板标记 \(kind)")
            }
            return value
        }
        func optional<T>(_ position: Int, _ type: T.Type) -> T? {
            position < fields.count ? fields[position] as? T : nil
        }
        switch kind {
        case "text":
            guard let text = token.value as? String else { throw TemplateCompileError(message: "无法识别的模板标记 text") }
            return .text(Array(text.utf8))
        case "variable", "unescapedVariable":
            let named = path(try field(0, String.self), transforms: try field(1, [String].self))
            return .variable(named, escaped: kind == "variable")
        case "section", "invertedSection":
            let named = path(try field(0, String.self), transforms: try field(1, [String].self))
            return .section(named, inverted: kind == "invertedSection", body: try nodes(of: try field(2, MustacheTemplate.self)))
        case "partial":
            let name = try field(0, String.self)
            var blocks: [Int: [CompiledNode]]?
            if let inherits = optional(2, [String: MustacheTemplate].self) {
                var filled: [Int: [CompiledNode]] = [:]
                for (block, template) in inherits { filled[names.intern(block)] = try nodes(of: template) }
                blocks = filled
            }
            return .partial(template: index[name], indentation: optional(1, String.self).map { Array($0.utf8) }, blocks: blocks)
        case "blockExpansion":
            let name = names.intern(try field(0, String.self))
            let fallback = try nodes(of: try field(1, MustacheTemplate.self))
            return .block(name, default: fallback, indentation: optional(2, String.self).map { Array($0.utf8) })
        case "contentType":
            return .escaping("\(type(of: token.value))" != "TextContentType")
        case "dynamicNamePartial":
            // `{{>*name}}`: the validator finds no partial named `*name` and rejects it.
            return .partial(template: nil, indentation: nil, blocks: nil)
        default:
            throw TemplateCompileError(message: "无法识别的模板标记 \(kind)")
        }
    }

    private mutating func path(_ name: String, transforms: [String]) -> NamePath {
        if !transforms.isEmpty {
            guard name.isEmpty, transforms.count == 1, let position = NamePath.Position(rawValue: transforms[0]) else {
                return .unsupported
            }
            return .position(position)
        }
        if name == "." { return .current }
        let ids = name.split(separator: ".").map { names.intern(String($0)) }
        return name.first == "." ? .anchored(ids) : .climbing(ids)
    }
}
