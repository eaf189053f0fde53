import GongkaiModel

/// The column checks of the national website inspection (国办秘函〔2019〕19号): columns not
/// updated within their interval, blank columns, a home page not updated in two weeks, and
/// whether the site is at risk of a 单项否决 (an automatic fail).
public struct Inspection: Sendable {
    public struct StaleColumn: Sendable {
        public let column: Column
        public let latest: CalendarDate?
        public let days: Int?
    }

    public let asOf: CalendarDate
    public let stale: [StaleColumn]
    public let blank: [Column]
    /// The latest publication on the whole site.
    public let latest: CalendarDate?
    /// The first publication on the whole site.
    public let earliest: CalendarDate?
    public let homeStale: Bool
    public let diagnostics: [Diagnostic]

    /// - Parameter dates: publication dates of what each column shows, by column path
    ///   (documents, and reports for the 年报 column).
    public init(site: Site, dates: [String: [CalendarDate]], asOf: CalendarDate, configFile: String) {
        self.asOf = asOf
        var stale: [StaleColumn] = []
        var blank: [Column] = []
        var diagnostics: [Diagnostic] = []
        func datesUnder(_ column: Column) -> [CalendarDate] {
            site.columns.filter { Site.isWithin($0.path, column.path) }.flatMap { dates[$0.path] ?? [] }
        }
        for column in site.columns where column.holdsDocuments || !column.childPaths.isEmpty {
            let shown = datesUnder(column)
            // A body's template column is named with its body: the same title is in every body.
            let title =
                site.body(ofColumn: column.path).flatMap { body in
                    Site.isWithin(column.path, body.folder) ? "\(body.shortName ?? body.name) › \(column.title)" : nil
                } ?? column.title
            if column.childPaths.isEmpty && shown.isEmpty {
                blank.append(column)
                diagnostics.append(
                    .indicator(
                        .blankColumn, configFile, line: column.line,
                        "栏目“\(title)”没有任何已发布的信息（空白栏目）。请发布内容，或从 site.yml 中删除这个栏目。", rule: "blank-column"))
                continue
            }
            guard let interval = column.updateClass.intervalDays, !shown.isEmpty else { continue }
            let latest = shown.max()!
            let days = asOf.ordinal - latest.ordinal
            if days > interval {
                stale.append(StaleColumn(column: column, latest: latest, days: days))
                diagnostics.append(
                    .indicator(
                        .staleColumn, configFile, line: column.line,
                        "栏目“\(title)”（\(column.updateClass.rawValue)类，应每\(Self.describe(interval))至少更新一次）最近一次更新是 \(latest.chinese)，已 \(days) 天未更新。",
                        rule: "stale-column"))
            }
        }
        let all = dates.values.flatMap { $0 }
        latest = all.max()
        earliest = all.min()
        homeStale = latest.map { asOf.ordinal - $0.ordinal > 14 } ?? true
        if homeStale {
            diagnostics.append(
                .indicator(
                    .homeNotUpdated, configFile,
                    "首页超过 2 周没有更新：全站最近一次发布是 \(latest?.chinese ?? "（没有）")。“首页不更新”属于单项否决项。", rule: "home-not-updated"))
        }
        self.stale = stale
        self.blank = blank
        self.diagnostics = diagnostics
    }

    static func describe(_ days: Int) -> String {
        switch days {
        case 14: return " 2 周"
        case 183: return " 6 个月"
        case 365: return "年"
        default: return " \(days) 天"
        }
    }

    /// Stale columns of the 动态要闻, 通知公告 and 政策文件 classes, the ones the 5-column rule counts.
    public var staleFrequent: [StaleColumn] {
        stale.filter { [.news, .notices, .policies].contains($0.column.updateClass) }
    }

    /// A site that began publishing within the last 30 days (or has not yet): its blank
    /// columns are work still to do before it goes online, not yet a failed inspection.
    public var justStarted: Bool {
        earliest.map { asOf.ordinal - $0.ordinal <= 30 } ?? true
    }

    /// The reasons the site risks an automatic fail, in the inspectors' words; empty when none.
    public var vetoRisks: [String] {
        var risks: [String] = []
        if homeStale { risks.append("首页超过 2 周未更新") }
        if staleFrequent.count >= 5 { risks.append("动态要闻、通知公告、政策文件类栏目有 \(staleFrequent.count) 个未按期更新（5 个及以上即否决）") }
        if stale.count >= 10 { risks.append("应更新栏目有 \(stale.count) 个未按期更新（10 个及以上即否决）") }
        if blank.count >= 5 { risks.append("空白栏目有 \(blank.count) 个（5 个及以上即否决）") }
        return risks
    }

    /// The summary an inspector would write, line by line.
    public var summary: [String] {
        var lines = ["网站检查（按国办秘函〔2019〕19号指标，检查日期 \(asOf.chinese)）："]
        let byClass = Dictionary(grouping: stale, by: \.column.updateClass)
        let detail = UpdateClass.allCases.compactMap { type in byClass[type].map { "\(type.rawValue) \($0.count) 个" } }
        lines.append("  栏目不更新：\(stale.count) 个" + (detail.isEmpty ? "" : "（\(detail.joined(separator: "、"))）"))
        lines.append("  空白栏目：\(blank.count) 个" + (blank.isEmpty ? "" : "（\(blank.map(\.title).joined(separator: "、"))）"))
        lines.append("  首页更新：最近一次发布 \(latest?.chinese ?? "无")" + (homeStale ? "，超过 2 周未更新" : "，正常"))
        let risks = vetoRisks
        lines.append(risks.isEmpty ? "  单项否决风险：未发现" : "  单项否决风险：有——\(risks.joined(separator: "；"))")
        return lines
    }
}
