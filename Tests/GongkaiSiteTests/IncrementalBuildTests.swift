import Foundation
import GongkaiModel
import GongkaiSite
import GongkaiTestSupport
import Synchronization
import Testing

/// Incremental builds on the demo portal: after every step of a scripted series of edits,
/// renames and deletions, `site/` updated in place must be byte for byte the output of a whole
/// build, and only what changed may be rendered and written.
extension Array {
    func partitioned(_ belongs: (Element) -> Bool) -> ([Element], [Element]) {
        (filter(belongs), filter { !belongs($0) })
    }
}

@Suite struct IncrementalBuildTests {
    /// A step of the series: its name and what it does to the project.
    struct Step: Sendable {
        let name: String
        let change: @Sendable (Project) throws -> Void
    }

    /// After the demo's newest content, so that documents dated 2024 are published.
    static let day = CalendarDate(year: 2024, month: 6, day: 1)!
    static let policy = "content/xxgk/fdzdgknr/zcwj/application-rules-2023.md"
    static let policyPage = "xxgk/fdzdgknr/zcwj/application-rules-2023.html"
    static let searchData = "search/data/"

    static func edit(_ project: Project, _ path: String, _ transform: (String) -> String) throws {
        try project.write(path, transform(try project.read(path)))
    }

    struct NotFound: Error { let text: String }

    /// Replaces `old` in the file, and fails when the file does not hold it (a step that would
    /// change nothing).
    static func replace(_ project: Project, _ path: String, _ old: String, with new: String) throws {
        let text = try project.read(path)
        guard text.contains(old) else { throw NotFound(text: "\(path): \(old)") }
        try project.write(path, text.replacingOccurrences(of: old, with: new))
    }

    static let steps: [Step] = [
        Step(name: "nothing changed") { _ in },
        Step(name: "a sentence added to a body") { project in
            try edit(project, policy) { $0 + "\n本段为增量构建测试新增。\n" }
        },
        Step(name: "a title changed (listings, relations and the FAQ show it)") { project in
            try edit(project, policy) { $0.replacingOccurrences(of: "标题: 演示市政府信息公开申请办理规定（演示）", with: "标题: 演示市政府信息公开申请办理规定（演示，修订）") }
        },
        Step(name: "a document added") { project in
            try project.write(
                "content/xxgk/fdzdgknr/zcwj/added-2024.md",
                Project.document(
                    "标题: 增量构建测试通知\n发文机关: 演示县人民政府办公室（演示）\n发布日期: 2024-01-10", body: "新增的文件。"))
        },
        Step(name: "a linked document renamed, and the links to it updated") { project in
            let renamed = "content/xxgk/fdzdgknr/zcwj/application-rules-2023-rev.md"
            try project.write(renamed, try project.read(policy))
            try FileManager.default.removeItem(at: project.root.appendingPathComponent(policy))
            for path in ["content/xxgk/fdzdgknr/zcjd/application-rules-2023-jiedu.md", "content/faq/online-application.md"] {
                try edit(project, path) { $0.replacingOccurrences(of: "application-rules-2023.md", with: "application-rules-2023-rev.md") }
            }
        },
        Step(name: "a document deleted") { project in
            try FileManager.default.removeItem(at: project.root.appendingPathComponent("content/xxgk/fdzdgknr/zcwj/added-2024.md"))
        },
        // What a document page shows of other inputs than its own file.
        Step(name: "a question reworded (the documents it rests on list it)") { project in
            try replace(project, "content/faq/online-application.md", "问题: 政府信息公开申请可以在网上办理吗？", with: "问题: 依申请公开能否在网上办理？")
        },
        Step(name: "a consultation retitled (its draft and feedback documents link to it)") { project in
            try replace(project, "content/consultations/elderly-care-2024.md", "标题: 关于《演示市居家养老服务补贴办法", with: "标题: 关于《演示市居家养老服务补贴实施办法")
        },
        Step(name: "a column described in site.yml (its documents' meta tags show it)") { project in
            try replace(
                project, "content/site.yml", "      - 标题: 政府信息公开指南\n        路径: gkzn\n",
                with: "      - 标题: 政府信息公开指南\n        路径: gkzn\n        说明: 如何申请政府信息公开。\n")
        },
        Step(name: "plan progress recorded") { project in
            try edit(project, "content/plans/hunan-2023-zwgk.yml") { $0.replacingOccurrences(of: "      状态: 推进中", with: "      状态: 已完成") }
        },
        Step(name: "the site name changed in site.yml") { project in
            try edit(project, "content/site.yml") { $0.replacingOccurrences(of: "网站名称: 湖南省政务公开演示门户", with: "网站名称: 湖南省政务公开演示门户（测试）") }
        },
        Step(name: "a partial template changed") { project in
            try edit(project, "templates/partials/footer.mustache") { $0 + "<!-- 增量构建测试 -->\n" }
        },
        Step(name: "a stylesheet changed and an attachment added") { project in
            try edit(project, "templates/assets/gongkai.css") { $0 + "\n/* 增量构建测试 */\n" }
            try project.write("content/xxgk/fdzdgknr/zcwj/added-attachment.txt", "附件内容")
        },
    ]

