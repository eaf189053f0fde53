import Foundation
import GongkaiMarkdown
import GongkaiModel

/// What a published document or question gives the search index, before its Markdown is read:
/// its record without a body, the Markdown source of the body and plain text to add after it
/// (the work plans a notice publishes). The source is what an incremental build compares, so
/// a build in which nothing searchable changed reads no Markdown at all; `record` is what the
/// index segments.
public struct SearchSource: Sendable {
    public let metadata: SearchRecord
    public let markdown: String
    public let appended: String
    /// For a document: its `outlineDigest` and `digest`, which stand for everything `metadata`
    /// and `markdown` are made from besides the record's address and 公开主体 (so a key of the
    /// source need not hash the record and the Markdown again). Nil for others.
    public var document: (outline: UInt64, digest: UInt64)? = nil

    /// The record the index segments: the body as a reader sees it.
    public var record: SearchRecord {
        var record = metadata
        record.body = SearchData.plainText(markdown) + appended
        return record
    }
}

/// The search index of the published site: what each document and question gives it.
///
/// Caching (for incremental builds): `SearchAnalyzer.analyze` depends only on the
/// `SearchRecord` and `SearchAnalyzer.version`, and the record only on its `SearchSource`; the
/// merge (`SearchIndexWriter.files`) depends on every analysed record and is redone on any
/// change (every idf moves when the collection changes).
public enum SearchData {
    /// What the index knows of a published document.
    public static func record(_ document: Document, published: PublishedSite) -> SearchRecord {
        let metadata = metadataRecord(document, routes: published.routes, discloser: published.body(of: document)?.name)
        return source(document, metadata: metadata, published: published).record
    }

    /// A published document before its Markdown is read, with its `metadataRecord`.
    static func source(_ document: Document, metadata: SearchRecord, published: PublishedSite) -> SearchSource {
        let plans = published.planBook.plans(ofNotice: document).map { "\n" + planText($0) }.joined()
        var source = SearchSource(metadata: metadata, markdown: document.body, appended: plans)
        source.document = (document.outlineDigest, document.digest)
        return source
    }

    /// A 常见问题 entry as the index sees it: found by its question and answer, filtered as the
    /// type 常见问题 under its topic, dated by when it was answered.
    public static func record(_ faq: FAQEntry, routes: Routes) -> SearchRecord {
        source(faq, routes: routes).record
    }

    public static func source(_ faq: FAQEntry, routes: Routes) -> SearchSource {
        SearchSource(
            metadata: SearchRecord(
                id: "faq/" + faq.id, published: faq.answered.iso + "T00:00", url: routes.faq(faq.slug), title: faq.question,
                docNumber: nil, issuer: nil, type: faqType, topic: faq.topic, validity: nil, notCurrent: false, tags: [],
                body: ""),
            markdown: faq.body, appended: "")
    }

    public static let faqType = "常见问题"

    /// A 意见征集 as the index sees it: found by its title and explanation, filtered as the
    /// type 意见征集, dated by its start; its status in the title's badge place (validity).
    public static func source(_ consultation: Consultation, book: ConsultationBook, routes: Routes) -> SearchSource {
        let status = book.status(consultation)
        return SearchSource(
            metadata: SearchRecord(
                id: "consultation/" + consultation.id, published: consultation.start.iso + "T00:00", url: routes.consultation(consultation.slug),
                title: consultation.title, docNumber: nil, issuer: consultation.issuer, type: consultationType, topic: nil,
                validity: nil, notCurrent: false, tags: [status.rawValue], body: ""),
            markdown: consultation.body, appended: "")
    }

    public static let consultationType = "意见征集"

    /// A record without the body, for grouping documents by facet.
    public static func metadataRecord(_ document: Document, routes: Routes, body: String = "", discloser: String? = nil) -> SearchRecord {
        SearchRecord(
            id: document.id, published: String(document.published.rfc3339.prefix(16)),
            url: routes.document(document), title: document.title, docNumber: document.docNumber,
            issuer: document.issuer, type: document.type, topic: document.topic,
            validity: document.validity?.rawValue, notCurrent: document.validity.map { !$0.isCurrent } ?? false,
            tags: document.tags, body: body, discloser: discloser)
    }

    /// The text a reader sees in a Markdown body (from cmark's tree).
    public static func plainText(_ markdown: String) -> String { MarkdownText.plain(markdown) }

    /// The text of a work plan: title, preamble, sections, items with their units and targets.
    public static func planText(_ plan: Plan) -> String {
        var lines = [plan.title, plan.preamble]
        if !plan.kind.isNamed(in: plan.title) { lines.insert(plan.kind.rawValue, at: 1) }
        for section in plan.sections {
            lines.append(section.title)
            for item in section.items {
                lines.append(
                    [
                        item.title ?? "", item.body, (item.leads + item.partners + item.responsible).joined(separator: "、"),
                        item.targets.joined(separator: "；"),
                    ].joined(separator: "\n"))
            }
        }
        return lines.joined(separator: "\n")
    }
}
