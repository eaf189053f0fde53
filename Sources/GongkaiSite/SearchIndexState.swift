import GongkaiModel
import GongkaiOutput
import GongkaiSearch

/// The directory of the search index's state (`.site.search`, a `StateFile`): what the next
/// build needs to patch the index instead of merging it again. Per document, by its number in
/// the index: which document it is, the key of the source it was analysed from, its body
/// length, and where its analysis (`StoredAnalysis`) is in the log (`.site.search-<generation>`,
/// a `StateLog`); the key of every document's metadata with the facets' part of the manifest;
/// and the layout of the term shards and the hash of the manifest of the index
/// this state describes, so that a state older than the output (a build killed between the two)
/// is never patched onto it.
struct SearchIndexState: Sendable, Equatable {
    struct Document: Sendable, Equatable {
        /// `identity(of:)` of the record's id.
        let identity: UInt64
        let source: UInt64
        let bodyLength: Int
        let location: StateLog.Location
    }

    let generation: UInt64
    let manifest: UInt64
    let layout: SearchIndexWriter.Layout
    /// `SearchIndexOutputs.metadataKey` of the records the index was made from, and the facets'
    /// part of its manifest: while the key holds, the display chunks and facet files stand.
    let metadata: UInt64
    let facets: [UInt8]
    let documents: [Document]

    static func identity(of id: String) -> UInt64 { StableHasher.hash(id) }

    func encoded() -> [UInt8] {
        var writer = ByteWriter(capacity: 56 + facets.count + documents.count * (24 + StateLog.Location.encodedCount))
        writer.u64(generation)
        writer.u64(manifest)
        writer.u64(UInt64(layout.shardCount))
        writer.u64(UInt64(layout.fragmentBytes))
        writer.u64(metadata)
        writer.u64(UInt64(facets.count))
        writer.bytes(facets)
        writer.u64(UInt64(documents.count))
        for document in documents {
            writer.u64(document.identity)
            writer.u64(document.source)
            writer.u64(UInt64(document.bodyLength))
            document.location.write(to: &writer)
        }
        return writer.bytes
    }

    /// The state in `bytes`, or nil when any length in it is out of bounds.
    static func decode(_ bytes: [UInt8]) -> SearchIndexState? {
        var reader = ByteReader(bytes)
        guard let generation = reader.u64(), let manifest = reader.u64(), let shardCount = reader.u64(), shardCount > 0,
            shardCount <= 1 << 20, shardCount & (shardCount - 1) == 0, let fragmentBytes = reader.u64(), fragmentBytes < 1 << 48,
            let metadata = reader.u64(), let facetCount = reader.u64(), facetCount <= UInt64(reader.remaining),
            let facets = reader.bytes(Int(facetCount)),
            let count = reader.u64(), count <= UInt64(reader.remaining / (24 + StateLog.Location.encodedCount))
        else { return nil }
        var documents: [Document] = []
        documents.reserveCapacity(Int(count))
        for _ in 0..<count {
            guard let identity = reader.u64(), let source = reader.u64(), let length = reader.u64(), length <= UInt64(Int32.max),
                let location = StateLog.Location.read(from: &reader)
            else { return nil }
            documents.append(Document(identity: identity, source: source, bodyLength: Int(length), location: location))
        }
        guard reader.atEnd else { return nil }
        return SearchIndexState(
            generation: generation, manifest: manifest,
            layout: SearchIndexWriter.Layout(shardCount: Int(shardCount), fragmentBytes: Int(fragmentBytes)), metadata: metadata,
            facets: Array(facets), documents: documents)
    }
}
