import GongkaiModel
import GongkaiOutput
import GongkaiPublish
import GongkaiSearch
import GongkaiTemplates
import Synchronization

/// The search index files as outputs of a build. Their fingerprint is the hash of every
/// published document's `SearchSource` (with the program and `SearchAnalyzer.version`): when
/// no source changed, the previous files are kept without reading Markdown or segmenting anything; otherwise the
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
        let sources = factory.published.searchSources()
        let keys = sources.parallelMap { source -> UInt64 in
            var hasher = StableHasher()
            FingerprintEncoder.fingerprint(source.metadata, into: &hasher)
            hasher.combine(source.markdown)
            hasher.combine(source.appended)
            return hasher.finalize()
        }
        var hasher = StableHasher()
        hasher.combine(programKey)
        hasher.combine(SearchAnalyzer.version)
        hasher.combine(sources.count)
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
        let analyzed = analyze(sources, keys: keys)
        let files = SearchIndexWriter().files(for: analyzed).map { file in
            let text = String(decoding: file.bytes, as: UTF8.self)
            return OutputFile(
                path: factory.routes.searchDataFile(file.path),
                record: BuildCache.Record(fingerprint: fingerprint, content: StableHasher.hash(text), size: 0, modified: 0),
                text: text)
        }
        return (files, true)
    }

    /// Reads and segments the records, reusing the analyses of the previous build in this process.
    private func analyze(_ sources: [SearchSource], keys: [UInt64]) -> [AnalyzedDocument] {
        let known = Self.memo.withLock { $0 }
        let analyzer = SearchAnalyzer()
        let analyzed = Array(zip(sources, keys)).parallelMap { source, key in
            known[key] ?? analyzer.analyze(source.record)
        }
        Self.memo.withLock { memo in
            memo = Dictionary(zip(keys, analyzed), uniquingKeysWith: { first, _ in first })
        }
        return analyzed
    }
}
