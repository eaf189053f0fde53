import Foundation
import GongkaiContent
import GongkaiModel

/// A policy document (红头文件) read from blocks: the front matter fields found in the text
/// and the body as GitHub Markdown.
public struct ImportedDocument: Sendable {
    public var title = ""
    public var issuer: String?
    public var documentNumber: String?
    public var written: CalendarDate?
    public var published: DateTime?
    /// Attachment names the text lists (`附件：1.名称`).
    public var attachments: [String] = []
    /// The body in order: Markdown blocks and the input's images at their place.
    public var parts: [BodyPart] = []
    /// Images and embedded attachments of the input (Word files).
    public var files: [EmbeddedFile] = []
    public var links: [SourceLink] = []
    public var kept: [KeptLine] = []
    public var notes: [ImportNote] = []

    public enum BodyPart: Sendable {
        case markdown(String)
        /// An image of `files`, by index.
        case image(Int)
    }

    /// The body as Markdown, images referenced as `folder/name` (the folder beside the document
    /// that holds them), without alt text: the editor writes it (the report asks for it).
    public func body(imageFolder folder: String) -> String {
        parts.map { part in
            switch part {
            case .markdown(let text): text
            case .image(let index): "![](\(folder.isEmpty ? "" : folder + "/")\(DocImport.fileName(files[index], index: index)))"
            }
        }.joined(separator: "\n\n")
    }

    public var body: String { body(imageFolder: "") }
}

public enum DocumentImporter {
    static let titleEndings = ["通知", "决定", "意见", "办法", "规定", "方案", "批复", "函", "报告", "公告", "通告", "规划", "细则", "要点", "计划", "制度", "规则", "指引", "清单", "纪要", "通报", "命令", "议案"]

