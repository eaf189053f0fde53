/// Counts per bigram key: an open-addressing hash table (linear probing, multiplicative hash).
/// A document's analysis inserts every adjacent character pair of its text, which made Swift's
/// `Dictionary` (SipHash) the largest cost after ICU; keys here are never 0, so 0 marks a free
/// slot.
struct BigramTable {
    private var keys: [UInt64]
    private var values: [AnalyzedTerm.Counts]
    private var shift: UInt64
    private(set) var count = 0

    init(capacity: Int) {
        var size = 64
        while size < capacity * 2 { size *= 2 }
        keys = [UInt64](repeating: 0, count: size)
        values = [AnalyzedTerm.Counts](repeating: .zero, count: size)
        shift = UInt64(64 - size.trailingZeroBitCount)
    }

    @inline(__always)
    private func slot(_ key: UInt64) -> Int { Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift) }

    mutating func add(_ key: UInt64, to field: TermCounts.Field) {
        if count * 2 >= keys.count { grow() }
        let mask = keys.count - 1
        var index = slot(key)
        while true {
            let found = keys[index]
            if found == key {
                values[index].add(field)
                return
            }
            if found == 0 {
                keys[index] = key
                values[index].add(field)
                count += 1
                return
            }
            index = (index + 1) & mask
        }
    }

    private mutating func grow() {
        let old = zip(keys, values).filter { $0.0 != 0 }
        self = BigramTable(capacity: keys.count)
        for (key, value) in old {
            let mask = keys.count - 1
            var index = slot(key)
            while keys[index] != 0 { index = (index + 1) & mask }
            keys[index] = key
            values[index] = value
            count += 1
        }
    }

    /// Calls `body` with every key and its counts, in slot order: the same keys added in the
    /// same order give the same order, which is all the analysis needs to be deterministic (the
    /// index writer orders terms itself), so no sorting.
    func forEach(_ body: (UInt64, AnalyzedTerm.Counts) -> Void) {
        for index in keys.indices where keys[index] != 0 { body(keys[index], values[index]) }
    }
}
