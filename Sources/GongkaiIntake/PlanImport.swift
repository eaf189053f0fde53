import Foundation
import GongkaiContent
import GongkaiModel

/// The files an import would write, under the content directory, with what to tell the editor.
public struct PreparedImport: Sendable {
    public struct File: Sendable {
        /// Relative to the content directory: `plans/hunan-2023-zwgk.yml`.
        public var path: String
        public var data: Data
        /// A content file (Markdown, YAML) rather than an image or attachment.
        public var isText: Bool

        public init(path: String, text: String) {
            self.path = path
            self.data = Data(text.utf8)
            self.isText = true
        }

        public init(path: String, data: Data) {
            self.path = path
            self.data = data
            self.isText = false
        }

        public var text: String { isText ? String(decoding: data, as: UTF8.self) : "（\(data.count) 字节的文件）" }
    }

    public var files: [File]
    /// Lines for the terminal: counts, then notes to check.
    public var report: [String]
    /// Warnings (missing 文号, ambiguous dates…) as diagnostics naming the input file.
    public var warnings: [Diagnostic]

    /// Writes the files; refuses, writing nothing, when one exists and `force` is false.
    public func write(to content: URL, contentDisplay: String, force: Bool) throws(DiagnosticError) -> [String] {
        let fileManager = FileManager.default
        if !force {
            let existing = files.map(\.path).filter { fileManager.fileExists(atPath: content.appendingPathComponent($0).path) }
            if !existing.isEmpty {
                throw DiagnosticError(existing.map { .error("\(contentDisplay)/\($0)", "文件已存在。确认要覆盖请加 --force，或换一个 --id。") })
            }
        }
        var written: [String] = []
        for file in files {
            let url = content.appendingPathComponent(file.path)
            do {
                try fileManager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try file.data.write(to: url, options: .atomic)
            } catch {
                throw DiagnosticError([.error("\(contentDisplay)/\(file.path)", "无法写入：\(error.localizedDescription)")])
            }
            written.append("\(contentDisplay)/\(file.path)")
        }
        return written
    }
}

/// `gongkai import plan`: a notice publishing work plans, from any supported format, into a
/// notice document and one plan file per plan. Nothing is written here; see `write`.
public enum PlanImport {
    public static func prepare(
        file: URL, display: String, content: URL, contentDisplay: String,
        id: String?, column: String?
    ) throws(DiagnosticError) -> PreparedImport {
        let document: BlockDocument
        switch SourceReader.read(file, display: display) {
        case .failure(let diagnostic): throw DiagnosticError([diagnostic])
        case .success(let value): document = value
        }
        let loader = ContentLoader(directory: content, display: contentDisplay)
        let columnPath: String
        do {
            columnPath = try chooseColumn(try loader.columns(), column: column, contentDisplay: contentDisplay, updateClass: .planning)
        } catch let error as DiagnosticError {
            throw error
        } catch {
            throw DiagnosticError([.error("\(contentDisplay)/site.yml", "无法读取网站配置：\(error)")])
        }
        let known = Set(((try? loader.load())?.site.plans ?? []).flatMap { $0.items.flatMap { $0.leads + $0.partners } })
        var prefix = id
        if prefix == nil {
            let probe = PlanImporter(idPrefix: "x", knownUnits: known).run(document)
            let region = probe.plans.first?.region ?? probe.notice.issuer ?? ""
            prefix = StableID.region(region)
            guard prefix != nil else {
                throw DiagnosticError([.error(display, "无法从原文中读出地区名称来生成编号，请用 --id 指定，例如 --id hunan。")])
            }
        }
        var result = PlanImporter(idPrefix: prefix!, knownUnits: known).run(document)
        if let failure = result.failure {
            throw DiagnosticError([.error(display, line: failure.line, failure.message)])
        }
        let year = result.plans.map(\.year).max() ?? 0
        let noticeSlug = ([prefix!, String(year)] + result.plans.map { PlanCategory.slug($0.kind) }).joined(separator: "-")
        let noticeID = "\(columnPath)/\(noticeSlug)"
        for index in result.plans.indices { result.plans[index].notice = noticeID }

        let name = file.lastPathComponent
        var files: [PreparedImport.File] = []
        var imageReport: [String] = []
        do {
            for plan in result.plans {
                var header = ["由 gongkai import plan 从 \(name) 导入。任务的“落实上级”“进展”由编辑填写。"]
                if let groups = result.groups[plan.id], !groups.isEmpty {
                    header.append("原文中任务之上的分组标题、表头和原编号：")
                    header += groups.map { "  \($0)" }
                }
                files.append(.init(path: "plans/\(plan.id).yml", text: try ContentWriter.plan(plan, header: header)))
            }
            // The notice's images (a Word file's): saved beside it, shown after its text.
            let images = document.files.enumerated().filter { $0.element.isImage }.map { (index: $0.offset, file: $0.element) }
            var withImages = result
            for image in images {
                let path = "\(noticeSlug)/\(DocImport.fileName(image.file, index: image.index))"
                files.append(.init(path: "\(columnPath)/\(path)", data: image.file.data))
                withImages.notice.body += "\n\n![](\(path))"
            }
            let notice = try noticeFile(withImages, plans: result.plans.map(\.id), source: name, unit: document.unit)
            files.append(.init(path: "\(noticeID).md", text: notice))
            let lines = notice.components(separatedBy: "\n")
            imageReport = images.map { image in
                let path = "\(noticeSlug)/\(DocImport.fileName(image.file, index: image.index))"
                let line = (lines.firstIndex { $0.contains("](\(path))") } ?? 0) + 1
                return "图片：\(contentDisplay)/\(noticeID).md 第 \(line) 行的图片 \(path) 还没有替代文字，请在 ![ ] 的方括号中写明图片内容（原文第 \(image.file.line) \(document.unit)），并移到正文中合适的位置。"
            }
        } catch {
            throw DiagnosticError([.error(display, "无法生成内容文件：\(error)")])
        }
        var report: [String] = []
        for plan in result.plans {
            let leads = plan.items.filter { !$0.leads.isEmpty }.count
            report.append("《\(plan.title)》：\(plan.sections.count) 个部分，\(plan.items.count) 项任务，其中 \(leads) 项写明了牵头单位")
        }
        report += imageReport
        if result.punctuationFixes > 0 { report.append("标点：原文有 \(result.punctuationFixes) 处半角标点（, ; : ( ) 等）夹在中文之间，已改为全角（，；：（））。") }
        if !result.notes.isEmpty {
            report.append("请核对以下 \(result.notes.count) 处（第几\(document.unit)对应 \(name)）：")
            report += result.notes.map { "  提示：\($0.text(unit: document.unit))" }
        }
        let warnings = result.notes.filter { $0.message.contains("没有文号") || $0.message.contains("没有发布日期") || $0.message.contains("没有成文日期") }
            .map { Diagnostic.warning(display, line: $0.line, $0.message) }
        return PreparedImport(files: files, report: report, warnings: warnings)
    }

