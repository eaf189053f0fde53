import Foundation
import GongkaiModel
import GongkaiSite
import GongkaiTestSupport
import Testing

/// What every page of the demo portal carries around its content (header, footer, the
/// 信息公开 tree) and the issue-17 page details: no 无 in the metadata, a report column that
/// never calls itself empty, the library's latest documents, labelled report cells.
@Suite struct PortalChromeTests {
    /// After the demo annual report is published (2024-01-20).
    static let afterReport = CalendarDate(year: 2024, month: 6, day: 1)!

    @Test func headerAndFooterCarryTheSiteIdentityFromSiteYML() throws {
        let project = try Project()
        try project.build()
        let home = try project.read("site/index.html")
        #expect(home.contains("<img class=\"gk-header__logo\" src=\"/assets/logo.svg\" alt=\"\""))
        #expect(project.exists("site/assets/logo.svg") && project.exists("site/assets/conac-demo.svg"))
        #expect(home.contains("<a class=\"gk-footer__mark\" href=\"https://bszs.conac.cn/\"><img src=\"/assets/conac-demo.svg\" alt=\"党政机关网站标识\""))
        #expect(home.contains("href=\"https://zfwzgl.www.gov.cn/exposure/jiucuo.html?site_code=4300000000\">我为政府网站找错</a>"))
        #expect(home.contains("<a href=\"https://beian.miit.gov.cn/\">湘ICP备00000000号（演示）</a>"))
        #expect(home.contains("<a href=\"https://beian.mps.gov.cn/#/query/webSearch?code=00000000000000\">湘公网安备00000000000000号（演示）</a>"))
        for link in [">联系我们</a>", ">网站地图</a>", ">无障碍说明</a>"] {
            #expect(home.contains(link), "footer lacks \(link)")
        }
        #expect(home.components(separatedBy: "type=\"search\"").count == 2, "one search box on the home page")
        let search = try project.read("site/search/index.html")
        #expect(!search.contains("gk-site-search"), "the search page has its own box only")
        let library = try project.read("site/library/index.html")
        #expect(!library.contains("gk-site-search") && library.contains("id=\"gk-library-q\""))
    }

    @Test func siteWithoutTheOptionalMarksHasNoEmptySlots() throws {
        let project = try Project(files: [:])
        try project.build()
        let home = try project.read("site/index.html")
        #expect(!home.contains("gk-header__logo") && !home.contains("党政机关网站标识"))
        #expect(home.contains("我为政府网站找错"), "the national error-report entry needs only the site code")
    }

    @Test func aMissingMarkImageIsAnErrorNamingSiteYML() throws {
        let project = try Project(
            files: [:],
            site: Project.smallSite.replacingOccurrences(
                of: "每页条数: 20", with: "每页条数: 20\n网站标志: assets/没有这个文件.svg"))
        #expect(throws: (any Error).self) { try project.build() }
        do {
            try project.build()
        } catch {
            #expect("\(error)".contains("site.yml") && "\(error)".contains("网站标志图片“assets/没有这个文件.svg”找不到"), "\(error)")
        }
        let outside = try Project(
            files: [:],
            site: Project.smallSite.replacingOccurrences(
                of: "每页条数: 20", with: "每页条数: 20\n党政机关网站标识: ../mark.png"))
        do {
            try outside.build()
            Issue.record("an image outside content/assets/ was accepted")
        } catch {
            #expect("\(error)".contains("应放在 content/assets/ 文件夹中"), "\(error)")
        }
    }

    @Test func informationPagesShowTheColumnTreeWithTheCurrentColumn() throws {
        let project = try Project()
        try project.build()
        let column = try project.read("site/xxgk/fdzdgknr/ghjh/index.html")
        #expect(column.contains("<nav class=\"gk-side\" aria-labelledby=\"gk-side-heading\">"))
        #expect(column.contains("<a class=\"gk-side__link\" href=\"/xxgk/fdzdgknr/ghjh/\" aria-current=\"true\">规划计划</a>"))
        #expect(column.contains("<a class=\"gk-side__link\" href=\"/xxgk/gkzn/\">政府信息公开指南</a>"))
        let document = try project.read("site/xxgk/fdzdgknr/ghjh/hunan-2023-zwfw-zwgk.html")
        #expect(document.contains("gk-side__item--open"))
        #expect(document.contains("aria-current=\"true\">规划计划"), "a document's column is marked in the tree")
        #expect(document.contains("id=\"gk-print\""))
        let home = try project.read("site/index.html")
        #expect(!home.contains("gk-side"), "the home page has no 信息公开 tree")
    }

    @Test func emptyMetadataIsLeftOutAndTypeAndValidityEndAreShown() throws {
        let project = try Project()
        try project.build()
        let pages = try FileManager.default.subpathsOfDirectory(atPath: project.site.appendingPathComponent("xxgk").path)
            .filter { $0.hasSuffix(".html") && !$0.hasSuffix("index.html") }
        #expect(pages.count >= 10)
        for page in pages {
            let html = try project.read("site/xxgk/\(page)")
            #expect(!html.contains("<dd class=\"gk-metadata__value\">无</dd>"), "\(page)")
        }
        let guide = try project.read("site/xxgk/gkzn/guide-2021.html")
        #expect(guide.contains("<dt class=\"gk-metadata__label\">文件类型</dt><dd class=\"gk-metadata__value\">公开指南</dd>"))
    }

    @Test func theReportColumnNeverSaysItIsEmpty() throws {
        let project = try Project()
        try project.build(asOf: Self.afterReport)
        let column = try project.read("site/xxgk/gknb/index.html")
        #expect(column.contains("<h2 id=\"reports-heading\">年度报告</h2>"))
        #expect(!column.contains("本栏目暂无信息") && !column.contains("共 0 篇"))
        let sitemap = try project.read("site/sitemap.html")
        #expect(sitemap.contains("<a href=\"/xxgk/gknb/\">政府信息公开年报</a> <span class=\"gk-tree__count\">（1 份年度报告）</span>"))
        let top = try project.read("site/xxgk/index.html")
        #expect(top.contains("<a href=\"/xxgk/gknb/\">政府信息公开年报</a> <span class=\"gk-subcolumns__count\">（1 份年度报告）</span>"))
        let empty = try project.read("site/xxgk/gkzd/index.html")
        #expect(empty.contains("本栏目暂无信息"), "a column with nothing at all still says so")
    }

    @Test func libraryListsTheLatestDocumentsNewestFirst() throws {
        let project = try Project()
        try project.build()
        let library = try project.read("site/library/index.html")
        #expect(library.contains("<h2 id=\"latest-heading\" class=\"gk-facets__heading\">最新文件</h2>"))
        let dates = library.matches(of: /<time class="gk-list__date" datetime="([0-9-]+)">/).map { String($0.1) }
        #expect(dates.count == 10)
        #expect(dates == dates.sorted(by: >))
    }

    @Test func reportCellsCarryTheirColumnAndRowLabels() throws {
        let project = try Project()
        try project.build(asOf: Self.afterReport)
        let report = try project.read("site/reports/2023.html")
        #expect(report.contains("<span class=\"gk-data-table__label\" aria-hidden=\"true\">申请人情况 › 法人或其他组织 › 商业企业</span>"))
        #expect(report.contains("<span class=\"gk-data-table__path\" aria-hidden=\"true\">三、本年度办理结果 › （三）不予公开 › </span>"))
        #expect(report.contains("<span class=\"gk-data-table__label\" aria-hidden=\"true\">行政诉讼 › 复议后起诉 › 结果维持</span>"))
        #expect(report.contains("class=\"gk-data-table__group\""))
    }
}
