import Foundation
import GongkaiModel
import GongkaiPublish
import Testing

@testable import GongkaiSearch

/// Patching the index's shards in place gives, byte for byte, what merging every document
/// again gives; where that cannot be proven, the patch declines.
@Suite struct ShardPatchTests {
    /// Documents of generated text: each a few sentences drawn from a pool, so that they share
    /// many terms and an edit adds, removes and recounts some.
    static func records(_ count: Int, seed: UInt64) -> [SearchRecord] {
        let sentences = [
            "县人民政府办公室关于做好冬季森林防火工作的通知。", "各乡镇要落实防火责任，加强巡查值守。", "二〇二四年预算执行情况良好，收入稳步增长。",
            "推进数字政府建设，提升政务服务效能。", "农村饮水安全工程覆盖全部行政村。", "Wi-Fi 覆盖率达到 98% 以上。",
            "请于12月31日前报送材料至县应急管理局。", "加强安全生产隐患排查治理。", "完善社会救助体系，保障困难群众基本生活。",
            "优化营商环境，减少审批环节。",
        ]
        var random = Random(seed)
        return (0..<count).map { number in
            let body = (0..<(2 + random.next(6))).map { _ in sentences[random.next(sentences.count)] }.joined()
            return IndexWriterTests.record(
                "doc-\(number)", title: "第\(number)号文件：" + sentences[random.next(sentences.count)], body: body,
                published: String(format: "2024-%02d-%02dT09:00", 1 + number / 28 % 12, 1 + number % 28))
        }
    }

    struct Random {
        var state: UInt64
        init(_ seed: UInt64) { state = seed }
        mutating func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
    }

    /// The index of `after` made by patching the shards of `before`'s index (documents at the
    /// same ids), or nil when a shard patch declined; and the whole index of `after`.
    static func patchedAndWhole(_ before: [SearchRecord], _ after: [SearchRecord], shardBytes: Int = 4096) -> (
        patched: [String: [UInt8]]?, whole: [String: [UInt8]]
    ) {
        let analyzer = SearchAnalyzer()
        var writer = SearchIndexWriter()
        writer.shardBytes = shardBytes
        let oldOrder = SearchIndexWriter.order(before)
        let newOrder = SearchIndexWriter.order(after)
        let oldAnalyses = oldOrder.map { StoredAnalysis(analyzer.analyze(before[$0])) }
        let newAnalyses = newOrder.map { StoredAnalysis(analyzer.analyze(after[$0])) }
        let old = writer.index(for: oldOrder.map { oldAnalyses[oldOrder.firstIndex(of: $0)!].document(before[$0]) })
        let whole = writer.index(for: newOrder.map { newAnalyses[newOrder.firstIndex(of: $0)!].document(after[$0]) })
        let wholeFiles = Dictionary(uniqueKeysWithValues: whole.files.map { ($0.path, $0.bytes) })
        var files = Dictionary(uniqueKeysWithValues: old.files.map { ($0.path, $0.bytes) })
        let changedIDs = (0..<max(oldAnalyses.count, newAnalyses.count)).filter { id in
            id >= oldAnalyses.count || id >= newAnalyses.count || oldAnalyses[id] != newAnalyses[id]
        }
        let changes = SearchIndexWriter.termChanges(
            changedIDs.map { id in (Int32(id), id < oldAnalyses.count ? oldAnalyses[id] : nil, id < newAnalyses.count ? newAnalyses[id] : nil) })
        var growth = 0
        for (shard, changes) in Dictionary(grouping: changes, by: { $0.shard(of: old.layout.shardCount) }) {
            let path = "t/\(shard).json"
            guard let result = SearchIndexWriter.patch(shard: files[path]!, changes: changes) else { return (nil, wholeFiles) }
            files[path] = result.bytes
            growth += result.growth
        }
        #expect(old.layout.fragmentBytes + growth == whole.layout.fragmentBytes, "the layout's size follows the patches")
        let shards = files.filter { $0.key.hasPrefix("t/") }
        return (shards, wholeFiles.filter { $0.key.hasPrefix("t/") })
    }

