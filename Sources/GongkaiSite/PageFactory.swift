import GongkaiMarkdown
import GongkaiModel
import GongkaiPublish
import GongkaiTemplates

/// Builds the view model of each page from the published site. Pure: the same site gives the
/// same views, so output is deterministic.
public struct PageFactory: Sendable {
    public let published: PublishedSite
    /// The kinds of page the site is made of: the sitemap and the menu come from them.
    public let registry: PageRegistry
    /// Files under `content/` copied to the output (attachments, images), for link checks.
    public let assets: Set<String>
    let markdown = MarkdownRenderer()

    /// Output paths of the pages (not assets), for link checks.
    let pagePaths: Set<String>
    /// The menu entries of the page kinds after the columns, in order.
    private(set) var menu: [MenuEntry]
    /// What many pages share, made once per build.
    private(set) var shared = SharedParts()

    public init(published: PublishedSite, registry: PageRegistry = .standard, assets: Set<String> = [], pagePaths: Set<String> = []) {
        self.init(published: published, registry: registry, assets: assets, pagePaths: pagePaths, menu: [])
        let bare = self
        menu = registry.kinds.compactMap { $0.menuEntry(in: bare) }.sorted { $0.order < $1.order }
        // Nothing made before the menu was known is kept.
        shared = SharedParts()
    }

    /// The same factory with the files it may link to, keeping what was derived already.
    func with(assets: Set<String>, pagePaths: Set<String>) -> PageFactory {
        var factory = PageFactory(published: published, registry: registry, assets: assets, pagePaths: pagePaths, menu: menu)
        factory.shared = shared
        return factory
    }

    private init(published: PublishedSite, registry: PageRegistry, assets: Set<String>, pagePaths: Set<String>, menu: [MenuEntry]) {
        self.published = published
        self.registry = registry
        self.assets = assets
        self.pagePaths = pagePaths
        self.menu = menu
    }

    /// The parts of views that many pages of a build show alike. None depends on the files
    /// pages may link to (`assets`, `pagePaths`), so the factory `with` them keeps these.
    struct SharedParts: Sendable {
        /// The chrome of each part of the site: by current column, menu section and search box.
        let chrome = Memo<ChromeKey, SiteView>()
        /// `holdings` of each column.
        let holdings = Memo<String, String?>()
        /// Each document's summary, by its id.
        let summaries = Memo<String, DocumentSummary>()
        /// Each search record's summary, by its URL.
        let recordSummaries = Memo<String, DocumentSummary>()
        /// The fingerprint of what every document page of a column shows alike, by column path.
        let documentContexts = Memo<String, UInt64>()
    }

    struct ChromeKey: Hashable, Sendable {
        let column: String?
        let section: Section?
        let searchBox: Bool
    }

    public var site: Site { published.site }
    public var routes: Routes { published.routes }
    public var planBook: PlanBook { published.planBook }

    /// The chrome of a page in `currentColumn` (nil: outside the column tree) or in `section`;
    /// made once per build for each such place and shared by its pages.
    func siteView(currentColumn: String?, current section: Section? = nil, searchBox: Bool = true) -> SiteView {
        shared.chrome.value(ChromeKey(column: currentColumn, section: section, searchBox: searchBox)) {
            SiteView(chrome(currentColumn: currentColumn, current: section, searchBox: searchBox))
        }
    }

    private func chrome(currentColumn: String?, current section: Section?, searchBox: Bool) -> SiteChrome {
        let identity = site.identity
        let extra = menu.map { NavigationItem(title: $0.title, url: $0.url, current: section == $0.section) }
        let navigation =
            [NavigationItem(title: "首页", url: routes.home, current: currentColumn == nil && section == nil)]
            + navigationColumns.map { column in
                NavigationItem(
                    title: column.title, url: routes.column(column.path),
                    current: currentColumn.map { current in
                        Site.isWithin(current, column.path)
                            && !navigationColumns.contains { $0.depth > column.depth && Site.isWithin(current, $0.path) }
                    } ?? false)
            } + extra
        return SiteChrome(
            name: identity.name, language: identity.language, homeURL: routes.home,
            sitemapURL: routes.sitemapPage, accessibilityURL: routes.accessibility,
            stylesheetURL: routes.asset("gongkai.css"), scriptURL: routes.asset("care.js"),
            searchURL: routes.search, libraryURL: routes.library,
            host: identity.host, operatorName: identity.operatorName, siteCode: identity.siteCode,
            icp: identity.icp, policeRecord: identity.policeRecord, phone: identity.phone,
            address: identity.address, email: identity.email, navigation: navigation,
            searchBox: searchBox,
            logoURL: identity.logo.map(routes.contentFile), conacMarkURL: identity.conacMark.map(routes.contentFile),
            conacURL: identity.conacURL, icpURL: "https://beian.miit.gov.cn/",
            policeRecordURL: identity.policeRecord.flatMap(Self.policeRecordURL),
            errorReportURL: "https://zfwzgl.www.gov.cn/exposure/jiucuo.html?site_code=" + identity.siteCode,
            sectionTree: currentColumn.flatMap(sectionTree))
    }

