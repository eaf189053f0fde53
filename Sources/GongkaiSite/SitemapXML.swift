import GongkaiModel
import GongkaiTemplates

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
struct SitemapXMLPages: SinglePageKind {
    let template = "sitemap.xml"
    let name = "sitemap.xml"
    func url(in site: PageFactory) -> String { site.routes.sitemapXML }
    func view(in site: PageFactory) -> SitemapXMLView {
        SitemapXMLView(urls: site.registry.kinds.flatMap { $0.sitemapEntries(in: site) })
    }
}
