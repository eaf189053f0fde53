import GongkaiModel

/// The sums the national format requires of the report's tables, each wrong one reported at
/// its row with the cell named: every 总计 equals its parts; in table 三, （七）总计 is the sum
/// of the handling results and 一 + 二 = 三（七） + 四 in every column.
enum ReportArithmetic {
    static func check(_ report: AnnualReport) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        func error(_ line: Int, _ message: String) {
            diagnostics.append(.error(report.file, line: line, message, rule: "report-arithmetic"))
        }
        let columns = ApplicationTable.columns
        for row in ApplicationTable.rows {
            guard let values = report.applications[row.key] else { continue }
            let sum = values.values.prefix(6).reduce(0, +)
            if values.values[6] != sum {
                error(values.line, "表三“\(row.label)”行的“总计”列应为 \(sum)（前六列之和），这里是 \(values.values[6])。")
            }
        }
        if let total = report.applications["总计"] {
            for column in 0..<7 {
                let sum = ApplicationTable.results.compactMap { report.applications[$0.key]?.values[column] }.reduce(0, +)
                if total.values[column] != sum {
                    error(total.line, "表三“（七）总计”行的“\(columns[column])”列应为 \(sum)（（一）至（六）各项之和），这里是 \(total.values[column])。")
                }
            }
        }
        if let received = report.applications["本年新收"], let carried = report.applications["上年结转"],
            let total = report.applications["总计"], let next = report.applications["结转下年度"]
        {
            for column in 0..<7 {
                let incoming = received.values[column] + carried.values[column]
                let outgoing = total.values[column] + next.values[column]
                if incoming != outgoing {
                    error(
                        next.line,
                        "表三“\(columns[column])”列不平衡：一（\(received.values[column])）+ 二（\(carried.values[column])）= \(incoming)，应等于 三（七）总计（\(total.values[column])）+ 四（\(next.values[column])）= \(outgoing)。请核对这一列。"
                    )
                }
            }
        }
        for name in ReviewTable.rows {
            guard let row = report.reviews[name] else { continue }
            let sum = row.values.prefix(4).reduce(0, +)
            if row.values[4] != sum {
                error(row.line, "表四“\(name)”的“总计”应为 \(sum)（结果维持、结果纠正、其他结果、尚未审结之和），这里是 \(row.values[4])。")
            }
        }
        return diagnostics
    }
}
