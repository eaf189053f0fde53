import GongkaiContent
import GongkaiModel
import GongkaiTemplates

/// 目录清单: every catalogue, with its kind, unit and update date.
public struct CataloguesIndexView: Codable, Sendable {
    let site: SiteView
    let page: PageInfo
    let meta: [MetaTag]
    let breadcrumb: [Crumb]
    let catalogues: Listing<CatalogueSummary>?
}

public struct CatalogueSummary: Codable, Sendable {
    let title: String
    let url: String
    let kind: String
    let unit: String
    let updated: String
    let rows: Int
    let csvURL: String
}

/// One catalogue as an accessible table, with a CSV download of the same data.
public struct CataloguePageView: Codable, Sendable {
    let site: SiteView
    let page: PageInfo
    let meta: [MetaTag]
    let breadcrumb: [Crumb]
    let catalogue: CatalogueView
}

public struct CatalogueView: Codable, Sendable {
    let title: String
    let kind: String
    let unit: String
    let updated: String
    let field: String?
    let description: String?
    let csvURL: String
    let rows: Int
    /// Column headers, the first being the row header column.
    let columns: [String]
    let groups: [CatalogueGroupView]
}

/// Rows sharing a 一级事项 (or all rows, untitled, for kinds without levels).
public struct CatalogueGroupView: Codable, Sendable {
    let title: String?
    let span: Int
    let rows: [CatalogueRowView]
}

public struct CatalogueRowView: Codable, Sendable {
    let header: CatalogueCell
    let cells: [CatalogueCell]
}

public struct CatalogueCell: Codable, Sendable {
    let label: String
    let value: String
    /// Set in reference columns when what the cell names is published.
    var url: String? = nil
}

/// The CSV download, written through the `catalogue.csv` template.
public struct CatalogueCSVView: Codable, Sendable {
    let csv: HTML
}

extension PageFactory {
    func catalogueSummary(_ catalogue: Catalogue) -> CatalogueSummary {
        CatalogueSummary(
            title: catalogue.title, url: routes.catalogue(catalogue.id), kind: catalogue.schema.kind, unit: catalogue.unit,
            updated: catalogue.updated.chinese, rows: catalogue.rows.count, csvURL: routes.catalogueCSV(catalogue.id))
    }

    public func cataloguesIndex() -> CataloguesIndexView {
        CataloguesIndexView(
            site: siteView(currentColumn: nil, current: .catalogues),
            page: pageInfo(
                heading: "公开目录", url: routes.catalogues,
                description: "政府信息主动公开目录、基层政务公开标准目录、惠民惠农财政补贴政策目录和行政事业性收费目录清单。"),
            meta: metaTags(column: nil), breadcrumb: [Crumb(title: "首页", url: routes.home), Crumb(title: "公开目录", url: nil)],
            catalogues: .of(site.catalogues.map(catalogueSummary)))
    }

    public func cataloguePage(_ catalogue: Catalogue) -> CataloguePageView {
        let schema = catalogue.schema
        let shown = schema.columns.filter { $0.name != schema.groupBy }
        let rowHeader = shown[0]
        func row(_ row: CatalogueRow) -> CatalogueRowView {
            CatalogueRowView(
                header: CatalogueCell(label: rowHeader.name, value: row.value(rowHeader)),
                cells: shown.dropFirst().map { catalogueCell(row, $0) })
        }
        var groups: [CatalogueGroupView] = []
        if let groupBy = schema.groupBy, let column = schema.columns.first(where: { $0.name == groupBy }) {
            var order: [String] = []
            var members: [String: [CatalogueRow]] = [:]
            for item in catalogue.rows {
                let key = item.value(column)
                if members[key] == nil { order.append(key) }
                members[key, default: []].append(item)
            }
            groups = order.map { CatalogueGroupView(title: "\(groupBy)：\($0)", span: shown.count, rows: members[$0]!.map(row)) }
        } else {
            groups = [CatalogueGroupView(title: nil, span: shown.count, rows: catalogue.rows.map(row))]
        }
        let view = CatalogueView(
            title: catalogue.title, kind: schema.kind, unit: catalogue.unit, updated: catalogue.updated.chinese,
            field: catalogue.field, description: catalogue.description, csvURL: routes.catalogueCSV(catalogue.id),
            rows: catalogue.rows.count, columns: shown.map(\.name), groups: groups)
        return CataloguePageView(
            site: siteView(currentColumn: nil, current: .catalogues),
            page: pageInfo(heading: catalogue.title, url: routes.catalogue(catalogue.id)),
            meta: metaTags(column: nil) + [
                MetaTag(name: "ArticleTitle", content: catalogue.title),
                MetaTag(name: "PubDate", content: DateTime(date: catalogue.updated).minutePrecision),
            ],
            breadcrumb: catalogue.body.flatMap { site.body($0) }.map { bodyCrumbs($0, current: catalogue.title) }
                ?? [Crumb(title: "首页", url: routes.home), Crumb(title: "公开目录", url: routes.catalogues), Crumb(title: catalogue.title, url: nil)],
            catalogue: view)
    }

