import Foundation
import GongkaiContent
import GongkaiModel
import GongkaiTestSupport
import Testing

@Suite struct ContentLoaderTests {
    @Test func readsChineseAndEnglishKeysIntoTheSameFields() throws {
        let content = try TemporaryContent([
            "xxgk/zcwj/a.md": TemporaryContent.document(
                """
                标题: 甲文件
                发文机关: 测试局
                文号: 测政发〔2023〕1号
                成文日期: 2023年3月1日
                发布日期: 2023-03-02 09:30
                有效性: 现行有效
                """),
            "xxgk/zcwj/b.md": TemporaryContent.document(
                """
                title: 乙文件
                issuer: 测试局
                doc_no: 测政发〔2023〕2号
                published: 2023-03-05
                validity: 已废止
                """),
        ])
        let site = try content.load().site
        let a = try #require(site.document("xxgk/zcwj/a"))
        let b = try #require(site.document("xxgk/zcwj/b"))
        #expect(a.title == "甲文件")
        #expect(a.issuer == "测试局")
        #expect(a.docNumber == "测政发〔2023〕1号")
        #expect(a.written == CalendarDate(year: 2023, month: 3, day: 1))
        #expect(a.published.minutePrecision == "2023-03-02 09:30")
        #expect(a.validity == .current)
        #expect(b.title == "乙文件")
        #expect(b.validity == .repealed)
        #expect(b.disclosure == .proactive, "主动公开 is the default")
        #expect(a.columnPath == "xxgk/zcwj")
        #expect(a.bodyLine == 9)
    }

    @Test func keepsUnknownKeysForTemplatesWithAWarning() throws {
        let content = try TemporaryContent([
            "xxgk/zcwj/a.md": TemporaryContent.document("标题: 甲\n发布日期: 2023-03-02\n联系人: 王科长")
        ])
        let loaded = try content.load()
        let document = try #require(loaded.site.document("xxgk/zcwj/a"))
        #expect(document.extra.map(\.key) == ["联系人"])
        #expect(document.extra.first?.value == "王科长")
        let warning = try #require(loaded.warnings.first { $0.message.contains("联系人") })
        #expect(warning.severity == .warning)
        #expect(warning.file == "content/xxgk/zcwj/a.md")
        #expect(warning.line == 4)
    }

    @Test func collectsEveryErrorOfTheRunWithFileAndLine() throws {
        let content = try TemporaryContent([
            "xxgk/zcwj/no-title.md": TemporaryContent.document("发布日期: 2023-03-02"),
            "xxgk/zcwj/bad-date.md": TemporaryContent.document("标题: 甲\n发布日期: 2023-02-30"),
            "xxgk/zcwj/bad-yaml.md": TemporaryContent.document("标题: 甲\n发布日期: [2023"),
            "xxgk/zcwj/bad-validity.md": TemporaryContent.document("标题: 甲\n发布日期: 2023-01-01\n有效性: 永久"),
            "nosuch/a.md": TemporaryContent.document("标题: 甲\n发布日期: 2023-03-02"),
        ])
        let errors = content.errors()
        func error(_ file: String) -> Diagnostic? { errors.first { $0.file == "content/\(file)" } }
        #expect(error("xxgk/zcwj/no-title.md")?.message.contains("标题") == true)
        #expect(error("xxgk/zcwj/bad-date.md")?.line == 3)
        #expect(error("xxgk/zcwj/bad-date.md")?.message.contains("2023-02-30") == true)
        #expect(error("xxgk/zcwj/bad-yaml.md")?.line == 3)
        #expect(error("xxgk/zcwj/bad-validity.md")?.message.contains("现行有效") == true)
        #expect(error("nosuch/a.md")?.message.contains("不是 site.yml 中定义的栏目") == true)
        #expect(errors.count == 5)
    }

