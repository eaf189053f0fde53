import GongkaiModel
import GongkaiTemplates

/// 常见问题: topics and their questions.
public struct FAQIndexView: Codable, Sendable {
    let site: SiteView
    let page: PageInfo
    let meta: [MetaTag]
    let breadcrumb: [Crumb]
    let topics: Listing<FAQTopicSummary>?
}

public struct FAQTopicSummary: Codable, Sendable {
    let title: String
    let url: String
    let count: Int
    let questions: [LinkView]
}

public struct FAQTopicView: Codable, Sendable {
    let site: SiteView
    let page: PageInfo
    let meta: [MetaTag]
    let breadcrumb: [Crumb]
    let topic: String
    let questions: [FAQSummary]
}

public struct FAQSummary: Codable, Sendable {
    let question: String
    let url: String
    let answered: String
}

/// One question and its answer, with the policies it rests on.
public struct FAQPageView: Codable, Sendable {
    let site: SiteView
    let page: PageInfo
    let meta: [MetaTag]
    let breadcrumb: [Crumb]
    let faq: FAQView
}

public struct FAQView: Codable, Sendable {
    let question: String
    let topic: LinkView
    let answered: String
    let unit: String?
    let answer: HTML
    let related: Listing<DocumentSummary>?
}

extension PageFactory {
    public func faqIndex() -> FAQIndexView {
        FAQIndexView(
            site: siteView(currentColumn: nil, current: .faq),
            page: pageInfo(heading: "常见问题", url: routes.faqs, description: "群众关心的政策问题及答复，每条答复注明所依据的政策文件。"),
            meta: metaTags(column: nil), breadcrumb: [Crumb(title: "首页", url: routes.home), Crumb(title: "常见问题", url: nil)],
            topics: .of(
                published.faqTopics.map { topic, entries in
                    FAQTopicSummary(
                        title: topic, url: routes.faqTopic(topic), count: entries.count,
                        questions: entries.map { LinkView(title: $0.question, url: routes.faq($0.slug)) })
                }))
    }

    public func faqTopicPage(_ topic: String) -> FAQTopicView {
        let entries = published.faqTopics.first { $0.topic == topic }?.entries ?? []
        return FAQTopicView(
            site: siteView(currentColumn: nil, current: .faq),
            page: pageInfo(heading: "常见问题：\(topic)", url: routes.faqTopic(topic)),
            meta: metaTags(column: nil),
            breadcrumb: [Crumb(title: "首页", url: routes.home), Crumb(title: "常见问题", url: routes.faqs), Crumb(title: topic, url: nil)],
            topic: topic,
            questions: entries.map { FAQSummary(question: $0.question, url: routes.faq($0.slug), answered: $0.answered.chinese) })
    }

    public func faqPageWithWarnings(_ entry: FAQEntry) -> (view: FAQPageView, warnings: [Diagnostic]) {
        let resolver = LinkResolver(factory: self, folder: "faq")
        let answer = markdown.render(entry.body, links: resolver.resolve)
        let warnings = answer.brokenLinks.map { link in
            Diagnostic.error(
                entry.file, line: entry.bodyLine + link.line - 1,
                "\(link.isImage ? "图片" : "链接")“\(link.target)”无法打开：\(link.reason)。", rule: "broken-link")
        }
        let view = FAQView(
            question: entry.question, topic: LinkView(title: entry.topic, url: routes.faqTopic(entry.topic)),
            answered: entry.answered.chinese, unit: entry.unit, answer: HTML(answer.html),
            related: .of(published.published(entry.related).map(summary)))
        return (
            FAQPageView(
                site: siteView(currentColumn: nil, current: .faq),
                page: pageInfo(heading: entry.question, url: routes.faq(entry.slug)),
                meta: metaTags(column: nil) + [
                    MetaTag(name: "ArticleTitle", content: entry.question),
                    MetaTag(name: "PubDate", content: DateTime(date: entry.answered).minutePrecision),
                ],
                breadcrumb: [
                    Crumb(title: "首页", url: routes.home), Crumb(title: "常见问题", url: routes.faqs),
                    Crumb(title: entry.topic, url: routes.faqTopic(entry.topic)), Crumb(title: "问答", url: nil),
                ],
                faq: view), warnings
        )
    }

    /// The questions whose answers rest on a document (相关问答 on its page).
    func faqs(about document: Document) -> [LinkView] {
        published.faqs(about: document.id).map { LinkView(title: $0.question, url: routes.faq($0.slug)) }
    }
}

/// 常见问题: every topic with its questions.
struct FAQIndexPages: SinglePageKind {
    let template = "faqs"
    let name = "常见问题页面"
    func exists(in site: PageFactory) -> Bool { !site.published.faqs.isEmpty }
    func url(in site: PageFactory) -> String { site.routes.faqs }
    func view(in site: PageFactory) -> FAQIndexView { site.faqIndex() }
    func sitemapEntries(in site: PageFactory) -> [SitemapEntry] { everyPage(in: site) }
    func menuEntry(in site: PageFactory) -> MenuEntry? {
        site.published.faqs.isEmpty ? nil : MenuEntry(title: "常见问题", url: site.routes.faqs, section: .faq, order: 40)
    }
}

/// The questions of one topic.
struct FAQTopicPages: PageKind {
    let template = "faq-topic"
    func pages(in site: PageFactory) -> [String] { site.published.faqTopics.map(\.topic) }
    func url(of key: String, in site: PageFactory) -> String { site.routes.faqTopic(key) }
    func source(of key: String, in site: PageFactory) -> PageSource { .generated("常见问题主题“\(key)”页面") }
    func view(of key: String, in site: PageFactory) -> (view: FAQTopicView, warnings: [Diagnostic]) { (site.faqTopicPage(key), []) }
    func sitemapEntries(in site: PageFactory) -> [SitemapEntry] { everyPage(in: site) }
}

/// One question and its answer.
struct FAQEntryPages: PageKind {
    let template = "faq"
    func pages(in site: PageFactory) -> [String] { site.published.faqs.map(\.id) }
    func url(of key: String, in site: PageFactory) -> String { site.routes.faq(entry(key, in: site).slug) }
    func source(of key: String, in site: PageFactory) -> PageSource {
        let file = entry(key, in: site).file
        return PageSource(file: file, description: "文件 \(file)")
    }
    func view(of key: String, in site: PageFactory) -> (view: FAQPageView, warnings: [Diagnostic]) {
        site.faqPageWithWarnings(entry(key, in: site))
    }
    func sitemapEntries(in site: PageFactory) -> [SitemapEntry] {
        site.published.faqs.map { SitemapEntry(loc: site.routes.absolute(site.routes.faq($0.slug)), lastmod: $0.answered.iso) }
    }
    private func entry(_ id: String, in site: PageFactory) -> FAQEntry { site.site.faqs.first { $0.id == id }! }
}
