import Foundation
import GongkaiModel
import GongkaiTestSupport
import Testing

/// Fields a column declares in site.yml: checked against their type and shown in the metadata
/// table of its documents and its sub-columns' documents, with no change to Gongkai.
@Suite struct ColumnFieldTests {
    static let site = """
        网站名称: 测试门户
        网址: https://test.example/
        主办单位: 测试单位
        网站标识码: "4300000000"
        栏目:
          - 标题: 政策文件
            路径: zcwj
            字段:
              - 键: 复审日期
                类型: 日期
              - 键: 审核单位
                名称: 合法性审核单位
            子栏目:
              - 标题: 规范性文件
                路径: gfxwj
                字段:
                  - 键: 登记编号
                    类型: 文本
          - 标题: 政策解读
            路径: zcjd
        """

    @Test func declaredFieldsAppearInTheMetadataTable() throws {
        let project = try Project(
            files: [
                "zcwj/gfxwj/rule.md": Project.document("标题: 管理办法\n发布日期: 2023-06-01\n复审日期: 2023-07-01\n审核单位: 县司法局\n登记编号: CSXX-2023-001"),
                "zcjd/reading.md": Project.document("标题: 解读\n发布日期: 2023-06-02\n复审日期: 2023-07-01"),
            ], site: Self.site)
        let report = try project.build()
        let page = try project.read("site/zcwj/gfxwj/rule.html")
        #expect(page.contains("<dt class=\"gk-metadata__label\">复审日期</dt><dd class=\"gk-metadata__value\">2023年7月1日</dd>"))
        #expect(page.contains("<dt class=\"gk-metadata__label\">合法性审核单位</dt><dd class=\"gk-metadata__value\">县司法局</dd>"))
        #expect(page.contains("<dt class=\"gk-metadata__label\">登记编号</dt><dd class=\"gk-metadata__value\">CSXX-2023-001</dd>"))
        #expect(!report.warnings.contains { $0.file == "content/zcwj/gfxwj/rule.md" }, "declared fields are not unknown keys")
        // The other column did not declare 复审日期: there it is an unknown key, kept with a warning.
        let reading = try project.read("site/zcjd/reading.html")
        #expect(!reading.contains(">复审日期</dt>"))
        #expect(report.warnings.contains { $0.file == "content/zcjd/reading.md" && $0.message.contains("未知字段“复审日期”") })
    }

    @Test func aValueOfTheWrongTypeIsAnErrorAtItsLine() throws {
        let project = try Project(
            files: [
                "zcwj/rule.md": Project.document("标题: 管理办法\n发布日期: 2023-06-01\n复审日期: 七月以后")
            ], site: Self.site)
        let result = try project.run(["check", "--as-of", "2024-01-01"])
        #expect(result.status != 0)
        #expect(result.stderr.contains("content/zcwj/rule.md:4:"), "\(result.stderr)")
        #expect(result.stderr.contains("应是日期"))
    }

    @Test func aBadDeclarationIsAnErrorInSiteYML() throws {
        let bad = Self.site.replacingOccurrences(of: "类型: 日期", with: "类型: 时间")
        let project = try Project(files: ["zcjd/reading.md": Project.document("标题: 解读\n发布日期: 2023-06-02")], site: bad)
        let result = try project.run(["check", "--as-of", "2024-01-01"])
        #expect(result.status != 0)
        #expect(result.stderr.contains("content/site.yml:10:"), "\(result.stderr)")
        #expect(result.stderr.contains("文本、日期、数字、网址"))
        let standard = Self.site.replacingOccurrences(of: "键: 审核单位", with: "键: 文号")
        let again = try Project(files: ["zcjd/reading.md": Project.document("标题: 解读\n发布日期: 2023-06-02")], site: standard)
        let second = try again.run(["check", "--as-of", "2024-01-01"])
        #expect(second.status != 0)
        #expect(second.stderr.contains("已是文件的标准字段"), "\(second.stderr)")
    }
}
