import Foundation
import GongkaiModel
import GongkaiSite
import GongkaiTestSupport
import Testing

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Builds the repository's demo content and checks the pages a visitor and an inspector see.
@Suite struct DemoPortalTests {
    /// The five seed notices as the spec requires them: 文号, 发文机关 (as signed), 成文日期,
    /// 发布日期, transcribed by hand from the seeds (three carry no publication date; the
    /// importer uses the 成文日期 and says so in the notice file).
    static let seeds: [(page: String, issuer: String, number: String?, written: String, published: String)] = [
        ("xxgk/fdzdgknr/ghjh/heshan-2023-zwgk-zwfw.html", "益阳市赫山区政务公开政务服务领导小组", nil, "2023年7月17日", "2023-07-17 00:00"),
        ("xxgk/fdzdgknr/ghjh/hunan-2023-zwfw-zwgk.html", "湖南省人民政府办公厅", "湘政办发〔2023〕11号", "2023年3月6日", "2023-03-23 14:07"),
        ("xxgk/fdzdgknr/ghjh/zhangjiajie-2022-zwfw-zwgk.html", "张家界市人民政府办公室", "张政办发〔2022〕14号", "2022年5月19日", "2022-05-20 00:00"),
        ("xxgk/fdzdgknr/ghjh/kaifu-2023-zwgk.html", "长沙市开福区政务公开政务服务工作领导小组办公室", "开政务公开办发〔2023〕2号", "2023年5月5日", "2023-05-05 00:00"),
        ("xxgk/fdzdgknr/ghjh/shaoyang-2022-zwfw-zwgk.html", "邵阳市人民政府推进政府职能转变和“放管服”改革行政审批制度改革领导小组办公室", "邵放组办字〔2022〕7号", "2022年5月12日", "2022-05-12 00:00"),
    ]

    static func cell(_ label: String, _ value: String) -> String {
        "<dt class=\"gk-metadata__label\">\(label)</dt><dd class=\"gk-metadata__value\">\(value)</dd>"
    }

    @Test func eachSeedNoticeHasItsPageWithItsMetadata() throws {
        let project = try Project()
        try project.build()
        for seed in Self.seeds {
            let html = try project.read("site/\(seed.page)")
            #expect(html.contains(Self.cell("发文机关", seed.issuer.replacingOccurrences(of: "“", with: "“"))), "\(seed.page)")
            if let number = seed.number {
                #expect(html.contains(Self.cell("文号", number)), "\(seed.page)")
            } else {
                #expect(!html.contains(">文号</dt>") && !html.contains(">无</dd>"), "an empty 文号 is left out: \(seed.page)")
            }
            #expect(html.contains(Self.cell("文件类型", "通知")), "\(seed.page)")
            #expect(html.contains(Self.cell("成文日期", seed.written)), "\(seed.page)")
            #expect(html.contains("<meta name=\"PubDate\" content=\"\(seed.published)\">"), "\(seed.page)")
            #expect(html.contains("<meta name=\"SiteIDCode\" content=\"4300000000\">"))
            #expect(html.contains("<meta name=\"ColumnName\" content=\"规划计划\">"))
            #expect(html.contains(Self.cell("有效性", "现行有效")))
            #expect(html.contains("<a class=\"gk-skip-link\" href=\"#main\">"))
            #expect(html.contains("<main id=\"main\""))
            #expect(html.contains("aria-label=\"当前位置\""))
            #expect(html.contains("网站标识码：4300000000"))
            #expect(html.contains(">网站地图</a>"))
        }
        let hunan = try project.read("site/\(Self.seeds[1].page)")
        #expect(hunan.contains("<h2>本文件印发的工作要点</h2>"))
        #expect(hunan.contains("<a href=\"/plans/hunan-2023-zwgk.html\">湖南省2023年政务公开工作要点</a>"))
        #expect(hunan.contains("<a href=\"/plans/hunan-2023-zwfw.html\">湖南省2023年政务管理服务工作要点</a>"))
        #expect(hunan.contains(Self.cell("发布日期", "2023年3月23日")))
    }

    @Test func linksAnInterpretationAndItsPolicyBothWays() throws {
        let project = try Project()
        try project.build()
        let policy = try project.read("site/xxgk/fdzdgknr/ghjh/hunan-2023-zwfw-zwgk.html")
        let reading = try project.read("site/xxgk/fdzdgknr/zcjd/hunan-2023-zwgk-zwfw-jiedu.html")
        #expect(policy.contains("<h2>相关解读</h2>"))
        #expect(policy.contains("href=\"/xxgk/fdzdgknr/zcjd/hunan-2023-zwgk-zwfw-jiedu.html\""))
        #expect(reading.contains("<h2>解读对象</h2>"))
        #expect(reading.contains("href=\"/xxgk/fdzdgknr/ghjh/hunan-2023-zwfw-zwgk.html\""))
        let old = try project.read("site/xxgk/gkzn/guide-2021.html")
        #expect(old.contains("gk-notice--warning"))
        #expect(old.contains("本文件已修改"))
        #expect(old.contains("新版本：<a href=\"/xxgk/gkzn/guide-2023.html\">"))
        let new = try project.read("site/xxgk/gkzn/guide-2023.html")
        #expect(!new.contains("gk-notice--warning"))
        #expect(new.contains("<h2>旧版本（被本文件替代）</h2>"))
    }

