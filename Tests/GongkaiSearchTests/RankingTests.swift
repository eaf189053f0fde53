import Foundation
import GongkaiPublish
import GongkaiSearch
import Testing

/// The index of raw counts ranks every query as the index of format 1 did, which held the
/// scores: format 1's scoring is kept here (and only here) as the reference.
@Suite struct RankingTests {
    /// Format 1 (commit 59d2ab1): documents numbered newest first; per term its idf to
    /// thousandths and per document `q`, or for a dense term a bitmap scoring `denseScore`
    /// except the documents with a heading or metadata hit. Returns the term's scores by URL as
    /// search.js read them, with the document order of format 1.
    struct FormatOne {
        let urls: [String]
        /// term → (idf, q per document number)
        let entries: [String: (idf: Double, scores: [Int: Int])]

        static let k1 = 1.2
        static let b = 0.75
        static let maximumPart = (k1 + 1) + 2.5 + 1.0

        static func quantize(_ part: Double) -> Int { max(1, min(63, Int((part / maximumPart * 63).rounded()))) }

        static func gapLength(_ ids: [Int]) -> Int {
            var previous = -1
            var length = 0
            for id in ids {
                var value = id - previous - 1
                length += 1
                while value >= 32 {
                    length += 1
                    value >>= 5
                }
                previous = id
            }
            return length
        }

        init(_ analyzed: [AnalyzedDocument]) {
            let documents = analyzed.sorted {
                $0.record.published != $1.record.published ? $0.record.published > $1.record.published : $0.record.id < $1.record.id
            }
            urls = documents.map(\.record.url)
            let count = documents.count
            let averageLength = max(1, Double(documents.reduce(0) { $0 + $1.bodyLength }) / Double(max(1, count)))
            var occurrences: [String: [(document: Int, term: AnalyzedTerm)]] = [:]
            for (index, document) in documents.enumerated() {
                for (termIndex, term) in document.terms.enumerated() { occurrences[document.text(of: termIndex), default: []].append((index, term)) }
            }
            var entries: [String: (Double, [Int: Int])] = [:]
            for (text, list) in occurrences {
                let df = Double(list.count)
                let idf = log(1 + (Double(count) - df + 0.5) / (df + 0.5))
                let scored = list.map { entry -> (Int, Int) in
                    var part = 0.0
                    if entry.term.body > 0 {
                        let tf = Double(entry.term.body)
                        let length = Double(documents[entry.document].bodyLength)
                        part = tf * (Self.k1 + 1) / (tf + Self.k1 * (1 - Self.b + Self.b * length / averageLength))
                    }
                    if entry.term.heading > 0 { part += 2.5 }
                    if entry.term.meta > 0 { part += 1.0 }
                    return (entry.document, Self.quantize(part))
                }
                let featuredIndices = list.indices.filter { list[$0].term.heading > 0 || list[$0].term.meta > 0 }
                let sparse = Self.gapLength(scored.map(\.0)) + scored.count
                let bitmapLength = (count + 5) / 6
                let featured = sparse > bitmapLength ? Self.gapLength(featuredIndices.map { scored[$0].0 }) + featuredIndices.count : 0
                var scores: [Int: Int] = [:]
                if sparse > bitmapLength, featured + bitmapLength < sparse * 3 / 4 {
                    for (id, _) in scored { scores[id] = Self.quantize(1.0) }
                    for index in featuredIndices { scores[scored[index].0] = scored[index].1 }
                } else {
                    for (id, q) in scored { scores[id] = q }
                }
                // JSONText.decimal wrote three decimals; search.js parsed them.
                entries[text] = (Double(Int((idf * 1000).rounded())) / 1000, scores)
            }
            self.entries = entries
        }

        /// URLs that have every term, best first (ties: the lower number, the newer document).
        func ranking(_ terms: [String]) -> [String] {
            guard let lists = Optional(terms.compactMap { entries[$0] }), lists.count == terms.count else { return [] }
            var results = scored(lists, over: urls.indices)
            results.sort { $0.score != $1.score ? $0.score > $1.score : $0.id < $1.id }
            return results.map { urls[$0.id] }
        }
    }

    /// The index files as search.js reads them: manifest, the terms' shards, body lengths,
    /// display chunks; scores by `SearchScoring`.
    struct RawCounts {
        let files: [String: [UInt8]]
        let manifest: [String: Any]

        init(_ files: [SearchFile]) throws {
            self.files = Dictionary(uniqueKeysWithValues: files.map { ($0.path, $0.bytes) })
            manifest = try JSONSerialization.jsonObject(with: Data(self.files["manifest.json"]!)) as! [String: Any]
        }

