import GongkaiModel
import GongkaiTemplates

/// The home page: the blocks `首页:` in site.yml lists, in its order (by default the current
/// year's plans, then the columns marked `首页: 是`). Each block is rendered by its kind's
/// partial (see `HomeSectionKind`); cards next to each other share one grid.
public struct HomePageView: Codable, Sendable {
    let site: SiteView
    let page: PageInfo
    let meta: [MetaTag]
    let breadcrumb: [Crumb]
    let latestDate: String?
    /// 意见征集 open on the build day (the 征集中 notice, above the blocks).
    let consultations: Listing<ConsultationSummary>?
    let blocks: [HomeBlock]
}

/// A block across the page, or a run of cards set in a grid.
public struct HomeBlock: Codable, Sendable {
    let wide: Part?
    let cards: Listing<Part>?
}

extension PageFactory {
    public func homePage() -> HomePageView {
        var blocks: [HomeBlock] = []
        var cards: [Part] = []
        func endGrid() {
            if !cards.isEmpty { blocks.append(HomeBlock(wide: nil, cards: .of(cards))) }
            cards = []
        }
        for block in registry.homeSections.blocks(of: site) {
            let parts = block.kind.parts(block.setting, in: self)
            if block.kind.wide {
                endGrid()
                blocks += parts.map { HomeBlock(wide: $0, cards: nil) }
            } else {
                cards += parts
            }
        }
        endGrid()
        return HomePageView(
            site: siteView(currentColumn: nil),
            page: pageInfo(heading: site.identity.name, url: routes.home),
            meta: metaTags(column: nil),
            breadcrumb: [Crumb(title: "首页", url: nil)],
            latestDate: published.documents.first?.published.date.chinese,
            consultations: .of(published.consultationBook.open.map(consultationSummary)),
            blocks: blocks)
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
