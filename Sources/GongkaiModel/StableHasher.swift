/// A 64-bit hash that is the same in every run and on every machine (Swift's `Hasher` is seeded
/// per process), for the build cache's fingerprints. Eight bytes at a time with a
/// multiply-xorshift mix (32 at a time in four lanes for texts of 64 bytes or more); not cryptographic: it detects change, it does not resist attack.
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
        if count >= 64 {
            // Long texts (document bodies, state entries): four independent lanes of
            // xxHash64's round, 32 bytes per step, folded into the state after.
            var lanes = (state &+ Self.prime1 &+ Self.prime2, state &+ Self.prime2, state, state &- Self.prime1)
            while index + 32 <= count {
                lanes.0 = Self.round(lanes.0, bytes.loadUnaligned(fromByteOffset: index, as: UInt64.self))
                lanes.1 = Self.round(lanes.1, bytes.loadUnaligned(fromByteOffset: index + 8, as: UInt64.self))
                lanes.2 = Self.round(lanes.2, bytes.loadUnaligned(fromByteOffset: index + 16, as: UInt64.self))
                lanes.3 = Self.round(lanes.3, bytes.loadUnaligned(fromByteOffset: index + 24, as: UInt64.self))
                index += 32
            }
            combine(lanes.0)
            combine(lanes.1)
            combine(lanes.2)
            combine(lanes.3)
        }
        combineWords(bytes, from: index)
    }

    /// The bytes eight at a time, whatever their length: what `StateFile.Checksum` reproduces
    /// over bytes that arrive in chunks.
    public mutating func combineWords(bytes: UnsafeRawBufferPointer) { combineWords(bytes, from: 0) }

    private mutating func combineWords(_ bytes: UnsafeRawBufferPointer, from start: Int) {
        var index = start
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

    private static let prime1: UInt64 = 0x9E37_79B1_85EB_CA87
    private static let prime2: UInt64 = 0xC2B2_AE3D_27D4_EB4F

    @inline(__always)
    private static func round(_ lane: UInt64, _ input: UInt64) -> UInt64 {
        let sum = lane &+ input &* prime2
        return ((sum << 31) | (sum >> 33)) &* prime1
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
