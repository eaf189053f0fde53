/// A structured disclosure list (目录清单): its kind, who keeps it, when it was updated, rows.
public struct Catalogue: Sendable {
    public var id: String
    public var file: String
    public var schema: CatalogueSchema
    public var title: String
    /// 责任单位
    public var unit: String
    /// 更新日期
    public var updated: CalendarDate
    public var description: String?
    /// 领域 (交通运输, 水利…) for 基层政务公开标准目录.
    public var field: String?
    public var rows: [CatalogueRow]
    public var fieldLines: [String: Int]
    /// The 公开主体 (its `路径`) whose folder holds the catalogue; nil for the portal's own.
    public var body: String? = nil

    public init(
        id: String, file: String, schema: CatalogueSchema, title: String, unit: String, updated: CalendarDate,
        description: String?, field: String?, rows: [CatalogueRow], fieldLines: [String: Int]
    ) {
        self.id = id
        self.file = file
        self.schema = schema
        self.title = title
        self.unit = unit
        self.updated = updated
        self.description = description
        self.field = field
        self.rows = rows
        self.fieldLines = fieldLines
    }
}

public struct CatalogueRow: Sendable, Hashable {
    /// Values by column name.
    public let values: [String: String]
    /// Line of the row in its YAML or CSV file.
    public let line: Int
    /// The file the row came from (the YAML file, or the CSV file beside it).
    public let file: String
    /// Ids that reference columns resolve to, by column name (a 意见征集's id, a document's id).
    public var links: [String: String] = [:]

    public init(values: [String: String], line: Int, file: String) {
        self.values = values
        self.line = line
        self.file = file
    }

    public func value(_ column: CatalogueColumn) -> String { values[column.name] ?? "" }
}

public struct CatalogueColumn: Sendable, Hashable {
    /// The column's name as the national list writes it.
    public let name: String
    /// Other keys editors may write for it.
    public let aliases: [String]
    public let required: Bool
    /// Allowed values; a cell may hold several, separated by 、 (县级、乡级).
    public let allowed: [String]?
    /// Set when a cell names something of the site (resolved when loading; shown as a link).
    public let reference: CatalogueReference?

    public init(_ name: String, aliases: [String] = [], required: Bool = true, allowed: [String]? = nil, reference: CatalogueReference? = nil) {
        self.name = name
        self.aliases = aliases
        self.required = required
        self.allowed = allowed
        self.reference = reference
    }

    public var keys: [String] { [name] + aliases }
}

/// What a reference column's cells name.
public enum CatalogueReference: String, Sendable, Hashable {
    /// A 意见征集: its file name (`parking-2026`) or path (`consultations/parking-2026`).
    case consultation
    /// A document: its path, 文号 or 索引号.
    case document
}

/// The columns of a kind of list, and which of them identify a row (for duplicates) and group
/// rows (一级事项).
public struct CatalogueSchema: Sendable, Hashable {
    /// 主动公开目录, 基层政务公开标准目录… or the kind an editor declared.
    public let kind: String
    public let columns: [CatalogueColumn]
    public let identity: [String]
    /// Column whose equal values form a group of rows (一级事项).
    public let groupBy: String?
    public let isKnown: Bool

    public init(kind: String, columns: [CatalogueColumn], identity: [String], groupBy: String? = nil, isKnown: Bool) {
        self.kind = kind
        self.columns = columns
        self.identity = identity
        self.groupBy = groupBy
        self.isKnown = isKnown
    }

    public func column(forKey key: String) -> CatalogueColumn? {
        columns.first { $0.keys.contains(key) }
    }

