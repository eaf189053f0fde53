import GongkaiModel

/// A change to one term's postings: for some document ids, the term's new posting value
/// (`SearchScoring.value`), or nil where the document no longer has the term.
public struct TermChange: Sendable, Equatable {
    public let text: String
    public let hash: UInt32
    /// Ascending ids.
    public let postings: [Posting]

    public struct Posting: Sendable, Equatable {
        public let id: Int32
        public let value: Int?
    }

    /// The shard of `shardCount` that holds the term.
    public func shard(of shardCount: Int) -> Int { Int(hash & UInt32(shardCount - 1)) }
}

/// Patching the term shards of an index in place: when documents change without renumbering
/// any other (an edit, a document added after the newest, the newest removed), only the shards
/// of the terms whose counts changed are rewritten, each from its own bytes; the result is byte
/// for byte what `SearchIndexWriter.index(for:)` would make of all documents. Where exactness
/// cannot be proven (two terms of one hash in a shard, a shard that is not as the writer made
/// it), the patch declines and the caller merges the whole index.
extension SearchIndexWriter {
    /// The changes to the postings when the documents at `ids` go from `old` analyses (nil: the
    /// id is new) to `new` (nil: the id is gone), ids ascending.
    public static func termChanges(_ documents: [(id: Int32, old: StoredAnalysis?, new: StoredAnalysis?)]) -> [TermChange] {
        struct Identity: Hashable {
            let key: UInt64
            let text: String
        }
        var changes: [Identity: (hash: UInt32, postings: [TermChange.Posting])] = [:]
        for (id, old, new) in documents {
            func values(_ analysis: StoredAnalysis?) -> [Identity: (hash: UInt32, value: Int)] {
                guard let analysis else { return [:] }
                var values: [Identity: (hash: UInt32, value: Int)] = [:]
                values.reserveCapacity(analysis.terms.count)
                for (index, term) in analysis.terms.enumerated() {
                    values[Identity(key: term.key, text: analysis.text(of: index))] = (
                        term.hash, SearchScoring.value(body: term.body, heading: term.heading, meta: term.meta)
                    )
                }
                return values
            }
            let before = values(old)
            let after = values(new)
            for (identity, term) in after where before[identity]?.value != term.value {
                changes[identity, default: (term.hash, [])].postings.append(TermChange.Posting(id: id, value: term.value))
            }
            for (identity, term) in before where after[identity] == nil {
                changes[identity, default: (term.hash, [])].postings.append(TermChange.Posting(id: id, value: nil))
            }
        }
        return changes.map { TermChange(text: $0.key.text, hash: $0.value.hash, postings: $0.value.postings.sorted { $0.id < $1.id }) }
            .sorted { $0.hash != $1.hash ? $0.hash < $1.hash : $0.text.utf8.lexicographicallyPrecedes($1.text.utf8) }
    }

    /// A shard's bytes with `changes` (all of terms in this shard) applied, and how many bytes
    /// its terms' fragments grew by (negative when they shrank: `Layout.fragmentBytes` moves by
    /// as much); nil when the result could differ from a whole merge: a term shares its hash
    /// with another in the shard, a removal names a posting that is not there, or the bytes are
    /// not a shard as the writer makes them.
    public static func patch(shard bytes: [UInt8], changes: [TermChange]) -> (bytes: [UInt8], growth: Int)? {
        guard let members = ShardMembers.parse(bytes) else { return nil }
        var growth = 0
        var inserted: [(sortKey: (UInt32, UInt32), fragment: [UInt8])] = []
        var removed = Set<Int>()
        var replaced: [Int: [UInt8]] = [:]
        var seenHashes = Set<UInt32>()
        for change in changes {
            guard seenHashes.insert(change.hash).inserted else { return nil }
            let matching = members.indices(ofHash: change.hash)
            guard matching.count <= 1 else { return nil }
            var postings: [(id: Int32, value: Int)] = []
            if let index = matching.first {
                guard members.texts[index] == change.text, let decoded = PostingCoder.decodeCounts(members.postings(index)) else { return nil }
                postings = decoded
            }
            // Merge: the change's ids replace or remove theirs.
            var merged: [(id: Int32, value: Int)] = []
            merged.reserveCapacity(postings.count + change.postings.count)
            var cursor = 0
            for posting in change.postings {
                while cursor < postings.count && postings[cursor].id < posting.id {
                    merged.append(postings[cursor])
                    cursor += 1
                }
                let present = cursor < postings.count && postings[cursor].id == posting.id
                if present { cursor += 1 }
                if let value = posting.value {
                    merged.append((posting.id, value))
                } else if !present {
                    return nil
                }
            }
            merged += postings[cursor...]
            let fragment = merged.isEmpty ? nil : Self.fragment(change.text, merged)
            if let index = matching.first {
                growth -= members.ranges[index].count + 1
                if let fragment {
                    replaced[index] = fragment
                    growth += fragment.count + 1
                } else {
                    removed.insert(index)
                }
            } else if let fragment {
                inserted.append(((change.hash & fineMask, change.hash), fragment))
                growth += fragment.count + 1
            }
        }
        // Members in order, new ones where their (fine bucket, hash) puts them.
        inserted.sort { $0.sortKey < $1.sortKey }
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + inserted.reduce(0) { $0 + $1.fragment.count + 1 } + 8)
        output.append(UInt8(ascii: "{"))
        var first = true
        func add(_ fragment: some Collection<UInt8>) {
            if !first { output.append(UInt8(ascii: ",")) }
            output.append(contentsOf: fragment)
            first = false
        }
        var next = 0
        for index in members.ranges.indices {
            let key = (members.hashes[index] & fineMask, members.hashes[index])
            while next < inserted.count && inserted[next].sortKey < key {
                add(inserted[next].fragment)
                next += 1
            }
            if removed.contains(index) { continue }
            if let fragment = replaced[index] { add(fragment) } else { add(bytes[members.ranges[index]]) }
        }
        for item in inserted[next...] { add(item.fragment) }
        output.append(contentsOf: Array("}\n".utf8))
        return (output, growth)
    }

    /// `"term":"postings"`, as `termFragments` writes it.
    static func fragment(_ text: String, _ postings: [(id: Int32, value: Int)]) -> [UInt8] {
        var json = JSONText(capacity: 16 + postings.count * 3)
        json.string(text)
        json.raw(":")
        json.quoted(PostingCoder.counts(postings))
        return json.bytes
    }
}

