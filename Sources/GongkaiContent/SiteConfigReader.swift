import Foundation
import GongkaiModel
import Yams

/// Reads `content/site.yml`: the site's identity and its column tree.
struct SiteConfigReader {
    /// Top-level folder names that hold other kinds of content or output, never columns.
    static let reservedSegments: Set<String> = ["assets", "plans", "reports", "catalogues", "faq", "search", "ledger", "feeds"]

    let display: String

    func read(_ text: String) -> (identity: SiteIdentity?, columns: [Column], diagnostics: [Diagnostic]) {
        let source = YAMLSource(display: display)
        let root: Node?
        switch source.parse(text) {
        case .failure(let diagnostic): return (nil, [], [diagnostic])
        case .success(let node): root = node
        }
        let pairs: [(key: String, keyLine: Int, value: Node)]
        switch source.mapping(root, what: "site.yml ") {
        case .failure(let diagnostic): return (nil, [], [diagnostic])
        case .success(let value): pairs = value
        }
        var fields = FieldValues(pairs: pairs, table: .site, display: display, line: 1)
        fields.reportUnknown(what: "site.yml ")
        let name = fields.requiredText("name", what: "site.yml ")
        var baseURL = fields.requiredText("base_url", what: "site.yml ")
        if let url = baseURL {
            if !(url.hasPrefix("https://") || url.hasPrefix("http://")) {
                fields.diagnostics.append(.error(display, line: fields.lineOf("base_url"),
                    "网址“\(url)”应以 https:// 或 http:// 开头，例如 https://www.example.gov.cn/。"))
            } else if !url.hasSuffix("/") {
                baseURL = url + "/"
            }
        }
        let host = fields.requiredText("host", what: "site.yml ")
        let siteCode = fields.requiredText("site_code", what: "site.yml ")
        if let code = siteCode, !Self.isValidSiteCode(code) {
            fields.diagnostics.append(.warning(display, line: fields.lineOf("site_code"),
                "网站标识码“\(code)”不符合常见格式（地方网站为 10 位数字，部门网站为 bm 加 8 位数字），请核对。"))
        }
        let pageSize = fields.positiveInt("page_size") ?? 20
        let identity = SiteIdentity(
            name: name ?? "", baseURL: baseURL ?? "https://example.invalid/",
            language: fields.text("language") ?? "zh-CN", host: host ?? "",
            operatorName: fields.text("operator"), siteCode: siteCode ?? "",
            icp: fields.text("icp"), policeRecord: fields.text("police_record"),
            indexPrefix: fields.text("index_prefix") ?? siteCode ?? "",
            phone: fields.text("phone"), address: fields.text("address"), email: fields.text("email"),
            pageSize: pageSize,
            logo: fields.text("logo"), conacMark: fields.text("conac_mark"), conacURL: fields.text("conac_url"))
        if let url = identity.conacURL, !url.hasPrefix("https://") && !url.hasPrefix("http://") {
            fields.diagnostics.append(.error(display, line: fields.lineOf("conac_url"),
                "党政机关网站标识链接“\(url)”应以 https:// 或 http:// 开头，填写标识下方“开办信息”页面的网址。"))
        }
        for key in ["logo", "conac_mark"] {
            if let path = fields.text(key), !path.hasPrefix("assets/") || path.contains("..") {
                fields.diagnostics.append(.error(display, line: fields.lineOf(key),
                    "图片“\(path)”应放在 content/assets/ 文件夹中，并写成 assets/文件名，例如 assets/logo.svg。"))
            }
        }

        var columns: [Column] = []
        if let entry = fields.values["columns"] {
            readColumns(entry.node, parent: nil, source: source, into: &columns, diagnostics: &fields.diagnostics)
            if columns.isEmpty {
                fields.diagnostics.append(.error(display, line: entry.line, "栏目列表是空的，请至少定义一个栏目。"))
            }
        } else {
            fields.diagnostics.append(.error(display, line: 1,
                "缺少“栏目”。请列出网站的栏目，每个栏目写“标题”“路径”和“更新类别”。"))
        }
        return (fields.diagnostics.contains { $0.severity == .error } ? nil : identity, columns, fields.diagnostics)
    }

    static func isValidSiteCode(_ code: String) -> Bool {
        let digits = code.allSatisfy { $0.isASCII && $0.isNumber }
        if digits && code.count == 10 { return true }
        return code.hasPrefix("bm") && code.count == 10 && code.dropFirst(2).allSatisfy { $0.isASCII && $0.isNumber }
    }

    /// Reads a list of columns; children are appended right after their parent.
    private func readColumns(_ node: Node, parent: Column?, source: YAMLSource,
                             into columns: inout [Column], diagnostics: inout [Diagnostic]) {
        guard case .sequence(let sequence) = node else {
            diagnostics.append(.error(display, line: source.line(of: node),
                "栏目应写成列表：每个栏目以“- 标题: …”开头。"))
            return
        }
        for item in sequence {
            let line = source.line(of: item) ?? 1
            let pairs: [(key: String, keyLine: Int, value: Node)]
            switch source.mapping(item, what: "栏目") {
            case .failure(let diagnostic): diagnostics.append(diagnostic); continue
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
                fields.diagnostics.append(.error(display, line: fields.lineOf("path"),
                    "栏目路径“\(segment)”只能由小写英文字母、数字和连字符组成（它会出现在网址和文件夹名中），例如 zcwj。"))
                continue
            }
            if parent == nil, Self.reservedSegments.contains(segment) {
                fields.diagnostics.append(.error(display, line: fields.lineOf("path"),
                    "栏目路径“\(segment)”是保留名称，请换一个。保留名称：\(Self.reservedSegments.sorted().joined(separator: "、"))。"))
                continue
            }
            let path = parent.map { "\($0.path)/\(segment)" } ?? segment
            if columns.contains(where: { $0.path == path }) {
                fields.diagnostics.append(.error(display, line: fields.lineOf("path"),
                    "栏目路径“\(path)”重复，请为每个栏目设置不同的路径。"))
                continue
            }
            var children: [Column] = []
            if let childEntry = fields.values["children"] {
                let placeholder = Column(path: path, title: title, description: nil, updateClass: update,
                                         onHome: onHome, parentPath: parent?.path, childPaths: [], line: line)
                readColumns(childEntry.node, parent: placeholder, source: source, into: &children, diagnostics: &fields.diagnostics)
            }
            let childPaths = children.filter { $0.parentPath == path }.map(\.path)
            columns.append(Column(path: path, title: title, description: fields.text("description"),
                                  updateClass: update, onHome: onHome, parentPath: parent?.path,
                                  childPaths: childPaths, line: line))
            columns.append(contentsOf: children)
        }
    }

    static func isValidSegment(_ segment: String) -> Bool {
        !segment.isEmpty && segment.first != "-" && segment.allSatisfy {
            ($0.isASCII && ($0.isLowercase || $0.isNumber)) || $0 == "-"
        }
    }
}
