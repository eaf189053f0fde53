import Foundation

/// How a query's documents are scored from the index's raw counts: what search.js computes
/// in the browser (`scoresOf`), here for tests and tools. Change one side, change the other.
///
/// Per term and document the score is `idf × q`. `idf` is BM25's, rounded to thousandths;
/// `q` (1–63) quantises a BM25 body part (k1 = 1.2, b = 0.75, 0–2.2) plus 2.5 for a hit in the
/// title or 文号 and 1 for a hit in the issuer, type, topic or tags. A term in so many
/// documents that a bitmap would have been smaller than its postings scores every document
/// without a heading or metadata hit `denseScore`, as the index of format 1 stored it: the
/// ranking is the same as when the index held the scores.
public enum SearchScoring {
    static let k1 = 1.2
    static let b = 0.75
    static let headingBonus = 2.5
    static let metaBonus = 1.0
    static let maximumPart = (k1 + 1) + headingBonus + metaBonus
    /// `q` of a single body occurrence in a document of average length.
    public static let denseScore = quantize(1.0)

    /// The number a posting carries for a term's counts in one document.
    static func value(body: UInt16, heading: UInt16, meta: UInt16) -> Int {
        Int(body) * 4 + (heading > 0 ? 2 : 0) + (meta > 0 ? 1 : 0)
    }

    static func quantize(_ part: Double) -> Int {
        max(1, min(63, Int((part / maximumPart * 63).rounded())))
    }

    /// BM25's idf of a term in `df` of `count` documents, to thousandths.
    public static func idf(documentFrequency df: Int, count: Int) -> Double {
        let value = log(1 + (Double(count) - Double(df) + 0.5) / (Double(df) + 0.5))
        return Double(Int((value * 1000).rounded())) / 1000
    }

    /// `q` of a posting's `value` in a document of body length `length`.
    public static func quantized(_ value: Int, length: Int, averageLength: Double) -> Int {
        let tf = Double(value >> 2)
        var part = 0.0
        if value >> 2 > 0 {
            part = tf * (k1 + 1) / (tf + k1 * (1 - b + b * Double(length) / averageLength))
        }
        if value & 2 != 0 { part += headingBonus }
        if value & 1 != 0 { part += metaBonus }
        return quantize(part)
    }

    /// The average body length of `count` documents of `totalLength` together.
    public static func averageLength(total: Int, count: Int) -> Double {
        max(1, Double(total) / Double(max(1, count)))
    }

    /// Whether format 1 stored a term of these postings (ascending ids, with values) as a bitmap:
    /// its postings, numbered newest first (`count - 1 - id`), longer than a bitmap of every
    /// document, and the postings of its heading and metadata hits with the bitmap a quarter
    /// shorter than them.
    public static func isDense(_ postings: [(id: Int, value: Int)], count: Int) -> Bool {
        let bitmapLength = (count + 5) / 6
        func encodedLength(_ ids: [Int]) -> Int {
            // Gaps of the ids numbered newest first: the first from the top, then the same gaps.
            guard let last = ids.last else { return 0 }
            var length = PostingCoder.length(of: count - 1 - last) + ids.count
            for index in ids.indices.dropFirst() { length += PostingCoder.length(of: ids[index] - ids[index - 1] - 1) }
            return length
        }
        let sparse = encodedLength(postings.map(\.id))
        guard sparse > bitmapLength else { return false }
        let featured = encodedLength(postings.filter { $0.value & 3 != 0 }.map(\.id))
        return featured + bitmapLength < sparse * 3 / 4
    }

    /// `q` per document of a term's postings (ids ascending), by `lengths[id]`.
    public static func scores(_ postings: [(id: Int, value: Int)], lengths: [Int], totalLength: Int) -> [(id: Int, q: Int)] {
        let average = averageLength(total: totalLength, count: lengths.count)
        let dense = isDense(postings, count: lengths.count)
        return postings.map { posting in
            (posting.id, dense && posting.value & 3 == 0 ? denseScore : quantized(posting.value, length: lengths[posting.id], averageLength: average))
        }
    }
}
