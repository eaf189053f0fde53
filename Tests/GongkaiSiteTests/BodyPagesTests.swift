import Foundation
import GongkaiModel
import GongkaiSite
import GongkaiTestSupport
import Testing

/// The 公开主体 pages of the demo portal: index, homes, documents through the body, 依申请公开,
/// the application form, reports and the overview; and the library, search and feeds across bodies.
@Suite struct BodyPagesTests {
    static let day = CalendarDate(year: 2024, month: 6, day: 1)!

    static func built() throws -> Project {
        let project = try Project()
        try project.build(asOf: day)
        return project
    }

    @Test func indexGroupsTheBodiesByKind() throws {
        let project = try Self.built()
        let html = try project.read("site/bodies/index.html")
        let government = try #require(html.range(of: ">本级政府</h2>"))
        let departments = try #require(html.range(of: ">部门</h2>"))
        let townships = try #require(html.range(of: ">乡镇（街道）</h2>"))
        #expect(government.upperBound < departments.lowerBound && departments.upperBound < townships.lowerBound)
        let educationLink = try #require(html.range(of: "href=\"/bodies/jyj/\">演示县教育局（演示）</a>"))
        #expect(educationLink.lowerBound > departments.upperBound && educationLink.upperBound < townships.lowerBound)
        #expect(html.contains("href=\"/bodies/reports.html\""))
        // The main menu names the bodies; each body page opens only its own tree.
        #expect(try project.read("site/index.html").contains("href=\"/bodies/\">公开主体</a>"))
    }

    @Test func aBodyHomeHasItsColumnTreeAndCatalogue() throws {
        let project = try Self.built()
        let html = try project.read("site/bodies/jyj/index.html")
        let side = try #require(html.components(separatedBy: "<nav class=\"gk-side\"").dropFirst().first)
        #expect(side.contains(">演示县教育局（演示）</a>"))
        for column in ["政府信息公开指南", "政府信息公开制度", "法定主动公开内容", "政府信息公开年报"] {
            #expect(side.contains(">\(column)</a>"), "\(column)")
        }
        #expect(!side.contains("演示县人力资源和社会保障局"), "not the tree of every body")
        #expect(html.contains("000000101/2024-00001"), "索引号 with the body's 机构代码")
        #expect(html.contains("href=\"/bodies/jyj/ysqgk.html\"") && html.contains("href=\"/bodies/jyj/sqb.html\""))
        #expect(html.contains("href=\"/bodies/jyj/reports/2023.html\""))
        // The government discloses through the site's own 政府信息公开 column.
        let government = try project.read("site/bodies/xzf/index.html")
        #expect(government.contains("href=\"/xxgk/gkzn/\""))
    }

    @Test func aBodysOwnCataloguesAreItsPagesAndDoNotCollideWithAnotherBodys() throws {
        let project = try Project()
        // The same file name in a second body's folder: each body keeps its own catalogue.
        let education = try String(contentsOf: project.content.appendingPathComponent("bodies/jyj/catalogues/active.yml"), encoding: .utf8)
        try project.write(
            "content/bodies/rsj/catalogues/active.yml",
            education.replacingOccurrences(of: "演示县教育局", with: "演示县人力资源和社会保障局"))
        try project.build(asOf: Self.day)
        let home = try project.read("site/bodies/jyj/index.html")
        #expect(home.contains("href=\"/catalogues/jyj-active.html\">演示县教育局政府信息主动公开目录（演示）</a>"))
        #expect(!home.contains("/catalogues/rsj-active.html"), "only the body's own catalogues")
        let page = try project.read("site/catalogues/jyj-active.html")
        #expect(page.contains("href=\"/bodies/jyj/\">演示县教育局（演示）</a>"), "breadcrumb through the body")
        #expect(page.contains("义务教育招生入学"))
        let other = try project.read("site/catalogues/rsj-active.html")
        #expect(other.contains("演示县人力资源和社会保障局政府信息主动公开目录（演示）"))
        // The portal's catalogue index lists both.
        let index = try project.read("site/catalogues/index.html")
        #expect(index.contains("/catalogues/jyj-active.html") && index.contains("/catalogues/rsj-active.html"))
    }

    @Test func aBodysDocumentNamesItsBodyInBreadcrumbAndMetadata() throws {
        let project = try Self.built()
        let html = try project.read("site/bodies/rsj/fdzdgknr/tzgg/notice-2024.html")
        let crumbs = try #require(html.components(separatedBy: "<ol class=\"gk-breadcrumb__list\">").dropFirst().first?.components(separatedBy: "</ol>").first)
        let order = ["首页", "公开主体", "演示县人力资源和社会保障局（演示）", "法定主动公开内容", "通知公告"].map { crumbs.range(of: ">\($0)</a>")?.lowerBound }
        #expect(order.allSatisfy { $0 != nil })
        #expect(order.compactMap { $0 }.sorted() == order.compactMap { $0 })
        #expect(html.contains("000000102/2024-"))
        #expect(html.contains("<dt class=\"gk-metadata__label\">公开主体</dt><dd class=\"gk-metadata__value\">演示县人力资源和社会保障局（演示）</dd>"))
        // A document of the government's own column names the government.
        let own = try project.read("site/xxgk/gkzn/guide-2023.html")
        #expect(own.contains("<dt class=\"gk-metadata__label\">公开主体</dt><dd class=\"gk-metadata__value\">演示县人民政府（演示）</dd>"))
    }

