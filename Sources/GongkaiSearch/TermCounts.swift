/// The terms of one document being counted, per field. Bigrams (most of the terms) are counted
/// under an integer key (`BigramTable`), so that a string is made only once per distinct term,
/// not once per occurrence; Swift's `String` hashing normalises Unicode and would dominate the
/// analysis.
struct TermCounts {
    enum Field { case heading, meta, body }

    private var bigrams: BigramTable
    private var others: [String: AnalyzedTerm.Counts] = [:]

    init(capacity: Int) { bigrams = BigramTable(capacity: capacity) }

    mutating func add(first: Unicode.Scalar, second: Unicode.Scalar, to field: Field) {
        bigrams.add(UInt64(first.value) << 21 | UInt64(second.value), to: field)
    }

    mutating func add(_ term: String, to field: Field) {
        others[term, default: .zero].add(field)
    }

    /// Every term: the bigrams in code point order, then the other terms by FNV-1a hash (ties
    /// by UTF-8 bytes). Any fixed order would do; integer keys keep the sorting cheap.
    func terms() -> [AnalyzedTerm] {
        var terms: [AnalyzedTerm] = []
        terms.reserveCapacity(bigrams.count + others.count)
        for (key, counts) in bigrams.sorted() {
            var text = String.UnicodeScalarView()
            text.append(Unicode.Scalar(UInt32(key >> 21))!)
            text.append(Unicode.Scalar(UInt32(key & 0x1F_FFFF))!)
            terms.append(AnalyzedTerm(text: String(text), counts: counts))
        }
        let keyed = others.map { (hash: TermHash.fnv1a($0.key), text: $0.key, counts: $0.value) }
        for other in keyed.sorted(by: { $0.hash != $1.hash ? $0.hash < $1.hash : $0.text.utf8.lexicographicallyPrecedes($1.text.utf8) }) {
            terms.append(AnalyzedTerm(text: other.text, counts: other.counts))
        }
        return terms
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

    init(text: String, counts: Counts) {
        self.init(text: text, heading: counts.heading, meta: counts.meta, body: counts.body)
    }
}
