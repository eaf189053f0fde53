import Foundation
import GongkaiModel
import GongkaiOutput
import GongkaiTestSupport
import Testing

@testable import GongkaiSite

/// The build state beside the output (`.site.cache`, `.site.search`, `.site.content`): a rebuild reuses what did
/// not change, a damaged state is discarded with one notice and never makes a build wrong, and
/// after any series of edits an incremental build is byte for byte a whole build.
@Suite(.serialized) struct BuildStateTests {
    static let day = IncrementalBuildTests.day
    static let column = "content/xxgk/fdzdgknr/zcwj/"

    /// Builds in place, then a whole build into `whole/`; the two trees must be equal.
    static func expectSameAsWholeBuild(_ project: Project, _ step: String) throws -> BuildReport {
        let report = try SiteBuilder.build(project.options(asOf: day))
        var full = project.options(output: project.root.appendingPathComponent("whole"), asOf: day)
        full.full = true
        _ = try SiteBuilder.build(full)
        let built = Project.tree(project.site)
        let expected = Project.tree(project.root.appendingPathComponent("whole"))
        #expect(built.keys.sorted() == expected.keys.sorted(), "\(step): different files")
        let differing = expected.keys.filter { built[$0] != expected[$0] }.sorted()
        #expect(differing.isEmpty, "\(step): files differ from a whole build: \(differing.prefix(5))")
        return report
    }

    @Test func aRebuildSegmentsOnlyTheEditedDocumentAlsoInANewProcess() throws {
        let project = try Project()
        defer { project.remove() }
        let first = try SiteBuilder.build(project.options(asOf: Self.day))
        #expect(first.searchAnalyzed > 5)
        #expect(project.exists(".site.search"), "the analyses are kept beside the output")
        try IncrementalBuildTests.edit(project, IncrementalBuildTests.policy) { $0 + "\n状态测试新增的一句。\n" }
        #expect(try SiteBuilder.build(project.options(asOf: Self.day)).searchAnalyzed == 1)
        try IncrementalBuildTests.edit(project, IncrementalBuildTests.policy) { $0 + "\n又一句。\n" }
        let report = try Self.expectSameAsWholeBuild(project, "after a new process")
        #expect(report.searchAnalyzed == 1, "the analyses of the other documents come from .site.search")
        #expect(report.searchPatched, "only the shards of the terms that changed were rewritten")
        #expect(!report.warnings.contains { $0.rule == "cache-discarded" })
    }

    @Test func aBodyEditKeepsTheSearchDisplayAndFacetFilesAndATitleEditMakesThem() throws {
        let project = try Project()
        defer { project.remove() }
        _ = try SiteBuilder.build(project.options(asOf: Self.day))
        project.newProcess()
        try IncrementalBuildTests.edit(project, IncrementalBuildTests.policy) { $0 + "\n只改正文的一句。\n" }
        let body = try Self.expectSameAsWholeBuild(project, "a body edit")
        #expect(body.searchPatched && body.searchMetadataKept, "no record's metadata moved: display chunks and facets kept")
        let searchFiles = body.changes.map(\.path).filter { $0.hasPrefix(IncrementalBuildTests.searchData) }
        #expect(!searchFiles.isEmpty && searchFiles.allSatisfy { !$0.contains("/d/") && !$0.contains("/f/") }, "\(searchFiles)")
        project.newProcess()
        try IncrementalBuildTests.replace(project, IncrementalBuildTests.policy, "\n标题: ", with: "\n标题: 修订后的")
        let title = try Self.expectSameAsWholeBuild(project, "a title edit")
        #expect(title.searchPatched && !title.searchMetadataKept, "a title is in the display chunk: it is made again")
        #expect(title.changes.contains { $0.path.hasPrefix(IncrementalBuildTests.searchData + "d/") }, "\(title.changes.map(\.path))")
    }

    @Test func aFailedBuildLeavesTheStateAsItWas() throws {
        let project = try Project(files: ["zcwj/policy.md": Project.document("标题: 状态测试规定\n发布日期: 2024-01-10", body: "原来的正文。")])
        defer { project.remove() }
        _ = try SiteBuilder.build(project.options(asOf: Self.day))
        let before = try Data(contentsOf: project.root.appendingPathComponent(".site.search"))
        try project.write("content/zcwj/policy.md", Project.document("标题: 状态测试规定\n发布日期: 2024-01-10", body: "新的正文。[坏链接](missing.md)"))
        #expect(throws: DiagnosticError.self) { try SiteBuilder.build(project.options(asOf: Self.day)) }
        #expect(try Data(contentsOf: project.root.appendingPathComponent(".site.search")) == before, "a failed build changed the state")
    }

