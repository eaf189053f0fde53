/// Which shard a term lives in: FNV-1a (32 bits) of its UTF-8 bytes, masked to the shard
/// count (a power of two). search.js computes the same hash.
enum TermHash {
    static let offset32: UInt32 = 2_166_136_261
    static let offset64: UInt64 = 14_695_981_039_346_656_037

    static func fnv1a(_ text: String) -> UInt32 {
        var value = offset32
        for byte in text.utf8 { mix(byte, into: &value) }
        return value
    }

    /// `fnv1a` of the text of a bigram or one-character key (`AnalyzedTerm.key` without its
    /// flag), without making the string.
    static func fnv1a(code: UInt64) -> UInt32 {
        var value = offset32
        if code >= 1 << 21 { mix(Unicode.Scalar(UInt32(code >> 21))!, into: &value) }
        mix(Unicode.Scalar(UInt32(code & 0x1F_FFFF))!, into: &value)
        return value
    }

    /// FNV-1a, 64 bits, of the UTF-8 bytes with the top bit clear: `AnalyzedTerm.key` of a
    /// term that is not a bigram or one character.
    static func key(_ text: String) -> UInt64 {
        var value = offset64
        for byte in text.utf8 {
            value ^= UInt64(byte)
            value = value &* 1_099_511_628_211
        }
        return value & ~AnalyzedTerm.codeFlag
    }

    /// FNV-1a, 64 bits, over bytes: the build fingerprint that busts browser caches.
    static func fnv1a64(_ bytes: [UInt8], into value: inout UInt64) {
        for byte in bytes {
            value ^= UInt64(byte)
            value = value &* 1_099_511_628_211
        }
    }

    @inline(__always)
    private static func mix(_ byte: UInt8, into value: inout UInt32) {
        value ^= UInt32(byte)
        value = value &* 16_777_619
    }

    @inline(__always)
    private static func mix(_ scalar: Unicode.Scalar, into value: inout UInt32) {
        UTF8.encode(scalar) { mix($0, into: &value) }
    }
}
