import Foundation
import GongkaiContent
import GongkaiModel
import GongkaiTestSupport
import Testing

@testable import GongkaiIntake

/// A content directory with a site.yml, for the import jobs.
struct TemporaryContent {
    let root: URL

    static let site = """
        网站名称: 测试门户
        网址: https://test.example/portal/
        主办单位: 测试单位
        网站标识码: "4300000000"
        每页条数: 20
        栏目:
          - 标题: 政策文件
            路径: zcwj
            更新类别: 政策文件
          - 标题: 计划总结
            路径: jhzj
            更新类别: 规划计划
        """

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("gongkai-intake-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        try Self.site.write(to: root.appendingPathComponent("site.yml"), atomically: true, encoding: .utf8)
    }

    func input(_ name: String, _ data: Data) throws -> URL {
        let directory = root.deletingLastPathComponent().appendingPathComponent("in-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let url = directory.appendingPathComponent(name)
        try data.write(to: url)
        return url
    }

    var files: [String] {
        (FileManager.default.enumerator(atPath: root.path)?.allObjects as? [String] ?? []).filter { ($0.hasSuffix(".md") || $0.hasSuffix(".yml")) && $0 != "site.yml" }.sorted()
    }
}

@Suite struct ImportJobTests {
    static func comparable(_ text: String) -> String {
        String(text.filter { !$0.isWhitespace && !"（）()[]【】。\"'，,；;：:、|/.".contains($0) })
    }

    /// Every paragraph and table cell of every fixture and seed, in every format it is tested
    /// in, is in the files written: as content or as a comment.
    @Test(arguments: [
        "two-level-labels.txt", "flattened-table.txt", "sections-numbers.txt", "bar-table.txt", "cell-lines.txt", "two-level-labels.docx", "merged.docx",
        "merged.html", "flattened-table.html", "seed0.txt", "seed1.txt", "seed2.txt", "seed3.txt", "seed4.txt",
    ])
    func losesNothing(_ name: String) throws {
        let content = try TemporaryContent()
        let data: Data
        switch name {
        case "two-level-labels.docx": data = try DocxBuilder.fromText(try Fixture.text("two-level-labels")).data()
        case "merged.docx": data = try FormatTests.mergedDocx.data()
        case "merged.html": data = Data(Fixture.mergedHTML.utf8)
        case "flattened-table.html": data = Data(Fixture.html(try Fixture.text("flattened-table")).utf8)
        case let seed where seed.hasPrefix("seed"): data = Data(try Seeds.text(Int(String(seed.dropFirst(4).prefix(1)))!).utf8)
        default: data = Data(try Fixture.text(String(name.dropLast(4))).utf8)
        }
        let input = try content.input(name, data)
        let prepared = try PlanImport.prepare(file: input, display: name, content: content.root, contentDisplay: "content", id: nil, column: nil)
        // Read back as an editor's files would be: the plans through the loader, the notice
        // and the plan files' comments as text.
        _ = try prepared.write(to: content.root, contentDisplay: "content", force: false)
        var corpus = prepared.files.map(\.text).joined()
        for plan in try ContentLoader(directory: content.root, display: "content").load().site.plans {
            corpus += plan.title + plan.preamble
            for section in plan.sections {
                corpus += section.numberText + "、" + section.title
                for item in section.items {
                    corpus += item.numberText + (item.title.map { $0 + "。" } ?? "") + item.body + (item.assignment ?? "")
                }
            }
        }
        corpus = Self.comparable(corpus)
        let document = try SourceReader.read(input, display: name).get()
        var fix = PunctuationFix()
        var lost: [String] = []
        for text in document.writtenTexts {
            for line in text.split(separator: "\n") {
                let wanted = Self.comparable(fix.fix(TextCleaner.clean(String(line))))
                guard !wanted.isEmpty, !corpus.contains(wanted) else { continue }
                // A line read as a flattened table row: each of its cells must be there.
                // (a cell's text glued to the unit cell after it is two cells.)
                let cells = line.split(whereSeparator: { $0 == " " || $0 == "|" }).flatMap { token -> [String] in
                    let token = String(token)
                    if let (text, units) = FlatTable.splitTail(token, units: UnitCells()) { return [text, units] }
                    return [token]
                }.map { Self.comparable(fix.fix(TextCleaner.clean($0))) }
                if cells.count > 1, cells.allSatisfy({ corpus.contains($0) }) { continue }
                lost.append(String(line.prefix(50)))
            }
        }
        #expect(lost.isEmpty, "\(name): not in the output:\n\(lost.joined(separator: "\n"))")
    }

    @Test func writesNothingWhenTheImportFails() throws {
        let content = try TemporaryContent()
        let before = content.files
        let input = try content.input("通知.txt", Data("某县关于值班的通知\n请各单位做好值班安排。".utf8))
        #expect(throws: DiagnosticError.self) {
            try PlanImport.prepare(file: input, display: "通知.txt", content: content.root, contentDisplay: "content", id: nil, column: nil)
        }
        #expect(content.files == before)
    }

    @Test func derivesTheIDRefusesToOverwriteAndWritesWithForce() throws {
        let content = try TemporaryContent()
        let input = try content.input("通知.txt", Data(try Fixture.text("two-level-labels").utf8))
        let prepared = try PlanImport.prepare(file: input, display: "通知.txt", content: content.root, contentDisplay: "content", id: nil, column: nil)
        #expect(prepared.files.map(\.path) == ["plans/qinglan-2024-zwgk.yml", "jhzj/qinglan-2024-zwgk.md"], "id from 青岚县 by transliteration")
        #expect(content.files.isEmpty, "prepare writes nothing (what --dry-run shows)")
        #expect(prepared.warnings.contains { $0.message.contains("没有文号") && $0.severity == .warning })
        _ = try prepared.write(to: content.root, contentDisplay: "content", force: false)
        #expect(content.files == ["jhzj/qinglan-2024-zwgk.md", "plans/qinglan-2024-zwgk.yml"])
        let notice = try String(contentsOf: content.root.appendingPathComponent("jhzj/qinglan-2024-zwgk.md"), encoding: .utf8)
        try "编辑改过".write(to: content.root.appendingPathComponent("plans/qinglan-2024-zwgk.yml"), atomically: true, encoding: .utf8)
        #expect(throws: DiagnosticError.self) { try prepared.write(to: content.root, contentDisplay: "content", force: false) }
        #expect(try String(contentsOf: content.root.appendingPathComponent("plans/qinglan-2024-zwgk.yml"), encoding: .utf8) == "编辑改过")
        _ = try prepared.write(to: content.root, contentDisplay: "content", force: true)
        #expect(try String(contentsOf: content.root.appendingPathComponent("plans/qinglan-2024-zwgk.yml"), encoding: .utf8) != "编辑改过")
        #expect(notice.contains("发文机关: 青岚县人民政府办公室"))
        #expect(notice.contains("成文日期: 2024-03-08") || notice.contains("成文日期: '2024-03-08'"))
        // The written files load back.
        let loaded = try ContentLoader(directory: content.root, display: "content").load()
        #expect(loaded.site.plans.first?.items.count == 7)
    }
}
