import GongkaiModel

/// The terms of one document being counted, per field. Bigrams (most of the terms) are counted
/// under an integer key (`BigramTable`), so that a string is made only once per distinct term,
/// not once per occurrence; Swift's `String` hashing normalises Unicode and would dominate the
/// analysis.
struct TermCounts {
    enum Field { case heading, meta, body }

    /// Bigrams (`first << 21 | second`) and one-character terms (the character's value).
    private var bigrams: BigramTable
    private var others: [TextKey: AnalyzedTerm.Counts] = [:]

    init(capacity: Int) { bigrams = BigramTable(capacity: capacity) }

    mutating func add(first: Unicode.Scalar, second: Unicode.Scalar, to field: Field) {
        bigrams.add(UInt64(first.value) << 21 | UInt64(second.value), to: field)
    }

    /// A one-character term.
    mutating func add(_ character: Unicode.Scalar, to field: Field) {
        bigrams.add(UInt64(character.value), to: field)
    }

    mutating func add(_ term: String, to field: Field) {
        others[TextKey(term), default: .zero].add(field)
    }

    /// Every term: one-character terms and bigrams in the table's order, then the other terms
    /// by FNV-1a hash (ties by UTF-8 bytes), with the texts of those others. Any order that
    /// depends only on the text would do: the index writer sorts occurrences itself.
    func terms() -> (terms: [AnalyzedTerm], otherTexts: [String]) {
        var terms: [AnalyzedTerm] = []
        terms.reserveCapacity(bigrams.count + others.count)
        bigrams.forEach { key, counts in
            terms.append(AnalyzedTerm(key: AnalyzedTerm.codeFlag | key, hash: TermHash.fnv1a(code: key), counts: counts))
        }
        var texts: [String] = []
        texts.reserveCapacity(others.count)
        for (key, counts) in others.sorted(by: { $0.key < $1.key }) {
            terms.append(AnalyzedTerm(key: TermHash.key(key.text), hash: key.hash, counts: counts))
            texts.append(key.text)
        }
        return (terms, texts)
    }
}

/// A term as a dictionary key, hashed with FNV-1a over its UTF-8 bytes and compared by bytes:
/// `String`'s own hashing normalises Unicode first, which is slow and not needed here.
struct TextKey: Hashable, Comparable {
    let text: String
    let hash: UInt32

    init(_ text: String) {
        self.text = text
        hash = FNV1a.hash32(text)
    }

    func hash(into hasher: inout Hasher) { hasher.combine(hash) }

    static func == (lhs: TextKey, rhs: TextKey) -> Bool {
        lhs.hash == rhs.hash && lhs.text.utf8.elementsEqual(rhs.text.utf8)
    }

    static func < (lhs: TextKey, rhs: TextKey) -> Bool {
        lhs.hash != rhs.hash ? lhs.hash < rhs.hash : lhs.text.utf8.lexicographicallyPrecedes(rhs.text.utf8)
    }
}

extension AnalyzedTerm {
    /// Occurrences per field, saturating.
    struct Counts {
        var heading: UInt16 = 0
        var meta: UInt16 = 0
        var body: UInt16 = 0

        static let zero = Counts()

        mutating func add(_ field: TermCounts.Field) {
            switch field {
            case .heading: heading = heading == .max ? .max : heading + 1
            case .meta: meta = meta == .max ? .max : meta + 1
            case .body: body = body == .max ? .max : body + 1
            }
        }
    }

    init(key: UInt64, hash: UInt32, counts: Counts) {
        self.init(key: key, hash: hash, heading: counts.heading, meta: counts.meta, body: counts.body)
    }
}
