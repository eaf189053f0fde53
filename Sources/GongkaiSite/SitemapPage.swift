import GongkaiModel
import GongkaiTemplates

/// 网站地图: every column as a tree, with document counts.
public struct SitemapPageView: Codable, Sendable {
    let site: SiteView
    let page: PageInfo
    let meta: [MetaTag]
    let breadcrumb: [Crumb]
    let columns: Listing<ColumnNode>?
    /// 工作要点, 工作台账 and their pages.
    let planLinks: Listing<LinkView>?
}

public struct ColumnNode: Codable, Sendable {
    let title: String
    let url: String
    let count: Int
    /// “1 份年度报告” on the column that lists the annual reports (see `ColumnLink.holds`).
    let holds: String?
    let columns: Listing<ColumnNode>?
}

extension PageFactory {
    public func sitemapPage() -> SitemapPageView {
        func node(_ column: Column) -> ColumnNode {
            ColumnNode(
                title: column.title, url: routes.column(column.path),
                count: published.documentsUnder[column.path]?.count ?? 0, holds: holdings(column),
                columns: .of(column.childPaths.compactMap(site.column).map(node)))
        }
        return SitemapPageView(
            site: siteView(currentColumn: nil, current: .other),
            page: pageInfo(heading: "网站地图", url: routes.sitemapPage),
            meta: metaTags(column: nil),
            breadcrumb: breadcrumb(column: nil, current: "网站地图"),
            columns: .of(site.rootColumns.map(node)),
            planLinks: .of(
                [LinkView(title: "政策文件库", url: routes.library), LinkView(title: "搜索政策文件", url: routes.search)]
                    + (planBook.plans.isEmpty
                        ? []
                        : [LinkView(title: "工作要点", url: routes.plans), LinkView(title: "工作台账", url: routes.ledgers)]
                            + planBook.plans.map { LinkView(title: $0.title, url: routes.plan($0.id)) })
                    + (site.catalogues.isEmpty ? [] : [LinkView(title: "公开目录", url: routes.catalogues)])
                    + (published.faqs.isEmpty ? [] : [LinkView(title: "常见问题", url: routes.faqs)])))
    }
}

/// 网站地图.
struct SitemapPages: SinglePageKind {
    let template = "sitemap"
    let name = "网站地图页面"
    func url(in site: PageFactory) -> String { site.routes.sitemapPage }
    func view(in site: PageFactory) -> SitemapPageView { site.sitemapPage() }
    func sitemapEntries(in site: PageFactory) -> [SitemapEntry] { everyPage(in: site) }
}
