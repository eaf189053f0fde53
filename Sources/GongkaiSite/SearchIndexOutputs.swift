import GongkaiModel
import GongkaiOutput
import GongkaiPublish
import GongkaiSearch
import GongkaiTemplates
import Synchronization

/// The search index files as outputs of a build. Their fingerprint is the hash of every
/// published document's `SearchRecord` (with the build key and `SearchAnalyzer.version`): when
/// no record changed, the previous files are kept without segmenting anything; otherwise the
/// index is merged again (term weights depend on the whole collection) and only the shards
/// whose bytes changed are written. The per-document analysis is kept in memory between builds
/// of one process (`gongkai serve`), so a rebuild there segments only the changed documents.
struct SearchIndexOutputs: Sendable {
    let renderer: PageRenderer
    /// The program's hash: the index does not depend on templates, so it is not `buildKey`.
    let programKey: UInt64

    /// Analyses of the previous build in this process, by record hash.
    private static let memo = Mutex<[UInt64: AnalyzedDocument]>([:])

    /// The index files, and whether they were made again (false: all kept from the last build).
    func make() -> (files: [OutputFile], rebuilt: Bool) {
        let factory = renderer.plan.factory
        let records = factory.published.searchRecords()
        let keys = records.parallelMap { record -> UInt64 in
            var hasher = StableHasher()
            FingerprintEncoder.fingerprint(record, into: &hasher)
            return hasher.finalize()
        }
        var hasher = StableHasher()
        hasher.combine(programKey)
        hasher.combine(SearchAnalyzer.version)
        hasher.combine(records.count)
        for key in keys { hasher.combine(key) }
        let fingerprint = hasher.finalize()

        let prefix = factory.routes.searchDataFile("")
        if let previous = renderer.previous {
            let paths = previous.records.keys.filter { $0.hasPrefix(prefix) }
            let kept = paths.compactMap { path in renderer.reusable(path, fingerprint).map { (path, $0) } }
            if !paths.isEmpty, kept.count == paths.count {
                return (kept.map { OutputFile(path: $0.0, record: $0.1, text: nil) }, false)
            }
        }
        let analyzed = analyze(records, keys: keys)
        let files = SearchIndexWriter().files(for: analyzed).map { file in
            let text = String(decoding: file.bytes, as: UTF8.self)
            return OutputFile(
                path: factory.routes.searchDataFile(file.path),
                record: BuildCache.Record(fingerprint: fingerprint, content: StableHasher.hash(text), size: 0, modified: 0),
                text: text)
        }
        return (files, true)
    }

    /// Segments the records, reusing the analyses of the previous build in this process.
    private func analyze(_ records: [SearchRecord], keys: [UInt64]) -> [AnalyzedDocument] {
        let known = Self.memo.withLock { $0 }
        let analyzer = SearchAnalyzer()
        let analyzed = Array(zip(records, keys)).parallelMap { record, key in
            known[key] ?? analyzer.analyze(record)
        }
        Self.memo.withLock { memo in
            memo = Dictionary(zip(keys, analyzed), uniquingKeysWith: { first, _ in first })
        }
        return analyzed
    }
}
