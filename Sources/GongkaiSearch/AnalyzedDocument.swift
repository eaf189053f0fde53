/// One document after segmentation: its terms with their frequency in each field, and what the
/// index needs besides (display data, facet values, body length). Deterministic and `Codable`,
/// so a build can cache it keyed by the `SearchRecord` it came from and skip ICU for
/// documents that did not change; `SearchIndexWriter` merges these into the index files.
public struct AnalyzedDocument: Codable, Sendable, Hashable {
    /// The record analysed; the display data and facets come straight from it.
    public let record: SearchRecord
    /// Characters and tokens of the body, for BM25's length normalisation.
    public let bodyLength: Int
    /// Every distinct term, in a fixed order (see `TermCounts.terms()`).
    public let terms: [AnalyzedTerm]

    public init(record: SearchRecord, bodyLength: Int, terms: [AnalyzedTerm]) {
        self.record = record
        self.bodyLength = bodyLength
        self.terms = terms
    }
}

/// How often a term occurs in each field of a document.
public struct AnalyzedTerm: Codable, Sendable, Hashable {
    public let text: String
    /// In the title or the 文号: ranks above everything else.
    public let heading: UInt16
    /// In the issuer, type, topic or tags.
    public let meta: UInt16
    public let body: UInt16

    public init(text: String, heading: UInt16, meta: UInt16, body: UInt16) {
        self.text = text
        self.heading = heading
        self.meta = meta
        self.body = body
    }

    enum CodingKeys: String, CodingKey {
        case text = "t", heading = "h", meta = "m", body = "b"
    }
}
