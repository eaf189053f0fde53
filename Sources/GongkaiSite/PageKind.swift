import GongkaiSearch

/// Each kind of output page, the template that renders it and the view-model type it gets.
/// Adding a page kind here is what makes its template validated before every build.
public enum PageKind: String, CaseIterable, Sendable {
    case home
    case column
    case document
    case sitemap
    case notFound
    case feed
    case sitemapXML
    case plans
    case plan
    case ledgers
    case ledger
    case alignment
    case accessibility
    case report
    case catalogues
    case catalogue
    case catalogueCSV
    case faqs
    case faqTopic
    case faq
    case library
    case search
    case facet

    public var template: String {
        switch self {
        case .home: return "home"
        case .column: return "column"
        case .document: return "document"
        case .sitemap: return "sitemap"
        case .notFound: return "404"
        case .feed: return "feed.xml"
        case .sitemapXML: return "sitemap.xml"
        case .plans: return "plans"
        case .plan: return "plan"
        case .ledgers: return "ledgers"
        case .ledger: return "ledger"
        case .alignment: return "alignment"
        case .accessibility: return "accessibility"
        case .report: return "report"
        case .catalogues: return "catalogues"
        case .catalogue: return "catalogue"
        case .catalogueCSV: return "catalogue.csv"
        case .faqs: return "faqs"
        case .faqTopic: return "faq-topic"
        case .faq: return "faq"
        case .library: return "library"
        case .search: return "search"
        case .facet: return "facet"
        }
    }

    var viewType: any (Decodable & Sendable).Type {
        switch self {
        case .home: return HomePageView.self
        case .column: return ColumnPageView.self
        case .document: return DocumentPageView.self
        case .sitemap: return SitemapPageView.self
        case .notFound: return NotFoundPageView.self
        case .feed: return FeedView.self
        case .sitemapXML: return SitemapXMLView.self
        case .plans: return PlansIndexView.self
        case .plan: return PlanPageView.self
        case .ledgers: return LedgerIndexView.self
        case .ledger: return LedgerPageView.self
        case .alignment: return AlignmentPageView.self
        case .accessibility: return AccessibilityPageView.self
        case .report: return ReportPageView.self
        case .catalogues: return CataloguesIndexView.self
        case .catalogue: return CataloguePageView.self
        case .catalogueCSV: return CatalogueCSVView.self
        case .faqs: return FAQIndexView.self
        case .faqTopic: return FAQTopicView.self
        case .faq: return FAQPageView.self
        case .library: return LibraryPageView.self
        case .search: return SearchPageView.self
        case .facet: return FacetPageView.self
        }
    }

    /// Template and schema of every page kind, for `TemplateSet.validate`.
    public static func schemas() throws -> [(template: String, schema: ViewSchema)] {
        let builder = SchemaBuilder()
        return try allCases.map { ($0.template, try builder.schema(forAny: $0.viewType)) }
    }
}

/// One file of the output that comes from a template.
public enum OutputPage: Sendable, Hashable {
    case home
    case column(path: String, page: Int)
    case document(id: String)
    case sitemap
    case notFound
    case feed(column: String)
    case sitemapXML
    case plans
    case plan(id: String)
    case ledgers
    case ledger(slug: String)
    case alignment(lower: String, higher: String)
    case accessibility
    case report(year: Int)
    case catalogues
    case catalogue(id: String)
    case catalogueCSV(id: String)
    case faqs
    case faqTopic(topic: String)
    case faq(id: String)
    case library
    case search
    case facet(SearchFacet, value: String, page: Int)

    public var kind: PageKind {
        switch self {
        case .home: return .home
        case .column: return .column
        case .document: return .document
        case .sitemap: return .sitemap
        case .notFound: return .notFound
        case .feed: return .feed
        case .sitemapXML: return .sitemapXML
        case .plans: return .plans
        case .plan: return .plan
        case .ledgers: return .ledgers
        case .ledger: return .ledger
        case .alignment: return .alignment
        case .accessibility: return .accessibility
        case .report: return .report
        case .catalogues: return .catalogues
        case .catalogue: return .catalogue
        case .catalogueCSV: return .catalogueCSV
        case .faqs: return .faqs
        case .faqTopic: return .faqTopic
        case .faq: return .faq
        case .library: return .library
        case .search: return .search
        case .facet: return .facet
        }
    }
}

extension SchemaBuilder {
    func schema(forAny type: any Decodable.Type) throws -> ViewSchema {
        func open<T: Decodable>(_ type: T.Type) throws -> ViewSchema { try self.schema(for: T.self) }
        return try open(type)
    }
}
