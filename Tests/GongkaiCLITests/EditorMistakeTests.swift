import Foundation
import GongkaiTestSupport
import Testing

/// The mistakes editors make, each reported at its own line with the fix, in an editor's words.
@Suite struct EditorMistakeTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let name: String
        let path: String
        let text: String
        let expect: [String]
        /// What the message must not say (a cascade, the generic unknown-field text).
        var absent: [String] = []
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(
            name: "full-width colon after a key", path: "content/zcwj/a.md",
            text: "---\n标题: 政策\n发布日期：2023-06-01\n文号: 测〔2023〕1号\n---\n正文。\n",
            expect: ["content/zcwj/a.md:3: 错误：", "全角冒号", "发布日期: 2023-06-01"]),
        Case(
            name: "full-width colon on the first line", path: "content/zcwj/a.md",
            text: "---\n标题：政策\n发布日期: 2023-06-01\n---\n正文。\n",
            expect: ["content/zcwj/a.md:2: 错误：", "全角冒号", "标题: 政策"]),
        Case(
            name: "tab indentation in site.yml", path: "content/site.yml",
            text: Project.smallSite.replacingOccurrences(of: "\n    路径: zcjd", with: "\n\t路径: zcjd"),
            expect: ["content/site.yml:", "Tab", "空格"]),
        Case(
            name: "curly quotes around the site code", path: "content/site.yml",
            text: Project.smallSite.replacingOccurrences(of: "网站标识码: \"4300000000\"", with: "网站标识码: “4300000000”"),
            expect: ["content/site.yml:4: 错误：", "中文引号", "网站标识码: 4300000000"]),
        Case(
            name: "curly quotes around a title", path: "content/zcwj/a.md",
            text: "---\n标题: “关于测试的通知”\n发布日期: 2023-06-01\n---\n正文。\n",
            expect: ["content/zcwj/a.md:2: 错误：", "中文引号", "标题: 关于测试的通知"]),
        Case(
            name: "missing closing ---", path: "content/zcwj/a.md",
            text: "---\n标题: 政策\n发布日期: 2023-06-01\n\n正文第一段。\n",
            expect: ["content/zcwj/a.md:4: 错误：", "文件开头两行 --- 之间", "加一行 ---"]),
        Case(
            name: "a date whose order is ambiguous", path: "content/zcwj/a.md",
            text: "---\n标题: 政策\n发布日期: 6/1/2023\n---\n正文。\n",
            expect: ["content/zcwj/a.md:3: 错误：", "6/1/2023", "请写成 2023-03-23"]),
        Case(
            name: "a missing image", path: "content/zcwj/a.md",
            text: "---\n标题: 政策\n发布日期: 2023-06-01\n---\n正文。\n\n![图表](images/chart.png)\n",
            expect: ["content/zcwj/a.md:7: 错误：", "content/zcwj/images/chart.png"]),
        // A key in the wrong language or form: the key to write, at its line, instead of "没有这个字段".
        Case(
            name: "a key in pinyin", path: "content/zcwj/a.md",
            text: "---\nbiaoti: 政策\n发布日期: 2023-06-01\n---\n正文。\n",
            expect: ["content/zcwj/a.md:2: 错误：", "“biaoti”是拼音，应写作“标题”", "标题: 政策"],
            absent: ["缺少必填字段", "未知字段"]),
        Case(
            name: "a key in pinyin with separators", path: "content/zcwj/a.md",
            text: "---\n标题: 政策\nFabu_Riqi: 2023-06-01\n---\n正文。\n",
            expect: ["content/zcwj/a.md:3: 错误：", "拼音", "应写作“发布日期”", "发布日期: 2023-06-01"],
            absent: ["缺少必填字段", "未知字段"]),
        Case(
            name: "a key in traditional characters", path: "content/zcwj/a.md",
            text: "---\n標題: 政策\n發布日期: 2023-06-01\n---\n正文。\n",
            expect: ["content/zcwj/a.md:2: 错误：", "繁体字，应写作“标题”", "content/zcwj/a.md:3: 错误：", "应写作“发布日期”"],
            absent: ["缺少必填字段", "未知字段"]),
        Case(
            name: "a key with a full-width space", path: "content/zcwj/a.md",
            text: "---\n标题　: 政策\n发　布日期: 2023-06-01\n---\n正文。\n",
            expect: ["content/zcwj/a.md:2: 错误：", "全角空格", "应写作“标题”", "content/zcwj/a.md:3: 错误：", "发布日期: 2023-06-01"],
            absent: ["缺少必填字段", "未知字段"]),
        Case(
            name: "an English key in other capitals in site.yml", path: "content/site.yml",
            text: Project.smallSite.replacingOccurrences(of: "  - 标题: 政策解读", with: "  - Title: 政策解读"),
            expect: ["content/site.yml:11: 错误：", "“Title”", "应写作“标题”", "标题: 政策解读"],
            absent: ["没有“Title”这个字段"]),
        Case(
            name: "a site.yml key in pinyin", path: "content/site.yml",
            text: Project.smallSite.replacingOccurrences(of: "网站名称:", with: "wangzhan_mingcheng:"),
            expect: ["content/site.yml:1: 错误：", "拼音，应写作“网站名称”"],
            absent: ["缺少必填字段", "这个字段"]),
    ]

    @Test(arguments: cases) func reportedAtItsLineWithTheFix(_ testCase: Case) throws {
        let project = try Project(files: ["zcwj/ok.md": Project.document("标题: 好\n发布日期: 2023-06-01")])
        defer { project.remove() }
        try project.write(testCase.path, testCase.text)
        let result = try project.run(["build", "--as-of", "2024-01-01"])
        #expect(result.status == 1)
        for expected in testCase.expect {
            #expect(result.stderr.contains(expected), "\(expected) in:\n\(result.stderr)")
        }
        for word in ["YAML", "front matter", "yaml"] + testCase.absent {
            #expect(!result.stderr.contains(word), "\(word) in:\n\(result.stderr)")
        }
        #expect(!project.exists("site"))
    }

    @Test(arguments: ["二〇二三年六月一日", "2023.6.1", "2023/6/1", "2023年6月1日"])
    func unambiguousDatesAreAcceptedAndNormalised(_ written: String) throws {
        let project = try Project(files: ["zcwj/a.md": Project.document("标题: 政策\n发布日期: \(written)")])
        defer { project.remove() }
        let result = try project.run(["build", "--as-of", "2024-01-01"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try project.read("site/zcwj/a.html").contains("2023-06-01"))
    }
}

