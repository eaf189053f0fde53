import Foundation
import GongkaiModel
import Yams

/// Reads `content/consultations/<slug>.md`: the consultation's facts in front matter, its
/// explanation (起草说明, what comments are wanted) as Markdown. 征求意见稿 and 反馈 name
/// documents of the site; the loader resolves them.
struct ConsultationReader {
    let display: String
    /// Path under `content/`: `consultations/parking-2026.md`.
    let relativePath: String

    /// A reference to a document, resolved by the loader: field name, the key written, text, line.
    struct Reference {
        let field: String
        let key: String
        let text: String
        let line: Int
    }

    static let table = FieldTable(schema: .consultation)

    func read(_ text: String) -> (Consultation?, [Reference], [Diagnostic]) {
        let frontMatter: FrontMatter
        let pairs: [(key: String, keyLine: Int, value: Node)]
        switch FrontMatter.pairs(of: text, display: display, what: "意见征集的文件信息（文件开头两行 --- 之间）") {
        case .failure(let diagnostic): return (nil, [], [diagnostic])
        case .success(let value): (frontMatter, pairs) = value
        }
        let source = YAMLSource(display: display, firstLine: frontMatter.yamlLine)
        let schema = FieldSchema.consultation
        let what = "文件信息（文件开头两行 --- 之间）"
        var fields = FieldValues(pairs: pairs, table: Self.table, display: display, line: 1)
        fields.reportUnknown(what: "意见征集")
        let title = fields.requiredText("title", what: what)
        let start = fields.required("start", what: what) { $0.date($1) }
        let end = fields.required("end", what: what) { $0.date($1) }
        if let start, let end, end < start {
            fields.diagnostics.append(
                .error(
                    display, line: fields.lineOf("end"),
                    "“\(schema.key("end"))”（\(end.chinese)）早于“\(schema.key("start"))”（\(start.chinese)）。请核对征集的起止日期。"))
        }
        let published = fields.date("published")
        if let published, let start, published > start {
            fields.diagnostics.append(
                .error(
                    display, line: fields.lineOf("published"),
                    "“\(schema.key("published"))”（\(published.chinese)）晚于“\(schema.key("start"))”（\(start.chinese)），公众在征集开始时还看不到它。请把发布日期改为开始日期或更早。"))
        }
        var references: [Reference] = []
        for field in ["draft", "feedback"] {
            guard let entry = fields.values[field] else { continue }
            guard let text = fields.text(field), !text.isEmpty else { continue }
            references.append(Reference(field: field, key: entry.key, text: text, line: entry.line))
        }
        var attachments: [Attachment] = []
        if let entry = fields.values["attachments"] {
            attachments = DocumentReader.readAttachments(
                entry.node, key: entry.key, line: entry.line, directory: PathText.parent(relativePath), source: source, fields: &fields)
        }
        let online = fields.text("online")
        if let online {
            switch URLPolicy.check(online) {
            case .external where online.hasPrefix("http"): break
            case .refused(let reason):
                fields.diagnostics.append(
                    .error(display, line: fields.lineOf("online"), "“\(schema.key("online"))”的网址不能使用：\(reason)。", rule: "unsafe-url"))
            default:
                fields.diagnostics.append(
                    .error(
                        display, line: fields.lineOf("online"),
                        "“\(schema.key("online"))”应是以 https:// 或 http:// 开头的网上征集页面地址。"))
            }
        }
        let email = fields.text("email")
        if let email, !Self.isEmail(email) {
            fields.diagnostics.append(
                .error(display, line: fields.lineOf("email"), "“\(schema.key("email"))”“\(email)”不是有效的电子邮箱地址，应形如 yjzj@example.gov.cn。"))
        }
        let letter = fields.text("letter")
        if email == nil && letter == nil && online == nil {
            fields.diagnostics.append(
                .error(
                    display, line: 1,
                    "没有写征集方式，公众不知道如何提交意见。请至少填写“\(schema.key("email"))”、“\(schema.key("letter"))”或“\(schema.key("online"))”中的一项。"))
        }
        if frontMatter.body.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            fields.diagnostics.append(
                .error(display, line: frontMatter.bodyLine, "没有正文。请在文件开头第二个 --- 之后写明征求意见的事项和起草说明。"))
        }
        let id = String(relativePath.dropLast(3))
        var slug = (id as NSString).lastPathComponent
        if let custom = fields.text("slug") {
            if DocumentReader.isValidSlug(custom) {
                slug = custom
            } else {
                fields.diagnostics.append(
                    .error(display, line: fields.lineOf("slug"), "“\(schema.key("slug"))”只能用英文字母、数字、- 和 _。"))
            }
        }
        guard let title, let start, let end, !fields.diagnostics.contains(where: { $0.severity == .error }) else {
            return (nil, [], fields.diagnostics)
        }
        let consultation = Consultation(
            id: id, file: display, slug: slug, title: title, issuer: fields.text("issuer"), published: published,
            start: start, end: end, draft: nil, attachments: attachments, email: email, letter: letter, online: online,
            phone: fields.text("phone"), feedback: nil, body: frontMatter.body, bodyLine: frontMatter.bodyLine,
            fieldLines: fields.fieldLines)
        return (consultation, references, fields.diagnostics)
    }

    static func isEmail(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."), !parts[1].hasPrefix("."), !parts[1].hasSuffix(".") else { return false }
        return !text.contains(where: { $0.isWhitespace || $0 == "<" || $0 == ">" || $0 == "\"" })
    }
}