    /// The record page of a 公安机关备案号 (its 14 digits), or nil when it holds none.
    static func policeRecordURL(_ record: String) -> String? {
        let digits = String(record.filter { $0.isASCII && $0.isNumber })
        return digits.isEmpty ? nil : "https://beian.mps.gov.cn/#/query/webSearch?code=" + digits
    }

    /// The top-level column holding `current`, with its sub-columns; the branch leading to
    /// `current` is open.
    func sectionTree(_ current: String) -> Listing<SideColumn>? {
        // Under the 公开主体 column the tree is the body's own, not that of every body.
        let lineage = site.lineage(of: current)
        let inBodies = !site.bodies.isEmpty && lineage.first?.path == DisclosingBody.root
        guard let root = inBodies ? lineage.dropFirst().first : lineage.first else { return nil }
        func node(_ column: Column) -> SideColumn {
            let open = Site.isWithin(current, column.path)
            return SideColumn(
                title: column.title, url: routes.column(column.path), current: column.path == current,
                open: open, columns: .of(column.childPaths.compactMap(site.column).map(node)))
        }
        return .of([node(root)])
    }

    /// The columns of the main navigation: the top-level ones.
    var navigationColumns: [Column] { site.rootColumns }

    /// 首页 › column › … › column, with the last step unlinked when the page is the column itself.
    func breadcrumb(column path: String?, current: String?) -> [Crumb] {
        var crumbs = [Crumb(title: "首页", url: routes.home)]
        if let path {
            for column in site.lineage(of: path) {
                crumbs.append(Crumb(title: column.title, url: routes.column(column.path)))
            }
        }
        if let current {
            crumbs.append(Crumb(title: current, url: nil))
        } else if let last = crumbs.popLast() {
            crumbs.append(Crumb(title: last.title, url: nil))
        }
        return crumbs
    }

    func pageInfo(heading: String, url: String, description: String? = nil) -> PageInfo {
        let title = url == routes.home ? site.identity.name : "\(heading) - \(site.identity.name)"
        return PageInfo(title: title, heading: heading, canonicalURL: routes.absolute(url), description: description)
    }

    /// SiteName, SiteIDCode, ColumnName… as seen on government pages (REFERENCE: page identity).
    func metaTags(column: Column?, document: Document? = nil) -> [MetaTag] {
        var tags = [
            MetaTag(name: "SiteName", content: site.identity.name),
            MetaTag(name: "SiteDomain", content: site.identity.baseURL),
            MetaTag(name: "SiteIDCode", content: site.identity.siteCode),
        ]
        if let column {
            tags.append(MetaTag(name: "ColumnName", content: column.title))
            if let description = column.description {
                tags.append(MetaTag(name: "ColumnDescription", content: description))
            }
            tags.append(MetaTag(name: "ColumnType", content: column.updateClass.rawValue))
        }
        if let document {
            tags.append(MetaTag(name: "ArticleTitle", content: document.title))
            tags.append(MetaTag(name: "PubDate", content: document.published.minutePrecision))
            tags.append(MetaTag(name: "ContentSource", content: document.issuer ?? site.identity.host))
            if !document.tags.isEmpty {
                tags.append(MetaTag(name: "Keywords", content: document.tags.joined(separator: ",")))
            }
        }
        return tags
    }

    /// A document as listings show it; made once per build for each document.
    func summary(_ document: Document) -> DocumentSummary {
        shared.summaries.value(document.id) {
            Shared(
                DocumentEntry(
                    title: document.title, url: routes.document(document),
                    date: document.published.date.iso, docNumber: document.docNumber,
                    validity: document.validity?.rawValue,
                    notCurrent: document.validity.map { !$0.isCurrent } ?? false))
        }
    }

    /// The same summary of an entry of the search index (a document or a question).
    func summary(_ record: SearchRecord) -> DocumentSummary {
        shared.recordSummaries.value(record.url) {
            Shared(
                DocumentEntry(
                    title: record.title, url: record.url, date: record.date, docNumber: record.docNumber,
                    validity: record.validity, notCurrent: record.notCurrent))
        }
    }
}
