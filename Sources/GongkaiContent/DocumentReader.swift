import Foundation
import GongkaiModel
import Yams

/// A document as read from its file, before references to other documents are resolved
/// and before a missing 索引号 is generated.
struct DocumentDraft: Sendable {
    struct Reference: Sendable {
        let field: String
        let key: String
        let text: String
        let line: Int
    }

    var document: Document
    var references: [Reference]
    /// True when the front matter gave a 索引号.
    var hasIndexNumber: Bool { !document.indexNumberGenerated }
}

/// Reads one `content/<column>/<slug>.md` file.
struct DocumentReader {
    let contentDisplay: String
    /// The fields each column declares for its documents, its ancestors' included, by column path.
    var columnFields: [String: [ColumnField]] = [:]

    /// - Parameters:
    ///   - relativePath: path under `content/`, e.g. `xxgk/zcwj/foo.md`.
    func read(text: String, relativePath: String) -> (DocumentDraft?, [Diagnostic]) {
        let display = "\(contentDisplay)/\(relativePath)"
        let frontMatter: FrontMatter
        let pairs: [(key: String, keyLine: Int, value: Node)]
        switch FrontMatter.pairs(of: text, display: display, what: "文件信息（文件开头两行 --- 之间）") {
        case .failure(let diagnostic): return (nil, [diagnostic])
        case .success(let value): (frontMatter, pairs) = value
        }
        let source = YAMLSource(display: display, firstLine: frontMatter.yamlLine)
        var fields = FieldValues(pairs: pairs, table: .document, display: display, line: 1)
        let id = String(relativePath.dropLast(3))
        let directory = PathText.parent(id)
        let extra = fields.keepUnknown(what: "文件信息（文件开头两行 --- 之间）", declared: columnFields[directory] ?? [])

        let fileSlug = (id as NSString).lastPathComponent
        let title = fields.requiredText("title", what: "文件信息（文件开头两行 --- 之间）")
        let published = fields.required("published", what: "文件信息（文件开头两行 --- 之间）") { $0.dateTime($1) }
        let written = fields.date("written")
        let validity = fields.choice("validity", parse: Validity.init(name:), allowed: Validity.allNames)
        let disclosure = fields.choice("disclosure", parse: Disclosure.init(name:), allowed: Disclosure.allNames) ?? .proactive
        let validUntil = fields.date("valid_until")
        let effective = fields.date("effective")
        if let effective, let validUntil, validUntil < effective {
            fields.diagnostics.append(
                .error(
                    display, line: fields.lineOf("valid_until"),
                    "“\(FieldSchema.document.key("valid_until"))”（\(validUntil.chinese)）早于“\(FieldSchema.document.key("effective"))”（\(effective.chinese)）。请核对这两个日期。"))
        }
        var slug = fileSlug
        if let custom = fields.text("slug") {
            if Self.isValidSlug(custom) {
                slug = custom
            } else {
                fields.diagnostics.append(
                    .error(
                        display, line: fields.lineOf("slug"),
                        "网址名“\(custom)”只能包含英文字母、数字、连字符和下划线。"))
            }
        } else if !Self.isValidSlug(fileSlug) {
            fields.diagnostics.append(
                .warning(
                    display,
                    "文件名“\(fileSlug)”含有英文字母、数字、连字符和下划线以外的字符，网址会不易分享。建议改用拼音或英文文件名，或在文件开头两行 --- 之间写“网址名: …”。"))
        }
        var references: [DocumentDraft.Reference] = []
        for field in ["interprets", "replaces", "replaced_by"] {
            guard let entry = fields.values[field] else { continue }
            for text in fields.list(field) {
                references.append(.init(field: field, key: entry.key, text: text, line: entry.line))
            }
        }
        var attachments: [Attachment] = []
        if let entry = fields.values["attachments"] {
            attachments = Self.readAttachments(
                entry.node, key: entry.key, line: entry.line,
                directory: directory, source: source, fields: &fields)
        }
        let indexNumber = fields.text("index_no")
        let tags = fields.list("tags")
        let plans = fields.list("plans")
        let fieldLines = fields.fieldLines

        if frontMatter.body.utf8.contains(UInt8(ascii: "|")) {
            fields.diagnostics += BodyLimits.check(frontMatter.body, display: display, firstLine: frontMatter.bodyLine)
        }
        guard let title, let published,
            !fields.diagnostics.contains(where: { $0.severity == .error })
        else {
            return (nil, fields.diagnostics)
        }
        let document = Document(
            id: id, file: display, columnPath: directory, slug: slug, title: title,
            indexNumber: indexNumber ?? "", indexNumberGenerated: indexNumber == nil,
            issuer: fields.text("issuer"), docNumber: fields.text("doc_no"), written: written,
            published: published, topic: fields.text("topic"), type: fields.text("type"),
            validity: validity, validUntil: validUntil, disclosure: disclosure,
            interprets: [], interpretedBy: [], replaces: [], replacedBy: [], plans: plans, attachments: attachments,
            tags: tags, extra: extra, body: frontMatter.body, bodyLine: frontMatter.bodyLine,
            fieldLines: fieldLines)
        var allowed = document
        allowed.allowsPersonalData = fields.bool("allow_personal_data") ?? false
        allowed.effective = effective
        return (DocumentDraft(document: allowed, references: references), fields.diagnostics)
    }

