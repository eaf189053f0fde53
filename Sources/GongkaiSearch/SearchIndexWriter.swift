import GongkaiModel
import GongkaiPublish

#if canImport(Glibc)
    import Glibc
#endif

/// One file of the static index, by its path under the index directory.
public struct SearchFile: Sendable, Hashable {
    public let path: String
    public let bytes: [UInt8]
}

/// The merge step of the index build: from every analysed document to the files search.js
/// reads. Cheap next to the analysis (no segmentation), deterministic, parallel per shard.
///
/// Nothing in a term's shard depends on the rest of the collection: a shard holds raw counts,
/// and the collection statistics that scoring needs (document count, total body length) are
/// in the manifest, so an edit to one document changes only the shards of the terms it gained,
/// lost or counts differently (and the manifest). Documents are numbered oldest first, so a new
/// document (usually the newest) is appended and renumbers no other.
///
/// Layout, all JSON:
/// - `manifest.json` (always loaded, small): document count, total body length, shard count,
///   display and length chunk sizes, stop characters, and per facet its values with counts;
///   years carry the id range they cover (a year is a contiguous range of ids and needs no
///   download), other values name the file that lists their documents.
/// - `t/<n>.json`: shard `n` of the term dictionary, terms hashed with FNV-1a into a power of
///   two of shards sized for a few kilobytes each: `{"term":"postings"}`, per document the id
///   gap and `4 × body count + 2 × (in a heading) + (in a metadata field)`.
/// - `l/<n>.json`: body lengths of documents `n × lengthChunk ..< (n + 1) × lengthChunk`, a
///   string of numbers, for the length normalisation of the documents a query meets.
/// - `d/<n>.json`: display data of documents `n × chunk ..< (n + 1) × chunk`: title, URL,
///   文号, date, validity, not-current flag, issuer — fetched only for results shown.
/// - `f/<facet>-<n>.json`: the documents of one facet value (a gap list or a bitmap),
///   fetched only when that filter is used. Filters therefore cost nothing until used and
///   never need per-document data for the whole collection.
///
/// Scores (`SearchScoring`, computed by search.js): per term and document, `idf × q`, where `q`
/// (1–63) quantises a BM25 body part (k1 = 1.2, b = 0.75, 0–2.2) plus 2.5 for a hit in the
/// title or 文号 and 1 for a hit in the issuer, type, topic or tags. The heading bonus exceeds
/// any body part, so a document that has every query term in its title or 文号 ranks above one
/// that has them only in its body. Ties go to the newer document (the higher id).
public struct SearchIndexWriter: Sendable {
    /// Documents per display chunk.
    public var chunkSize = 8
    /// Documents per file of body lengths.
    public var lengthChunkSize = 512
    /// Aimed-at shard size in bytes.
    public var shardBytes = 4096

    static let format = 2

    public init() {}

    /// The shards' size, as the shard count is chosen from it: the bytes of every term's
    /// `"term":"postings"`, plus one each (for the comma or brace).
    public struct Layout: Sendable, Equatable {
        public let shardCount: Int
        public let fragmentBytes: Int

        public init(shardCount: Int, fragmentBytes: Int) {
            self.shardCount = shardCount
            self.fragmentBytes = fragmentBytes
        }
    }

    /// Terms go to 2^14 fine buckets by hash; each fine bucket is encoded on its own (in
    /// parallel), then the shard count is chosen from the encoded size and fine buckets are
    /// merged into shards: shard = hash & (shards - 1) = fine bucket & (shards - 1). In a shard,
    /// terms are therefore in the order of (fine bucket, hash, key).
    static let fineCount = 1 << 14
    static let fineMask = UInt32(fineCount - 1)

    /// The shard count for terms of `fragmentBytes`: a power of two, shards of `shardBytes` or less.
    public func shardCount(fragmentBytes: Int) -> Int {
        var shardCount = 1
        while shardCount < Self.fineCount && shardCount * shardBytes < fragmentBytes { shardCount *= 2 }
        return shardCount
    }

    /// Indexes of `records` in the order of their ids: oldest first, ties newest id first.
    public static func order(_ records: [SearchRecord]) -> [Int] {
        records.indices.sorted {
            let a = records[$0]
            let b = records[$1]
            return a.published != b.published ? a.published < b.published : a.id > b.id
        }
    }

