import Foundation
import GongkaiContent
import GongkaiModel
import GongkaiSite
import GongkaiTestSupport
import Testing

@Suite struct CatalogueAndFAQPageTests {
    @Test(arguments: ["zhujian-active", "transport-standard", "subsidies", "fees"])
    func downloadsTheSameRowsAsTheTable(_ id: String) throws {
        let project = try Project()
        try project.build()
        let catalogue = try #require(try ContentLoader(directory: project.content).load().site.catalogues.first { $0.id == id })
        let data = try Data(contentsOf: project.root.appendingPathComponent("site/catalogues/\(id).csv"))
        #expect(data.starts(with: [0xEF, 0xBB, 0xBF]), "UTF-8 with a byte-order mark, for Excel")
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.contains("\r\n"))
        let records = CSVTable.parse(text).map(\.fields)
        #expect(records.first == catalogue.schema.columns.map(\.name))
        #expect(Array(records.dropFirst()) == catalogue.rows.map { row in catalogue.schema.columns.map { row.value($0) } })
        let html = try project.read("site/catalogues/\(id).html")
        for row in catalogue.rows {
            for column in catalogue.schema.columns where column.name != catalogue.schema.groupBy {
                #expect(
                    html.contains("\(column.name)：</span>\(row.value(column).replacingOccurrences(of: "\"", with: "&quot;").replacingOccurrences(of: "'", with: "&#39;"))<"),
                    "\(id): \(column.name) of line \(row.line)")
            }
        }
    }

    @Test func groupsTheStandardCatalogueByFirstLevelItem() throws {
        let project = try Project()
        try project.build()
        let html = try project.read("site/catalogues/transport-standard.html")
        #expect(html.components(separatedBy: "<tbody>").count - 1 == 3)
        #expect(html.contains("<th scope=\"rowgroup\" colspan=\"9\">一级事项：公路建设</th>"))
        #expect(html.contains("<caption class=\"gk-table__caption\">演示县交通运输领域基层政务公开标准目录（演示）</caption>"))
        #expect(html.contains("<th scope=\"col\">二级事项</th>"))
    }

    @Test func linksPoliciesAndTheirQuestionsBothWays() throws {
        let project = try Project()
        try project.build()
        let policy = try project.read("site/xxgk/fdzdgknr/ghjh/hunan-2023-zwfw-zwgk.html")
        #expect(policy.contains("<h2>相关问答</h2>"))
        for slug in ["website-ageing", "policy-interpretation", "online-application"] {
            #expect(policy.contains("href=\"/faq/\(slug).html\""), "\(slug)")
        }
        let faq = try project.read("site/faq/online-application.html")
        #expect(faq.contains("<h2>政策依据</h2>"))
        #expect(faq.contains("href=\"/xxgk/fdzdgknr/ghjh/hunan-2023-zwfw-zwgk.html\""))
        #expect(faq.contains("href=\"/xxgk/fdzdgknr/zcwj/application-rules-2023.html\""))
        let rules = try project.read("site/xxgk/fdzdgknr/zcwj/application-rules-2023.html")
        #expect(rules.contains("href=\"/faq/online-application.html\""))
        let topics = try project.read("site/faq/index.html")
        #expect(topics.contains(">政务公开</a>（2 条）"))
        let ageing = try project.read("site/faq/website-ageing.html")
        #expect(ageing.contains("href=\"/plans/hunan-2023-zwfw.html#item-20\""))
    }

    @Test func aQuestionMayNotRestOnAWithheldPolicy() throws {
        let project = try Project(files: [
            "zcwj/internal.md": Project.document("标题: 内部\n文号: 测发〔2023〕1号\n发布日期: 2023-06-01\n公开方式: 依申请公开"),
            "faq/q.md": "---\n问题: 问？\n主题: 测试\n答复日期: 2023-06-02\n相关政策: [测发〔2023〕1号]\n---\n答。\n",
        ])
        let result = try project.run(["build", "--as-of", "2024-01-01"])
        #expect(result.status != 0)
        #expect(result.stderr.contains("content/faq/q.md:5:"))
        #expect(result.stderr.contains("不会发布"))
    }
}
