import GongkaiModel
import GongkaiPublish

/// The per-document analyses of a build, by the key of the `SearchSource` they came from, as
/// the payload of a state file: the next build (another process) segments only the documents
/// whose source changed. An entry holds what the index needs besides the record's metadata,
/// which the next build has from its own source; the body text is not stored.
public struct AnalysisStore: Sendable {
    public struct Entry: Sendable, Equatable {
        public let bodyLength: Int
        public let terms: [AnalyzedTerm]
        public let otherTexts: [String]
    }

    public var entries: [UInt64: Entry] = [:]

    public init() {}

    public init(_ analyses: some Sequence<(UInt64, AnalyzedDocument)>) {
        for (key, document) in analyses {
            entries[key] = Entry(bodyLength: document.bodyLength, terms: document.terms, otherTexts: document.otherTexts)
        }
    }

    /// The analysis of `metadata`'s document when the store has its key.
    public func document(_ key: UInt64, metadata: SearchRecord) -> AnalyzedDocument? {
        entries[key].map { AnalyzedDocument(record: metadata, bodyLength: $0.bodyLength, terms: $0.terms, otherTexts: $0.otherTexts) }
    }

    /// Bytes per term: key, hash and the three counts.
    static let termBytes = 18

    /// The length of `encoded()`, texts included.
    public var encodedCount: Int {
        entries.values.reduce(8) { size, entry in
            entry.otherTexts.reduce(size + 24 + entry.terms.count * Self.termBytes) { $0 + 4 + $1.utf8.count }
        }
    }

    public func encoded() -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(encodedCount)
        encode { bytes.append(contentsOf: $0) }
        return bytes
    }

    /// Bytes handed to `put` at a time by `encode`.
    static let chunkBytes = 1 << 20

    /// Hands the bytes of `encoded()` to `put` in chunks of about a megabyte: a state file is
    /// written without a second copy of the whole store in memory, the build's peak of memory.
    public func encode(_ put: (UnsafeRawBufferPointer) throws -> Void) rethrows {
        var writer = ByteWriter(capacity: Self.chunkBytes + 64)
        writer.u64(UInt64(entries.count))
        // Sorted: the same analyses give the same bytes.
        for key in entries.keys.sorted() {
            let entry = entries[key]!
            writer.u64(key)
            writer.u64(UInt64(entry.bodyLength))
            writer.u32(UInt32(entry.terms.count))
            writer.u32(UInt32(entry.otherTexts.count))
            Self.append(entry.terms, to: &writer.bytes)
            for text in entry.otherTexts { writer.string(text) }
            if writer.bytes.count >= Self.chunkBytes {
                try writer.bytes.withUnsafeBytes(put)
                writer.bytes.removeAll(keepingCapacity: true)
            }
        }
        try writer.bytes.withUnsafeBytes(put)
    }

    /// The store in `bytes`, or nil when anything in it is out of bounds or not a term the
    /// analyser could have made (a code that is no Unicode scalar, more texts than terms).
    public static func decode(_ bytes: [UInt8]) -> AnalysisStore? {
        var reader = ByteReader(bytes)
        guard let count = reader.u64(), count <= UInt64(bytes.count / 24) else { return nil }
        var store = AnalysisStore()
        store.entries.reserveCapacity(Int(count))
        for _ in 0..<count {
            guard let key = reader.u64(), let length = reader.u64(), length <= UInt64(Int32.max),
                let termCount = reader.u32().map(Int.init), let textCount = reader.u32().map(Int.init),
                textCount <= termCount, termCount * termBytes <= reader.remaining
            else { return nil }
            let terms = Self.terms(termCount, from: bytes, at: reader.offset)
            reader.offset += termCount * termBytes
            guard terms.allSatisfy({ !$0.isCode || $0.hasValidCode }) else { return nil }
            var texts: [String] = []
            texts.reserveCapacity(textCount)
            for _ in 0..<textCount {
                guard let text = reader.string() else { return nil }
                texts.append(text)
            }
            // Bigrams and one-character terms come first, the others after: `text(of:)` relies on it.
            guard terms.prefix(termCount - textCount).allSatisfy(\.isCode), terms.suffix(textCount).allSatisfy({ !$0.isCode }),
                store.entries[key] == nil
            else { return nil }
            store.entries[key] = Entry(bodyLength: Int(length), terms: terms, otherTexts: texts)
        }
        return reader.atEnd ? store : nil
    }
}

extension AnalysisStore {
    /// The terms as 18 bytes each, little-endian: key, hash, heading, meta, body counts.
    static func append(_ terms: [AnalyzedTerm], to bytes: inout [UInt8]) {
        let start = bytes.count
        bytes.append(contentsOf: repeatElement(0, count: terms.count * termBytes))
        bytes.withUnsafeMutableBytes { raw in
            var offset = start
            for term in terms {
                raw.storeBytes(of: term.key.littleEndian, toByteOffset: offset, as: UInt64.self)
                raw.storeBytes(of: term.hash.littleEndian, toByteOffset: offset + 8, as: UInt32.self)
                raw.storeBytes(of: term.heading.littleEndian, toByteOffset: offset + 12, as: UInt16.self)
                raw.storeBytes(of: term.meta.littleEndian, toByteOffset: offset + 14, as: UInt16.self)
                raw.storeBytes(of: term.body.littleEndian, toByteOffset: offset + 16, as: UInt16.self)
                offset += termBytes
            }
        }
    }

    /// `count` terms written by `append` at `offset` (the caller has checked the length).
    static func terms(_ count: Int, from bytes: [UInt8], at offset: Int) -> [AnalyzedTerm] {
        bytes.withUnsafeBytes { raw in
            [AnalyzedTerm](unsafeUninitializedCapacity: count) { buffer, initialized in
                var position = offset
                for index in 0..<count {
                    buffer.initializeElement(
                        at: index,
                        to: AnalyzedTerm(
                            key: UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: position, as: UInt64.self)),
                            hash: UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: position + 8, as: UInt32.self)),
                            heading: UInt16(littleEndian: raw.loadUnaligned(fromByteOffset: position + 12, as: UInt16.self)),
                            meta: UInt16(littleEndian: raw.loadUnaligned(fromByteOffset: position + 14, as: UInt16.self)),
                            body: UInt16(littleEndian: raw.loadUnaligned(fromByteOffset: position + 16, as: UInt16.self))))
                    position += termBytes
                }
                initialized = count
            }
        }
    }
}

extension AnalyzedTerm {
    /// Whether a code key names one or two Unicode scalars, as `text(ofCode:)` requires.
    var hasValidCode: Bool {
        let code = key & ~Self.codeFlag
        let first = code >> 21
        let second = code & 0x1F_FFFF
        guard first < 1 << 21, Unicode.Scalar(UInt32(second)) != nil else { return false }
        return first == 0 || Unicode.Scalar(UInt32(first)) != nil
    }
}