    @Test func incrementalBuildsEqualWholeBuildsAfterEachStep() throws {
        let project = try Project()
        let whole = project.root.appendingPathComponent("whole")
        _ = try SiteBuilder.build(project.options(asOf: Self.day))
        for step in Self.steps {
            try step.change(project)
            let report = try SiteBuilder.build(project.options(asOf: Self.day))
            #expect(report.incremental, "\(step.name): the build should have updated site/ in place")
            var full = project.options(output: whole, asOf: Self.day)
            full.full = true
            let reference = try SiteBuilder.build(full)
            #expect(!reference.incremental)
            let built = Project.tree(project.site)
            let expected = Project.tree(whole)
            #expect(built.keys.sorted() == expected.keys.sorted(), "\(step.name): different files")
            let differing = expected.keys.filter { built[$0] != expected[$0] }.sorted()
            #expect(differing.isEmpty, "\(step.name): files differ from a whole build: \(differing.prefix(5))")
            // Every page a change touched is listed, and nothing else: what the two trees of the
            // previous and this step differ in.
            #expect(report.rendered <= report.pages)
        }
    }

    /// `committed` is told once per build, when the new output is in place (the page is there)
    /// and before the build cache is written, whether any file changed.
    @Test func committedIsToldOnceTheOutputIsInPlace() throws {
        let project = try Project()
        let calls = Mutex<[(changed: Bool, page: Bool, cache: Bool)]>([])
        var options = project.options(asOf: Self.day)
        let output = options.outputDirectory
        let cache = output.deletingLastPathComponent().appendingPathComponent(".\(output.lastPathComponent).cache")
        let page = options.outputDirectory.appendingPathComponent("index.html")
        options.committed = { changed in
            let seen = (changed, FileManager.default.fileExists(atPath: page.path), FileManager.default.fileExists(atPath: cache.path))
            calls.withLock { $0.append(seen) }
        }
        _ = try SiteBuilder.build(options)
        var seen = calls.withLock { $0 }
        #expect(seen.count == 1 && seen[0].changed && seen[0].page && !seen[0].cache)
        _ = try SiteBuilder.build(options)
        seen = calls.withLock { $0 }
        #expect(seen.count == 2 && !seen[1].changed && seen[1].page)
    }

