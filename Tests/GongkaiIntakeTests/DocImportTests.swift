import Foundation
import GongkaiContent
import GongkaiModel
import Testing

@testable import GongkaiIntake

/// `gongkai import doc` on a Word 红头文件 written for this test.
@Suite struct DocImportTests {
    static var redHeaderDocx: DocxBuilder {
        var builder = DocxBuilder()
        builder.parts = [
            .paragraph("桐溪区人民政府办公室文件", list: nil),
            .paragraph("桐政办发〔2023〕12号", list: nil),
            .paragraph("桐溪区人民政府办公室关于印发桐溪区政府信息主动公开目录管理办法的通知", list: nil),
            .paragraph("各街道办事处,区直各单位:", list: nil),
            .paragraph("《桐溪区政府信息主动公开目录管理办法》已经区政府同意，现印发给你们，请认真执行。", list: nil),
            .paragraph("适用范围", list: (2, 0)),
            .paragraph("本办法适用于区政府各部门和各街道办事处。", list: nil),
            .paragraph("目录编制", list: (1, 0)),
            .paragraph("目录按季度更新，重要变化随时更新。", list: nil),
            .paragraph("编制要求", list: nil, bold: true),
            .table([
                [.init(paragraphs: ["序号"]), .init(paragraphs: ["目录类别"]), .init(paragraphs: ["责任单位"])],
                [.init(paragraphs: ["1"]), .init(paragraphs: ["机构职能"]), .init(paragraphs: ["区政府办公室"], merge: .restart)],
                [.init(paragraphs: ["2"]), .init(paragraphs: ["政策文件"]), .init(paragraphs: [], merge: .continue)],
                [.init(paragraphs: ["备注：各单位每季度报送一次"], span: 3)],
            ]),
            .paragraph("附件：1.主动公开目录模板", list: nil),
            .paragraph("2.目录更新登记表", list: nil),
            .paragraph("桐溪区人民政府办公室", list: nil),
            .paragraph("二〇二三年三月六日", list: nil),
        ]
        return builder
    }

    @Test func wordRedHeaderDocument() throws {
        let content = try TemporaryContent()
        let input = try content.input("办法.docx", try Self.redHeaderDocx.data())
        let prepared = try DocImport.prepare(file: input, display: "办法.docx", content: content.root, contentDisplay: "content", id: nil, column: nil)
        let file = try #require(prepared.files.first)
        #expect(file.path == "zcwj/tongxi-2023-12.md", "policy column by its update class; id from region, year and 文号")
        _ = try prepared.write(to: content.root, contentDisplay: "content", force: false)
        let site = try ContentLoader(directory: content.root, display: "content").load().site
        let document = try #require(site.documents.first)
        #expect(document.title == "桐溪区人民政府办公室关于印发桐溪区政府信息主动公开目录管理办法的通知")
        #expect(document.docNumber == "桐政办发〔2023〕12号")
        #expect(document.issuer == "桐溪区人民政府办公室")
        #expect(document.written == CalendarDate(year: 2023, month: 3, day: 6))
        let body = document.body
        #expect(body.contains("| 序号 | 目录类别 | 责任单位 |\n| --- | --- | --- |"))
        #expect(body.contains("| 2 | 政策文件 | 区政府办公室 |"), "vMerge repeated into the merged position")
        #expect(body.contains("| 备注：各单位每季度报送一次 | 备注：各单位每季度报送一次 | 备注：各单位每季度报送一次 |"), "gridSpan repeated")
        #expect(body.contains("## 一、适用范围"))
        #expect(body.contains("### （一）目录编制"))
        #expect(body.contains("**编制要求**"))
        #expect(body.hasPrefix("各街道办事处，区直各单位："), "punctuation made full-width; the header and title are not in the body")
        #expect(file.text.contains("主动公开目录模板") && file.text.contains("目录更新登记表"), "attachments listed for the editor")
        #expect(file.text.contains("合并单元格"), "merged cells reported")
    }

    @Test func policyFromAWebPageKeepsThePublicationDate() throws {
        let content = try TemporaryContent()
        let page = Fixture.page(
            title: "柏川区人民政府关于调整区级议事协调机构的通知",
            paragraphs: ["柏政发〔2022〕3号", "各镇人民政府，区直各部门：", "经研究，决定调整区级议事协调机构。", "柏川区人民政府", "2022年1月5日"])
        let input = try content.input("通知.html", Data(page.utf8))
        let prepared = try DocImport.prepare(file: input, display: "通知.html", content: content.root, contentDisplay: "content", id: "bochuan-3", column: "zcwj")
        let text = try #require(prepared.files.first?.text)
        #expect(prepared.files.first?.path == "zcwj/bochuan-3.md")
        #expect(text.contains("发布日期: 2023-02-22 10:30") || text.contains("发布日期: '2023-02-22 10:30'"))
        #expect(text.contains("文号: 柏政发〔2022〕3号"))
        #expect(text.contains("成文日期: 2022-01-05") || text.contains("成文日期: '2022-01-05'"))
        let body = try #require(text.components(separatedBy: "\n---\n").last)
        #expect(!body.contains("网站首页"), "navigation is not in the body")
        #expect(text.contains("网站首页"), "but kept as a comment")
        #expect(body.contains("经研究，决定调整区级议事协调机构。"))
    }
}
