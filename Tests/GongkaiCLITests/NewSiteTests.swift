import Foundation
import GongkaiTestSupport
import Testing

/// `gongkai new site` and `gongkai new doc/faq/catalogue/report` through the real program: a
/// new site builds with no errors on the built-in theme, its drafts are reported until edited.
@Suite struct NewSiteTests {
    /// A new site in a scratch folder, in `portal/`.
    static func newSite(name: String = "某某县人民政府") throws -> ScratchFolder {
        let folder = try ScratchFolder()
        let result = try folder.run(["new", "site", "portal", "--name", name])
        #expect(result.status == 0, "\(result.stderr)")
        return folder
    }

    @Test func aNewSiteBuildsWithNoErrorsOnTheBuiltInTheme() throws {
        let folder = try Self.newSite()
        defer { folder.remove() }
        for path in [
            "content/site.yml", "content/xxgk/gkzn/guide.md", "content/xxgk/gkzd/rules.md",
            "content/xxgk/fdzdgknr/zcwj/example-policy.md", ".gitignore", ".gitlab-ci.yml", "README.md",
        ] {
            #expect(folder.exists("portal/\(path)"), "\(path)")
        }
        #expect(!folder.exists("portal/templates"), "the theme is built in, not copied")
        let ci = try folder.read("portal/.gitlab-ci.yml")
        #expect(ci.contains("- if: '$CI_PIPELINE_SOURCE == \"schedule\"'"), "a scheduled pipeline rebuilds the site nightly")
        #expect(ci.contains("5 0 * * *") && ci.contains("Asia/Shanghai"))
        let build = try folder.run(["build"], in: "portal")
        #expect(build.status == 0, "\(build.stderr)")
        #expect(!build.stderr.contains("错误"), "\(build.stderr)")
        #expect(build.stdout.contains("发布 3 篇文件"), "\(build.stdout)")
        // Day one: the empty columns are work to do, said calmly; check still says what an inspector would.
        #expect(build.stdout.contains("新网站还有 7 个栏目没有内容"), "\(build.stdout)")
        #expect(!build.stdout.contains("单项否决"), "\(build.stdout)")
        let check = try folder.run(["check"], in: "portal")
        #expect(check.stdout.contains("空白栏目：7 个"), "\(check.stdout)")
        let home = try folder.read("portal/site/index.html")
        #expect(home.contains("某某县人民政府"))
        // Its home page leads with the latest documents (首页: in its site.yml).
        let first = try #require(home.range(of: "<h2 class=\"gk-home__heading\"><a href=\"/library/\">最新文件</a></h2>"))
        #expect(!home[..<first.lowerBound].contains("<h2 class=\"gk-home__heading\""), "最新文件 is the first block")
        #expect(folder.exists("portal/site/xxgk/fdzdgknr/zcwj/example-policy.html"))
        // The built-in theme is what templates/ held when the program was built.
        let css = try Data(contentsOf: folder.url("portal/site/assets/gongkai.css"))
        #expect(css == (try Data(contentsOf: Project.repository.appendingPathComponent("templates/assets/gongkai.css"))))
    }

    @Test func siteYMLExplainsEveryKeyAndHasTheStandardColumns() throws {
        let folder = try Self.newSite()
        defer { folder.remove() }
        let lines = try folder.read("portal/content/site.yml").split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        for (index, line) in lines.enumerated() where !line.hasPrefix(" ") && !line.hasPrefix("#") && line.contains(":") {
            let commented = line.contains(" # ") || (index > 0 && lines[index - 1].hasPrefix("#"))
            #expect(commented, "site.yml line \(index + 1) has no comment: \(line)")
        }
        let text = lines.joined(separator: "\n")
        for title in ["政府信息公开指南", "政府信息公开制度", "法定主动公开内容", "政府信息公开年报", "依申请公开", "政策文件", "政策解读"] {
            #expect(text.contains("标题: \(title)"), "\(title)")
        }
        #expect(text.contains("网站名称: 某某县人民政府"))
    }

    @Test func checkReportsTheDraftsUntilTheyAreRewritten() throws {
        let folder = try Self.newSite()
        defer { folder.remove() }
        let before = try folder.run(["check"], in: "portal")
        #expect(before.status == 0, "\(before.stderr)")
        #expect(before.stderr.contains("content/xxgk/gkzn/guide.md:"), "\(before.stderr)")
        #expect(before.stderr.contains("content/xxgk/gkzd/rules.md:"), "\(before.stderr)")
        #expect(before.stderr.contains("【待完善】"))
        let guide = try folder.read("portal/content/xxgk/gkzn/guide.md").replacingOccurrences(of: "【待完善】", with: "")
        try folder.write("portal/content/xxgk/gkzn/guide.md", guide)
        let after = try folder.run(["check"], in: "portal")
        #expect(!after.stderr.contains("guide.md:"), "\(after.stderr)")
        #expect(after.stderr.contains("rules.md:"))
    }

