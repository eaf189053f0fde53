import Foundation
import GongkaiModel
import GongkaiSite
import GongkaiTemplates
import GongkaiTestSupport
import Testing

/// A page kind added from outside Gongkai: this declaration and one template are all it takes
/// for its page to be validated, rendered, listed in sitemap.xml and put in the main menu.
struct ToyView: Codable, Sendable {
    let title: String
    let count: Int
}

struct ToyPages: PageKind {
    let template = "toy"
    func pages(in site: PageFactory) -> [Int] { [0] }
    func url(of key: Int, in site: PageFactory) -> String { site.routes.basePath + "toy/" }
    func source(of key: Int, in site: PageFactory) -> PageSource { .generated("示例页面") }
    func view(of key: Int, in site: PageFactory) -> (view: ToyView, warnings: [Diagnostic]) {
        (ToyView(title: "示例", count: site.published.documents.count), [])
    }
    func sitemapEntries(in site: PageFactory) -> [SitemapEntry] { everyPage(in: site) }
    func menuEntry(in site: PageFactory) -> MenuEntry? {
        MenuEntry(title: "示例", url: site.routes.basePath + "toy/", section: Section("toy"), order: 60)
    }
}

@Suite struct ToyPageKindTests {
    @Test func aNewKindIsOneDeclarationAndOneTemplate() throws {
        let project = try Project(files: ["zcwj/a.md": Project.document("标题: 甲\n发布日期: 2023-06-01")])
        try project.write("templates/layouts/toy.mustache", "<p>{{title}}：{{count}} 篇</p>\n")
        var options = project.options()
        options.registry = .standard.adding(ToyPages())
        try SiteBuilder.build(options)
        #expect(try project.read("site/toy/index.html") == "<p>示例：1 篇</p>\n")
        #expect(try project.read("site/sitemap.xml").contains("<loc>https://test.example/portal/toy/</loc>"))
        #expect(try project.read("site/zcwj/a.html").contains("href=\"/portal/toy/\""), "the menu lists the new kind")
    }

    /// A registry derives its kinds' schemas once; a registry with one more kind has its own.
    @Test func schemasAreMadeOncePerRegistry() throws {
        let registry = PageRegistry.standard.adding(ToyPages())
        let first = try registry.schemas()
        let again = try registry.schemas()
        #expect(first.map(\.template) == again.map(\.template))
        #expect(first.last?.template == "toy")
        guard case .object(let made) = first.last?.schema, case .object(let reused) = again.last?.schema else {
            Issue.record("the toy view is an object")
            return
        }
        #expect(made === reused, "the second call reuses the first one's schemas")
        #expect(made.fieldOrder == ["title", "count"])
        #expect(try PageRegistry.standard.schemas().count == first.count - 1)
        let parts = try registry.homeSections.schemas()
        guard case .object(let part) = parts.first?.schema, case .object(let partAgain) = try registry.homeSections.schemas().first?.schema else {
            Issue.record("a home block's view is an object")
            return
        }
        #expect(part === partAgain)
    }

    @Test func itsTemplateIsValidatedAgainstItsView() throws {
        let project = try Project(files: ["zcwj/a.md": Project.document("标题: 甲\n发布日期: 2023-06-01")])
        try project.write("templates/layouts/toy.mustache", "<p>{{titel}}</p>\n")
        var options = project.options()
        options.registry = .standard.adding(ToyPages())
        #expect {
            try SiteBuilder.build(options)
        } throws: { error in
            (error as? DiagnosticError)?.errors.contains { $0.file == "templates/layouts/toy.mustache" && $0.message.contains("titel") } == true
        }
        #expect(!project.exists("site"))
    }
}