    /// A rebuild that changes nothing leaves the build cache file as it is (not written again
    /// through a new file); an edit writes it, and the next build still reuses every page.
    @Test func aRebuildThatChangesNothingKeepsTheCacheFile() throws {
        let project = try Project()
        let options = project.options(asOf: Self.day)
        let output = options.outputDirectory
        let cache = output.deletingLastPathComponent().appendingPathComponent(".\(output.lastPathComponent).cache")
        func identity() throws -> String {
            let attributes = try FileManager.default.attributesOfItem(atPath: cache.path)
            return "\(attributes[.systemFileNumber] ?? "") \(attributes[.modificationDate] ?? "")"
        }
        _ = try SiteBuilder.build(options)
        let first = try identity()
        let unchanged = try SiteBuilder.build(options)
        #expect(unchanged.incremental && unchanged.rendered == 0 && unchanged.changes.isEmpty)
        #expect(try identity() == first, "nothing changed: the cache is not written again")
        try Self.edit(project, Self.policy) { $0 + "\n缓存应当重写。\n" }
        #expect(try SiteBuilder.build(options).rendered == 1)
        #expect(try identity() != first, "an edit changes a record: the cache is written")
        let next = try SiteBuilder.build(options)
        #expect(next.incremental && next.rendered == 0 && next.changes.isEmpty)
    }

