import GongkaiModel
import GongkaiTemplates

/// The current year's work plans and how far they have got, across the home page.
public struct HomePlansView: Codable, Sendable {
    let title: String
    let plans: Listing<PlanSummary>?
    let plansURL: String
    let ledgerURL: String
}

/// 工作要点落实情况: the plans of the latest year with their progress, and the ledgers' link.
struct PlansSection: HomeSectionKind {
    let names = ["工作要点落实情况", "工作要点", "台账", "工作台账"]
    let partial = "home-plans"
    let wide = true
    func views(_ setting: HomeSectionSetting, in site: PageFactory) -> [HomePlansView] {
        let plans = site.planBook.plans.filter { $0.year == site.planBook.currentYear }
        guard !plans.isEmpty else { return [] }
        return [
            HomePlansView(
                title: setting.title ?? "工作要点落实情况", plans: .of(plans.map(site.planSummary)),
                plansURL: site.routes.plans, ledgerURL: site.routes.ledgers)
        ]
    }
}
