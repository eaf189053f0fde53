import GongkaiModel
import GongkaiPublish

/// One document's analysis as the next build (another process) reads it back from the state
/// beside the output, so that it segments only the documents whose source changed: what the
/// index needs besides the record's metadata, which the next build has from its own source.
/// The body text is not stored.
public struct StoredAnalysis: Sendable, Equatable {
    public let bodyLength: Int
    public let terms: [AnalyzedTerm]
    public let otherTexts: [String]

    public init(_ document: AnalyzedDocument) {
        bodyLength = document.bodyLength
        terms = document.terms
        otherTexts = document.otherTexts
    }

    init(bodyLength: Int, terms: [AnalyzedTerm], otherTexts: [String]) {
        self.bodyLength = bodyLength
        self.terms = terms
        self.otherTexts = otherTexts
    }

    /// The analysis of `metadata`'s document.
    public func document(_ metadata: SearchRecord) -> AnalyzedDocument {
        AnalyzedDocument(record: metadata, bodyLength: bodyLength, terms: terms, otherTexts: otherTexts)
    }

    /// The text of `terms[index]` (as `AnalyzedDocument.text(of:)`).
    public func text(of index: Int) -> String { AnalyzedTerm.text(of: index, in: terms, otherTexts: otherTexts) }

    /// Bytes per term: key, hash and the three counts.
    static let termBytes = 18

    /// Body length, term and text counts, the terms (`termBytes` each), the texts.
    public func encoded() -> [UInt8] {
        var writer = ByteWriter(capacity: otherTexts.reduce(16 + terms.count * Self.termBytes) { $0 + 4 + $1.utf8.count })
        writer.u64(UInt64(bodyLength))
        writer.u32(UInt32(terms.count))
        writer.u32(UInt32(otherTexts.count))
        Self.append(terms, to: &writer.bytes)
        for text in otherTexts { writer.string(text) }
        return writer.bytes
    }

    /// The analysis in `bytes`, or nil when anything in it is out of bounds or not a term the
    /// analyser could have made (a code that is no Unicode scalar, more texts than terms).
    public static func decode(_ bytes: [UInt8]) -> StoredAnalysis? {
        var reader = ByteReader(bytes)
        guard let length = reader.u64(), length <= UInt64(Int32.max),
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
        guard terms.prefix(termCount - textCount).allSatisfy(\.isCode), terms.suffix(textCount).allSatisfy({ !$0.isCode }), reader.atEnd
        else { return nil }
        return StoredAnalysis(bodyLength: Int(length), terms: terms, otherTexts: texts)
    }
}

extension StoredAnalysis {
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
