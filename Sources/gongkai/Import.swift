import ArgumentParser
import Foundation
import GongkaiContent
import GongkaiModel
import GongkaiPlans

struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "把外部文本导入为网站内容。",
        subcommands: [ImportPlan.self])
}

struct ImportPlan: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "导入印发工作要点的通知（纯文本）：生成通知文件（.md）和每份工作要点的数据文件（content/plans/*.yml）。",
        discussion: """
            把网页或 PDF 中的通知全文复制到一个 UTF-8 文本文件中，然后运行，例如：
              gongkai import plan 通知.txt --id hunan
            导入提示会列出需要核对的地方（行号对应文本文件）；原网页上的“当前位置”“访问量”等内容以注释形式保留在通知文件开头。
            """)

    @Argument(help: ArgumentHelp("通知全文的文本文件（UTF-8）。", valueName: "文件"))
    var file: String

    @Option(help: ArgumentHelp("工作要点编号的前缀，用拼音或英文，如 hunan，生成 hunan-2023-zwgk。", valueName: "前缀"))
    var id: String

    @Option(help: ArgumentHelp("内容目录。", valueName: "目录"))
    var content = "content"

    @Option(help: ArgumentHelp("通知放入哪个栏目（路径），默认是更新类别为“规划计划”的第一个栏目。", valueName: "栏目"))
    var column: String?

    @Flag(help: "覆盖已存在的文件。")
    var force = false

    func validate() throws {
        guard !id.isEmpty, id.allSatisfy({ ($0.isASCII && ($0.isLowercase || $0.isNumber)) || $0 == "-" }) else {
            throw ValidationError("--id 只能由小写英文字母、数字和连字符组成，例如 hunan 或 shaoyang-city。")
        }
    }

    func run() throws {
        let source = URL(fileURLWithPath: file)
        let text: String
        switch SourceText.read(source, display: file) {
        case .failure(let diagnostic):
            DiagnosticPrinter.print([diagnostic])
            throw ExitCode(1)
        case .success(let value): text = value
        }
        let contentURL = URL(fileURLWithPath: content)
        let columnPath: String
        do {
            columnPath = try chooseColumn(ContentLoader(directory: contentURL, display: ProjectOptions.display(content)).columns())
        } catch let error as DiagnosticError {
            DiagnosticPrinter.print(error.diagnostics)
            throw ExitCode(1)
        }

        var result = PlanImporter(idPrefix: id).run(text)
        guard !result.plans.isEmpty else {
            DiagnosticPrinter.print(result.notes.map { .error(file, line: $0.line, $0.message) })
            throw ExitCode(1)
        }
        // The notice's id comes from its plans' year and kinds, so it is known only now.
        let year = result.plans.map(\.year).max() ?? 0
        let noticeSlug = ([id, String(year)] + result.plans.map(\.kind.slug)).joined(separator: "-")
        let noticeID = "\(columnPath)/\(noticeSlug)"
        for index in result.plans.indices { result.plans[index].notice = noticeID }

        var files: [(path: String, text: String)] = []
        let name = source.lastPathComponent
        for plan in result.plans {
            files.append(("plans/\(plan.id).yml", try ContentWriter.plan(plan, header: [
                "由 gongkai import plan 从 \(name) 导入。任务的“落实上级”“进展”由编辑填写。",
            ])))
        }
        files.append(("\(noticeID).md", try noticeFile(result, plans: result.plans.map(\.id), source: name)))

        let fileManager = FileManager.default
        if !force {
            let existing = files.map(\.path).filter { fileManager.fileExists(atPath: contentURL.appendingPathComponent($0).path) }
            if !existing.isEmpty {
                DiagnosticPrinter.print(existing.map { .error("\(content)/\($0)", "文件已存在。确认要覆盖请加 --force，或换一个 --id。") })
                throw ExitCode(1)
            }
        }
        for file in files {
            let url = contentURL.appendingPathComponent(file.path)
            try fileManager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(file.text.utf8).write(to: url)
            print("已写入 \(content)/\(file.path)")
        }
        for plan in result.plans {
            print("《\(plan.title)》：\(plan.sections.count) 个部分，\(plan.items.count) 项任务")
        }
        if !result.notes.isEmpty {
            print("请核对以下 \(result.notes.count) 处（行号对应 \(name)）：")
            for note in result.notes { print("  提示：\(note)") }
        }
    }

    private func chooseColumn(_ columns: [Column]) throws -> String {
        if let column {
            guard columns.contains(where: { $0.path == column }) else {
                throw DiagnosticError([.error("\(content)/site.yml", "没有路径为“\(column)”的栏目。现有栏目：\(columns.map(\.path).joined(separator: "、"))。")])
            }
            return column
        }
        guard let planning = columns.first(where: { $0.updateClass == .planning }) else {
            throw DiagnosticError([.error("\(content)/site.yml", "没有更新类别为“规划计划”的栏目，请用 --column 指定通知放入哪个栏目。")])
        }
        return planning.path
    }

    private func noticeFile(_ result: ImportResult, plans: [String], source: String) throws -> String {
        let notice = result.notice
        let key = FieldSchema.document.key
        var fields: [(String, ContentWriter.Value)] = [(key("title"), .text(notice.title))]
        if let issuer = notice.issuer { fields.append((key("issuer"), .text(issuer))) }
        if let number = notice.documentNumber { fields.append((key("doc_no"), .text(number))) }
        if let written = notice.written { fields.append((key("written"), .text(written.iso))) }
        if let published = notice.published ?? notice.written.map({ DateTime(date: $0) }) {
            fields.append((key("published"), .text(published.description)))
        }
        fields.append((key("type"), .text("通知")))
        fields.append((key("plans"), .list(plans)))
        var comments = ["由 gongkai import plan 从 \(source) 导入。"]
        if !notice.kept.isEmpty {
            comments.append("原文中未作为正文导入的内容：")
            comments += notice.kept.map { "  第\($0.line)行（\($0.role)）：\($0.text)" }
        }
        if !result.notes.isEmpty {
            comments.append("导入提示：")
            comments += result.notes.map { "  \($0)" }
        }
        return try ContentWriter.document(fields: fields, comments: comments, body: notice.body)
    }
}