    @Test func explainsAFullWidthColon() throws {
        let content = try TemporaryContent(["xxgk/zcwj/a.md": TemporaryContent.document("标题：甲")])
        let error = try #require(content.errors().first)
        #expect(error.message.contains("全角冒号"))
    }

    @Test func rejectsDuplicateSlugsNamingBothFiles() throws {
        let content = try TemporaryContent([
            "xxgk/zcwj/a.md": TemporaryContent.document("标题: 甲\n发布日期: 2023-01-01\n网址名: same"),
            "xxgk/zcwj/b.md": TemporaryContent.document("标题: 乙\n发布日期: 2023-01-01\n网址名: same"),
        ])
        let error = try #require(content.errors().first)
        #expect(error.file == "content/xxgk/zcwj/b.md")
        #expect(error.line == 4)
        #expect(error.message.contains("content/xxgk/zcwj/a.md"))
    }

    @Test func resolvesReferencesByPathDocumentNumberOrIndexNumberBothWays() throws {
        let content = try TemporaryContent([
            "xxgk/zcwj/policy.md": TemporaryContent.document("标题: 政策\n文号: 测政发〔2023〕1号\n发布日期: 2023-01-01\n索引号: 006939000/2023-00099"),
            "xxgk/zcjd/by-number.md": TemporaryContent.document("标题: 解读一\n发布日期: 2023-01-02\n解读对象: 测政发[2023]1号"),
            "xxgk/zcjd/by-path.md": TemporaryContent.document("标题: 解读二\n发布日期: 2023-01-03\n解读对象: xxgk/zcwj/policy"),
            "xxgk/zcjd/by-index.md": TemporaryContent.document("标题: 解读三\n发布日期: 2023-01-04\n解读对象: 006939000/2023-00099"),
            "xxgk/zcwj/new.md": TemporaryContent.document("标题: 新版\n发布日期: 2023-02-01\n替代: xxgk/zcwj/policy.md"),
        ])
        let site = try content.load().site
        let policy = try #require(site.document("xxgk/zcwj/policy"))
        #expect(policy.interpretedBy == ["xxgk/zcjd/by-index", "xxgk/zcjd/by-number", "xxgk/zcjd/by-path"])
        #expect(policy.replacedBy == ["xxgk/zcwj/new"])
        #expect(site.document("xxgk/zcjd/by-number")?.interprets == ["xxgk/zcwj/policy"])
    }

    @Test func reportsAReferenceThatLeadsNowhere() throws {
        let content = try TemporaryContent([
            "xxgk/zcjd/a.md": TemporaryContent.document("标题: 解读\n发布日期: 2023-01-02\n解读对象: 不存在的文件")
        ])
        let error = try #require(content.errors().first)
        #expect(error.line == 4)
        #expect(error.message.contains("不存在的文件"))
    }

    @Test func reportsAMissingAttachment() throws {
        let content = try TemporaryContent([
            "xxgk/zcwj/a.md": TemporaryContent.document("标题: 甲\n发布日期: 2023-01-01\n附件:\n  - a/表格.xlsx")
        ])
        let error = try #require(content.errors().first)
        #expect(error.message.contains("xxgk/zcwj/a/表格.xlsx"))
        try content.write("xxgk/zcwj/a/表格.xlsx", "x")
        let loaded = try content.load()
        #expect(loaded.assets == ["xxgk/zcwj/a/表格.xlsx"])
        #expect(loaded.site.document("xxgk/zcwj/a")?.attachments.first?.title == "表格.xlsx")
    }

    @Test func readsTheColumnTree() throws {
        let site = try TemporaryContent([:]).load().site
        #expect(site.columns.map(\.path) == ["xxgk", "xxgk/zcwj", "xxgk/zcjd"])
        #expect(site.column("xxgk")?.childPaths == ["xxgk/zcwj", "xxgk/zcjd"])
        #expect(site.column("xxgk/zcwj")?.updateClass == .policies)
        #expect(site.column("xxgk/zcjd")?.updateClass == .irregular)
        #expect(site.identity.pageSize == 2)
        #expect(site.identity.basePath == "/")
    }

