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
        let candidates = plans.filter { $0.year == plan.year && $0.kind == plan.kind && $0.level < plan.level }
        guard let nearest = candidates.map(\.level).max() else { return nil }
        let atLevel = candidates.filter { $0.level == nearest }
        return atLevel.count == 1 ? atLevel[0] : nil
    }
}

/// Cosine similarity of TF-IDF weighted character bigrams, with IDF over a set of items.
struct Similarity {
    private let idf: [String: Double]

    init(_ items: [PlanItem]) {
        var frequency: [String: Int] = [:]
        for item in items {
            for gram in Set(Self.bigrams(item.text)) { frequency[gram, default: 0] += 1 }
        }
        let count = Double(max(items.count, 1))
        idf = frequency.mapValues { log(count / Double($0)) + 0.1 }
    }

    func score(_ a: PlanItem, _ b: PlanItem) -> Double {
        let x = vector(a), y = vector(b)
        var dot = 0.0
        for (gram, weight) in x { dot += weight * (y[gram] ?? 0) }
        let norm = sqrt(x.values.reduce(0) { $0 + $1 * $1 }) * sqrt(y.values.reduce(0) { $0 + $1 * $1 })
        return norm == 0 ? 0 : dot / norm
    }

    private func vector(_ item: PlanItem) -> [String: Double] {
        var weights: [String: Double] = [:]
        for gram in Self.bigrams(item.title ?? "") { weights[gram, default: 0] += 3 }
        for gram in Self.bigrams(item.body) { weights[gram, default: 0] += 1 }
        return weights.reduce(into: [:]) { result, entry in result[entry.key] = entry.value * (idf[entry.key] ?? 0.1) }
    }

    static func bigrams(_ text: String) -> [String] {
        let characters = Array(text.filter { $0.isLetter || $0.isNumber })
        guard characters.count > 1 else { return characters.map(String.init) }
        return (0..<characters.count - 1).map { String(characters[$0...$0 + 1]) }
    }
}
