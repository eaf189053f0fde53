import Foundation
import GongkaiModel
import Yams

/// Reads `content/reports/<year>.yml`: every table row with the line it is on, so that a wrong
/// figure can be reported at its cell. The arithmetic itself is checked by GongkaiChecks.
struct ReportReader {
    let display: String
    private let source: YAMLSource

    init(display: String) {
        self.display = display
        source = YAMLSource(display: display)
    }

    func read(_ text: String, siteHost: String) -> (AnnualReport?, [Diagnostic]) {
        let pairs: [(key: String, keyLine: Int, value: Node)]
        switch source.parse(text).flatMap({ source.mapping($0, what: "年度报告文件") }) {
        case .failure(let diagnostic): return (nil, [diagnostic])
        case .success(let value): pairs = value
        }
        var fields = FieldValues(pairs: pairs, table: .report, display: display, line: 1)
        fields.reportUnknown(what: "年度报告文件")
        let year = fields.required("year", what: "年度报告文件") { $0.year($1) }
        let published = fields.required("published", what: "年度报告文件") { $0.dateTime($1) }
        var diagnostics: [Diagnostic] = []

        let overview = texts(fields.values["overview"], expected: AnnualReport.overviewParts, what: "总体情况", diagnostics: &diagnostics)
        var decisions: [String: ReportNumber] = [:]
        for (key, line, node) in entries(fields.values["decisions"], expected: DecisionTable.rows, what: "主动公开政府信息情况", diagnostics: &diagnostics) {
            guard let text = node.text, let value = Double(text), value.isFinite, value >= 0, value <= Double(Self.largestNumber) else {
                diagnostics.append(.error(display, line: line, "“\(key)”应填写一个不小于 0 的数（收费以万元为单位，可有小数）。", rule: "report-format"))
                continue
            }
            decisions[key] = ReportNumber(value: value, line: line)
        }
        var applications: [String: ReportRow] = [:]
        if let entry = fields.values["applications"] {
            readApplications(entry, into: &applications, diagnostics: &diagnostics)
        } else {
            diagnostics.append(.error(display, line: 1, "缺少“收到和处理政府信息公开申请情况”（表三）。", rule: "report-format"))
        }
        var reviews: [String: ReportRow] = [:]
        for (key, line, node) in entries(fields.values["reviews"], expected: ReviewTable.rows, what: "行政复议和行政诉讼情况", diagnostics: &diagnostics) {
            if let row = numbers(node, count: ReviewTable.columns.count, key: key, line: line, columns: ReviewTable.columns, diagnostics: &diagnostics) {
                reviews[key] = row
            }
        }
        diagnostics = fields.diagnostics + diagnostics
        guard let year, let published, !diagnostics.contains(where: { $0.severity == .error }) else { return (nil, diagnostics) }
        let report = AnnualReport(
            year: year, file: display, title: fields.text("title") ?? "\(year)年政府信息公开工作年度报告",
            issuer: fields.text("issuer") ?? siteHost, published: published, overview: overview,
            problems: fields.text("problems") ?? "", otherMatters: fields.text("other") ?? "",
            decisions: decisions, applications: applications, reviews: reviews)
        return (report, diagnostics)
    }

    /// Table 三: main rows directly, sub-rows under their group (不予公开, 无法提供…).
    private func readApplications(_ entry: (node: Node, line: Int, key: String), into rows: inout [String: ReportRow], diagnostics: inout [Diagnostic]) {
        let topKeys = ApplicationTable.rows.filter { $0.group == nil }.map(\.key) + ApplicationTable.groups.map(\.key)
        for (key, line, node) in entries(entry, expected: topKeys, what: "收到和处理政府信息公开申请情况", diagnostics: &diagnostics) {
            if let group = ApplicationTable.groups.first(where: { $0.key == key }) {
                let expected = ApplicationTable.rows.filter { $0.group == group.key }.map(\.key)
                for (subKey, subLine, subNode) in entries((node, line, key), expected: expected, what: group.label, diagnostics: &diagnostics) {
                    if let row = numbers(
                        subNode, count: 7, key: "\(group.label)\(ApplicationTable.label(subKey))", line: subLine,
                        columns: ApplicationTable.columns, diagnostics: &diagnostics)
                    {
                        rows[subKey] = row
                    }
                }
            } else if let row = numbers(node, count: 7, key: ApplicationTable.label(key), line: line, columns: ApplicationTable.columns, diagnostics: &diagnostics) {
                rows[key] = row
            }
        }
    }

    /// The entries of a mapping that must have exactly `expected` keys.
    private func entries(
        _ entry: (node: Node, line: Int, key: String)?, expected: [String], what: String,
        diagnostics: inout [Diagnostic]
    ) -> [(String, Int, Node)] {
        guard let entry else {
            diagnostics.append(.error(display, line: 1, "缺少“\(what)”。", rule: "report-format"))
            return []
        }
        let pairs: [(key: String, keyLine: Int, value: Node)]
        switch source.mapping(entry.node, what: "“\(what)”") {
        case .failure(let diagnostic):
            diagnostics.append(diagnostic)
            return []
        case .success(let value): pairs = value
        }
        for pair in pairs where !expected.contains(pair.key) {
            diagnostics.append(
                .error(
                    display, line: pair.keyLine,
                    "“\(what)”中没有“\(pair.key)”这一项。应有：\(expected.joined(separator: "、"))。", rule: "report-format"))
        }
        for key in expected where !pairs.contains(where: { $0.key == key }) {
            diagnostics.append(.error(display, line: entry.line, "“\(what)”缺少“\(key)”一项（没有就填 0）。", rule: "report-format"))
        }
        return pairs.filter { expected.contains($0.key) }.map { ($0.key, $0.keyLine, $0.value) }
    }

    /// The largest number a report cell may hold (a trillion): the sums of a row stay exact.
    static let largestNumber = 1_000_000_000_000

    private func numbers(_ node: Node, count: Int, key: String, line: Int, columns: [String], diagnostics: inout [Diagnostic]) -> ReportRow? {
        guard case .sequence(let sequence) = node, sequence.count == count else {
            diagnostics.append(
                .error(
                    display, line: line,
                    "“\(key)”应填写 \(count) 个数，依次是：\(columns.joined(separator: "、"))，写成 [1, 0, …]。", rule: "report-format"))
            return nil
        }
        var values: [Int] = []
        for (index, item) in sequence.enumerated() {
            // The bound keeps the table's sums far from overflowing `Int`.
            guard let text = item.text, let value = Int(text), value >= 0, value <= Self.largestNumber else {
                diagnostics.append(
                    .error(
                        display, line: source.line(of: item) ?? line,
                        "“\(key)”的“\(columns[index])”应是 0 到 \(Self.largestNumber) 之间的整数，这里是“\(item.text ?? "")”。", rule: "report-format"))
                return nil
            }
            values.append(value)
        }
        return ReportRow(values: values, line: line)
    }

    private func texts(_ entry: (node: Node, line: Int, key: String)?, expected: [String], what: String, diagnostics: inout [Diagnostic]) -> [String: String] {
        var result: [String: String] = [:]
        for (key, _, node) in entries(entry, expected: expected, what: what, diagnostics: &diagnostics) {
            result[key] = node.text ?? ""
        }
        return result
    }
}
