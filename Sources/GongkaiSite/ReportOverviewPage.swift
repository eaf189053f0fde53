import GongkaiModel
import GongkaiTemplates

/// 年报发布情况: every body by every year, whether its report is published and when.
public struct ReportOverviewView: Codable, Sendable {
    let site: SiteView
    let page: PageInfo
    let meta: [MetaTag]
    let breadcrumb: [Crumb]
    let years: [Int]
    let rows: [ReportOverviewRow]
    let asOf: String
}

public struct ReportOverviewRow: Codable, Sendable {
    let name: String
    let url: String
    let kind: String
    let cells: [ReportOverviewCell]
}

public struct ReportOverviewCell: Codable, Sendable {
    let year: Int
    /// The report's page when it is published.
    let url: String?
    let date: String?
    /// 未发布, or 逾期未发布 once the 第四十九条 deadline has passed.
    let missing: String?
    let overdue: Bool
}

extension PageFactory {
    public func reportOverview() -> ReportOverviewView {
        let asOf = published.rule.asOf
        // The years any body reported, and last year (the one now due).
        let years = Array(Set(published.reports.map(\.year) + [asOf.year - 1])).sorted(by: >)
        let rows = site.bodies.map { body -> ReportOverviewRow in
            let reports = published.reports(of: body)
            let (month, day) = body.kind.reportDeadline
            return ReportOverviewRow(
                name: body.name, url: routes.body(body), kind: body.kind.rawValue,
                cells: years.map { year in
                    if let report = reports.first(where: { $0.year == year }) {
                        return ReportOverviewCell(
                            year: year, url: routes.report(report), date: report.published.date.iso, missing: nil, overdue: false)
                    }
                    let overdue = CalendarDate(year: year + 1, month: month, day: day).map { asOf > $0 } ?? false
                    return ReportOverviewCell(year: year, url: nil, date: nil, missing: overdue ? "逾期未发布" : "未发布", overdue: overdue)
                })
        }
        return ReportOverviewView(
            site: siteView(currentColumn: DisclosingBody.root),
            page: pageInfo(
                heading: "政府信息公开工作年度报告发布情况", url: routes.reportsOverview,
                description: "各公开主体历年政府信息公开工作年度报告的发布情况。"),
            meta: metaTags(column: site.column(DisclosingBody.root)),
            breadcrumb: breadcrumb(column: DisclosingBody.root, current: "年报发布情况"), years: years, rows: rows,
            asOf: asOf.chinese)
    }
}

/// The overview of the bodies' annual reports, on a site that declares bodies.
struct ReportOverviewPages: SinglePageKind {
    let template = "reports-overview"
    let name = "年报发布情况页面"
    func exists(in site: PageFactory) -> Bool { !site.site.bodies.isEmpty }
    func url(in site: PageFactory) -> String { site.routes.reportsOverview }
    func view(in site: PageFactory) -> ReportOverviewView { site.reportOverview() }
    func sitemapEntries(in site: PageFactory) -> [SitemapEntry] { everyPage(in: site) }
}
