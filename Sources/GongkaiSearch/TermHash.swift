import GongkaiModel

/// Which shard a term lives in: FNV-1a (32 bits) of its UTF-8 bytes, masked to the shard
/// count (a power of two). search.js computes the same hash.
enum TermHash {
    /// `FNV1a.hash32` of the text of a bigram or one-character key (`AnalyzedTerm.key` without its
    /// flag), without making the string.
    static func fnv1a(code: UInt64) -> UInt32 {
        var value = FNV1a.offset32
        if code >= 1 << 21 { mix(Unicode.Scalar(UInt32(code >> 21))!, into: &value) }
        mix(Unicode.Scalar(UInt32(code & 0x1F_FFFF))!, into: &value)
        return value
    }

    /// FNV-1a, 64 bits, of the UTF-8 bytes with the top bit clear: `AnalyzedTerm.key` of a
    /// term that is not a bigram or one character.
    static func key(_ text: String) -> UInt64 {
        var value = FNV1a.offset64
        FNV1a.hash64(text.utf8, into: &value)
        return value & ~AnalyzedTerm.codeFlag
    }

    @inline(__always)
    private static func mix(_ scalar: Unicode.Scalar, into value: inout UInt32) {
        UTF8.encode(scalar) { FNV1a.mix($0, into: &value) }
    }
}