    static func chooseColumn(_ columns: [Column], column: String?, contentDisplay: String, updateClass: UpdateClass?) throws(DiagnosticError) -> String {
        if let column {
            guard columns.contains(where: { $0.path == column }) else {
                throw DiagnosticError([.error("\(contentDisplay)/site.yml", "没有路径为“\(column)”的栏目。现有栏目：\(columns.map(\.path).joined(separator: "、"))。")])
            }
            return column
        }
        guard let updateClass, let planning = columns.first(where: { $0.updateClass == updateClass }) else {
            throw DiagnosticError([
                .error(
                    "\(contentDisplay)/site.yml",
                    updateClass == nil
                        ? "请用 --column 指定文件放入哪个栏目。现有栏目：\(columns.map(\.path).joined(separator: "、"))。"
                        : "没有更新类别为“规划计划”的栏目，请用 --column 指定通知放入哪个栏目。")
            ])
        }
        return planning.path
    }

    static func noticeFile(_ result: ImportResult, plans: [String], source: String, unit: String) throws -> String {
        let notice = result.notice
        let key = FieldSchema.document.key
        var fields: [(String, ContentWriter.Value)] = [(key("title"), .text(notice.title.isEmpty ? (result.plans.first?.title ?? "") : notice.title))]
        if let issuer = notice.issuer { fields.append((key("issuer"), .text(issuer))) }
        if let number = notice.documentNumber { fields.append((key("doc_no"), .text(number))) }
        if let written = notice.written { fields.append((key("written"), .text(written.iso))) }
        if let published = notice.published ?? notice.written.map({ DateTime(date: $0) }) {
            fields.append((key("published"), .text(published.description)))
        } else {
            // The notice must have a 发布日期 to load; today stands in, and the notes say so.
            let today = Calendar(identifier: .gregorian).dateComponents(in: TimeZone(identifier: "Asia/Shanghai")!, from: Date())
            fields.append((key("published"), .text(String(format: "%04d-%02d-%02d", today.year!, today.month!, today.day!))))
        }
        fields.append((key("type"), .text("通知")))
        fields.append((key("plans"), .list(plans)))
        var comments = ["由 gongkai import plan 从 \(source) 导入。"]
        if !notice.kept.isEmpty {
            comments.append("原文中未作为正文导入的内容：")
            comments += notice.kept.sorted { $0.line < $1.line }.map { "  第\($0.line)\(unit)（\($0.role)）：\($0.text)" }
        }
        if !result.notes.isEmpty {
            comments.append("导入提示：")
            comments += result.notes.map { "  \($0.text(unit: unit))" }
        }
        return try ContentWriter.document(fields: fields, comments: comments, body: notice.body)
    }
}
