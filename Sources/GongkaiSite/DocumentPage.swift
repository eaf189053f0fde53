import GongkaiModel

/// A document page: metadata table, validity banner, body, attachments and relations.
public struct DocumentPageView: Codable, Sendable {
    let site: SiteView
    let page: PageInfo
    let meta: [MetaTag]
    let breadcrumb: [Crumb]
    let document: DocumentView
}

public struct DocumentView: Codable, Sendable {
    let title: String
    let url: String
    let column: LinkView
    let indexNumber: String
    let issuer: String?
    let docNumber: String?
    let written: String?
    let published: String
    let topic: String?
    let type: String?
    let validity: String?
    let validUntil: String?
    /// The seven metadata rows of gov.cn document pages, in their order, with 无 for blanks.
    let metadata: [MetadataRow]
    /// Set when the document is not 现行有效: what an elderly reader must know first.
    let validityNotice: ValidityNotice?
    let body: HTML
    let attachments: Listing<LinkView>?
    /// 解读对象, 相关解读, 新版本, 旧版本: the non-empty ones, in that order.
    let relations: Listing<RelationGroup>?
    let tags: [String]
    let extra: [ExtraView]
    /// The work plans this notice publishes.
    let plans: Listing<PlanSummary>?
}

public struct MetadataRow: Codable, Sendable {
    let label: String
    let value: String
}

public struct ValidityNotice: Codable, Sendable {
    let text: String
    /// Newer versions to read instead.
    let replacements: Listing<DocumentSummary>?
}

public struct ExtraView: Codable, Sendable {
    let key: String
    let value: String
}

extension PageFactory {
    public func documentPage(_ document: Document) -> DocumentPageView {
        let column = site.column(document.columnPath)!
        let url = routes.document(document)
        let validityText = document.validity?.rawValue
        let rows: [(String, String?)] = [
            ("索引号", document.indexNumber), ("发文机关", document.issuer), ("文号", document.docNumber),
            ("成文日期", document.written?.chinese), ("发布日期", document.published.date.chinese),
            ("主题分类", document.topic), ("有效性", validityText),
        ]
        let view = DocumentView(
            title: document.title, url: url,
            column: LinkView(title: column.title, url: routes.column(column.path)),
            indexNumber: document.indexNumber, issuer: document.issuer, docNumber: document.docNumber,
            written: document.written?.chinese, published: document.published.date.chinese,
            topic: document.topic, type: document.type, validity: validityText,
            validUntil: document.validUntil?.chinese,
            metadata: rows.map { MetadataRow(label: $0.0, value: $0.1 ?? "无") },
            validityNotice: validityNotice(document),
            body: HTML(markdown.html(document.body)),
            attachments: .of(document.attachments.map { LinkView(title: $0.title, url: routes.contentFile($0.path)) }),
            relations: .of(relations(of: document)),
            tags: document.tags,
            extra: document.extra.map { ExtraView(key: $0.key, value: $0.value) },
            plans: .of(planBook.plans(ofNotice: document).map(planSummary)))
        return DocumentPageView(
            site: siteView(currentColumn: column.path),
            page: pageInfo(heading: document.title, url: url),
            meta: metaTags(column: column, document: document),
            breadcrumb: breadcrumb(column: column.path, current: "正文"),
            document: view)
    }

    func relations(of document: Document) -> [RelationGroup] {
        let groups: [(String, [String])] = [
            ("解读对象", document.interprets), ("相关解读", document.interpretedBy),
            ("新版本（替代本文件）", document.replacedBy), ("旧版本（被本文件替代）", document.replaces),
        ]
        return groups.compactMap { title, ids in
            let documents = published.published(ids).map(summary)
            return documents.isEmpty ? nil : RelationGroup(title: title, documents: .of(documents))
        }
    }

    func validityNotice(_ document: Document) -> ValidityNotice? {
        guard let validity = document.validity, !validity.isCurrent else { return nil }
        let newer = published.published(document.replacedBy)
        let pointer = newer.isEmpty ? "" : "请以新版本为准。"
        switch validity {
        case .current: return nil
        case .amended: return ValidityNotice(text: "本文件已修改。\(pointer.isEmpty ? "部分内容已不再适用。" : pointer)", replacements: .of(newer.map(summary)))
        case .repealed: return ValidityNotice(text: "本文件已废止，不再执行。\(pointer)", replacements: .of(newer.map(summary)))
        case .expired:
            let until = document.validUntil.map { "有效期至\($0.chinese)。" } ?? ""
            return ValidityNotice(text: "本文件已失效，不再执行。\(until)\(pointer)", replacements: .of(newer.map(summary)))
        }
    }
}
