import GongkaiModel
import GongkaiPlans
import GongkaiTemplates

/// 上下对标: a lower-level plan item by item beside the higher-level plan it carries out.
public struct AlignmentPageView: Codable, Sendable {
    let site: SiteView
    let page: PageInfo
    let meta: [MetaTag]
    let breadcrumb: [Crumb]
    let lower: LinkView
    let higher: LinkView
    let summary: String
    let rows: [AlignmentRow]
    /// Higher-level items that no lower item carries out.
    let unmatched: Listing<ItemLink>?
}

public struct AlignmentRow: Codable, Sendable {
    let lower: ItemLink
    let higher: Listing<AlignedItem>?
}

public struct AlignedItem: Codable, Sendable {
    let item: ItemLink
    let confirmed: Bool
    /// 相似度 0.83, for suggestions.
    let score: String?
}

extension PageFactory {
    public func alignmentPage(_ alignment: Alignment) -> AlignmentPageView {
        let lower = alignment.lower
        let higher = alignment.higher
        let rows = lower.items.map { item in
            AlignmentRow(
                lower: itemLink(item, of: lower),
                higher: .of(
                    alignment.links.filter { $0.lower == item.number }.compactMap { link in
                        higher.item(link.higher).map {
                            AlignedItem(
                                item: itemLink($0, of: higher), confirmed: link.confirmed,
                                score: link.confirmed ? nil : String(format: "%.2f", link.score))
                        }
                    }))
        }
        let matched = Set(alignment.links.map(\.lower)).count
        let summary = "《\(lower.title)》共 \(lower.items.count) 项任务，其中 \(matched) 项与上级任务对应；《\(higher.title)》共 \(higher.items.count) 项任务，其中 \(alignment.unmatched.count) 项在下级要点中没有对应任务。"
        let title = "\(lower.region)与\(higher.region)\(higher.year)年\(higher.kind.rawValue)工作要点对标"
        return AlignmentPageView(
            site: siteView(currentColumn: nil, current: .plans),
            page: pageInfo(heading: title, url: routes.alignment(lower: lower.id, higher: higher.id)),
            meta: metaTags(column: nil), breadcrumb: planCrumbs(title),
            lower: LinkView(title: lower.title, url: routes.plan(lower.id)),
            higher: LinkView(title: higher.title, url: routes.plan(higher.id)),
            summary: summary, rows: rows, unmatched: .of(alignment.unmatched.map { itemLink($0, of: higher) }))
    }
}

/// 上下对标: each plan against the higher plan it carries out.
struct AlignmentPages: PageKind {
    struct Key: Hashable, Sendable {
        let lower: String
        let higher: String
    }

    let template = "alignment"
    func pages(in site: PageFactory) -> [Key] { site.planBook.alignments.map { Key(lower: $0.lower.id, higher: $0.higher.id) } }
    func url(of key: Key, in site: PageFactory) -> String { site.routes.alignment(lower: key.lower, higher: key.higher) }
    func source(of key: Key, in site: PageFactory) -> PageSource { .generated("上下对标页面 \(key.lower)--\(key.higher)") }
    func view(of key: Key, in site: PageFactory) -> (view: AlignmentPageView, warnings: [Diagnostic]) {
        (site.alignmentPage(site.planBook.alignments.first { $0.lower.id == key.lower }!), [])
    }
    func sitemapEntries(in site: PageFactory) -> [SitemapEntry] { everyPage(in: site) }
}
