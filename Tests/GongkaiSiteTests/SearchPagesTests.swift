import Foundation
import GongkaiModel
import GongkaiPublish
import GongkaiSite
import GongkaiTestSupport
import Testing

/// The policy library, the search page, the facet listings and the index files of the demo
/// portal.
@Suite struct SearchPagesTests {
    @Test func demoBuildWritesTheIndexAndTheLibraryPages() throws {
        let project = try Project()
        let report = try project.build()
        #expect(report.phases.contains { $0.name == "建立检索索引" })
        #expect(report.phases.contains { $0.name == "写入检索索引" })
        let manifest = try JSONSerialization.jsonObject(with: Data(try project.read("site/search/data/manifest.json").utf8)) as! [String: Any]
        // Every published document and every 常见问题 entry (the demo has three).
        let faqs = try FileManager.default.contentsOfDirectory(atPath: project.content.appendingPathComponent("faq").path).count
        #expect(faqs == 3)
        #expect(manifest["documents"] as? Int == report.published + faqs)
        let shards = manifest["shards"] as! Int
        #expect(shards > 1 && shards & (shards - 1) == 0, "a power of two")
        for shard in 0..<shards { #expect(project.exists("site/search/data/t/\(shard).json")) }
        #expect(project.exists("site/search/data/d/0.json") && project.exists("site/search/data/d/1.json"))
        #expect(!project.exists("site/search/data/d/2.json"), "13 documents and 3 questions make two chunks of 8")
        // The manifest stays small: facet names and counts, no per-document data.
        #expect(try project.read("site/search/data/manifest.json").utf8.count < 4096)

        let search = try project.read("site/search/index.html")
        #expect(search.contains("<script src=\"/assets/search.js\" defer></script>"))
        #expect(search.contains("data-index=\"/search/data/\""))
        #expect(search.contains("role=\"status\" aria-live=\"polite\""))
        #expect(search.contains("<option value=\"2022\">2022年（3）</option>"))
        #expect(search.contains("<option value=\"常见问题\">常见问题（3）</option>"), "the 常见问题 in the index can be filtered")
        #expect(search.contains("本页的搜索需要浏览器启用 JavaScript"))
        #expect(search.contains("<a href=\"/library/year/2019/\">2019年</a>"))

        let home = try project.read("site/index.html")
        #expect(home.contains("<form class=\"gk-site-search\" role=\"search\" action=\"/search/\" method=\"get\">"))
        #expect(home.contains("name=\"q\" type=\"search\""))
        #expect(home.contains(">政策文件库</a>"))
        #expect(!home.contains("search.js"), "only the search page loads the search script")

        let library = try project.read("site/library/index.html")
        #expect(library.contains("<h2 id=\"facet-issuer\" class=\"gk-facets__heading\">按发文机关浏览</h2>"))
        // The library counts what the search index holds (8 documents and 3 questions of 2023),
        // as the search page's filter does.
        #expect(library.contains("<a href=\"/library/year/2023/\">2023年</a> <span class=\"gk-facets__count\">（11 篇）</span>"))
        let searchPage = try project.read("site/search/index.html")
        #expect(searchPage.contains("<option value=\"2023\">2023年（11）</option>"))
        let sitemap = try project.read("site/sitemap.xml")
        #expect(sitemap.contains("<loc>https://demo.gongkai.example/library/year/2022/</loc>"))
        #expect(sitemap.contains("<loc>https://demo.gongkai.example/search/</loc>"))
    }

    @Test func facetListingsHoldTheirDocumentsNewestFirst() throws {
        let project = try Project()
        try project.build()
        let year = try project.read("site/library/year/2022/index.html")
        #expect(year.contains("<h1 class=\"gk-page-title\">年份：2022年</h1>"))
        let zhangjiajie = try #require(year.range(of: "zhangjiajie-2022-zwfw-zwgk.html"))
        let shaoyang = try #require(year.range(of: "shaoyang-2022-zwfw-zwgk.html"))
        #expect(zhangjiajie.lowerBound < shaoyang.lowerBound, "2022-05-20 before 2022-05-12")
        #expect(year.contains("href=\"/search/?year=2022\""))
        let library = try project.read("site/library/index.html")
        let repealed = try #require(library.firstMatch(of: /href="(\/library\/validity\/[0-9a-f]{8}\/)">已废止</)).1
        let listing = try project.read("site\(repealed)index.html")
        #expect(listing.contains("normative-rules-2019.html"))
        #expect(!listing.contains("application-rules-2023.html"))
    }

    @Test func aLongFacetIsPaginated() throws {
        var files: [String: String] = [:]
        for day in 1...25 {
            files["zcwj/doc-\(day).md"] = Project.document("标题: 第\(day)号通知\n发文机关: 测试县人民政府\n发布日期: 2023-03-\(String(format: "%02d", day))")
        }
        let project = try Project(files: files)
        try project.build()
        let first = try project.read("site/library/year/2023/index.html")
        #expect(first.contains("第 1 页，共 2 页"))
        #expect(first.contains("href=\"/portal/library/year/2023/index_2.html\""))
        let second = try project.read("site/library/year/2023/index_2.html")
        #expect(second.contains("第1号通知") && !second.contains("第25号通知"))
        #expect(second.contains("<h1 class=\"gk-page-title\">年份：2023年（第2页）</h1>"))
    }

    @Test func aNoticeIsSearchableByTheTextOfItsWorkPlans() throws {
        let project = try Project()
        let prepared = try SiteBuilder.prepare(project.options())
        let notice = try #require(prepared.plan.factory.published.documents.first { $0.id.hasSuffix("heshan-2023-zwgk-zwfw") })
        let record = SearchData.record(notice, published: prepared.plan.factory.published)
        #expect(record.body.contains("区政务服务中心"))
        #expect(record.body.contains("现将《赫山区2023年政务公开工作要点》"))
        #expect(record.url == "/xxgk/fdzdgknr/ghjh/heshan-2023-zwgk-zwfw.html")
        #expect(record.published == "2023-07-17T00:00")
    }
}
