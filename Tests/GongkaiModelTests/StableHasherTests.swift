import Testing

@testable import GongkaiModel

@Suite struct StableHasherTests {
    /// Every byte of a text counts, in short texts (eight bytes at a time) and long ones (four
    /// lanes of 32 bytes), at every position, including the tail after the last whole step.
    @Test func everyByteOfShortAndLongTextsChangesTheHash() {
        for length in [0, 1, 7, 8, 31, 63, 64, 65, 95, 96, 127, 1000] {
            let text = String((0..<length).map { Character(UnicodeScalar(UInt8(65 + $0 % 26))) })
            let hash = StableHasher.hash(text)
            var seen: Set<UInt64> = [hash]
            for position in 0..<length {
                var bytes = Array(text.utf8)
                bytes[position] ^= 0x20
                let changed = StableHasher.hash(String(decoding: bytes, as: UTF8.self))
                #expect(changed != hash, "length \(length), byte \(position)")
                seen.insert(changed)
            }
            #expect(seen.count == length + 1, "length \(length): two changed bytes gave one hash")
        }
    }

    /// Two texts that join to the same bytes differ: the length of each is part of the hash.
    @Test func howTextsAreSplitChangesTheHash() {
        let long = String(repeating: "政务公开", count: 40)
        func hash(_ parts: [String]) -> UInt64 {
            var hasher = StableHasher()
            for part in parts { hasher.combine(part) }
            return hasher.finalize()
        }
        #expect(hash([long, "a"]) != hash([long + "a"]))
        #expect(hash(["a", long]) != hash(["a" + long]))
        #expect(hash([long, long]) != hash([long + long]))
    }
}
