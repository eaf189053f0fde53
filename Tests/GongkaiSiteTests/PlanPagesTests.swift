import Foundation
import GongkaiContent
import GongkaiModel
import GongkaiSite
import GongkaiTestSupport
import Testing

/// The demo portal's plan pages, ledgers and alignment, built on a fixed day.
@Suite struct PlanPagesTests {
    static let day = CalendarDate(year: 2023, month: 7, day: 1)!

    @Test func showsEveryItemOfAPlanWithItsUnitsDeadlineAndStatus() throws {
        let project = try Project()
        try project.build(asOf: Self.day)
        let html = try project.read("site/plans/hunan-2023-zwfw.html")
        for number in 1...27 { #expect(html.contains("id=\"item-\(number)\""), "item \(number)") }
        #expect(html.contains("<h2>一、围绕办好重点民生实事,推进“湘易办”全面提标行动</h2>"))
        #expect(html.contains("用户数突破3000万"))
        #expect(html.contains("<dt>牵头单位</dt><dd><a href=\"/ledger/hunan-"))
        #expect(html.contains(">省政务局</a>、<a"))
        #expect(html.contains("<dt>配合单位</dt><dd>省直相关单位</dd>"), "groups of units are not linked")
        #expect(html.contains("年底前（2023年12月31日）"))
        #expect(html.contains("原文未写明，按年度计划于2023年12月31日前完成"))
        #expect(html.contains("<a href=\"/xxgk/fdzdgknr/ghjh/hunan-2023-zwfw-zwgk.html\">"), "links back to its notice")
    }

    @Test func countsProgressAndOverdueItemsOnTheBuildDay() throws {
        let project = try Project()
        try project.build(asOf: Self.day)
        let july = try project.read("site/plans/hunan-2023-zwgk.html")
        #expect(july.contains("截至 2023年7月1日，共 16 项任务"))
        #expect(july.contains("已逾期 <strong>1</strong> 项"), "(十) was due 第二季度 and is not 已完成 by 1 July")
        #expect(july.contains("推进中 <strong>1</strong> 项"), "only (一) had an entry by then; later entries do not count yet")
        #expect(july.contains("已完成 <strong>0</strong> 项"))
        try project.build(asOf: CalendarDate(year: 2024, month: 1, day: 1)!)
        let later = try project.read("site/plans/hunan-2023-zwgk.html")
        #expect(later.contains("已完成 <strong>3</strong> 项（19%）"), "(一), (十), (十三)")
        #expect(later.contains("推进中 <strong>2</strong> 项"), "(十一), (十六)")
        #expect(later.contains("已逾期 <strong>13</strong> 项"))
    }

    @Test func ledgerOfAUnitListsEveryItemThePlansGiveIt() throws {
        let project = try Project()
        try project.build(asOf: Self.day)
        let index = try project.read("site/ledger/index.html")
        let link = try #require(index.components(separatedBy: "<a href=\"/ledger/").first { $0.contains(">湖南省政务局</a>") })
        let slug = String(link.prefix { $0 != "\"" })
        let page = try project.read("site/ledger/\(slug)")
        // 省政务局 leads 26 items of the 政务管理服务 plan and 13 of the 政务公开 plan, and shares (十四).
        let zwfw = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27]
        let zwgk = [2, 3, 4, 6, 7, 8, 9, 10, 11, 12, 13, 15, 16]
        for number in zwfw { #expect(page.contains("href=\"/plans/hunan-2023-zwfw.html#item-\(number)\""), "zwfw \(number)") }
        for number in zwgk { #expect(page.contains("href=\"/plans/hunan-2023-zwgk.html#item-\(number)\""), "zwgk \(number)") }
        #expect(!page.contains("href=\"/plans/hunan-2023-zwgk.html#item-1\""))
        #expect(page.contains("承担 40 项任务，其中牵头 39 项"))
        #expect(page.components(separatedBy: "<tr>").count - 1 == 40 + 2, "40 rows and two header rows")
    }

    @Test func alignsHeshanWithHunanItemByItem() throws {
        let project = try Project()
        try project.build(asOf: CalendarDate(year: 2024, month: 1, day: 1)!)
        let html = try project.read("site/plans/align/heshan-2023-zwgk--hunan-2023-zwgk.html")
        let rows = html.components(separatedBy: "<tr>").dropFirst(2)
        let first = try #require(rows.first)
        #expect(first.contains("href=\"/plans/heshan-2023-zwgk.html#item-1\""))
        #expect(first.contains("href=\"/plans/hunan-2023-zwgk.html#item-1\""))
        #expect(first.contains("系统建议"))
        let confirmed = try #require(rows.first { $0.contains("heshan-2023-zwgk.html#item-13\"") })
        #expect(confirmed.contains("hunan-2023-zwgk.html#item-15\"") && confirmed.contains("已确认"))
        let unmatched = try #require(html.components(separatedBy: "上级任务中没有对应的").last)
        #expect(unmatched.contains("hunan-2023-zwgk.html#item-11\""))
        #expect(unmatched.contains("hunan-2023-zwgk.html#item-12\""))
        let kaifu = try project.read("site/plans/align/kaifu-2023-zwgk--hunan-2023-zwgk.html")
        let none = try #require(kaifu.components(separatedBy: "<tr>").first { $0.contains("kaifu-2023-zwgk.html#item-13\"") })
        #expect(none.contains("没有对应的上级任务"), "落实上级: [] overrides the suggestion")
    }
}

/// `gongkai import plan` on every seed: nothing is lost, the report names genuine ambiguities,
/// and the files it writes build.
@Suite struct ImportCommandTests {
    static let seeds = [
        ("000_b9f03bad9a0bd85c", "heshan"), ("001_481537314689ab2f", "hunan"), ("002_b7eafef4efe96bfa", "zhangjiajie"),
        ("003_9e200add24cb7cbb", "kaifu"), ("004_7ad38d3214157346", "shaoyang"),
    ]

    static func comparable(_ text: String) -> String {
        // The importer makes half-width , ; : between Chinese full-width (标点规范).
        String(text.filter { !$0.isWhitespace && !"（）()[]【】。\"'，,；;：:".contains($0) })
    }

    @Test(arguments: seeds)
    func losesNoLineOfTheSeed(_ seed: (String, String)) throws {
        let project = try Project(files: [:], site: Project.smallSite.replacingOccurrences(of: "路径: zcjd", with: "路径: zcjd\n    更新类别: 规划计划"))
        let input = Project.repository.appendingPathComponent("Tests/Fixtures/seeds/\(seed.0).txt")
        let result = try project.run(["import", "plan", input.path, "--id", seed.1])
        try #require(result.status == 0, "\(result.stderr)")
        // Read back what was written, through the loader (plans) and as text (the notice with its comments).
        let check = try project.run(["check", "--as-of", "2024-01-01"])
        #expect(check.status == 0, "\(check.stderr)")
        var corpus = ""
        for name in try FileManager.default.contentsOfDirectory(atPath: project.root.appendingPathComponent("content/zcjd").path) {
            corpus += try project.read("content/zcjd/\(name)")
        }
        for plan in try ContentLoader(directory: project.content).load().site.plans {
            corpus += plan.title + plan.preamble
            for section in plan.sections {
                corpus += section.numberText + "、" + section.title
                for item in section.items {
                    corpus += item.numberText + (item.title.map { $0 + "。" } ?? "") + item.body + (item.assignment ?? "")
                }
            }
        }
        corpus = Self.comparable(corpus)
        let lines = try String(contentsOf: input, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var lost: [String] = []
        for (number, line) in lines.enumerated() where !line.trimmingCharacters(in: .whitespaces).isEmpty {
            if !corpus.contains(Self.comparable(line)) { lost.append("第\(number + 1)行：\(line.prefix(40))") }
        }
        #expect(lost.isEmpty, "lines not found in the output:\n\(lost.joined(separator: "\n"))")
    }

    @Test func dryRunWritesNothingAndIDIsOptional() throws {
        let project = try Project(files: [:], site: Project.smallSite.replacingOccurrences(of: "路径: zcjd", with: "路径: zcjd\n    更新类别: 规划计划"))
        let input = Project.repository.appendingPathComponent("Tests/Fixtures/seeds/003_9e200add24cb7cbb.txt").path
        let result = try project.run(["import", "plan", input, "--dry-run"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("将写入 content/plans/kaifu-2023-zwgk.yml"), "id from 开福区 by transliteration")
        #expect(!project.exists("content/plans/kaifu-2023-zwgk.yml"))
    }

    @Test func badInputExitsNonZeroAndWritesNothing() throws {
        let project = try Project(files: [:], site: Project.smallSite.replacingOccurrences(of: "路径: zcjd", with: "路径: zcjd\n    更新类别: 规划计划"))
        try project.write("坏文件.docx", Data([0x50, 0x4B, 0x03, 0x04, 0x14, 0x00]))
        try project.write("空.txt", Data())
        for name in ["坏文件.docx", "空.txt"] {
            let result = try project.run(["import", "plan", project.root.appendingPathComponent(name).path])
            #expect(result.status != 0)
            #expect(result.stderr.contains(name))
            let doc = try project.run(["import", "doc", project.root.appendingPathComponent(name).path, "--column", "zcwj"])
            #expect(doc.status != 0)
        }
        #expect(!project.exists("content/plans"))
        #expect(!project.exists("content/zcjd"))
    }

    @Test func refusesToOverwriteWithoutForce() throws {
        let project = try Project(files: [:], site: Project.smallSite.replacingOccurrences(of: "路径: zcjd", with: "路径: zcjd\n    更新类别: 规划计划"))
        let input = Project.repository.appendingPathComponent("Tests/Fixtures/seeds/001_481537314689ab2f.txt").path
        #expect(try project.run(["import", "plan", input, "--id", "hunan"]).status == 0)
        let again = try project.run(["import", "plan", input, "--id", "hunan"])
        #expect(again.status != 0)
        #expect(again.stderr.contains("--force"))
        #expect(try project.run(["import", "plan", input, "--id", "hunan", "--force"]).status == 0)
    }
}

/// A plan file with a bad field: file:line error, non-zero exit, previous site kept.
@Suite struct BadPlanFileTests {
    static let plan = """
        标题: 测试县2023年政务公开工作要点
        年度: 2023
        地区: 测试县
        层级: 县区
        类别: 政务公开
        部分:
        - 序号: 一
          标题: 第一部分
          任务:
          - 序号: （一）
            标题: 第一项
            内容: 内容。
            牵头单位: [县政务局]
            时限:
            - 文字: 6月底前
              日期: 2023-06-30
            进展:
            - 日期: 2023-05-01
              状态: 推进中
        """

    static let cases: [(String, String, String, [String])] = [
        ("unknown status", "状态: 推进中", "状态: 快完成了", ["content/plans/test-2023-zwgk.yml:19:", "快完成了", "已完成"]),
        ("deadline that is not a date", "日期: 2023-06-30", "日期: 六月底", ["content/plans/test-2023-zwgk.yml:16:", "六月底"]),
        (
            "implements an item that does not exist", "牵头单位: [县政务局]", "牵头单位: [县政务局]\n    落实上级: [hunan-2023-zwgk/99]",
            ["content/plans/test-2023-zwgk.yml:10:", "hunan-2023-zwgk/99"]
        ),
        ("a notice that does not exist", "类别: 政务公开", "类别: 政务公开\n通知: zcwj/nothing", ["content/plans/test-2023-zwgk.yml:6:", "zcwj/nothing"]),
    ]

    @Test(arguments: cases.map { $0.0 })
    func failsWithFileAndLine(_ name: String) throws {
        let testCase = try #require(Self.cases.first { $0.0 == name })
        let project = try Project(files: ["plans/test-2023-zwgk.yml": Self.plan])
        try #require(try project.run(["build", "--as-of", "2024-01-01"]).status == 0)
        let before = Project.tree(project.site)
        try project.write("content/plans/test-2023-zwgk.yml", Self.plan.replacingOccurrences(of: testCase.1, with: testCase.2))
        let result = try project.run(["build", "--as-of", "2024-01-01"])
        #expect(result.status != 0)
        for expected in testCase.3 { #expect(result.stderr.contains(expected), "stderr lacks “\(expected)”:\n\(result.stderr)") }
        #expect(Project.tree(project.site) == before)
    }
}
