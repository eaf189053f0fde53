import Foundation
import GongkaiModel
import GongkaiOutput
import Testing

/// The binary state files beside the output: what is read back is exactly what was written,
/// and anything else (another key, a cut or changed byte) is refused, never trusted.
@Suite struct StateFileTests {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("gongkai-state-\(UUID().uuidString)")

    init() throws { try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true) }

    func payload() -> [UInt8] {
        var writer = ByteWriter()
        writer.u64(0x0123_4567_89AB_CDEF)
        writer.u32(7)
        writer.u16(513)
        writer.u8(9)
        writer.string("检索状态")
        return writer.bytes
    }

    @Test func readsBackWhatWasWrittenWithTheSameKey() throws {
        let url = StateFile.location(of: folder.appendingPathComponent("site"), name: "search")
        #expect(url.lastPathComponent == ".site.search")
        try StateFile.write(payload(), key: 42, to: url)
        guard case .loaded(let bytes) = StateFile.read(from: url, key: 42) else {
            Issue.record("the state written was not read back")
            return
        }
        var reader = ByteReader(bytes)
        #expect(reader.u64() == 0x0123_4567_89AB_CDEF)
        #expect(reader.u32() == 7)
        #expect(reader.u16() == 513)
        #expect(reader.u8() == 9)
        #expect(reader.string() == "检索状态")
        #expect(reader.atEnd)
        #expect(reader.u8() == nil, "reading past the end gives nil")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        #expect(names == [".site.search"], "no temporary file is left beside the state")
    }

    @Test func refusesAnotherKeyATruncatedOrAChangedFile() throws {
        let url = folder.appendingPathComponent(".site.search")
        #expect(isMissing(StateFile.read(from: url, key: 1)))
        try StateFile.write(payload(), key: 1, to: url)
        #expect(isDiscarded(StateFile.read(from: url, key: 2)), "another program's state")
        let whole = try Data(contentsOf: url)
        for cut in [0, 5, 24, whole.count / 2, whole.count - 1] {
            try whole.prefix(cut).write(to: url)
            #expect(isDiscarded(StateFile.read(from: url, key: 1)), "cut at \(cut) bytes")
        }
        for position in [3, 10, 20, 30, whole.count - 2] {
            var changed = whole
            changed[position] ^= 0x41
            try changed.write(to: url)
            #expect(isDiscarded(StateFile.read(from: url, key: 1)), "byte \(position) changed")
        }
    }

    /// A payload handed over in chunks of any size makes the same file as the whole payload
    /// (the checksum computed as the chunks pass is the checksum of the whole).
    @Test func aPayloadWrittenInChunksMakesTheSameFile() throws {
        let whole = folder.appendingPathComponent(".site.whole")
        let chunked = folder.appendingPathComponent(".site.chunked")
        for length in [0, 1, 7, 8, 9, 100, 1001] {
            let payload = (0..<length).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 11) }
            try StateFile.write(payload, key: 3, to: whole)
            let expected = try Data(contentsOf: whole)
            for size in [1, 3, 8, 13, 64] {
                try StateFile.write(count: payload.count, key: 3, to: chunked) { put in
                    for start in stride(from: 0, to: payload.count, by: size) {
                        try payload[start..<min(payload.count, start + size)].withUnsafeBytes(put)
                    }
                }
                #expect(try Data(contentsOf: chunked) == expected, "\(length) bytes in chunks of \(size)")
            }
            guard case .loaded(let bytes) = StateFile.read(from: chunked, key: 3) else {
                Issue.record("the chunked state of \(length) bytes was not read back")
                continue
            }
            #expect(bytes == payload)
        }
    }

    @Test func aPayloadShorterOrLongerThanStatedIsNotWritten() throws {
        let url = folder.appendingPathComponent(".site.search")
        try StateFile.write(payload(), key: 1, to: url)
        let before = try Data(contentsOf: url)
        for count in [payload().count - 1, payload().count + 1] {
            #expect(throws: (any Error).self) {
                try StateFile.write(count: count, key: 1, to: url) { put in try payload().withUnsafeBytes(put) }
            }
        }
        #expect(try Data(contentsOf: url) == before, "the old state is left as it was")
        #expect(isLoaded(StateFile.read(from: url, key: 1)))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == [".site.search"], "no draft is left")
    }

    @Test func aStringThatIsNotUTF8OrLongerThanTheRestIsRefused() {
        var writer = ByteWriter()
        writer.u32(3)
        writer.bytes([0xFF, 0xFE, 0xFD])
        var reader = ByteReader(writer.bytes)
        #expect(reader.string() == nil)
        var long = ByteWriter()
        long.u32(1000)
        long.bytes([65, 66])
        var longReader = ByteReader(long.bytes)
        #expect(longReader.string() == nil)
    }

    private func isMissing(_ outcome: StateFile.Outcome) -> Bool {
        if case .missing = outcome { return true }
        return false
    }

    private func isLoaded(_ outcome: StateFile.Outcome) -> Bool {
        if case .loaded = outcome { return true }
        return false
    }

    private func isDiscarded(_ outcome: StateFile.Outcome) -> Bool {
        if case .discarded = outcome { return true }
        return false
    }
}
