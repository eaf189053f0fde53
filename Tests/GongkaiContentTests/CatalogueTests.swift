import Foundation
import GongkaiContent
import GongkaiModel
import GongkaiTestSupport
import Testing

@Suite struct CatalogueTests {
    static let header = "类型: 基层政务公开标准目录\n标题: 测试目录\n领域: 交通运输\n责任单位: 测试局\n更新日期: 2023-06-15\n"

    static func row(_ first: String = "公路建设", _ second: String = "项目审批", object: String = "全社会", level: String = "县级") -> String {
        """
          - 一级事项: \(first)
            二级事项: \(second)
            公开内容: 审批结果
            公开依据: 公路法
            公开时限: 20个工作日内
            公开主体: 县交通运输局
            公开渠道和载体: 政府网站
            公开对象: \(object)
            公开方式: 主动
            公开层级: \(level)

        """
    }

    func errors(_ yaml: String, csv: String? = nil) throws -> [Diagnostic] {
        var files = ["catalogues/t.yml": yaml]
        if let csv { files["catalogues/t.csv"] = csv }
        return try TemporaryContent(files).errors()
    }

    @Test func readsAValidCatalogueWithAliasesAndSeveralValues() throws {
        let site = try TemporaryContent(["catalogues/t.yml": Self.header + "行:\n" + Self.row(level: "县级、乡级")]).load().site
        let catalogue = try #require(site.catalogues.first)
        #expect(catalogue.schema.kind == "基层政务公开标准目录")
        #expect(catalogue.rows.first?.values["公开内容（要素）"] == "审批结果", "公开内容 is an alias")
        #expect(catalogue.rows.first?.values["公开层级"] == "县级、乡级")
        #expect(catalogue.rows.first?.line == 7)
    }

    @Test func reportsAMissingColumnWithTheRowLine() throws {
        let yaml = Self.header + "行:\n" + Self.row().replacingOccurrences(of: "    公开主体: 县交通运输局\n", with: "")
        let error = try #require(try errors(yaml).first)
        #expect(error.file == "content/catalogues/t.yml")
        #expect(error.line == 7)
        #expect(error.message.contains("缺少“公开主体”"))
    }

    @Test func reportsAValueOutsideTheAllowedOnes() throws {
        let error = try #require(try errors(Self.header + "行:\n" + Self.row(object: "部分群众")).first)
        #expect(error.line == 14)
        #expect(error.message.contains("“公开对象”的值“部分群众”不在规定范围内"))
        #expect(error.message.contains("全社会、特定群体"))
    }

    @Test func reportsADuplicateRowNamingTheFirst() throws {
        let error = try #require(try errors(Self.header + "行:\n" + Self.row() + Self.row()).first)
        #expect(error.line == 17)
        #expect(error.message.contains("与第 7 行重复"))
    }

    @Test func reportsAnUnknownColumn() throws {
        let yaml = Self.header + "行:\n" + Self.row().replacingOccurrences(of: "    公开方式: 主动\n", with: "    公开方式: 主动\n    备注: 无\n")
        let error = try #require(try errors(yaml).first)
        #expect(error.line == 16)
        #expect(error.message.contains("没有“备注”这一列"))
    }

    @Test func validatesCSVRowsWithTheirCSVLines() throws {
        let yaml = Self.header + "数据: t.csv\n"
        let head = "一级事项,二级事项,公开内容（要素）,公开依据,公开时限,公开主体,公开渠道和载体,公开对象,公开方式,公开层级\r\n"
        let good = "公路建设,项目审批,\"名称、规模,结果\",公路法,20日内,交通局,\"网站\r\n公示栏\",全社会,主动,县级\r\n"
        let site = try TemporaryContent(["catalogues/t.yml": yaml, "catalogues/t.csv": "\u{FEFF}" + head + good]).load().site
        #expect(site.catalogues.first?.rows.first?.values["公开内容（要素）"] == "名称、规模,结果")
        #expect(site.catalogues.first?.rows.first?.values["公开渠道和载体"] == "网站\n公示栏", "a line break inside quotes")
        let bad = good + "公路建设,招标,内容,依据,时限,主体,渠道,全社会,依申请,镇级\r\n" + good
        let found = try errors(yaml, csv: head + bad)
        #expect(found.contains { $0.file == "content/catalogues/t.csv" && $0.line == 4 && $0.message.contains("“镇级”") })
        #expect(found.contains { $0.file == "content/catalogues/t.csv" && $0.line == 5 && $0.message.contains("与第 2 行重复") })
    }

    @Test func allowsUnknownKindsWithDeclaredColumns() throws {
        let yaml = "类型: 重大建设项目清单\n标题: 项目\n责任单位: 发改局\n更新日期: 2023-01-01\n列: [项目名称, 建设地点]\n行:\n  - 项目名称: 一号路\n    建设地点: 城东\n"
        let site = try TemporaryContent(["catalogues/p.yml": yaml]).load().site
        #expect(site.catalogues.first?.schema.columns.map(\.name) == ["项目名称", "建设地点"])
        let undeclared = try TemporaryContent(["catalogues/p.yml": yaml.replacingOccurrences(of: "列: [项目名称, 建设地点]\n", with: "")]).errors()
        #expect(undeclared.first?.message.contains("不是已知的目录类型") == true)
        #expect(undeclared.first?.line == 1)
    }
}

@Suite struct CSVTableTests {
    @Test func writesWhatItReadsWithABOMAndCRLF() {
        let rows = [["名称", "说明"], ["甲", "含,逗号"], ["乙", "含\"引号\""], ["丙", "两\n行"]]
        let text = CSVTable.write(rows)
        #expect(text.hasPrefix("\u{FEFF}名称,说明\r\n"))
        #expect(text.contains("\"含,逗号\""))
        #expect(CSVTable.parse(text).map(\.fields) == rows)
    }
}
