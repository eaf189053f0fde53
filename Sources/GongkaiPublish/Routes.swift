import Foundation
import GongkaiModel

/// Where each page lives: its URL (root-relative, under the base URL's path) and its file in
/// the output. One place, so that links and files always agree.
public struct Routes: Sendable {
    public let basePath: String
    public let baseURL: String

    public init(identity: SiteIdentity) {
        basePath = identity.basePath
        baseURL = identity.baseURL
    }

    public var home: String { basePath }
    public var sitemapPage: String { basePath + "sitemap.html" }
    public var sitemapXML: String { basePath + "sitemap.xml" }
    public var notFound: String { basePath + "404.html" }
    public var accessibility: String { basePath + "accessibility.html" }

    public var plans: String { basePath + "plans/" }
    public var ledgers: String { basePath + "ledger/" }

    public func plan(_ id: String) -> String { basePath + "plans/\(id).html" }

    public func planItem(_ id: String, _ number: Int) -> String { plan(id) + "#item-\(number)" }

    public var catalogues: String { basePath + "catalogues/" }
    public func catalogue(_ id: String) -> String { basePath + "catalogues/\(id).html" }
    public func catalogueCSV(_ id: String) -> String { basePath + "catalogues/\(id).csv" }
    public var faqs: String { basePath + "faq/" }
    public func faq(_ slug: String) -> String { basePath + "faq/\(URLPolicy.encodePath(slug)).html" }
    /// Topics are Chinese words; their pages are named by a stable hash.
    public func faqTopic(_ topic: String) -> String { basePath + "faq/topics/\(FNV1a.hex32(topic)).html" }

    public var consultations: String { basePath + "consultations/" }
    public func consultation(_ slug: String) -> String { basePath + "consultations/\(URLPolicy.encodePath(slug)).html" }

    public func report(_ year: Int) -> String { basePath + "reports/\(year).html" }

    public func ledger(_ slug: String) -> String { basePath + "ledger/\(slug).html" }

    public func alignment(lower: String, higher: String) -> String { basePath + "plans/align/\(lower)--\(higher).html" }

    public func column(_ path: String, page: Int = 1) -> String {
        basePath + path + (page <= 1 ? "/" : "/index_\(page).html")
    }

    public func feed(_ columnPath: String) -> String { basePath + columnPath + "/feed.xml" }

    public func document(_ document: Document) -> String {
        basePath + document.columnPath + "/" + URLPolicy.encodePath(document.slug) + ".html"
    }

    /// A file copied from `content/` (attachment, image), by its path under `content/`.
    /// Percent-encoded: a file named `a#1.pdf` or `50%.pdf` must link to itself.
    public func contentFile(_ path: String) -> String { basePath + URLPolicy.encodePath(path) }

    public func asset(_ name: String) -> String { basePath + "assets/" + name }

    /// The absolute URL of a root-relative URL.
    public func absolute(_ url: String) -> String {
        guard url.hasPrefix(basePath) else { return url }
        return baseURL + url.dropFirst(basePath.count)
    }

    /// The output file for a URL: `/xxgk/` → `xxgk/index.html`.
    public func file(for url: String) -> String {
        let relative = String(url.dropFirst(basePath.count))
        var path = relative.utf8.contains(UInt8(ascii: "%")) ? relative.removingPercentEncoding ?? relative : relative
        if path.isEmpty || path.hasSuffix("/") { path += "index.html" }
        return path
    }
}
