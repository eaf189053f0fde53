import GongkaiModel

/// The part of the site that reaches the output, indexed the ways pages need it: only
/// documents the publication rule lets through, newest first, per column and its descendants.
public struct PublishedSite: Sendable {
    public let site: Site
    public let rule: PublicationRule
    public let routes: Routes
    /// Published documents, newest first.
    public let documents: [Document]
    /// Published documents of each column including its descendants, newest first.
    public let documentsUnder: [String: [Document]]
    /// Documents held back, with the reason.
    public let withheld: [(document: Document, reason: String)]
    /// The work plans that reach the output, and what is derived from them.
    public let planBook: PlanBook
    private let publishedIDs: Set<String>

    public init(site: Site, rule: PublicationRule) {
        self.site = site
        self.rule = rule
        self.routes = Routes(identity: site.identity)
        var published: [Document] = []
        var withheld: [(Document, String)] = []
        for document in site.documents {
            if let reason = rule.reasonWithheld(document) {
                withheld.append((document, reason))
            } else {
                published.append(document)
            }
        }
        published.sort(by: Document.newestFirst)
        self.documents = published
        self.withheld = withheld
        self.publishedIDs = Set(published.map(\.id))
        var under: [String: [Document]] = [:]
        for column in site.columns { under[column.path] = [] }
        for document in published {
            for column in site.lineage(of: document.columnPath) {
                under[column.path, default: []].append(document)
            }
        }
        self.documentsUnder = under
        let ids = self.publishedIDs
        self.planBook = PlanBook(site: site, isPublished: { ids.contains($0) }, asOf: rule.asOf)
    }

    public func isPublished(_ id: String) -> Bool { publishedIDs.contains(id) }

    /// A published document must not point at one that is held back: the link would lead
    /// nowhere and would reveal the title of a document that is not 主动公开 or not yet due.
    public func referencesToWithheld() -> [Diagnostic] {
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
                    diagnostics.append(.error(document.file, line: document.fieldLines[field.field],
                        "“\(field.label)”指向的 \(target.file) 不会发布（\(reason)），这里的链接会失效并泄露其标题。请删除这一关联，或等该文件可以公开后再关联。",
                        rule: "withheld-reached"))
                }
            }
        }
        return diagnostics
    }

    /// The published documents among `ids`, newest first.
    public func published(_ ids: [String]) -> [Document] {
        ids.filter(isPublished).compactMap(site.document).sorted(by: Document.newestFirst)
    }

    public func pageCount(of columnPath: String) -> Int {
        let count = documentsUnder[columnPath]?.count ?? 0
        return max(1, (count + site.identity.pageSize - 1) / site.identity.pageSize)
    }

    /// The column that lists the annual reports: the one whose title names them (…年报,
    /// …年度报告).
    public var reportsColumn: Column? {
        site.columns.first { $0.title.contains("年报") || $0.title.contains("年度报告") }
    }

    /// Questions answered by the build day.
    public var faqs: [FAQEntry] { site.faqs.filter { $0.answered <= rule.asOf } }

    /// Reports whose 发布日期 has come, newest year first.
    public var reports: [AnnualReport] { site.reports.filter { $0.published.date <= rule.asOf } }

    /// Publication dates of the reports, for the staleness check of their column.
    public var reportDates: [String: [CalendarDate]] {
        guard let column = reportsColumn, !site.reports.isEmpty else { return [:] }
        return [column.path: site.reports.filter { $0.published.date <= rule.asOf }.map(\.published.date)]
    }

    /// The latest publication on the whole site, for feeds that have no entries of their own.
    public var latest: DateTime {
        documents.first?.published ?? DateTime(date: rule.asOf)
    }
}
