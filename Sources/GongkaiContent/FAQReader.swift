import Foundation
import GongkaiModel
import Yams

/// Reads `content/faq/<slug>.md`: the question and its facts in front matter, the answer as
/// Markdown. References to policies are resolved by the loader.
struct FAQReader {
    let display: String
    let relativePath: String

    func read(_ text: String) -> (FAQEntry?, [(text: String, line: Int)], [Diagnostic]) {
        let frontMatter: FrontMatter
        let pairs: [(key: String, keyLine: Int, value: Node)]
        switch FrontMatter.pairs(of: text, display: display, what: "问答的文件信息（文件开头两行 --- 之间）") {
        case .failure(let diagnostic): return (nil, [], [diagnostic])
        case .success(let value): (frontMatter, pairs) = value
        }
        var fields = FieldValues(pairs: pairs, table: .faq, display: display, line: 1)
        fields.reportUnknown(what: "问答")
        let question = fields.requiredText("question", what: "文件信息（文件开头两行 --- 之间）")
        let topic = fields.requiredText("topic", what: "文件信息（文件开头两行 --- 之间）")
        let answered = fields.required("answered", what: "文件信息（文件开头两行 --- 之间）") { $0.date($1) }
        let references = fields.list("related").map { ($0, fields.lineOf("related") ?? 1) }
        if frontMatter.body.utf8.contains(UInt8(ascii: "|")) {
            fields.diagnostics += BodyLimits.check(frontMatter.body, display: display, firstLine: frontMatter.bodyLine)
        }
        if frontMatter.body.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            fields.diagnostics.append(.error(display, line: frontMatter.bodyLine, "没有答复内容。请在文件开头第二个 --- 之后写答复。"))
        }
        let lines = fields.fieldLines
        let id = String(relativePath.dropLast(3))
        let slug = (id as NSString).lastPathComponent
        guard let question, let topic, let answered, !fields.diagnostics.contains(where: { $0.severity == .error }) else {
            return (nil, [], fields.diagnostics)
        }
        return (
            FAQEntry(
                id: id, file: display, slug: slug, question: question, topic: topic, answered: answered,
                unit: fields.text("unit"), related: [], body: frontMatter.body, bodyLine: frontMatter.bodyLine,
                fieldLines: lines), references, fields.diagnostics
        )
    }
}
