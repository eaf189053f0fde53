import GongkaiModel
import GongkaiTemplates

/// 工作要点: every published plan by year, with its progress.
public struct PlansIndexView: Codable, Sendable {
    let site: SiteView
    let page: PageInfo
    let meta: [MetaTag]
    let breadcrumb: [Crumb]
    let ledgerURL: String
    let years: Listing<PlanYear>?
}

public struct PlanYear: Codable, Sendable {
    let year: Int
    let plans: [PlanSummary]
}

extension PageFactory {
    public func plansIndex() -> PlansIndexView {
        let years = Array(Set(planBook.plans.map(\.year))).sorted(by: >).map { year in
            PlanYear(year: year, plans: planBook.plans.filter { $0.year == year }.map(planSummary))
        }
        return PlansIndexView(
            site: siteView(currentColumn: nil, current: .plans),
            page: pageInfo(
                heading: "工作要点", url: routes.plans,
                description: "政务公开、政务管理服务年度工作要点的全部任务、牵头单位、完成时限和进展。"),
            meta: metaTags(column: nil), breadcrumb: planCrumbs(nil), ledgerURL: routes.ledgers, years: .of(years))
    }
}

/// 工作要点: every published plan.
struct PlanIndexPages: SinglePageKind {
    let template = "plans"
    let name = "工作要点页面"
    func exists(in site: PageFactory) -> Bool { !site.planBook.plans.isEmpty }
    func url(in site: PageFactory) -> String { site.routes.plans }
    func view(in site: PageFactory) -> PlansIndexView { site.plansIndex() }
    func sitemapEntries(in site: PageFactory) -> [SitemapEntry] { everyPage(in: site) }
    func menuEntry(in site: PageFactory) -> MenuEntry? {
        site.planBook.plans.isEmpty ? nil : MenuEntry(title: "工作要点", url: site.routes.plans, section: .plans, order: 10)
    }
}
