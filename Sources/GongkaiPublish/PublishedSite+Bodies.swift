import GongkaiModel

/// What the derive stage knows of each 公开主体.
extension PublishedSite {
    /// The column that lists a body's annual reports: the first whose title names them, in
    /// the body's own columns (the site's 年报 column for a body without a folder).
    public func reportsColumn(of body: DisclosingBody) -> Column? {
        if let known = reportsColumnOfBody[body.slug], known.root == body.columnRoot { return known.column }
        return Self.reportsColumn(of: body, in: site)
    }

    static func reportsColumn(of body: DisclosingBody, in site: Site) -> Column? {
        site.columns.first { Site.isWithin($0.path, body.columnRoot) && listsReports($0) }
    }

    static func listsReports(_ column: Column) -> Bool {
        column.title.contains("年报") || column.title.contains("年度报告")
    }

    /// The 指南 column of a body (its title names the 政府信息公开指南).
    public func guideColumn(of body: DisclosingBody) -> Column? {
        site.columns.first { Site.isWithin($0.path, body.columnRoot) && $0.title.contains("指南") }
    }

    /// A body's published reports, newest year first.
    public func reports(of body: DisclosingBody) -> [AnnualReport] {
        let slug = body.ownColumn == nil ? body.slug : nil
        return reports.filter { $0.body == slug }
    }

    /// The body whose reports a column lists, if it lists any: nil for other columns.
    public func reportsListed(in column: Column) -> [AnnualReport]? {
        if let body = site.body(ofColumn: column.path), body.ownColumn == nil {
            return reportsColumn(of: body)?.path == column.path ? reports(of: body) : nil
        }
        return reportsColumn?.path == column.path ? reports.filter { $0.body == nil } : nil
    }

    /// A body's published documents, newest first.
    public func documents(of body: DisclosingBody) -> [Document] { documentsByBody[body.slug] ?? [] }
}
