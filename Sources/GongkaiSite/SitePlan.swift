import GongkaiModel
import GongkaiSearch

/// Every page the published site consists of, and how to render one of them.
public struct SitePlan: Sendable {
    public let factory: PageFactory
    public let templates: TemplateSet
    /// Every page, in a fixed order.
    public let pages: [OutputPage]
    /// The output path (under `site/`) of each page of `pages`.
    public let paths: [String]

    public init(published: PublishedSite, templates: TemplateSet, assets: Set<String> = []) {
        // Pages and their paths do not depend on the files pages may link to; links do.
        let bare = PageFactory(published: published)
        let pages = Self.pages(of: bare)
        let paths = pages.map { Self.path(of: $0, factory: bare) }
        self.factory = bare.with(assets: assets, pagePaths: Set(paths))
        self.templates = templates
        self.pages = pages
        self.paths = paths
    }

    var routes: Routes { factory.routes }

    private static func pages(of factory: PageFactory) -> [OutputPage] {
        var pages: [OutputPage] = [.home, .sitemap, .sitemapXML, .notFound, .accessibility]
        for column in factory.site.columns {
            pages.append(.feed(column: column.path))
            for page in 1...factory.published.pageCount(of: column.path) {
                pages.append(.column(path: column.path, page: page))
            }
        }
        pages += factory.published.documents.map { .document(id: $0.id) }
        pages += factory.published.reports.map { .report(year: $0.year) }
        if !factory.site.catalogues.isEmpty {
            pages.append(.catalogues)
            pages += factory.site.catalogues.flatMap { [OutputPage.catalogue(id: $0.id), .catalogueCSV(id: $0.id)] }
        }
        if !factory.published.faqs.isEmpty {
            pages.append(.faqs)
            pages += factory.published.faqTopics.map { .faqTopic(topic: $0.topic) }
            pages += factory.published.faqs.map { .faq(id: $0.id) }
        }
        pages += factory.libraryPages
        let book = factory.planBook
        if !book.plans.isEmpty {
            pages += [.plans, .ledgers]
            pages += book.plans.map { .plan(id: $0.id) }
            pages += book.ledger.units.map { .ledger(slug: $0.slug) }
            pages += book.alignments.map { .alignment(lower: $0.lower.id, higher: $0.higher.id) }
        }
        return pages
    }

    /// The output path (under `site/`) of a page.
    public func path(of page: OutputPage) -> String { Self.path(of: page, factory: factory) }

    private static func path(of page: OutputPage, factory: PageFactory) -> String {
        let routes = factory.routes
        switch page {
        case .home: return routes.file(for: routes.home)
        case .column(let path, let number): return routes.file(for: routes.column(path, page: number))
        case .document(let id): return routes.file(for: routes.document(factory.site.document(id)!))
        case .sitemap: return routes.file(for: routes.sitemapPage)
        case .notFound: return routes.file(for: routes.notFound)
        case .feed(let column): return routes.file(for: routes.feed(column))
        case .sitemapXML: return routes.file(for: routes.sitemapXML)
        case .plans: return routes.file(for: routes.plans)
        case .plan(let id): return routes.file(for: routes.plan(id))
        case .ledgers: return routes.file(for: routes.ledgers)
        case .ledger(let slug): return routes.file(for: routes.ledger(slug))
        case .alignment(let lower, let higher): return routes.file(for: routes.alignment(lower: lower, higher: higher))
        case .accessibility: return routes.file(for: routes.accessibility)
        case .report(let year): return routes.file(for: routes.report(year))
        case .catalogues: return routes.file(for: routes.catalogues)
        case .catalogue(let id): return routes.file(for: routes.catalogue(id))
        case .catalogueCSV(let id): return routes.file(for: routes.catalogueCSV(id))
        case .faqs: return routes.file(for: routes.faqs)
        case .faqTopic(let topic): return routes.file(for: routes.faqTopic(topic))
        case .faq(let id): return routes.file(for: routes.faq(factory.site.faqs.first { $0.id == id }!.slug))
        case .library: return routes.file(for: routes.library)
        case .search: return routes.file(for: routes.search)
        case .facet(let facet, let value, let number): return routes.file(for: routes.facet(facet, value, page: number))
        }
    }

    public func render(_ page: OutputPage) -> String {
        renderWithWarnings(page).text
    }

    /// The page's text and the warnings found while making it.
    public func renderWithWarnings(_ page: OutputPage) -> (text: String, warnings: [Diagnostic]) {
        let made = view(of: page)
        return (templates.render(made.view, template: page.kind.template), made.warnings)
    }

    /// The view model a page is rendered from, and the warnings found while making it.
    func view(of page: OutputPage) -> (view: any Encodable & Sendable, warnings: [Diagnostic]) {
        let site = factory.site
        switch page {
        case .home: return (factory.homePage(), [])
        case .column(let path, let number): return (factory.columnPage(site.column(path)!, page: number), [])
        case .document(let id):
            let made = factory.documentPageWithWarnings(site.document(id)!)
            return (made.view, made.warnings)
        case .sitemap: return (factory.sitemapPage(), [])
        case .notFound: return (factory.notFoundPage(), [])
        case .feed(let column): return (factory.feed(site.column(column)!), [])
        case .sitemapXML: return (factory.sitemapXML(), [])
        case .plans: return (factory.plansIndex(), [])
        case .plan(let id): return (factory.planPage(factory.planBook.plan(id)!), [])
        case .ledgers: return (factory.ledgerIndex(), [])
        case .ledger(let slug): return (factory.ledgerPage(factory.planBook.ledger.units.first { $0.slug == slug }!), [])
        case .alignment(let lower, _): return (factory.alignmentPage(factory.planBook.alignments.first { $0.lower.id == lower }!), [])
        case .accessibility: return (factory.accessibilityPage(), [])
        case .report(let year): return (factory.reportPage(site.reports.first { $0.year == year }!), [])
        case .catalogues: return (factory.cataloguesIndex(), [])
        case .catalogue(let id): return (factory.cataloguePage(site.catalogues.first { $0.id == id }!), [])
        case .catalogueCSV(let id): return (factory.catalogueCSV(site.catalogues.first { $0.id == id }!), [])
        case .faqs: return (factory.faqIndex(), [])
        case .faqTopic(let topic): return (factory.faqTopicPage(topic), [])
        case .faq(let id):
            let made = factory.faqPageWithWarnings(site.faqs.first { $0.id == id }!)
            return (made.view, made.warnings)
        case .library: return (factory.libraryPage(), [])
        case .search: return (factory.searchPage(), [])
        case .facet(let facet, let value, let number): return (factory.facetPage(facet, value, page: number), [])
        }
    }
}
