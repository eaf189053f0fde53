import Foundation
import GongkaiModel
import GongkaiSite
import GongkaiTestSupport
import Testing

@Suite struct ListingAndRulesTests {
    /// 45 policy documents, one a day from 2023-01-01.
    static func manyDocuments() -> [String: String] {
        var files: [String: String] = [:]
        for day in 1...45 {
            let date = CalendarDate(year: 2023, month: 1, day: 1)!.adding(days: day - 1)
            files["zcwj/doc-\(day).md"] = Project.document("标题: 第\(day)号文件\n发布日期: \(date.iso)")
        }
        return files
    }

    @Test func paginatesColumnsNewestFirst() throws {
        let project = try Project(files: Self.manyDocuments())
        try project.build()
        let first = try project.read("site/zcwj/index.html")
        let second = try project.read("site/zcwj/index_2.html")
        let third = try project.read("site/zcwj/index_3.html")
        #expect(!project.exists("site/zcwj/index_4.html"))
        func titles(_ html: String) -> [String] {
            html.components(separatedBy: "class=\"gk-list__link\"").dropFirst().map {
                String($0.split(separator: ">")[1].split(separator: "<")[0])
            }
        }
        #expect(titles(first).count == 20)
        #expect(titles(first).first == "第45号文件")
        #expect(titles(second).first == "第25号文件")
        #expect(titles(third) == ["第5号文件", "第4号文件", "第3号文件", "第2号文件", "第1号文件"])
        #expect(first.contains("第 1 页，共 3 页"))
        #expect(first.contains("href=\"/portal/zcwj/index_2.html\" rel=\"next\""))
        #expect(!first.contains("rel=\"prev\""))
        #expect(second.contains("href=\"/portal/zcwj/\" rel=\"prev\""))
        #expect(third.contains("<span class=\"gk-pagination__current\" aria-current=\"page\">第 3 页</span>"))
        #expect(first.contains("共 45 篇"))
        let feed = try project.read("site/zcwj/feed.xml")
        #expect(feed.components(separatedBy: "<entry>").count - 1 == 45)
        #expect(feed.contains("<link rel=\"self\" type=\"application/atom+xml\" href=\"https://test.example/portal/zcwj/feed.xml\"/>"))
    }

    @Test func publishesOnlyProactiveDocumentsWhoseDateHasCome() throws {
        let project = try Project(files: [
            "zcwj/public.md": Project.document("标题: 公开的\n发布日期: 2023-06-01"),
            "zcwj/on-request.md": Project.document("标题: 依申请公开的\n发布日期: 2023-06-01\n公开方式: 依申请公开"),
            "zcwj/withheld.md": Project.document("标题: 不予公开的\n发布日期: 2023-06-01\n公开方式: 不予公开"),
            "zcwj/future.md": Project.document("标题: 明天发布的\n发布日期: 2023-06-02"),
        ])
        let report = try project.build(asOf: CalendarDate(year: 2023, month: 6, day: 1)!)
        #expect(project.exists("site/zcwj/public.html"))
        #expect(!project.exists("site/zcwj/on-request.html"))
        #expect(!project.exists("site/zcwj/withheld.html"))
        #expect(!project.exists("site/zcwj/future.html"))
        #expect(report.published == 1)
        #expect(Set(report.withheld.map(\.file)) == ["content/zcwj/on-request.md", "content/zcwj/withheld.md", "content/zcwj/future.md"])
        for (_, data) in Project.tree(project.site) {
            let text = String(decoding: data, as: UTF8.self)
            #expect(!text.contains("依申请公开的") && !text.contains("不予公开的") && !text.contains("明天发布的"))
        }
        try project.build(asOf: CalendarDate(year: 2023, month: 6, day: 2)!)
        #expect(project.exists("site/zcwj/future.html"), "published once its day has come")
    }

    @Test func keepsIndexNumbersAcrossBuildsAndShowsThem() throws {
        let project = try Project(files: ["zcwj/a.md": Project.document("标题: 甲\n发布日期: 2023-06-01")])
        try project.build()
        let before = try project.read("site/zcwj/a.html")
        #expect(before.contains(DemoPortalTests.cell("索引号", "4300000000/2023-00001")))
        try project.write("content/zcwj/b.md", Project.document("标题: 乙\n发布日期: 2023-07-01"))
        try project.build()
        #expect(try project.read("site/zcwj/a.html").contains(DemoPortalTests.cell("索引号", "4300000000/2023-00001")))
        #expect(try project.read("site/zcwj/b.html").contains(DemoPortalTests.cell("索引号", "4300000000/2023-00002")))
    }

    @Test func usesTheBasePathInEveryLink() throws {
        let project = try Project(files: ["zcwj/a.md": Project.document("标题: 甲\n发布日期: 2023-06-01")])
        try project.build()
        let page = try project.read("site/zcwj/a.html")
        #expect(page.contains("<link rel=\"stylesheet\" href=\"/portal/assets/gongkai.css\">"))
        #expect(page.contains("<link rel=\"canonical\" href=\"https://test.example/portal/zcwj/a.html\">"))
        #expect(!page.contains("href=\"/zcwj"))
        #expect(project.exists("site/assets/gongkai.css"))
    }

    @Test func refusesToReplaceAFolderGongkaiDidNotMake() throws {
        let project = try Project(files: ["zcwj/a.md": Project.document("标题: 甲\n发布日期: 2023-06-01")])
        try project.write("site/important.txt", "keep me")
        #expect(throws: DiagnosticError.self) { try project.build() }
        #expect(try project.read("site/important.txt") == "keep me")
    }
}

@Suite struct BodyWarningTests {
    @Test func warnsAboutImagesWithoutAltTextWithTheirLine() throws {
        let project = try Project(files: [
            "zcwj/a.md": Project.document("标题: 甲\n发布日期: 2023-06-01", body: "说明\n\n![](chart.png)\n"),
            "zcwj/chart.png": "png",
        ])
        let report = try project.build()
        let warning = try #require(report.warnings.first { $0.message.contains("替代文字") })
        #expect(warning.file == "content/zcwj/a.md")
        #expect(warning.line == 7, "front matter is lines 1–4; the image is on the body's third line")
    }
}
