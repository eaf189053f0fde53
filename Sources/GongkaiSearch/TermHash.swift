/// Which shard a term lives in: FNV-1a (32 bits) of its UTF-8 bytes, masked to the shard
/// count (a power of two). search.js computes the same hash.
enum TermHash {
    static func fnv1a(_ text: String) -> UInt32 {
        var value: UInt32 = 2_166_136_261
        for byte in text.utf8 {
            value ^= UInt32(byte)
            value = value &* 16_777_619
        }
        return value
    }

    /// FNV-1a, 64 bits, over bytes: the build fingerprint that busts browser caches.
    static func fnv1a64(_ bytes: [UInt8], into value: inout UInt64) {
        for byte in bytes {
            value ^= UInt64(byte)
            value = value &* 1_099_511_628_211
        }
    }
}
