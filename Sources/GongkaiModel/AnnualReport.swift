/// 政府信息公开工作年度报告 (国办公开办函〔2021〕30号): the figures only the office knows and
/// the narrative sections, as written in `content/reports/<year>.yml`.
public struct AnnualReport: Sendable {
    public var year: Int
    public var file: String
    public var title: String
    public var issuer: String?
    public var published: DateTime
    /// 一、总体情况: 主动公开, 依申请公开, 政府信息管理, 平台建设, 监督保障 (Markdown).
    public var overview: [String: String]
    /// 五、存在的主要问题及改进情况 (Markdown).
    public var problems: String
    /// 六、其他需要报告的事项 (Markdown).
    public var otherMatters: String
    /// Table 二 figures by row name: 行政许可, 行政处罚, 行政强制 (counts), 行政事业性收费 (万元).
    public var decisions: [String: ReportNumber]
    /// Table 三 rows by key (see `ApplicationTable.rows`), seven numbers each.
    public var applications: [String: ReportRow]
    /// Table 四 rows: 行政复议, 未经复议直接起诉, 复议后起诉, five numbers each.
    public var reviews: [String: ReportRow]
    /// The 公开主体 whose report it is (`content/bodies/<slug>/reports/`); nil for `content/reports/`.
    public var body: String?

    public init(
        year: Int, file: String, title: String, issuer: String?, published: DateTime, overview: [String: String],
        problems: String, otherMatters: String, decisions: [String: ReportNumber],
        applications: [String: ReportRow], reviews: [String: ReportRow]
    ) {
        self.year = year
        self.file = file
        self.title = title
        self.issuer = issuer
        self.published = published
        self.overview = overview
        self.problems = problems
        self.otherMatters = otherMatters
        self.decisions = decisions
        self.applications = applications
        self.reviews = reviews
    }

    /// The five parts of 一、总体情况, in order.
    public static let overviewParts = ["主动公开", "依申请公开", "政府信息管理", "平台建设", "监督保障"]
}

public struct ReportNumber: Sendable, Hashable {
    public let value: Double
    public let line: Int

    public init(value: Double, line: Int) {
        self.value = value
        self.line = line
    }
}

public struct ReportRow: Sendable, Hashable {
    public let values: [Int]
    public let line: Int

    public init(values: [Int], line: Int) {
        self.values = values
        self.line = line
    }
}

/// The exact rows and columns of table 三 (收到和处理政府信息公开申请情况).
public enum ApplicationTable {
    public struct Row: Sendable {
        /// Key in the report file; sub-rows are written under their group.
        public let key: String
        /// The group (（三）不予公开…) for sub-rows.
        public let group: String?
        /// The label in the national format.
        public let label: String
    }

    public static let columns = ["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"]

    /// Groups of section 三 with their labels in the format.
    public static let groups: [(key: String, label: String)] = [
        ("不予公开", "（三）不予公开"), ("无法提供", "（四）无法提供"), ("不予处理", "（五）不予处理"), ("其他处理", "（六）其他处理"),
    ]

    public static let rows: [Row] = [
        Row(key: "本年新收", group: nil, label: "一、本年新收政府信息公开申请数量"),
        Row(key: "上年结转", group: nil, label: "二、上年结转政府信息公开申请数量"),
        Row(key: "予以公开", group: nil, label: "（一）予以公开"),
        Row(key: "部分公开", group: nil, label: "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"),
        Row(key: "属于国家秘密", group: "不予公开", label: "1.属于国家秘密"),
        Row(key: "其他法律行政法规禁止公开", group: "不予公开", label: "2.其他法律行政法规禁止公开"),
        Row(key: "危及“三安全一稳定”", group: "不予公开", label: "3.危及“三安全一稳定”"),
        Row(key: "保护第三方合法权益", group: "不予公开", label: "4.保护第三方合法权益"),
        Row(key: "属于三类内部事务信息", group: "不予公开", label: "5.属于三类内部事务信息"),
        Row(key: "属于四类过程性信息", group: "不予公开", label: "6.属于四类过程性信息"),
        Row(key: "属于行政执法案卷", group: "不予公开", label: "7.属于行政执法案卷"),
        Row(key: "属于行政查询事项", group: "不予公开", label: "8.属于行政查询事项"),
        Row(key: "本机关不掌握相关政府信息", group: "无法提供", label: "1.本机关不掌握相关政府信息"),
        Row(key: "没有现成信息需要另行制作", group: "无法提供", label: "2.没有现成信息需要另行制作"),
        Row(key: "补正后申请内容仍不明确", group: "无法提供", label: "3.补正后申请内容仍不明确"),
        Row(key: "信访举报投诉类申请", group: "不予处理", label: "1.信访举报投诉类申请"),
        Row(key: "重复申请", group: "不予处理", label: "2.重复申请"),
        Row(key: "要求提供公开出版物", group: "不予处理", label: "3.要求提供公开出版物"),
        Row(key: "无正当理由大量反复申请", group: "不予处理", label: "4.无正当理由大量反复申请"),
        Row(key: "要求行政机关确认或重新出具已获取信息", group: "不予处理", label: "5.要求行政机关确认或重新出具已获取信息"),
        Row(key: "申请人无正当理由逾期不补正", group: "其他处理", label: "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"),
        Row(key: "申请人逾期未按收费通知要求缴纳费用", group: "其他处理", label: "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"),
        Row(key: "其他", group: "其他处理", label: "3.其他"),
        Row(key: "总计", group: nil, label: "（七）总计"),
        Row(key: "结转下年度", group: nil, label: "四、结转下年度继续办理"),
    ]

    /// The rows that make up （七）总计: every handling result.
    public static var results: [Row] { Array(rows[2..<23]) }

    public static func label(_ key: String) -> String { rows.first { $0.key == key }?.label ?? key }
}

/// Table 四 (政府信息公开行政复议、行政诉讼情况).
public enum ReviewTable {
    public static let rows = ["行政复议", "未经复议直接起诉", "复议后起诉"]
    public static let columns = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]
}

/// Table 二 rows whose figures come from the report file.
public enum DecisionTable {
    public static let rows = ["行政许可", "行政处罚", "行政强制", "行政事业性收费"]
}
