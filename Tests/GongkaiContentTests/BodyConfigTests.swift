import Foundation
import GongkaiContent
import GongkaiModel
import GongkaiTestSupport
import Testing

/// 公开主体 in site.yml: the bodies, the column template, body folders and their 索引号.
@Suite struct BodyConfigTests {
    /// The test site with a government on its own column, one 部门 and one 乡镇街道 on the template.
    static func site(bodies: String = Self.bodies, template: String = Self.template) -> String {
        TemporaryContent.siteYAML + "\n" + bodies + "\n" + template
    }

    static let bodies = """
        公开主体:
          - 名称: 样例县人民政府
            路径: gov
            类型: 本级政府
            机构代码: "111111111"
            栏目: xxgk
          - 名称: 样例县交通运输局
            简称: 县交通局
            路径: jtj
            类型: 部门
            机构代码: "222222222"
            联系电话: 0000-1234567
            电子邮箱: jtj@test.example
          - 名称: 样例乡人民政府
            路径: yangli
            类型: 乡镇街道
            机构代码: "333333333"
        """

    static let template = """
        主体栏目:
          - 标题: 公开指南
            路径: gkzn
          - 标题: 法定主动公开内容
            路径: fdzdgknr
            子栏目:
              - 标题: 通知公告
                路径: tzgg
          - 标题: 年报
            路径: gknb
        """

    static func document(_ title: String, _ day: String) -> String {
        TemporaryContent.document("标题: \(title)\n发布日期: \(day)")
    }

    @Test func givesEachTemplatedBodyTheTemplateColumnsUnderItsFolder() throws {
        let content = try TemporaryContent([:], site: Self.site())
        let site = try content.load().site
        #expect(site.bodies.map(\.slug) == ["gov", "jtj", "yangli"])
        #expect(site.bodies.map(\.kind) == [.government, .department, .township])
        #expect(site.body("jtj")?.shortName == "县交通局")
        #expect(site.body("jtj")?.channels.email == "jtj@test.example")
        let paths = site.columns.map(\.path)
        for path in ["bodies", "bodies/gov", "bodies/jtj", "bodies/jtj/gkzn", "bodies/jtj/fdzdgknr/tzgg", "bodies/yangli/gknb"] {
            #expect(paths.contains(path), "\(path)")
        }
        #expect(!paths.contains("bodies/gov/gkzn"), "the government discloses through its own column xxgk")
        #expect(site.column("bodies/jtj")?.childPaths == ["bodies/jtj/gkzn", "bodies/jtj/fdzdgknr", "bodies/jtj/gknb"])
        #expect(site.column("bodies/jtj")?.holdsDocuments == false)
        #expect(site.column("bodies/jtj/gkzn")?.holdsDocuments == true)
        #expect(site.lineage(of: "bodies/jtj/fdzdgknr/tzgg").map(\.title) == ["公开主体", "样例县交通运输局", "法定主动公开内容", "通知公告"])
        #expect(site.body(ofColumn: "xxgk/zcwj")?.slug == "gov", "documents outside the bodies' folders are the government's")
        #expect(site.body(ofColumn: "bodies/yangli/gkzn")?.slug == "yangli")
    }

    @Test func aSiteWithoutBodiesHasNoBodyColumns() throws {
        let content = try TemporaryContent(["xxgk/zcwj/a.md": Self.document("甲", "2024-02-01")])
        let site = try content.load().site
        #expect(site.bodies.isEmpty)
        #expect(site.columns.map(\.path) == ["xxgk", "xxgk/zcwj", "xxgk/zcjd"])
        #expect(site.body(ofColumn: "xxgk/zcwj") == nil)
        #expect(site.documents.first?.indexNumber == "006939000/2024-00001")
    }

    @Test func numbersEachBodysDocumentsWithItsOwnCode() throws {
        let content = try TemporaryContent(
            [
                "xxgk/zcwj/a.md": Self.document("甲", "2024-02-01"),
                "bodies/jtj/gkzn/guide.md": Self.document("交通局指南", "2024-01-05"),
                "bodies/jtj/fdzdgknr/tzgg/notice.md": Self.document("交通局通知", "2024-03-01"),
                "bodies/yangli/gkzn/guide.md": Self.document("乡指南", "2024-01-06"),
            ], site: Self.site())
        let site = try content.load().site
        func number(_ id: String) -> String? { site.document(id)?.indexNumber }
        #expect(number("xxgk/zcwj/a") == "111111111/2024-00001")
        #expect(number("bodies/jtj/gkzn/guide") == "222222222/2024-00001")
        #expect(number("bodies/jtj/fdzdgknr/tzgg/notice") == "222222222/2024-00002")
        #expect(number("bodies/yangli/gkzn/guide") == "333333333/2024-00001", "serials count per body")
    }

    /// A report whose every figure is 0, in the file format (all rows, as the reader requires).
    static func zeroReport(year: Int, published: String) -> String {
        let seven = "[0, 0, 0, 0, 0, 0, 0]"
        var lines = ["年度: \(year)", "发布日期: \(published)", "总体情况:"]
        lines += AnnualReport.overviewParts.map { "  \($0): 无。" }
        lines += ["主动公开政府信息情况:"] + DecisionTable.rows.map { "  \($0): 0" }
        lines.append("收到和处理政府信息公开申请情况:")
        for row in ApplicationTable.rows where row.group == nil { lines.append("  \(row.key): \(seven)") }
        for group in ApplicationTable.groups {
            lines.append("  \(group.key):")
            for row in ApplicationTable.rows where row.group == group.key { lines.append("    \(row.key): \(seven)") }
        }
        lines += ["行政复议和行政诉讼情况:"] + ReviewTable.rows.map { "  \($0): [0, 0, 0, 0, 0]" }
        return lines.joined(separator: "\n") + "\n"
    }

