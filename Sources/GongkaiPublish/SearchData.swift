import Foundation
import GongkaiMarkdown
import GongkaiModel

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
    public static func record(_ document: Document, published: PublishedSite) -> SearchRecord {
        var body = plainText(document.body)
        for plan in published.planBook.plans(ofNotice: document) {
            body += "\n" + planText(plan)
        }
        return metadataRecord(document, routes: published.routes, body: body)
    }

    /// A 常见问题 entry as the index sees it: found by its question and answer, filtered as the
    /// type 常见问题 under its topic, dated by when it was answered.
    public static func record(_ faq: FAQEntry, routes: Routes) -> SearchRecord {
        SearchRecord(
            id: "faq/" + faq.id, published: faq.answered.iso + "T00:00", url: routes.faq(faq.slug), title: faq.question,
            docNumber: nil, issuer: nil, type: faqType, topic: faq.topic, validity: nil, notCurrent: false, tags: [],
            body: plainText(faq.body))
    }

    public static let faqType = "常见问题"

    /// A record without the body, for grouping documents by facet.
    public static func metadataRecord(_ document: Document, routes: Routes, body: String = "") -> SearchRecord {
        SearchRecord(
            id: document.id, published: String(document.published.rfc3339.prefix(16)),
            url: routes.document(document), title: document.title, docNumber: document.docNumber,
            issuer: document.issuer, type: document.type, topic: document.topic,
            validity: document.validity?.rawValue, notCurrent: document.validity.map { !$0.isCurrent } ?? false,
            tags: document.tags, body: body)
    }

    /// The text a reader sees in a Markdown body (from cmark's tree).
    public static func plainText(_ markdown: String) -> String { MarkdownText.plain(markdown) }

    /// The text of a work plan: title, preamble, sections, items with their units and targets.
    public static func planText(_ plan: Plan) -> String {
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