    @Test func reportsBadSiteConfiguration() throws {
        let content = try TemporaryContent(
            [:],
            site: """
                网站名称: 测试
                网址: test.example
                网站标识码: "4300000000"
                栏目:
                  - 标题: 栏目
                    路径: Zheng Ce
                """)
        let messages = content.errors().map(\.description)
        #expect(messages.contains { $0.contains("site.yml:2") && $0.contains("https://") })
        #expect(messages.contains { $0.contains("主办单位") })
        #expect(messages.contains { $0.contains("site.yml:6") && $0.contains("小写英文字母") })
    }
}

@Suite struct IndexNumberTests {
    func numbers(_ files: [String: String]) throws -> [String: String] {
        let site = try TemporaryContent(files).load().site
        return Dictionary(uniqueKeysWithValues: site.documents.map { ($0.id, $0.indexNumber) })
    }

    @Test func generatesSerialsPerYearInPublicationOrder() throws {
        let numbers = try numbers([
            "xxgk/zcwj/b.md": TemporaryContent.document("标题: 乙\n发布日期: 2023-05-01"),
            "xxgk/zcwj/a.md": TemporaryContent.document("标题: 甲\n发布日期: 2023-03-01"),
            "xxgk/zcwj/c.md": TemporaryContent.document("标题: 丙\n发布日期: 2022-12-31"),
        ])
        #expect(numbers["xxgk/zcwj/a"] == "006939000/2023-00001")
        #expect(numbers["xxgk/zcwj/b"] == "006939000/2023-00002")
        #expect(numbers["xxgk/zcwj/c"] == "006939000/2022-00001")
    }

    @Test func staysStableWhenLaterDocumentsArePublishedAndSkipsWrittenSerials() throws {
        let before = try numbers([
            "xxgk/zcwj/a.md": TemporaryContent.document("标题: 甲\n发布日期: 2023-03-01"),
            "xxgk/zcwj/b.md": TemporaryContent.document("标题: 乙\n发布日期: 2023-05-01"),
        ])
        let after = try numbers([
            "xxgk/zcwj/a.md": TemporaryContent.document("标题: 甲\n发布日期: 2023-03-01"),
            "xxgk/zcwj/b.md": TemporaryContent.document("标题: 乙\n发布日期: 2023-05-01"),
            "xxgk/zcwj/later.md": TemporaryContent.document("标题: 后来的\n发布日期: 2023-09-01"),
            "xxgk/zcwj/pinned.md": TemporaryContent.document("标题: 写明的\n发布日期: 2023-01-01\n索引号: 006939000/2023-00003"),
            "xxgk/zcwj/private.md": TemporaryContent.document("标题: 依申请\n发布日期: 2023-10-01\n公开方式: 依申请公开"),
        ])
        #expect(after["xxgk/zcwj/a"] == before["xxgk/zcwj/a"])
        #expect(after["xxgk/zcwj/b"] == before["xxgk/zcwj/b"])
        #expect(after["xxgk/zcwj/later"] == "006939000/2023-00004", "00003 is taken by a written number")
        #expect(after["xxgk/zcwj/pinned"] == "006939000/2023-00003")
        #expect(after["xxgk/zcwj/private"] == "006939000/2023-00005")
    }

    @Test func rejectsADuplicateWrittenNumber() throws {
        let content = try TemporaryContent([
            "xxgk/zcwj/a.md": TemporaryContent.document("标题: 甲\n发布日期: 2023-03-01\n索引号: X/2023-00001"),
            "xxgk/zcwj/b.md": TemporaryContent.document("标题: 乙\n发布日期: 2023-03-01\n索引号: X/2023-00001"),
        ])
        let error = try #require(content.errors().first)
        #expect(error.file == "content/xxgk/zcwj/b.md")
        #expect(error.line == 4)
        #expect(error.message.contains("content/xxgk/zcwj/a.md"))
    }
}

