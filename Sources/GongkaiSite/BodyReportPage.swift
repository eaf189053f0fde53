import GongkaiModel
import GongkaiTemplates

/// The annual reports of the bodies with their own folder, in the national format of `report`.
struct BodyReportPages: PageKind {
    struct Key: Hashable, Sendable {
        let body: String
        let year: Int
    }

    let template = "report"
    func pages(in site: PageFactory) -> [Key] {
        site.published.reports.compactMap { report in report.body.map { Key(body: $0, year: report.year) } }
    }
    func url(of key: Key, in site: PageFactory) -> String { site.routes.report(report(key, in: site)) }
    func source(of key: Key, in site: PageFactory) -> PageSource {
        let file = report(key, in: site).file
        return PageSource(file: file, description: "年度报告文件 \(file)")
    }
    func view(of key: Key, in site: PageFactory) -> (view: ReportPageView, warnings: [Diagnostic]) {
        (site.reportPage(report(key, in: site)), [])
    }
    func sitemapEntries(in site: PageFactory) -> [SitemapEntry] {
        pages(in: site).map { key in
            let report = report(key, in: site)
            return SitemapEntry(loc: site.routes.absolute(site.routes.report(report)), lastmod: report.published.date.iso)
        }
    }
    private func report(_ key: Key, in site: PageFactory) -> AnnualReport {
        site.site.reports.first { $0.body == key.body && $0.year == key.year }!
    }
}
