import GongkaiModel
import GongkaiTemplates

/// 公开主体: every disclosing body of the portal, 本级政府, 部门 and 乡镇街道 apart.
public struct BodyIndexView: Codable, Sendable {
    let site: SiteView
    let page: PageInfo
    let meta: [MetaTag]
    let breadcrumb: [Crumb]
    let groups: [BodyGroup]
    let reportsOverviewURL: String
    let feedURL: String
}

public struct BodyGroup: Codable, Sendable {
    let id: String
    let title: String
    let bodies: [BodyEntry]
}

public struct BodyEntry: Codable, Sendable {
    let name: String
    let url: String
    let documents: Int
    let latest: String?
}

extension PageFactory {
    public func bodyIndex() -> BodyIndexView {
        let groups = DisclosingBody.Kind.allCases.enumerated().compactMap { index, kind -> BodyGroup? in
            let bodies = site.bodies.filter { $0.kind == kind }
            guard !bodies.isEmpty else { return nil }
            return BodyGroup(
                id: "bodies-\(index)", title: kind == .township ? "乡镇（街道）" : kind.rawValue,
                bodies: bodies.map { body in
                    let documents = published.documents(of: body)
                    return BodyEntry(
                        name: body.name, url: routes.body(body), documents: documents.count, latest: documents.first?.published.date.iso)
                })
        }
        let column = site.column(DisclosingBody.root)
        return BodyIndexView(
            site: siteView(currentColumn: DisclosingBody.root),
            page: pageInfo(heading: "公开主体", url: routes.bodies, description: column?.description),
            meta: metaTags(column: column), breadcrumb: breadcrumb(column: DisclosingBody.root, current: nil), groups: groups,
            reportsOverviewURL: routes.reportsOverview, feedURL: routes.feed(DisclosingBody.root))
    }
}

/// The 公开主体 index, on a site that declares bodies.
struct BodyIndexPages: SinglePageKind {
    let template = "bodies"
    let name = "公开主体列表页面"
    func exists(in site: PageFactory) -> Bool { !site.site.bodies.isEmpty }
    func url(in site: PageFactory) -> String { site.routes.bodies }
    func view(in site: PageFactory) -> BodyIndexView { site.bodyIndex() }
    func sitemapEntries(in site: PageFactory) -> [SitemapEntry] { everyPage(in: site) }
}