/// A load given the `SourceState` of an earlier one reads only changed documents and gives the
/// same site; the state survives its encoding.
@Suite struct SourceStateTests {
    static let files = [
        "xxgk/zcwj/a.md": TemporaryContent.document("标题: 甲文件\n发布日期: 2023-03-02 09:30\n文号: 测政发〔2023〕1号\n标签: [一, 二]"),
        "xxgk/zcwj/b.md": TemporaryContent.document("标题: 乙文件\n发布日期: 2023-03-05\n解读对象: 测政发〔2023〕1号\n未知键: 值"),
    ]

    @Test func aLoadFromTheDecodedStateEqualsAFullLoad() throws {
        let content = try TemporaryContent(Self.files)
        // Files changed in the last second keep no stamp (`SourceState.racyWindow`).
        Thread.sleep(forTimeInterval: 1.1)
        let loader = ContentLoader(directory: content.root)
        let full = try loader.load()
        #expect(full.reread == 2)
        #expect(full.sources.count == 2)
        var written = full.sources
        let url = content.root.appendingPathComponent(".site.content")
        try written.write(to: url, key: 5)
        guard case .loaded(let decoded) = SourceState.read(from: url, key: 5) else {
            Issue.record("the state written was not read back")
            return
        }
        #expect(decoded.count == 2)
        let again = try loader.load(reusing: decoded)
        #expect(again.reread == 0)
        #expect(!again.sources.changed, "nothing to write when nothing moved")
        #expect(again.site.documents == full.site.documents)
        #expect(again.warnings == full.warnings)
        #expect(again.site.documents.first { $0.id == "xxgk/zcwj/a" }?.interpretedBy == ["xxgk/zcwj/b"], "references are resolved after loading")
    }

    /// The outline stands for all of content/ but the documents' bodies: a body edit leaves it,
    /// an edit to site.yml or a data file, or a file added, moves it.
    @Test func theOutlineMovesWithEverythingButADocumentsBody() throws {
        let content = try TemporaryContent(Self.files.merging(["faq/q.md": "---\n问题: 怎么办？\n主题: 测试\n答复日期: 2023-03-01\n---\n这样办。\n"]) { $1 })
        let loader = ContentLoader(directory: content.root)
        let first = try loader.load().outline
        #expect(try loader.load().outline == first, "the same content gives the same outline")
        func write(_ path: String, _ text: String) throws {
            try text.write(to: content.root.appendingPathComponent(path), atomically: true, encoding: .utf8)
        }
        try write("xxgk/zcwj/b.md", TemporaryContent.document("标题: 乙文件\n发布日期: 2023-03-05\n解读对象: 测政发〔2023〕1号\n未知键: 值", body: "改过的正文。"))
        let bodyEdited = try loader.load()
        #expect(bodyEdited.site.document("xxgk/zcwj/b")?.body.contains("改过的正文") == true)
        #expect(bodyEdited.outline == first, "a document's body is not part of the outline")
        var outlines: Set<UInt64> = [first]
        try write("faq/q.md", "---\n问题: 怎么办才好？\n主题: 测试\n答复日期: 2023-03-01\n---\n这样办。\n")
        #expect(outlines.insert(try loader.load().outline).inserted, "a question's file")
        try write("xxgk/zcwj/note.txt", "附件")
        #expect(outlines.insert(try loader.load().outline).inserted, "an attachment added")
        let site = try String(contentsOf: content.root.appendingPathComponent("site.yml"), encoding: .utf8)
        try write("site.yml", site.replacingOccurrences(of: "\n", with: "\n\n", options: [], range: site.range(of: "\n")))
        #expect(outlines.insert(try loader.load().outline).inserted, "site.yml")
    }

