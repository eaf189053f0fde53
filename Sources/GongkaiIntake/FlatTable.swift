import Foundation
import GongkaiModel

/// A task table copied from a web page into text: the header glued into one run
/// (`工作任务工作要求牵头单位配合/责任单位`), then rows whose cells are glued with one space or
/// nothing. Rebuilt into a `Table` so that the one table reader handles it.
enum FlatTable {
    /// Header names and their forms without or with a full-width slash, longest first.
    static let vocabulary: [String] = TaskColumn.names.map(\.0).flatMap { name in
        Set([name, name.replacingOccurrences(of: "/", with: ""), name.replacingOccurrences(of: "/", with: "／")])
    }.sorted { $0.count > $1.count }
    static let headerStarts = Set(vocabulary.compactMap(\.first))

    /// The header at the start of a line: its column names, their roles, and the text after it.
    static func header(_ line: String) -> (names: [String], rest: String)? {
        let characters = Array(line)
        var index = 0
        var names: [String] = []
        guard let first = characters.first, headerStarts.contains(first) else { return nil }
        while index < characters.count {
            while index < characters.count, characters[index] == " " || characters[index] == "|" { index += 1 }
            var matched: String?
            for form in vocabulary {
                let count = form.count
                if index + count <= characters.count, characters[index] == form.first, String(characters[index..<(index + count)]) == form {
                    matched = form
                    break
                }
            }
            guard let found = matched else { break }
            names.append(found)
            index += found.count
        }
        guard names.count >= 3, let roles = TaskTable.roles(names), roles.allSatisfy({ $0 != nil }) else { return nil }
        let rest = String(characters[min(index, characters.count)...]).trimmingCharacters(in: .whitespaces)
        return (names, rest)
    }

    static let deadlinePattern =
        "(?:\\d{4}年)?(?:\\d{1,2}月份?(?:\\d{1,2}日)?(?:底|末|中旬|上旬|下旬|中|初)?前?|年底前?|年内|全年|长期坚持|长期|持续推进|持续开展|持续|常态化推进|常态化|[上下]半年|第[一二三四]季度(?:末|前)?|每[年月季]度?|底前|\\d{4}年(?:底|内)?前?)(?:前|完成|以前|之前)?"
    static let deadlineWhole = try! NSRegularExpression(pattern: "^(?:\(deadlinePattern))(?:[、，,和及至—-](?:\(deadlinePattern)))*$")
    static let deadlineTail = try! NSRegularExpression(pattern: "(?:\(deadlinePattern))(?:[、，,和及至—-](?:\(deadlinePattern)))*$")

    static func isDeadline(_ text: String) -> Bool {
        let ns = text as NSString
        return !text.isEmpty && deadlineWhole.firstMatch(in: text, range: NSRange(location: 0, length: ns.length)) != nil
    }