    public func files(for analyzed: [AnalyzedDocument]) -> [SearchFile] { index(for: analyzed).files }

    /// Every file of the index, the layout of its shards, and the facets' part of the manifest.
    public func index(for analyzed: [AnalyzedDocument]) -> (files: [SearchFile], layout: Layout, facets: [UInt8]) {
        let documents = Self.order(analyzed.map(\.record)).map { analyzed[$0] }
        let fineCount = Self.fineCount
        let fineMask = Self.fineMask
        // Occurrences are scattered into fine buckets by slices of documents in parallel; each
        // fine bucket then gathers its part of every slice. This is done in passes over ranges
        // of fine buckets, so that only a fraction of all occurrences (ten million for ten
        // thousand documents) is held at once: one pass held 800 MB at the peak.
        let sliceCount = 8
        let sliceSize = max(1, (documents.count + sliceCount - 1) / sliceCount)
        let passes = 8
        let perPass = fineCount / passes
        var fragments: [[(term: String, json: [UInt8])]] = []
        fragments.reserveCapacity(fineCount)
        for pass in 0..<passes {
            let low = pass * perPass
            let high = low + perPass
            // Each slice counts its occurrences per fine bucket, then places them into one array
            // in bucket order (a counting sort): no growing arrays per bucket.
            let slices = Array(0..<sliceCount).parallelMap { slice -> (entries: [Entry], starts: [Int]) in
                let lower = min(documents.count, slice * sliceSize)
                let upper = min(documents.count, lower + sliceSize)
                var starts = [Int](repeating: 0, count: perPass + 1)
                for documentIndex in lower..<upper {
                    for term in documents[documentIndex].terms {
                        let fine = Int(term.hash & fineMask)
                        if fine >= low, fine < high { starts[fine - low + 1] += 1 }
                    }
                }
                for bucket in 0..<perPass { starts[bucket + 1] += starts[bucket] }
                var next = starts
                let entries = [Entry](unsafeUninitializedCapacity: starts[perPass]) { buffer, initialized in
                    for documentIndex in lower..<upper {
                        let terms = documents[documentIndex].terms
                        for termIndex in terms.indices {
                            let term = terms[termIndex]
                            let fine = Int(term.hash & fineMask)
                            guard fine >= low, fine < high else { continue }
                            (buffer.baseAddress! + next[fine - low]).initialize(
                                to: Entry(
                                    document: Int32(documentIndex), term: Int32(termIndex), hash: term.hash, key: term.key,
                                    heading: term.heading, meta: term.meta, body: term.body))
                            next[fine - low] += 1
                        }
                    }
                    initialized = starts[perPass]
                }
                return (entries, starts)
            }
            fragments += Array(0..<perPass).parallelMap { index in
                var entries: [Entry] = []
                entries.reserveCapacity(slices.reduce(0) { $0 + $1.starts[index + 1] - $1.starts[index] })
                for slice in slices { entries += slice.entries[slice.starts[index]..<slice.starts[index + 1]] }
                return termFragments(entries, documents: documents)
            }
        }
        let fragmentsByBucket = fragments
        let totalBytes = fragmentsByBucket.reduce(0) { $0 + $1.reduce(0) { $0 + $1.json.count + 1 } }
        let shardCount = shardCount(fragmentBytes: totalBytes)
        let step = shardCount
        let shards = (0..<shardCount).map { $0 }.parallelMap { shard -> SearchFile in
            var members: [(term: String, json: [UInt8])] = []
            // Fine buckets in order, each in (hash, key) order: deterministic without sorting.
            for fine in stride(from: shard, to: fineCount, by: step) { members += fragmentsByBucket[fine] }
            var json = JSONText(capacity: members.reduce(2) { $0 + $1.json.count + 1 })
            json.raw("{")
            for (index, member) in members.enumerated() {
                if index > 0 { json.raw(",") }
                json.raw(member.json)
            }
            json.raw("}\n")
            return SearchFile(path: "t/\(shard).json", bytes: json.bytes)
        }
        let rest = documentFiles(documents.map(\.record), lengths: documents.map(\.bodyLength))
        let files = shards + rest.files
        let manifest = manifest(
            documents: documents.count, totalLength: documents.reduce(0) { $0 + $1.bodyLength }, shardCount: shardCount,
            facets: rest.facets, build: Self.build(of: files.map { ($0.path, Self.contentHash($0.bytes)) }))
        return ([manifest] + files, Layout(shardCount: shardCount, fragmentBytes: totalBytes), rest.facets)
    }

