import Foundation
import GongkaiOutput
import GongkaiTestSupport
import Testing

@testable import GongkaiSite

/// What a long-running process keeps between builds (`BuildMemory`): used only for the files it
/// stands for and while they hold the bytes it was kept with, and never disturbed by the builds
/// of other sites in the same process.
@Suite struct BuildMemoryTests {
    @Test func theKeptCacheNeverHidesAChangedFile() throws {
        let project = try Project(files: [:])
        defer { project.remove() }
        let url = project.root.appendingPathComponent(".site.cache")
        let memory = BuildMemory()
        var cache = BuildCache(folder: "1:2")
        cache.records["a.html"] = BuildCache.Record(fingerprint: 0xABC, content: 7, size: 1, modified: 2)
        memory.keep(cache, data: try cache.write(to: url), at: url)
        #expect(SiteBuilder.readCache(url, memory: memory) == cache)

        // Another cache written by someone else, of the same size: the file's is used.
        var other = cache
        other.records["a.html"]?.fingerprint = 0xABD
        try other.write(to: url)
        #expect(SiteBuilder.readCache(url, memory: memory) == other)
        // A byte changed in place: the checksum fails, the kept cache is not put in its stead.
        var bytes = try Data(contentsOf: url)
        let digit = try #require(bytes.firstIndex(of: UInt8(ascii: "d")))
        bytes[digit] = UInt8(ascii: "e")
        try bytes.write(to: url)
        #expect(SiteBuilder.readCache(url, memory: memory) == nil)
        try FileManager.default.removeItem(at: url)
        #expect(SiteBuilder.readCache(url, memory: memory) == nil, "no file, no cache")
    }

    @Test func aMemoryIsUsedOnlyForTheFileItWasKeptFor() throws {
        let project = try Project(files: [:])
        defer { project.remove() }
        let (url, elsewhere) = (project.root.appendingPathComponent(".site.cache"), project.root.appendingPathComponent(".other.cache"))
        let memory = BuildMemory()
        var cache = BuildCache(folder: "1:2")
        cache.records["a.html"] = BuildCache.Record(fingerprint: 1, content: 2, size: 3, modified: 4)
        let data = try cache.write(to: url)
        memory.keep(cache, data: data, at: url)
        #expect(memory.cache(at: url, data: data) == cache)
        #expect(memory.cache(at: elsewhere, data: data) == nil)
    }

    /// Many sites built side by side in one process (the test runner, a server of several
    /// previews): one site's memory is its own, whatever the others build meanwhile.
    @Test func otherSitesBuiltMeanwhileLeaveASitesMemoryAlone() throws {
        let project = try Project()
        defer { project.remove() }
        let first = try SiteBuilder.build(project.options(asOf: BuildStateTests.day))
        #expect(first.reread > 20)
        let others = try (0..<6).map { _ in try Project(files: ["zcwj/a.md": Project.document("标题: 另一站点\n发布日期: 2024-01-10")]) }
        defer { others.forEach { $0.remove() } }
        try others.forEach { try $0.build(asOf: BuildStateTests.day) }
        try FileManager.default.removeItem(at: project.root.appendingPathComponent(".site.content"))
        try IncrementalBuildTests.edit(project, IncrementalBuildTests.policy) { $0 + "\n别的站点构建之后的修改。\n" }
        let report = try BuildStateTests.expectSameAsWholeBuild(project, "after other sites' builds")
        #expect(report.reread == 1, "from this site's memory, the state file gone")
        project.newProcess()
        try IncrementalBuildTests.edit(project, IncrementalBuildTests.policy) { $0 + "\n新进程里的修改。\n" }
        #expect(try SiteBuilder.build(project.options(asOf: BuildStateTests.day)).reread == 1, "the state file written by the last build")
    }
}