    /// Replaces each flattened table in the entries by a table.
    static func convert(_ entries: [Entry], units: UnitCells) -> [Entry] {
        var output: [Entry] = []
        var index = 0
        while index < entries.count {
            guard let text = entries[index].text else {
                output.append(entries[index])
                index += 1
                continue
            }
            var found = header(text)
            var next = index + 1
            let isHeaderName = { (cell: String) in vocabulary.contains(TextCleaner.squeezed(cell)) }
            if found == nil, isHeaderName(text.trimmingCharacters(in: CharacterSet(charactersIn: "| "))) {
                // One header cell per line (a table copied cell by cell), `|` lines between.
                var names: [String] = []
                var look = index
                while look < entries.count, let cell = entries[look].text?.trimmingCharacters(in: CharacterSet(charactersIn: "| ")) {
                    if cell.isEmpty {
                        look += 1
                        continue
                    }
                    guard isHeaderName(cell) else { break }
                    names.append(cell)
                    look += 1
                }
                if names.count >= 3, let roles = TaskTable.roles(names), roles.allSatisfy({ $0 != nil }) {
                    found = (names, "")
                    next = look
                }
            }
            guard let found else {
                output.append(entries[index])
                index += 1
                continue
            }
            let roles = TaskTable.roles(found.names)!.map { $0! }
            let line = entries[index].line
            var lines: [String] = found.rest.isEmpty ? [] : [found.rest]
            while next < entries.count, let more = entries[next].text {
                if more.allSatisfy({ $0 == "|" || $0 == " " }) {
                    next += 1
                    continue
                }
                if ends(more) { break }
                lines.append(more)
                next += 1
            }
            let rows = assemble(lines, roles: roles, units: units)
            var table = Table(rows: [found.names.map { TableCell($0) }], line: line)
            var previousSection = ""
            for row in rows {
                var cells = parse(row, roles: roles, units: units)
                if let s = roles.firstIndex(of: .section) {
                    if cells[s].isEmpty || cells[s] == previousSection {
                        table.rows.append(cells.enumerated().map { TableCell($0.element, continuesAbove: $0.offset == s && !previousSection.isEmpty) })
                        continue
                    }
                    previousSection = cells[s]
                }
                if cells.allSatisfy(\.isEmpty) { cells[0] = row }
                table.rows.append(cells.map { TableCell($0) })
            }
            output.append(.table(table, line))
            index = next
        }
        return output
    }

    /// Where the rows of a flattened table end: page furniture, a date, a new plan's title.
    static func ends(_ line: String) -> Bool {
        switch LineKind.classify(line) {
        case .furniture, .publishedAt, .date, .documentNumber, .disclosureMark, .attachmentMark: return true
        default: break
        }
        return header(line) != nil
    }

    /// Lines into rows: a row ends with its unit or deadline cells; a line of text after
    /// them starts the next row, as does the next number when the table has a 序号 column.
    static func assemble(_ lines: [String], roles: [TaskColumn], units: UnitCells) -> [String] {
        var pieces: [String] = []
        for line in lines {
            // A row stream with no line breaks: cut before each row number.
            if roles.first == .number, line.count > 80 {
                pieces += cutAtNumbers(line)
            } else {
                pieces.append(line)
            }
        }
        var rows: [String] = []
        var current = ""
        var expected = 1
        let last = roles.last { $0 != .note && $0 != .number } ?? .task
        for piece in pieces {
            var startsRow = false
            if roles.first == .number {
                if let match = piece.firstMatch(of: /^(\d{1,3})(?:\s|(?=\p{Han}))/), Int(match.1) == expected { startsRow = true }
            } else if !current.isEmpty {
                let cells = parse(current, roles: roles, units: units)
                let filled = { (role: TaskColumn) in roles.indices.contains { roles[$0] == role && !cells[$0].isEmpty } }
                let closed = filled(last) || (last == .deadline ? false : filled(.lead) || filled(.partner))
                let first = piece.split(separator: " ").first.map(String.init) ?? piece
                startsRow = closed && !units.isUnits(first) && !isDeadline(first)
            }
            if startsRow || current.isEmpty {
                if !current.isEmpty { rows.append(current) }
                current = piece
                if roles.first == .number, let match = piece.firstMatch(of: /^(\d{1,3})/), let value = Int(match.1) { expected = value + 1 }
            } else {
                current += " " + piece
            }
        }
        if !current.isEmpty { rows.append(current) }
        return rows
    }

    static func cutAtNumbers(_ line: String) -> [String] {
        var pieces: [String] = []
        var rest = Substring(line)
        var expected = 1
        while let range = rest.dropFirst().range(of: "\(expected + 1) "), expected < 999 {
            if let first = rest.firstMatch(of: /^(\d{1,3})/), Int(first.1) == expected {
                pieces.append(String(rest[..<range.lowerBound]).trimmingCharacters(in: .whitespaces))
                rest = rest[range.lowerBound...]
                expected += 1
            } else {
                break
            }
        }
        pieces.append(String(rest).trimmingCharacters(in: .whitespaces))
        return pieces.filter { !$0.isEmpty }
    }

