import Foundation
import GongkaiModel
import GongkaiOutput

/// What the previous load read from each document of `content/`: the file's stamp and content
/// hash, the document as its reader gave it (before 索引号 numbering and references, which
/// depend on the other files) and the reader's diagnostics. A load given this state stats every
/// document and reads again only those whose stamp moved and whose bytes changed; the passes
/// over all documents run after, on the same drafts a full read gives. Kept by the build beside
/// the output (`.site.content`, a `StateFile` naming per document where its entry is in the
/// append-only log `.site.content-<generation>`, a `StateLog`, so that an edit appends one entry
/// and rewrites the small directory) and in memory in `gongkai serve`.
///
/// Only documents are kept: they are nearly all of the files. site.yml, plans, reports,
/// catalogues, FAQ entries and consultations are few and always read.
public struct SourceState: Sendable {
    /// The version of this encoding and of what the readers make; part of the state file's key.
    public static let format: UInt64 = 2

    struct Entry: Sendable {
        var size: Int
        var modified: Int64
        var changed: Int64
        var inode: UInt64
        /// `StableHasher` of the file's bytes: a file touched but not changed is still reused.
        var hash: UInt64
        /// What reading depended on besides the file (`ContentLoader.readerKey`): the fields its
        /// column declares in site.yml, the display prefix.
        var key: UInt64
        var draft: DocumentDraft
        var diagnostics: [Diagnostic]
        /// Where the draft and diagnostics are in the log of `generation`; nil: not written yet.
        var location: StateLog.Location? = nil

        func hasStamp(_ stamp: FileStamp) -> Bool {
            stamp.size == size && stamp.modified == modified && stamp.changed == changed && stamp.inode == inode
        }
    }

    var documents: [String: Entry] = [:]
    /// False when the load that made this state reused every entry of the one it was given
    /// as it was: nothing to write.
    public internal(set) var changed = true
    /// The generation of the log the entries' locations are in.
    var generation: UInt64? = nil

    public init() {}

    /// Documents the state holds.
    public var count: Int { documents.count }

    /// What the log holds of an entry: the document as read, its references and diagnostics.
    static func payload(_ entry: Entry) -> [UInt8] {
        var writer = ByteWriter(capacity: entry.draft.document.body.utf8.count + 1024)
        writer.document(entry.draft.document)
        writer.u32(UInt32(entry.draft.references.count))
        for reference in entry.draft.references {
            writer.string(reference.field)
            writer.string(reference.key)
            writer.string(reference.text)
            writer.int(reference.line)
        }
        writer.u32(UInt32(entry.diagnostics.count))
        for diagnostic in entry.diagnostics { writer.diagnostic(diagnostic) }
        return writer.bytes
    }

    static func decodePayload(_ bytes: [UInt8]) -> (DocumentDraft, [Diagnostic])? {
        var reader = ByteReader(bytes)
        guard let document = reader.document(), let referenceCount = reader.u32(), Int(referenceCount) <= reader.remaining / 20 else { return nil }
        var references: [DocumentDraft.Reference] = []
        for _ in 0..<referenceCount {
            guard let field = reader.string(), let referenceKey = reader.string(), let text = reader.string(), let line = reader.int() else { return nil }
            references.append(.init(field: field, key: referenceKey, text: text, line: line))
        }
        guard let diagnosticCount = reader.u32(), Int(diagnosticCount) <= reader.remaining / 10 else { return nil }
        var diagnostics: [Diagnostic] = []
        for _ in 0..<diagnosticCount {
            guard let diagnostic = reader.diagnostic() else { return nil }
            diagnostics.append(diagnostic)
        }
        return reader.atEnd ? (DocumentDraft(document: document, references: references), diagnostics) : nil
    }

    /// The directory: the log's generation, then per document (in path order) its path, stamp,
    /// hash, reader key and location. Every entry must have a location.
    func directory() -> [UInt8] {
        var writer = ByteWriter(capacity: 16 + documents.count * 128)
        writer.u64(generation ?? 0)
        writer.u32(UInt32(documents.count))
        for (path, entry) in documents.sorted(by: { $0.key < $1.key }) {
            writer.string(path)
            writer.int(entry.size)
            writer.u64(UInt64(bitPattern: entry.modified))
            writer.u64(UInt64(bitPattern: entry.changed))
            writer.u64(entry.inode)
            writer.u64(entry.hash)
            writer.u64(entry.key)
            entry.location!.write(to: &writer)
        }
        return writer.bytes
    }

    /// What a state file holds: nothing, something that cannot be used, or a state.
    public enum Stored {
        case missing
        case discarded
        case loaded(SourceState)
    }

