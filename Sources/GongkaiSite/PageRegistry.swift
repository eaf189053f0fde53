import GongkaiTemplates

/// Every kind of page the portal has, in the order sitemap.xml lists them. Adding a page kind
/// is one line here (or `adding(_:)`, which a site's build options can use).
public struct PageRegistry: Sendable {
    public let kinds: [any PageKind]
    /// The kinds of block the home page may show (`首页:` in site.yml).
    public let homeSections: HomeSectionRegistry

    /// The schemas of `kinds`, derived once per registry: they depend on the program alone.
    private let schemaMemo = Memo<Int, Result<[(template: String, schema: ViewSchema)], any Error>>()

    public init(_ kinds: [any PageKind], homeSections: HomeSectionRegistry = .standard) {
        self.kinds = kinds
        self.homeSections = homeSections
    }

    public static let standard = PageRegistry([
        HomePages(), ColumnPages(), SitemapPages(), AccessibilityPages(),
        CatalogueIndexPages(), CataloguePages(), CatalogueCSVPages(),
        FAQIndexPages(), FAQTopicPages(), FAQEntryPages(),
        ConsultationIndexPages(), ConsultationPages(),
        LibraryPages(), SearchPages(), FacetPages(),
        ReportPages(), DocumentPages(),
        BodyIndexPages(), BodyHomePages(), ApplicationPages(), ApplicationFormPages(), BodyReportPages(), ReportOverviewPages(),
        PlanIndexPages(), PlanPages(), AlignmentPages(), LedgerIndexPages(), LedgerPages(),
        NotFoundPages(), FeedPages(), SitemapXMLPages(),
    ])

    /// The registry with one more kind at the end.
    public func adding(_ kind: any PageKind) -> PageRegistry { PageRegistry(kinds + [kind], homeSections: homeSections) }

    /// The registry with one more kind of home-page block.
    public func adding(homeSection kind: any HomeSectionKind) -> PageRegistry {
        PageRegistry(kinds, homeSections: homeSections.adding(kind))
    }

    /// Template and view schema of every kind, for `TemplateSet.validate`; made the first time
    /// they are asked for (a preview server's rebuilds reuse them).
    public func schemas() throws -> [(template: String, schema: ViewSchema)] {
        try schemaMemo.value(0) {
            Result {
                let builder = SchemaBuilder()
                return try kinds.map { ($0.template, try $0.schema(builder)) }
            }
        }.get()
    }
}
