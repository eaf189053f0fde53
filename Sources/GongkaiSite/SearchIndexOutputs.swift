import Foundation
import GongkaiModel
import GongkaiOutput
import GongkaiPublish
import GongkaiSearch
import GongkaiTemplates

/// The search index files as outputs of a build. Their fingerprint is the hash of every
/// published document's `SearchSource` (with the program and `SearchAnalyzer.version`): when
/// no source changed, the previous files are kept without reading Markdown or segmenting anything.
///
/// Otherwise, with the state the last build left beside the output (`SearchIndexState` in
/// `.site.search`, the analyses in its `StateLog`), the index is patched: when no document was
/// renumbered (an edit, a document added after the newest, the newest removed), only the changed
/// documents are segmented, their old analyses are read from the log, and only the shards of the
/// terms whose counts changed are rewritten, from their own bytes (checked against the build
/// cache), with the manifest and the small per-document files that changed (the display
/// chunks and facet files only when some record's metadata moved: not after a body edit). When the patch
/// cannot be made (documents renumbered, many changed, the shard count would change, a shard not
/// as recorded), the index is merged whole from every analysis: those of unchanged sources come
/// from the log, the others are segmented. Either way the files are byte for byte a whole build's.
struct SearchIndexOutputs: Sendable {
    let renderer: PageRenderer
    /// The program's hash: the index does not depend on templates, so it is not `buildKey`.
    let programKey: UInt64
    /// The state's directory file; nil: no state is read or written.
    let stateURL: URL?
    /// Whether the state may be read (false for a whole build, `--full`).
    let readState: Bool

    static func stateURL(of output: URL) -> URL { StateFile.location(of: output, name: "search") }

    /// What `make` gives the build.
    struct Made {
        let files: [OutputFile]
        /// False when all files were kept from the last build.
        let rebuilt: Bool
        /// Documents segmented in this build (the others' analyses were reused).
        let analyzed: Int
        /// A notice when the state could not be used.
        let warnings: [Diagnostic]
        /// The state to keep for the next build (`keep`), when the index was made again.
        let state: Pending?
        /// Whether the index was patched rather than merged whole.
        var patched = false
        /// Whether the patch kept the display chunks and facet files (no record's metadata moved).
        var metadataKept = false
    }

    /// The state `keep` writes: per document its entry in the log (kept or new), and what the
    /// directory says besides.
    struct Pending {
        enum Entry {
            case stored(StateLog.Location)
            case fresh(StoredAnalysis)
        }
        /// The log the stored entries are in; nil: a new generation is written.
        let log: StateLog?
        let documents: [(identity: UInt64, source: UInt64, bodyLength: Int, entry: Entry)]
        let layout: SearchIndexWriter.Layout
        let manifest: UInt64
        /// See `SearchIndexState.metadata` and `facets`.
        let metadata: UInt64
        let facets: [UInt8]
        /// The directory as read in this build, if it was: one that says the same is not written again.
        let read: SearchIndexState?
    }

    func make() -> Made {
        let factory = renderer.plan.factory
        let sources = factory.published.searchSources()
        let sourceKeys = sources.parallelMap(Self.keys)
        let keys = sourceKeys.map(\.source)
        var hasher = StableHasher()
        hasher.combine(programKey)
        hasher.combine(SearchAnalyzer.version)
        hasher.combine(sources.count)
        for key in keys { hasher.combine(key) }
        let fingerprint = hasher.finalize()

        let prefix = factory.routes.searchDataFile("")
        let previousPaths = renderer.previous.map { $0.records.keys.filter { $0.hasPrefix(prefix) } } ?? []
        let kept = previousPaths.compactMap { path in renderer.previous?.records[path].flatMap { renderer.reusable(path, $0.fingerprint) }.map { (path, $0) } }
        let intact = !previousPaths.isEmpty && kept.count == previousPaths.count
        if intact, kept.allSatisfy({ $0.1.fingerprint == fingerprint }) {
            return Made(files: kept.map { OutputFile(path: $0.0, record: $0.1, text: nil) }, rebuilt: false, analyzed: 0, warnings: [], state: nil)
        }
        let order = SearchIndexWriter.order(sources.map(\.metadata))
        let metadata = Self.metadataKey(order.map { sourceKeys[$0].metadata })
        var warnings: [Diagnostic] = []
        var state: (directory: SearchIndexState, log: StateLog)? = nil
        if readState, let stateURL {
            switch StateFile.read(from: stateURL, key: stateKey) {
            case .missing: break
            case .discarded: warnings.append(Self.discardedNotice(stateURL))
            case .loaded(let payload):
                if let directory = SearchIndexState.decode(payload) {
                    state = (directory, StateLog(base: stateURL, key: stateKey, generation: directory.generation))
                } else {
                    warnings.append(Self.discardedNotice(stateURL))
                }
            }
        }
        if let current = state, intact {
            switch patch(
                sources, keys: keys, order: order, metadata: metadata, fingerprint: fingerprint, state: current,
                kept: Dictionary(uniqueKeysWithValues: kept))
            {
            case .made(let made): return made
            case .declined: break
            case .damaged:
                warnings.append(Self.discardedNotice(stateURL!))
                state = nil
            }
        }
        return merge(sources, keys: keys, order: order, metadata: metadata, fingerprint: fingerprint, state: state, warnings: warnings)
    }

