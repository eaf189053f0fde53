import GongkaiModel
import GongkaiTemplates

/// The home page: the latest documents of each main column.
public struct HomePageView: Codable, Sendable {
    let site: SiteView
    let page: PageInfo
    let meta: [MetaTag]
    let breadcrumb: [Crumb]
    let sections: [HomeSection]
    let latestDate: String?
    /// The latest year's work plans and how far they have got.
    let plans: Listing<PlanSummary>?
    let plansURL: String
    let ledgerURL: String
    /// 意见征集 open on the build day (the 征集中 notice).
    let consultations: Listing<ConsultationSummary>?
}

public struct HomeSection: Codable, Sendable {
    let title: String
    let url: String
    let documents: Listing<DocumentSummary>?
    let total: Int
}

extension PageFactory {
    /// How many documents each home-page section lists.
    static let homeSectionSize = 6

    public func homePage() -> HomePageView {
        var columns = site.columns.filter(\.onHome)
        if columns.isEmpty {
            columns = site.columns.filter { $0.childPaths.isEmpty && !(published.documentsUnder[$0.path] ?? []).isEmpty }
        }
        let sections = columns.map { column in
            let documents = published.documentsUnder[column.path] ?? []
            return HomeSection(
                title: column.title, url: routes.column(column.path),
                documents: .of(documents.prefix(Self.homeSectionSize).map(summary)), total: documents.count)
        }
        return HomePageView(
            site: siteView(currentColumn: nil),
            page: pageInfo(heading: site.identity.name, url: routes.home),
            meta: metaTags(column: nil),
            breadcrumb: [Crumb(title: "首页", url: nil)],
            sections: sections,
            latestDate: published.documents.first?.published.date.chinese,
            plans: .of(planBook.plans.filter { $0.year == planBook.currentYear }.map(planSummary)),
            plansURL: routes.plans, ledgerURL: routes.ledgers,
            consultations: .of(published.consultationBook.open.map(consultationSummary)))
    }
}

/// The home page.
struct HomePages: SinglePageKind {
    let template = "home"
    let name = "首页"
    func url(in site: PageFactory) -> String { site.routes.home }
    func view(in site: PageFactory) -> HomePageView { site.homePage() }
    func sitemapEntries(in site: PageFactory) -> [SitemapEntry] {
        [SitemapEntry(loc: site.routes.absolute(site.routes.home), lastmod: site.published.documents.first?.published.date.iso)]
    }
}
