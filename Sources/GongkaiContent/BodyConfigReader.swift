import GongkaiModel
import Yams

/// Reads `公开主体` and `主体栏目` of `site.yml`: the disclosing bodies and the column template
/// each body's 信息公开 is made of. Adds to the column tree the 公开主体 column, one home
/// column per body and, under it, the template's columns (`bodies/<slug>/<path>`).
struct BodyConfigReader {
    let display: String
    let source: YAMLSource

    /// The bodies and the columns they add, given the site's own columns.
    func read(
        bodies entry: (node: Node, line: Int, key: String), template: (node: Node, line: Int, key: String)?,
        siteColumns: [Column], readColumns: (Node, Column?, inout [Column], inout [Diagnostic]) -> Void
    ) -> (bodies: [DisclosingBody], columns: [Column], diagnostics: [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        guard case .sequence(let sequence) = entry.node else {
            return (
                [], [],
                [
                    .error(
                        display, line: entry.line,
                        "“\(entry.key)”应写成列表：每个公开主体以“- 名称: …”开头，写明“路径”“类型”“机构代码”。")
                ]
            )
        }
        var bodies: [DisclosingBody] = []
        for item in sequence {
            let line = source.line(of: item) ?? entry.line
            let pairs: [(key: String, keyLine: Int, value: Node)]
            switch source.mapping(item, what: "公开主体") {
            case .failure(let diagnostic):
                diagnostics.append(diagnostic)
                continue
            case .success(let value): pairs = value
            }
            var fields = FieldValues(pairs: pairs, table: .body, display: display, line: line)
            fields.reportUnknown(what: "公开主体定义")
            defer { diagnostics.append(contentsOf: fields.diagnostics) }
            let name = fields.requiredText("name", what: "公开主体定义")
            let slug = fields.requiredText("path", what: "公开主体定义")
            let code = fields.requiredText("code", what: "公开主体定义")
            let kinds = DisclosingBody.Kind.allCases.map(\.rawValue).joined(separator: "、")
            let kindName = fields.requiredText("kind", what: "公开主体定义")
            let kind = kindName.flatMap(DisclosingBody.Kind.init(rawValue:))
            if let kindName, kind == nil {
                fields.diagnostics.append(
                    .error(display, line: fields.lineOf("kind"), "公开主体类型“\(kindName)”无法识别，请写\(kinds)之一。"))
            }
            guard let name, let slug, let code, let kind else { continue }
            guard SiteConfigReader.isValidSegment(slug) else {
                fields.diagnostics.append(
                    .error(
                        display, line: fields.lineOf("path"),
                        "公开主体路径“\(slug)”只能由小写英文字母、数字和连字符组成（它是 content/bodies/ 下的文件夹名，也出现在网址中），例如 jyj。"))
                continue
            }
            if let other = bodies.first(where: { $0.slug == slug }) {
                fields.diagnostics.append(
                    .error(
                        display, line: fields.lineOf("path"),
                        "公开主体路径“\(slug)”与第 \(other.line) 行的“\(other.name)”重复。每个公开主体的路径必须不同。"))
                continue
            }
            if let other = bodies.first(where: { $0.code == code }) {
                fields.diagnostics.append(
                    .error(
                        display, line: fields.lineOf("code"),
                        "机构代码“\(code)”与第 \(other.line) 行的“\(other.name)”重复。机构代码是索引号的前缀，每个公开主体必须不同。"))
                continue
            }
            let ownColumn = fields.text("columns")
            if let ownColumn, !siteColumns.contains(where: { $0.path == ownColumn }) {
                fields.diagnostics.append(
                    .error(
                        display, line: fields.lineOf("columns"),
                        "“\(fields.values["columns"]?.key ?? "栏目")”写的“\(ownColumn)”不是 site.yml 中的栏目路径。请写本主体信息公开栏目的路径（如 xxgk），或删去这一行以使用“主体栏目”模板。"))
                continue
            }
            if kind == .government, let other = bodies.first(where: { $0.kind == .government }) {
                fields.diagnostics.append(
                    .error(
                        display, line: fields.lineOf("kind"),
                        "只能有一个本级政府，第 \(other.line) 行的“\(other.name)”已是本级政府。请把这个主体的类型改为部门或乡镇街道。"))
                continue
            }
            let channels = DisclosingBody.Channels(
                inPerson: fields.text("in_person"), post: fields.text("post"), postcode: fields.text("postcode"),
                online: fields.text("online"), fax: fields.text("fax"), email: fields.text("email"))
            if let online = channels.online, !online.hasPrefix("https://") && !online.hasPrefix("http://") {
                fields.diagnostics.append(
                    .error(display, line: fields.lineOf("online"), "网络申请地址“\(online)”应以 https:// 或 http:// 开头。"))
            }
            if let email = channels.email, !Self.looksLikeEmail(email) {
                fields.diagnostics.append(
                    .error(display, line: fields.lineOf("email"), "电子邮箱“\(email)”不像邮箱地址，请写成 name@example.gov.cn 的形式。"))
            }
            bodies.append(
                DisclosingBody(
                    slug: slug, name: name, shortName: fields.text("short_name"), kind: kind, code: code,
                    address: fields.text("address"), phone: fields.text("phone"), hours: fields.text("hours"),
                    channels: channels, ownColumn: ownColumn, line: line))
        }
        if let clash = siteColumns.first(where: { $0.path == DisclosingBody.root }) {
            diagnostics.append(
                .error(
                    display, line: clash.line,
                    "栏目路径“\(DisclosingBody.root)”已留给公开主体（content/bodies/ 存放各主体的文件）。请给这个栏目换一个路径。"))
        }

        var columns: [Column] = []
        let templated = bodies.filter { $0.ownColumn == nil }
        if let first = templated.first, template == nil {
            diagnostics.append(
                .error(
                    display, line: first.line,
                    "公开主体“\(first.name)”没有写“栏目”，要用“主体栏目”模板，但 site.yml 中没有“主体栏目”。请在 site.yml 中写一次“主体栏目”（各主体共用的信息公开栏目，如指南、制度、法定主动公开内容、年报）。"))
        }
        if let template {
            // Read once on its own for the editor's mistakes (a path like reports is refused as
            // at the top level); the copies under each body are then read quietly.
            var scratch: [Column] = []
            readColumns(template.node, nil, &scratch, &diagnostics)
            if scratch.isEmpty && !diagnostics.contains(where: { $0.severity == .error }) {
                diagnostics.append(.error(display, line: template.line, "“主体栏目”是空的，请至少定义一个栏目。"))
            }
        }
        let homes = bodies.map { body -> (Column, [Column]) in
            let placeholder = Column(
                path: body.folder, title: body.name, description: nil, updateClass: .irregular, onHome: false,
                parentPath: DisclosingBody.root, childPaths: [], line: body.line)
            var children: [Column] = []
            var quiet: [Diagnostic] = []
            if body.ownColumn == nil, let template { readColumns(template.node, placeholder, &children, &quiet) }
            var home = Column(
                path: body.folder, title: body.name, description: nil, updateClass: .irregular, onHome: false,
                parentPath: DisclosingBody.root, childPaths: children.filter { $0.parentPath == body.folder }.map(\.path),
                line: body.line)
            home.holdsDocuments = false
            return (home, children)
        }
        if !bodies.isEmpty {
            var index = Column(
                path: DisclosingBody.root, title: "公开主体", description: "各公开主体的政府信息公开专栏。", updateClass: .irregular,
                onHome: false, parentPath: nil, childPaths: homes.map(\.0.path), line: entry.line)
            index.holdsDocuments = false
            columns.append(index)
            for (home, children) in homes { columns += [home] + children }
        }
        return (bodies, columns, diagnostics)
    }

    static func looksLikeEmail(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        return parts.count == 2 && !parts[0].isEmpty && parts[1].contains(".") && !text.contains(where: \.isWhitespace)
    }
}