/// One mistake is one error: files that point at a file with an error say so, after it.
@Suite struct NoCascadeTests {
    @Test func referencesToAFileWithAnErrorNameItAndComeAfterIt() throws {
        let project = try Project(files: [
            "zcwj/policy.md": Project.document("标题: 政策\n文号: 测政发〔2023〕1号\n发布日期: 2023-02-30"),
            "zcjd/by-number.md": Project.document("标题: 解读一\n发布日期: 2023-06-02\n解读对象: 测政发〔2023〕1号"),
            "zcjd/by-path.md": Project.document("标题: 解读二\n发布日期: 2023-06-02\n解读对象: zcwj/policy"),
            "zcjd/missing.md": Project.document("标题: 解读三\n发布日期: 2023-06-02\n解读对象: zcwj/nothing"),
        ])
        defer { project.remove() }
        let result = try project.run(["build", "--as-of", "2024-01-01"])
        #expect(result.status == 1)
        let lines = result.stderr.split(separator: "\n").map(String.init)
        let root = try #require(lines.firstIndex { $0.hasPrefix("content/zcwj/policy.md:4: 错误：") }, "\(result.stderr)")
        for file in ["content/zcjd/by-number.md:4:", "content/zcjd/by-path.md:4:"] {
            let index = try #require(lines.firstIndex { $0.hasPrefix(file) }, "\(file) in \(result.stderr)")
            #expect(lines[index].contains("content/zcwj/policy.md 本身有错误"), "\(lines[index])")
            #expect(!lines[index].contains("找不到对应的文件"))
            #expect(index > root, "the root cause comes first")
        }
        // A reference to a file that does not exist at all is still that.
        #expect(lines.contains { $0.hasPrefix("content/zcjd/missing.md:4:") && $0.contains("找不到对应的文件") }, "\(result.stderr)")
    }
}
