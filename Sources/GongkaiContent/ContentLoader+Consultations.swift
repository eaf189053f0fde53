import Foundation
import GongkaiModel

extension ContentLoader {
    /// Reads `content/consultations/*.md` and resolves each 征求意见稿 and 反馈 to a document.
    func readConsultations(
        _ paths: [String], lookup: DocumentLookup, broken: BrokenTargets, assets: Set<String>, diagnostics: inout [Diagnostic]
    ) -> [Consultation] {
        var consultations: [Consultation] = []
        var slugs: [String: String] = [:]
        for path in paths {
            let file = "\(display)/\(path)"
            let text: String
            switch SourceText.read(directory.appendingPathComponent(path), display: file) {
            case .failure(let diagnostic):
                diagnostics.append(diagnostic)
                continue
            case .success(let value): text = value
            }
            let (read, references, found) = ConsultationReader(display: file, relativePath: path).read(text)
            diagnostics += found
            guard var consultation = read else { continue }
            for reference in references {
                let id = resolve(
                    reference.text, key: reference.key, line: reference.line, file: file, lookup: lookup, broken: broken,
                    diagnostics: &diagnostics)
                if reference.field == "draft" { consultation.draft = id } else { consultation.feedback = id }
            }
            for attachment in consultation.attachments where !assets.contains(attachment.path) {
                diagnostics.append(
                    .error(
                        file, line: consultation.fieldLines["attachments"],
                        "附件“\(attachment.path)”不存在。请把文件放到 \(display)/\(attachment.path)，或更正文件名。"))
            }
            if consultation.draft == nil && consultation.attachments.isEmpty && !references.contains(where: { $0.field == "draft" }) {
                diagnostics.append(
                    .error(
                        file, line: 1,
                        "没有征求意见稿。请在“\(FieldSchema.consultation.key("draft"))”中写明本站文件的路径、文号或索引号，或在“\(FieldSchema.consultation.key("attachments"))”中列出征求意见稿文件。"))
            }
            if let other = slugs[consultation.slug.lowercased()] {
                diagnostics.append(
                    .error(file, line: consultation.fieldLines["slug"], "网址“consultations/\(consultation.slug).html”与 \(other) 重复。请修改文件名或“网址名”。"))
                continue
            }
            slugs[consultation.slug.lowercased()] = file
            consultations.append(consultation)
        }
        return consultations.sorted { $0.id < $1.id }
    }
}

extension ContentLoader {
    /// Resolves the reference columns of catalogues (重大行政决策事项目录's 意见征集 and
    /// 决策文件): a cell that names nothing is an error at its row.
    func resolveCatalogueReferences(
        _ catalogues: inout [Catalogue], consultations: [Consultation], lookup: DocumentLookup, broken: BrokenTargets,
        diagnostics: inout [Diagnostic]
    ) {
        for index in catalogues.indices {
            let columns = catalogues[index].schema.columns.filter { $0.reference != nil }
            guard !columns.isEmpty else { continue }
            for rowIndex in catalogues[index].rows.indices {
                let row = catalogues[index].rows[rowIndex]
                for column in columns {
                    let text = row.value(column)
                    guard !text.isEmpty, let reference = column.reference else { continue }
                    switch reference {
                    case .document:
                        if let id = resolve(text, key: column.name, line: row.line, file: row.file, lookup: lookup, broken: broken, diagnostics: &diagnostics) {
                            catalogues[index].rows[rowIndex].links[column.name] = id
                        }
                    case .consultation:
                        let trimmed = text.hasSuffix(".md") ? String(text.dropLast(3)) : text
                        if let found = consultations.first(where: { $0.id == trimmed || $0.slug == trimmed || $0.id == "consultations/\(trimmed)" || $0.title == text }) {
                            catalogues[index].rows[rowIndex].links[column.name] = found.id
                        } else {
                            let known = consultations.map(\.slug).joined(separator: "、")
                            diagnostics.append(
                                .error(
                                    row.file, line: row.line,
                                    "“\(column.name)”中的“\(text)”找不到对应的意见征集。请填写 \(display)/consultations/ 中意见征集文件的文件名（不含 .md）\(known.isEmpty ? "" : "，现有：\(known)")。"))
                        }
                    }
                }
            }
        }
    }
}
