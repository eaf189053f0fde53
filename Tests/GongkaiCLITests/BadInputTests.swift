import Foundation
import GongkaiModel
import GongkaiTestSupport
import Testing

/// Each bad input, given to the `gongkai` executable after a good build: the message names the
/// file (and line), the exit status is not zero, and the previous `site/` is untouched.
@Suite struct BadInputTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let name: String
        /// Files to write into the project (path → text), after the good build.
        let files: [String: String]
        /// Raw bytes to write, for encodings.
        let bytes: [String: [UInt8]]
        /// What stderr must contain.
        let expected: [String]
        var testDescription: String { name }

        init(_ name: String, files: [String: String] = [:], bytes: [String: [UInt8]] = [:], expect expected: [String]) {
            self.name = name
            self.files = files
            self.bytes = bytes
            self.expected = expected
        }
    }

    static let good: [String: String] = [
        "zcwj/policy.md": Project.document("标题: 政策\n文号: 测政发〔2023〕1号\n发布日期: 2023-06-01"),
        "zcjd/reading.md": Project.document("标题: 解读\n发布日期: 2023-06-02\n解读对象: 测政发〔2023〕1号"),
    ]

    static let cases: [Case] = [
        Case(
            "broken YAML", files: ["content/zcwj/policy.md": "---\n标题: \"未闭合\n发布日期: 2023-06-01\n---\n"],
            expect: ["content/zcwj/policy.md:2:", "引号要成对"]),
        Case(
            "missing title", files: ["content/zcwj/policy.md": Project.document("发布日期: 2023-06-01")],
            expect: ["content/zcwj/policy.md:1:", "缺少必填字段“标题”"]),
        Case(
            "bad date", files: ["content/zcwj/policy.md": Project.document("标题: 政策\n发布日期: 2023-13-01")],
            expect: ["content/zcwj/policy.md:3:", "2023-13-01", "无效"]),
        Case(
            "duplicate slug", files: ["content/zcwj/copy.md": Project.document("标题: 副本\n发布日期: 2023-06-01\n网址名: policy")],
            expect: ["content/zcwj/copy.md:4:", "content/zcwj/policy.md", "重复"]),
        Case(
            "GBK file", bytes: ["content/zcwj/gbk.md": Array("---\n".utf8) + [0xB1, 0xEA, 0xCC, 0xE2] + Array(": x\n---\n".utf8)],
            expect: ["content/zcwj/gbk.md:2:", "UTF-8", "GBK"]),
        Case(
            "unknown column", files: ["content/zcgw/a.md": Project.document("标题: 甲\n发布日期: 2023-06-01")],
            expect: ["content/zcgw/a.md", "不是 site.yml 中定义的栏目", "zcwj"]),
        Case(
            "template with an unknown variable",
            files: ["templates/layouts/document.mustache": "{{<base}}{{$main}}\n<h1>{{document.titel}}</h1>\n{{/main}}{{/base}}\n"],
            expect: ["templates/layouts/document.mustache:2:", "titel"]),
        Case(
            "a published page linking to a document that is not 主动公开",
            files: ["content/zcwj/policy.md": Project.document("标题: 政策\n文号: 测政发〔2023〕1号\n发布日期: 2023-06-01\n公开方式: 依申请公开")],
            expect: ["content/zcjd/reading.md:4:", "content/zcwj/policy.md", "依申请公开"]),
        Case(
            "a published page linking to a document whose 发布日期 is in the future",
            files: ["content/zcwj/policy.md": Project.document("标题: 政策\n文号: 测政发〔2023〕1号\n发布日期: 2099-01-01")],
            expect: ["content/zcjd/reading.md:4:", "content/zcwj/policy.md", "尚未到来"]),
        Case(
            "a document outside every column, named with one letter",
            files: ["content/a.md": Project.document("标题: 甲\n发布日期: 2023-06-01")],
            expect: ["content/a.md", "不是 site.yml 中定义的栏目"]),
        Case(
            "broken site.yml", files: ["content/site.yml": "网站名称: 测试\n栏目:\n  - 标题: 政策\n   路径: zcwj\n"],
            expect: ["content/site.yml:4:", "缩进只用空格"]),
    ]

    @Test(arguments: cases)
    func failsLoudlyAndKeepsThePreviousSite(_ testCase: Case) throws {
        let project = try Project(files: Self.good)
        let good = try project.run(["build", "--as-of", "2024-01-01"])
        try #require(good.status == 0, "the good build failed: \(good.stderr)")
        let before = Project.tree(project.site)
        try #require(before["zcjd/reading.html"] != nil)

        for (path, text) in testCase.files { try project.write(path, text) }
        for (path, bytes) in testCase.bytes { try project.write(path, Data(bytes)) }
        let bad = try project.run(["build", "--as-of", "2024-01-01"])

        #expect(bad.status != 0)
        for expected in testCase.expected {
            #expect(bad.stderr.contains(expected), "stderr lacks “\(expected)”:\n\(bad.stderr)")
        }
        #expect(Project.tree(project.site) == before, "the previous site/ changed")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: project.root.path).filter { $0.hasPrefix(".site.building-") }
        #expect(leftovers.isEmpty, "staging folders left behind: \(leftovers)")
    }

    @Test func checkReportsTheSameErrorsWithoutWriting() throws {
        let project = try Project(files: Self.good)
        try project.write("content/zcwj/policy.md", Project.document("标题: 政策\n发布日期: 2023-02-30"))
        let result = try project.run(["check"])
        #expect(result.status != 0)
        #expect(result.stderr.contains("content/zcwj/policy.md:3:"))
        #expect(!project.exists("site"))
        try project.write("content/zcwj/policy.md", Self.good["zcwj/policy.md"]!)
        let fixed = try project.run(["check", "--as-of", "2024-01-01"])
        #expect(fixed.status == 0, "\(fixed.stderr)")
        #expect(fixed.stdout.contains("检查完成：没有错误"))
    }

    @Test func rejectsABadAsOfDate() throws {
        let project = try Project(files: Self.good)
        let result = try project.run(["build", "--as-of", "2024-02-30"])
        #expect(result.status != 0)
        #expect(result.stderr.contains("--as-of"))
    }
}
