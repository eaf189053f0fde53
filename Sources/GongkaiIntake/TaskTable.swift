import Foundation
import GongkaiModel

/// What a column of a 任务分解表 holds, told by its header.
public enum TaskColumn: String, Sendable, CaseIterable {
    case number, section, task, lead, partner, deadline, note

    /// Header names, longest first within each role, squeezed (no spaces).
    static let names: [(String, TaskColumn)] = [
        ("配合单位/责任单位", .partner), ("配合/责任单位", .partner), ("责任单位/配合单位", .partner), ("协同单位", .partner),
        ("配合单位", .partner), ("配合部门", .partner), ("协办单位", .partner), ("参与单位", .partner), ("协作单位", .partner),
        ("牵头单位", .lead), ("牵头部门", .lead), ("主办单位", .lead), ("牵头责任单位", .lead), ("责任科室", .lead), ("责任处室", .lead),
        ("责任单位", .lead), ("责任部门", .lead), ("责任主体", .lead),
        ("完成时限", .deadline), ("完成时间", .deadline), ("时间节点", .deadline), ("完成期限", .deadline), ("时间安排", .deadline),
        ("进度安排", .deadline), ("时限要求", .deadline), ("时限", .deadline),
        ("工作要求", .task), ("具体要求", .task), ("目标要求", .task), ("工作举措", .task), ("主要举措", .task), ("任务措施", .task), ("具体任务", .task), ("具体措施", .task), ("工作措施", .task), ("任务内容", .task), ("主要内容", .task),
        ("具体内容", .task), ("工作内容", .task), ("任务要求", .task), ("具体工作", .task), ("工作目标", .task), ("目标任务", .task),
        ("细化任务", .task), ("任务举措", .task), ("主要措施", .task), ("重点工作内容", .task), ("二级任务", .task),
        ("工作任务", .section), ("重点任务", .section), ("主要任务", .section), ("任务类别", .section), ("重点工作", .section),
        ("工作类别", .section), ("任务名称", .section), ("一级任务", .section), ("类别", .section), ("项目", .section), ("领域", .section),
        ("序号", .number), ("编号", .number), ("备注", .note),
    ]

    static func of(_ header: String) -> TaskColumn? {
        let squeezed = TextCleaner.squeezed(header).replacingOccurrences(of: "／", with: "/")
        return names.first { squeezed == $0.0 }?.1 ?? names.first { squeezed.count <= 12 && squeezed.contains($0.0) }?.1
    }
}

/// A task table read into sections and items, whatever format the table came from.
struct TaskTable {
    struct Item {
        var number: Int?
        var numberText: String?
        var text: String
        var leads: [String]
        var partners: [String]
        /// The unit and deadline cells as written, as `牵头单位：…；配合单位：…；完成时限：…`.
        var assignment: String?
        var deadline: String?
        var line: Int
    }

    struct Section {
        var number: Int?
        var title: String
        var items: [Item]
        var line: Int
    }

    var sections: [Section]
    /// The row texts that were only headers, kept for the report.
    var headers: [String]

    /// The roles of a header row, or nil when the row is not the header of a task table
    /// (at least a task or section column, and a unit column).
    static func roles(_ row: [String]) -> [TaskColumn?]? {
        var roles = row.map(TaskColumn.of)
        let found = roles.compactMap { $0 }
        guard found.count >= 2, found.contains(where: { $0 == .lead || $0 == .partner }),
            found.contains(where: { $0 == .task || $0 == .section })
        else { return nil }
        // One text column named like a section (工作任务) is the task itself.
        if !found.contains(.task), let index = roles.firstIndex(of: .section) { roles[index] = .task }
        // 责任单位 next to 牵头单位 is the partners' column.
        let leads = roles.indices.filter { roles[$0] == .lead }
        if leads.count > 1 {
            for index in leads where TextCleaner.squeezed(row[index]).hasPrefix("责任") { roles[index] = .partner }
        }
        return roles
    }

