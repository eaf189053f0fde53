import GongkaiTemplates
import GongkaiModel

/// `sitemap.xml` for search engines: every HTML page a visitor can reach.
public struct SitemapXMLView: Codable, Sendable {
    let urls: [SitemapEntry]
}

public struct SitemapEntry: Codable, Sendable {
    let loc: String
    let lastmod: String?

    public init(loc: String, lastmod: String?) {
        self.loc = loc
        self.lastmod = lastmod
    }
}

/// sitemap.xml: what every kind lists, in the registry's order.
struct SitemapXMLPages: PageKind {
    let template = "sitemap.xml"
    func pages(in site: PageFactory) -> [Int] { [0] }
    func url(of key: Int, in site: PageFactory) -> String { site.routes.sitemapXML }
    func source(of key: Int, in site: PageFactory) -> PageSource { .generated("sitemap.xml") }
    func view(of key: Int, in site: PageFactory) -> (view: SitemapXMLView, warnings: [Diagnostic]) {
        (SitemapXMLView(urls: site.registry.kinds.flatMap { $0.sitemapEntries(in: site) }), [])
    }
}
