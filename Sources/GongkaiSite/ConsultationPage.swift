import GongkaiModel

/// One 意见征集's page.
struct ConsultationPages: PageKind {
    let template = "consultation"
    func pages(in site: PageFactory) -> [String] { site.published.consultationBook.consultations.map(\.id) }
    func url(of key: String, in site: PageFactory) -> String { site.routes.consultation(consultation(key, in: site).slug) }
    func source(of key: String, in site: PageFactory) -> PageSource {
        let file = consultation(key, in: site).file
        return PageSource(file: file, description: "意见征集 \(file)")
    }
    func view(of key: String, in site: PageFactory) -> (view: ConsultationPageView, warnings: [Diagnostic]) {
        site.consultationPageWithWarnings(consultation(key, in: site))
    }
    func sitemapEntries(in site: PageFactory) -> [SitemapEntry] {
        site.published.consultationBook.consultations.sorted { $0.id < $1.id }.map {
            SitemapEntry(loc: site.routes.absolute(site.routes.consultation($0.slug)), lastmod: ($0.published ?? $0.start).iso)
        }
    }
    private func consultation(_ id: String, in site: PageFactory) -> Consultation {
        site.published.consultationBook.consultation(id: id)!
    }
}
