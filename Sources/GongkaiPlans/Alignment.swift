import Foundation
import GongkaiModel

/// 上下对标: which items of a higher-level plan an item of a lower-level plan carries out.
/// Editors confirm or override links in the plan file (`落实上级`); for items nobody has
/// linked, a suggestion is computed from the text: TF-IDF weighted character bigrams, the
/// heading counted three times, cosine similarity, the best match above `threshold`.
public struct Alignment: Sendable {
    public struct Link: Sendable, Hashable {
        public let lower: Int
        public let higher: Int
        /// Similarity in 0…1; 1 for links an editor confirmed.
        public let score: Double
        public let confirmed: Bool
    }

    public let lower: Plan
    public let higher: Plan
    public let links: [Link]

    /// The similarity below which no suggestion is made (tuned on the seeds; see the tests).
    public static let threshold = 0.2

    public init(lower: Plan, higher: Plan) {
        self.lower = lower
        self.higher = higher
        let similarity = Similarity(lower.items + higher.items)
        var links: [Link] = []
        for item in lower.items {
            if let confirmed = item.implements {
                for reference in confirmed {
                    guard reference.hasPrefix(higher.id + "/"), let number = Int(reference.dropFirst(higher.id.count + 1)) else { continue }
                    links.append(Link(lower: item.number, higher: number, score: 1, confirmed: true))
                }
                continue
            }
            let scored = higher.items.map { ($0.number, similarity.score(item, $0)) }
            if let best = scored.max(by: { $0.1 < $1.1 }), best.1 >= Self.threshold {
                links.append(Link(lower: item.number, higher: best.0, score: best.1, confirmed: false))
            }
        }
        self.links = links
    }

    /// Higher-level items no lower item carries out.
    public var unmatched: [PlanItem] {
        let linked = Set(links.map(\.higher))
        return higher.items.filter { !linked.contains($0.number) }
    }

    /// The higher-level plan a plan is measured against: the one named in `上级要点`, or else
    /// the only plan of the same year and kind at the nearest higher level.
    public static func parent(of plan: Plan, among plans: [Plan]) -> Plan? {
        if let parent = plan.parent { return plans.first { $0.id == parent } }
        let candidates = plans.filter { $0.year == plan.year && $0.kind.family == plan.kind.family && $0.level < plan.level }
        guard let nearest = candidates.map(\.level).max() else { return nil }
        let atLevel = candidates.filter { $0.level == nearest }
        return atLevel.count == 1 ? atLevel[0] : nil
    }
}

/// Cosine similarity of TF-IDF weighted character bigrams, with IDF over a set of items. Each
/// item's vector is built once; a bigram is two Unicode scalars packed into one integer.
struct Similarity {
    private struct Vector {
        let weights: [UInt64: Double]
        let norm: Double
    }

    private var vectors: [String: Vector] = [:]

    init(_ items: [PlanItem]) {
        var frequency: [UInt64: Int] = [:]
        let grams = items.map { (title: Self.bigrams($0.title ?? ""), body: Self.bigrams($0.body)) }
        for gram in grams {
            for bigram in Set(gram.title + gram.body) { frequency[bigram, default: 0] += 1 }
        }
        let count = Double(max(items.count, 1))
        let idf = frequency.mapValues { log(count / Double($0)) + 0.1 }
        for (item, gram) in zip(items, grams) {
            var weights: [UInt64: Double] = [:]
            for bigram in gram.title { weights[bigram, default: 0] += 3 }
            for bigram in gram.body { weights[bigram, default: 0] += 1 }
            for (bigram, weight) in weights { weights[bigram] = weight * (idf[bigram] ?? 0.1) }
            vectors[Self.key(item)] = Vector(weights: weights, norm: sqrt(weights.values.reduce(0) { $0 + $1 * $1 }))
        }
    }

    func score(_ a: PlanItem, _ b: PlanItem) -> Double {
        guard let x = vectors[Self.key(a)], let y = vectors[Self.key(b)], x.norm > 0, y.norm > 0 else { return 0 }
        let (small, large) = x.weights.count < y.weights.count ? (x, y) : (y, x)
        var dot = 0.0
        for (bigram, weight) in small.weights { dot += weight * (large.weights[bigram] ?? 0) }
        return dot / (x.norm * y.norm)
    }

    /// Items of two plans may share numbers; their text tells them apart.
    private static func key(_ item: PlanItem) -> String { "\(item.number)|\(item.text)" }

    static func bigrams(_ text: String) -> [UInt64] {
        let scalars = text.unicodeScalars.filter { $0.properties.isAlphabetic || $0.properties.numericType != nil }.map { UInt64($0.value) }
        guard scalars.count > 1 else { return scalars }
        return (0..<scalars.count - 1).map { scalars[$0] << 32 | scalars[$0 + 1] }
    }
}