    /// The files made from the documents' metadata and lengths alone (in id order): display
    /// chunks, facet files, body lengths; and the facets' part of the manifest. A patched index
    /// makes the metadata's files again only when some document's metadata moved (a body edit
    /// leaves them as they were), and keeps those whose bytes did not change.
    public func documentFiles(_ records: [SearchRecord], lengths: [Int]) -> (files: [SearchFile], facets: [UInt8]) {
        let metadata = metadataFiles(records)
        return (metadata.files + lengthFiles(lengths), metadata.facets)
    }

    /// The files made from the documents' metadata alone (in id order): display chunks and facet
    /// files; and the facets' part of the manifest.
    public func metadataFiles(_ records: [SearchRecord]) -> (files: [SearchFile], facets: [UInt8]) {
        let count = records.count
        let chunks = stride(from: 0, to: count, by: chunkSize).map { start in
            displayChunk(records[start..<min(count, start + chunkSize)], number: start / chunkSize)
        }
        let facets = facetFiles(records)
        return (chunks + facets.files, facets.manifest)
    }

    /// The files of the documents' body lengths (in id order).
    public func lengthFiles(_ lengths: [Int]) -> [SearchFile] {
        let count = lengths.count
        return stride(from: 0, to: count, by: lengthChunkSize).map { start in
            var json = JSONText(capacity: lengthChunkSize * 3 + 4)
            var numbers: [UInt8] = []
            for length in lengths[start..<min(count, start + lengthChunkSize)] {
                PostingCoder.appendNumber(length, to: &numbers)
            }
            json.quoted(numbers)
            json.raw("\n")
            return SearchFile(path: "l/\(start / lengthChunkSize).json", bytes: json.bytes)
        }
    }

    /// The hash of a file's bytes, as the build cache records it (`StableHasher` of its text).
    public static func contentHash(_ bytes: [UInt8]) -> UInt64 { StableHasher.hash(String(decoding: bytes, as: UTF8.self)) }

    /// The manifest's `build`, which search.js appends to every file it fetches (so a browser
    /// never mixes files of two builds): a hash of every other file's path and content hash,
    /// in path order. A patched index has it from the hashes the build cache keeps of the files
    /// it did not touch, without reading them.
    public static func build(of files: [(path: String, content: UInt64)]) -> UInt64 {
        var hasher = StableHasher()
        for file in files.sorted(by: { $0.path < $1.path }) {
            hasher.combine(file.path)
            hasher.combine(file.content)
        }
        return hasher.finalize()
    }

    public func manifest(documents count: Int, totalLength: Int, shardCount: Int, facets: [UInt8], build: UInt64) -> SearchFile {
        var manifest = JSONText()
        manifest.raw("{\"format\":\(Self.format),\"build\":")
        let hex = String(build, radix: 16)
        manifest.string(String(repeating: "0", count: 16 - hex.count) + hex)
        manifest.raw(",\"documents\":\(count),\"length\":\(totalLength),\"shards\":\(shardCount),\"chunk\":\(chunkSize)")
        manifest.raw(",\"lengthChunk\":\(lengthChunkSize),\"stop\":")
        manifest.string(SearchText.stopCharacters)
        manifest.raw(",\"facets\":")
        manifest.raw(facets)
        manifest.raw("}\n")
        return SearchFile(path: "manifest.json", bytes: manifest.bytes)
    }