/// The members of a shard file: per term its text, hash, the byte range of its
/// `"term":"postings"` and of the postings inside it.
struct ShardMembers {
    var texts: [String] = []
    var hashes: [UInt32] = []
    var ranges: [Range<Int>] = []
    var postingRanges: [Range<Int>] = []
    private var bytes: [UInt8] = []

    /// nil unless `bytes` is `{` members `}` and a newline, with members in (fine bucket, hash)
    /// order, as the writer makes a shard.
    static func parse(_ bytes: [UInt8]) -> ShardMembers? {
        var members = ShardMembers()
        members.bytes = bytes
        guard bytes.count >= 3, bytes[0] == UInt8(ascii: "{"), bytes[bytes.count - 2] == UInt8(ascii: "}"), bytes[bytes.count - 1] == 0x0A
        else { return nil }
        let end = bytes.count - 2
        var position = 1
        var previous: (UInt32, UInt32)? = nil
        while position < end {
            if !members.ranges.isEmpty {
                guard bytes[position] == UInt8(ascii: ",") else { return nil }
                position += 1
            }
            let start = position
            guard let (text, afterKey) = Self.string(bytes, at: position, end: end), afterKey < end, bytes[afterKey] == UInt8(ascii: ":"),
                afterKey + 1 < end, bytes[afterKey + 1] == UInt8(ascii: "\"")
            else { return nil }
            var close = afterKey + 2
            while close < end && bytes[close] != UInt8(ascii: "\"") { close += 1 }
            guard close < end else { return nil }
            let hash = FNV1a.hash32(text)
            let key = (hash & SearchIndexWriter.fineMask, hash)
            if let previous, !(previous <= key) { return nil }
            previous = key
            members.texts.append(text)
            members.hashes.append(hash)
            members.postingRanges.append((afterKey + 2)..<close)
            members.ranges.append(start..<(close + 1))
            position = close + 1
        }
        return position == end ? members : nil
    }

    func indices(ofHash hash: UInt32) -> [Int] {
        // Members are in (fine bucket, hash) order; a shard holds a few hundred.
        hashes.indices.filter { hashes[$0] == hash }
    }

    func postings(_ index: Int) -> ArraySlice<UInt8> { bytes[postingRanges[index]] }

    /// A JSON string as `JSONText.string` writes it, decoded, and the position after it.
    private static func string(_ bytes: [UInt8], at start: Int, end: Int) -> (String, Int)? {
        guard start < end, bytes[start] == UInt8(ascii: "\"") else { return nil }
        var decoded: [UInt8] = []
        var position = start + 1
        while position < end {
            let byte = bytes[position]
            if byte == UInt8(ascii: "\"") { return (String(decoding: decoded, as: UTF8.self), position + 1) }
            if byte == UInt8(ascii: "\\") {
                guard position + 1 < end else { return nil }
                switch bytes[position + 1] {
                case UInt8(ascii: "\""): decoded.append(UInt8(ascii: "\""))
                case UInt8(ascii: "\\"): decoded.append(UInt8(ascii: "\\"))
                case UInt8(ascii: "n"): decoded.append(0x0A)
                case UInt8(ascii: "u"):
                    guard position + 5 < end, let value = UInt8(String(decoding: bytes[(position + 4)...(position + 5)], as: UTF8.self), radix: 16),
                        bytes[position + 2] == UInt8(ascii: "0"), bytes[position + 3] == UInt8(ascii: "0")
                    else { return nil }
                    decoded.append(value)
                    position += 4
                default: return nil
                }
                position += 2
            } else {
                decoded.append(byte)
                position += 1
            }
        }
        return nil
    }
}
