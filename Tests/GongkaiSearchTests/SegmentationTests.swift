import Foundation
import GongkaiPublish
import GongkaiSearch
import Testing

/// ICU's segmentation of sentences from the seed notices, and the terms the index makes.
@Suite struct SegmentationTests {
    static let seeds = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/seeds")

    static func seed(_ name: String) throws -> String {
        try String(contentsOf: seeds.appendingPathComponent(name + ".txt"), encoding: .utf8)
    }

    let analyzer = SearchAnalyzer()

    /// Sentences of the 赫山区 and 湖南省 seeds, as Debian's ICU 72 segments them.
    @Test(arguments: [
        (
            "000_b9f03bad9a0bd85c", "全面落实《湖南省政务服务中心管理办法》",
            ["全面", "落实", "湖南省", "政务", "服务", "中心", "管理", "办法"]
        ),
        (
            "000_b9f03bad9a0bd85c", "（区行政审批服务局、区政务服务中心、区人社局牵头，区直相关单位按职责分工负责）",
            [
                "区", "行政", "审批", "服务", "局", "区", "政务", "服务", "中心", "区", "人", "社", "局", "牵", "头",
                "区", "直", "相关", "单位", "按", "职责", "分工", "负责",
            ]
        ),
        (
            "001_481537314689ab2f", "推进“湘易办”全面提标行动",
            ["推进", "湘", "易", "办", "全面", "提", "标", "行动"]
        ),
        // 全市政府 comes out 全|市政府: a query for 全市 still finds it through the bigram 全市.
        (
            "002_b7eafef4efe96bfa", "制定出台全市政府信息公开申请办理规范",
            ["制定", "出台", "全", "市政府", "信息", "公开", "申请", "办理", "规范"]
        ),
        ("002_b7eafef4efe96bfa", "(国办函〔2021〕132号)", ["国", "办", "函", "2021", "132", "号"]),
    ])
    func segmentsSeedSentences(seed: String, sentence: String, words: [String]) throws {
        #expect(try Self.seed(seed).contains(sentence), "the sentence is not in seed \(seed)")
        #expect(analyzer.segment(sentence) == words)
    }

    @Test func segmentationKeepsEveryCharacterOfASeed() throws {
        let text = try Self.seed("003_9e200add24cb7cbb")
        let cjk = String(String.UnicodeScalarView(text.unicodeScalars.filter(SearchText.isCJK)))
        let words = analyzer.segment(text).filter { $0.unicodeScalars.allSatisfy(SearchText.isCJK) }
        #expect(words.joined() == cjk)
        #expect(words.contains("政务") && words.contains("公开"))
    }

    @Test func fullWidthAndCapitalLettersAreNormalised() {
        #expect(analyzer.segment("ＧＯＮＧＫＡＩ　１２３ Abc") == ["gongkai", "123", "abc"])
    }

    @Test func aDocNumberWithoutBracketsGivesTheSameTerms() {
        #expect(analyzer.segment("湘政办发〔2023〕11号").filter { $0.first!.isNumber } == ["2023", "11"])
        #expect(analyzer.segment("湘政办发202311号").filter { $0.first!.isNumber } == ["2023", "11"])
        #expect(analyzer.segment("湘政办发[2023]11号").filter { $0.first!.isNumber } == ["2023", "11"])
        // A phone number or a long code is not cut.
        #expect(analyzer.segment("12345") == ["12345"])
        #expect(analyzer.segment("20231231001") == ["20231231001"])
    }

    static func record(
        _ id: String, title: String, body: String, published: String = "2023-01-01T00:00",
        docNumber: String? = nil
    ) -> SearchRecord {
        SearchRecord(
            id: id, published: published, url: "/\(id).html", title: title, docNumber: docNumber,
            issuer: "测试县人民政府", type: "通知", topic: nil, validity: "现行有效", notCurrent: false,
            tags: [], body: body)
    }

    @Test func aContextSplitWordIsStillATermThroughItsBigram() throws {
        let terms = Set(analyzer.analyze(Self.record("a", title: "", body: "制定出台全市政府信息公开申请办理规范")).termTexts)
        #expect(terms.contains("全市") && terms.contains("市政府") && terms.contains("市政"))
    }

    @Test func termsHoldEveryBigramOfARunWordsOfThreeAndSingleCharacterWords() {
        let analyzed = analyzer.analyze(Self.record("a", title: "标题", body: "由区政务服务中心牵头的工作"))
        let terms = Set(analyzed.termTexts)
        // Bigrams across ICU's word boundaries (区|政务|服务|中心|牵|头|的|工作) are there too.
        for bigram in ["区政", "政务", "务服", "服务", "务中", "中心", "心牵", "牵头", "头的", "的工", "工作"] {
            #expect(terms.contains(bigram), "\(bigram)")
        }
        #expect(terms.contains("区") && terms.contains("牵"))
        #expect(!terms.contains("的"), "stop characters are no terms of their own")
        #expect(terms.contains("测试县") || terms.contains("测试"), "the issuer is indexed")
        let heading = analyzed.term("标题")!
        #expect(heading.heading == 1 && heading.body == 0)
        let office = analyzed.term("服务")!
        #expect(office.body == 1 && office.heading == 0)
    }

    @Test func theAnalyzerVersionNamesTheICUVersion() {
        #expect(SearchAnalyzer.version.hasPrefix("gongkai-search-1 icu-7"))
    }

    @Test func analysisIsDeterministicAndCodable() throws {
        let record = Self.record("a", title: "湖南省2023年政务公开工作要点", body: try Self.seed("004_7ad38d3214157346"))
        let first = analyzer.analyze(record)
        #expect(first == analyzer.analyze(record))
        let decoded = try JSONDecoder().decode(AnalyzedDocument.self, from: try JSONEncoder().encode(first))
        #expect(decoded == first)
        #expect(Set(first.termTexts).count == first.terms.count)
    }

    /// Terms carry no strings: a bigram's key is its code points, its shard hash is computed
    /// from them. Both must agree with the text search.js hashes, also for characters outside
    /// the Basic Multilingual Plane (four UTF-8 bytes) and for letter-or-digit terms.
    @Test func termKeysAndHashesAgreeWithTheirTexts() throws {
        let body = try Self.seed("001_481537314689ab2f") + " 𠮷祥𠀀 GB/T 2260-2007 ab 5"
        let analyzed = analyzer.analyze(Self.record("a", title: "湘政办发〔2023〕11号", body: body, docNumber: "湘政办发〔2023〕11号"))
        var codes = 0
        var others = 0
        for (index, term) in analyzed.terms.enumerated() {
            let text = analyzed.text(of: index)
            var hash: UInt32 = 2_166_136_261
            for byte in text.utf8 { hash = (hash ^ UInt32(byte)) &* 16_777_619 }
            #expect(term.hash == hash, "\(text)")
            let cjk = text.unicodeScalars.allSatisfy(SearchText.isCJK)
            #expect(term.isCode == (cjk && text.unicodeScalars.count <= 2), "\(text)")
            if term.isCode { codes += 1 } else { others += 1 }
        }
        #expect(analyzed.termTexts.contains("𠮷祥") && analyzed.termTexts.contains("祥𠀀"))
        #expect(analyzed.termTexts.contains("ab") && analyzed.termTexts.contains("2260"))
        #expect(codes > 500 && others > 20)
        #expect(Set(analyzed.terms.map(\.key)).count == analyzed.terms.count, "keys are distinct within a document")
    }
}