    /// `"term":"postings"` for every term of a fine bucket.
    private func termFragments(_ entries: [Entry], documents: [AnalyzedDocument]) -> [(term: String, json: [UInt8])] {
        // Group occurrences by term: sort by hash, then document (postings in id order); a
        // run of equal hashes is one term unless two terms collide, which the text separates.
        let sorted = entries.sorted { ($0.hash, $0.key, $0.document) < ($1.hash, $1.key, $1.document) }
        func text(_ entry: Entry) -> String { documents[Int(entry.document)].text(of: Int(entry.term)) }
        /// Equal texts; a bigram's key is its characters, so bigrams need no text lookup.
        func same(_ a: Entry, _ b: Entry) -> Bool {
            a.key == b.key && (a.key >> 63 == 1 || text(a).utf8.elementsEqual(text(b).utf8))
        }
        var groups: [ArraySlice<Entry>] = []
        var start = 0
        while start < sorted.count {
            var end = start + 1
            while end < sorted.count && sorted[end].hash == sorted[start].hash { end += 1 }
            let first = sorted[start]
            if sorted[start..<end].allSatisfy({ same($0, first) }) {
                groups.append(sorted[start..<end])
            } else {
                // Two terms with one hash: split them, keeping document order within each.
                var byText: [[Entry]] = []
                for entry in sorted[start..<end] {
                    if let index = byText.firstIndex(where: { same($0[0], entry) }) {
                        byText[index].append(entry)
                    } else {
                        byText.append([entry])
                    }
                }
                groups += byText.map { ArraySlice($0) }
            }
            start = end
        }
        var fragments: [(term: String, json: [UInt8])] = []
        fragments.reserveCapacity(groups.count)
        for group in groups {
            let text = text(group.first!)
            var json = JSONText(capacity: 16 + group.count * 3)
            json.string(text)
            json.raw(":")
            json.quoted(PostingCoder.counts(group.map { (id: $0.document, value: SearchScoring.value(body: $0.body, heading: $0.heading, meta: $0.meta)) }))
            fragments.append((text, json.bytes))
        }
        return fragments
    }

    private func displayChunk(_ slice: ArraySlice<SearchRecord>, number: Int) -> SearchFile {
        var json = JSONText(capacity: slice.count * 256)
        json.raw("[")
        for (index, record) in slice.enumerated() {
            if index > 0 { json.raw(",\n") }
            json.raw("[")
            for (field, text) in [record.title, record.url, record.docNumber ?? "", record.date, record.validity ?? ""].enumerated() {
                if field > 0 { json.raw(",") }
                json.string(text)
            }
            json.raw(record.notCurrent ? ",1," : ",0,")
            json.string(record.issuer ?? "")
            json.raw(",")
            json.string(record.type ?? "")
            json.raw("]")
        }
        json.raw("]\n")
        return SearchFile(path: "d/\(number).json", bytes: json.bytes)
    }

    private func facetFiles(_ records: [SearchRecord]) -> (manifest: [UInt8], files: [SearchFile]) {
        var json = JSONText()
        var files: [SearchFile] = []
        json.raw("[")
        // A facet no record has a value of (公开主体 on a site without bodies) is left out.
        let present = SearchFacet.allCases.filter { facet in facet != .body || records.contains { facet.value(of: $0) != nil } }
        for (facetIndex, facet) in present.enumerated() {
            if facetIndex > 0 { json.raw(",") }
            json.raw("{\"name\":")
            json.string(facet.rawValue)
            json.raw(",\"label\":")
            json.string(facet.label)
            json.raw(",\"values\":[")
            let members = facet.members(in: records)
            for (valueIndex, entry) in facet.values(of: members).enumerated() {
                if valueIndex > 0 { json.raw(",") }
                json.raw("{\"value\":")
                json.string(entry.value)
                json.raw(",\"count\":\(entry.count),")
                let ids = members[entry.value]!.map { Int32($0) }
                if facet == .year {
                    // Documents are numbered by date (oldest first), so a year's documents are contiguous.
                    json.raw("\"from\":\(ids.first!),\"to\":\(ids.last! + 1)}")
                } else {
                    let path = "f/\(facet.rawValue)-\(valueIndex).json"
                    var file = JSONText()
                    let gaps = PostingCoder.gaps(ids)
                    if gaps.count > (records.count + 5) / 6 {
                        file.raw("[\"b\",")
                        file.quoted(PostingCoder.bitmap(ids, count: records.count))
                    } else {
                        file.raw("[\"l\",")
                        file.quoted(gaps)
                    }
                    file.raw("]\n")
                    files.append(SearchFile(path: path, bytes: file.bytes))
                    json.raw("\"file\":")
                    json.string(path)
                    json.raw("}")
                }
            }
            json.raw("]}")
        }
        json.raw("]")
        return (json.bytes, files)
    }

    /// One term occurrence: document, index of the term in the document, the term's hash and
    /// its counts (copied here so that the per-shard work reads memory in order).
    struct Entry {
        let document: Int32
        let term: Int32
        let hash: UInt32
        /// See `AnalyzedTerm.key`.
        let key: UInt64
        let heading: UInt16
        let meta: UInt16
        let body: UInt16
    }
}
