import Foundation
import GongkaiModel
import GongkaiSite
import GongkaiTemplates
import GongkaiTestSupport
import Testing

/// `首页:` in site.yml: which blocks the home page shows and in which order, each rendered by its
/// own partial; names that are no block are errors at their line with the nearest valid name.
@Suite struct HomeSectionTests {
    static let files = [
        "zcwj/a.md": Project.document("标题: 甲政策\n发布日期: 2023-06-01"),
        "zcwj/b.md": Project.document("标题: 乙政策\n发布日期: 2023-06-03"),
        "zcjd/c.md": Project.document("标题: 丙解读\n发布日期: 2023-06-02"),
        "faq/q.md": "---\n问题: 怎样查询政策？\n主题: 查询\n答复日期: 2023-06-05\n答复单位: 测试单位\n---\n在政策文件库中查询。\n",
    ]

    static func site(home: String) -> String {
        Project.smallSite.replacingOccurrences(of: "每页条数: 20\n", with: "每页条数: 20\n首页:\n\(home)\n")
    }

    /// The `<h2>` headings of the home page's main part, in order.
    static func headings(_ html: String) throws -> [String] {
        let regex = try NSRegularExpression(pattern: "<h2[^>]*>(?:<a[^>]*>)?([^<]+)")
        let main = html.components(separatedBy: "<main").last ?? ""
        return regex.matches(in: main, range: NSRange(main.startIndex..., in: main)).compactMap {
            Range($0.range(at: 1), in: main).map { String(main[$0]) }
        }
    }

    @Test func blocksComeInTheOrderSiteYmlGives() throws {
        let home = """
              - 板块: 快速入口
                标题: 办事入口
                链接:
                  - 标题: 公开指南
                    网址: zcwj/
                  - 标题: 国务院
                    网址: https://www.gov.cn/
              - 政策解读
              - 板块: 最新文件
                条数: 2
              - 常见问题
            """
        let project = try Project(files: Self.files, site: Self.site(home: home))
        defer { project.remove() }
        try project.build()
        let html = try project.read("site/index.html")
        #expect(try Self.headings(html) == ["办事入口", "政策解读", "最新文件", "常见问题"])
        #expect(html.contains("<a href=\"/portal/zcwj/\">公开指南</a>"), "a site address gets the base path")
        #expect(html.contains("<a href=\"https://www.gov.cn/\">国务院</a>"))
        // 最新文件 with 条数 2: the two newest of the whole site, newest first.
        let latest = html.components(separatedBy: ">最新文件<").last ?? ""
        let b = try #require(latest.range(of: "乙政策"))
        let c = try #require(latest.range(of: "丙解读"))
        #expect(b.lowerBound < c.lowerBound)
        #expect(!latest.components(separatedBy: ">常见问题<")[0].contains("甲政策"), "only 2 items")
        #expect(html.contains("怎样查询政策？"))
        // Cards next to each other share one grid.
        #expect(html.components(separatedBy: "<div class=\"gk-home\">").count == 2)
    }

    @Test func withoutHomeTheColumnsMarkedForItAreShown() throws {
        let project = try Project(files: Self.files)
        defer { project.remove() }
        try project.build()
        #expect(try Self.headings(try project.read("site/index.html")) == ["政策文件"])
    }

    @Test(arguments: [
        ("  - 最新文键", "content/site.yml:7: 错误：", "是不是“最新文件”？"),
        ("  - 政策节读", "content/site.yml:7: 错误：", "是不是“政策解读”？"),
        ("  - 最新文件\n  - 栏目: 没有的栏目", "content/site.yml:8: 错误：", "栏目“没有的栏目”不存在"),
        ("  - 快速入口", "content/site.yml:7: 错误：", "要列出链接"),
        ("  - 板块: 快速入口\n    链接:\n      - 标题: 坏\n        网址: ../x", "content/site.yml:10: 错误：", "无法识别"),
        ("  - 板块: 最新文件\n    条数: 零", "content/site.yml:8: 错误：", "正整数"),
        ("  最新文件", "content/site.yml:7: 错误：", "应写成列表"),
    ])
    func aBadBlockIsAnErrorAtItsLine(_ home: String, _ location: String, _ words: String) throws {
        let project = try Project(files: Self.files, site: Self.site(home: home))
        defer { project.remove() }
        let result = try project.run(["build", "--as-of", "2024-01-01"])
        #expect(result.status == 1)
        #expect(result.stderr.contains(location) && result.stderr.contains(words), "\(result.stderr)")
        #expect(!project.exists("site"))
    }

    @Test func aBlockKindIsADeclarationAPartialAndOneRegistration() throws {
        let project = try Project(files: Self.files, site: Self.site(home: "  - 文件总数\n  - 政策解读"))
        defer { project.remove() }
        try project.write("templates/partials/home-count.mustache", "<p class=\"count\">共 {{count}} 篇</p>\n")
        var options = project.options()
        options.registry = .standard.adding(homeSection: CountSection())
        try SiteBuilder.build(options)
        let html = try project.read("site/index.html")
        let count = try #require(html.range(of: "<p class=\"count\">共 3 篇</p>"))
        let column = try #require(html.range(of: "丙解读"))
        #expect(count.lowerBound < column.lowerBound)

        try project.write("templates/partials/home-count.mustache", "<p>{{cuont}}</p>\n")
        #expect(throws: DiagnosticError.self) { try SiteBuilder.build(options) }
        do {
            try SiteBuilder.build(options)
        } catch let error as DiagnosticError {
            #expect(error.errors.contains { $0.file == "templates/partials/home-count.mustache" && $0.line == 1 && $0.message.contains("cuont") })
        }
    }
}

struct CountView: Codable, Sendable {
    let count: Int
}

/// A block kind from outside Gongkai: the number of published documents.
struct CountSection: HomeSectionKind {
    let names = ["文件总数"]
    let partial = "home-count"
    let wide = true
    func views(_ setting: HomeSectionSetting, in site: PageFactory) -> [CountView] {
        [CountView(count: site.published.documents.count)]
    }
}
