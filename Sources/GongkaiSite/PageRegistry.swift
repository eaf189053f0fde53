import GongkaiTemplates

/// Every kind of page the portal has, in the order sitemap.xml lists them. Adding a page kind
/// is one line here (or `adding(_:)`, which a site's build options can use).
public struct PageRegistry: Sendable {
    public let kinds: [any PageKind]

    public init(_ kinds: [any PageKind]) {
        self.kinds = kinds
    }

    public static let standard = PageRegistry([
        HomePages(), ColumnPages(), SitemapPages(), AccessibilityPages(),
        CatalogueIndexPages(), CataloguePages(), CatalogueCSVPages(),
        FAQIndexPages(), FAQTopicPages(), FAQEntryPages(),
        LibraryPages(), SearchPages(), FacetPages(),
        ReportPages(), DocumentPages(),
        BodyIndexPages(), BodyHomePages(), ApplicationPages(), ApplicationFormPages(), BodyReportPages(), ReportOverviewPages(),
        PlanIndexPages(), PlanPages(), AlignmentPages(), LedgerIndexPages(), LedgerPages(),
        NotFoundPages(), FeedPages(), SitemapXMLPages(),
    ])

    /// The registry with one more kind at the end.
    public func adding(_ kind: any PageKind) -> PageRegistry { PageRegistry(kinds + [kind]) }

    /// Template and view schema of every kind, for `TemplateSet.validate`.
    public func schemas() throws -> [(template: String, schema: ViewSchema)] {
        let builder = SchemaBuilder()
        return try kinds.map { ($0.template, try $0.schema(builder)) }
    }
}