    /// `--timings` names each stage of a whole build once, in order, with its processor time
    /// and the peak memory so far, which only grows.
    @Test func timesEachStageWithProcessorTimeAndPeakMemory() throws {
        let report = try Project().build()
        let names = report.phases.map(\.name)
        #expect(
            names == [
                "读取内容状态", "读取内容和模板", "确定发布范围", "检查内容", "规划页面", "读取构建缓存", "生成并写入页面", "建立检索索引", "写入检索索引",
                "确定发布的附件", "复制附件、检查个人信息", "替换输出目录", "写入构建缓存", "保存检索分析状态和内容读取状态", "整理结果",
            ])
        #expect(report.phases.allSatisfy { $0.seconds >= 0 && $0.processor >= 0 })
        #expect(report.phases.reduce(0) { $0 + $1.processor } > 0)
        let peaks = report.phases.map(\.peakMemory)
        #expect(peaks.first! > 1_048_576 && peaks == peaks.sorted())
    }

    @Test func buildsTheSamePageBytesTwice() throws {
        let project = try Project()
        let second = project.root.appendingPathComponent("second")
        try project.build()
        _ = try SiteBuilder.build(project.options(output: second))
        let first = Project.tree(project.site)
        #expect(first.count > 20)
        #expect(first == Project.tree(second))
    }

    @Test func writesWellFormedFeedsAndASitemapListingEveryPage() throws {
        let project = try Project()
        let report = try project.build()
        let sitemap = try XMLDocumentReader(project.root.appendingPathComponent("site/sitemap.xml"))
        let locations = Set(sitemap.texts(of: "loc"))
        let base = "https://demo.gongkai.example/"
        for seed in Self.seeds { #expect(locations.contains(base + seed.page)) }
        #expect(locations.contains(base))
        #expect(locations.contains(base + "xxgk/fdzdgknr/ghjh/"))
        #expect(locations.contains(base + "sitemap.html"))
        for location in locations {
            let path = String(location.dropFirst(base.count))
            #expect(project.exists("site/" + (path.isEmpty || path.hasSuffix("/") ? path + "index.html" : path)), "\(location)")
        }
        #expect(locations.contains(base + "plans/hunan-2023-zwgk.html"))
        #expect(locations.contains(base + "ledger/"))
        #expect(locations.contains(base + "plans/align/kaifu-2023-zwgk--hunan-2023-zwgk.html"))
        let pages = Set(
            Project.tree(project.site).keys.filter { $0.hasSuffix(".html") && $0 != "404.html" }.map { path in
                base + (path.hasSuffix("index.html") ? String(path.dropLast("index.html".count)) : path)
            })
        #expect(locations == pages, "the sitemap lists every page but the 404 page, and nothing else")
        #expect(report.published == 13)

        let feed = try XMLDocumentReader(project.root.appendingPathComponent("site/xxgk/fdzdgknr/ghjh/feed.xml"))
        #expect(feed.root == "feed")
        let links = feed.attributes(of: "link", named: "href")
        for seed in Self.seeds { #expect(links.contains(base + seed.page)) }
        #expect(feed.texts(of: "updated").first == "2023-07-17T00:00:00+08:00", "the newest entry, not the build time")
        for column in ["xxgk", "xxgk/gkzn", "xxgk/fdzdgknr/gzdt"] {
            #expect(try XMLDocumentReader(project.root.appendingPathComponent("site/\(column)/feed.xml")).root == "feed")
        }
    }

    @Test func rendersTheSitemapPageHomeAnd404() throws {
        let project = try Project()
        try project.build()
        let sitemap = try project.read("site/sitemap.html")
        #expect(sitemap.contains("<a href=\"/xxgk/fdzdgknr/ghjh/\">规划计划</a> <span class=\"gk-tree__count\">（5 篇）</span>"))
        #expect(sitemap.contains("<a href=\"/xxgk/gknb/\">政府信息公开年报</a>"))
        let home = try project.read("site/index.html")
        #expect(home.contains("<h2 class=\"gk-home__heading\"><a href=\"/xxgk/fdzdgknr/ghjh/\">规划计划</a></h2>"))
        #expect(home.contains("规划计划：查看全部 5 篇"))
        #expect(home.contains("最近更新：2023年8月3日"))
        #expect(home.contains("工作要点落实情况"))
        #expect(home.contains("<a href=\"/plans/kaifu-2023-zwgk.html\">开福区2023年政务公开工作要点</a>"))
        #expect(!home.contains("href=\"/plans/zhangjiajie-2022-zwgk.html\""), "the home page shows the latest year's plans")
        let notFound = try project.read("site/404.html")
        #expect(notFound.contains("页面不存在"))
    }
}

/// Parses an XML file (failing on malformed XML) and collects element texts and attributes.
final class XMLDocumentReader: NSObject, XMLParserDelegate {
    private(set) var root: String?
    private var elements: [(name: String, text: String, attributes: [String: String])] = []
    private var stack: [Int] = []

    init(_ url: URL) throws {
        super.init()
        let parser = XMLParser(data: try Data(contentsOf: url))
        parser.delegate = self
        guard parser.parse() else {
            throw XMLError(description: "\(url.lastPathComponent) is not well-formed: \(parser.parserError.map { "\($0)" } ?? "?")")
        }
    }

    func texts(of name: String) -> [String] {
        elements.filter { $0.name == name }.map(\.text)
    }

    func attributes(of name: String, named attribute: String) -> [String] {
        elements.filter { $0.name == name }.compactMap { $0.attributes[attribute] }
    }

    func parser(
        _ parser: XMLParser, didStartElement name: String, namespaceURI: String?,
        qualifiedName: String?, attributes: [String: String] = [:]
    ) {
        if root == nil { root = name }
        elements.append((name, "", attributes))
        stack.append(elements.count - 1)
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if let index = stack.last { elements[index].text += string }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        stack.removeLast()
    }
}

struct XMLError: Error, CustomStringConvertible {
    let description: String
}
