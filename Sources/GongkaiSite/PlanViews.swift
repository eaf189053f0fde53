import GongkaiModel
import GongkaiPlans
import GongkaiTemplates

/// A plan item as other pages link to it.
public struct ItemLink: Codable, Sendable {
    let url: String
    /// （一）
    let number: String
    let label: String
    let planTitle: String
    let status: String
    let statusModifier: String
    /// 2023年12月31日
    let due: String
    let overdue: Bool
}

/// A unit named on an item, linked to its ledger unless it is a group of units.
public struct UnitLink: Codable, Sendable {
    let name: String
    let url: String?
}

/// Counts by status and the overdue items, as inspectors read them.
public struct ProgressOverview: Codable, Sendable {
    let asOf: String
    let total: Int
    let done: Int
    let inProgress: Int
    let notStarted: Int
    let overdueCount: Int
    let overdue: Listing<ItemLink>?
    /// 已完成 as a share of all items: 25%
    let donePercent: String
}

/// A plan in lists: the plans page, the home page, the notice that published it.
public struct PlanSummary: Codable, Sendable {
    let title: String
    let url: String
    let region: String
    let kind: String
    let year: Int
    let overview: ProgressOverview
    /// The alignment page with the higher-level plan, when there is one.
    let alignment: LinkView?
}

extension PageFactory {

    func statusModifier(_ status: ProgressStatus) -> String {
        switch status {
        case .done: return "done"
        case .inProgress: return "in-progress"
        case .notStarted: return "not-started"
        }
    }

    func itemLink(_ item: PlanItem, of plan: Plan) -> ItemLink {
        ItemLink(
            url: routes.planItem(plan.id, item.number), number: item.numberText, label: item.label,
            planTitle: plan.title, status: item.status(asOf: planBook.asOf).rawValue,
            statusModifier: statusModifier(item.status(asOf: planBook.asOf)),
            due: plan.due(item).chinese, overdue: planBook.isOverdue(item, of: plan))
    }

    func unitLinks(_ names: [String], of plan: Plan) -> Listing<UnitLink>? {
        .of(
            names.map { name in
                UnitLink(name: name, url: planBook.ledger.unit(named: name, region: plan.region).map { routes.ledger($0.slug) })
            })
    }

    func overview(_ plan: Plan) -> ProgressOverview {
        let status = planBook.status(of: plan)
        let done = status.counts[.done] ?? 0
        let percent = status.total == 0 ? 0 : Int((Double(done) * 100 / Double(status.total)).rounded())
        return ProgressOverview(
            asOf: planBook.asOf.chinese, total: status.total, done: done,
            inProgress: status.counts[.inProgress] ?? 0, notStarted: status.counts[.notStarted] ?? 0,
            overdueCount: status.overdue.count, overdue: .of(status.overdue.map { itemLink($0, of: plan) }),
            donePercent: "\(percent)%")
    }

    func planSummary(_ plan: Plan) -> PlanSummary {
        let alignment = planBook.alignment(lower: plan).map {
            LinkView(title: "与《\($0.higher.title)》对标", url: routes.alignment(lower: plan.id, higher: $0.higher.id))
        }
        return PlanSummary(
            title: plan.displayTitle, url: routes.plan(plan.id), region: plan.region, kind: plan.kind.rawValue,
            year: plan.year, overview: overview(plan), alignment: alignment)
    }

    /// Breadcrumb for pages under 工作要点.
    func planCrumbs(_ current: String?) -> [Crumb] {
        [Crumb(title: "首页", url: routes.home), Crumb(title: "工作要点", url: current == nil ? nil : routes.plans)]
            + (current.map { [Crumb(title: $0, url: nil)] } ?? [])
    }
}