    @Test func readsABodysReportsFromItsFolder() throws {
        let content = try TemporaryContent(
            [
                "bodies/jtj/reports/2023.yml": Self.zeroReport(year: 2023, published: "2024-01-20"),
                "reports/2023.yml": Self.zeroReport(year: 2023, published: "2024-03-01"),
            ], site: Self.site())
        let site = try content.load().site
        #expect(site.reports.count == 2, "one year twice is fine when the bodies differ")
        #expect(site.reports(of: site.body("jtj")).map(\.file) == ["content/bodies/jtj/reports/2023.yml"])
        #expect(site.reports(of: site.body("gov")).map(\.file) == ["content/reports/2023.yml"], "the government's own column reads content/reports/")
        #expect(site.reports(of: site.body("yangli")).isEmpty)
    }

    @Test func refusesTheSameYearTwiceForOneBody() throws {
        let content = try TemporaryContent(
            [
                "bodies/jtj/reports/2023.yml": Self.zeroReport(year: 2023, published: "2024-01-20"),
                "bodies/jtj/reports/2023-again.yml": Self.zeroReport(year: 2023, published: "2024-01-21"),
            ], site: Self.site())
        #expect(content.errors().contains { $0.message.contains("2023年的年度报告与") })
    }

    @Test func refusesAnUnknownKindAtItsLine() throws {
        let bodies = Self.bodies.replacingOccurrences(of: "类型: 乡镇街道", with: "类型: 事业单位")
        let content = try TemporaryContent([:], site: Self.site(bodies: bodies))
        let errors = content.errors()
        let line = Self.line(of: "类型: 事业单位", in: Self.site(bodies: bodies))
        #expect(
            errors.contains {
                $0.file == "content/site.yml" && $0.line == line && $0.message.contains("“事业单位”无法识别") && $0.message.contains("本级政府、部门、乡镇街道")
            }, "\(errors)")
    }

    @Test func refusesTwoBodiesWithOneCode() throws {
        let bodies = Self.bodies.replacingOccurrences(of: "\"333333333\"", with: "\"222222222\"")
        let text = Self.site(bodies: bodies)
        let content = try TemporaryContent([:], site: text)
        let errors = content.errors()
        let second = text.components(separatedBy: "\n").enumerated().filter { $0.element.contains("\"222222222\"") }.map { $0.offset + 1 }
        #expect(second.count == 2)
        #expect(
            errors.contains { $0.line == second.last && $0.message.contains("机构代码“222222222”与第") && $0.message.contains("样例县交通运输局") },
            "\(errors)")
    }

    @Test func refusesTwoBodiesWithOnePath() throws {
        let bodies = Self.bodies.replacingOccurrences(of: "路径: yangli", with: "路径: jtj")
        let content = try TemporaryContent([:], site: Self.site(bodies: bodies))
        #expect(content.errors().contains { $0.message.contains("公开主体路径“jtj”与第") })
    }

    @Test func refusesABodyFolderWithoutADeclaredBody() throws {
        let content = try TemporaryContent(["bodies/wsj/gkzn/guide.md": Self.document("卫健局指南", "2024-01-05")], site: Self.site())
        let errors = content.errors()
        #expect(errors.count == 1, "one error for the folder, not one per file: \(errors)")
        #expect(errors.first?.file == "content/bodies/wsj/")
        #expect(errors.first?.message.contains("没有路径为“wsj”的主体") == true)
        #expect(errors.first?.message.contains("jtj") == true, "names the declared bodies")
    }

    @Test func refusesADocumentInABodysHomeFolder() throws {
        let content = try TemporaryContent(["bodies/jtj/loose.md": Self.document("散落的文件", "2024-01-05")], site: Self.site())
        let errors = content.errors()
        #expect(errors.contains { $0.file == "content/bodies/jtj/loose.md" && $0.message.contains("是公开主体的文件夹") }, "\(errors)")
    }

    @Test func asksForTheTemplateWhenABodyNeedsIt() throws {
        let content = try TemporaryContent([:], site: Self.site(template: ""))
        let errors = content.errors()
        let line = Self.line(of: "  - 名称: 样例县交通运输局", in: Self.site(template: ""))
        #expect(errors.contains { $0.line == line && $0.message.contains("没有“主体栏目”") }, "\(errors)")
    }

    @Test func refusesAnOwnColumnThatIsNotDeclared() throws {
        let bodies = Self.bodies.replacingOccurrences(of: "栏目: xxgk", with: "栏目: zwgk")
        let content = try TemporaryContent([:], site: Self.site(bodies: bodies))
        #expect(content.errors().contains { $0.message.contains("“zwgk”不是 site.yml 中的栏目路径") })
    }

    @Test func refusesATemplateColumnNamedLikeADataFolder() throws {
        let template = Self.template.replacingOccurrences(of: "路径: gknb", with: "路径: reports")
        let content = try TemporaryContent([:], site: Self.site(template: template))
        let errors = content.errors()
        #expect(errors.count == 1, "reported once, not once per body: \(errors)")
        #expect(errors.first?.message.contains("栏目路径“reports”不能用") == true)
    }

    static func line(of text: String, in yaml: String) -> Int? {
        yaml.components(separatedBy: "\n").firstIndex { $0.contains(text) }.map { $0 + 1 }
    }
}