    /// Reads a table whose header row (within the first three rows) names the columns.
    static func read(_ table: Table, units: UnitCells) -> TaskTable? {
        let grid = table.grid()
        guard let headerIndex = grid.prefix(3).firstIndex(where: { roles($0.map(\.text)) != nil }),
            let roles = roles(grid[headerIndex].map(\.text))
        else { return nil }
        let header = grid[headerIndex].map(\.text)
        var result = TaskTable(sections: [], headers: [header.joined(separator: " | ")])
        for row in grid.prefix(headerIndex) { result.headers.append(row.map(\.text).joined(separator: " | ")) }
        var rowLine = table.line + headerIndex
        for row in grid.dropFirst(headerIndex + 1) {
            rowLine += 1
            let texts = row.map { $0.text.trimmingCharacters(in: .whitespacesAndNewlines) }
            if texts.map(TextCleaner.squeezed) == header.map(TextCleaner.squeezed) { continue }  // header repeated on a new page
            func cell(_ role: TaskColumn) -> String? {
                let values = roles.indices.filter { roles[$0] == role && $0 < texts.count }.map { texts[$0] }.filter { !$0.isEmpty }
                var unique: [String] = []
                for value in values where !unique.contains(value) { unique.append(value) }
                return unique.isEmpty ? nil : unique.joined(separator: "\n")
            }
            let distinct = Set(texts.filter { !$0.isEmpty })
            if distinct.count == 1, texts.count > 1, texts.allSatisfy({ !$0.isEmpty }) {
                // A row spanning the table: a section heading.
                result.startSection(distinct.first!, line: rowLine)
                continue
            }
            if let section = cell(.section) { result.startSection(section, line: rowLine) }
            guard let task = cell(.task) else { continue }
            var item = Item(number: nil, numberText: nil, text: task, leads: [], partners: [], assignment: nil, deadline: nil, line: rowLine)
            // A task cell that starts with its own number: 1.积极推进…
            if let numbered = task.firstMatch(of: /^(\d{1,3})[.．、]\s*/), let value = Int(numbered.1), numbered.range.upperBound < task.endIndex {
                item.number = value
                item.numberText = String(value)
                item.text = String(task[numbered.range.upperBound...])
            }
            if let written = cell(.number), let value = Int(written.filter(\.isNumber)), written.count <= 6 {
                item.number = value
                item.numberText = String(value)
            }
            var labels: [String] = []
            if let lead = cell(.lead) {
                // One column for all units: `财政所牵头，农业服务中心配合`.
                for piece in UnitNames.splitOutsideBrackets(lead.replacingOccurrences(of: "；", with: "，")) {
                    let piece = piece.trimmingCharacters(in: .whitespaces)
                    if ["配合", "协助", "参与", "按职责分工负责"].contains(where: { piece.hasSuffix($0) }) {
                        item.partners += units.units(piece)
                    } else {
                        item.leads += units.units(piece)
                    }
                }
                labels.append("\(roleLabel(.lead, roles: roles, header: header))：\(lead.replacingOccurrences(of: "\n", with: "、"))")
            }
            if let partner = cell(.partner) {
                item.partners += units.units(partner)
                labels.append("\(roleLabel(.partner, roles: roles, header: header))：\(partner.replacingOccurrences(of: "\n", with: "、"))")
            }
            if let deadline = cell(.deadline) {
                item.deadline = deadline
                labels.append("\(roleLabel(.deadline, roles: roles, header: header))：\(deadline.replacingOccurrences(of: "\n", with: "；"))")
            }
            if let note = cell(.note) { labels.append("备注：\(note.replacingOccurrences(of: "\n", with: "；"))") }
            item.assignment = labels.isEmpty ? nil : labels.joined(separator: "；")
            if result.sections.isEmpty { result.sections.append(Section(number: nil, title: "", items: [], line: rowLine)) }
            result.sections[result.sections.count - 1].items.append(item)
        }
        return result
    }

    static func roleLabel(_ role: TaskColumn, roles: [TaskColumn?], header: [String]) -> String {
        guard let index = roles.firstIndex(of: role), index < header.count else { return role == .deadline ? "完成时限" : "单位" }
        return TextCleaner.squeezed(header[index])
    }

    /// A section cell: the same text again (a merged cell split across pages) is the same section.
    mutating func startSection(_ text: String, line: Int) {
        let title = text.replacingOccurrences(of: "\n", with: "")
        var number: Int?
        var name = title
        if let mark = title.firstIndex(of: "、"), title[..<mark].allSatisfy(ChineseNumeral.characters.contains),
            let value = ChineseNumeral.value(String(title[..<mark]))
        {
            number = value
            name = String(title[title.index(after: mark)...])
        }
        let key = TextCleaner.squeezed(name)
        if let last = sections.last, TextCleaner.squeezed(last.title) == key { return }
        if let last = sections.last, last.title.isEmpty, last.items.isEmpty {
            sections[sections.count - 1] = Section(number: number, title: TextCleaner.clean(name), items: [], line: line)
            return
        }
        sections.append(Section(number: number, title: TextCleaner.clean(name), items: [], line: line))
    }
}
