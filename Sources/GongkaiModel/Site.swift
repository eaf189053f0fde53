/// Everything loaded from `content/`: identity, the column tree and every document,
/// including those that will not be published (the output stage decides what is published).
public struct Site: Sendable {
    public let identity: SiteIdentity
    /// All columns, parents before children, in navigation order.
    public let columns: [Column]
    /// All documents, sorted by id.
    public private(set) var documents: [Document]
    /// All work plans, sorted by id.
    public let plans: [Plan]
    /// Annual reports, newest year first.
    public let reports: [AnnualReport]
    /// Disclosure lists (目录清单), sorted by id.
    public let catalogues: [Catalogue]
    /// The 常见问题知识库, sorted by id.
    public let faqs: [FAQEntry]
    /// The 公开主体 declared in `site.yml`, in declaration order (empty: the site is the one body).
    public var bodies: [DisclosingBody] = []
    /// How messages name the content folder (`content`): files are `<contentDisplay>/<path>`.
    public var contentDisplay = "content"
    /// 意见征集, sorted by id (set by the loader after the documents they name are known).
    public var consultations: [Consultation] = []

    /// `site.yml` as messages name it.
    public var configFile: String { "\(contentDisplay)/site.yml" }

    private let columnIndex: [String: Int]
    private let documentIndex: [String: Int]
    private let planIndex: [String: Int]

    public init(
        identity: SiteIdentity, columns: [Column], documents: [Document], plans: [Plan] = [], reports: [AnnualReport] = [],
        catalogues: [Catalogue] = [], faqs: [FAQEntry] = []
    ) {
        self.reports = reports
        self.catalogues = catalogues.sorted { $0.id < $1.id }
        self.faqs = faqs.sorted { $0.id < $1.id }
        self.identity = identity
        self.columns = columns
        self.documents = documents.sorted { $0.id < $1.id }
        self.plans = plans.sorted { $0.id < $1.id }
        self.planIndex = Dictionary(uniqueKeysWithValues: self.plans.enumerated().map { ($1.id, $0) })
        self.columnIndex = Dictionary(uniqueKeysWithValues: columns.enumerated().map { ($1.path, $0) })
        self.documentIndex = Dictionary(uniqueKeysWithValues: self.documents.enumerated().map { ($1.id, $0) })
    }

    /// The same site with each document passed through `transform`, which must keep its id
    /// (the derive stage sets what the build day decides, such as validity).
    public func mappingDocuments(_ transform: (Document) -> Document) -> Site {
        var copy = self
        copy.documents = documents.map(transform)
        return copy
    }

    public func column(_ path: String) -> Column? {
        columnIndex[path].map { columns[$0] }
    }

    public func document(_ id: String) -> Document? {
        documentIndex[id].map { documents[$0] }
    }

    public func plan(_ id: String) -> Plan? {
        planIndex[id].map { plans[$0] }
    }

    /// The item a reference `plan-id/number` points at.
    public func planItem(_ reference: String) -> (plan: Plan, item: PlanItem)? {
        guard let slash = reference.lastIndex(of: "/"), let number = Int(reference[reference.index(after: slash)...]),
            let plan = plan(String(reference[..<slash])), let item = plan.item(number)
        else { return nil }
        return (plan, item)
    }

    public func body(_ slug: String) -> DisclosingBody? { bodies.first { $0.slug == slug } }

    /// The body a column belongs to: the body whose folder or own column holds it, else the
    /// 本级政府 (which discloses everything outside the bodies' folders); nil without bodies.
    public func body(ofColumn path: String) -> DisclosingBody? {
        DisclosingBody.owner(ofColumn: path, among: bodies)
    }

    /// The body a document belongs to (by its folder).
    public func body(of document: Document) -> DisclosingBody? { body(ofColumn: document.columnPath) }

    /// The reports of one body (nil: those of `content/reports/`, the site's or its 本级政府's).
    public func reports(of body: DisclosingBody?) -> [AnnualReport] {
        let slug = body.flatMap { $0.ownColumn == nil ? $0.slug : nil }
        return reports.filter { $0.body == slug }
    }

    /// Top-level columns, in navigation order.
    public var rootColumns: [Column] { columns.filter { $0.parentPath == nil } }

    /// The column and its ancestors, root first.
    public func lineage(of path: String) -> [Column] {
        var chain: [Column] = []
        var current = column(path)
        while let column = current {
            chain.insert(column, at: 0)
            current = column.parentPath.flatMap { self.column($0) }
        }
        return chain
    }

    /// True when `path` is `ancestor` or lies below it.
    public static func isWithin(_ path: String, _ ancestor: String) -> Bool {
        path == ancestor || path.hasPrefix(ancestor + "/")
    }
}
