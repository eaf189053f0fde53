import GongkaiModel

/// An Atom feed of a column's latest documents.
public struct FeedView: Codable, Sendable {
    let title: String
    let siteName: String
    let language: String
    let id: String
    let selfURL: String
    let pageURL: String
    let updated: String
    let author: String
    let entries: [FeedEntry]
}

public struct FeedEntry: Codable, Sendable {
    let title: String
    let url: String
    let id: String
    let published: String
    let updated: String
    let summary: String
}

extension PageFactory {
    /// How many documents a feed carries.
    static let feedSize = 50

    public func feed(_ column: Column) -> FeedView {
        let documents = (published.documentsUnder[column.path] ?? []).prefix(Self.feedSize)
        let updated = documents.first?.published ?? published.latest
        let entries = documents.map { document in
            let url = routes.absolute(routes.document(document))
            var parts: [String] = []
            if let issuer = document.issuer { parts.append("发文机关：\(issuer)") }
            if let number = document.docNumber { parts.append("文号：\(number)") }
            parts.append("发布日期：\(document.published.date.chinese)")
            if let validity = document.validity { parts.append("有效性：\(validity.rawValue)") }
            return FeedEntry(
                title: document.title, url: url, id: url,
                published: document.published.rfc3339, updated: document.published.rfc3339,
                summary: parts.joined(separator: "；"))
        }
        return FeedView(
            title: "\(column.title) - \(site.identity.name)", siteName: site.identity.name,
            language: site.identity.language, id: routes.absolute(routes.feed(column.path)),
            selfURL: routes.absolute(routes.feed(column.path)),
            pageURL: routes.absolute(routes.column(column.path)), updated: updated.rfc3339,
            author: site.identity.host, entries: Array(entries))
    }
}

/// Each column's Atom feed.
struct FeedPages: PageKind {
    let template = "feed.xml"
    func pages(in site: PageFactory) -> [String] { site.site.columns.map(\.path) }
    func url(of key: String, in site: PageFactory) -> String { site.routes.feed(key) }
    func source(of key: String, in site: PageFactory) -> PageSource {
        let column = site.site.column(key)!
        return PageSource(
            file: site.site.configFile, line: column.line,
            description: "栏目“\(column.title)”（\(site.site.configFile) 第 \(column.line) 行）的订阅源")
    }
    func view(of key: String, in site: PageFactory) -> (view: FeedView, warnings: [Diagnostic]) { (site.feed(site.site.column(key)!), []) }
}
