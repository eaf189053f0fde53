import Foundation
import GongkaiModel
import GongkaiSite
import GongkaiTestSupport
import Testing

@Suite struct AnnualReportPageTests {
    /// The demo report is published on 2024-01-20.
    static let day = CalendarDate(year: 2024, month: 6, day: 1)!

    @Test func computesTableTwoFromTheDemoContent() throws {
        let project = try Project()
        try project.build(asOf: Self.day)
        let html = try project.read("site/reports/2023.html")
        // The demo's 行政规范性文件 (content/xxgk/fdzdgknr/zcwj): two written in 2023 and in force, one
        // of 2019 abolished on 2023-06-30. No 规章.
        func row(_ name: String) -> String? {
            html.components(separatedBy: "<tr>").first { $0.contains(">\(name)</th>") }
        }
        let normative = try #require(row("行政规范性文件"))
        // Each value follows the label that names its column on narrow screens.
        let values = normative.components(separatedBy: "class=\"gk-data-table__number\">").dropFirst().map {
            ($0.components(separatedBy: "</span>").dropFirst().first ?? "").prefix { $0 != "<" }
        }
        #expect(values == ["2", "1", "2"], "issued, abolished, in force")
        let rule = try #require(row("规章"))
        #expect(rule.components(separatedBy: ">0</td>").count - 1 == 3)
        #expect(try #require(row("行政许可")).contains(">1256</td>"))
        #expect(try #require(row("行政事业性收费")).contains(">86.5</td>"))
    }

    @Test func followsTheNationalFormat() throws {
        let project = try Project()
        try project.build(asOf: Self.day)
        let html = try project.read("site/reports/2023.html")
        let headings = [
            "一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况",
            "四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况", "六、其他需要报告的事项",
        ]
        var position = html.startIndex
        for heading in headings {
            let range = try #require(html.range(of: "<h2>\(heading)</h2>", range: position..<html.endIndex), "\(heading) in order")
            position = range.upperBound
        }
        for caption in [
            "第二十条第（一）项", "第二十条第（五）项", "第二十条第（六）项", "第二十条第（八）项",
            "收到和处理政府信息公开申请情况", "政府信息公开行政复议、行政诉讼情况",
        ] {
            #expect(html.contains("<caption class=\"gk-data-table__caption\">\(caption)</caption>"))
        }
        for row in ApplicationTable.rows { #expect(html.contains(">\(row.label)</th>"), "table 三 row \(row.label)") }
        #expect(html.contains("rowspan=\"22\" class=\"gk-data-table__group\">三、本年度办理结果</th>"))
        #expect(html.contains("rowspan=\"8\" class=\"gk-data-table__group\">（三）不予公开</th>"))
        #expect(
            html.contains("<td headers=\"t3-results t3-不予公开 t3-r-属于国家秘密 t3-applicant t3-natural\""),
            "cells name every header above and beside them")
        #expect(html.components(separatedBy: "headers=\"t4-").count - 1 >= 15)
        #expect(html.contains("<h3>年度工作要点落实情况</h3>"))
        #expect(html.contains("湖南省2023年政务公开工作要点</a>：截至 2024年1月20日，共 16 项任务，已完成 3 项"))
        let column = try project.read("site/xxgk/gknb/index.html")
        #expect(column.contains("<a href=\"/reports/2023.html\">湖南省政务公开演示门户2023年政府信息公开工作年度报告（演示）</a>"))
    }

    @Test func aReportWithBrokenArithmeticFailsNamingTheCell() throws {
        let project = try Project()
        let report = try project.read("content/reports/2023.yml")
        try project.write("content/reports/2023.yml", report.replacingOccurrences(of: "  予以公开: [7, 2, 0, 0, 1, 0, 10]", with: "  予以公开: [7, 2, 0, 0, 1, 0, 11]"))
        let result = try project.run(["build", "--as-of", "2024-06-01"])
        #expect(result.status != 0)
        #expect(result.stderr.contains("content/reports/2023.yml:26: 错误：表三“（一）予以公开”行的“总计”列应为 10（前六列之和），这里是 11。"))
        #expect(result.stderr.contains("“（七）总计”行的“总计”列应为 21"))
        #expect(!project.exists("site"))
    }
}

