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
        urls.append(SitemapEntry(loc: routes.absolute(routes.accessibility), lastmod: nil))
        if !site.catalogues.isEmpty {
            urls.append(SitemapEntry(loc: routes.absolute(routes.catalogues), lastmod: nil))
            urls += site.catalogues.map { SitemapEntry(loc: routes.absolute(routes.catalogue($0.id)), lastmod: $0.updated.iso) }
        }
        if !published.faqs.isEmpty {
            urls.append(SitemapEntry(loc: routes.absolute(routes.faqs), lastmod: nil))
            urls += published.faqTopics.map { SitemapEntry(loc: routes.absolute(routes.faqTopic($0.topic)), lastmod: nil) }
            urls += published.faqs.map { SitemapEntry(loc: routes.absolute(routes.faq($0.slug)), lastmod: $0.answered.iso) }
        }
        urls += librarySitemapEntries()
        urls += published.reports.map { SitemapEntry(loc: routes.absolute(routes.report($0.year)), lastmod: $0.published.date.iso) }
        for document in published.documents.sorted(by: { $0.id < $1.id }) {
            urls.append(SitemapEntry(loc: routes.absolute(routes.document(document)), lastmod: document.published.date.iso))
        }
        let book = planBook
        if !book.plans.isEmpty {
            urls.append(SitemapEntry(loc: routes.absolute(routes.plans), lastmod: nil))
            urls += book.plans.map { SitemapEntry(loc: routes.absolute(routes.plan($0.id)), lastmod: nil) }
            urls += book.alignments.map { SitemapEntry(loc: routes.absolute(routes.alignment(lower: $0.lower.id, higher: $0.higher.id)), lastmod: nil) }
            urls.append(SitemapEntry(loc: routes.absolute(routes.ledgers), lastmod: nil))
            urls += book.ledger.units.map { SitemapEntry(loc: routes.absolute(routes.ledger($0.slug)), lastmod: nil) }
        }
        return SitemapXMLView(urls: urls)
    }
}
