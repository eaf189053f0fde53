import GongkaiModel

/// The addresses of the 公开主体 pages.
extension Routes {
    /// The 公开主体 index (the column `bodies`).
    public var bodies: String { column(DisclosingBody.root) }
    /// A body's 信息公开 home.
    public func body(_ body: DisclosingBody) -> String { column(body.folder) }
    /// The overview of every body's annual reports by year.
    public var reportsOverview: String { basePath + DisclosingBody.root + "/reports.html" }
    /// A body's 依申请公开 page: channels, rules, time limits.
    public func application(_ body: DisclosingBody) -> String { basePath + body.folder + "/ysqgk.html" }
    /// A body's 政府信息公开申请表.
    public func applicationForm(_ body: DisclosingBody) -> String { basePath + body.folder + "/sqb.html" }
    /// An annual report's page: a body's under its folder, the site's at `reports/<year>.html`.
    public func report(_ report: AnnualReport) -> String {
        guard let slug = report.body else { return self.report(report.year) }
        return basePath + DisclosingBody.root + "/\(slug)/reports/\(report.year).html"
    }
}
