#if canImport(Glibc)
import Glibc
#endif
import CCmarkGFM

/// GitHub-flavoured Markdown to HTML through Debian's libcmark-gfm: tables, strikethrough,
/// autolinks, tag filter, task lists and footnotes. Raw HTML in the source is never passed through.
public struct MarkdownRenderer: Sendable {
    static let extensionNames = ["table", "strikethrough", "autolink", "tagfilter", "tasklist"]

    /// Registers cmark-gfm's extensions. The registry is global and not thread-safe while it is
    /// filled, so call this once before rendering from several threads; later calls do nothing.
    public static func prepare() {
        _ = registration
    }

    private static let registration: Void = {
        cmark_gfm_core_extensions_ensure_registered()
    }()

    public init() {
        Self.prepare()
    }

    public func html(_ markdown: String) -> String {
        let options = CMARK_OPT_FOOTNOTES | CMARK_OPT_STRIKETHROUGH_DOUBLE_TILDE
        guard let parser = cmark_parser_new(options) else { return "" }
        defer { cmark_parser_free(parser) }
        for name in Self.extensionNames {
            if let syntax = cmark_find_syntax_extension(name) {
                cmark_parser_attach_syntax_extension(parser, syntax)
            }
        }
        var source = markdown
        source.withUTF8 { bytes in
            bytes.withMemoryRebound(to: CChar.self) { chars in
                cmark_parser_feed(parser, chars.baseAddress, chars.count)
            }
        }
        guard let document = cmark_parser_finish(parser) else { return "" }
        defer { cmark_node_free(document) }
        ChineseLineBreaks.join(in: document)
        guard let rendered = cmark_render_html(document, options, cmark_parser_get_syntax_extensions(parser)) else { return "" }
        defer { free(rendered) }
        return String(cString: rendered)
    }
}