@Suite struct LinkAndContentCheckTests {
    static let files: [String: String] = [
        "zcwj/policy.md": Project.document("标题: 政策\n发布日期: 2023-06-01"),
        "zcwj/scan.pdf": "pdf",
        "zcjd/reading.md": Project.document("标题: 解读\n发布日期: 2023-06-02", body: "见[政策](../zcwj/policy.md#第二条)和[扫描件](../zcwj/scan.pdf)，[首页](/portal/)，[政府网](https://www.gov.cn/)。"),
    ]

    @Test func rewritesLinksToDocumentsAndFiles() throws {
        let project = try Project(files: Self.files)
        try project.build()
        let html = try project.read("site/zcjd/reading.html")
        #expect(html.contains("<a href=\"/portal/zcwj/policy.html#%E7%AC%AC%E4%BA%8C%E6%9D%A1\">政策</a>"), "#第二条, percent-encoded")
        #expect(html.contains("<a href=\"/portal/zcwj/scan.pdf\">扫描件</a>"))
        #expect(html.contains("<a href=\"/portal/\">首页</a>"))
        #expect(html.contains("<a href=\"https://www.gov.cn/\">政府网</a>"))
    }

    static let brokenCases: [(String, String, String)] = [
        ("a missing document", "[旧文](../zcwj/gone.md)", "找不到文件 zcwj/gone.md"),
        ("a missing image", "![示意图](chart.png)", "本站没有 /zcjd/chart.png"),
        ("a page the site does not have", "[栏目](/portal/nothing/)", "本站没有 /nothing/"),
        ("a document that is not 主动公开", "[内部](../zcwj/internal.md)", "不会发布（公开方式为“依申请公开”"),
    ]

    @Test(arguments: brokenCases.map(\.0))
    func failsTheBuildForALinkThatLeadsNowhere(_ name: String) throws {
        let testCase = try #require(Self.brokenCases.first { $0.0 == name })
        var files = Self.files
        files["zcwj/internal.md"] = Project.document("标题: 内部\n发布日期: 2023-06-01\n公开方式: 依申请公开")
        files["zcjd/reading.md"] = Project.document("标题: 解读\n发布日期: 2023-06-02", body: "第一段。\n\n\(testCase.1)")
        let project = try Project(files: files)
        let result = try project.run(["build", "--as-of", "2024-01-01"])
        #expect(result.status != 0)
        #expect(result.stderr.contains("content/zcjd/reading.md:7:"), "front matter is lines 1–4, the link on the body's third line: \(result.stderr)")
        #expect(result.stderr.contains(testCase.2), "\(result.stderr)")
        #expect(!project.exists("site/zcjd/reading.html"))
    }

    @Test func personalDataStopsTheBuildAndKeepsThePreviousSite() throws {
        let project = try Project(files: Self.files)
        try #require(try project.run(["build", "--as-of", "2024-01-01"]).status == 0)
        let before = Project.tree(project.site)
        try project.write("content/zcwj/policy.md", Project.document("标题: 政策\n发布日期: 2023-06-01", body: "联系人：张三\n身份证号 11010519491231002X"))
        let result = try project.run(["build", "--as-of", "2024-01-01"])
        #expect(result.status != 0)
        #expect(result.stderr.contains("content/zcwj/policy.md:6: 错误：有疑似居民身份证号码（110***********002X）"))
        #expect(Project.tree(project.site) == before)
        try project.write("content/zcwj/policy.md", Project.document("标题: 政策\n发布日期: 2023-06-01\n允许个人信息: 是", body: "身份证号 11010519491231002X"))
        #expect(try project.run(["build", "--as-of", "2024-01-01"]).status == 0, "allowed explicitly")
    }

    @Test func checkPrintsJSONForCI() throws {
        let project = try Project()
        let result = try project.run(["check", "--json", "--as-of", "2024-06-01"])
        #expect(result.status == 0, "\(result.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(object["errors"] as? Int == 0)
        let diagnostics = try #require(object["diagnostics"] as? [[String: Any]])
        #expect(diagnostics.contains { $0["rule"] as? String == "policy-without-interpretation" && $0["file"] as? String == "content/xxgk/fdzdgknr/zcwj/new-media-rules-2023.md" })
        let inspection = try #require(object["inspection"] as? [String: Any])
        #expect(inspection["asOf"] as? String == "2024-06-01")
        #expect((inspection["blankColumns"] as? [[String: Any]])?.map { $0["title"] as? String } == ["政府信息公开制度", "工作动态"], "通知公告 holds the 意见征集 drafts and 反馈")
        #expect((inspection["vetoRisks"] as? [String])?.first == "首页超过 2 周未更新")
    }
}