    public static func read(_ document: BlockDocument) -> ImportedDocument {
        var result = ImportedDocument()
        result.kept = document.dropped
        result.notes = document.notes
        result.files = document.files
        result.links = document.links
        // Images follow the blocks before their paragraph; those before the title open the body.
        var images = document.files.indices.filter { document.files[$0].isImage }.sorted { document.files[$0].line < document.files[$1].line }
        var fix = PunctuationFix()
        var blocks = document.blocks.map { block -> Block in
            guard case .paragraph(var paragraph) = block else { return block }
            paragraph.text = fix.fix(TextCleaner.clean(paragraph.text).trimmingCharacters(in: .whitespaces))
            return .paragraph(paragraph)
        }
        // Page furniture and page information become comments.
        blocks = blocks.filter { block in
            guard case .paragraph(let paragraph) = block else { return true }
            switch LineKind.classify(paragraph.text) {
            case .furniture:
                result.kept.append(KeptLine(line: paragraph.line, text: paragraph.text, role: "原网页信息"))
                return false
            case .publishedAt(let moment):
                result.published = result.published ?? moment
                result.kept.append(KeptLine(line: paragraph.line, text: paragraph.text, role: "原网页信息"))
                return false
            default:
                return true
            }
        }
        let paragraphs = blocks.compactMap { block -> Paragraph? in
            if case .paragraph(let paragraph) = block { return paragraph }
            return nil
        }
        let kinds = paragraphs.map { LineKind.classify($0.text) }
        var paragraphIndex: [Int: Int] = [:]
        for (index, paragraph) in paragraphs.enumerated() where paragraphIndex[paragraph.line] == nil { paragraphIndex[paragraph.line] = index }
        // 文号: the first line that is one (the red header's), else the first one in the text.
        for kind in kinds.prefix(20) {
            if case .documentNumber(let number) = kind {
                result.documentNumber = number
                break
            }
        }
        if result.documentNumber == nil {
            result.documentNumber = paragraphs.prefix(20).lazy.compactMap { LineKind.documentNumber($0.text) }.first
        }
        // 标题: a heading, else a line ending in a kind of document, near the top.
        let top = paragraphs.prefix(15)
        let titleParagraph =
            top.first { $0.headingLevel == 1 }
            ?? top.first { p in titleEndings.contains { p.text.hasSuffix($0) } && p.text.count <= 80 && !p.text.hasPrefix("附件") }
            ?? top.first { p in p.text.count >= 6 && p.text.count <= 60 && !p.text.contains("。") && LineKind.documentNumber(p.text) != p.text && !p.text.hasSuffix("文件") }
        if let titleParagraph {
            result.title = titleParagraph.text
        } else {
            result.notes.append(ImportNote(line: 1, message: "没有找到文件标题，请在生成的文件中补上“标题”。"))
        }
        // 成文日期 and 发文机关: the last date line, and the line before it when it names a body.
        var signature: Set<Int> = []
        if let dateIndex = paragraphs.indices.last(where: {
            if case .date = kinds[$0] { return true }
            return false
        }),
            case .date(let date, let ambiguous) = kinds[dateIndex]
        {
            result.written = date
            if ambiguous { result.notes.append(ImportNote(line: paragraphs[dateIndex].line, message: "成文日期写作“\(paragraphs[dateIndex].text)”，已读作 \(date.chinese)，请核对。")) }
            if dateIndex > 0, !paragraphs[dateIndex - 1].text.contains(where: { "。：；，".contains($0) }), paragraphs[dateIndex - 1].text.count <= 40 {
                result.issuer = paragraphs[dateIndex - 1].text
                signature.insert(dateIndex - 1)
            }
        }
        if result.issuer == nil, let header = paragraphs.prefix(3).first(where: { $0.text.hasSuffix("文件") && $0.text.count <= 30 }) {
            result.issuer = String(header.text.dropLast(2))
        }
        // 附件: `附件：1.名称` and the lines of names after it.
        for (index, paragraph) in paragraphs.enumerated() where paragraph.text.hasPrefix("附件") {
            var first = paragraph.text.replacingOccurrences(of: "^附件\\s*\\d*\\s*[:：]?\\s*", with: "", options: .regularExpression)
            first = first.replacingOccurrences(of: "^\\d+[.．、]\\s*", with: "", options: .regularExpression)
            if !first.isEmpty { result.attachments.append(first) }
            var next = index + 1
            while next < paragraphs.count, let match = paragraphs[next].text.firstMatch(of: /^\d+[.．、]\s*(.+)$/), paragraphs[next].text.count < 60 {
                result.attachments.append(String(match.1))
                next += 1
            }
            if !result.attachments.isEmpty { break }
        }
        // The body: everything after the title, as Markdown.
        var lines: [ImportedDocument.BodyPart] = []
        var started = titleParagraph == nil
        func placeImages(before line: Int) {
            while let first = images.first, document.files[first].line < line {
                lines.append(.image(first))
                images.removeFirst()
            }
        }
        var merged = false
        for block in blocks {
            switch block {
            case .paragraph(let paragraph):
                if !started {
                    if paragraph == titleParagraph { started = true }
                    if paragraph != titleParagraph, LineKind.documentNumber(paragraph.text) != paragraph.text {
                        result.kept.append(KeptLine(line: paragraph.line, text: paragraph.text, role: "版头"))
                    }
                    continue
                }
                if LineKind.documentNumber(paragraph.text) == paragraph.text, paragraph.text == result.documentNumber { continue }
                placeImages(before: paragraph.line)
                lines.append(.markdown(markdown(paragraph, kind: paragraphIndex[paragraph.line].flatMap { kinds.indices.contains($0) ? kinds[$0] : nil })))
            case .table(let table):
                guard started else { continue }
                placeImages(before: table.line)
                let (text, hasMerges) = gfm(table)
                merged = merged || hasMerges
                lines.append(.markdown(text))
            }
        }
        placeImages(before: Int.max)
        if merged { result.notes.append(ImportNote(line: 1, message: "正文表格中有合并单元格，Markdown 表格不能合并，已在每个合并位置重复其内容，请核对。")) }
        result.parts = lines
        if fix.changes > 0 { result.notes.append(ImportNote(line: 1, message: "原文有 \(fix.changes) 处半角标点夹在中文之间，已改为全角。")) }
        if result.documentNumber == nil { result.notes.append(ImportNote(line: 1, message: "原文没有文号，“文号”留空。")) }
        if result.written == nil { result.notes.append(ImportNote(line: 1, message: "没有找到成文日期（落款日期），请补上“成文日期”。")) }
        return result
    }

    static func escape(_ text: String) -> String {
        guard text.contains(where: { "\\*_`#<>[]".contains($0) }) else { return text }
        var output = ""
        for character in text {
            if "\\*_`#<>[]".contains(character) { output.append("\\") }
            output.append(character)
        }
        return output
    }

