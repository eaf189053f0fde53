import Foundation
import GongkaiModel
import Yams

/// Reads `content/catalogues/<id>.yml`: kind, title, unit, update date, and rows — in the file
/// (`行:`) or in a CSV file beside it (`数据: <file>.csv`) — validated against the kind's schema.
struct CatalogueReader {
    let display: String
    let id: String
    /// Reads a CSV file named in the YAML; nil when it cannot be read (the error is reported).
    let readCSV: (String) -> Result<String, Diagnostic>

    func read(_ text: String) -> (Catalogue?, [Diagnostic]) {
        let source = YAMLSource(display: display)
        let pairs: [(key: String, keyLine: Int, value: Node)]
        switch source.parse(text).flatMap({ source.mapping($0, what: "目录文件") }) {
        case .failure(let diagnostic): return (nil, [diagnostic])
        case .success(let value): pairs = value
        }
        var fields = FieldValues(pairs: pairs, table: .catalogue, display: display, line: 1)
        fields.reportUnknown(what: "目录文件")
        let kind = fields.requiredText("kind", what: "目录文件")
        let title = fields.requiredText("title", what: "目录文件")
        let unit = fields.requiredText("unit", what: "目录文件")
        let updated = fields.required("updated", what: "目录文件") { $0.date($1) }
        var schema: CatalogueSchema?
        if let kind {
            if let known = CatalogueSchema.known(named: kind) {
                schema = known
                if fields.has("columns") {
                    fields.diagnostics.append(
                        .error(
                            display, line: fields.lineOf("columns"),
                            "“\(known.kind)”的列是国家规定的，不需要写“列”。请删除这一项。"))
                }
            } else if fields.has("columns") {
                let names = fields.list("columns")
                if names.isEmpty { fields.diagnostics.append(.error(display, line: fields.lineOf("columns"), "“列”不能为空。")) }
                schema = CatalogueSchema(kind: kind, columns: names.map { CatalogueColumn($0) }, identity: names, isKnown: false)
            } else {
                let known = CatalogueSchema.known.map(\.kind).joined(separator: "、")
                fields.diagnostics.append(
                    .error(
                        display, line: fields.lineOf("kind"),
                        "“\(kind)”不是已知的目录类型（\(known)）。自定义类型请用“列: [列名, …]”写明各列。"))
            }
        }
        var rows: [CatalogueRow] = []
        if let schema {
            if let entry = fields.values["rows"] {
                rows = yamlRows(entry.node, line: entry.line, schema: schema, source: source, diagnostics: &fields.diagnostics)
            } else if let csvName = fields.text("data") {
                rows = csvRows(csvName, line: fields.lineOf("data") ?? 1, schema: schema, diagnostics: &fields.diagnostics)
            } else {
                fields.diagnostics.append(.error(display, line: 1, "缺少“行”（逐行列出目录内容）或“数据”（同一文件夹中的 CSV 文件）。"))
            }
            fields.diagnostics += Self.duplicates(rows, schema: schema)
        }
        let lines = fields.fieldLines
        guard let schema, let title, let unit, let updated, !fields.diagnostics.contains(where: { $0.severity == .error }) else {
            return (nil, fields.diagnostics)
        }
        return (
            Catalogue(
                id: id, file: display, schema: schema, title: title, unit: unit, updated: updated,
                description: fields.text("description"), field: fields.text("field"), rows: rows, fieldLines: lines),
            fields.diagnostics
        )
    }

    private func yamlRows(_ node: Node, line: Int, schema: CatalogueSchema, source: YAMLSource, diagnostics: inout [Diagnostic]) -> [CatalogueRow] {
        guard case .sequence(let sequence) = node else {
            diagnostics.append(.error(display, line: line, "“行”应是一个列表，每行以“- 列名: 内容”开头。"))
            return []
        }
        var rows: [CatalogueRow] = []
        for item in sequence {
            let itemLine = source.line(of: item) ?? line
            switch source.mapping(item, what: "目录的一行") {
            case .failure(let diagnostic): diagnostics.append(diagnostic)
            case .success(let pairs):
                let cells = pairs.map { (key: $0.key, line: $0.keyLine, value: $0.value.text ?? $0.value.flattened) }
                if let row = validate(cells, line: itemLine, file: display, schema: schema, diagnostics: &diagnostics) { rows.append(row) }
            }
        }
        return rows
    }

