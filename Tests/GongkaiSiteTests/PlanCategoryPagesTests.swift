import Foundation
import GongkaiContent
import GongkaiModel
import GongkaiPublish
import GongkaiTestSupport
import Testing

/// A plan whose 类别 is a topic of its own (not 政务公开 or 政务管理服务), under a title that does
/// not say it: the plan page, the plan list, the ledger and the search text show the category.
@Suite struct PlanCategoryPagesTests {
    static let plan = """
        标题: 青岚县2024年工作要点
        年度: 2024
        地区: 青岚县
        层级: 县区
        类别: 法治政府建设
        部分:
        - 序号: 一
          标题: 健全制度体系
          任务:
          - 序号: (一)
            内容: 全面推行重大决策目录管理。
            牵头单位: [县司法局]
        """

    @Test func aCategoryOfItsOwnIsShownWhereTheTitleDoesNotSayIt() throws {
        let project = try Project(files: ["plans/qinglan-2024-fzzfjs.yml": Self.plan])
        defer { try? FileManager.default.removeItem(at: project.root) }
        let result = try project.run(["build", "--as-of", "2024-06-01"])
        try #require(result.status == 0, "\(result.stderr)")
        #expect(try project.read("site/plans/qinglan-2024-fzzfjs.html").contains("<dt>类别</dt><dd>法治政府建设</dd>"))
        #expect(try project.read("site/plans/index.html").contains("青岚县2024年工作要点（法治政府建设）"))
        // The only unit's ledger page: 青岚县司法局.
        let pages = try FileManager.default.contentsOfDirectory(atPath: project.site.appendingPathComponent("ledger").path).filter { $0 != "index.html" }
        #expect(pages.count == 1)
        let ledger = try project.read("site/ledger/\(try #require(pages.first))")
        #expect(ledger.contains("青岚县司法局"))
        #expect(ledger.contains("青岚县2024年工作要点（法治政府建设）"))
        // Searchable by its category: the plan's search text names it.
        let plan = try #require(try ContentLoader(directory: project.content).load().site.plans.first)
        #expect(SearchData.planText(plan).contains("法治政府建设"))
    }
}