    @Test func aFolderThatIsNotEmptyIsRefusedAndLeftAlone() throws {
        let folder = try ScratchFolder()
        defer { folder.remove() }
        try folder.write("portal/notes.txt", "我的笔记\n")
        let result = try folder.run(["new", "site", "portal"])
        #expect(result.status != 0)
        #expect(result.stderr.contains("portal: 错误：文件夹不是空的"), "\(result.stderr)")
        #expect(try folder.read("portal/notes.txt") == "我的笔记\n")
        #expect(!folder.exists("portal/content"))
    }

    @Test func newDocFillsItsFrontMatterAndPrintsItsPath() throws {
        let folder = try Self.newSite(name: "某某市某某区人民政府")
        defer { folder.remove() }
        let result = try folder.run(["new", "doc", "xxgk/fdzdgknr/tzgg", "关于开展测试工作的通知"], in: "portal")
        #expect(result.status == 0, "\(result.stderr)")
        let path = result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(path.hasPrefix("content/xxgk/fdzdgknr/tzgg/") && path.hasSuffix(".md"), "\(path)")
        let text = try folder.read("portal/\(path)")
        #expect(text.contains("标题: 关于开展测试工作的通知\n"))
        #expect(text.contains("发文机关: 某某市某某区人民政府\n"))
        let published = try #require(text.split(separator: "\n").first { $0.hasPrefix("发布日期: ") })
        #expect(published.range(of: #"^发布日期: \d{4}-\d{2}-\d{2}$"#, options: .regularExpression) != nil, "\(published)")
        // A second one gets a name of its own.
        let second = try folder.run(["new", "doc", "xxgk/fdzdgknr/tzgg", "第二份通知"], in: "portal")
        #expect(second.stdout.trimmingCharacters(in: .whitespacesAndNewlines) != path)
        let build = try folder.run(["build"], in: "portal")
        #expect(build.status == 0, "\(build.stderr)")
        let page = path.dropFirst("content/".count).dropLast(3) + ".html"
        #expect(try folder.read("portal/site/\(page)").contains("关于开展测试工作的通知"))
    }

    @Test func newDocInAColumnThatDoesNotExistNamesTheColumns() throws {
        let folder = try Self.newSite()
        defer { folder.remove() }
        let result = try folder.run(["new", "doc", "xxgk/nothere", "标题"], in: "portal")
        #expect(result.status != 0)
        #expect(result.stderr.contains("content/site.yml: 错误：没有路径为“xxgk/nothere”的栏目"), "\(result.stderr)")
        #expect(result.stderr.contains("xxgk/fdzdgknr/zcwj"))
    }

    @Test func newFAQCatalogueAndReportMakeFilesTheBuildAccepts() throws {
        let folder = try Self.newSite()
        defer { folder.remove() }
        let faq = try folder.run(["new", "faq", "如何申请政府信息公开？"], in: "portal")
        #expect(faq.status == 0, "\(faq.stderr)")
        #expect(faq.stdout.hasPrefix("content/faq/"))
        for kind in ["主动公开目录", "基层政务公开标准目录", "惠民惠农财政补贴政策目录", "行政事业性收费目录", "重大行政决策事项目录"] {
            let catalogue = try folder.run(["new", "catalogue", kind], in: "portal")
            #expect(catalogue.status == 0, "\(kind): \(catalogue.stderr)")
            #expect(catalogue.stdout.hasPrefix("content/catalogues/"))
        }
        let report = try folder.run(["new", "report", "2025"], in: "portal")
        #expect(report.status == 0, "\(report.stderr)")
        #expect(report.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == "content/reports/2025.yml")
        let build = try folder.run(["build"], in: "portal")
        #expect(build.status == 0, "\(build.stderr)")
        #expect(!build.stderr.contains("错误"), "\(build.stderr)")
        #expect(folder.exists("portal/site/reports/2025.html"))
        #expect(folder.exists("portal/site/faq/index.html"))
        let unknown = try folder.run(["new", "catalogue", "不存在的目录"], in: "portal")
        #expect(unknown.status != 0)
        #expect(unknown.stderr.contains("主动公开目录"), "\(unknown.stderr)")
    }
}