    /// The keys of a source: of its record's metadata, and of everything it is analysed from.
    /// A document's come from its digests, the record's address and 公开主体 (the rest of the
    /// record is made from the document's fields); any other's from the record and the texts.
    static func keys(_ source: SearchSource) -> (metadata: UInt64, source: UInt64) {
        var hasher = StableHasher()
        if let document = source.document {
            hasher.combine("document")
            hasher.combine(document.outline)
            hasher.combine(source.metadata.url)
            hasher.combine(source.metadata.discloser != nil)
            hasher.combine(source.metadata.discloser ?? "")
        } else {
            FingerprintEncoder.fingerprint(source.metadata, into: &hasher)
        }
        let metadata = hasher.finalize()
        hasher = StableHasher()
        hasher.combine(metadata)
        if let document = source.document {
            hasher.combine(document.digest)
        } else {
            hasher.combine(source.markdown)
        }
        hasher.combine(source.appended)
        return (metadata, hasher.finalize())
    }

    /// The key of every record's metadata (`keys(_:)`, in index order): what the display
    /// chunks and facet files are made from.
    static func metadataKey(_ keys: [UInt64]) -> UInt64 {
        var hasher = StableHasher()
        hasher.combine("search-metadata")
        hasher.combine(keys.count)
        for key in keys { hasher.combine(key) }
        return hasher.finalize()
    }

    private enum Patch {
        case made(Made)
        /// The patch would not be exact or would cost more than a merge.
        case declined
        /// The state's log does not hold what its directory says.
        case damaged
    }

