import GongkaiModel

/// The part of the site that reaches the output, indexed the ways pages need it: only
/// documents the publication rule lets through, newest first, per column and its descendants.
public final class PublishedSite: Sendable {
    public let site: Site
    public let rule: PublicationRule
    public let routes: Routes
    /// Published documents, newest first.
    public let documents: [Document]
    /// Published documents of each column including its descendants, newest first.
    public let documentsUnder: [String: [Document]]
    /// Documents held back, with the reason.
    public let withheld: [(document: Document, reason: String)]
    /// The work plans that reach the output, and what is derived from them.
    public let planBook: PlanBook
    /// Questions answered by the build day.
    public let faqs: [FAQEntry]
    /// Those questions by topic, topics in order of first appearance.
    public let faqTopics: [(topic: String, entries: [FAQEntry])]
    /// Reports whose 发布日期 has come, newest year first.
    public let reports: [AnnualReport]
    /// 意见征集 published by the build day, with their status and the documents they name.
    public let consultationBook: ConsultationBook
    /// Documents and questions by search facet: the library, the search page's filters.
    public let facets: Facets
    /// `SearchData.metadataRecord` of each of `documents`, in its order: what the facets group
    /// and the search index shows.
    let documentRecords: [SearchRecord]
    /// Published documents of each 公开主体 by its path, newest first (empty without bodies).
    public let documentsByBody: [String: [Document]]
    /// The 公开主体 of each column that holds a published document (empty without bodies): looked up once per column, not per document.
    private let bodyOfColumn: [String: DisclosingBody]
    private let publishedIDs: Set<String>
    /// The questions whose answers rest on a document, by its id.
    private let faqsByDocument: [String: [FAQEntry]]
    /// The column that lists the annual reports: the one whose title names them (…年报,
    /// …年度报告). Found once: every column page asks.
    public let reportsColumn: Column?
    /// `reportsColumn(of:)` of each body of the site, by its slug, with the column root it was found under.
    let reportsColumnOfBody: [String: (root: String, column: Column?)]

    public init(site loaded: Site, rule: PublicationRule) {
        let site = loaded.mappingDocuments { ValidityDerivation.derive($0, asOf: rule.asOf) }
        self.site = site
        self.rule = rule
        self.routes = Routes(identity: site.identity)
        var published: [Document] = []
        var withheld: [(Document, String)] = []
        for document in site.documents {
            if let reason = rule.reasonWithheld(document) {
                withheld.append((document, reason))
            } else {
                published.append(document)
            }
        }
        published = Document.newestFirst(published)
        self.documents = published
        self.withheld = withheld
        self.publishedIDs = Set(published.map(\.id))
        var under: [String: [Document]] = [:]
        for column in site.columns { under[column.path] = [] }
        for document in published {
            for column in site.lineage(of: document.columnPath) {
                under[column.path, default: []].append(document)
            }
        }
        self.documentsUnder = under
        var byBody: [String: [Document]] = [:]
        var bodyOfColumn: [String: DisclosingBody] = [:]
        if !site.bodies.isEmpty {
            for body in site.bodies { byBody[body.slug] = [] }
            for path in Set(published.map(\.columnPath)) {
                if let body = site.body(ofColumn: path) { bodyOfColumn[path] = body }
            }
            for document in published {
                if let body = bodyOfColumn[document.columnPath] { byBody[body.slug, default: []].append(document) }
            }
        }
        self.documentsByBody = byBody
        self.bodyOfColumn = bodyOfColumn
        let ids = self.publishedIDs
        self.planBook = PlanBook(site: site, isPublished: { ids.contains($0) }, asOf: rule.asOf)
        let faqs = site.faqs.filter { $0.answered <= rule.asOf }
        var topics: [String] = []
        var byTopic: [String: [FAQEntry]] = [:]
        var byDocument: [String: [FAQEntry]] = [:]
        for entry in faqs {
            if byTopic[entry.topic] == nil { topics.append(entry.topic) }
            byTopic[entry.topic, default: []].append(entry)
            for id in Set(entry.related) { byDocument[id, default: []].append(entry) }
        }
        self.faqs = faqs
        self.faqTopics = topics.map { ($0, byTopic[$0]!) }
        self.faqsByDocument = byDocument
        self.reports = site.reports.filter { $0.published.date <= rule.asOf }
        self.reportsColumn = site.columns.first {
            Self.listsReports($0) && (site.bodies.isEmpty || !Site.isWithin($0.path, DisclosingBody.root))
        }
        self.reportsColumnOfBody = Dictionary(
            site.bodies.map { ($0.slug, ($0.columnRoot, Self.reportsColumn(of: $0, in: site))) }, uniquingKeysWith: { first, _ in first })
        self.consultationBook = ConsultationBook(consultations: site.consultations, asOf: rule.asOf)
        let routes = self.routes
        let bodies = bodyOfColumn
        let records = published.parallelMap { SearchData.metadataRecord($0, routes: routes, discloser: bodies[$0.columnPath]?.name) }
        self.documentRecords = records
        self.facets = Facets(documents: records, faqs: faqs.map { SearchData.source($0, routes: routes).metadata })
    }

    /// The 公开主体 a published document belongs to (nil without bodies), found once per column.
    public func body(of document: Document) -> DisclosingBody? {
        bodyOfColumn[document.columnPath] ?? (site.bodies.isEmpty ? nil : site.body(of: document))
    }

    /// What the search index is made from: every published document (with the text of the
    /// plans it publishes), then every answered question; `record` of each is what it indexes.
    public func searchSources() -> [SearchSource] {
        Array(zip(documents, documentRecords)).parallelMap { SearchData.source($0, metadata: $1, published: self) }
            + faqs.map { SearchData.source($0, routes: routes) }
            + consultationBook.consultations.map { SearchData.source($0, book: consultationBook, routes: routes) }
    }

    public func isPublished(_ id: String) -> Bool { publishedIDs.contains(id) }

    /// The published documents among `ids`, newest first.
    public func published(_ ids: [String]) -> [Document] {
        if ids.isEmpty { return [] }
        return Document.newestFirst(ids.filter { isPublished($0) }.compactMap { site.document($0) })
    }

    public func pageCount(of columnPath: String) -> Int {
        pageCount(listing: documentsUnder[columnPath]?.count ?? 0)
    }

    /// Pages a listing of `count` documents takes (at least one, empty or not).
    public func pageCount(listing count: Int) -> Int {
        max(1, (count + site.identity.pageSize - 1) / site.identity.pageSize)
    }

    /// The questions whose answers rest on a document (相关问答 on its page).
    public func faqs(about id: String) -> [FAQEntry] { faqsByDocument[id] ?? [] }

    /// Publication dates of the reports, for the staleness check of their column.
    public var reportDates: [String: [CalendarDate]] {
        var dates: [String: [CalendarDate]] = [:]
        if let column = reportsColumn, !site.reports(of: nil).isEmpty {
            dates[column.path] = reports.filter { $0.body == nil }.map(\.published.date)
        }
        for body in site.bodies where body.ownColumn == nil {
            guard let column = reportsColumn(of: body) else { continue }
            dates[column.path, default: []] += reports.filter { $0.body == body.slug }.map(\.published.date)
        }
        return dates
    }

    /// The latest publication on the whole site, for feeds that have no entries of their own.
    public var latest: DateTime {
        documents.first?.published ?? DateTime(date: rule.asOf)
    }
}
