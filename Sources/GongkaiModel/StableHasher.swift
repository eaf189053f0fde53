/// A 64-bit hash that is the same in every run and on every machine (Swift's `Hasher` is seeded
/// per process), for the build cache's fingerprints. Eight bytes at a time with a
/// multiply-xorshift mix; not cryptographic: it detects change, it does not resist attack.
public struct StableHasher: Sendable {
    private var state: UInt64 = 0x9E37_79B9_7F4A_7C15
    private var length: UInt64 = 0

    public init() {}

    public mutating func combine(_ value: UInt64) {
        state = Self.mix(state ^ value &* 0xFF51_AFD7_ED55_8CCD)
        length &+= 8
    }

    public mutating func combine(_ value: Int) { combine(UInt64(bitPattern: Int64(value))) }

    public mutating func combine(_ value: Bool) { combine(value ? 1 as UInt64 : 2) }

    /// Adds the text's UTF-8 bytes and its length, so that ("ab", "c") and ("a", "bc") differ.
    public mutating func combine(_ text: String) {
        var text = text
        text.withUTF8 { combine(bytes: UnsafeRawBufferPointer($0)) }
    }

    public mutating func combine(bytes: UnsafeRawBufferPointer) {
        var index = 0
        let count = bytes.count
        while index + 8 <= count {
            combine(bytes.loadUnaligned(fromByteOffset: index, as: UInt64.self))
            index += 8
        }
        var tail: UInt64 = 0
        var shift: UInt64 = 0
        while index < count {
            tail |= UInt64(bytes[index]) << shift
            shift += 8
            index += 1
        }
        combine(tail ^ (UInt64(count) << 56))
    }

    public func finalize() -> UInt64 {
        Self.mix(state ^ length)
    }

    /// The finaliser of MurmurHash3 (fmix64).
    @inline(__always)
    private static func mix(_ value: UInt64) -> UInt64 {
        var x = value
        x ^= x >> 33
        x &*= 0xFF51_AFD7_ED55_8CCD
        x ^= x >> 33
        x &*= 0xC4CE_B9FE_1A85_EC53
        x ^= x >> 33
        return x
    }

    /// The hash of one text.
    public static func hash(_ text: String) -> UInt64 {
        var hasher = StableHasher()
        hasher.combine(text)
        return hasher.finalize()
    }
}
