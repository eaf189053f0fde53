import GongkaiModel
import GongkaiPublish
import GongkaiSearch

/// The search page: a GET form (keywords and filters) that search.js answers in the browser
/// from the static index; without JavaScript it explains how to browse the library instead.
public struct SearchPageView: Codable, Sendable {
    let site: SiteView
    let page: PageInfo
    let meta: [MetaTag]
    let breadcrumb: [Crumb]
    /// The index directory, for search.js.
    let dataURL: String
    let searchScriptURL: String
    let libraryURL: String
    let filters: [SearchFilter]
    /// Links for browsing without JavaScript.
    let facets: [FacetSection]
}

/// A filter of the search form: a `<select>` named after the facet.
public struct SearchFilter: Codable, Sendable {
    let name: String
    let label: String
    /// 全部年份
    let allLabel: String
    let options: [SearchOption]
}

public struct SearchOption: Codable, Sendable {
    let value: String
    let label: String
}

extension PageFactory {
    public func searchPage() -> SearchPageView {
        // The same groups as the library and the index (documents and 常见问题), so every value
        // a filter can hold in the URL is an option, with the count the index gives.
        let filters = SearchFacet.allCases.compactMap { facet -> SearchFilter? in
            guard let groups = published.facets.groups[facet], !groups.isEmpty else { return nil }
            return SearchFilter(
                name: facet.rawValue, label: facet.label, allLabel: "全部",
                options: groups.map { SearchOption(value: $0.value, label: "\(Self.facetTitle(facet, $0.value))（\($0.entries.count)）") })
        }
        return SearchPageView(
            site: siteView(currentColumn: nil, current: .library, searchBox: false),
            page: pageInfo(
                heading: "搜索政策文件", url: routes.search,
                description: "按关键词搜索本站发布的政策文件，可按年份、发文机关、文件类型、主题分类和有效性筛选。"),
            meta: metaTags(column: nil),
            breadcrumb: [
                Crumb(title: "首页", url: routes.home), Crumb(title: "政策文件库", url: routes.library),
                Crumb(title: "搜索", url: nil),
            ],
            dataURL: routes.searchData, searchScriptURL: routes.asset("search.js"), libraryURL: routes.library,
            filters: filters, facets: facetSections())
    }
}

/// The search page.
struct SearchPages: SinglePageKind {
    let template = "search"
    let name = "搜索页面"
    func url(in site: PageFactory) -> String { site.routes.search }
    func view(in site: PageFactory) -> SearchPageView { site.searchPage() }
    func sitemapEntries(in site: PageFactory) -> [SitemapEntry] { everyPage(in: site) }
}