    @Test(arguments: [1 as UInt64, 2, 3, 4, 5, 6])
    func patchedShardsAreTheWholeMergesShards(seed: UInt64) throws {
        var random = Random(seed)
        let before = Self.records(60, seed: seed)
        var after = before
        // Edits in place: a body recounted, a title changed, one emptied (every term removed).
        for _ in 0..<3 {
            let index = random.next(after.count)
            after[index].body += "新增加的一句：推进农村电商发展，培育新型经营主体。"
        }
        after[random.next(after.count)].title += "（修订）"
        after[random.next(after.count)].body = ""
        let (patched, whole) = Self.patchedAndWhole(before, after)
        let shards = try #require(patched, "no shard of generated text has two terms of one hash")
        #expect(shards.keys.sorted() == whole.keys.sorted())
        let differing = whole.keys.filter { shards[$0] != whole[$0] }.sorted()
        #expect(differing.isEmpty, "shards differ from a whole merge: \(differing.prefix(5))")
    }

    @Test func aDocumentAddedAfterTheNewestOrTheNewestRemovedIsPatchedToo() throws {
        let before = Self.records(40, seed: 9)
        var added = before
        added.append(IndexWriterTests.record("doc-new", title: "最新发布的通知", body: "关于开展新一轮安全检查的安排。完全新的术语：量子通信试点。", published: "2025-06-01T08:00"))
        let (grown, whole) = Self.patchedAndWhole(before, added)
        #expect(try #require(grown) == whole, "a document appended")
        let (shrunk, wholeAfter) = Self.patchedAndWhole(added, before)
        #expect(try #require(shrunk) == wholeAfter, "the newest document removed")
    }

    @Test func aShardThatIsNotAsTheWriterMadeItIsNotPatched() throws {
        let change = TermChange(text: "防火", hash: FNV1a.hash32("防火"), postings: [TermChange.Posting(id: 0, value: 4)])
        for bytes in ["", "{", "{\"防火\":\"AE\"", "{\"防火\":\"AE\"}", "{\"防火\":AE}\n", "[\"防火\"]\n"] {
            #expect(SearchIndexWriter.patch(shard: Array(bytes.utf8), changes: [change]) == nil, "\(bytes)")
        }
        // Two terms of one hash in the shard: which the change means, and where a new term goes, is not provable.
        let other = TermChange(text: "另一个", hash: change.hash, postings: [TermChange.Posting(id: 1, value: 4)])
        #expect(SearchIndexWriter.patch(shard: Array("{}\n".utf8), changes: [change, other]) == nil)
        // Removing a posting the shard does not have: the state does not describe this shard.
        let removal = TermChange(text: "防火", hash: change.hash, postings: [TermChange.Posting(id: 3, value: nil)])
        #expect(SearchIndexWriter.patch(shard: Array("{\"防火\":\"AE\"}\n".utf8), changes: [removal]) == nil)
        let patched = try #require(SearchIndexWriter.patch(shard: Array("{}\n".utf8), changes: [change]))
        #expect(String(decoding: patched.bytes, as: UTF8.self) == "{\"防火\":\"AE\"}\n")
        #expect(patched.growth == "\"防火\":\"AE\"".utf8.count + 1)
    }

    @Test func postingsDecodeAsTheyWereEncoded() {
        let postings: [(id: Int32, value: Int)] = [(0, 4), (3, 70), (40, 1), (5000, 2047)]
        let decoded = PostingCoder.decodeCounts(PostingCoder.counts(postings))
        #expect(decoded?.map(\.id) == postings.map(\.id))
        #expect(decoded?.map(\.value) == postings.map(\.value))
        #expect(PostingCoder.decodeCounts(Array("g".utf8)) == nil, "a number cut short")
        #expect(PostingCoder.decodeCounts(Array("AE!".utf8)) == nil, "a byte outside the alphabet")
        #expect(PostingCoder.decodeCounts(Array("A".utf8)) == nil, "a gap without its value")
    }
}