    /// The state kept at `url` (its directory, a `StateFile`) and in its log: every entry is
    /// checked (`StateLog`), and any that fails makes the whole state discarded.
    public static func read(from url: URL, key: UInt64) -> Stored {
        let bytes: [UInt8]
        switch StateFile.read(from: url, key: key) {
        case .missing: return .missing
        case .discarded: return .discarded
        case .loaded(let payload): bytes = payload
        }
        var reader = ByteReader(bytes)
        guard let generation = reader.u64(), let count = reader.u32(), Int(count) <= reader.remaining / 64 else { return .discarded }
        var rows: [(path: String, entry: (Int, UInt64, UInt64, UInt64, UInt64, UInt64), location: StateLog.Location)] = []
        rows.reserveCapacity(Int(count))
        for _ in 0..<count {
            guard let path = reader.string(), let size = reader.int(), let modified = reader.u64(), let changed = reader.u64(),
                let inode = reader.u64(), let hash = reader.u64(), let entryKey = reader.u64(), let location = StateLog.Location.read(from: &reader)
            else { return .discarded }
            rows.append((path, (size, modified, changed, inode, hash, entryKey), location))
        }
        guard reader.atEnd, let log = StateLog(base: url, key: key, generation: generation).readAll() else { return .discarded }
        let payloads = rows.parallelMap { row in StateLog.entry(row.location, in: log).flatMap { decodePayload(Array($0)) } }
        var state = SourceState()
        state.documents.reserveCapacity(rows.count)
        for (row, payload) in zip(rows, payloads) {
            guard let (draft, diagnostics) = payload, state.documents[row.path] == nil else { return .discarded }
            let (size, modified, changed, inode, hash, entryKey) = row.entry
            state.documents[row.path] = Entry(
                size: size, modified: Int64(bitPattern: modified), changed: Int64(bitPattern: changed), inode: inode, hash: hash, key: entryKey,
                draft: draft, diagnostics: diagnostics, location: row.location)
        }
        state.changed = false
        state.generation = generation
        return .loaded(state)
    }

    /// Writes the state at `url`: the entries read or parsed in this load are appended to the
    /// log (a new generation with every entry when there is none, it cannot be appended to, or
    /// it holds more dead bytes than live ones), then the directory is replaced. Afterwards
    /// every entry has its location.
    public mutating func write(to url: URL, key: UInt64) throws {
        let live = documents.values.reduce(0 as UInt64) { $0 + ($1.location?.length ?? 0) }
        let paths = documents.keys.sorted()
        var log = generation.map { StateLog(base: url, key: key, generation: $0) }
        if let current = log, (current.size ?? .max) > 2 * live + (8 << 20) { log = nil }
        if let current = log {
            let fresh = paths.filter { documents[$0]!.location == nil }
            do {
                let locations = try current.append(fresh.map { Self.payload(documents[$0]!) })
                for (path, location) in zip(fresh, locations) { documents[path]!.location = location }
            } catch {
                log = nil
            }
        }
        if log == nil {
            let entries = documents
            let created = try StateLog.create(base: url, key: key, entries: paths.lazy.map { Self.payload(entries[$0]!) })
            for (path, location) in zip(paths, created.locations) { documents[path]!.location = location }
            log = created.log
        }
        generation = log!.generation
        try StateFile.write(directory(), key: key, to: url)
        changed = false
        log!.removeOtherGenerations()
    }
}

extension SourceState {
    /// How one document was had: from the state as it was, from the state after its bytes were
    /// found unchanged, or read and parsed again.
    enum Source { case kept, rehashed, parsed }

    /// Nanoseconds: how recent a change must be for the stamp not to be trusted.
    static let racyWindow: Int64 = 1_000_000_000

    /// The clock file times are set from, in nanoseconds since 1970.
    static func now() -> Int64 { Int64(Date().timeIntervalSince1970 * 1_000_000_000) }

    /// The document at `path` under the folder `root`: the state's entry when the file is the one it
    /// describes and was read with the same `key`, else the file read and parsed by `reader`.
    /// Returns the new entry too (nil when the file could not be made a document: those are
    /// always read again, since they fail the build).
    ///
    /// A file changed less than `racyWindow` before `now` may change again within the same
    /// timestamp tick (file times move in kernel ticks, not nanoseconds) without its stamp
    /// moving: its entry keeps no stamp, so the next load compares its bytes.
    static func document(
        _ path: String, root: String, display: String, key: UInt64, previous: Entry?, reader: DocumentReader, now: Int64
    ) -> (draft: DocumentDraft?, diagnostics: [Diagnostic], entry: Entry?, source: Source) {
        // A path string, not `URL.appendingPathComponent`: this runs for every document of every build.
        let file = root + "/" + path
        let stamp = FileStamp(path: file)
        if let previous, let stamp, previous.key == key, previous.hasStamp(stamp) {
            return (previous.draft, previous.diagnostics, previous, .kept)
        }
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: file))
        } catch {
            return (nil, [.error(display, "无法读取文件：\(error.localizedDescription)")], nil, .parsed)
        }
        var hasher = StableHasher()
        data.withUnsafeBytes { hasher.combine(bytes: $0) }
        let hash = hasher.finalize()
        func entry(_ draft: DocumentDraft, _ diagnostics: [Diagnostic]) -> Entry? {
            stamp.map {
                Entry(
                    size: $0.changed > now - racyWindow ? -1 : $0.size, modified: $0.modified, changed: $0.changed, inode: $0.inode, hash: hash, key: key,
                    draft: draft, diagnostics: diagnostics)
            }
        }
        if let previous, previous.key == key, previous.hash == hash {
            // The same bytes: the log's entry for them is still right.
            var rehashed = entry(previous.draft, previous.diagnostics)
            rehashed?.location = previous.location
            return (previous.draft, previous.diagnostics, rehashed, .rehashed)
        }
        let (draft, diagnostics): (DocumentDraft?, [Diagnostic])
        switch SourceText.decode(data, display: display) {
        case .failure(let diagnostic): (draft, diagnostics) = (nil, [diagnostic])
        case .success(let text): (draft, diagnostics) = reader.read(text: text, relativePath: path)
        }
        return (draft, diagnostics, draft.flatMap { entry($0, diagnostics) }, .parsed)
    }
}
