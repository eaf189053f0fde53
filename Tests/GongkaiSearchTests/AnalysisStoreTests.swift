import Foundation
import GongkaiModel
import GongkaiPublish
import GongkaiSearch
import Testing

/// The analyses kept for the next build: read back, they make the same index as analysing
/// again; a store cut short or naming a term the analyser could not make is refused.
@Suite struct AnalysisStoreTests {
    static let records = [
        IndexWriterTests.record("a", title: "关于开展安全生产检查的通知", body: "各乡镇人民政府：现就安全生产检查工作通知如下。COVID-19 防控 2024 年。", published: "2024-03-01T09:00"),
        IndexWriterTests.record("b", title: "年度预算公开", body: "本年度部门预算收入支出情况说明，含“三公”经费。", published: "2023-11-20T10:30", topic: "财政"),
        IndexWriterTests.record("c", title: "FAQ", body: "", published: "2022-01-05T00:00"),
    ]

    func analyses() -> [(UInt64, AnalyzedDocument)] {
        let analyzer = SearchAnalyzer()
        return Self.records.enumerated().map { (UInt64($0.offset * 1000 + 7), analyzer.analyze($0.element)) }
    }

    @Test func storedAnalysesMakeTheSameIndexAsFreshOnes() throws {
        let fresh = analyses()
        let bytes = AnalysisStore(fresh).encoded()
        let store = try #require(AnalysisStore.decode(bytes))
        #expect(store.entries == AnalysisStore(fresh).entries)
        #expect(AnalysisStore(fresh).encoded() == bytes, "the same analyses give the same bytes")
        var metadata = Self.records
        for index in metadata.indices { metadata[index].body = "" }
        let reused = try zip(fresh, metadata).map { pair, record in try #require(store.document(pair.0, metadata: record)) }
        let writer = SearchIndexWriter()
        #expect(writer.files(for: reused) == writer.files(for: fresh.map(\.1)), "the index does not need the body text")
        #expect(store.document(99, metadata: metadata[0]) == nil)
    }

    /// A store of several megabytes is handed over in chunks (never as one buffer) whose
    /// concatenation is the encoding, of the length announced beforehand.
    @Test func aLargeStoreIsEncodedInChunks() throws {
        let analyzed = analyses()
        var many: [(UInt64, AnalyzedDocument)] = []
        for copy in 0..<UInt64(4_000) {
            let (key, document) = analyzed[Int(copy % 3)]
            many.append((key &+ copy &* 7919, document))
        }
        let store = AnalysisStore(many)
        var chunks: [Int] = []
        var bytes: [UInt8] = []
        store.encode { chunk in
            chunks.append(chunk.count)
            bytes.append(contentsOf: chunk)
        }
        #expect(chunks.count > 1, "more than one chunk: \(bytes.count) bytes")
        #expect(chunks.dropLast().allSatisfy { $0 >= 1 << 20 && $0 < (1 << 20) + (1 << 16) }, "chunks of about a megabyte")
        #expect(bytes.count == store.encodedCount)
        #expect(bytes == store.encoded())
        let decoded = try #require(AnalysisStore.decode(bytes))
        #expect(decoded.entries == store.entries)
    }

    @Test func aDamagedOrCraftedStoreIsRefused() throws {
        let bytes = AnalysisStore(analyses()).encoded()
        for cut in [1, 8, 20, bytes.count / 2, bytes.count - 1] {
            #expect(AnalysisStore.decode(Array(bytes.prefix(cut))) == nil, "cut at \(cut)")
        }
        #expect(AnalysisStore.decode(bytes + [0]) == nil, "trailing bytes")
        // One entry with one term whose code is no Unicode scalar (a surrogate).
        var writer = ByteWriter()
        writer.u64(1)
        writer.u64(5)
        writer.u64(3)
        writer.u32(1)
        writer.u32(0)
        writer.u64(1 << 63 | 0xD800)
        writer.u32(0)
        writer.u16(0)
        writer.u16(0)
        writer.u16(1)
        #expect(AnalysisStore.decode(writer.bytes) == nil)
    }
}
