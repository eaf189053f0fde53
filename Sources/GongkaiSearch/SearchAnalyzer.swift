import GongkaiPublish

/// The per-document step of the index build: segments a record's fields with ICU and counts
/// its terms. Pure (the same record gives the same result) and independent of every other
/// document, so it runs in parallel and its result can be cached.
public struct SearchAnalyzer: Sendable {
    public init() {}

    /// What, besides the record, an analysis depends on: the term rules' version and the ICU
    /// version (another dictionary may cut words differently). A cache of `AnalyzedDocument`s
    /// must key them by the record and this.
    public static let version = "gongkai-search-1 icu-\(WordBreaker.icuVersion)"

    public func analyze(_ record: SearchRecord) -> AnalyzedDocument {
        WordBreaker.borrow { analyze(record, with: TermExtractor(breaker: $0)) }
    }

    private func analyze(_ record: SearchRecord, with extractor: TermExtractor) -> AnalyzedDocument {
        var counts = TermCounts(capacity: min(4096, record.body.utf8.count / 3 + 64))
        _ = extractor.extract(record.title + " " + (record.docNumber ?? ""), field: .heading, into: &counts)
        let meta = ([record.issuer, record.type, record.topic].compactMap { $0 } + record.tags).joined(separator: " ")
        _ = extractor.extract(meta, field: .meta, into: &counts)
        let length = extractor.extract(record.body, field: .body, into: &counts)
        let terms = counts.terms()
        return AnalyzedDocument(record: record, bodyLength: length, terms: terms.terms, otherTexts: terms.otherTexts)
    }

    /// How ICU segments `text` (words of CJK runs, then letter-or-digit terms), for tests and
    /// for explaining a result.
    public func segment(_ text: String) -> [String] {
        WordBreaker.borrow { TermExtractor(breaker: $0).segment(text) }
    }
}
