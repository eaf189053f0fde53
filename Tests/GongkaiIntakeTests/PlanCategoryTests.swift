import Foundation
import GongkaiContent
import GongkaiModel
import Testing

@testable import GongkaiIntake

/// A plan's 类别 comes from its title and is stored as written; the two well-known ones keep
/// their names and ids.
@Suite struct PlanCategoryTests {
    static func notice(_ planTitle: String) -> String {
        """
        青岚县人民政府办公室关于印发\(planTitle)的通知
        各乡镇人民政府，县直各单位：
        现将《\(planTitle)》印发给你们，请结合实际认真抓好落实。
        青岚县人民政府办公室
        2024年3月1日
        \(planTitle)
        一、健全制度体系
        1.全面推行重大决策目录管理，年底前公布决策事项目录。（牵头单位：县司法局）
        2.开展涉企规章制度清理。（牵头单位：县司法局；配合单位：县直各单位）
        二、提升执法水平
        3.深化综合行政执法改革，规范执法自由裁量权。（牵头单位：县综合执法局）
        """
    }

    @Test(arguments: [
        ("青岚县2024年法治政府建设工作要点", "法治政府建设", "fzzfjs"),
        ("青岚县2024年优化营商环境重点任务清单", "优化营商环境", "yhyshj"),
        ("2024年度青岚县数字政府建设实施方案", "数字政府建设", "szzfjs"),
        ("青岚县2024年政务公开工作要点", "政务公开", "zwgk"),
        ("青岚县2024年政务服务管理工作要点", "政务管理服务", "zwfw"),
        ("青岚县2024年政务服务工作要点", "政务服务", "zwfw"),
    ])
    func categoryFromTheTitle(_ title: String, _ category: String, _ slug: String) throws {
        let result = PlanImporter(idPrefix: "qinglan").run(Self.notice(title))
        let plan = try #require(result.plans.first)
        #expect(plan.kind.rawValue == category)
        #expect(plan.id == "qinglan-2024-\(slug)")
        #expect(plan.items.count == 3 && plan.sections.count == 2)
    }

    @Test func anyCategoryIsStoredAndReadBack() throws {
        let content = try TemporaryContent()
        let input = try content.input("要点.txt", Data(Self.notice("青岚县2024年法治政府建设工作要点").utf8))
        let prepared = try PlanImport.prepare(file: input, display: "要点.txt", content: content.root, contentDisplay: "content", id: nil, column: nil)
        #expect(prepared.files.contains { $0.path == "plans/qinglan-2024-fzzfjs.yml" && $0.text.contains("类别: 法治政府建设") })
        #expect(prepared.files.contains { $0.path == "jhzj/qinglan-2024-fzzfjs.md" }, "the notice id names the category too")
        _ = try prepared.write(to: content.root, contentDisplay: "content", force: false)
        let site = try ContentLoader(directory: content.root, display: "content").load().site
        #expect(site.plans.map(\.kind.rawValue) == ["法治政府建设"])
    }

    @Test func namesOfTheWellKnownCategories() {
        #expect(PlanKind(name: "政务服务管理") == .service)
        #expect(PlanKind(name: " 政务公开 ") == .disclosure)
        #expect(PlanKind(name: "法治政府建设")?.rawValue == "法治政府建设")
        #expect(PlanKind(name: "") == nil)
        #expect(PlanKind(name: String(repeating: "长", count: 31)) == nil)
        #expect(PlanKind(name: "政务服务")?.family == PlanKind.service.family)
        #expect(PlanKind(name: "法治政府建设")?.family != PlanKind.disclosure.family)
    }
}
