import Foundation
import GongkaiTestSupport
import Testing

/// A build prints errors in full and warnings one line per rule; `--verbose` and `check` list all.
@Suite struct CalmOutputTests {
    static func lines(_ result: (status: Int32, stdout: String, stderr: String)) -> [Substring] {
        (result.stdout + result.stderr).split(separator: "\n")
    }

    @Test func theDemoBuildPrintsAtMostFifteenLines() throws {
        let project = try Project()
        defer { project.remove() }
        let result = try project.run(["build", "--as-of", "2024-01-01"])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = Self.lines(result)
        #expect(lines.count <= 15, "\(lines.count) lines:\n\(lines.joined(separator: "\n"))")
        #expect(result.stderr.contains("检查指标：工作要点任务逾期"), "\(result.stderr)")
        #expect(result.stdout.contains("共 "), "the summary line")
        // Each rule at most once.
        let overdue = lines.filter { $0.contains("逾期") }
        #expect(overdue.count == 1, "\(overdue)")
    }

    @Test func verboseAndCheckListEveryWarning() throws {
        let project = try Project()
        defer { project.remove() }
        let calm = Self.lines(try project.run(["build", "--as-of", "2024-01-01"]))
        let verbose = try project.run(["build", "--as-of", "2024-01-01", "--verbose", "--full"])
        let check = try project.run(["check", "--as-of", "2024-01-01"])
        let json = try project.run(["check", "--as-of", "2024-01-01", "--json"])
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        let warnings = try #require(object?["warnings"] as? Int)
        #expect(warnings > 20, "the demo has many overdue plan items")
        let verboseWarnings = verbose.stderr.split(separator: "\n").filter { $0.contains(": 警告：") }
        let checkWarnings = check.stderr.split(separator: "\n").filter { $0.contains(": 警告：") }
        #expect(verboseWarnings.count == warnings, "\(verboseWarnings.count) of \(warnings)")
        #expect(checkWarnings.count == warnings, "\(checkWarnings.count) of \(warnings)")
        #expect(calm.count < verboseWarnings.count)

        // Inspector material is a category of the finding itself: each carries its indicator,
        // and the build's one count line has one entry per indicator found.
        let entries = try #require(object?["diagnostics"] as? [[String: Any]])
        let overdue = entries.filter { $0["rule"] as? String == "plan-overdue" }
        #expect(!overdue.isEmpty && overdue.allSatisfy { $0["indicator"] as? String == "工作要点任务逾期" })
        #expect(entries.contains { $0["indicator"] == nil }, "problems of one file carry no indicator")
        let indicators = Set(entries.compactMap { $0["indicator"] as? String })
        let countLine = try #require(calm.first { $0.hasPrefix("检查指标：") })
        #expect(countLine.split(separator: "、").count == indicators.count, "\(countLine) vs \(indicators)")
        for name in indicators { #expect(countLine.contains("\(name) "), "\(name) in \(countLine)") }
    }

    @Test func aRuleRepeatedIsOneLineWithItsCountAndFirstPlace() throws {
        let image = "![](a.png)"
        let project = try Project(files: [
            "zcwj/a.md": Project.document("标题: 甲\n发布日期: 2023-06-01", body: "正文。\n\n\(image)"),
            "zcwj/b.md": Project.document("标题: 乙\n发布日期: 2023-06-02", body: "正文。\n\n\(image)"),
            "zcwj/c.md": Project.document("标题: 丙\n发布日期: 2023-06-03", body: "正文。\n\n\(image)"),
            "zcwj/a.png": "png", "zcwj/b.png": "png", "zcwj/c.png": "png",
        ])
        defer { project.remove() }
        let result = try project.run(["build", "--as-of", "2024-01-01"])
        #expect(result.status == 0, "\(result.stderr)")
        let alt = result.stderr.split(separator: "\n").filter { $0.contains("替代文字") }
        #expect(alt.count == 1, "\(result.stderr)")
        #expect(alt.first?.hasPrefix("content/zcwj/a.md:") == true, "\(alt)")
        #expect(alt.first?.contains("同类警告共 3 处") == true, "\(alt)")
    }

    @Test func errorsArePrintedInFull() throws {
        let project = try Project(files: [
            "zcwj/a.md": Project.document("标题: 甲\n发布日期: 2023-02-30"),
            "zcwj/b.md": Project.document("标题: 乙\n发布日期: 2023-02-31"),
        ])
        defer { project.remove() }
        let result = try project.run(["build", "--as-of", "2024-01-01"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("content/zcwj/a.md:3: 错误："), "\(result.stderr)")
        #expect(result.stderr.contains("content/zcwj/b.md:3: 错误："), "\(result.stderr)")
    }
}