    /// A cell; in a reference column, the title of what it names, linked when it is published.
    func catalogueCell(_ row: CatalogueRow, _ column: CatalogueColumn) -> CatalogueCell {
        guard let reference = column.reference else { return CatalogueCell(label: column.name, value: row.value(column)) }
        guard let id = row.links[column.name] else { return CatalogueCell(label: column.name, value: "无") }
        switch reference {
        case .consultation:
            guard let consultation = published.consultationBook.consultation(id: id) else {
                return CatalogueCell(label: column.name, value: "尚未发布")
            }
            let status = published.consultationBook.status(consultation)
            return CatalogueCell(label: column.name, value: "\(consultation.title)（\(status.rawValue)）", url: routes.consultation(consultation.slug))
        case .document:
            guard published.isPublished(id), let document = site.document(id) else { return CatalogueCell(label: column.name, value: "尚未发布") }
            return CatalogueCell(label: column.name, value: document.title, url: routes.document(document))
        }
    }

    /// The same rows as the page, every column in the national order, as CSV for Excel.
    public func catalogueCSV(_ catalogue: Catalogue) -> CatalogueCSVView {
        let columns = catalogue.schema.columns
        let rows = [columns.map(\.name)] + catalogue.rows.map { row in columns.map { row.value($0) } }
        return CatalogueCSVView(csv: HTML(CSVTable.write(rows.map { $0.map(SpreadsheetCell.neutralised) })))
    }
}

/// 公开目录: the list of every catalogue.
struct CatalogueIndexPages: SinglePageKind {
    let template = "catalogues"
    let name = "公开目录页面"
    func exists(in site: PageFactory) -> Bool { !site.site.catalogues.isEmpty }
    func url(in site: PageFactory) -> String { site.routes.catalogues }
    func view(in site: PageFactory) -> CataloguesIndexView { site.cataloguesIndex() }
    func sitemapEntries(in site: PageFactory) -> [SitemapEntry] { everyPage(in: site) }
    func menuEntry(in site: PageFactory) -> MenuEntry? {
        site.site.catalogues.isEmpty ? nil : MenuEntry(title: "公开目录", url: site.routes.catalogues, section: .catalogues, order: 30)
    }
}

/// One catalogue's page.
struct CataloguePages: PageKind {
    let template = "catalogue"
    func pages(in site: PageFactory) -> [String] { site.site.catalogues.map(\.id) }
    func url(of key: String, in site: PageFactory) -> String { site.routes.catalogue(key) }
    func source(of key: String, in site: PageFactory) -> PageSource { catalogueSource(key, in: site) }
    func view(of key: String, in site: PageFactory) -> (view: CataloguePageView, warnings: [Diagnostic]) {
        (site.cataloguePage(site.site.catalogues.first { $0.id == key }!), [])
    }
    func sitemapEntries(in site: PageFactory) -> [SitemapEntry] {
        site.site.catalogues.map { SitemapEntry(loc: site.routes.absolute(site.routes.catalogue($0.id)), lastmod: $0.updated.iso) }
    }
}

/// One catalogue as a CSV download.
struct CatalogueCSVPages: PageKind {
    let template = "catalogue.csv"
    func pages(in site: PageFactory) -> [String] { site.site.catalogues.map(\.id) }
    func url(of key: String, in site: PageFactory) -> String { site.routes.catalogueCSV(key) }
    func source(of key: String, in site: PageFactory) -> PageSource { catalogueSource(key, in: site) }
    func view(of key: String, in site: PageFactory) -> (view: CatalogueCSVView, warnings: [Diagnostic]) {
        (site.catalogueCSV(site.site.catalogues.first { $0.id == key }!), [])
    }
}

private func catalogueSource(_ id: String, in site: PageFactory) -> PageSource {
    let file = site.site.catalogues.first { $0.id == id }?.file
    return PageSource(file: file, description: "目录文件 \(file ?? id)")
}
