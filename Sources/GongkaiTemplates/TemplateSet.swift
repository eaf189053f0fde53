import Foundation
import GongkaiContent
import GongkaiModel
import Mustache
import Synchronization

/// The templates of a site: every `*.mustache` under `templates/layouts/` and
/// `templates/partials/`, registered by file name without the extension (`document`,
/// `footer`; swift-mustache cannot close a `{{<parent}}` whose name has a slash), parsed by
/// swift-mustache (which reports syntax errors with their lines), checked against the view models
/// and compiled for rendering (`CompiledTemplates`, `TemplateRenderer`).
public struct TemplateSet: Sendable {
    /// swift-mustache's parse, kept for the tests that compare the compiled templates with it.
    public let library: MustacheLibrary
    let program: CompiledTemplates
    /// Hashes of each template's text, by name, for incremental builds.
    public let sources: [String: String]
    let trees: [String: TemplateValidator.Template]

    /// Loads and parses the templates; a syntax error anywhere is reported with file and line.
    public static func load(from directory: URL, display: String = "templates") throws -> TemplateSet {
        try load(layers: [.folder(directory, display: display)])
    }

    /// Loads the templates of several layers (the site's `templates/`, a theme, the built-in
    /// theme): each file from the first layer that has it, named in messages by that layer.
    public static func load(layers: [TemplateLayer]) throws -> TemplateSet {
        let display = layers.first?.display ?? "templates"
        var diagnostics: [Diagnostic] = []
        var seen: [String: String] = [:]
        var read: [Source] = []
        for folder in ["layouts", "partials"] {
            for (file, layer) in layers.resolved(under: folder) where file.hasSuffix(".mustache") {
                let name = String(file.dropLast(".mustache".count))
                let fileDisplay = "\(layer.display)/\(folder)/\(file)"
                if let other = seen[name] {
                    diagnostics.append(
                        .error(
                            fileDisplay,
                            "模板名“\(name)”与 \(other) 重复。layouts/ 和 partials/ 中的模板按文件名引用，请改名其中一个。"))
                    continue
                }
                seen[name] = fileDisplay
                switch layer.text("\(folder)/\(file)") {
                case .failure(let diagnostic): diagnostics.append(diagnostic)
                case .success(let text): read.append(Source(name: name, display: fileDisplay, text: text))
                }
            }
        }
        // The same texts under the same names as the last set this process loaded (`gongkai
        // serve` builds after every save): that set, without parsing and compiling again.
        if diagnostics.isEmpty, let kept = kept.withLock({ $0 }), kept.sources == read, kept.display == display { return kept.set }
        let set = try parse(read, display: display, diagnostics: diagnostics)
        kept.withLock { $0 = (read, display, set) }
        return set
    }

    /// A template file as read: its name, where it came from, its text.
    struct Source: Sendable, Equatable {
        let name: String
        let display: String
        let text: String
    }

    /// The last set loaded, with the files it was made from.
    private static let kept = Mutex<(sources: [Source], display: String, set: TemplateSet)?>(nil)

    private static func parse(_ read: [Source], display: String, diagnostics: [Diagnostic]) throws -> TemplateSet {
        var diagnostics = diagnostics
        var library = MustacheLibrary()
        var sources: [String: String] = [:]
        var trees: [String: TemplateValidator.Template] = [:]
        var parsed: [String: MustacheTemplate] = [:]
        for source in read {
            let (name, fileDisplay, text) = (source.name, source.display, source.text)
            do {
                _ = HTMLEscaping.registered
                let template = try MustacheTemplate(string: HTMLEscaping.pragma + text)
                library.register(template, named: name)
                parsed[name] = template
                trees[name] = .init(display: fileDisplay, nodes: try TemplateTree.parse(text))
                sources[name] = text
            } catch let error as MustacheTemplate.ParserError {
                // Minus the line of the escaping pragma put before the text.
                diagnostics.append(
                    .error(
                        fileDisplay, line: error.context.lineNumber - 1,
                        "模板语法错误（\(Self.describe(error.error))）：\(error.context.line.trimmed)"))
            } catch let error as TemplateSyntaxError {
                diagnostics.append(.error(fileDisplay, line: error.line, "模板语法错误：\(error.message)"))
            } catch {
                diagnostics.append(.error(fileDisplay, "模板无法解析：\(error)"))
            }
        }
        if trees.isEmpty && diagnostics.isEmpty {
            diagnostics.append(.error(display, "找不到模板。模板应放在 \(display)/layouts/ 和 \(display)/partials/ 下，扩展名为 .mustache。"))
        }
        if diagnostics.contains(where: { $0.severity == .error }) { throw DiagnosticError(diagnostics) }
        do {
            let program = try CompiledTemplates(parsed)
            return TemplateSet(library: library, program: program, sources: sources, trees: trees)
        } catch {
            throw DiagnosticError([.error(display, "模板无法编译（\(error.message)）")])
        }
    }

    public func contains(_ name: String) -> Bool { trees[name] != nil }

    /// Checks each page template against its view-model type; returns errors, plus warnings for
    /// templates no page uses.
    /// `parts` are the partials that render a `Part` by themselves, with their views' schemas.
    public func validate(
        _ pages: [(template: String, schema: ViewSchema)], parts: [(template: String, schema: ViewSchema)] = []
    ) -> [Diagnostic] {
        var validator = TemplateValidator(templates: trees)
        var diagnostics: [Diagnostic] = []
        for page in pages {
            guard trees[page.template] != nil else {
                diagnostics.append(
                    .error(
                        "templates/layouts/\(page.template).mustache",
                        "缺少页面模板 layouts/\(page.template).mustache，无法生成这类页面。"))
                continue
            }
            validator.validate(template: page.template, schema: page.schema)
        }
        for part in parts {
            guard trees[part.template] != nil else {
                diagnostics.append(
                    .error(
                        "templates/partials/\(part.template).mustache",
                        "缺少局部模板 partials/\(part.template).mustache，无法生成首页的这类板块。"))
                continue
            }
            validator.validate(template: part.template, schema: part.schema)
        }
        return diagnostics + validator.diagnostics
    }

    /// The page `template` makes of `view`; empty when the set has no such template.
    public func render(_ view: any Encodable, template: String) -> String {
        guard let index = program.index[template] else { return "" }
        var renderer = TemplateRenderer(program: program, root: tree(of: view) { render($0.view, template: $0.template) })
        renderer.render(program.templates[index], .init())
        return String(decoding: renderer.output, as: UTF8.self)
    }

    /// The view as the compiled templates read it, each `Part` in it rendered by `parts`.
    func tree(of view: any Encodable, parts: @escaping (Part) -> String) -> ViewValue {
        ViewEncoder(names: program.names, parts: parts).tree(any: view)
    }

    static func describe(_ error: Error) -> String {
        switch "\(error)" {
        case "sectionCloseNameIncorrect": return "结束标签与开始标签的名称不一致"
        case "unfinishedName": return "标签没有正确结束"
        case "expectedSectionEnd": return "段落缺少结束标签"
        case "invalidSetDelimiter": return "分隔符设置无效"
        case "illegalTokenInsideInheritSection", "textInsideInheritSection": return "继承模板 {{<…}} 内只能写 {{$块}}"
        case "unrecognisedConfigVariable", "invalidConfigVariableSyntax": return "无法识别的 {{%…}} 设置"
        default: return "\(error)"
        }
    }
}