    private func csvRows(_ name: String, line: Int, schema: CatalogueSchema, diagnostics: inout [Diagnostic]) -> [CatalogueRow] {
        let text: String
        switch readCSV(name) {
        case .failure(let diagnostic):
            diagnostics.append(diagnostic)
            return []
        case .success(let value): text = value
        }
        let csvDisplay = PathText.parent(display) + "/" + name
        let records = CSVTable.parse(text)
        guard let header = records.first else {
            diagnostics.append(.error(csvDisplay, line: 1, "CSV 文件是空的，第一行应是列名。"))
            return []
        }
        var rows: [CatalogueRow] = []
        for record in records.dropFirst() {
            if record.fields.count != header.fields.count {
                diagnostics.append(
                    .error(
                        csvDisplay, line: record.line,
                        "这一行有 \(record.fields.count) 项，表头有 \(header.fields.count) 项。含逗号的内容请用英文双引号括起来。"))
                continue
            }
            let cells = zip(header.fields, record.fields).map { (key: $0.trimmingCharacters(in: .whitespaces), line: record.line, value: $1) }
            if let row = validate(cells, line: record.line, file: csvDisplay, schema: schema, diagnostics: &diagnostics) { rows.append(row) }
        }
        return rows
    }

    /// Checks one row: known columns, required ones present, allowed values.
    private func validate(
        _ cells: [(key: String, line: Int, value: String)], line: Int, file: String, schema: CatalogueSchema,
        diagnostics: inout [Diagnostic]
    ) -> CatalogueRow? {
        var values: [String: String] = [:]
        var ok = true
        for cell in cells {
            guard let column = schema.column(forKey: cell.key) else {
                diagnostics.append(
                    .error(
                        file, line: cell.line,
                        "“\(schema.kind)”没有“\(cell.key)”这一列。可用的列：\(schema.columns.map(\.name).joined(separator: "、"))。"))
                ok = false
                continue
            }
            let value = cell.value.trimmingCharacters(in: .whitespacesAndNewlines)
            if let allowed = column.allowed, !value.isEmpty {
                let parts = value.split(whereSeparator: { "、,，/ ".contains($0) }).map(String.init)
                if let bad = parts.first(where: { !allowed.contains($0) }) {
                    diagnostics.append(
                        .error(
                            file, line: cell.line,
                            "“\(column.name)”的值“\(bad)”不在规定范围内。可填：\(allowed.joined(separator: "、"))（可用顿号写多个）。"))
                    ok = false
                }
            }
            values[column.name] = value
        }
        for column in schema.columns where column.required && (values[column.name] ?? "").isEmpty {
            diagnostics.append(.error(file, line: line, "这一行缺少“\(column.name)”。"))
            ok = false
        }
        return ok ? CatalogueRow(values: values, line: line, file: file) : nil
    }

    /// Rows with the same identifying columns are the same entry written twice.
    static func duplicates(_ rows: [CatalogueRow], schema: CatalogueSchema) -> [Diagnostic] {
        var seen: [String: CatalogueRow] = [:]
        var diagnostics: [Diagnostic] = []
        for row in rows {
            let key = schema.identity.map { row.values[$0] ?? "" }.joined(separator: "\u{1F}")
            if let first = seen[key] {
                diagnostics.append(
                    .error(
                        row.file, line: row.line,
                        "这一行与第 \(first.line) 行重复（\(schema.identity.joined(separator: "、"))相同）。请合并或删除其中一行。"))
            } else {
                seen[key] = row
            }
        }
        return diagnostics
    }
}
