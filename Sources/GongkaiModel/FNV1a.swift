/// FNV-1a over UTF-8 bytes: short, stable names for addresses (ledger units, FAQ topics,
/// library facets) and the search index's shard hash, which search.js computes the same way.
public enum FNV1a {
    public static let offset32: UInt32 = 2_166_136_261
    public static let offset64: UInt64 = 14_695_981_039_346_656_037

    /// 32 bits of `text`'s UTF-8 bytes.
    public static func hash32(_ text: String) -> UInt32 {
        var value = offset32
        for byte in text.utf8 { mix(byte, into: &value) }
        return value
    }

    /// `hash32` as 8 hex digits: the same text gives the same address in every build.
    public static func hex32(_ text: String) -> String {
        let hex = String(hash32(text), radix: 16)
        return String(repeating: "0", count: 8 - hex.count) + hex
    }

    /// Continues a 64-bit hash over `bytes` (start from `offset64`).
    public static func hash64<Bytes: Sequence<UInt8>>(_ bytes: Bytes, into value: inout UInt64) {
        for byte in bytes {
            value ^= UInt64(byte)
            value = value &* 1_099_511_628_211
        }
    }

    @inline(__always)
    public static func mix(_ byte: UInt8, into value: inout UInt32) {
        value ^= UInt32(byte)
        value = value &* 16_777_619
    }
}
