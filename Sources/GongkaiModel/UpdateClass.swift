/// How often inspectors expect a column to be updated (国办秘函〔2019〕19号 monitoring intervals).
public enum UpdateClass: String, Sendable, CaseIterable {
    /// 动态、要闻: every 2 weeks.
    case news = "动态要闻"
    /// 通知公告: every 6 months.
    case notices = "通知公告"
    /// 政策文件: every 6 months.
    case policies = "政策文件"
    /// 人事: every year.
    case personnel = "人事"
    /// 规划计划: every year.
    case planning = "规划计划"
    /// Guides, rules and other pages that change only when the rules change.
    case irregular = "不定期"

    /// Maximum days between updates before the column counts as stale; nil when never stale.
    public var intervalDays: Int? {
        switch self {
        case .news: return 14
        case .notices, .policies: return 183
        case .personnel, .planning: return 365
        case .irregular: return nil
        }
    }

    /// Accepts the Chinese names (and a few synonyms) editors write in `site.yml`.
    public init?(name: String) {
        switch name {
        case "动态要闻", "动态", "要闻", "动态/要闻", "news": self = .news
        case "通知公告", "notices": self = .notices
        case "政策文件", "policies": self = .policies
        case "人事", "personnel": self = .personnel
        case "规划计划", "planning": self = .planning
        case "不定期", "irregular": self = .irregular
        default: return nil
        }
    }

    public static var allNames: String { allCases.map(\.rawValue).joined(separator: "、") }
}
