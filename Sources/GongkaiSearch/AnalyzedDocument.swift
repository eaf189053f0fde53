import GongkaiPublish

/// One document after segmentation: its terms with their frequency in each field, and what the
/// index needs besides (display data, facet values, body length). Deterministic and `Codable`,
/// so a build can cache it keyed by the `SearchRecord` it came from and skip ICU for
/// documents that did not change; `SearchIndexWriter` merges these into the index files.
public struct AnalyzedDocument: Codable, Sendable, Hashable {
    /// The record analysed; the display data and facets come straight from it.
    public let record: SearchRecord
    /// Characters and tokens of the body, for BM25's length normalisation.
    public let bodyLength: Int
    /// Every distinct term, in a fixed order (see `TermCounts.terms()`): the bigrams and
    /// one-character terms first, then the other terms, whose texts are `otherTexts`.
    public let terms: [AnalyzedTerm]
    /// Texts of the terms that are not bigrams or one character, in their order in `terms`.
    public let otherTexts: [String]

    public init(record: SearchRecord, bodyLength: Int, terms: [AnalyzedTerm], otherTexts: [String]) {
        precondition(terms.count >= otherTexts.count)
        self.record = record
        self.bodyLength = bodyLength
        self.terms = terms
        self.otherTexts = otherTexts
    }

    /// The text of `terms[index]`.
    public func text(of index: Int) -> String { AnalyzedTerm.text(of: index, in: terms, otherTexts: otherTexts) }

    /// The texts of all terms, in order.
    public var termTexts: [String] { terms.indices.map(text(of:)) }

    /// The term whose text is `text`, if the document has it.
    public func term(_ text: String) -> AnalyzedTerm? {
        terms.indices.first { self.text(of: $0) == text }.map { terms[$0] }
    }
}

/// How often a term occurs in each field of a document. Ten million of these make the index of
/// ten thousand documents, so a term carries no `String`: a bigram or one-character term is
/// its code points in `key`; another term's text is in its document's `otherTexts`.
public struct AnalyzedTerm: Codable, Sendable, Hashable {
    /// A bigram or one-character term: `1 << 63 | first << 21 | second` (or `| character`),
    /// exact. Another term: the 64-bit FNV-1a of its UTF-8 bytes with the top bit clear
    /// (equal keys must then be told apart by text).
    public let key: UInt64
    /// FNV-1a (32 bits) of the UTF-8 bytes: which shard holds the term (`FNV1a.hash32`).
    public let hash: UInt32
    /// In the title or the 文号: ranks above everything else.
    public let heading: UInt16
    /// In the issuer, type, topic or tags.
    public let meta: UInt16
    public let body: UInt16

    public init(key: UInt64, hash: UInt32, heading: UInt16, meta: UInt16, body: UInt16) {
        self.key = key
        self.hash = hash
        self.heading = heading
        self.meta = meta
        self.body = body
    }

    /// Whether `key` is the term's code points (a bigram or one character).
    public var isCode: Bool { key >> 63 == 1 }

    static let codeFlag: UInt64 = 1 << 63

    /// The text of `terms[index]`, where the terms that are no bigram or one character come
    /// last and have their texts in `otherTexts`.
    @inline(__always)
    static func text(of index: Int, in terms: [AnalyzedTerm], otherTexts: [String]) -> String {
        let first = terms.count - otherTexts.count
        return index < first ? text(ofCode: terms[index].key) : otherTexts[index - first]
    }

    /// The text of a bigram or one-character term from its key.
    static func text(ofCode key: UInt64) -> String {
        var text = String.UnicodeScalarView()
        let code = key & ~codeFlag
        if code >= 1 << 21 { text.append(Unicode.Scalar(UInt32(code >> 21))!) }
        text.append(Unicode.Scalar(UInt32(code & 0x1F_FFFF))!)
        return String(text)
    }

    enum CodingKeys: String, CodingKey {
        case key = "k"
        case hash = "x"
        case heading = "h"
        case meta = "m"
        case body = "b"
    }
}
