import GongkaiModel
import GongkaiPublish
import GongkaiSearch
import GongkaiTemplates

/// 政策文件库: the published documents by year, issuer, type, topic and validity, each value
/// linking to its listing; and the search form.
public struct LibraryPageView: Codable, Sendable {
    let site: SiteView
    let page: PageInfo
    let meta: [MetaTag]
    let breadcrumb: [Crumb]
    let searchURL: String
    let total: Int
    let facets: [FacetSection]
    /// The latest documents, newest first (the whole list is on the year pages).
    let documents: Listing<DocumentSummary>?
}

/// One facet with a link per value.
public struct FacetSection: Codable, Sendable {
    /// `year`, `issuer`…: the filter's name in search URLs, and the heading's id.
    let name: String
    /// 按年份浏览
    let heading: String
    let values: [FacetLink]
}

public struct FacetLink: Codable, Sendable {
    let title: String
    let url: String
    let count: Int
}

/// One page of a single-facet listing (every document of 2023, of one issuer…), newest first.
public struct FacetPageView: Codable, Sendable {
    let site: SiteView
    let page: PageInfo
    let meta: [MetaTag]
    let breadcrumb: [Crumb]
    let libraryURL: String
    /// The search page with this filter applied.
    let searchURL: String
    let total: Int
    let documents: Listing<DocumentSummary>?
    let pagination: Pagination?
}

extension PageFactory {
    /// A facet value as a visitor reads it: 2023年, the others as they are.
    static func facetTitle(_ facet: SearchFacet, _ value: String) -> String {
        facet == .year ? "\(value)年" : value
    }

    func facetSections() -> [FacetSection] {
        SearchFacet.allCases.compactMap { facet in
            let groups = published.facets.groups[facet] ?? []
            guard !groups.isEmpty else { return nil }
            return FacetSection(
                name: facet.rawValue, heading: "按\(facet.label)浏览",
                values: groups.map {
                    FacetLink(title: Self.facetTitle(facet, $0.value), url: routes.facet(facet, $0.value), count: $0.entries.count)
                })
        }
    }

    public func libraryPage() -> LibraryPageView {
        LibraryPageView(
            site: siteView(currentColumn: nil, current: .library, searchBox: false),
            page: pageInfo(
                heading: "政策文件库", url: routes.library,
                description: "本站发布的全部文件，可以按年份、发文机关、文件类型、主题分类和有效性浏览，也可以输入关键词搜索。"),
            meta: metaTags(column: nil),
            breadcrumb: breadcrumb(column: nil, current: "政策文件库"),
            searchURL: routes.search, total: published.documents.count, facets: facetSections(),
            documents: .of(published.documents.prefix(10).map(summary)))
    }

    public func facetPage(_ facet: SearchFacet, _ value: String, page number: Int) -> FacetPageView {
        let documents = published.facets.group(facet, value)?.entries ?? []
        let size = site.identity.pageSize
        let count = published.pageCount(listing: documents.count)
        let title = "\(facet.label)：\(Self.facetTitle(facet, value))"
        let heading = number > 1 ? "\(title)（第\(number)页）" : title
        return FacetPageView(
            site: siteView(currentColumn: nil, current: .library),
            page: pageInfo(heading: heading, url: routes.facet(facet, value, page: number)),
            meta: metaTags(column: nil),
            breadcrumb: [Crumb(title: "首页", url: routes.home), Crumb(title: "政策文件库", url: routes.library)]
                + (number > 1
                    ? [Crumb(title: title, url: routes.facet(facet, value)), Crumb(title: "第\(number)页", url: nil)]
                    : [Crumb(title: title, url: nil)]),
            libraryURL: routes.library,
            searchURL: routes.search + "?" + facet.rawValue + "=" + Self.percentEncoded(value),
            total: documents.count,
            documents: .of(documents.dropFirst((number - 1) * size).prefix(size).map(summary)),
            pagination: count > 1 ? pagination(current: number, count: count) { routes.facet(facet, value, page: $0) } : nil)
    }

    /// A query-string value: everything but unreserved ASCII as UTF-8 percent escapes.
    static func percentEncoded(_ text: String) -> String {
        var output = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: "~"):
                output.append(Character(Unicode.Scalar(byte)))
            default:
                let hex = String(byte, radix: 16, uppercase: true)
                output += "%" + (hex.count == 1 ? "0" : "") + hex
            }
        }
        return output
    }
}

/// 政策文件库.
struct LibraryPages: SinglePageKind {
    let template = "library"
    let name = "政策文件库页面"
    func url(in site: PageFactory) -> String { site.routes.library }
    func view(in site: PageFactory) -> LibraryPageView { site.libraryPage() }
    func sitemapEntries(in site: PageFactory) -> [SitemapEntry] { everyPage(in: site) }
    func menuEntry(in site: PageFactory) -> MenuEntry? {
        MenuEntry(title: "政策文件库", url: site.routes.library, section: .library, order: 50)
    }
}

/// Each page of each single-facet listing of the library.
struct FacetPages: PageKind {
    struct Key: Hashable, Sendable {
        let facet: SearchFacet
        let value: String
        let page: Int
    }

    let template = "facet"
    func pages(in site: PageFactory) -> [Key] {
        site.published.facets.allGroups.flatMap { group in
            (1...site.published.pageCount(listing: group.entries.count)).map { Key(facet: group.facet, value: group.value, page: $0) }
        }
    }
    func url(of key: Key, in site: PageFactory) -> String { site.routes.facet(key.facet, key.value, page: key.page) }
    func source(of key: Key, in site: PageFactory) -> PageSource {
        .generated("政策文件库“\(key.facet.label)：\(key.value)”列表")
    }
    func view(of key: Key, in site: PageFactory) -> (view: FacetPageView, warnings: [Diagnostic]) {
        (site.facetPage(key.facet, key.value, page: key.page), [])
    }
    func sitemapEntries(in site: PageFactory) -> [SitemapEntry] {
        site.published.facets.allGroups.map {
            SitemapEntry(loc: site.routes.absolute(site.routes.facet($0.facet, $0.value)), lastmod: $0.entries.first?.date)
        }
    }
}
