import GongkaiModel
import Yams

/// The fields of one YAML mapping, keyed by canonical field name, with typed readers that
/// collect diagnostics (file, line, how to fix) instead of stopping at the first problem.
struct FieldValues {
    let display: String
    let table: FieldTable
    /// Line of the mapping itself, for "missing field" errors.
    let line: Int
    private(set) var values: [String: (node: Node, line: Int, key: String)] = [:]
    private(set) var unknown: [(key: String, line: Int, node: Node)] = []
    var diagnostics: [Diagnostic] = []

    init(pairs: [(key: String, keyLine: Int, value: Node)], table: FieldTable, display: String, line: Int) {
        self.display = display
        self.table = table
        self.line = line
        for pair in pairs {
            guard let field = table.field(forKey: pair.key) else {
                if let misnamed = MisnamedKey.find(pair.key, in: table) {
                    let value = pair.value.text.map { " " + $0.prefix(20) } ?? ""
                    diagnostics.append(
                        .error(
                            display, line: pair.keyLine,
                            "\(misnamed.why)，应写作“\(misnamed.key)”。请把这一行改为 \(misnamed.key):\(value)"))
                    // Read on as that field, so that it is not also reported as missing.
                    if values[misnamed.field] == nil { values[misnamed.field] = (pair.value, pair.keyLine, pair.key) }
                    continue
                }
                unknown.append((pair.key, pair.keyLine, pair.value))
                continue
            }
            if let earlier = values[field] {
                diagnostics.append(
                    .error(
                        display, line: pair.keyLine,
                        "“\(pair.key)”与第 \(earlier.line) 行的“\(earlier.key)”是同一个字段，请只保留一个。"))
                continue
            }
            values[field] = (pair.value, pair.keyLine, pair.key)
        }
    }

    func lineOf(_ field: String) -> Int? { values[field]?.line }

    /// The line of every field present, for messages about a field after loading.
    var fieldLines: [String: Int] { values.mapValues(\.line) }

    func has(_ field: String) -> Bool { values[field] != nil }

    /// Keys the table does not know: a field the column declares (checked against its type),
    /// or an unknown key, kept as text with a warning.
    mutating func keepUnknown(what: String, declared: [ColumnField] = []) -> [ExtraField] {
        unknown.compactMap { entry in
            if let field = declared.first(where: { $0.key == entry.key }) {
                return checked(entry, as: field).map { ExtraField(key: entry.key, value: $0, line: entry.line, label: field.label) }
            }
            let columnKeys = declared.map(\.key)
            diagnostics.append(
                .warning(
                    display, line: entry.line,
                    "未知字段“\(entry.key)”，已原样保留供模板使用。如是拼写错误，请改为以下字段之一：\(([table.keyList] + columnKeys).joined(separator: "、"))。"))
            return ExtraField(key: entry.key, value: entry.node.flattened, line: entry.line)
        }
    }

    /// The text a column-declared field shows, after checking it is of the declared type.
    private mutating func checked(_ entry: (key: String, line: Int, node: Node), as field: ColumnField) -> String? {
        guard case .scalar = entry.node, let text = entry.node.text, !text.isEmpty else {
            diagnostics.append(.error(display, line: entry.line, "“\(entry.key)”应填写一个\(field.kind.rawValue)，这里是空的或是列表。"))
            return nil
        }
        switch field.kind {
        case .text:
            return text
        case .date:
            guard let date = DateParser.date(text) else {
                diagnostics.append(.error(display, line: entry.line, "“\(entry.key)”应是日期，例如 2024-01-01，这里是“\(text)”。"))
                return nil
            }
            return date.chinese
        case .number:
            guard Double(text) != nil else {
                diagnostics.append(.error(display, line: entry.line, "“\(entry.key)”应是数字，例如 12 或 3.5，这里是“\(text)”。"))
                return nil
            }
            return text
        case .url:
            guard text.hasPrefix("https://") || text.hasPrefix("http://"), !text.contains(where: \.isWhitespace) else {
                diagnostics.append(
                    .error(
                        display, line: entry.line,
                        "“\(entry.key)”应是以 https:// 或 http:// 开头的网址，这里是“\(text)”。"))
                return nil
            }
            return text
        }
    }

