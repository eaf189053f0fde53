import Foundation
import GongkaiModel
import Yams

/// Reads `content/site.yml`: the site's identity and its column tree.
struct SiteConfigReader {
    let display: String

    func read(_ text: String) -> (identity: SiteIdentity?, columns: [Column], diagnostics: [Diagnostic], bodies: [DisclosingBody]) {
        let source = YAMLSource(display: display)
        let root: Node?
        switch source.parse(text) {
        case .failure(let diagnostic): return (nil, [], [diagnostic], [])
        case .success(let node): root = node
        }
        let pairs: [(key: String, keyLine: Int, value: Node)]
        switch source.mapping(root, what: "site.yml ") {
        case .failure(let diagnostic): return (nil, [], [diagnostic], [])
        case .success(let value): pairs = value
        }
        var fields = FieldValues(pairs: pairs, table: .site, display: display, line: 1)
        fields.reportUnknown(what: "site.yml ")
        let name = fields.requiredText("name", what: "site.yml ")
        var baseURL = fields.requiredText("base_url", what: "site.yml ")
        if let url = baseURL {
            if !(url.hasPrefix("https://") || url.hasPrefix("http://")) {
                fields.diagnostics.append(
                    .error(
                        display, line: fields.lineOf("base_url"),
                        "网址“\(url)”应以 https:// 或 http:// 开头，例如 https://www.example.gov.cn/。"))
            } else if !url.hasSuffix("/") {
                baseURL = url + "/"
            }
        }
        let host = fields.requiredText("host", what: "site.yml ")
        let siteCode = fields.requiredText("site_code", what: "site.yml ")
        if let code = siteCode, !Self.isValidSiteCode(code) {
            fields.diagnostics.append(
                .warning(
                    display, line: fields.lineOf("site_code"),
                    "网站标识码“\(code)”不符合常见格式（地方网站为 10 位数字，部门网站为 bm 加 8 位数字），请核对。"))
        }
        let pageSize = fields.positiveInt("page_size") ?? 20
        var identity = SiteIdentity(
            name: name ?? "", baseURL: baseURL ?? "https://example.invalid/",
            language: fields.text("language") ?? "zh-CN", host: host ?? "",
            operatorName: fields.text("operator"), siteCode: siteCode ?? "",
            icp: fields.text("icp"), policeRecord: fields.text("police_record"),
            indexPrefix: fields.text("index_prefix") ?? siteCode ?? "",
            phone: fields.text("phone"), address: fields.text("address"), email: fields.text("email"),
            pageSize: pageSize,
            logo: fields.text("logo"), conacMark: fields.text("conac_mark"), conacURL: fields.text("conac_url"))
        for path in fields.list("static_files") {
            if path.hasPrefix("/") || path.split(separator: "/").contains("..") || path.contains("\\") {
                fields.diagnostics.append(
                    .error(
                        display, line: fields.lineOf("static_files"),
                        "“静态文件”中的“\(path)”应是 content/ 下的相对路径（文件，或以 / 结尾的文件夹），不能以 / 开头或包含 ..。"))
            } else {
                identity.staticFiles.append(path)
            }
        }
        if let url = identity.conacURL, !url.hasPrefix("https://") && !url.hasPrefix("http://") {
            fields.diagnostics.append(
                .error(
                    display, line: fields.lineOf("conac_url"),
                    "党政机关网站标识链接“\(url)”应以 https:// 或 http:// 开头，填写标识下方“开办信息”页面的网址。"))
        }
        for key in ["logo", "conac_mark"] {
            if let path = fields.text(key), !path.hasPrefix("assets/") || path.contains("..") {
                fields.diagnostics.append(
                    .error(
                        display, line: fields.lineOf(key),
                        "图片“\(path)”应放在 content/assets/ 文件夹中，并写成 assets/文件名，例如 assets/logo.svg。"))
            }
        }

        if let entry = fields.values["home"] {
            identity.homeSections = HomeSectionsReader(display: display, source: source).read(entry.node, line: entry.line, diagnostics: &fields.diagnostics)
        }

        var columns: [Column] = []
        if let entry = fields.values["columns"] {
            readColumns(entry.node, parent: nil, source: source, into: &columns, diagnostics: &fields.diagnostics)
            if columns.isEmpty {
                fields.diagnostics.append(.error(display, line: entry.line, "栏目列表是空的，请至少定义一个栏目。"))
            }
        } else {
            fields.diagnostics.append(
                .error(
                    display, line: 1,
                    "缺少“栏目”。请列出网站的栏目，每个栏目写“标题”“路径”和“更新类别”。"))
        }
        var bodies: [DisclosingBody] = []
        if let entry = fields.values["bodies"] {
            let found = BodyConfigReader(display: display, source: source).read(
                bodies: entry, template: fields.values["body_columns"], siteColumns: columns
            ) { node, parent, into, diagnostics in
                readColumns(node, parent: parent, source: source, into: &into, diagnostics: &diagnostics)
            }
            bodies = found.bodies
            columns += found.columns
            fields.diagnostics += found.diagnostics
        }
        return (fields.diagnostics.contains { $0.severity == .error } ? nil : identity, columns, fields.diagnostics, bodies)
    }

    static func isValidSiteCode(_ code: String) -> Bool {
        let digits = code.allSatisfy { $0.isASCII && $0.isNumber }
        if digits && code.count == 10 { return true }
        return code.hasPrefix("bm") && code.count == 10 && code.dropFirst(2).allSatisfy { $0.isASCII && $0.isNumber }
    }