        func json(_ path: String) throws -> Any {
            try JSONSerialization.jsonObject(with: Data(try #require(files[path], "\(path) missing")), options: .fragmentsAllowed)
        }

        func ranking(_ terms: [String]) throws -> [String] {
            let count = manifest["documents"] as! Int
            let shards = manifest["shards"] as! Int
            let lengthChunk = manifest["lengthChunk"] as! Int
            let chunk = manifest["chunk"] as! Int
            var lengths: [Int] = []
            for start in stride(from: 0, to: count, by: lengthChunk) {
                lengths += IndexWriterTests.numbers(try json("l/\(start / lengthChunk).json") as! String)
            }
            var lists: [(idf: Double, scores: [Int: Int])] = []
            for term in terms {
                var hash: UInt32 = 2_166_136_261
                for byte in term.utf8 { hash = (hash ^ UInt32(byte)) &* 16_777_619 }
                let shard = try json("t/\(Int(hash) & (shards - 1)).json") as! [String: String]
                guard let data = shard[term] else { return [] }
                let postings = IndexWriterTests.postings(data)
                let scores = SearchScoring.scores(postings, lengths: lengths, totalLength: manifest["length"] as! Int)
                lists.append(
                    (SearchScoring.idf(documentFrequency: postings.count, count: count), Dictionary(uniqueKeysWithValues: scores.map { ($0.id, $0.q) })))
            }
            var results = scored(lists, over: 0..<count)
            results.sort { $0.score != $1.score ? $0.score > $1.score : $0.id > $1.id }
            return try results.map { result in
                let rows = try json("d/\(result.id / chunk).json") as! [[Any]]
                return rows[result.id % chunk][1] as! String
            }
        }
    }

    /// A corpus with common and rare terms, short and long bodies, terms in titles and in the
    /// metadata, and documents of one day (ties broken by id).
    static func corpus() -> [SearchRecord] {
        var random = Xorshift(state: 18)
        let words = ["政务公开", "信息", "申请", "办理", "规定", "乡村振兴", "财政预算", "安全生产", "教育", "医疗保障", "交通运输", "营商环境", "数字政府", "应急管理"]
        let issuers = ["县人民政府", "县财政局", "县教育局", "县卫生健康局"]
        return (0..<420).map { number in
            let length = [1, 3, 8, 20, 60][random.next(below: 5)]
            let body = (0..<length).map { _ in words[random.next(below: random.next(below: 2) == 0 ? 4 : words.count)] }.joined(separator: "，")
            let title = "关于\(words[random.next(below: words.count)])的通知第\(number)号"
            return IndexWriterTests.record(
                "n\(number)", title: title, body: body + "。", published: "20\(18 + number % 6)-0\(1 + number % 3)-1\(number % 2)T00:00",
                issuer: issuers[number % issuers.count] + (number % 9 == 0 ? "信息中心" : ""), topic: number % 5 == 0 ? "教育" : "综合政务")
        }
    }

    @Test func everyQueryRanksAsWhenTheIndexHeldTheScores() throws {
        let analyzer = SearchAnalyzer()
        let analyzed = Self.corpus().map(analyzer.analyze)
        let reference = FormatOne(analyzed)
        let raw = try RawCounts(SearchIndexWriter().files(for: analyzed))
        var random = Xorshift(state: 7)
        let terms = reference.entries.keys.sorted()
        var queries = terms.map { [$0] }
        for _ in 0..<300 {
            queries.append((0..<(2 + random.next(below: 2))).map { _ in terms[random.next(below: terms.count)] })
        }
        var dense = 0
        var compared = 0
        for query in queries {
            let expected = reference.ranking(query)
            #expect(try raw.ranking(query) == expected, "\(query)")
            compared += expected.count
            if query.count == 1, let entry = reference.entries[query[0]], entry.scores.values.contains(SearchScoring.denseScore), entry.scores.count > 200 { dense += 1 }
        }
        #expect(dense > 0 && compared > 10_000, "the corpus has dense terms (\(dense)) and long rankings (\(compared) results)")
    }
}

/// Xorshift64: reproducible corpora and queries.
struct Xorshift {
    var state: UInt64

    mutating func next(below bound: Int) -> Int {
        state ^= state << 13
        state ^= state >> 7
        state ^= state << 17
        return Int(state % UInt64(bound))
    }
}

/// The documents among `ids` that have every list's term, each with the sum of idf × q in the
/// lists' order (the order search.js adds them in).
private func scored(_ lists: [(idf: Double, scores: [Int: Int])], over ids: Range<Int>) -> [(id: Int, score: Double)] {
    ids.compactMap { id in
        var score = 0.0
        for list in lists {
            guard let q = list.scores[id] else { return nil }
            score += list.idf * Double(q)
        }
        return (id, score)
    }
}
