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

    private func isDiscarded(_ outcome: StateFile.Outcome) -> Bool {
        if case .discarded = outcome { return true }
        return false
    }
}
