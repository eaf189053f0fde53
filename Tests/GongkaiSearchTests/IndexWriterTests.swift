import Foundation
import GongkaiPublish
import GongkaiSearch
import Testing

/// The index files: layout, sizes, counts (decoded as search.js decodes them).
@Suite struct IndexWriterTests {
    static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")

    /// The numbers of a string of them, as search.js reads it.
    static func numbers(_ text: String) -> [Int] {
        let values = text.map { alphabet.firstIndex(of: $0)! }
        var result: [Int] = []
        var index = 0
        while index < values.count {
            var number = 0
            var shift = 0
            var value = 0
            repeat {
                value = values[index]
                index += 1
                number |= (value & 31) << shift
                shift += 5
            } while value & 32 != 0
            result.append(number)
        }
        return result
    }

    /// (document id, value) of a postings string, as search.js reads it.
    static func postings(_ text: String) -> [(id: Int, value: Int)] {
        let numbers = numbers(text)
        var result: [(Int, Int)] = []
        var previous = -1
        for index in stride(from: 0, to: numbers.count, by: 2) {
            previous += numbers[index] + 1
            result.append((previous, numbers[index + 1]))
        }
        return result
    }

    static func record(
        _ id: String, title: String, body: String, published: String, issuer: String = "测试县人民政府",
        topic: String = "综合政务"
    ) -> SearchRecord {
        SearchRecord(
            id: id, published: published, url: "/\(id).html", title: title, docNumber: nil, issuer: issuer,
            type: "通知", topic: topic, validity: nil, notCurrent: false, tags: [], body: body)
    }

    func files(_ records: [SearchRecord]) -> [String: [UInt8]] {
        let analyzer = SearchAnalyzer()
        let files = SearchIndexWriter().files(for: records.map(analyzer.analyze))
        return Dictionary(uniqueKeysWithValues: files.map { ($0.path, $0.bytes) })
    }

    func entry(_ term: String, in files: [String: [UInt8]]) throws -> String {
        let manifest = try JSONSerialization.jsonObject(with: Data(files["manifest.json"]!)) as! [String: Any]
        let shards = manifest["shards"] as! Int
        var hash: UInt32 = 2_166_136_261
        for byte in term.utf8 { hash = (hash ^ UInt32(byte)) &* 16_777_619 }
        let shard = try JSONSerialization.jsonObject(with: Data(files["t/\(Int(hash) & (shards - 1)).json"]!)) as! [String: Any]
        return try #require(shard[term] as? String, "\(term) is not in its shard")
    }

    @Test func aTitleMatchScoresAboveAnyBodyMatch() throws {
        let body = String(repeating: "乡村振兴工作扎实推进。", count: 30)
        let files = files([
            Self.record("title", title: "关于乡村振兴的通知", body: "详见附件。", published: "2023-01-01T00:00"),
            Self.record("body", title: "工作简报", body: body, published: "2023-02-01T00:00"),
            Self.record("none", title: "其他事项", body: "无关内容。", published: "2023-03-01T00:00"),
        ])
        // Documents are numbered oldest first: title 0, body 1, none 2.
        let postings = Self.postings(try entry("振兴", in: files))
        #expect(postings.map(\.id) == [0, 1])
        #expect(postings.map(\.value) == [2, 30 * 4], "a heading hit; 30 body occurrences")
        let lengths = Self.numbers(try JSONSerialization.jsonObject(with: Data(files["l/0.json"]!), options: .fragmentsAllowed) as! String)
        let manifest = try JSONSerialization.jsonObject(with: Data(files["manifest.json"]!)) as! [String: Any]
        #expect(lengths.count == 3 && lengths.reduce(0, +) == manifest["length"] as? Int)
        let scores = SearchScoring.scores(postings, lengths: lengths, totalLength: lengths.reduce(0, +))
        #expect(scores[0].q > scores[1].q, "title \(scores[0].q) must beat a body with 30 occurrences \(scores[1].q)")
        let chunk = try JSONSerialization.jsonObject(with: Data(files["d/0.json"]!)) as! [[Any]]
        #expect(chunk.map { $0[1] as! String } == ["/title.html", "/body.html", "/none.html"])
    }

    @Test func denseTermsScoreAsTheirBitmapDidAndYearsAreRanges() throws {
        var records: [SearchRecord] = []
        for number in 0..<300 {
            records.append(
                Self.record(
                    "d\(number)", title: number == 7 ? "政务公开通知" : "第\(number)号文件",
                    body: number % 2 == 0 ? "政务公开" : "政务公开。政务公开，政务服务", published: "20\(10 + number / 100)-06-01T00:00",
                    topic: "文化"))
        }
        let files = files(records)
        let postings = Self.postings(try entry("政务", in: files))
        #expect(postings.count == 300, "a term in every document is listed with every document")
        let lengths = files.keys.filter { $0.hasPrefix("l/") }.sorted().flatMap { path in
            Self.numbers(try! JSONSerialization.jsonObject(with: Data(files[path]!), options: .fragmentsAllowed) as! String)
        }
        #expect(lengths.count == 300)
        #expect(SearchScoring.isDense(postings, count: 300))
        let scores = SearchScoring.scores(postings, lengths: lengths, totalLength: lengths.reduce(0, +))
        // Only the document with 政务 in its title keeps its own score.
        let urls = try (0..<38).flatMap { chunk in
            (try JSONSerialization.jsonObject(with: Data(files["d/\(chunk).json"]!)) as! [[Any]]).map { $0[1] as! String }
        }
        #expect(scores.filter { $0.q != SearchScoring.denseScore }.map { urls[$0.id] } == ["/d7.html"])
        #expect(!SearchScoring.isDense(postings.filter { $0.id % 10 == 0 }, count: 300), "30 postings of one character each")
        let manifest = try JSONSerialization.jsonObject(with: Data(files["manifest.json"]!)) as! [String: Any]
        let facets = manifest["facets"] as! [[String: Any]]
        let years = (facets.first { $0["name"] as? String == "year" }!["values"] as! [[String: Any]])
        #expect(years.map { $0["value"] as! String } == ["2012", "2011", "2010"])
        #expect(years.map { [$0["from"] as! Int, $0["to"] as! Int] } == [[200, 300], [100, 200], [0, 100]])
        #expect(files.keys.filter { $0.hasPrefix("d/") }.count == 38)
    }

    @Test func outputIsDeterministicAndIndependentOfInputOrder() throws {
        let records = (0..<40).map { Self.record("r\($0)", title: "标题\($0)", body: "正文\($0)第\($0 % 7)项内容", published: "2023-01-\(10 + $0 % 9)T00:00", issuer: "单位\($0 % 3)") }
        #expect(files(records) == files(records.reversed()))
    }
}
