import Foundation
import GongkaiModel
import GongkaiOutput

/// What the previous load read from each document of `content/`: the file's stamp and content
/// hash, the document as its reader gave it (before 索引号 numbering and references, which
/// depend on the other files) and the reader's diagnostics. A load given this state stats every
/// document and reads again only those whose stamp moved and whose bytes changed; the passes
/// over all documents run after, on the same drafts a full read gives. Kept by the build beside
/// the output (`.site.content`, a `StateFile`) and in memory in `gongkai serve`.
///
/// Only documents are kept: they are nearly all of the files. site.yml, plans, reports,
/// catalogues, FAQ entries and consultations are few and always read.
public struct SourceState: Sendable {
    /// The version of this encoding and of what the readers make; part of the state file's key.
    public static let format: UInt64 = 1

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

        func hasStamp(_ stamp: FileStamp) -> Bool {
            stamp.size == size && stamp.modified == modified && stamp.changed == changed && stamp.inode == inode
        }
    }

    var documents: [String: Entry] = [:]
    /// False when the load that made this state reused every entry of the one it was given
    /// as it was: nothing to write.
    public internal(set) var changed = true

    public init() {}

    /// Documents the state holds.
    public var count: Int { documents.count }

    public func encoded() -> [UInt8] {
        var writer = ByteWriter(capacity: documents.count * 4096)
        writer.u32(UInt32(documents.count))
        for (path, entry) in documents.sorted(by: { $0.key < $1.key }) {
            writer.string(path)
            writer.int(entry.size)
            writer.u64(UInt64(bitPattern: entry.modified))
            writer.u64(UInt64(bitPattern: entry.changed))
            writer.u64(entry.inode)
            writer.u64(entry.hash)
            writer.u64(entry.key)
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
        }
        return writer.bytes
    }

    /// The state `encoded` wrote; nil when any part of it cannot be read.
    public init?(decoding bytes: [UInt8]) {
        var reader = ByteReader(bytes)
        guard let count = reader.u32(), Int(count) <= reader.remaining / 64 else { return nil }
        documents.reserveCapacity(Int(count))
        for _ in 0..<count {
            guard let path = reader.string(), let size = reader.int(), let modified = reader.u64(),
                let changed = reader.u64(), let inode = reader.u64(), let hash = reader.u64(), let key = reader.u64(),
                let document = reader.document(), let referenceCount = reader.u32(), Int(referenceCount) <= reader.remaining / 20
            else { return nil }
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
            documents[path] = Entry(
                size: size, modified: Int64(bitPattern: modified), changed: Int64(bitPattern: changed), inode: inode,
                hash: hash, key: key, draft: DocumentDraft(document: document, references: references), diagnostics: diagnostics)
        }
        guard reader.atEnd else { return nil }
        changed = false
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

    /// The document at `path` under `root`: the state's entry when the file is the one it
    /// describes and was read with the same `key`, else the file read and parsed by `reader`.
    /// Returns the new entry too (nil when the file could not be made a document: those are
    /// always read again, since they fail the build).
    ///
    /// A file changed less than `racyWindow` before `now` may change again within the same
    /// timestamp tick (file times move in kernel ticks, not nanoseconds) without its stamp
    /// moving: its entry keeps no stamp, so the next load compares its bytes.
    static func document(
        _ path: String, root: URL, display: String, key: UInt64, previous: Entry?, reader: DocumentReader, now: Int64
    ) -> (draft: DocumentDraft?, diagnostics: [Diagnostic], entry: Entry?, source: Source) {
        let url = root.appendingPathComponent(path)
        let stamp = FileStamp(path: url.path)
        if let previous, let stamp, previous.key == key, previous.hasStamp(stamp) {
            return (previous.draft, previous.diagnostics, previous, .kept)
        }
        let data: Data
        do {
            data = try Data(contentsOf: url)
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
            return (previous.draft, previous.diagnostics, entry(previous.draft, previous.diagnostics), .rehashed)
        }
        let (draft, diagnostics): (DocumentDraft?, [Diagnostic])
        switch SourceText.decode(data, display: display) {
        case .failure(let diagnostic): (draft, diagnostics) = (nil, [diagnostic])
        case .success(let text): (draft, diagnostics) = reader.read(text: text, relativePath: path)
        }
        return (draft, diagnostics, draft.flatMap { entry($0, diagnostics) }, .parsed)
    }
}