    /// Reads a list of columns; children are appended right after their parent.
    private func readColumns(
        _ node: Node, parent: Column?, source: YAMLSource,
        into columns: inout [Column], diagnostics: inout [Diagnostic]
    ) {
        guard case .sequence(let sequence) = node else {
            diagnostics.append(
                .error(
                    display, line: source.line(of: node),
                    "栏目应写成列表：每个栏目以“- 标题: …”开头。"))
            return
        }
        for item in sequence {
            let line = source.line(of: item) ?? 1
            let pairs: [(key: String, keyLine: Int, value: Node)]
            switch source.mapping(item, what: "栏目") {
            case .failure(let diagnostic):
                diagnostics.append(diagnostic)
                continue
            case .success(let value): pairs = value
            }
            var fields = FieldValues(pairs: pairs, table: .column, display: display, line: line)
            fields.reportUnknown(what: "栏目定义")
            let title = fields.requiredText("title", what: "栏目定义")
            let segment = fields.requiredText("path", what: "栏目定义")
            let update = fields.choice("update", parse: UpdateClass.init(name:), allowed: UpdateClass.allNames) ?? .irregular
            let onHome = fields.bool("home") ?? false
            defer { diagnostics.append(contentsOf: fields.diagnostics) }
            guard let title, let segment else { continue }
            guard Self.isValidSegment(segment) else {
                fields.diagnostics.append(
                    .error(
                        display, line: fields.lineOf("path"),
                        "栏目路径“\(segment)”只能由小写英文字母、数字和连字符组成（它会出现在网址和文件夹名中），例如 zcwj。"))
                continue
            }
            if parent == nil, let holds = ContentLoader.dataFolders[segment] {
                fields.diagnostics.append(
                    .error(
                        display, line: fields.lineOf("path"),
                        "栏目路径“\(segment)”不能用：content/\(segment)/ 文件夹存放\(holds)。请换一个路径。"))
                continue
            }
            let path = parent.map { "\($0.path)/\(segment)" } ?? segment
            if columns.contains(where: { $0.path == path }) {
                fields.diagnostics.append(
                    .error(
                        display, line: fields.lineOf("path"),
                        "栏目路径“\(path)”重复，请为每个栏目设置不同的路径。"))
                continue
            }
            var children: [Column] = []
            if let childEntry = fields.values["children"] {
                let placeholder = Column(
                    path: path, title: title, description: nil, updateClass: update,
                    onHome: onHome, parentPath: parent?.path, childPaths: [], line: line)
                readColumns(childEntry.node, parent: placeholder, source: source, into: &children, diagnostics: &fields.diagnostics)
            }
            let childPaths = children.filter { $0.parentPath == path }.map(\.path)
            var declared: [ColumnField] = []
            if let entry = fields.values["fields"] {
                declared = readFields(entry.node, key: entry.key, line: entry.line, source: source, diagnostics: &fields.diagnostics)
            }
            columns.append(
                Column(
                    path: path, title: title, description: fields.text("description"),
                    updateClass: update, onHome: onHome, parentPath: parent?.path,
                    childPaths: childPaths, line: line, fields: declared))
            columns.append(contentsOf: children)
        }
    }

    /// `字段:` of a column: a list of `{键, 名称, 类型}`; the key must not be a standard field's.
    private func readFields(
        _ node: Node, key: String, line: Int, source: YAMLSource,
        diagnostics: inout [Diagnostic]
    ) -> [ColumnField] {
        guard case .sequence(let sequence) = node else {
            diagnostics.append(
                .error(
                    display, line: line,
                    "“\(key)”应写成列表，每项写“键”“名称”和“类型”，例如：\n  \(key):\n    - 键: 复审日期\n      名称: 复审日期\n      类型: 日期"))
            return []
        }
        let kinds = ColumnField.Kind.allCases.map(\.rawValue).joined(separator: "、")
        var declared: [ColumnField] = []
        for item in sequence {
            let itemLine = source.line(of: item) ?? line
            let pairs: [(key: String, keyLine: Int, value: Node)]
            switch source.mapping(item, what: "字段定义") {
            case .failure(let diagnostic):
                diagnostics.append(diagnostic)
                continue
            case .success(let value): pairs = value
            }
            var fields = FieldValues(pairs: pairs, table: .columnField, display: display, line: itemLine)
            fields.reportUnknown(what: "字段定义")
            defer { diagnostics.append(contentsOf: fields.diagnostics) }
            guard let fieldKey = fields.requiredText("key", what: "字段定义") else { continue }
            let kindName = fields.text("type") ?? ColumnField.Kind.text.rawValue
            guard let kind = ColumnField.Kind(rawValue: kindName) else {
                fields.diagnostics.append(
                    .error(
                        display, line: fields.lineOf("type") ?? itemLine,
                        "字段类型“\(kindName)”无效，请写\(kinds)之一。"))
                continue
            }
            if FieldTable.document.field(forKey: fieldKey) != nil {
                fields.diagnostics.append(
                    .error(
                        display, line: fields.lineOf("key") ?? itemLine,
                        "“\(fieldKey)”已是文件的标准字段，栏目不必再定义它。请删去这一项，或换一个字段名。"))
                continue
            }
            if declared.contains(where: { $0.key == fieldKey }) {
                fields.diagnostics.append(
                    .error(
                        display, line: fields.lineOf("key") ?? itemLine,
                        "字段“\(fieldKey)”在这个栏目中定义了两次，请删去一处。"))
                continue
            }
            declared.append(ColumnField(key: fieldKey, label: fields.text("label") ?? fieldKey, kind: kind, line: itemLine))
        }
        return declared
    }

    static func isValidSegment(_ segment: String) -> Bool {
        !segment.isEmpty && segment.first != "-"
            && segment.allSatisfy {
                ($0.isASCII && ($0.isLowercase || $0.isNumber)) || $0 == "-"
            }
    }
}
