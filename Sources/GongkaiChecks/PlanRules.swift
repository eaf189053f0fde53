import GongkaiModel

/// Plan items past their deadline and not 已完成 on the day of the check.
enum PlanRules {
    static func check(plans: [Plan], asOf: CalendarDate) -> [Diagnostic] {
        plans.flatMap { plan in
            plan.items.filter { plan.isOverdue($0, asOf: asOf) }.map { item in
                Diagnostic.indicator(
                    .planOverdue, plan.file, line: item.line,
                    "任务\(item.numberText)“\(item.label)”的完成时限 \(plan.due(item).chinese) 已过，状态为“\(item.status(asOf: asOf).rawValue)”。完成后请在“进展”中记一条“已完成”。",
                    rule: "plan-overdue")
            }
        }
    }
}
