import Foundation
import GongkaiModel
import GongkaiPublish
import GongkaiSearch
import Testing

/// The analyses kept for the next build: read back, they make the same index as analysing
/// again; an entry cut short or naming a term the analyser could not make is refused.
@Suite struct StoredAnalysisTests {
    static let records = [
        IndexWriterTests.record("a", title: "关于开展安全生产检查的通知", body: "各乡镇人民政府：现就安全生产检查工作通知如下。COVID-19 防控 2024 年。", published: "2024-03-01T09:00"),
        IndexWriterTests.record("b", title: "年度预算公开", body: "本年度部门预算收入支出情况说明，含“三公”经费。", published: "2023-11-20T10:30", topic: "财政"),
        IndexWriterTests.record("c", title: "FAQ", body: "", published: "2022-01-05T00:00"),
    ]

    @Test func storedAnalysesMakeTheSameIndexAsFreshOnes() throws {
        let analyzer = SearchAnalyzer()
        let fresh = Self.records.map(analyzer.analyze)
        var metadata = Self.records
        for index in metadata.indices { metadata[index].body = "" }
        let reused = try zip(fresh, metadata).map { document, record in
            let bytes = StoredAnalysis(document).encoded()
            #expect(StoredAnalysis(document).encoded() == bytes, "the same analysis gives the same bytes")
            return try #require(StoredAnalysis.decode(bytes)).document(record)
        }
        let writer = SearchIndexWriter()
        #expect(writer.files(for: reused) == writer.files(for: fresh), "the index does not need the body text")
    }

    @Test func aDamagedOrCraftedEntryIsRefused() throws {
        let bytes = StoredAnalysis(SearchAnalyzer().analyze(Self.records[0])).encoded()
        for cut in [1, 8, 20, bytes.count / 2, bytes.count - 1] {
            #expect(StoredAnalysis.decode(Array(bytes.prefix(cut))) == nil, "cut at \(cut)")
        }
        #expect(StoredAnalysis.decode(bytes + [0]) == nil, "trailing bytes")
        // One term whose code is no Unicode scalar (a surrogate).
        var writer = ByteWriter()
        writer.u64(3)
        writer.u32(1)
        writer.u32(0)
        writer.u64(1 << 63 | 0xD800)
        writer.u32(0)
        writer.u16(0)
        writer.u16(0)
        writer.u16(1)
        #expect(StoredAnalysis.decode(writer.bytes) == nil)
        // More texts than terms.
        var texts = ByteWriter()
        texts.u64(3)
        texts.u32(0)
        texts.u32(1)
        texts.string("词")
        #expect(StoredAnalysis.decode(texts.bytes) == nil)
    }
}