    /// The schemas of the national lists the seeds require.
    public static let known: [CatalogueSchema] = [
        CatalogueSchema(
            kind: "主动公开目录",
            columns: [
                CatalogueColumn("公开事项", aliases: ["事项名称"]),
                CatalogueColumn("公开内容"),
                CatalogueColumn("公开依据"),
                CatalogueColumn("公开时限（频率）", aliases: ["公开时限", "公开频率"]),
                CatalogueColumn("责任单位（科室）", aliases: ["责任单位", "责任科室", "公开责任"]),
                CatalogueColumn("公开途径", aliases: ["公开渠道"]),
            ], identity: ["公开事项", "公开内容"], isKnown: true),
        CatalogueSchema(
            kind: "基层政务公开标准目录",
            columns: [
                CatalogueColumn("一级事项"),
                CatalogueColumn("二级事项"),
                CatalogueColumn("公开内容（要素）", aliases: ["公开内容"]),
                CatalogueColumn("公开依据"),
                CatalogueColumn("公开时限"),
                CatalogueColumn("公开主体"),
                CatalogueColumn("公开渠道和载体", aliases: ["公开渠道"]),
                CatalogueColumn("公开对象", allowed: ["全社会", "特定群体"]),
                CatalogueColumn("公开方式", allowed: ["主动", "依申请"]),
                CatalogueColumn("公开层级", allowed: ["县级", "乡级"]),
            ], identity: ["一级事项", "二级事项", "公开内容（要素）"], groupBy: "一级事项", isKnown: true),
        CatalogueSchema(
            kind: "惠民惠农财政补贴政策目录",
            columns: [
                CatalogueColumn("补贴政策名称", aliases: ["政策名称"]),
                CatalogueColumn("文件依据", aliases: ["政策依据"]),
                CatalogueColumn("主管部门"),
                CatalogueColumn("资金用途"),
                CatalogueColumn("补贴对象"),
                CatalogueColumn("补助标准", aliases: ["补贴标准"]),
                CatalogueColumn("政策解答电话", aliases: ["咨询电话"]),
            ], identity: ["补贴政策名称"], isKnown: true),
        CatalogueSchema(
            kind: "行政事业性收费目录",
            columns: [
                CatalogueColumn("收费项目"),
                CatalogueColumn("政策依据"),
                CatalogueColumn("收费标准"),
                CatalogueColumn("执收单位", required: false),
            ], identity: ["收费项目"], isKnown: true),
        CatalogueSchema(
            kind: "重大行政决策事项目录",
            columns: [
                CatalogueColumn("事项名称", aliases: ["决策事项", "决策事项名称"]),
                CatalogueColumn("承办单位", aliases: ["决策承办单位"]),
                CatalogueColumn("决策依据"),
                CatalogueColumn("履行程序", aliases: ["决策程序"]),
                CatalogueColumn("计划完成时间", aliases: ["计划完成时限"]),
                CatalogueColumn("状态", aliases: ["进展情况"]),
                CatalogueColumn("意见征集", required: false, reference: .consultation),
                CatalogueColumn("决策文件", aliases: ["最终文件"], required: false, reference: .document),
            ], identity: ["事项名称"], isKnown: true),
    ]

    /// Other names editors use for the known kinds.
    public static func known(named name: String) -> CatalogueSchema? {
        let aliases = [
            "政府信息主动公开目录": "主动公开目录", "主动公开目录清单": "主动公开目录",
            "基层政务公开标准目录": "基层政务公开标准目录", "基层政务公开事项目录": "基层政务公开标准目录",
            "补贴政策目录": "惠民惠农财政补贴政策目录", "惠民惠农财政补贴政策目录清单": "惠民惠农财政补贴政策目录",
            "收费目录": "行政事业性收费目录", "行政事业性收费目录清单": "行政事业性收费目录",
            "重大行政决策目录": "重大行政决策事项目录", "重大行政决策事项目录清单": "重大行政决策事项目录",
            "年度重大行政决策事项目录": "重大行政决策事项目录",
        ]
        let kind = aliases[name] ?? name
        return known.first { $0.kind == kind }
    }
}

/// A question of the 常见问题知识库, answered with the policies it rests on.
public struct FAQEntry: Sendable {
    public var id: String
    public var file: String
    public var slug: String
    public var question: String
    public var topic: String
    public var answered: CalendarDate
    /// 答复单位
    public var unit: String?
    /// Ids of the documents the answer rests on.
    public var related: [String]
    public var body: String
    public var bodyLine: Int
    public var fieldLines: [String: Int]

    public init(
        id: String, file: String, slug: String, question: String, topic: String, answered: CalendarDate, unit: String?,
        related: [String], body: String, bodyLine: Int, fieldLines: [String: Int]
    ) {
        self.id = id
        self.file = file
        self.slug = slug
        self.question = question
        self.topic = topic
        self.answered = answered
        self.unit = unit
        self.related = related
        self.body = body
        self.bodyLine = bodyLine
        self.fieldLines = fieldLines
    }
}