    static func markdown(_ paragraph: Paragraph, kind: LineKind?) -> String {
        let text = paragraph.text.replacingOccurrences(of: "\n", with: "  \n")
        switch kind ?? LineKind.classify(paragraph.text) {
        case .section: return "## " + escape(text)
        case .item(_, let number, let rest) where rest.count <= 40 && !rest.contains("。"): return "### " + escape(number + rest)
        case .arabic(let value, _, let rest): return "\(value). " + escape(rest)
        default: break
        }
        if paragraph.headingLevel > 0 { return String(repeating: "#", count: min(6, paragraph.headingLevel + 1)) + " " + escape(text) }
        if paragraph.bold { return "**" + escape(text) + "**" }
        return escape(text)
    }

    /// A GFM table; merged cells repeated in each position they cover.
    static func gfm(_ table: Table) -> (String, Bool) {
        let grid = table.grid()
        let width = grid.map(\.count).max() ?? 0
        guard width > 0 else { return ("", false) }
        var merged = table.rows.contains { $0.contains { $0.colSpan > 1 || $0.continuesAbove } }
        func row(_ cells: [(text: String, repeated: Bool)]) -> String {
            let padded = cells + Array(repeating: (text: "", repeated: false), count: width - cells.count)
            return "| " + padded.map { escape($0.text).replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: "<br>") }.joined(separator: " | ") + " |"
        }
        var lines = [row(grid[0]), "|" + Array(repeating: " --- |", count: width).joined()]
        lines += grid.dropFirst().map(row)
        if grid.contains(where: { $0.count != width }) { merged = true }
        return (lines.joined(separator: "\n"), merged)
    }
}

