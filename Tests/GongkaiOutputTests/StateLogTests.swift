import Foundation
import GongkaiModel
import GongkaiOutput
import Testing

/// The append-only log of state entries: entries are read back as written, through their
/// locations; an entry that was cut, changed or belongs to another key or generation is refused.
@Suite struct StateLogTests {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("gongkai-log-\(UUID().uuidString)")
    var base: URL { folder.appendingPathComponent(".site.search") }

    init() throws { try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true) }

    static let entries: [[UInt8]] = [Array("第一条".utf8), [], Array(repeating: 7, count: 5000), Array("最后一条".utf8)]

    @Test func entriesAreReadBackThroughTheirLocationsAlsoAfterAnAppend() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let (log, locations) = try StateLog.create(base: base, key: 11, entries: Self.entries)
        #expect(log.url.lastPathComponent.hasPrefix(".site.search-") && log.url.lastPathComponent.count == ".site.search-".count + 16)
        #expect(log.read(locations) == Self.entries)
        let more = try log.append([Array("追加的".utf8), Array("又一条".utf8)])
        #expect(log.read(more) == [Array("追加的".utf8), Array("又一条".utf8)])
        #expect(log.read([locations[2], more[0]]) == [Self.entries[2], Array("追加的".utf8)])
        let all = try #require(log.readAll())
        #expect(StateLog.entry(locations[3], in: all).map(Array.init) == Self.entries[3])
        #expect(log.size == UInt64(all.count))
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        #expect(names == [log.url.lastPathComponent], "no draft is left beside the log")
    }

    @Test func aDamagedEntryOrAnotherKeyOrGenerationIsRefused() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let (log, locations) = try StateLog.create(base: base, key: 11, entries: Self.entries)
        #expect(StateLog(base: base, key: 12, generation: log.generation).read(locations) == nil, "another key")
        #expect(StateLog(base: base, key: 11, generation: log.generation &+ 1).read(locations) == nil, "another generation (no such file)")
        var bytes = try Data(contentsOf: log.url)
        bytes[Int(locations[2].offset) + 100] ^= 0x20
        try bytes.write(to: log.url)
        #expect(log.read([locations[0]]) == [Self.entries[0]], "the intact entries are still good")
        #expect(log.read([locations[2]]) == nil, "a changed byte fails the entry's checksum")
        #expect(StateLog.entry(locations[2], in: try #require(log.readAll())) == nil)
        try bytes.prefix(Int(locations[3].offset) + 2).write(to: log.url)
        #expect(log.read([locations[3]]) == nil, "cut short")
        #expect(StateLog.entry(locations[3], in: try #require(log.readAll())) == nil)
        let far = StateLog.Location(offset: 1 << 40, length: 4, checksum: 0)
        #expect(StateLog.entry(far, in: try #require(log.readAll())) == nil, "beyond the end")
    }

    @Test func aNewGenerationReplacesTheOthersOnlyWhenAskedTo() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let (first, firstLocations) = try StateLog.create(base: base, key: 11, entries: Self.entries)
        let (second, secondLocations) = try StateLog.create(base: base, key: 11, entries: Self.entries.reversed())
        #expect(first.generation != second.generation)
        #expect(first.read(firstLocations) == Self.entries, "the old generation is intact until it is removed")
        try Data("其他文件".utf8).write(to: folder.appendingPathComponent("site.search-notes"))
        second.removeOtherGenerations()
        #expect(first.read(firstLocations) == nil)
        #expect(second.read(secondLocations) == Self.entries.reversed())
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        #expect(names == [second.url.lastPathComponent, "site.search-notes"].sorted(), "other files are left alone")
    }
}