    /// `附件` is a list of file names, or of `{标题, 文件}` mappings, relative to the document's folder.
    static func readAttachments(
        _ node: Node, key: String, line: Int, directory: String,
        source: YAMLSource, fields: inout FieldValues
    ) -> [Attachment] {
        let items: [Node]
        switch node {
        case .sequence(let sequence): items = Array(sequence)
        case .scalar: items = [node]
        default:
            fields.diagnostics.append(.error(fields.display, line: line, "“\(key)”应是文件列表，每行“- 文件名”。"))
            return []
        }
        var attachments: [Attachment] = []
        for item in items {
            let itemLine = source.line(of: item) ?? line
            var file: String?
            var title: String?
            if let text = item.text {
                file = text
            } else if case .mapping(let mapping) = item {
                for (k, v) in mapping {
                    switch k.string {
                    case "文件", "file": file = v.text
                    case "标题", "title": title = v.text
                    default:
                        fields.diagnostics.append(
                            .error(
                                fields.display, line: source.line(of: k) ?? itemLine,
                                "附件只能写“标题”和“文件”两项，这里有“\(k.string ?? "")”。"))
                    }
                }
            }
            guard let file, !file.isEmpty else {
                fields.diagnostics.append(.error(fields.display, line: itemLine, "附件缺少文件名。"))
                continue
            }
            if file.hasPrefix("/") || file.split(separator: "/").contains("..") {
                fields.diagnostics.append(
                    .error(
                        fields.display, line: itemLine,
                        "附件“\(file)”必须放在文件所在的文件夹内，请写相对路径，不要以 / 开头或包含 ..。"))
                continue
            }
            if case .refused(let reason) = URLPolicy.check(file) {
                fields.diagnostics.append(
                    .error(
                        fields.display, line: itemLine,
                        "附件“\(file)”不能发布为链接：\(reason)。请写附件的文件名（相对于文件所在的文件夹）。", rule: "unsafe-url"))
                continue
            }
            let path = directory.isEmpty ? file : "\(directory)/\(file)"
            attachments.append(Attachment(title: title ?? (file as NSString).lastPathComponent, path: path))
        }
        return attachments
    }

    static func isValidSlug(_ slug: String) -> Bool {
        !slug.isEmpty && slug.allSatisfy { ($0.isASCII && ($0.isLetter || $0.isNumber)) || $0 == "-" || $0 == "_" }
    }
}
