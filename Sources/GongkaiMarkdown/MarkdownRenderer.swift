import CCmarkGFM
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

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

    /// cmark-gfm adds its extensions' characters (`~`, `|`) to a process-wide table before it
    /// parses inlines and removes them afterwards (github/cmark-gfm#176, unfixed in Debian's
    /// 0.29.0.gfm.6), so two parsers finishing at once make each other miss strikethrough and
    /// tables. Parsing is serialised; rendering the tree to HTML runs in parallel.
    private static let parseLock = NSLock()

    public init() {
        Self.prepare()
    }

    public func html(_ markdown: String) -> String {
        render(markdown).html
    }

    /// HTML and what an editor should know about the source. `links` decides what each link
    /// and image address becomes; without it addresses stay as written.
    public func render(_ markdown: String, links: ((String) -> LinkTarget)? = nil) -> RenderedMarkdown {
        let options = CMARK_OPT_FOOTNOTES | CMARK_OPT_STRIKETHROUGH_DOUBLE_TILDE
        guard let parser = cmark_parser_new(options) else { return RenderedMarkdown(html: "", imagesWithoutAlt: [], brokenLinks: []) }
        defer { cmark_parser_free(parser) }
        for name in Self.extensionNames {
            if let syntax = cmark_find_syntax_extension(name) {
                cmark_parser_attach_syntax_extension(parser, syntax)
            }
        }
        var source = markdown
        Self.parseLock.lock()
        source.withUTF8 { bytes in
            bytes.withMemoryRebound(to: CChar.self) { chars in
                cmark_parser_feed(parser, chars.baseAddress, chars.count)
            }
        }
        let finished = cmark_parser_finish(parser)
        Self.parseLock.unlock()
        guard let document = finished else { return RenderedMarkdown(html: "", imagesWithoutAlt: [], brokenLinks: []) }
        defer { cmark_node_free(document) }
        ChineseLineBreaks.join(in: document)
        let tree = MarkdownTree(document)
        let broken = links.map { LinkRewriter.rewrite(document, with: $0) } ?? []
        guard let rendered = cmark_render_html(document, options, cmark_parser_get_syntax_extensions(parser)) else {
            return RenderedMarkdown(html: "", imagesWithoutAlt: tree.imagesWithoutAlt, brokenLinks: broken)
        }
        defer { free(rendered) }
        return RenderedMarkdown(
            html: AccessibleHTML.fix(String(cString: rendered), tree: tree),
            imagesWithoutAlt: tree.imagesWithoutAlt, brokenLinks: broken)
    }
}

/// Rendered Markdown and the problems found in it.
public struct RenderedMarkdown: Sendable {
    public let html: String
    /// Lines of the Markdown source with an image that has no alt text.
    public let imagesWithoutAlt: [Int]
    /// Links and images whose address leads nowhere.
    public let brokenLinks: [BrokenLink]
}