    @Test func anEditedDocumentIsReadAgainAndTheOthersAreNot() throws {
        let content = try TemporaryContent(Self.files)
        let loader = ContentLoader(directory: content.root)
        let first = try loader.load()
        try TemporaryContent.document("标题: 乙文件（改）\n发布日期: 2023-03-05").write(
            to: content.root.appendingPathComponent("xxgk/zcwj/b.md"), atomically: true, encoding: .utf8)
        let again = try loader.load(reusing: first.sources)
        #expect(again.reread == 1)
        #expect(again.sources.changed)
        #expect(again.site.documents.map(\.title).sorted() == ["乙文件（改）", "甲文件"])
        #expect(again.site.documents.first { $0.id == "xxgk/zcwj/a" }?.interpretedBy == [], "the removed reference is gone")
        #expect(try loader.load().site.documents == again.site.documents)
    }

    @Test func aFileChangedJustNowIsComparedByItsBytesNextTime() throws {
        let content = try TemporaryContent(Self.files)
        let loader = ContentLoader(directory: content.root)
        let first = try loader.load()
        // Rewritten in place within the same timestamp tick: same size, maybe the same stamp.
        let url = content.root.appendingPathComponent("xxgk/zcwj/a.md")
        let text = try String(contentsOf: url, encoding: .utf8)
        let handle = try FileHandle(forWritingTo: url)
        try handle.write(contentsOf: Data(text.replacingOccurrences(of: "甲文件", with: "丙文件").utf8))
        try handle.close()
        let again = try loader.load(reusing: first.sources)
        #expect(again.site.documents.contains { $0.title == "丙文件" })
        #expect(again.reread == 1)
    }

    @Test func anEditAppendsOneEntryAndDamagedStatesAreRefused() throws {
        let content = try TemporaryContent(Self.files)
        let loader = ContentLoader(directory: content.root)
        let url = content.root.appendingPathComponent(".site.content")
        var state = try loader.load().sources
        try state.write(to: url, key: 5)
        func log() throws -> URL {
            let names = try FileManager.default.contentsOfDirectory(atPath: content.root.path).filter { $0.hasPrefix(".site.content-") }
            #expect(names.count == 1, "one generation of the log: \(names)")
            return content.root.appendingPathComponent(try #require(names.first))
        }
        let size = try Data(contentsOf: log()).count
        try TemporaryContent.document("标题: 乙文件（改）\n发布日期: 2023-03-05").write(
            to: content.root.appendingPathComponent("xxgk/zcwj/b.md"), atomically: true, encoding: .utf8)
        var edited = try loader.load(reusing: state).sources
        try edited.write(to: url, key: 5)
        let grown = try Data(contentsOf: log())
        #expect(grown.count > size && grown.count < size * 2, "the edited document's entry is appended, the other is not written again")
        guard case .loaded(let reread) = SourceState.read(from: url, key: 5) else {
            Issue.record("the state after an edit was not read back")
            return
        }
        #expect(try loader.load(reusing: reread).site.documents == loader.load().site.documents)
        if case .loaded = SourceState.read(from: url, key: 6) { Issue.record("another key was trusted") }
        // The log cut short or changed: the entries it holds are refused, so the whole state is.
        let directory = try Data(contentsOf: url)
        for cut in stride(from: 0, to: grown.count, by: 97) {
            try grown.prefix(cut).write(to: log())
            if case .loaded = SourceState.read(from: url, key: 5) { Issue.record("a log cut at \(cut) was trusted") }
        }
        var scrambled = grown
        scrambled[grown.count - 3] ^= 0x41
        try scrambled.write(to: log())
        if case .loaded = SourceState.read(from: url, key: 5) { Issue.record("a changed byte in the log was trusted") }
        try grown.write(to: log())
        for cut in stride(from: 0, to: directory.count, by: 13) {
            try directory.prefix(cut).write(to: url)
            if case .loaded = SourceState.read(from: url, key: 5) { Issue.record("a directory cut at \(cut) was trusted") }
        }
    }
}
