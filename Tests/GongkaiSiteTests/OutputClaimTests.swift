import Foundation
import GongkaiModel
import GongkaiTestSupport
import Testing

/// Every output file is claimed once: two inputs that would make the same file stop the build
/// with an error naming both, whatever their names, and the previous site stays as it was.
@Suite struct OutputClaimTests {
    static let good: [String: String] = [
        "zcwj/policy.md": Project.document("标题: 政策\n发布日期: 2023-06-01")
    ]

    /// `Project.smallSite` with one more top-level column.
    static func site(adding column: String) -> String {
        Project.smallSite + "\n  - 标题: 另一个栏目\n    路径: \(column)"
    }

    struct Case: CustomTestStringConvertible, Sendable {
        let name: String
        let site: String?
        let files: [String: String]
        let expected: [String]
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(
            name: "a column named like the policy library", site: site(adding: "library"), files: [:],
            expected: ["content/site.yml:13:", "栏目“另一个栏目”", "政策文件库页面", "library/index.html"]),
        Case(
            name: "a column named like the search page", site: site(adding: "search"), files: [:],
            expected: ["content/site.yml:13:", "搜索页面", "search/index.html"]),
        Case(
            name: "a document named index", site: nil,
            files: ["content/zcwj/index.md": Project.document("标题: 首页文件\n发布日期: 2023-06-02")],
            expected: ["content/zcwj/index.md", "栏目“政策文件”", "列表页", "zcwj/index.html"]),
        Case(
            name: "a document named like the second page of its listing", site: nil,
            files: (1...21).reduce(into: ["content/zcwj/index_2.md": Project.document("标题: 第二页\n发布日期: 2023-06-03")]) {
                $0["content/zcwj/p\($1).md"] = Project.document("标题: 文件\($1)\n发布日期: 2023-05-01")
            },
            expected: ["content/zcwj/index_2.md", "第 2 页", "zcwj/index_2.html"]),
        Case(
            name: "a site image named like a theme file", site: nil,
            files: ["content/assets/gongkai.css": "body { color: red }"],
            expected: ["content/assets/gongkai.css", "与主题的 assets/gongkai.css"]),
        Case(
            name: "an attachment named like a document page", site: nil,
            files: [
                "content/zcwj/policy.html": "<p>旧网页</p>",
                "content/zcwj/notice.md": Project.document("标题: 通知\n发布日期: 2023-06-04\n附件:\n  - policy.html"),
            ],
            expected: ["content/zcwj/policy.md", "content/zcwj/policy.html", "zcwj/policy.html"]),
    ]

    @Test(arguments: cases)
    func collisionStopsTheBuildNamingBothInputs(_ testCase: Case) throws {
        let project = try Project(files: Self.good)
        let good = try project.run(["build", "--as-of", "2024-01-01"])
        try #require(good.status == 0, "the good build failed: \(good.stderr)")
        let before = Project.tree(project.site)

        if let site = testCase.site { try project.write("content/site.yml", site) }
        for (path, text) in testCase.files { try project.write(path, text) }
        let bad = try project.run(["build", "--as-of", "2024-01-01"])
        #expect(bad.status != 0)
        for expected in testCase.expected {
            #expect(bad.stderr.contains(expected), "stderr lacks “\(expected)”:\n\(bad.stderr)")
        }
        #expect(bad.stderr.contains("都要生成网站文件"))
        #expect(Project.tree(project.site) == before, "the previous site/ changed")
    }

    @Test func aColumnMayNotTakeTheNameOfADataFolder() throws {
        let project = try Project(files: Self.good, site: Self.site(adding: "plans"))
        let result = try project.run(["check", "--as-of", "2024-01-01"])
        #expect(result.status != 0)
        #expect(result.stderr.contains("content/site.yml:14:"), "\(result.stderr)")
        #expect(result.stderr.contains("工作要点数据"))
    }
}
