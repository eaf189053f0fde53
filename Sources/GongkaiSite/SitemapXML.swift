import GongkaiModel

/// `sitemap.xml` for search engines: every HTML page a visitor can reach.
public struct SitemapXMLView: Codable, Sendable {
    let urls: [SitemapEntry]
}

public struct SitemapEntry: Codable, Sendable {
    let loc: String
    let lastmod: String?
}

extension PageFactory {
    public func sitemapXML() -> SitemapXMLView {
        var urls = [SitemapEntry(loc: routes.absolute(routes.home), lastmod: published.documents.first?.published.date.iso)]
        for column in site.columns {
            urls.append(SitemapEntry(loc: routes.absolute(routes.column(column.path)),
                                     lastmod: published.documentsUnder[column.path]?.first?.published.date.iso))
            for page in stride(from: 2, through: published.pageCount(of: column.path), by: 1) {
                urls.append(SitemapEntry(loc: routes.absolute(routes.column(column.path, page: page)), lastmod: nil))
            }
        }
        urls.append(SitemapEntry(loc: routes.absolute(routes.sitemapPage), lastmod: nil))
        for document in published.documents.sorted(by: { $0.id < $1.id }) {
            urls.append(SitemapEntry(loc: routes.absolute(routes.document(document)), lastmod: document.published.date.iso))
        }
        return SitemapXMLView(urls: urls)
    }
}
