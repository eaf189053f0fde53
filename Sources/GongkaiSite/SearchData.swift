import Foundation
import GongkaiModel
import GongkaiSearch

/// The search index of the published site: what each document gives the index, and the files
/// written under `search/data/`.
///
/// Caching (for incremental builds): `SearchAnalyzer.analyze` depends only on the
/// `SearchRecord` and `SearchAnalyzer.version` (so a cache can key it by both: the record holds
/// the document's fields, its URL, its body and the text of the work plans it publishes); the merge
/// (`SearchIndexWriter.files`) depends on every analysed document and is redone on any change
/// (every idf moves when the collection changes).
public enum SearchData {
    /// What the index knows of a published document.
    public static func record(_ document: Document, factory: PageFactory) -> SearchRecord {
        var body = plainText(document.body)
        for plan in factory.planBook.plans(ofNotice: document) {
            body += "\n" + planText(plan)
        }
        return metadataRecord(document, routes: factory.routes, body: body)
    }

    /// A 常见问题 entry as the index sees it: found by its question and answer, filtered as the
    /// type 常见问题 under its topic, dated by when it was answered.
    public static func record(_ faq: FAQEntry, routes: Routes) -> SearchRecord {
        SearchRecord(
            id: "faq/" + faq.id, published: faq.answered.iso + "T00:00", url: routes.faq(faq.slug), title: faq.question,
            docNumber: nil, issuer: nil, type: faqType, topic: faq.topic, validity: nil, notCurrent: false, tags: [],
            body: plainText(faq.body))
    }

    static let faqType = "常见问题"

    /// A record without the body, for grouping documents by facet.
    static func metadataRecord(_ document: Document, routes: Routes, body: String = "") -> SearchRecord {
        SearchRecord(
            id: document.id, published: String(document.published.rfc3339.prefix(16)),
            url: routes.document(document), title: document.title, docNumber: document.docNumber,
            issuer: document.issuer, type: document.type, topic: document.topic,
            validity: document.validity?.rawValue, notCurrent: document.validity.map { !$0.isCurrent } ?? false,
            tags: document.tags, body: body)
    }

    /// Markdown as text to index: link targets and HTML tags dropped (markup characters are
    /// not letters, so the term extractor passes over them). Works on UTF-8 bytes: the ASCII
    /// characters it looks for never occur inside a multi-byte character.
    static func plainText(_ markdown: String) -> String {
        let bytes = Array(markdown.utf8)
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            if byte == UInt8(ascii: "]"), index < bytes.count, bytes[index] == UInt8(ascii: "(") {
                // `[text](target)`: keep the text, drop the target.
                if let close = bytes[index...].firstIndex(of: UInt8(ascii: ")")) { index = close + 1 }
                output.append(UInt8(ascii: " "))
            } else if byte == UInt8(ascii: "<") {
                if let close = bytes[index..<min(bytes.count, index + 200)].firstIndex(of: UInt8(ascii: ">")) { index = close + 1 }
                output.append(UInt8(ascii: " "))
            } else {
                output.append(byte)
            }
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// The text of a work plan: title, preamble, sections, items with their units and targets.
    static func planText(_ plan: Plan) -> String {
        var lines = [plan.title, plan.preamble]
        for section in plan.sections {
            lines.append(section.title)
            for item in section.items {
                lines.append([item.title ?? "", item.body, (item.leads + item.partners + item.responsible).joined(separator: "、"),
                              item.targets.joined(separator: "；")].joined(separator: "\n"))
            }
        }
        return lines.joined(separator: "\n")
    }
}
