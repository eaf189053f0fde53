import GongkaiModel
import GongkaiPublish
import GongkaiTemplates

/// Every page the published site consists of, where each one is written, and how to render
/// one of them. Every output file is claimed once: two inputs that would make the same file
/// (a column and a generated section, a document and a listing page, two documents, a page
/// and an attachment) are `collisions`, errors naming both.
public struct SitePlan: Sendable {
    public let factory: PageFactory
    public let templates: TemplateSet
    /// Every page, kind by kind in the registry's order.
    public let pages: [OutputPage]
    /// The output path (under `site/`) of each page of `pages`.
    public let paths: [String]
    /// Errors: outputs claimed by two inputs.
    public let collisions: [Diagnostic]
    /// A hash of everything the views are made from except the documents' Markdown bodies:
    /// the content's outline (`LoadedContent.outline`), the build day, every document's fields
    /// but its body, the attachments and the page paths. A page whose kind shows no body but a
    /// document's own (`PageKind.bodiesShown`) is the same while this and those bodies are;
    /// nil when the plan was made without the content's outline.
    public let outline: UInt64?

    public init(
        published: PublishedSite, templates: TemplateSet, assets: Set<String> = [],
        registry: PageRegistry = .standard, contentOutline: UInt64? = nil
    ) {
        // Pages and their paths do not depend on the files pages may link to; links do.
        let bare = PageFactory(published: published, registry: registry)
        var pages: [OutputPage] = []
        var paths: [String] = []
        var claims = OutputClaims()
        for (index, kind) in registry.kinds.enumerated() {
            // Paths and sources on every core; the claims in page order, as one after another.
            let claimed = kind.erasedPages(in: bare).parallelMap { key in
                (key, bare.routes.file(for: kind.erasedURL(key, in: bare)), kind.erasedSource(key, in: bare))
            }
            for (key, path, source) in claimed where claims.claim(path, by: source) {
                pages.append(OutputPage(kind: index, key: key))
                paths.append(path)
            }
        }
        // Attachments that published documents list are copied to their own paths: they claim
        // them too (files only linked from a body are found while rendering, after this).
        let listed = Set(published.documents.flatMap { $0.attachments.map(\.path) })
        for asset in assets.sorted() where listed.contains(asset) {
            let file = "\(published.site.contentDisplay)/\(asset)"
            _ = claims.claim(asset, by: PageSource(file: file, description: "附件 \(file)"))
        }
        self.factory = bare.with(assets: assets, pagePaths: Set(paths))
        self.templates = templates
        self.pages = pages
        self.paths = paths
        self.collisions = claims.collisions
        self.outline = contentOutline.map { Self.outline(content: $0, published: published, assets: assets, paths: paths) }
    }

    private static func outline(content: UInt64, published: PublishedSite, assets: Set<String>, paths: [String]) -> UInt64 {
        var hasher = StableHasher()
        hasher.combine(content)
        hasher.combine(published.rule.asOf.iso)
        // The documents as the build day derives them (validity), in id order.
        for digest in published.site.documents.parallelMap({ $0.outlineDigest }) { hasher.combine(digest) }
        for asset in assets.sorted() { hasher.combine(asset) }
        for path in paths { hasher.combine(path) }
        return hasher.finalize()
    }

    var routes: Routes { factory.routes }

    func kind(of page: OutputPage) -> any PageKind { factory.registry.kinds[page.kind] }

    /// The output path (under `site/`) of a page.
    public func path(of page: OutputPage) -> String { routes.file(for: kind(of: page).erasedURL(page.key, in: factory)) }

    /// The template a page is rendered by.
    public func template(of page: OutputPage) -> String { kind(of: page).template }

    public func render(_ page: OutputPage) -> String {
        renderWithWarnings(page).text
    }

    /// The page's text and the warnings found while making it.
    public func renderWithWarnings(_ page: OutputPage) -> (text: String, warnings: [Diagnostic]) {
        let made = view(of: page)
        return (templates.render(made.view, template: template(of: page)), made.warnings)
    }

    /// The view model a page is rendered from, and the warnings found while making it.
    func view(of page: OutputPage) -> (view: any Encodable & Sendable, warnings: [Diagnostic]) {
        kind(of: page).erasedView(page.key, in: factory)
    }

    /// The document a page shows, when it is a document page.
    public func documentID(of page: OutputPage) -> String? {
        kind(of: page) is DocumentPages ? page.key.base as? String : nil
    }

    /// The page written to `path`, if any.
    public func page(at path: String) -> OutputPage? {
        paths.firstIndex(of: path).map { pages[$0] }
    }
}

/// Output paths and who claimed each; a second claim on a path is a collision.
struct OutputClaims {
    private var owners: [String: PageSource] = [:]
    private(set) var collisions: [Diagnostic] = []

    /// Claims `path` for `source`; false (and a collision) when another input has it.
    mutating func claim(_ path: String, by source: PageSource) -> Bool {
        guard let owner = owners[path] else {
            owners[path] = source
            return true
        }
        // Report at the file an editor can change: the newer claim's, else the first's.
        let (here, other) = source.file != nil ? (source, owner) : (owner, source)
        collisions.append(
            .error(
                here.file ?? "content/site.yml", line: here.line,
                "\(here.description)与\(other.description)都要生成网站文件 \(path)，后生成的会覆盖先生成的。请给其中一个换一个路径或网址名（栏目改“路径”，文件改文件名或“网址名”）。",
                rule: "output-collision"))
        return false
    }
}
