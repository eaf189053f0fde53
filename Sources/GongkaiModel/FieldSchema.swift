/// The one description of each document field: the keys an editor may write (English, then
/// Chinese; several keys may name one field), its type, the label pages show, and its role in
/// search. The content reader takes its keys from here, the import writer and the checks name
/// fields by `key`, and the document page takes its metadata rows and labels from here.
public struct FieldSpec: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable {
        case text, date, dateTime, choice, list, bool, attachments, references, number, url
    }

    /// What the search index does with the field.
    public enum SearchRole: Sendable, Hashable {
        case none
        /// Ranked above the body (标题, 文号).
        case heading
        /// A filter of the search page and a listing of the policy library, by facet name.
        case facet(String)
        /// Indexed with a small weight (标签).
        case keywords
    }

    /// The English name, the field's identity in code (`doc_no`).
    public let name: String
    /// The Chinese keys an editor may write, the usual one first (`文号`, `发文字号`).
    public let chineseKeys: [String]
    public let kind: Kind
    /// The row label of the document page's metadata table, when the field is shown there.
    public let label: String?
    public let search: SearchRole

    public init(_ name: String, _ chineseKeys: [String], _ kind: Kind, label: String? = nil, search: SearchRole = .none) {
        self.name = name
        self.chineseKeys = chineseKeys
        self.kind = kind
        self.label = label
        self.search = search
    }

    /// The key an editor writes and messages name: the usual Chinese one.
    public var key: String { chineseKeys.first ?? name }
    /// Every key that names the field.
    public var keys: [String] { [name] + chineseKeys }
}

/// The fields of one kind of content file.
public struct FieldSchema: Sendable {
    public let fields: [FieldSpec]
    private let byName: [String: Int]

    public init(_ fields: [FieldSpec]) {
        self.fields = fields
        byName = Dictionary(uniqueKeysWithValues: fields.enumerated().map { ($1.name, $0) })
    }

    public subscript(name: String) -> FieldSpec {
        guard let index = byName[name] else { preconditionFailure("no field \(name) in the schema") }
        return fields[index]
    }

    /// The usual Chinese key of a field, for messages and written files.
    public func key(_ name: String) -> String { self[name].key }

    /// The fields the metadata table shows, in its order.
    public var metadataFields: [FieldSpec] { fields.filter { $0.label != nil } }

    /// Document front matter (SPEC: content format). The metadata rows are those of gov.cn
    /// document pages, in their order, with 文件类型 and 有效期至.
    public static let document = FieldSchema([
        FieldSpec("title", ["标题"], .text, search: .heading),
        FieldSpec("index_no", ["索引号"], .text, label: "索引号"),
        FieldSpec("issuer", ["发文机关", "发布机构"], .text, label: "发文机关", search: .facet("issuer")),
        FieldSpec("doc_no", ["文号", "发文字号"], .text, label: "文号", search: .heading),
        FieldSpec("written", ["成文日期"], .date, label: "成文日期"),
        FieldSpec("published", ["发布日期", "发布时间"], .dateTime, label: "发布日期", search: .facet("year")),
        FieldSpec("topic", ["主题分类"], .text, label: "主题分类", search: .facet("topic")),
        FieldSpec("type", ["文件类型"], .text, label: "文件类型", search: .facet("type")),
        FieldSpec("validity", ["有效性"], .choice, label: "有效性", search: .facet("validity")),
        FieldSpec("effective", ["施行日期", "实施日期"], .date, label: "施行日期"),
        FieldSpec("valid_until", ["有效期至"], .date, label: "有效期至"),
        FieldSpec("disclosure", ["公开方式", "公开属性"], .choice),
        FieldSpec("interprets", ["解读对象"], .references),
        FieldSpec("replaces", ["替代", "修改/废止关系"], .references),
        FieldSpec("replaced_by", ["被替代", "已被替代"], .references),
        FieldSpec("plans", ["工作要点"], .list),
        FieldSpec("attachments", ["附件"], .attachments),
        FieldSpec("tags", ["标签", "主题词"], .list, search: .keywords),
        FieldSpec("slug", ["网址名"], .text),
        FieldSpec("allow_personal_data", ["允许个人信息"], .bool),
    ])

    /// 意见征集 front matter (`content/consultations/<slug>.md`).
    public static let consultation = FieldSchema([
        FieldSpec("title", ["标题"], .text, label: "标题"),
        FieldSpec("issuer", ["征集单位", "发布机构"], .text, label: "征集单位"),
        FieldSpec("published", ["发布日期"], .date, label: "发布日期"),
        FieldSpec("start", ["开始日期", "征集开始日期"], .date, label: "开始日期"),
        FieldSpec("end", ["截止日期", "结束日期", "征集截止日期"], .date, label: "截止日期"),
        FieldSpec("draft", ["征求意见稿"], .references, label: "征求意见稿"),
        FieldSpec("attachments", ["附件"], .attachments, label: "附件"),
        FieldSpec("email", ["电子邮箱"], .text, label: "电子邮件"),
        FieldSpec("letter", ["通信地址", "信函地址"], .text, label: "信函"),
        FieldSpec("online", ["网上提交", "在线提交"], .url, label: "网上提交"),
        FieldSpec("phone", ["联系电话"], .text, label: "联系电话"),
        FieldSpec("feedback", ["反馈", "意见采纳情况"], .references, label: "意见反馈"),
        FieldSpec("slug", ["网址名"], .text),
    ])
}

/// A field a column declares in `site.yml` for its documents (and its sub-columns'): read,
/// checked against its type and shown in the metadata table, with no change to Gongkai.
public struct ColumnField: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        case text = "文本"
        case date = "日期"
        case number = "数字"
        case url = "网址"
    }

    /// The key documents write.
    public let key: String
    /// The metadata table's row label.
    public let label: String
    public let kind: Kind
    /// Where it is declared in `site.yml`.
    public let line: Int

    public init(key: String, label: String, kind: Kind, line: Int) {
        self.key = key
        self.label = label
        self.kind = kind
        self.line = line
    }
}
