import GongkaiModel
import GongkaiTemplates

/// One page of a column's listing (信息公开目录): its documents and those of its sub-columns,
/// newest first.
public struct ColumnPageView: Codable, Sendable {
    let site: SiteView
    let page: PageInfo
    let meta: [MetaTag]
    let breadcrumb: [Crumb]
    let column: ColumnView
    let subcolumns: Listing<ColumnLink>?
    let documents: Listing<DocumentSummary>?
    let pagination: Pagination?
    /// Annual reports, on the column that lists them.
    let reports: Listing<LinkView>?
}

public struct ColumnView: Codable, Sendable {
    let title: String
    let description: String?
    let url: String
    let feedURL: String
    /// Documents in the column and its sub-columns.
    let total: Int
}

public struct ColumnLink: Codable, Sendable {
    let title: String
    let url: String
    let count: Int
    /// What the column holds when it lists annual reports (“1 份年度报告”), so that it never
    /// reads as empty; nil for other columns.
    let holds: String?
}

public struct Pagination: Codable, Sendable {
    let current: Int
    let count: Int
    let previousURL: String?
    let nextURL: String?
    let pages: [PageLink]
    /// 第 2 页，共 5 页
    let summary: String
}

/// A page number in the pagination bar; `gap` stands for the numbers left out (…).
public struct PageLink: Codable, Sendable {
    let number: Int
    let url: String?
    let current: Bool
    let gap: Bool
}

extension PageFactory {
    public func columnPage(_ column: Column, page: Int) -> ColumnPageView {
        let all = published.documentsUnder[column.path] ?? []
        let size = site.identity.pageSize
        let count = published.pageCount(of: column.path)
        let slice = all.dropFirst((page - 1) * size).prefix(size)
        let url = routes.column(column.path, page: page)
        let heading = page > 1 ? "\(column.title)（第\(page)页）" : column.title
        let subcolumns: [ColumnLink] = column.childPaths.compactMap(site.column).map {
            ColumnLink(
                title: $0.title, url: routes.column($0.path), count: published.documentsUnder[$0.path]?.count ?? 0,
                holds: holdings($0))
        }
        return ColumnPageView(
            site: siteView(currentColumn: column.path),
            page: pageInfo(heading: heading, url: url, description: column.description),
            meta: metaTags(column: column),
            breadcrumb: breadcrumb(column: column.path, current: page > 1 ? "第\(page)页" : nil),
            column: ColumnView(
                title: column.title, description: column.description,
                url: routes.column(column.path), feedURL: routes.feed(column.path), total: all.count),
            subcolumns: .of(subcolumns),
            documents: .of(slice.map(summary)),
            pagination: count > 1 ? pagination(column: column.path, current: page, count: count) : nil,
            reports: page == 1
                ? published.reportsListed(in: column).flatMap { .of($0.map { LinkView(title: $0.title, url: routes.report($0)) }) } : nil)
    }

    /// “1 份年度报告” (with its documents, if any) for the column that lists the annual reports;
    /// worked out once per build for each column.
    func holdings(_ column: Column) -> String? {
        shared.holdings.value(column.path) { reportHoldings(column) }
    }

    private func reportHoldings(_ column: Column) -> String? {
        guard let reports = published.reportsListed(in: column), !reports.isEmpty else { return nil }
        let documents = published.documentsUnder[column.path]?.count ?? 0
        return (documents > 0 ? "\(documents) 篇文件、" : "") + "\(reports.count) 份年度报告"
    }

    func pagination(column: String, current: Int, count: Int) -> Pagination {
        pagination(current: current, count: count) { routes.column(column, page: $0) }
    }

    /// First, last, and two either side of the current page; gaps between.
    func pagination(current: Int, count: Int, url: (Int) -> String) -> Pagination {
        var numbers = Set([1, count])
        for number in (current - 2)...(current + 2) where (1...count).contains(number) {
            numbers.insert(number)
        }
        var pages: [PageLink] = []
        var previous = 0
        for number in numbers.sorted() {
            if number > previous + 1 {
                pages.append(PageLink(number: 0, url: nil, current: false, gap: true))
            }
            pages.append(
                PageLink(
                    number: number, url: number == current ? nil : url(number),
                    current: number == current, gap: false))
            previous = number
        }
        return Pagination(
            current: current, count: count,
            previousURL: current > 1 ? url(current - 1) : nil,
            nextURL: current < count ? url(current + 1) : nil,
            pages: pages, summary: "第 \(current) 页，共 \(count) 页")
    }
}

/// Each page of each column's listing: `/xxgk/`, `/xxgk/index_2.html`.
struct ColumnPages: PageKind {
    struct Key: Hashable, Sendable {
        let path: String
        let page: Int
    }

    let template = "column"
    func pages(in site: PageFactory) -> [Key] {
        site.site.columns.filter(\.holdsDocuments).flatMap { column in
            (1...site.published.pageCount(of: column.path)).map { Key(path: column.path, page: $0) }
        }
    }
    func url(of key: Key, in site: PageFactory) -> String { site.routes.column(key.path, page: key.page) }
    func source(of key: Key, in site: PageFactory) -> PageSource {
        let column = site.site.column(key.path)!
        return PageSource(
            file: site.site.configFile, line: column.line,
            description: "栏目“\(column.title)”（\(site.site.configFile) 第 \(column.line) 行）的\(key.page > 1 ? "第 \(key.page) 页" : "列表页")")
    }
    func view(of key: Key, in site: PageFactory) -> (view: ColumnPageView, warnings: [Diagnostic]) {
        (site.columnPage(site.site.column(key.path)!, page: key.page), [])
    }
    func sitemapEntries(in site: PageFactory) -> [SitemapEntry] {
        pages(in: site).map { key in
            SitemapEntry(
                loc: site.routes.absolute(url(of: key, in: site)),
                lastmod: key.page == 1 ? site.published.documentsUnder[key.path]?.first?.published.date.iso : nil)
        }
    }
}
