import GongkaiModel
import GongkaiTemplates

/// The site's disclosure lists, as a card.
public struct HomeCataloguesView: Codable, Sendable {
    let title: String
    let url: String
    let catalogues: Listing<CatalogueSummary>?
}

/// 公开目录: each catalogue with its update date, linking to the 公开目录 page (none while the
/// site has no catalogue).
struct CataloguesSection: HomeSectionKind {
    let names = ["公开目录", "目录清单"]
    let partial = "home-catalogues"
    func views(_ setting: HomeSectionSetting, in site: PageFactory) -> [HomeCataloguesView] {
        let catalogues = site.site.catalogues
        guard !catalogues.isEmpty else { return [] }
        let shown = catalogues.sorted { ($0.updated, $1.id) > ($1.updated, $0.id) }.prefix(setting.count ?? PageFactory.homeSectionSize)
        return [
            HomeCataloguesView(
                title: setting.title ?? "公开目录", url: site.routes.catalogues, catalogues: .of(shown.map(site.catalogueSummary)))
        ]
    }
}
