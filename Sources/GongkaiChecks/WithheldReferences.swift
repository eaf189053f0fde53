import GongkaiModel

/// A published page must not point at a document that is held back: the link would lead
/// nowhere and would reveal the title of a document that is not 主动公开 or not yet due.
enum WithheldReferences {
    static func check(
        documents: [Document], faqs: [FAQEntry], plans: [Plan] = [], site: Site, rule: PublicationRule,
        isPublished: (String) -> Bool
    ) -> [Diagnostic] {
        let fields: [(field: String, label: String, ids: KeyPath<Document, [String]>)] = [
            ("interprets", "解读对象", \.interprets), ("replaces", "替代", \.replaces), ("replaced_by", "被替代", \.replacedBy),
        ]
        var diagnostics: [Diagnostic] = []
        for document in documents {
            for field in fields {
                for id in document[keyPath: field.ids] where !isPublished(id) {
                    guard let target = site.document(id), let reason = rule.reasonWithheld(target) else { continue }
                    // Reverse relations are filled in from the other side; report only what this file wrote.
                    guard document.fieldLines[field.field] != nil else { continue }
                    diagnostics.append(
                        .error(
                            document.file, line: document.fieldLines[field.field],
                            "“\(field.label)”指向的 \(target.file) 不会发布（\(reason)），这里的链接会失效并泄露其标题。请删除这一关联，或等该文件可以公开后再关联。",
                            rule: "withheld-reached"))
                }
            }
        }
        for faq in faqs {
            for id in faq.related where !isPublished(id) {
                let reason = site.document(id).flatMap(rule.reasonWithheld) ?? "尚未发布"
                diagnostics.append(
                    .error(
                        faq.file, line: faq.fieldLines["related"],
                        "“相关政策”中的 \(id) 不会发布（\(reason)），这里的链接会失效并泄露其标题。", rule: "withheld-reached"))
            }
        }
        for plan in plans {
            for item in plan.items {
                for entry in item.progress {
                    guard let evidence = entry.evidence, let target = site.document(evidence), !isPublished(target.id) else { continue }
                    let reason = rule.reasonWithheld(target) ?? "尚未发布"
                    diagnostics.append(
                        .error(
                            plan.file, line: entry.evidenceLine ?? item.line,
                            "任务\(item.numberText)进展中的“佐证”指向的 \(target.file) 不会发布（\(reason)），这里的链接会失效并泄露它的路径。请改为已公开的文件或网址，或等该文件公开后再填写。",
                            rule: "withheld-reached"))
                }
            }
        }
        return diagnostics
    }
}