    static func endsWithUnits(_ text: String, units: UnitCells) -> Bool {
        splitTail(text, units: units) != nil
    }

    /// `…推进政务公开。区经济发展局区行政审批局` → the text and the units glued to its end.
    static func splitTail(_ token: String, units: UnitCells) -> (String, String)? {
        guard let stop = token.lastIndex(where: { "。；！？”）)".contains($0) }) else { return nil }
        let tail = String(token[token.index(after: stop)...])
        guard !tail.isEmpty, units.isUnits(tail) else { return nil }
        return (String(token[...stop]), tail)
    }

    /// One row's text into cells, from the right: deadline, then unit cells, then the text.
    static func parse(_ row: String, roles: [TaskColumn], units: UnitCells) -> [String] {
        if row.contains("|") {
            // Cells written between bars: their places are known; a row missing its merged
            // leading cells fills the columns from the right.
            var cells = row.split(separator: "|", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            while let last = cells.last, last.isEmpty { cells.removeLast() }
            while let first = cells.first, first.isEmpty, cells.count > roles.count { cells.removeFirst() }
            guard cells.count <= roles.count else { return Array(cells.prefix(roles.count - 1)) + [cells.dropFirst(roles.count - 1).joined(separator: " ")] }
            let offset = cells.count < roles.count ? (roles.firstIndex { $0 != .section && $0 != .number } ?? 0) : 0
            var result = Array(repeating: "", count: roles.count)
            for (index, cell) in cells.enumerated() where index + offset < roles.count { result[index + offset] = cell }
            return result
        }
        var tokens = row.split(whereSeparator: { $0 == " " || $0 == "\u{3000}" || $0 == "\t" }).map(String.init)
        var cells = Array(repeating: "", count: roles.count)
        for position in roles.indices.reversed() {
            let role = roles[position]
            guard let last = tokens.last else { break }
            switch role {
            case .deadline:
                if isDeadline(last) {
                    cells[position] = tokens.removeLast()
                } else {
                    let ns = last as NSString
                    if let match = deadlineTail.firstMatch(in: last, range: NSRange(location: 0, length: ns.length)), match.range.location > 0, match.range.length > 1 {
                        cells[position] = ns.substring(with: match.range)
                        tokens[tokens.count - 1] = ns.substring(to: match.range.location)
                    }
                }
            case .lead, .partner:
                if units.isUnits(last), tokens.count > 1 || roles.filter({ $0 == .task || $0 == .section }).isEmpty {
                    cells[position] = tokens.removeLast()
                    // The leftmost unit column takes every unit token left (one unit per line in the cell).
                    if !roles[..<position].contains(where: { $0 == .lead || $0 == .partner }) {
                        while tokens.count > 1, let more = tokens.last, units.isUnits(more) {
                            cells[position] = tokens.removeLast() + "\n" + cells[position]
                        }
                    }
                } else if let (text, tail) = splitTail(last, units: units) {
                    cells[position] = tail
                    tokens[tokens.count - 1] = text
                }
            case .note:
                continue
            case .number, .section, .task:
                break
            }
        }
        if let n = roles.firstIndex(of: .number), let first = tokens.first, first.allSatisfy(\.isNumber) {
            cells[n] = tokens.removeFirst()
        }
        if let s = roles.firstIndex(of: .section), let t = roles.firstIndex(of: .task), tokens.count > 1,
            tokens[0].count <= 30, !tokens[0].contains("。")
        {
            cells[s] = tokens.removeFirst()
            cells[t] = tokens.joined(separator: " ")
        } else if let t = roles.firstIndex(of: .task) {
            cells[t] = tokens.joined(separator: " ")
        }
        return cells
    }
}
