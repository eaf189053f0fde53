import GongkaiModel
import GongkaiPlans

/// The published work plans and what is derived from them for one build day: status and
/// overdue items, the per-unit ledger, and the alignment of each plan with its higher plan.
public struct PlanBook: Sendable {
    /// Plans whose notice is published (or that have none), newest year first.
    public let plans: [Plan]
    public let ledger: Ledger
    public let alignments: [Alignment]
    public let asOf: CalendarDate
    private let statuses: [String: PlanStatus]
    /// Lower-level items that carry out each higher-level item, by `plan-id/number`.
    private let carriedOutBy: [String: [(plan: Plan, item: PlanItem, confirmed: Bool)]]

    public init(site: Site, isPublished: (String) -> Bool, asOf: CalendarDate) {
        let plans = site.plans.filter { plan in plan.notice.map(isPublished) ?? true }
            .sorted { ($0.year, $1.level, $1.id) > ($1.year, $0.level, $0.id) }
        self.plans = plans
        self.asOf = asOf
        ledger = Ledger(plans: plans)
        alignments = plans.compactMap { plan in
            Alignment.parent(of: plan, among: plans).map { Alignment(lower: plan, higher: $0) }
        }
        statuses = Dictionary(uniqueKeysWithValues: plans.map { ($0.id, PlanStatus($0, asOf: asOf)) })
        var carriedOutBy: [String: [(Plan, PlanItem, Bool)]] = [:]
        for alignment in alignments {
            for link in alignment.links {
                guard let item = alignment.lower.item(link.lower) else { continue }
                carriedOutBy["\(alignment.higher.id)/\(link.higher)", default: []].append((alignment.lower, item, link.confirmed))
            }
        }
        self.carriedOutBy = carriedOutBy
    }

    public func plan(_ id: String) -> Plan? { plans.first { $0.id == id } }

    public func status(of plan: Plan) -> PlanStatus { statuses[plan.id] ?? PlanStatus(plan, asOf: asOf) }

    public func isOverdue(_ item: PlanItem, of plan: Plan) -> Bool { plan.isOverdue(item, asOf: asOf) }

    /// The alignment in which `plan` is the lower plan.
    public func alignment(lower plan: Plan) -> Alignment? { alignments.first { $0.lower.id == plan.id } }

    /// Alignments in which `plan` is the higher plan.
    public func alignments(higher plan: Plan) -> [Alignment] { alignments.filter { $0.higher.id == plan.id } }

    public func carriedOut(by reference: String) -> [(plan: Plan, item: PlanItem, confirmed: Bool)] {
        carriedOutBy[reference] ?? []
    }

    /// The plans a notice publishes: those it lists and those that name it.
    public func plans(ofNotice document: Document) -> [Plan] {
        plans.filter { document.plans.contains($0.id) || $0.notice == document.id }
    }

    /// The year whose plans the home page shows: the latest year that has plans.
    public var currentYear: Int? { plans.map(\.year).max() }
}
