import GongkaiModel
import GongkaiTemplates

/// A body's 信息公开 home: who it is, its columns (also the side tree), its newest documents
/// with their 索引号 (the head of its 主动公开目录), its reports and how to apply.
public struct BodyHomeView: Codable, Sendable {
    let site: SiteView
    let page: PageInfo
    let meta: [MetaTag]
    let breadcrumb: [Crumb]
    let body: BodyCardView
    let columns: Listing<ColumnLink>?
    let latest: Listing<CatalogueEntry>?
    let total: Int
    let reports: Listing<LinkView>?
    /// The body's own catalogues (`bodies/<路径>/catalogues/`): its 主动公开目录 and other lists.
    let catalogues: Listing<LinkView>?
    let guideURL: String?
    let applicationURL: String
    let formURL: String
    let feedURL: String
}

/// A row of the 主动公开目录: 索引号, 名称, 发布日期.
public struct CatalogueEntry: Codable, Sendable {
    let indexNumber: String
    let title: String
    let url: String
    let date: String
}

extension PageFactory {
    public func bodyHome(_ body: DisclosingBody) -> BodyHomeView {
        let root = bodyTreeColumn(body)
        let tops = body.ownColumn.map { site.column($0)?.childPaths ?? [] } ?? (site.column(body.folder)?.childPaths ?? [])
        let columns = tops.compactMap(site.column).map {
            ColumnLink(
                title: $0.title, url: routes.column($0.path), count: published.documentsUnder[$0.path]?.count ?? 0, holds: holdings($0))
        }
        let documents = published.documents(of: body)
        let latest = documents.prefix(20).map {
            CatalogueEntry(indexNumber: $0.indexNumber, title: $0.title, url: routes.document($0), date: $0.published.date.iso)
        }
        let guide = published.guideColumn(of: body).map { routes.column($0.path) }
        return BodyHomeView(
            site: siteView(currentColumn: root),
            page: pageInfo(heading: body.name, url: routes.body(body), description: "\(body.name)政府信息公开专栏。"),
            meta: metaTags(column: site.column(body.folder)),
            breadcrumb: bodyCrumbs(body, current: nil),
            body: bodyCard(body), columns: .of(columns), latest: .of(Array(latest)), total: documents.count,
            reports: .of(published.reports(of: body).map { LinkView(title: $0.title, url: routes.report($0)) }),
            catalogues: .of(site.catalogues.filter { $0.body == body.slug }.map { LinkView(title: $0.title, url: routes.catalogue($0.id)) }),
            guideURL: guide, applicationURL: routes.application(body), formURL: routes.applicationForm(body),
            feedURL: routes.feed(body.folder))
    }
}

/// Each body's 信息公开 home (the page of its home column).
struct BodyHomePages: PageKind {
    let template = "body"
    func pages(in site: PageFactory) -> [String] { site.site.bodies.map(\.slug) }
    func url(of key: String, in site: PageFactory) -> String { site.routes.body(body(key, in: site)) }
    func source(of key: String, in site: PageFactory) -> PageSource {
        let body = body(key, in: site)
        return PageSource(
            file: site.site.configFile, line: body.line, description: "公开主体“\(body.name)”（\(site.site.configFile) 第 \(body.line) 行）的主页")
    }
    func view(of key: String, in site: PageFactory) -> (view: BodyHomeView, warnings: [Diagnostic]) {
        (site.bodyHome(body(key, in: site)), [])
    }
    func sitemapEntries(in site: PageFactory) -> [SitemapEntry] { everyPage(in: site) }
    private func body(_ slug: String, in site: PageFactory) -> DisclosingBody { site.site.body(slug)! }
}
