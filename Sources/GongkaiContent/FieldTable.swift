import GongkaiModel

/// The keys an editor may write for each field, in English or in Chinese (SPEC: content format).
/// Several keys map to one field; writing two of them for the same field is an error.
public struct FieldTable: Sendable {
    public struct Field: Sendable {
        public let name: String
        public let keys: [String]
    }

    public let fields: [Field]
    private let byKey: [String: String]

    public init(_ fields: [(String, [String])]) {
        self.fields = fields.map { Field(name: $0.0, keys: [$0.0] + $0.1) }
        var byKey: [String: String] = [:]
        for field in self.fields {
            for key in field.keys { byKey[key] = field.name }
        }
        self.byKey = byKey
    }

    public func field(forKey key: String) -> String? {
        byKey[key]
    }

    /// The Chinese key of a field (its second key), for messages.
    public func chineseKey(_ field: String) -> String {
        fields.first { $0.name == field }?.keys.dropFirst().first ?? field
    }

    public var keyList: String {
        fields.map { ($0.keys.dropFirst().first ?? $0.name) }.joined(separator: "、")
    }

    /// The keys of a field schema.
    public init(schema: FieldSchema) {
        self.init(schema.fields.map { ($0.name, $0.chineseKeys) })
    }

    /// Document front matter: the keys of `FieldSchema.document`.
    public static let document = FieldTable(schema: .document)

    /// `content/site.yml`.
    public static let site = FieldTable([
        ("name", ["网站名称", "名称"]),
        ("base_url", ["网址"]),
        ("language", ["语言"]),
        ("host", ["主办单位"]),
        ("operator", ["承办单位"]),
        ("site_code", ["网站标识码"]),
        ("icp", ["ICP备案号"]),
        ("police_record", ["公安机关备案号"]),
        ("index_prefix", ["索引号前缀", "机构代码"]),
        ("phone", ["联系电话"]),
        ("address", ["联系地址"]),
        ("email", ["电子邮箱"]),
        ("page_size", ["每页条数"]),
        ("static_files", ["静态文件"]),
        ("logo", ["网站标志"]),
        ("conac_mark", ["党政机关网站标识"]),
        ("conac_url", ["党政机关网站标识链接"]),
        ("columns", ["栏目"]),
        ("theme", ["主题"]),
        ("home", ["首页"]),
        ("bodies", ["公开主体"]),
        ("body_columns", ["主体栏目"]),
    ])

    /// One 公开主体 in `site.yml`.
    public static let body = FieldTable([
        ("name", ["名称"]), ("short_name", ["简称"]), ("path", ["路径"]), ("kind", ["类型"]), ("code", ["机构代码"]),
        ("address", ["办公地址", "地址"]), ("phone", ["联系电话", "电话"]), ("hours", ["办公时间"]),
        ("in_person", ["当面申请地址", "当面申请"]), ("post", ["邮寄地址", "邮寄申请"]), ("postcode", ["邮政编码"]),
        ("online", ["网络申请", "在线申请"]), ("fax", ["传真"]), ("email", ["电子邮箱"]), ("columns", ["栏目"]),
    ])

    /// One block of the home page (`首页:` in site.yml).
    public static let homeSection = FieldTable([
        ("section", ["板块"]), ("title", ["标题"]), ("count", ["条数"]), ("column", ["栏目"]), ("links", ["链接"]),
    ])

    /// One link of a 快速入口 block.
    public static let homeLink = FieldTable([("title", ["标题"]), ("url", ["网址"])])

    /// One column in `site.yml`.
    public static let column = FieldTable([
        ("title", ["标题"]),
        ("path", ["路径"]),
        ("description", ["说明"]),
        ("update", ["更新类别"]),
        ("home", ["首页"]),
        ("children", ["子栏目"]),
        ("fields", ["字段"]),
    ])

    /// One field a column declares for its documents.
    public static let columnField = FieldTable([("key", ["键", "字段名"]), ("label", ["名称"]), ("type", ["类型"])])

    /// `content/plans/<id>.yml`.
    public static let plan = FieldTable([
        ("title", ["标题"]), ("year", ["年度"]), ("issuer", ["印发机关"]), ("region", ["地区"]),
        ("level", ["层级"]), ("kind", ["类别"]), ("notice", ["通知"]), ("parent", ["上级要点"]),
        ("preamble", ["序言"]), ("sections", ["部分"]),
    ])

    public static let planSection = FieldTable([("number", ["序号"]), ("title", ["标题"]), ("items", ["任务"])])

    public static let planItem = FieldTable([
        ("number", ["序号"]), ("title", ["标题"]), ("body", ["内容"]), ("assignment", ["分工"]),
        ("leads", ["牵头单位"]), ("partners", ["配合单位"]), ("responsible", ["责任单位"]),
        ("deadlines", ["时限"]), ("targets", ["目标"]), ("implements", ["落实上级"]), ("progress", ["进展"]),
    ])

    public static let deadline = FieldTable([("text", ["文字"]), ("date", ["日期"])])

    public static let progress = FieldTable([("date", ["日期"]), ("status", ["状态"]), ("note", ["说明"]), ("evidence", ["佐证"])])

    /// `content/reports/<year>.yml`.
    public static let report = FieldTable([
        ("year", ["年度"]), ("title", ["标题"]), ("issuer", ["发布机关"]), ("published", ["发布日期"]),
        ("overview", ["总体情况"]), ("decisions", ["主动公开政府信息情况"]),
        ("applications", ["收到和处理政府信息公开申请情况"]), ("reviews", ["行政复议和行政诉讼情况"]),
        ("problems", ["存在的主要问题及改进情况"]), ("other", ["其他需要报告的事项"]),
    ])

    /// `content/catalogues/<id>.yml`.
    public static let catalogue = FieldTable([
        ("kind", ["类型"]), ("title", ["标题"]), ("unit", ["责任单位"]), ("updated", ["更新日期"]),
        ("description", ["说明"]), ("field", ["领域"]), ("columns", ["列"]), ("rows", ["行"]), ("data", ["数据"]),
    ])

    /// `content/faq/<slug>.md`.
    public static let faq = FieldTable([
        ("question", ["问题"]), ("topic", ["主题"]), ("answered", ["答复日期"]), ("unit", ["答复单位"]), ("related", ["相关政策"]),
    ])
}
