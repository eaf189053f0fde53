import Foundation
import GongkaiPublish
import GongkaiSearch
import Testing

/// The index files: layout, sizes, scores (decoded as search.js decodes them).
@Suite struct IndexWriterTests {
    static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")

    /// (document id, score) of a postings string, as search.js reads it.
    static func postings(_ text: String) -> [(id: Int, score: Int)] {
        let values = text.map { alphabet.firstIndex(of: $0)! }
        var result: [(Int, Int)] = []
        var index = 0
        var previous = -1
        while index < values.count {
            var gap = 0
            var shift = 0
            var value = 0
            repeat {
                value = values[index]
                index += 1
                gap |= (value & 31) << shift
                shift += 5
            } while value & 32 != 0
            previous += gap + 1
            result.append((previous, values[index]))
            index += 1
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

    func entry(_ term: String, in files: [String: [UInt8]]) throws -> [Any] {
        let manifest = try JSONSerialization.jsonObject(with: Data(files["manifest.json"]!)) as! [String: Any]
        let shards = manifest["shards"] as! Int
        var hash: UInt32 = 2_166_136_261
        for byte in term.utf8 { hash = (hash ^ UInt32(byte)) &* 16_777_619 }
        let shard = try JSONSerialization.jsonObject(with: Data(files["t/\(Int(hash) & (shards - 1)).json"]!)) as! [String: Any]
        return try #require(shard[term] as? [Any], "\(term) is not in its shard")
    }

    @Test func aTitleMatchScoresAboveAnyBodyMatch() throws {
        let body = String(repeating: "乡村振兴工作扎实推进。", count: 30)
        let files = files([
            Self.record("title", title: "关于乡村振兴的通知", body: "详见附件。", published: "2023-01-01T00:00"),
            Self.record("body", title: "工作简报", body: body, published: "2023-02-01T00:00"),
            Self.record("none", title: "其他事项", body: "无关内容。", published: "2023-03-01T00:00"),
        ])
        // Documents are numbered newest first: none 0, body 1, title 2.
        let scores = Dictionary(uniqueKeysWithValues: Self.postings(try entry("振兴", in: files)[1] as! String).map { ($0.id, $0.score) })
        #expect(Set(scores.keys) == [1, 2])
        #expect(scores[2]! > scores[1]!, "title \(scores[2]!) must beat a body with 30 occurrences \(scores[1]!)")
        let chunk = try JSONSerialization.jsonObject(with: Data(files["d/0.json"]!)) as! [[Any]]
        #expect(chunk.map { $0[1] as! String } == ["/none.html", "/body.html", "/title.html"])
    }

    @Test func denseTermsUseABitmapAndYearsAreRanges() throws {
        var records: [SearchRecord] = []
        for number in 0..<300 {
            records.append(
                Self.record(
                    "d\(number)", title: number == 7 ? "政务公开通知" : "第\(number)号文件",
                    body: "政务公开", published: "20\(10 + number / 100)-06-01T00:00", topic: "文化"))
        }
        let files = files(records)
        let dense = try entry("政务", in: files)
        #expect(dense.count == 3, "a term in every document is a bitmap")
        #expect((dense[2] as! String).count == 50, "300 documents, 6 a character")
        // Only the document with 政务 in its title is listed with its own score.
        #expect(Self.postings(dense[1] as! String).count == 1)
        let manifest = try JSONSerialization.jsonObject(with: Data(files["manifest.json"]!)) as! [String: Any]
        let facets = manifest["facets"] as! [[String: Any]]
        let years = (facets.first { $0["name"] as? String == "year" }!["values"] as! [[String: Any]])
        #expect(years.map { $0["value"] as! String } == ["2012", "2011", "2010"])
        #expect(years.map { [$0["from"] as! Int, $0["to"] as! Int] } == [[0, 100], [100, 200], [200, 300]])
        #expect(files.keys.filter { $0.hasPrefix("d/") }.count == 38)
    }

    @Test func outputIsDeterministicAndIndependentOfInputOrder() throws {
        let records = (0..<40).map { Self.record("r\($0)", title: "标题\($0)", body: "正文\($0)第\($0 % 7)项内容", published: "2023-01-\(10 + $0 % 9)T00:00", issuer: "单位\($0 % 3)") }
        #expect(files(records) == files(records.reversed()))
    }
}
