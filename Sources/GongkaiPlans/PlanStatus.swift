import GongkaiModel

/// How far a plan has got on a given day: status counts and the items past their deadline.
public struct PlanStatus: Sendable {
    public let total: Int
    public let counts: [ProgressStatus: Int]
    public let overdue: [PlanItem]

    public init(_ plan: Plan, asOf: CalendarDate) {
        total = plan.items.count
        var counts: [ProgressStatus: Int] = [:]
        for item in plan.items { counts[item.status(asOf: asOf), default: 0] += 1 }
        self.counts = counts
        overdue = plan.items.filter { plan.isOverdue($0, asOf: asOf) }
    }
}
