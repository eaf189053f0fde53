import GongkaiModel

/// Errors in what the public will read: markup that could run code, in every published document
/// (front matter and body) and every published plan. (Personal data is checked on the output.)
enum ContentRules {
    static func check(documents: [Document], plans: [Plan], catalogues: [Catalogue] = [], faqs: [FAQEntry] = []) -> [Diagnostic] {
        // Every published document's body on every build: side by side, in the documents' order.
        var diagnostics = documents.parallelMap { document -> [Diagnostic] in
            var texts: [(text: String, firstLine: Int)] = [(document.body, document.bodyLine)]
            let fields: [(String, String?)] = [
                ("title", document.title), ("issuer", document.issuer), ("doc_no", document.docNumber),
                ("topic", document.topic), ("type", document.type),
            ]
            for (field, value) in fields {
                if let value { texts.append((value, document.fieldLines[field] ?? 1)) }
            }
            texts += document.tags.map { ($0, document.fieldLines["tags"] ?? 1) }
            texts += document.extra.map { ($0.value, $0.line) }
            return texts.flatMap { text, firstLine in
                scan(text, file: document.file, firstLine: firstLine, personalDataAllowed: document.allowsPersonalData)
            }
        }.flatMap { $0 }
        for catalogue in catalogues {
            diagnostics += scan(catalogue.title, file: catalogue.file, firstLine: catalogue.fieldLines["title"] ?? 1, personalDataAllowed: false)
            for row in catalogue.rows {
                diagnostics += scan(
                    row.values.sorted { $0.key < $1.key }.map(\.value).joined(separator: "\n"), file: row.file,
                    firstLine: row.line, personalDataAllowed: false, sameLine: true)
            }
        }
        for faq in faqs {
            diagnostics += scan(faq.question, file: faq.file, firstLine: faq.fieldLines["question"] ?? 1, personalDataAllowed: false)
            diagnostics += scan(faq.body, file: faq.file, firstLine: faq.bodyLine, personalDataAllowed: false)
        }
        for plan in plans {
            diagnostics += scan(plan.title + "\n" + plan.preamble, file: plan.file, firstLine: 1, personalDataAllowed: false, sameLine: true)
            for item in plan.items {
                let text = [item.title ?? "", item.body, item.assignment ?? ""] + item.progress.map(\.note)
                diagnostics += scan(text.joined(separator: "\n"), file: plan.file, firstLine: item.line, personalDataAllowed: false, sameLine: true)
            }
        }
        return diagnostics
    }

    /// - Parameter sameLine: report every finding on `firstLine` (for YAML values, whose lines
    ///   inside the scanned text are not the file's).
    static func scan(_ text: String, file: String, firstLine: Int, personalDataAllowed: Bool, sameLine: Bool = false) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        // Personal data is not checked here, field by field: the build scans everything that
        // reaches the output as a reader sees it (PersonalDataScanner, in GongkaiSite's
        // PersonalDataGuard) and traces each number back to its file and line.
        for finding in UnsafeMarkup.find(in: text) {
            diagnostics.append(
                .error(
                    file, line: sameLine ? firstLine : firstLine + finding.line,
                    "内容中有\(finding.what)，这是网页代码而不是文件内容，可能来自复制粘贴。请删除；如需链接请写 [文字](网址)。",
                    rule: "unsafe-markup"))
        }
        return diagnostics
    }
}