/// `gongkai import doc`: one policy document into `content/<column>/<id>.md`.
public enum DocImport {
    public static func prepare(
        file: URL, display: String, content: URL, contentDisplay: String,
        id: String?, column: String?
    ) throws(DiagnosticError) -> PreparedImport {
        let blocks: BlockDocument
        switch SourceReader.read(file, display: display) {
        case .failure(let diagnostic): throw DiagnosticError([diagnostic])
        case .success(let value): blocks = value
        }
        let columns: [Column]
        do {
            columns = try ContentLoader(directory: content, display: contentDisplay).columns()
        } catch let error as DiagnosticError {
            throw error
        } catch {
            throw DiagnosticError([.error("\(contentDisplay)/site.yml", "无法读取网站配置：\(error)")])
        }
        let columnPath = try PlanImport.chooseColumn(columns, column: column, contentDisplay: contentDisplay, updateClass: .policies)
        var document = DocumentImporter.read(blocks)
        guard !document.body.isEmpty || !document.title.isEmpty else {
            throw DiagnosticError([.error(display, "文件中没有可导入的正文。")])
        }
        var slug = id
        if slug == nil {
            let region = (document.issuer ?? document.title).firstMatch(of: /^(.+?(?:省|自治区|市|综合实验区|新区|自治州|州|区|县|旗))/).map { String($0.1) } ?? ""
            let year = document.documentNumber.flatMap { $0.firstMatch(of: /(\d{4})/) }.map { String($0.1) } ?? document.written.map { String($0.year) } ?? ""
            let number =
                document.documentNumber.flatMap { $0.firstMatch(of: /(\d{1,4})号/) }.map { String($0.1) }
                ?? document.written.map { String(format: "%02d%02d", $0.month, $0.day) }
            let parts = [StableID.region(region), year.isEmpty ? nil : year, number].compactMap { $0 }
            guard parts.count >= 2 else {
                throw DiagnosticError([.error(display, "无法从发文机关、文号或成文日期生成文件编号，请用 --id 指定，例如 --id hunan-2023-11。")])
            }
            slug = parts.joined(separator: "-")
        }
        if document.published == nil {
            if let written = document.written {
                document.notes.append(ImportNote(line: 1, message: "原文没有发布日期，已暂用成文日期 \(written.iso)，请按网站实际发布日期修改。"))
            }
        }
        guard let published = document.published ?? document.written.map({ DateTime(date: $0) }) else {
            throw DiagnosticError([.error(display, "找不到成文日期或发布日期，无法生成“发布日期”。请在原文末尾保留落款日期，或把文字复制到 .txt 后补上日期再导入。")])
        }
        let slugText = slug ?? "document"
        let key = FieldSchema.document.key
        var fields: [(String, ContentWriter.Value)] = [(key("title"), .text(document.title))]
        if let issuer = document.issuer { fields.append((key("issuer"), .text(issuer))) }
        if let number = document.documentNumber { fields.append((key("doc_no"), .text(number))) }
        if let written = document.written { fields.append((key("written"), .text(written.iso))) }
        fields.append((key("published"), .text(published.description)))
        // Images and attachments go into a folder named after the document, beside it.
        var extraFiles: [PreparedImport.File] = []
        for (index, embedded) in document.files.enumerated() where embedded.isImage {
            extraFiles.append(.init(path: "\(columnPath)/\(slugText)/\(fileName(embedded, index: index))", data: embedded.data))
        }
        let found = AttachmentFinder.find(document, beside: file.deletingLastPathComponent(), input: file)
        for attachment in found.attached {
            extraFiles.append(.init(path: "\(columnPath)/\(slugText)/\(attachment.file)", data: attachment.data))
        }
        if !found.attached.isEmpty {
            fields.append((key("attachments"), .attachments(found.attached.map { ($0.title, "\(slugText)/\($0.file)") })))
        }
        let name = file.lastPathComponent
        var comments = ["由 gongkai import doc 从 \(name) 导入。"]
        if !found.missing.isEmpty {
            comments.append("原文附件（没有找到文件，请把附件文件放在本文件旁，并在“附件”中列出）：")
            comments += found.missing.map { "  \($0)" }
        }
        if !document.kept.isEmpty {
            comments.append("原文中未作为正文导入的内容：")
            comments += document.kept.sorted { $0.line < $1.line }.map { "  第\($0.line)\(blocks.unit)（\($0.role)）：\($0.text)" }
        }
        if !document.notes.isEmpty {
            comments.append("导入提示：")
            comments += document.notes.map { "  \($0.text(unit: blocks.unit))" }
        }
        let text: String
        do {
            text = try ContentWriter.document(fields: fields, comments: comments, body: document.body(imageFolder: slugText))
        } catch {
            throw DiagnosticError([.error(display, "无法生成内容文件：\(error)")])
        }
        let path = "\(columnPath)/\(slugText).md"
        var report = ["《\(document.title)》：\(document.documentNumber ?? "无文号")，\(document.issuer ?? "发文机关不详")，成文日期 \(document.written?.iso ?? "不详")"]
        // One line per image: where it is in the written file, and that it needs its alt text.
        let written = text.components(separatedBy: "\n")
        for (index, embedded) in document.files.enumerated() where embedded.isImage {
            let reference = "](\(slugText)/\(fileName(embedded, index: index)))"
            let line = (written.firstIndex { $0.contains(reference) } ?? 0) + 1
            report.append("  图片：\(contentDisplay)/\(path) 第 \(line) 行的图片 \(slugText)/\(fileName(embedded, index: index)) 还没有替代文字，请在 ![ ] 的方括号中写明图片内容（原文第 \(embedded.line) \(blocks.unit)）。")
        }
        for attachment in found.attached {
            report.append("  附件：“\(attachment.title)”已保存为 \(contentDisplay)/\(columnPath)/\(slugText)/\(attachment.file)（\(attachment.source)），请核对。")
        }
        for missing in found.missing {
            report.append("  附件：没有找到“\(missing)”的文件，已在文件开头的注释中列出；请把附件放在 \(contentDisplay)/\(columnPath)/\(slugText)/ 中，并写入“附件”。")
        }
        if !document.notes.isEmpty {
            report.append("请核对以下 \(document.notes.count) 处：")
            report += document.notes.map { "  提示：\($0.text(unit: blocks.unit))" }
        }
        return PreparedImport(files: [.init(path: path, text: text)] + extraFiles, report: report, warnings: [])
    }

    /// The name an embedded file is saved under: its own name when it is plain ASCII
    /// (image1.png), else `file<N>` with its extension.
    static func fileName(_ file: EmbeddedFile, index: Int) -> String {
        AttachmentFinder.safeName(file.name) ?? "file\(index + 1)" + AttachmentFinder.safeExtension(file.name)
    }
}
