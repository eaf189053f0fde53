import GongkaiModel

/// 网站地图: every column as a tree, with document counts.
public struct SitemapPageView: Codable, Sendable {
    let site: SiteView
    let page: PageInfo
    let meta: [MetaTag]
    let breadcrumb: [Crumb]
    let columns: Listing<ColumnNode>?
}

public struct ColumnNode: Codable, Sendable {
    let title: String
    let url: String
    let count: Int
    let columns: Listing<ColumnNode>?
}

extension PageFactory {
    public func sitemapPage() -> SitemapPageView {
        func node(_ column: Column) -> ColumnNode {
            ColumnNode(title: column.title, url: routes.column(column.path),
                       count: published.documentsUnder[column.path]?.count ?? 0,
                       columns: .of(column.childPaths.compactMap(site.column).map(node)))
        }
        return SitemapPageView(
            site: siteView(currentColumn: nil),
            page: pageInfo(heading: "网站地图", url: routes.sitemapPage),
            meta: metaTags(column: nil),
            breadcrumb: breadcrumb(column: nil, current: "网站地图"),
            columns: .of(site.rootColumns.map(node)))
    }
}
