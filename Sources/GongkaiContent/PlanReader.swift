import Foundation
import GongkaiModel
import Yams

/// Reads one `content/plans/<id>.yml`. References to other plans (`落实上级`) and to the notice
/// are checked by the loader once everything is read.
struct PlanReader {
    let display: String
    let id: String
    private let source: YAMLSource

    init(display: String, id: String) {
        self.display = display
        self.id = id
        self.source = YAMLSource(display: display)
    }

    func read(_ text: String) -> (Plan?, [Diagnostic]) {
        let pairs: [(key: String, keyLine: Int, value: Node)]
        switch source.parse(text).flatMap({ source.mapping($0, what: "工作要点文件") }) {
        case .failure(let diagnostic): return (nil, [diagnostic])
        case .success(let value): pairs = value
        }
        var fields = FieldValues(pairs: pairs, table: .plan, display: display, line: 1)
        fields.reportUnknown(what: "工作要点文件")
        let title = fields.requiredText("title", what: "工作要点文件")
        let year = fields.required("year", what: "工作要点文件") { $0.year($1) }
        let level = fields.choice("level", parse: PlanLevel.init(name:), allowed: PlanLevel.allNames)
        let kind = fields.choice("kind", parse: PlanKind.init(name:), allowed: PlanKind.allowedDescription)
        var sections: [PlanSection] = []
        if let entry = fields.values["sections"] {
            for (node, line) in list(entry.node, key: entry.key, line: entry.line, diagnostics: &fields.diagnostics) {
                if let section = readSection(node, line: line, year: year ?? 0, diagnostics: &fields.diagnostics) {
                    sections.append(section)
                }
            }
        } else {
            fields.diagnostics.append(.error(display, line: 1, "缺少“部分”：工作要点应分为“一、”“二、”等部分，每部分列出任务。"))
        }
        var seen: [Int: Int] = [:]
        for item in sections.flatMap(\.items) {
            if let first = seen[item.number] {
                fields.diagnostics.append(.error(display, line: item.line, "任务序号\(item.numberText)与第 \(first) 行重复，每项任务的序号必须不同。"))
            }
            seen[item.number] = item.line
        }
        let lines = fields.fieldLines
        guard let title, let year, !fields.diagnostics.contains(where: { $0.severity == .error }) else {
            return (nil, fields.diagnostics)
        }
        let plan = Plan(
            id: id, file: display, title: title, year: year, issuer: fields.text("issuer"),
            region: fields.text("region") ?? "", level: level ?? .county, kind: kind ?? .disclosure,
            notice: fields.text("notice"), parent: fields.text("parent"),
            preamble: fields.text("preamble") ?? "", sections: sections, fieldLines: lines)
        return (plan, fields.diagnostics)
    }

    private func readSection(_ node: Node, line: Int, year: Int, diagnostics: inout [Diagnostic]) -> PlanSection? {
        guard let fields = mapping(node, table: .planSection, what: "部分", line: line, diagnostics: &diagnostics) else { return nil }
        var values = fields
        defer { diagnostics += values.diagnostics }
        let numberText = values.requiredText("number", what: "部分")
        let title = values.text("title") ?? ""
        var items: [PlanItem] = []
        if let entry = values.values["items"] {
            for (itemNode, itemLine) in list(entry.node, key: entry.key, line: entry.line, diagnostics: &values.diagnostics) {
                if let item = readItem(itemNode, line: itemLine, year: year, diagnostics: &values.diagnostics) {
                    items.append(item)
                }
            }
        }
        guard let numberText else { return nil }
        guard let number = ChineseNumeral.value(numberText.replacingOccurrences(of: "、", with: "")) ?? Int(numberText) else {
            values.diagnostics.append(.error(display, line: values.lineOf("number"), "部分序号“\(numberText)”应是“一”“二”这样的中文数字。"))
            return nil
        }
        return PlanSection(number: number, numberText: numberText, title: title, items: items)
    }

    private func readItem(_ node: Node, line: Int, year: Int, diagnostics: inout [Diagnostic]) -> PlanItem? {
        guard var values = mapping(node, table: .planItem, what: "任务", line: line, diagnostics: &diagnostics) else { return nil }
        defer { diagnostics += values.diagnostics }
        guard let numberText = values.requiredText("number", what: "任务") else { return nil }
        let digits = numberText.filter { ChineseNumeral.characters.contains($0) || $0.isNumber }
        guard let number = ChineseNumeral.value(String(digits)) ?? Int(digits) else {
            values.diagnostics.append(.error(display, line: values.lineOf("number"), "任务序号“\(numberText)”应写成“（一）”这样的形式。"))
            return nil
        }
        var deadlines: [Deadline] = []
        if let entry = values.values["deadlines"] {
            for (deadlineNode, deadlineLine) in list(entry.node, key: entry.key, line: entry.line, diagnostics: &values.diagnostics) {
                guard var deadline = mapping(deadlineNode, table: .deadline, what: "时限", line: deadlineLine, diagnostics: &values.diagnostics) else { continue }
                let text = deadline.requiredText("text", what: "时限")
                let date = deadline.required("date", what: "时限") { $0.date($1) }
                values.diagnostics += deadline.diagnostics
                if let text, let date { deadlines.append(Deadline(text: text, date: date)) }
            }
        }
        var progress: [ProgressEntry] = []
        if let entry = values.values["progress"] {
            for (index, (entryNode, entryLine)) in list(entry.node, key: entry.key, line: entry.line, diagnostics: &values.diagnostics).enumerated() {
                guard var fields = mapping(entryNode, table: .progress, what: "进展", line: entryLine, diagnostics: &values.diagnostics) else { continue }
                let date = fields.required("date", what: "进展") { $0.date($1) }
                let status = fields.required("status", what: "进展") { $0.choice($1, parse: ProgressStatus.init(name:), allowed: ProgressStatus.allNames) }
                let note = fields.text("note") ?? ""
                let evidence = fields.text("evidence")
                values.diagnostics += fields.diagnostics
                if let date, let status {
                    progress.append(
                        ProgressEntry(
                            date: date, status: status, note: note, evidence: evidence, index: index,
                            evidenceLine: fields.lineOf("evidence")))
                }
            }
        }
        let implements: [String]? = values.has("implements") ? values.list("implements") : nil
        return PlanItem(
            number: number, numberText: numberText, title: values.text("title"), body: values.text("body") ?? "",
            assignment: values.text("assignment"), leads: values.list("leads"), partners: values.list("partners"),
            responsible: values.list("responsible"), deadlines: deadlines, targets: values.list("targets"),
            implements: implements, progress: progress, line: line)
    }

    private func mapping(_ node: Node, table: FieldTable, what: String, line: Int, diagnostics: inout [Diagnostic]) -> FieldValues? {
        switch source.mapping(node, what: what) {
        case .failure(let diagnostic):
            diagnostics.append(diagnostic)
            return nil
        case .success(let pairs):
            var fields = FieldValues(pairs: pairs, table: table, display: display, line: line)
            fields.reportUnknown(what: what)
            return fields
        }
    }

    private func list(_ node: Node, key: String, line: Int, diagnostics: inout [Diagnostic]) -> [(Node, Int)] {
        guard case .sequence(let sequence) = node else {
            diagnostics.append(.error(display, line: line, "“\(key)”应是一个列表，每项以“- ”开头。"))
            return []
        }
        return sequence.map { ($0, source.line(of: $0) ?? line) }
    }
}