    @Test func onlyTheEditedPageIsRenderedAndWritten() throws {
        let project = try Project()
        let first = try SiteBuilder.build(project.options(asOf: Self.day))
        #expect(!first.incremental)
        #expect(first.rendered == first.pages)
        let unchanged = try SiteBuilder.build(project.options(asOf: Self.day))
        #expect(unchanged.incremental)
        #expect(unchanged.rendered == 0)
        #expect(unchanged.changes.isEmpty)
        let before = try modificationTimes(project.site)

        try Self.edit(project, Self.policy) { $0 + "\n本段为增量构建测试新增。\n" }
        let report = try SiteBuilder.build(project.options(asOf: Self.day))
        #expect(report.rendered == 1)
        // The new words reach the search index: some of its shards change, not all of them.
        let (index, pages) = report.changes.partitioned { $0.path.hasPrefix(Self.searchData) }
        #expect(pages.map(\.path) == [Self.policyPage])
        #expect(report.changes.allSatisfy { $0.change == .changed })
        #expect(!index.isEmpty)
        #expect(index.count < Project.tree(project.site).keys.filter { $0.hasPrefix(Self.searchData) }.count)
        #expect(try project.read("site/\(Self.policyPage)").contains("本段为增量构建测试新增。"))
        let after = try modificationTimes(project.site)
        let touched = after.keys.filter { after[$0] != before[$0] && !$0.hasPrefix(Self.searchData) }.sorted()
        #expect(touched == [Self.policyPage], "only the edited page's file may be rewritten")
        #expect(
            Set(after.keys.filter { after[$0] != before[$0] }) == Set(report.changes.map(\.path)),
            "exactly the files listed as changed were rewritten")
    }

    @Test func aTitleChangeRerendersTheListingsThatShowIt() throws {
        let project = try Project()
        _ = try SiteBuilder.build(project.options(asOf: Self.day))
        try Self.edit(project, Self.policy) { $0.replacingOccurrences(of: "标题: 演示市政府信息公开申请办理规定（演示）", with: "标题: 改过标题的规定") }
        let report = try SiteBuilder.build(project.options(asOf: Self.day))
        let changed = Set(report.changes.map(\.path))
        #expect(changed.contains(Self.policyPage))
        #expect(changed.contains("xxgk/fdzdgknr/zcwj/index.html"), "the column listing shows the title")
        #expect(changed.contains("xxgk/fdzdgknr/zcjd/application-rules-2023-jiedu.html"), "the interpretation links to it by title")
        #expect(report.rendered < report.pages / 2)
        for path in changed where !path.hasPrefix(Self.searchData) {
            let text = try project.read("site/\(path)")
            #expect(text.contains("改过标题的规定") || path.hasSuffix(".xml"), "\(path) was rewritten but does not show the new title")
        }
    }

    /// Every page whose file changed was rendered; with `exactly`, nothing else was.
    static func renderedTheChangedPages(_ report: BuildReport, _ step: String, exactly: Bool = true) {
        let pages = report.changes.filter { !$0.path.hasPrefix(searchData) }
        #expect(report.rendered >= pages.count, "\(step): \(report.rendered) pages rendered, \(pages.count) changed")
        if exactly { #expect(report.rendered == pages.count, "\(step): \(report.rendered) pages rendered, \(pages.count) changed") }
        #expect(pages.allSatisfy { $0.change == .changed }, "\(step)")
    }

    @Test func theRenderStageFollowsTheEdit() throws {
        let project = try Project()
        _ = try SiteBuilder.build(project.options(asOf: Self.day))
        try Self.edit(project, Self.policy) { $0 + "\n只改正文。\n" }
        let body = try SiteBuilder.build(project.options(asOf: Self.day))
        #expect(body.rendered == 1, "a body edit renders the document's page alone")
        Self.renderedTheChangedPages(body, "body edit")

        try Self.edit(project, Self.policy) { $0.replacingOccurrences(of: "标题: 演示市政府信息公开申请办理规定（演示）", with: "标题: 只改标题的规定") }
        let title = try SiteBuilder.build(project.options(asOf: Self.day))
        // Some views hold a summary their template does not show in full: a few pages are rendered
        // to the same bytes (the fingerprint is the view, not the output).
        Self.renderedTheChangedPages(title, "title edit", exactly: false)
        #expect(title.rendered < title.pages / 4)
        let listings = title.changes.map(\.path).filter { !$0.hasPrefix(Self.searchData) && $0 != Self.policyPage }
        #expect(listings.contains("xxgk/fdzdgknr/zcwj/index.html"))
        #expect(listings.contains("index.html"), "the home page lists the newest policies")
        for path in listings where path.hasSuffix(".html") {
            #expect(try project.read("site/\(path)").contains("只改标题的规定"), "\(path) was rendered but does not show the title")
        }

        // A column's title is in the side tree of the pages of its section and on the sitemap
        // page, not in the main menu: those pages are rendered, the others kept.
        try Self.edit(project, "content/site.yml") {
            $0.replacingOccurrences(of: "      - 标题: 通知公告\n            路径: tzgg", with: "      - 标题: 通知公告栏\n            路径: tzgg")
        }
        let column = try SiteBuilder.build(project.options(asOf: Self.day))
        // Views holding the chrome whose template does not show the side tree are rendered to the same bytes.
        Self.renderedTheChangedPages(column, "column title", exactly: false)
        #expect(column.rendered > 2 && column.rendered < column.pages, "\(column.rendered) of \(column.pages) pages")
        #expect(column.changes.contains { $0.path == "xxgk/fdzdgknr/zcwj/index.html" }, "a sibling column's page shows the tree")
        #expect(!column.changes.contains { $0.path == "accessibility.html" }, "a page outside the column tree shows no side tree")

        try Self.edit(project, "content/site.yml") {
            $0.replacingOccurrences(of: "网站名称: 湖南省政务公开演示门户", with: "网站名称: 湖南省政务公开演示门户（改名）")
        }
        let name = try SiteBuilder.build(project.options(asOf: Self.day))
        let html = Project.tree(project.site).keys.filter { $0.hasSuffix(".html") && !$0.hasPrefix(Self.searchData) }
        #expect(Set(html).isSubset(of: Set(name.changes.map(\.path))), "every HTML page shows the site's name")
        Self.renderedTheChangedPages(name, "site name", exactly: false)
    }

    @Test func aFailedBuildLeavesSiteAndCacheUsable() throws {
        let project = try Project()
        _ = try SiteBuilder.build(project.options(asOf: Self.day))
        let before = Project.tree(project.site)
        let good = try project.read(Self.policy)
        try project.write(Self.policy, good + "\n[坏链接](../zcjd/missing.md)\n")
        #expect(throws: DiagnosticError.self) { try SiteBuilder.build(project.options(asOf: Self.day)) }
        #expect(Project.tree(project.site) == before, "a failed incremental build must not touch site/")
        try project.write(Self.policy, good + "\n修好了。\n")
        let report = try SiteBuilder.build(project.options(asOf: Self.day))
        #expect(report.incremental)
        #expect(report.changes.map(\.path).filter { !$0.hasPrefix(Self.searchData) } == [Self.policyPage])
    }

    @Test func aFileChangedByHandInTheOutputIsRestored() throws {
        let project = try Project()
        _ = try SiteBuilder.build(project.options(asOf: Self.day))
        let original = try project.read("site/index.html")
        try project.write("site/index.html", "被误改的首页")
        try FileManager.default.removeItem(at: project.site.appendingPathComponent("404.html"))
        let report = try SiteBuilder.build(project.options(asOf: Self.day))
        #expect(try project.read("site/index.html") == original)
        #expect(project.exists("site/404.html"))
        #expect(Set(report.changes.map(\.path)) == ["index.html", "404.html"])
    }

    @Test func theChangedListNamesAddedChangedAndDeletedFiles() throws {
        let project = try Project()
        #expect(try project.run(["build", "--quiet", "--as-of", "2024-06-01"]).status == 0)
        try project.write(
            "content/xxgk/fdzdgknr/zcwj/added-2024.md",
            Project.document(
                "标题: 变更清单测试\n发布日期: 2024-01-10", body: "新增。"))
        try FileManager.default.removeItem(at: project.root.appendingPathComponent("content/xxgk/fdzdgknr/zcwj/new-media-rules-2023.md"))
        let run = try project.run(["build", "--as-of", "2024-06-01", "--changed-list", "changed.txt"])
        #expect(run.status == 0, "\(run.stderr)")
        let lines = Set(try project.read("changed.txt").split(separator: "\n").map(String.init))
        #expect(lines.contains("A\txxgk/fdzdgknr/zcwj/added-2024.html"))
        #expect(lines.contains("D\txxgk/fdzdgknr/zcwj/new-media-rules-2023.html"))
        #expect(lines.contains("M\txxgk/fdzdgknr/zcwj/index.html"))
        #expect(!lines.contains { $0.hasSuffix("accessibility.html") }, "a page that did not change is not listed")
        #expect(run.stdout.contains("重新生成"), "the summary line says how many pages were rendered")
    }

    @Test func theSearchIndexIsKeptWhenNoDocumentChanged() throws {
        let project = try Project()
        _ = try SiteBuilder.build(project.options(asOf: Self.day))
        try Self.edit(project, "templates/partials/footer.mustache") { $0 + "<!-- 只改模板 -->\n" }
        let report = try SiteBuilder.build(project.options(asOf: Self.day))
        #expect(report.rendered == report.pages, "every page shows the footer")
        #expect(!report.searchIndexRebuilt, "no document changed, so the index is kept without segmenting anything")
        #expect(!report.changes.contains { $0.path.hasPrefix(Self.searchData) })
        try Self.edit(project, Self.policy) { $0 + "\n检索索引应当重建。\n" }
        #expect(try SiteBuilder.build(project.options(asOf: Self.day)).searchIndexRebuilt)
    }

    private func modificationTimes(_ directory: URL) throws -> [String: Date] {
        var times: [String: Date] = [:]
        let base = directory.standardizedFileURL.path + "/"
        let enumerator = FileManager.default.enumerator(at: directory, includingPropertiesForKeys: [.contentModificationDateKey, .isRegularFileKey])!
        for case let url as URL in enumerator {
            let values = try url.resourceValues(forKeys: [.contentModificationDateKey, .isRegularFileKey])
            guard values.isRegularFile == true else { continue }
            times[String(url.standardizedFileURL.path.dropFirst(base.count))] = values.contentModificationDate
        }
        return times
    }
}
