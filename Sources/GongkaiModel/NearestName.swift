/// The name of a list nearest to what an editor wrote, for "是不是……？" in messages.
public enum NearestName {
    /// The closest of `names` by edit distance over characters, when it is close enough to be
    /// a likely slip (at most half of the longer name differs).
    public static func nearest(to written: String, in names: [String]) -> String? {
        let text = Array(written)
        var best: (name: String, distance: Int)?
        for name in names {
            let distance = Self.distance(text, Array(name))
            if distance < (best?.distance ?? Int.max) { best = (name, distance) }
        }
        guard let best, best.distance * 2 <= max(text.count, best.name.count) else { return nil }
        return best.name
    }

    /// Levenshtein distance between two character arrays.
    public static func distance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