    /// The index patched from the state (see the type's comment).
    private func patch(
        _ sources: [SearchSource], keys: [UInt64], order: [Int], metadata: UInt64, fingerprint: UInt64,
        state: (directory: SearchIndexState, log: StateLog), kept: [String: BuildCache.Record]
    ) -> Patch {
        let routes = renderer.plan.factory.routes
        let old = state.directory.documents
        let layout = state.directory.layout
        guard let outputPath = renderer.outputPath, kept[routes.searchDataFile("manifest.json")]?.content == state.directory.manifest else { return .declined }
        let common = min(old.count, order.count)
        var changed: [Int] = []
        for number in 0..<common {
            let source = order[number]
            guard old[number].identity == SearchIndexState.identity(of: sources[source].metadata.id) else { return .declined }
            if old[number].source != keys[source] { changed.append(number) }
        }
        changed += common..<max(old.count, order.count)
        // A merge reads every analysis once; past this many, patching shard by shard costs more.
        guard changed.count <= max(32, order.count / 16) else { return .declined }
        let oldNumbers = changed.filter { $0 < old.count }
        guard let oldEntries = state.log.read(oldNumbers.map { old[$0].location }) else { return .damaged }
        var before: [Int: StoredAnalysis] = [:]
        for (number, bytes) in zip(oldNumbers, oldEntries) {
            guard let analysis = StoredAnalysis.decode(bytes) else { return .damaged }
            before[number] = analysis
        }
        let analyzer = SearchAnalyzer()
        let fresh = changed.filter { $0 < order.count }
        let after = Dictionary(uniqueKeysWithValues: zip(fresh, fresh.parallelMap { StoredAnalysis(analyzer.analyze(sources[order[$0]].record)) }))
        let changes = SearchIndexWriter.termChanges(changed.map { (Int32($0), before[$0], after[$0]) })
        let byShard = Dictionary(grouping: changes) { $0.shard(of: layout.shardCount) }
        let patched = byShard.sorted { $0.key < $1.key }.parallelMap { shard, changes -> (path: String, bytes: [UInt8], growth: Int)? in
            let path = routes.searchDataFile("t/\(shard).json")
            guard let record = kept[path], let bytes = StateFile.readBytes(outputPath + "/" + path), bytes.count == record.size,
                SearchIndexWriter.contentHash(bytes) == record.content,
                let result = SearchIndexWriter.patch(shard: bytes, changes: changes)
            else { return nil }
            return (path, result.bytes, result.growth)
        }
        guard patched.allSatisfy({ $0 != nil }) else { return .declined }
        let writer = SearchIndexWriter()
        let fragmentBytes = layout.fragmentBytes + patched.reduce(0) { $0 + $1!.growth }
        guard writer.shardCount(fragmentBytes: fragmentBytes) == layout.shardCount else { return .declined }

        let lengths = order.indices.map { after[$0]?.bodyLength ?? old[$0].bodyLength }
        // No record's metadata moved (a body edit): the display chunks and facet files stand as
        // the build cache recorded them, and only the lengths are made again.
        let metadataStands = metadata == state.directory.metadata
        let rest =
            metadataStands
            ? (files: writer.lengthFiles(lengths), facets: state.directory.facets)
            : writer.documentFiles(order.map { sources[$0].metadata }, lengths: lengths)
        let standing = (["t/"] + (metadataStands ? ["d/", "f/"] : [])).map { routes.searchDataFile($0) }
        var contents: [String: (hash: UInt64, text: String?)] = [:]
        for (path, record) in kept where standing.contains(where: path.hasPrefix) { contents[path] = (record.content, nil) }
        let made: [(path: String, bytes: [UInt8])] = patched.map { ($0!.path, $0!.bytes) } + rest.files.map { (routes.searchDataFile($0.path), $0.bytes) }
        for file in made {
            let hash = SearchIndexWriter.contentHash(file.bytes)
            contents[file.path] = (hash, kept[file.path]?.content == hash ? nil : String(decoding: file.bytes, as: UTF8.self))
        }
        let manifestPath = routes.searchDataFile("manifest.json")
        let prefixCount = routes.searchDataFile("").count
        let manifest = writer.manifest(
            documents: order.count, totalLength: lengths.reduce(0, +), shardCount: layout.shardCount, facets: rest.facets,
            build: SearchIndexWriter.build(of: contents.map { (String($0.key.dropFirst(prefixCount)), $0.value.hash) }))
        let manifestHash = SearchIndexWriter.contentHash(manifest.bytes)
        contents[manifestPath] = (manifestHash, kept[manifestPath]?.content == manifestHash ? nil : String(decoding: manifest.bytes, as: UTF8.self))
        let files = contents.sorted { $0.key < $1.key }.map { path, content in
            let size = content.text == nil ? kept[path]!.size : 0
            let modified = content.text == nil ? kept[path]!.modified : 0
            return OutputFile(
                path: path, record: BuildCache.Record(fingerprint: fingerprint, content: content.hash, size: size, modified: modified), text: content.text)
        }
        let documents = order.indices.map { number -> (identity: UInt64, source: UInt64, bodyLength: Int, entry: Pending.Entry) in
            let source = order[number]
            let entry: Pending.Entry = after[number].map { .fresh($0) } ?? .stored(old[number].location)
            return (SearchIndexState.identity(of: sources[source].metadata.id), keys[source], lengths[number], entry)
        }
        let pending = Pending(
            log: state.log, documents: documents, layout: SearchIndexWriter.Layout(shardCount: layout.shardCount, fragmentBytes: fragmentBytes),
            manifest: manifestHash, metadata: metadata, facets: rest.facets, read: state.directory)
        return .made(
            Made(files: files, rebuilt: true, analyzed: fresh.count, warnings: [], state: pending, patched: true, metadataKept: metadataStands))
    }

