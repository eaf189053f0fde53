import GongkaiModel
import Yams

/// Reads `首页:` of site.yml: a list of blocks, each a name (`- 最新文件`) or a mapping
/// (`- 板块: 最新文件` with `标题`, `条数`, `栏目`, `链接`). Which names exist is the page
/// stage's business (its registry of home-page blocks); this reads the shape and the lines.
struct HomeSectionsReader {
    let display: String
    let source: YAMLSource

    func read(_ node: Node, line: Int, diagnostics: inout [Diagnostic]) -> [HomeSectionSetting]? {
        guard case .sequence(let sequence) = node else {
            diagnostics.append(
                .error(
                    display, line: source.line(of: node) ?? line,
                    "“首页”应写成列表，每行一个板块，按显示顺序排列，例如：\n首页:\n  - 最新文件\n  - 栏目: 通知公告\n  - 工作要点落实情况"))
            return nil
        }
        var settings: [HomeSectionSetting] = []
        for item in sequence {
            let itemLine = source.line(of: item) ?? line
            if case .scalar = item {
                let name = item.string?.trimmingSpaces ?? ""
                if name.isEmpty {
                    diagnostics.append(.error(display, line: itemLine, "“首页”中有一个空的板块，请写上板块名称（如 最新文件）或删去这一行。"))
                } else {
                    settings.append(HomeSectionSetting(name: name, line: itemLine))
                }
                continue
            }
            let pairs: [(key: String, keyLine: Int, value: Node)]
            switch source.mapping(item, what: "首页板块") {
            case .failure(let diagnostic):
                diagnostics.append(diagnostic)
                continue
            case .success(let value): pairs = value
            }
            var fields = FieldValues(pairs: pairs, table: .homeSection, display: display, line: itemLine)
            fields.reportUnknown(what: "首页板块")
            defer { diagnostics.append(contentsOf: fields.diagnostics) }
            let column = fields.text("column")
            // `- 栏目: 通知公告` alone names a column's block.
            guard let name = fields.text("section") ?? (column != nil ? "栏目" : nil), !name.isEmpty else {
                fields.diagnostics.append(
                    .error(display, line: itemLine, "这个首页板块缺少“板块”，请写明是哪一种板块，例如 板块: 最新文件。"))
                continue
            }
            var links: [HomeLink] = []
            if let entry = fields.values["links"] {
                links = readLinks(entry.node, key: entry.key, line: entry.line, diagnostics: &fields.diagnostics)
            }
            settings.append(
                HomeSectionSetting(
                    name: name, title: fields.text("title"), count: fields.positiveInt("count"), column: column, links: links,
                    line: fields.lineOf("section") ?? itemLine))
        }
        if settings.isEmpty && !diagnostics.contains(where: { $0.severity == .error }) {
            diagnostics.append(.error(display, line: line, "“首页”的板块列表是空的。请至少列出一个板块，或删去“首页”这一项，使用默认的首页。"))
        }
        return settings
    }

    private func readLinks(_ node: Node, key: String, line: Int, diagnostics: inout [Diagnostic]) -> [HomeLink] {
        guard case .sequence(let sequence) = node else {
            diagnostics.append(
                .error(
                    display, line: line,
                    "“\(key)”应写成列表，每项写“标题”和“网址”，例如：\n    \(key):\n      - 标题: 政府信息公开指南\n        网址: xxgk/gkzn/"))
            return []
        }
        var links: [HomeLink] = []
        for item in sequence {
            let itemLine = source.line(of: item) ?? line
            let pairs: [(key: String, keyLine: Int, value: Node)]
            switch source.mapping(item, what: "链接") {
            case .failure(let diagnostic):
                diagnostics.append(diagnostic)
                continue
            case .success(let value): pairs = value
            }
            var fields = FieldValues(pairs: pairs, table: .homeLink, display: display, line: itemLine)
            fields.reportUnknown(what: "链接")
            defer { diagnostics.append(contentsOf: fields.diagnostics) }
            guard let title = fields.requiredText("title", what: "链接"), let url = fields.requiredText("url", what: "链接") else { continue }
            links.append(HomeLink(title: title, url: url, line: fields.lineOf("url") ?? itemLine))
        }
        return links
    }
}