    mutating func reportUnknown(what: String) {
        for entry in unknown {
            diagnostics.append(
                .error(
                    display, line: entry.line,
                    "\(what)中没有“\(entry.key)”这个字段。可用字段：\(table.keyList)。"))
        }
    }

    mutating func text(_ field: String) -> String? {
        guard let entry = values[field] else { return nil }
        switch entry.node {
        case .scalar:
            return entry.node.text
        default:
            diagnostics.append(
                .error(
                    display, line: entry.line,
                    "“\(entry.key)”应填写一段文字，这里却是列表或键值。"))
            return nil
        }
    }

    /// A required field read with `read` (a date, a number, a choice…); a missing one is
    /// reported as `requiredText` reports it.
    mutating func required<T>(_ field: String, what: String, _ read: (inout FieldValues, String) -> T?) -> T? {
        guard has(field) else {
            _ = requiredText(field, what: what)
            return nil
        }
        return read(&self, field)
    }

    mutating func requiredText(_ field: String, what: String) -> String? {
        guard has(field) else {
            diagnostics.append(
                .error(
                    display, line: line,
                    "缺少必填字段“\(table.chineseKey(field))”（也可写作 \(field)）。请在\(what)中补上。"))
            return nil
        }
        guard let value = text(field) else {
            if values[field].map({ if case .scalar = $0.node { return true } else { return false } }) == true {
                diagnostics.append(
                    .error(
                        display, line: lineOf(field),
                        "必填字段“\(values[field]!.key)”是空的，请填写内容。"))
            }
            return nil
        }
        return value
    }

    mutating func list(_ field: String) -> [String] {
        guard let entry = values[field] else { return [] }
        guard let items = entry.node.stringList else {
            diagnostics.append(
                .error(
                    display, line: entry.line,
                    "“\(entry.key)”应是一段文字或一个文字列表（每行以“- ”开头）。"))
            return []
        }
        return items.filter { !$0.isEmpty }
    }

    mutating func date(_ field: String) -> CalendarDate? {
        guard let raw = text(field) else { return nil }
        if let date = DateParser.date(raw) { return date }
        diagnostics.append(
            .error(
                display, line: lineOf(field),
                "“\(values[field]!.key)”的日期“\(raw)”无效。请写成 2023-03-06 或 2023年3月6日，并确认这一天存在。"))
        return nil
    }

    mutating func dateTime(_ field: String) -> DateTime? {
        guard let raw = text(field) else { return nil }
        if let value = DateParser.dateTime(raw) { return value }
        diagnostics.append(
            .error(
                display, line: lineOf(field),
                "“\(values[field]!.key)”的日期“\(raw)”无效。请写成 2023-03-23 或 2023-03-23 14:07，并确认这一天存在。"))
        return nil
    }

    mutating func choice<T>(_ field: String, parse: (String) -> T?, allowed: String) -> T? {
        guard let raw = text(field) else { return nil }
        if let value = parse(raw) { return value }
        diagnostics.append(
            .error(
                display, line: lineOf(field),
                "“\(values[field]!.key)”的值“\(raw)”无法识别。可选值：\(allowed)。"))
        return nil
    }

    mutating func bool(_ field: String) -> Bool? {
        guard let raw = text(field) else { return nil }
        switch raw.lowercased() {
        case "true", "yes", "是", "显示": return true
        case "false", "no", "否", "不显示": return false
        default:
            diagnostics.append(
                .error(
                    display, line: lineOf(field),
                    "“\(values[field]!.key)”应填写“是”或“否”，这里是“\(raw)”。"))
            return nil
        }
    }

    mutating func positiveInt(_ field: String) -> Int? {
        guard let raw = text(field) else { return nil }
        if let value = Int(raw), value > 0 { return value }
        diagnostics.append(
            .error(
                display, line: lineOf(field),
                "“\(values[field]!.key)”应是正整数，这里是“\(raw)”。"))
        return nil
    }

    /// A year such as 2023: plans and reports compute days from it, so it must be a real one.
    mutating func year(_ field: String) -> Int? {
        guard let raw = text(field) else { return nil }
        if raw.utf8.count == 4, let value = Int(raw), (1900...2100).contains(value) { return value }
        diagnostics.append(
            .error(
                display, line: lineOf(field),
                "“\(values[field]!.key)”应是四位数的年份（1900–2100），如 2023，这里是“\(raw)”。"))
        return nil
    }
}