    /// Damages a state file: truncated, scrambled, empty, or marked as another program's.
    static func damage(_ project: Project, _ file: String, _ damage: String) throws {
        let url = project.root.appendingPathComponent(file)
        var bytes = try Data(contentsOf: url)
        switch damage {
        case "truncated": bytes = bytes.prefix(bytes.count * 2 / 3)
        case "scrambled": for index in stride(from: 40, to: bytes.count, by: 97) { bytes[index] = bytes[index] &+ 13 }
        case "empty": bytes = Data()
        default: bytes[9] ^= 1  // the key of the program that wrote it
        }
        try bytes.write(to: url)
    }

    @Test(arguments: ["truncated", "scrambled", "empty", "another program"])
    func aDamagedStateIsDiscardedWithOneNoticeAndTheBuildIsRight(_ damage: String) throws {
        let project = try Project()
        defer { project.remove() }
        let first = try SiteBuilder.build(project.options(asOf: Self.day))
        try Self.damage(project, ".site.search", damage)
        try IncrementalBuildTests.edit(project, IncrementalBuildTests.policy) { $0 + "\n损坏状态之后的修改。\n" }
        let report = try Self.expectSameAsWholeBuild(project, damage)
        let notices = report.warnings.filter { $0.rule == "cache-discarded" }
        #expect(notices.count == 1, "\(damage): \(notices)")
        #expect(notices.first?.file == ".site.search")
        #expect(report.searchAnalyzed == first.searchAnalyzed, "every document is analysed again")
        try IncrementalBuildTests.edit(project, IncrementalBuildTests.policy) { $0 + "\n再改一次。\n" }
        let next = try SiteBuilder.build(project.options(asOf: Self.day))
        #expect(next.searchAnalyzed == 1, "the state written after the discarded one is used again")
        #expect(!next.warnings.contains { $0.rule == "cache-discarded" })
    }

    /// The log beside a state's directory (`.site.search` → `.site.search-<generation>`): one generation.
    static func log(_ project: Project, of directory: String = ".site.search") throws -> String {
        let names = try FileManager.default.contentsOfDirectory(atPath: project.root.path).filter { $0.hasPrefix(directory + "-") }
        #expect(names.count == 1, "one generation of the log: \(names)")
        return try #require(names.first)
    }

    @Test(arguments: ["truncated", "scrambled", "empty", "another program"])
    func aDamagedLogOfAnalysesNeverMakesABuildWrong(_ damage: String) throws {
        let project = try Project()
        defer { project.remove() }
        let first = try SiteBuilder.build(project.options(asOf: Self.day))
        try Self.damage(project, try Self.log(project), damage)
        try IncrementalBuildTests.edit(project, IncrementalBuildTests.policy) { $0 + "\n日志损坏之后的修改。\n" }
        let report = try Self.expectSameAsWholeBuild(project, damage)
        let notices = report.warnings.filter { $0.rule == "cache-discarded" }
        #expect(notices.count <= 1, "\(damage): \(notices)")
        if damage != "truncated" {
            // The edited document's old analysis cannot be read: nothing in the log is trusted.
            #expect(notices.count == 1 && notices.first?.file == ".site.search", "\(damage): \(notices)")
            #expect(report.searchAnalyzed == first.searchAnalyzed, "\(damage): every document is analysed again")
        }
        try IncrementalBuildTests.edit(project, IncrementalBuildTests.policy) { $0 + "\n再改一次。\n" }
        let next = try Self.expectSameAsWholeBuild(project, "\(damage), then an edit")
        #expect(next.searchAnalyzed == 1)
        #expect(next.searchPatched)
        #expect(!next.warnings.contains { $0.rule == "cache-discarded" })
        _ = try Self.log(project)
    }