    @Test func theApplicationFormSendsNothingAndLabelsEveryField() throws {
        let project = try Self.built()
        let html = try project.read("site/bodies/jyj/sqb.html")
        let main = try #require(html.components(separatedBy: "<main").dropFirst().first?.components(separatedBy: "</main>").first)
        #expect(!main.contains("<form") && !main.contains("action="), "no form: nothing can be submitted to a server")
        #expect(html.components(separatedBy: "<form").count == 2, "only the header's site search")
        let ids =
            html.components(separatedBy: "<input id=\"").dropFirst().map { String($0.prefix { $0 != "\"" }) }
            + html.components(separatedBy: "<textarea id=\"").dropFirst().map { String($0.prefix { $0 != "\"" }) }
        #expect(ids.count >= 10)
        for id in ids { #expect(html.contains("<label for=\"\(id)\">"), "label for \(id)") }
        for field in ["姓名或名称", "证件名称", "证件号码", "联系电话", "通信地址", "所需信息的名称、文号", "获取信息的方式", "信息的载体形式", "申请人类型"] {
            #expect(html.contains(field), "\(field)")
        }
        #expect(html.contains("<a id=\"gk-apply-mail\" class=\"gk-print gk-apply__mail\" href=\"mailto:jyj@demo.gongkai.example\" hidden>通过电子邮件发送</a>"))
        #expect(html.contains("href=\"https://apply.demo.gongkai.example/\""), "the online application system")
        // A body without an email address has no email button.
        let township = try project.read("site/bodies/yanshizhen/sqb.html")
        #expect(!township.contains("gk-apply-mail"))
        #expect(!township.contains("data-email"))
        #expect(project.exists("site/assets/application-form.js"))
    }

    @Test func theApplicationPageGivesChannelsAndTimeLimits() throws {
        let project = try Self.built()
        let html = try project.read("site/bodies/jyj/ysqgk.html")
        for text in ["当面申请", "邮寄申请", "传真申请", "电子邮件申请", "网络申请", "演示县学府路8号县教育局办公室（演示）", "20 个工作日内予以答复", "第三十三条"] {
            #expect(html.contains(text), "\(text)")
        }
        #expect(html.contains("href=\"mailto:jyj@demo.gongkai.example\""))
    }

    @Test func reportsArePerBodyWithAnOverview() throws {
        let project = try Self.built()
        let report = try project.read("site/bodies/jyj/reports/2023.html")
        #expect(report.contains("演示县教育局（演示）2023年政府信息公开工作年度报告"))
        #expect(report.contains("<h2>三、收到和处理政府信息公开申请情况</h2>"))
        #expect(try project.read("site/reports/2023.html").contains("湖南省政务公开演示门户2023年"), "the government's stays where it was")
        let overview = try project.read("site/bodies/reports.html")
        let rows = overview.components(separatedBy: "<tr>").filter { $0.contains("<th scope=\"row\">") }
        #expect(rows.count == 4)
        let education = try #require(rows.first { $0.contains("演示县教育局") })
        #expect(education.contains("href=\"/bodies/jyj/reports/2023.html\">已发布</a>（<time datetime=\"2024-01-25\">"))
        #expect(overview.contains("2023年度"))
    }

    @Test func theOverviewMarksAMissingReportOverdueAfterTheDeadline() throws {
        let project = try Project()
        try project.build(asOf: CalendarDate(year: 2025, month: 2, day: 1)!)
        let overview = try project.read("site/bodies/reports.html")
        let rows = overview.components(separatedBy: "<tr>").filter { $0.contains("<th scope=\"row\">") }
        let education = try #require(rows.first { $0.contains("演示县教育局") })
        #expect(education.contains("逾期未发布"), "2024's report was due on 2025-01-31")
        let government = try #require(rows.first { $0.contains("演示县人民政府") })
        #expect(!government.contains("逾期未发布") && government.contains("未发布"), "the government has until 3月31日")
    }

    @Test func libraryAndSearchFilterByBody() throws {
        let project = try Self.built()
        let library = try project.read("site/library/index.html")
        #expect(library.contains("按公开主体浏览"))
        let search = try project.read("site/search/index.html")
        #expect(search.contains("name=\"body\""))
        #expect(search.contains("演示县教育局（演示）（4）"))
        let manifest = try project.read("site/search/data/manifest.json")
        #expect(manifest.contains("\"name\":\"body\""))
        let feed = try project.read("site/bodies/feed.xml")
        #expect(feed.contains("演示县2024年秋季义务教育阶段招生工作安排（演示）") && feed.contains("演示镇召开防汛工作部署会（演示）"))
        let sitemap = try project.read("site/sitemap.xml")
        for path in ["bodies/", "bodies/jyj/", "bodies/jyj/sqb.html", "bodies/jyj/ysqgk.html", "bodies/reports.html", "bodies/jyj/reports/2023.html"] {
            #expect(sitemap.contains("<loc>https://demo.gongkai.example/\(path)</loc>"), "\(path)")
        }
    }

    @Test func anUndeclaredBodyFolderStopsTheBuildAndWritesNothing() throws {
        let project = try Project()
        try project.write("content/bodies/wsj/gkzn/guide.md", Project.document("标题: 卫健局指南\n发布日期: 2024-01-05"))
        let result = try project.run(["build", "--as-of", "2024-06-01"])
        #expect(result.status != 0)
        #expect(result.stderr.contains("content/bodies/wsj/") && result.stderr.contains("不属于任何公开主体"), "\(result.stderr)")
        #expect(!project.exists("site/index.html"), "nothing written")
    }

    @Test func aSiteWithoutBodiesHasNoBodyPages() throws {
        let project = try Project(files: ["zcwj/a.md": Project.document("标题: 甲\n发布日期: 2023-12-01")])
        try project.build()
        #expect(!project.exists("site/bodies/index.html"))
        #expect(!project.exists("site/bodies/reports.html"))
        #expect(!(try project.read("site/index.html")).contains("公开主体"))
        #expect(!(try project.read("site/search/data/manifest.json")).contains("\"body\""))
    }
}
