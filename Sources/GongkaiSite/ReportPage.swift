import GongkaiModel
import GongkaiTemplates

/// 政府信息公开工作年度报告 in the national format, sections 一 to 六.
public struct ReportPageView: Codable, Sendable {
    let site: SiteView
    let page: PageInfo
    let meta: [MetaTag]
    let breadcrumb: [Crumb]
    let report: ReportView
}

public struct ReportView: Codable, Sendable {
    let title: String
    let issuer: String?
    let published: String
    let year: Int
    let overview: [ReportPart]
    let decisions: [DataTable]
    let applications: DataTable
    let reviews: DataTable
    let problems: HTML
    let otherMatters: HTML
    /// The year's work plans and how their items stood when the report was published.
    let plans: Listing<ReportPlan>?
}

public struct ReportPart: Codable, Sendable {
    let number: String
    let title: String
    let body: HTML
}

public struct ReportPlan: Codable, Sendable {
    let title: String
    let url: String
    let summary: String
    let items: [ReportPlanItem]
}

public struct ReportPlanItem: Codable, Sendable {
    let item: ItemLink
    let leads: String
    let status: String
    let statusModifier: String
    let overdue: Bool
}

extension PageFactory {
    public func reportPage(_ report: AnnualReport) -> ReportPageView {
        let numbers = ["（一）", "（二）", "（三）", "（四）", "（五）"]
        let overview = AnnualReport.overviewParts.enumerated().map { index, part in
            ReportPart(
                number: numbers[index], title: "\(part)情况".replacingOccurrences(of: "情况情况", with: "情况"),
                body: HTML(markdown.html(report.overview[part] ?? "")))
        }
        let body = report.body.flatMap { site.body($0) }
        let own = body.map(published.documents(of:)) ?? published.documents
        let counts = Dictionary(
            uniqueKeysWithValues: NormativeCounts.Kind.allCases.map {
                ($0, NormativeCounts($0, documents: own, year: report.year))
            })
        let day = report.published.date
        let plans = planBook.plans.filter { $0.year == report.year && body == nil }.map { plan -> ReportPlan in
            let items = plan.items.map { item in
                ReportPlanItem(
                    item: itemLink(item, of: plan),
                    leads: item.leads.isEmpty ? (item.partners.first ?? "—") : item.leads.joined(separator: "、"),
                    status: item.status(asOf: day).rawValue, statusModifier: statusModifier(item.status(asOf: day)),
                    overdue: plan.isOverdue(item, asOf: day))
            }
            let done = items.filter { $0.status == ProgressStatus.done.rawValue }.count
            let overdue = items.filter(\.overdue).count
            return ReportPlan(
                title: plan.title, url: routes.plan(plan.id),
                summary: "截至 \(day.chinese)，共 \(items.count) 项任务，已完成 \(done) 项，逾期未完成 \(overdue) 项。",
                items: items)
        }
        let view = ReportView(
            title: report.title, issuer: report.issuer, published: day.chinese, year: report.year, overview: overview,
            decisions: ReportTables.decisions(report, counts: counts), applications: ReportTables.applications(report),
            reviews: ReportTables.reviews(report), problems: HTML(markdown.html(report.problems)),
            otherMatters: HTML(markdown.html(report.otherMatters)), plans: .of(plans))
        let column = body.flatMap(published.reportsColumn(of:)) ?? published.reportsColumn
        let crumbs = breadcrumb(column: column?.path, current: "\(report.year)年年度报告")
        return ReportPageView(
            site: siteView(currentColumn: column?.path, current: column == nil ? .other : nil),
            page: pageInfo(heading: report.title, url: routes.report(report)),
            meta: metaTags(column: column) + [
                MetaTag(name: "ArticleTitle", content: report.title),
                MetaTag(name: "PubDate", content: report.published.minutePrecision),
            ],
            breadcrumb: crumbs, report: view)
    }
}

/// Each published annual report.
struct ReportPages: PageKind {
    let template = "report"
    func pages(in site: PageFactory) -> [Int] { site.published.reports.filter { $0.body == nil }.map(\.year) }
    func url(of key: Int, in site: PageFactory) -> String { site.routes.report(key) }
    func source(of key: Int, in site: PageFactory) -> PageSource {
        let file = report(key, in: site).file
        return PageSource(file: file, description: "年度报告文件 \(file)")
    }
    func view(of key: Int, in site: PageFactory) -> (view: ReportPageView, warnings: [Diagnostic]) {
        (site.reportPage(report(key, in: site)), [])
    }
    func sitemapEntries(in site: PageFactory) -> [SitemapEntry] {
        site.published.reports.filter { $0.body == nil }.map { SitemapEntry(loc: site.routes.absolute(site.routes.report($0.year)), lastmod: $0.published.date.iso) }
    }
    private func report(_ year: Int, in site: PageFactory) -> AnnualReport { site.site.reports.first { $0.year == year && $0.body == nil }! }
}