    @Test func anUnchangedRebuildReadsNoDocumentAgainAlsoInANewProcess() throws {
        let project = try Project()
        defer { project.remove() }
        let first = try SiteBuilder.build(project.options(asOf: Self.day))
        #expect(first.reread > 20, "a first build reads every document")
        #expect(project.exists(".site.content"), "what was read is kept beside the output")
        #expect(try SiteBuilder.build(project.options(asOf: Self.day)).reread == 0, "from memory")
        project.newProcess()
        #expect(try SiteBuilder.build(project.options(asOf: Self.day)).reread == 0, "from .site.content")
        // Touched, not changed: the stamp moved, the bytes hash the same.
        let url = project.root.appendingPathComponent(IncrementalBuildTests.policy)
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: 5)], ofItemAtPath: url.path)
        project.newProcess()
        let touched = try Self.expectSameAsWholeBuild(project, "touched")
        #expect(touched.reread == 0)
        try IncrementalBuildTests.edit(project, IncrementalBuildTests.policy) { $0 + "\n一处修改。\n" }
        #expect(try SiteBuilder.build(project.options(asOf: Self.day)).reread == 1, "only the edited file")
        project.newProcess()
        try IncrementalBuildTests.edit(project, IncrementalBuildTests.policy) { $0 + "\n又一处修改。\n" }
        let report = try Self.expectSameAsWholeBuild(project, "edited, new process")
        #expect(report.reread == 1)
        #expect(!report.warnings.contains { $0.rule == "cache-discarded" })
    }

    /// Each step once from memory and once from the state file, compared with a whole build.
    @Test func everyKindOfSourceChangeGivesTheWholeBuildsOutput() throws {
        let site = ColumnFieldTests.site
        let project = try Project(
            files: [
                "zcwj/gfxwj/rule.md": Project.document("标题: 管理办法\n发布日期: 2023-06-01\n复审日期: 2023-07-01\n登记编号: CSXX-2023-001"),
                "zcjd/reading.md": Project.document("标题: 解读\n发布日期: 2023-06-02\n复审日期: 2023-07-01\n解读对象: zcwj/gfxwj/rule"),
                "zcwj/notice.md": Project.document("标题: 通知\n发布日期: 2023-06-03", body: "通知正文。"),
            ], site: site)
        defer { project.remove() }
        _ = try SiteBuilder.build(project.options(asOf: Self.day))
        let steps: [(String, () throws -> Void)] = [
            ("a body edit", { try IncrementalBuildTests.edit(project, "content/zcwj/notice.md") { $0 + "\n新增一段。\n" } }),
            ("a front-matter edit", { try IncrementalBuildTests.edit(project, "content/zcwj/notice.md") { $0.replacingOccurrences(of: "标题: 通知", with: "标题: 改过的通知") } }),
            (
                "a touch",
                {
                    let path = project.content.appendingPathComponent("zcwj/notice.md").path
                    try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: 60)], ofItemAtPath: path)
                }
            ),
            (
                "a rename",
                {
                    try FileManager.default.moveItem(
                        at: project.content.appendingPathComponent("zcwj/notice.md"), to: project.content.appendingPathComponent("zcwj/notice-2023.md"))
                }
            ),
            ("a new file", { try project.write("content/zcwj/added.md", Project.document("标题: 新文件\n发布日期: 2023-06-04\n文号: 测发〔2023〕9号")) }),
            ("a deletion", { try FileManager.default.removeItem(at: project.content.appendingPathComponent("zcwj/added.md")) }),
            (
                "site.yml declares a field for another column",
                {
                    try IncrementalBuildTests.edit(project, "content/site.yml") {
                        $0.replacingOccurrences(of: "    路径: zcjd", with: "    路径: zcjd\n    字段:\n      - 键: 复审日期\n        类型: 日期")
                    }
                }
            ),
            ("site.yml renames a field", { try IncrementalBuildTests.edit(project, "content/site.yml") { $0.replacingOccurrences(of: "名称: 合法性审核单位", with: "名称: 审核机关") } }),
            ("a reference edited", { try IncrementalBuildTests.edit(project, "content/zcjd/reading.md") { $0.replacingOccurrences(of: "解读对象: zcwj/gfxwj/rule\n", with: "") } }),
        ]
        for (name, change) in steps {
            try change()
            _ = try Self.expectSameAsWholeBuild(project, "\(name), from memory")
            project.newProcess()
            try IncrementalBuildTests.edit(project, "content/zcwj/gfxwj/rule.md") { $0 + "\n\(name)之后。\n" }
            _ = try Self.expectSameAsWholeBuild(project, "\(name), from the file")
        }
        let page = try project.read("site/zcjd/reading.html")
        #expect(page.contains("复审日期</dt>"), "the field site.yml declared for the column is shown")
    }

    /// Pages are compared by their views only when what they are made from at all moved: after
    /// a body edit, the edited document's page alone; after a data file's edit, every page.
    @Test func aBodyEditMakesTheViewOfItsOwnPageAlone() throws {
        let project = try Project()
        defer { project.remove() }
        let first = try SiteBuilder.build(project.options(asOf: Self.day))
        #expect(first.compared == first.pages)
        let unchanged = try SiteBuilder.build(project.options(asOf: Self.day))
        #expect(unchanged.compared == 0, "nothing changed, no view made")
        #expect(unchanged.rendered == 0)
        try IncrementalBuildTests.edit(project, IncrementalBuildTests.policy) { $0 + "\n只改正文的一句。\n" }
        let body = try Self.expectSameAsWholeBuild(project, "a body edit")
        #expect(body.compared == 1, "only the edited document's page made its view")
        #expect(body.rendered == 1)
        project.newProcess()
        try IncrementalBuildTests.edit(project, "content/faq/online-application.md") { $0 + "\n补充的回答。\n" }
        let question = try Self.expectSameAsWholeBuild(project, "a question's answer edited")
        #expect(question.compared == question.pages, "a data file moves the outline: every page is compared")
        #expect(question.rendered < question.pages / 2, "and only the pages that show it are rendered")
    }

    @Test func aPlanEditGivesTheWholeBuildsOutput() throws {
        let project = try Project()
        defer { project.remove() }
        _ = try SiteBuilder.build(project.options(asOf: Self.day))
        project.newProcess()
        try IncrementalBuildTests.edit(project, "content/plans/hunan-2023-zwgk.yml") { $0.replacingOccurrences(of: "      状态: 推进中", with: "      状态: 已完成") }
        let report = try Self.expectSameAsWholeBuild(project, "a plan edit")
        #expect(report.reread == 0, "plans are read, documents are not")
        #expect(report.changes.contains { $0.path.hasPrefix("plans/") })
    }

    @Test(arguments: ["truncated", "scrambled", "empty", "another program"])
    func aDamagedContentStateIsDiscardedWithOneNoticeAndTheBuildIsRight(_ damage: String) throws {
        let project = try Project()
        defer { project.remove() }
        let first = try SiteBuilder.build(project.options(asOf: Self.day))
        // The directory, then its log of entries.
        for damagesLog in [false, true] {
            let file = damagesLog ? try Self.log(project, of: ".site.content") : ".site.content"
            try Self.damage(project, file, damage)
            project.newProcess()
            try IncrementalBuildTests.edit(project, IncrementalBuildTests.policy) { $0 + "\n损坏\(file)之后的修改。\n" }
            let report = try Self.expectSameAsWholeBuild(project, "\(file) \(damage)")
            let notices = report.warnings.filter { $0.rule == "cache-discarded" }
            #expect(notices.count == 1, "\(file) \(damage): \(notices)")
            #expect(notices.first?.file == ".site.content")
            #expect(report.reread == first.reread, "every document is read again")
            project.newProcess()
            #expect(try SiteBuilder.build(project.options(asOf: Self.day)).reread == 0, "the state written after the damaged one is used")
            _ = try Self.log(project, of: ".site.content")
        }
    }

    @Test func aFailedBuildLeavesTheContentStateAsItWas() throws {
        let project = try Project(files: ["zcwj/policy.md": Project.document("标题: 状态测试规定\n发布日期: 2024-01-10", body: "原来的正文。")])
        defer { project.remove() }
        _ = try SiteBuilder.build(project.options(asOf: Self.day))
        let before = try Data(contentsOf: project.root.appendingPathComponent(".site.content"))
        try project.write("content/zcwj/policy.md", Project.document("标题: 状态测试规定\n发布日期: 2024-01-10", body: "新的正文。[坏链接](missing.md)"))
        #expect(throws: DiagnosticError.self) { try SiteBuilder.build(project.options(asOf: Self.day)) }
        #expect(try Data(contentsOf: project.root.appendingPathComponent(".site.content")) == before, "a failed build changed the state")
        try project.write("content/zcwj/policy.md", Project.document("标题: 状态测试规定\n发布日期: 2024-01-10", body: "改好的正文。"))
        _ = try Self.expectSameAsWholeBuild(project, "mended after the failure")
    }

    /// A reproducible series of random edits, renames, deletions, template and site.yml changes
    /// and damaged state files; `GONGKAI_EDIT_STEPS` sets its length (bench/state-check runs 200).
    @Test func aSeededSeriesOfRandomChangesKeepsIncrementalEqualToWhole() throws {
        let steps = ProcessInfo.processInfo.environment["GONGKAI_EDIT_STEPS"].flatMap(Int.init) ?? 16
        var random = SeededRandom(seed: ProcessInfo.processInfo.environment["GONGKAI_EDIT_SEED"].flatMap(UInt64.init) ?? 18)
        let project = try Project()
        defer { project.remove() }
        _ = try SiteBuilder.build(project.options(asOf: Self.day))
        var added: [String] = []
        for step in 0..<steps {
            let documents = try FileManager.default.subpathsOfDirectory(atPath: project.content.path + "/xxgk")
                .filter { $0.hasSuffix(".md") }.sorted().map { "content/xxgk/" + $0 }
            let action = random.next(below: 10)
            var name = ""
            switch action {
            case 0, 1:
                let path = documents[random.next(below: documents.count)]
                name = "body of \(path)"
                try IncrementalBuildTests.edit(project, path) { $0 + "\n第\(step)次随机修改的正文。\n" }
            case 2:
                let path = documents[random.next(below: documents.count)]
                name = "title of \(path)"
                try IncrementalBuildTests.edit(project, path) { text in
                    text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
                        line.hasPrefix("标题: ") ? line + "（第\(step)次改）" : line
                    }.joined(separator: "\n")
                }
            case 3, 4:
                let path = Self.column + "series-\(step).md"
                name = "added \(path)"
                let month = 1 + random.next(below: 5)
                try project.write(
                    path,
                    Project.document(
                        "标题: 随机系列第\(step)号通知\n发文机关: 演示县人民政府办公室（演示）\n发布日期: 2024-0\(month)-1\(random.next(below: 10))",
                        body: "随机系列第\(step)号通知的正文，涉及政务公开和乡村振兴。"))
                added.append(path)
            case 5 where !added.isEmpty:
                let path = added.remove(at: random.next(below: added.count))
                name = "deleted \(path)"
                try FileManager.default.removeItem(at: project.root.appendingPathComponent(path))
            case 6 where !added.isEmpty:
                let index = random.next(below: added.count)
                let renamed = Self.column + "renamed-\(step).md"
                name = "renamed \(added[index]) to \(renamed)"
                try FileManager.default.moveItem(at: project.root.appendingPathComponent(added[index]), to: project.root.appendingPathComponent(renamed))
                added[index] = renamed
            case 7:
                name = "a template or site.yml changed"
                switch random.next(below: 3) {
                case 0:
                    try IncrementalBuildTests.edit(project, "templates/partials/footer.mustache") { $0 + "<!-- 第\(step)步 -->\n" }
                case 1:
                    // A column's title: the side tree of its section and the listings above it.
                    try IncrementalBuildTests.edit(project, "content/site.yml") {
                        $0.replacingOccurrences(of: "- 标题: 政策解读", with: "- 标题: 政策解读\(step)")
                    }
                default:
                    try IncrementalBuildTests.edit(project, "content/site.yml") {
                        $0.replacingOccurrences(of: "网站名称: 湖南省政务公开演示门户", with: "网站名称: 湖南省政务公开演示门户\(step)")
                    }
                }
            case 8:
                let file = [".site.search", try Self.log(project), ".site.cache", ".site.content", try Self.log(project, of: ".site.content")][
                    random.next(below: 5)]
                name = "\(file) damaged"
                let url = project.root.appendingPathComponent(file)
                var bytes = (try? Data(contentsOf: url)) ?? Data()
                if random.next(below: 2) == 0 {
                    bytes = bytes.prefix(random.next(below: bytes.count + 1))
                } else if !bytes.isEmpty {
                    for _ in 0..<8 { bytes[random.next(below: bytes.count)] = UInt8(random.next(below: 256)) }
                }
                try bytes.write(to: url)
                project.newProcess()
                try IncrementalBuildTests.edit(project, documents[random.next(below: documents.count)]) { $0 + "\n损坏后第\(step)步。\n" }
            default:
                let path = documents[random.next(below: documents.count)]
                name = "a new process, \(path) touched but not changed"
                try FileManager.default.setAttributes(
                    [.modificationDate: Date(timeIntervalSinceNow: Double(step))], ofItemAtPath: project.root.appendingPathComponent(path).path)
                project.newProcess()
            }
            _ = try Self.expectSameAsWholeBuild(project, "step \(step) (\(name))")
        }
    }
}

/// SplitMix64: the same seed gives the same series on every machine.
struct SeededRandom {
    var state: UInt64
    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var value = state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }

    mutating func next(below bound: Int) -> Int { bound <= 0 ? 0 : Int(next() % UInt64(bound)) }
}
