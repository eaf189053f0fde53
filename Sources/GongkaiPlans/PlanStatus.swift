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
        overdue = plan.items.filter { Self.isOverdue($0, of: plan, asOf: asOf) }
    }

    /// The day an item is due: its latest stated deadline, or the end of the plan's year
    /// (a yearly plan's items are all due within the year).
    public static func due(_ item: PlanItem, of plan: Plan) -> CalendarDate {
        item.deadlines.map(\.date).max() ?? CalendarDate(year: plan.year, month: 12, day: 31)!
    }

    /// Past its deadline and not 已完成. Derived from the day of the build, never stored.
    public static func isOverdue(_ item: PlanItem, of plan: Plan, asOf: CalendarDate) -> Bool {
        item.status(asOf: asOf) != .done && due(item, of: plan) < asOf
    }
}
