import GongkaiModel
import GongkaiOutput
import GongkaiTemplates

/// One kind of output page, declared once: which pages of it the site has, where each lives,
/// what input it comes from (for the error when two inputs would make one file), the view it
/// is rendered from and by which template, what it adds to sitemap.xml and to the main menu,
/// and what its fingerprint covers. Every kind is registered in `PageRegistry.standard`; a new
/// kind is one Swift file holding its view types and this declaration, and one template.
public protocol PageKind: Sendable {
    associatedtype Key: Hashable & Sendable
    associatedtype View: Codable & Sendable

    /// The layout that renders every page of this kind (`templates/layouts/<template>.mustache`).
    var template: String { get }
    /// Every page of this kind in the site, in order.
    func pages(in site: PageFactory) -> [Key]
    /// Where a page lives: a root-relative URL (`/a/b/` is the file `a/b/index.html`).
    func url(of key: Key, in site: PageFactory) -> String
    /// The input a page is made from, as an editor names it.
    func source(of key: Key, in site: PageFactory) -> PageSource
    /// The page's view model and what the editor should fix that making it found.
    func view(of key: Key, in site: PageFactory) -> (view: View, warnings: [Diagnostic])
    /// The pages of this kind that `sitemap.xml` lists.
    func sitemapEntries(in site: PageFactory) -> [SitemapEntry]
    /// The entry this kind adds to the main menu after the columns, when the site has such pages.
    func menuEntry(in site: PageFactory) -> MenuEntry?
    /// Makes one page for a build, or finds the previous file still right. The default
    /// fingerprint is the whole view; a kind whose view is costly to make declares cheaper inputs.
    func make(_ key: Key, path: String, renderer: PageRenderer, base: StableHasher) -> OutputFile
    /// The documents whose Markdown body the page shows (a document page: its own). Everything
    /// else a view is made from is in the plan's `outline`, so a page is left as it was, without
    /// making its view, while the outline and these bodies are what they were (default: none).
    func bodiesShown(by key: Key, in site: PageFactory) -> [Document]
}

extension PageKind {
    public func sitemapEntries(in site: PageFactory) -> [SitemapEntry] { [] }
    public func menuEntry(in site: PageFactory) -> MenuEntry? { nil }
    public func bodiesShown(by key: Key, in site: PageFactory) -> [Document] { [] }
    public func make(_ key: Key, path: String, renderer: PageRenderer, base: StableHasher) -> OutputFile {
        renderer.make(view(of: key, in: renderer.plan.factory), template: template, path: path, base: base)
    }

    /// A sitemap entry for each page of this kind, without a modification date.
    public func everyPage(in site: PageFactory) -> [SitemapEntry] {
        pages(in: site).map { SitemapEntry(loc: site.routes.absolute(url(of: $0, in: site)), lastmod: nil) }
    }
}

/// A kind with at most one page (the home page, the library, an index): it says whether the
/// site has the page, where it lives and how its view is made.
public protocol SinglePageKind: PageKind where Key == Int {
    associatedtype View: Codable & Sendable
    /// Whether the site has this page (default: always).
    func exists(in site: PageFactory) -> Bool
    func url(in site: PageFactory) -> String
    /// What the page is, as an editor names it (自动生成的…).
    var name: String { get }
    func view(in site: PageFactory) -> View
}

extension SinglePageKind {
    public typealias Key = Int
    public func exists(in site: PageFactory) -> Bool { true }
    public func pages(in site: PageFactory) -> [Int] { exists(in: site) ? [0] : [] }
    public func url(of key: Int, in site: PageFactory) -> String { url(in: site) }
    public func source(of key: Int, in site: PageFactory) -> PageSource { .generated(name) }
    public func view(of key: Int, in site: PageFactory) -> (view: View, warnings: [Diagnostic]) { (view(in: site), []) }
}

/// What a page is made from: a content file (with the line that makes it) or a part of the
/// portal that Gongkai generates.
public struct PageSource: Sendable, Hashable {
    /// The file under the project that makes the page, when an editor wrote it.
    public let file: String?
    public let line: Int?
    /// How an editor names it: 文件 content/xxgk/a.md, 栏目“政策文件”（content/site.yml 第 12 行）, 政策文件库页面.
    public let description: String

    public init(file: String?, line: Int? = nil, description: String) {
        self.file = file
        self.line = line
        self.description = description
    }

    /// A page Gongkai generates from no single file.
    public static func generated(_ description: String) -> PageSource {
        PageSource(file: nil, description: "自动生成的\(description)")
    }
}

/// An entry of the main menu after the columns; `order` places it among the other kinds' entries.
public struct MenuEntry: Sendable {
    public let title: String
    public let url: String
    public let section: Section
    public let order: Int

    public init(title: String, url: String, section: Section, order: Int) {
        self.title = title
        self.url = url
        self.section = section
        self.order = order
    }
}

/// The part of the site a page belongs to, outside the column tree: marks its menu entry current.
public struct Section: Sendable, Hashable {
    public let name: String
    public init(_ name: String) { self.name = name }

    public static let plans = Section("plans")
    public static let ledger = Section("ledger")
    public static let catalogues = Section("catalogues")
    public static let faq = Section("faq")
    public static let library = Section("library")
    public static let other = Section("other")
}

/// A page of some kind: the kind's place in the registry and the page's key.
public struct OutputPage: Sendable, Hashable {
    let kind: Int
    let key: PageKey
}

/// A page key of any kind. Keys are plain values (strings, numbers, enums) made by the kinds.
struct PageKey: Hashable, @unchecked Sendable {
    let base: AnyHashable
}

extension PageKind {
    func erasedPages(in site: PageFactory) -> [PageKey] { pages(in: site).map { PageKey(base: AnyHashable($0)) } }
    func erasedURL(_ key: PageKey, in site: PageFactory) -> String { url(of: key.base as! Key, in: site) }
    func erasedSource(_ key: PageKey, in site: PageFactory) -> PageSource { source(of: key.base as! Key, in: site) }
    func erasedView(_ key: PageKey, in site: PageFactory) -> (view: any Encodable & Sendable, warnings: [Diagnostic]) {
        let made = view(of: key.base as! Key, in: site)
        return (made.view, made.warnings)
    }
    func erasedMake(_ key: PageKey, path: String, renderer: PageRenderer, base: StableHasher) -> OutputFile {
        make(key.base as! Key, path: path, renderer: renderer, base: base)
    }
    func erasedBodiesShown(_ key: PageKey, in site: PageFactory) -> [Document] { bodiesShown(by: key.base as! Key, in: site) }
    func schema(_ builder: SchemaBuilder) throws -> ViewSchema { try builder.schema(for: View.self) }
}
