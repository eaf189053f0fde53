import Foundation
import GongkaiModel
import GongkaiOutput
import GongkaiPublish
import GongkaiSearch
import GongkaiTemplates
import Synchronization

/// The search index files as outputs of a build. Their fingerprint is the hash of every
/// published document's `SearchSource` (with the program and `SearchAnalyzer.version`): when
/// no source changed, the previous files are kept without reading Markdown or segmenting
/// anything; otherwise the index is merged again and only the files whose bytes changed are
/// written: the shards hold raw counts (scores are computed by search.js), so those are the
/// shards of the terms the edited documents touched, the manifest and a few small files. The per-document analyses are kept in
/// a state file beside the output (`.site.search`, an `AnalysisStore`), and in memory between
/// builds of one process (`gongkai serve`), so a rebuild segments only the changed documents.
struct SearchIndexOutputs: Sendable {
    let renderer: PageRenderer
    /// The program's hash: the index does not depend on templates, so it is not `buildKey`.
    let programKey: UInt64
    /// The state file of the analyses; nil: none is read or written.
    let stateURL: URL?
    /// Whether the state file may be read (false for a whole build, `--full`).
    let readState: Bool

    /// The state file's contents as the last build in this process left them, by the file's
    /// path (one output folder for `gongkai serve`; a few at most), with the key they were stored under.
    private static let memo = Mutex<[String: (key: UInt64, store: AnalysisStore)]>([:])

    static func stateURL(of output: URL) -> URL { StateFile.location(of: output, name: "search") }

    /// Forgets the analyses kept in memory, as a new process starts (tests).
    static func forgetMemory() { memo.withLock { $0 = [:] } }

    /// What `make` gives the build.
    struct Made {
        let files: [OutputFile]
        /// False when all files were kept from the last build.
        let rebuilt: Bool
        /// Documents segmented in this build (the others' analyses were reused).
        let analyzed: Int
        /// A notice when the state file could not be used.
        let warnings: [Diagnostic]
        /// The analyses to keep for the next build (`keep`), when the index was made again.
        let state: AnalysisStore?
        /// True when `state` is what the state file, read intact in this build, already holds.
        var stateFileCurrent = false
    }

    func make() -> Made {
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
                return Made(files: kept.map { OutputFile(path: $0.0, record: $0.1, text: nil) }, rebuilt: false, analyzed: 0, warnings: [], state: nil)
            }
        }
        let (analyzed, fresh, warnings, fileEntries) = analyze(sources, keys: keys)
        let state = AnalysisStore(zip(keys, analyzed))
        let files = SearchIndexWriter().files(for: analyzed).map { file in
            let text = String(decoding: file.bytes, as: UTF8.self)
            return OutputFile(
                path: factory.routes.searchDataFile(file.path),
                record: BuildCache.Record(fingerprint: fingerprint, content: StableHasher.hash(text), size: 0, modified: 0),
                text: text)
        }
        // Every analysis came from the file and it holds no other: rewriting it would write the same bytes.
        let current = fresh == 0 && fileEntries == state.entries.count
        return Made(files: files, rebuilt: true, analyzed: fresh, warnings: warnings, state: state, stateFileCurrent: current)
    }

    /// What the state file is keyed by: the program, the analyser and the store's format.
    private var stateKey: UInt64 {
        var hasher = StableHasher()
        hasher.combine(programKey)
        hasher.combine(SearchAnalyzer.version)
        hasher.combine("analysis-store 1")
        return hasher.finalize()
    }

    /// Segments the records whose analysis is not known from the previous build (in this
    /// process, or in the state file).
    /// Also returns how many analyses the state file held when it was read intact in this build.
    private func analyze(_ sources: [SearchSource], keys: [UInt64]) -> ([AnalyzedDocument], Int, [Diagnostic], Int?) {
        let stateKey = stateKey
        var warnings: [Diagnostic] = []
        var known = AnalysisStore()
        var fileEntries: Int? = nil
        if readState {
            if let stateURL, let memo = Self.memo.withLock({ $0[stateURL.path] }), memo.key == stateKey {
                known = memo.store
            } else if let stateURL {
                switch StateFile.read(from: stateURL, key: stateKey) {
                case .missing: break
                case .discarded:
                    warnings.append(Self.discardedNotice(stateURL))
                case .loaded(let payload):
                    if let store = AnalysisStore.decode(payload) {
                        known = store
                        fileEntries = store.entries.count
                    } else {
                        warnings.append(Self.discardedNotice(stateURL))
                    }
                }
            }
        }
        let store = known
        let analyzer = SearchAnalyzer()
        let analyzed = Array(zip(sources, keys)).parallelMap { source, key in
            store.document(key, metadata: source.metadata) ?? analyzer.analyze(source.record)
        }
        return (analyzed, keys.filter { store.entries[$0] == nil }.count, warnings, fileEntries)
    }

    /// Keeps the analyses of a build that succeeded for the next one, in memory and in the
    /// state file; a failed build leaves both as they were.
    func keep(_ made: Made) {
        guard let state = made.state, let stateURL else { return }
        let stateKey = stateKey
        Self.memo.withLock { memo in
            if memo.count >= 4, memo[stateURL.path] == nil { memo.removeAll() }
            memo[stateURL.path] = (stateKey, state)
        }
        // A state that cannot be written costs the next build its speed, never its correctness.
        guard !made.stateFileCurrent else { return }
        try? StateFile.write(count: state.encodedCount, key: stateKey, to: stateURL) { put in try state.encode(put) }
    }

    static func discardedNotice(_ url: URL) -> Diagnostic {
        .warning(url.lastPathComponent, "检索分析状态来自其他版本、不完整或已损坏，没有使用；这次重新分析全部文件。", rule: "cache-discarded")
    }
}