    /// The index merged whole from every document's analysis: from the state's log when its
    /// source did not change, otherwise segmented now.
    private func merge(
        _ sources: [SearchSource], keys: [UInt64], order: [Int], metadata: UInt64, fingerprint: UInt64,
        state: (directory: SearchIndexState, log: StateLog)?, warnings: [Diagnostic]
    ) -> Made {
        var warnings = warnings
        let log = state.flatMap { $0.log.readAll() }
        if state != nil && log == nil { warnings.append(Self.discardedNotice(stateURL!)) }
        let stored = log == nil ? [:] : Dictionary(state!.directory.documents.map { ($0.source, $0.location) }) { first, _ in first }
        let analyzer = SearchAnalyzer()
        let entries = order.parallelMap { source -> (AnalyzedDocument, StateLog.Location?) in
            if let location = stored[keys[source]], let log, let bytes = StateLog.entry(location, in: log),
                let analysis = StoredAnalysis.decode(Array(bytes))
            {
                return (analysis.document(sources[source].metadata), location)
            }
            return (analyzer.analyze(sources[source].record), nil)
        }
        // An entry the directory names that is not intact: the state is not trusted, and a new
        // log is written (the intact entries were checked and are used).
        let damaged = zip(order, entries).contains { stored[keys[$0]] != nil && $1.1 == nil }
        if damaged { warnings.append(Self.discardedNotice(stateURL!)) }
        let index = SearchIndexWriter().index(for: entries.map(\.0))
        let routes = renderer.plan.factory.routes
        var manifestHash: UInt64 = 0
        let files = index.files.map { file in
            let hash = SearchIndexWriter.contentHash(file.bytes)
            if file.path == "manifest.json" { manifestHash = hash }
            return OutputFile(
                path: routes.searchDataFile(file.path), record: BuildCache.Record(fingerprint: fingerprint, content: hash, size: 0, modified: 0),
                text: String(decoding: file.bytes, as: UTF8.self))
        }
        let documents = zip(order, entries).map { source, entry -> (identity: UInt64, source: UInt64, bodyLength: Int, entry: Pending.Entry) in
            let kept: Pending.Entry = damaged ? .fresh(StoredAnalysis(entry.0)) : entry.1.map { .stored($0) } ?? .fresh(StoredAnalysis(entry.0))
            return (SearchIndexState.identity(of: sources[source].metadata.id), keys[source], entry.0.bodyLength, kept)
        }
        let analyzed = entries.filter { $0.1 == nil }.count
        let pending = Pending(
            log: damaged ? nil : state?.log, documents: documents, layout: index.layout, manifest: manifestHash,
            metadata: metadata, facets: index.facets, read: damaged ? nil : state?.directory)
        return Made(files: files, rebuilt: true, analyzed: analyzed, warnings: warnings, state: pending)
    }

    /// What the state is keyed by: the program, the analyser and the state's formats.
    private var stateKey: UInt64 {
        var hasher = StableHasher()
        hasher.combine(programKey)
        hasher.combine(SearchAnalyzer.version)
        hasher.combine("search-index-state 3")
        return hasher.finalize()
    }

    /// Keeps the state of a build that succeeded for the next one: new analyses are appended
    /// to the log (or a new generation is written, when there is none or it holds more dead
    /// bytes than live ones), then the directory is replaced. A failed build leaves both as they were.
    func keep(_ made: Made) {
        guard let pending = made.state, let stateURL else { return }
        // A state that cannot be written costs the next build its speed, never its correctness.
        try? write(pending, to: stateURL)
    }

    private func write(_ pending: Pending, to stateURL: URL) throws {
        var locations: [StateLog.Location?] = pending.documents.map {
            if case .stored(let location) = $0.entry { return location }
            return nil
        }
        let live = pending.documents.reduce(0 as UInt64) { total, document in
            if case .stored(let location) = document.entry { return total + location.length }
            return total
        }
        var log = pending.log
        // A log mostly of dead entries is rewritten with the live ones only.
        var old: [UInt8]? = nil
        if let current = log, let size = current.size, size > 2 * live + (8 << 20), let all = current.readAll() {
            old = all
            log = nil
        }
        if let log {
            let fresh = pending.documents.indices.compactMap { index -> (Int, [UInt8])? in
                if case .fresh(let analysis) = pending.documents[index].entry { return (index, analysis.encoded()) }
                return nil
            }
            if !fresh.isEmpty {
                for (index, location) in zip(fresh.map(\.0), try log.append(fresh.map(\.1))) { locations[index] = location }
            }
        } else {
            let entries = pending.documents.lazy.map { document -> [UInt8] in
                switch document.entry {
                case .fresh(let analysis): return analysis.encoded()
                // Checked when this build read it; should it fail now, the empty entry does not decode and the next build merges.
                case .stored(let location): return old.flatMap { StateLog.entry(location, in: $0) }.map(Array.init) ?? []
                }
            }
            let created = try StateLog.create(base: stateURL, key: stateKey, entries: entries)
            locations = created.locations
            log = created.log
        }
        let directory = SearchIndexState(
            generation: log!.generation, manifest: pending.manifest, layout: pending.layout, metadata: pending.metadata,
            facets: pending.facets,
            documents: zip(pending.documents, locations).map { document, location in
                SearchIndexState.Document(identity: document.identity, source: document.source, bodyLength: document.bodyLength, location: location!)
            })
        if directory != pending.read {
            try StateFile.write(directory.encoded(), key: stateKey, to: stateURL)
        }
        log!.removeOtherGenerations()
    }

    static func discardedNotice(_ url: URL) -> Diagnostic {
        .warning(url.lastPathComponent, "检索分析状态来自其他版本、不完整或已损坏，没有使用；这次重新分析全部文件。", rule: "cache-discarded")
    }
}
