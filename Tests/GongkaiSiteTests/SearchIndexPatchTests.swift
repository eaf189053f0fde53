import Foundation
import GongkaiModel
import GongkaiSite
import GongkaiTestSupport
import Testing

/// The index holds raw counts, so an edit changes only the index files of what it touched: the
/// shards of the terms a document gained, lost or counts differently, its body length, the
/// manifest (and for a title its display chunk); a new newest document renumbers no other.
@Suite struct SearchIndexPatchTests {
    static let day = IncrementalBuildTests.day
    static let data = "search/data/"

    /// The shard of `term` among `shards` (FNV-1a of the UTF-8 bytes, as search.js).
    static func shard(_ term: String, _ shards: Int) -> String {
        var hash: UInt32 = 2_166_136_261
        for byte in term.utf8 { hash = (hash ^ UInt32(byte)) &* 16_777_619 }
        return "t/\(Int(hash) & (shards - 1)).json"
    }

    /// Every term a CJK text could make: its characters, bigrams and longer words.
    static func candidates(_ text: String) -> Set<String> {
        let characters = Array(text)
        var terms = Set<String>()
        for start in characters.indices {
            for end in (start + 1)...characters.count { terms.insert(String(characters[start..<end])) }
        }
        return terms
    }

    /// The shards with a posting of document `id`.
    static func shardsHolding(_ id: Int, _ project: Project, _ shards: Int) throws -> Set<String> {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")
        var holding = Set<String>()
        for shard in 0..<shards {
            let terms = try JSONSerialization.jsonObject(with: Data(try project.read("site/\(data)t/\(shard).json").utf8)) as! [String: String]
            for postings in terms.values {
                var numbers: [Int] = []
                var number = 0
                var shift = 0
                for character in postings {
                    let value = alphabet.firstIndex(of: character)!
                    number |= (value & 31) << shift
                    shift += 5
                    if value & 32 == 0 {
                        numbers.append(number)
                        (number, shift) = (0, 0)
                    }
                }
                let ids = stride(from: 0, to: numbers.count, by: 2).reduce(into: [-1]) { $0.append($0.last! + numbers[$1] + 1) }
                if ids.contains(id) { holding.insert("t/\(shard).json") }
            }
        }
        return holding
    }

    static func shards(_ project: Project) throws -> Int {
        let manifest = try JSONSerialization.jsonObject(with: Data(try project.read("site/\(data)manifest.json").utf8)) as! [String: Any]
        return manifest["shards"] as! Int
    }

    /// The index files a build changed, added or deleted, under `search/data/`.
    static func changedIndexFiles(_ report: BuildReport) -> Set<String> {
        Set(report.changes.map(\.path).filter { $0.hasPrefix(data) }.map { String($0.dropFirst(data.count)) })
    }

    @Test func aBodyEditRewritesOnlyTheShardsOfItsNewTerms() throws {
        let project = try Project()
        defer { project.remove() }
        try SiteBuilder.build(project.options(asOf: Self.day))
        let shards = try Self.shards(project)
        try IncrementalBuildTests.edit(project, IncrementalBuildTests.policy) { $0 + "\n量子纠缠研究。\n" }
        let report = try BuildStateTests.expectSameAsWholeBuild(project, "a body edit")
        #expect(try Self.shards(project) == shards)
        let changed = Self.changedIndexFiles(report)
        let terms = Self.candidates("量子纠缠研究")
        let bigrams = ["量子", "子纠", "纠缠", "缠研", "研究"]
        let allowed = Set(terms.map { Self.shard($0, shards) })
        let shardsChanged = changed.filter { $0.hasPrefix("t/") }
        #expect(Set(bigrams.map { Self.shard($0, shards) }).isSubset(of: shardsChanged), "the shards of the new bigrams")
        #expect(shardsChanged.isSubset(of: allowed), "only shards of the added terms: \(shardsChanged.subtracting(allowed).sorted())")
        #expect(shardsChanged.count < shards / 4)
        #expect(changed.subtracting(shardsChanged) == ["manifest.json", "l/0.json"], "\(changed.subtracting(shardsChanged).sorted())")

        // Removing the sentence again removes its terms: the same shards, back as they were.
        try IncrementalBuildTests.edit(project, IncrementalBuildTests.policy) { $0.replacingOccurrences(of: "\n量子纠缠研究。\n", with: "") }
        let removed = try BuildStateTests.expectSameAsWholeBuild(project, "the last occurrences removed")
        #expect(Self.changedIndexFiles(removed) == changed)
    }

    @Test func aNewNewestDocumentRenumbersNoOther() throws {
        let project = try Project()
        defer { project.remove() }
        try SiteBuilder.build(project.options(asOf: Self.day))
        let shards = try Self.shards(project)
        let chunks = try FileManager.default.contentsOfDirectory(atPath: project.site.appendingPathComponent("\(Self.data)d").path).count
        let last = (try JSONSerialization.jsonObject(with: Data(try project.read("site/\(Self.data)manifest.json").utf8)) as! [String: Any])["documents"] as! Int - 1
        let holdingLast = try Self.shardsHolding(last, project, shards)
        let path = BuildStateTests.column + "patch-test-new.md"
        try project.write(
            path,
            Project.document(
                "标题: 量子纠缠\n发文机关: 演示市人民政府（演示）\n成文日期: 2024-05-30\n发布日期: 2024-05-31\n主题分类: 综合政务\n文件类型: 通知",
                body: "量子纠缠。"))
        let report = try BuildStateTests.expectSameAsWholeBuild(project, "a new document")
        let changed = Self.changedIndexFiles(report)
        // The demo's consultation of 2024-06-10 stays the newest: only its shards may change besides the new document's.
        let allowed = Set(["量子纠缠", "演示市人民政府", "演示", "综合政务", "通知", "2024"].flatMap(Self.candidates).map { Self.shard($0, shards) })
            .union(holdingLast)
        let shardsChanged = changed.filter { $0.hasPrefix("t/") }
        #expect(!shardsChanged.isEmpty && shardsChanged.isSubset(of: allowed), "\(shardsChanged.subtracting(allowed).sorted())")
        // The new document is the last but one: only the last display chunk changes (or a new one is added).
        let displayChanged = changed.filter { $0.hasPrefix("d/") }
        #expect(displayChanged.isSubset(of: ["d/\(chunks - 1).json", "d/\(chunks).json"]), "\(displayChanged.sorted())")

        // A title edit: its terms' shards and its display chunk.
        try IncrementalBuildTests.edit(project, path) { $0.replacingOccurrences(of: "标题: 量子纠缠", with: "标题: 量子纠缠通报") }
        let retitled = Self.changedIndexFiles(try BuildStateTests.expectSameAsWholeBuild(project, "a title edit"))
        let titleAllowed = Set(Self.candidates("量子纠缠通报").map { Self.shard($0, shards) })
        #expect(retitled.filter { $0.hasPrefix("t/") }.isSubset(of: titleAllowed))
        #expect(retitled.filter { $0.hasPrefix("d/") }.count == 1)

        // Deleted again: the index is the one before it was added.
        try FileManager.default.removeItem(at: project.root.appendingPathComponent(path))
        _ = try BuildStateTests.expectSameAsWholeBuild(project, "the new document deleted")
    }
}
