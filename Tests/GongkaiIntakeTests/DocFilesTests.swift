import Foundation
import GongkaiContent
import GongkaiModel
import Testing

@testable import GongkaiIntake

/// `gongkai import doc` on a Word file that carries images and attachments: images saved beside
/// the document and shown at their place, attachments found (embedded, linked beside the input,
/// named beside the input) written into 附件, the rest kept as a comment.
@Suite struct DocFilesTests {
    static let png = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3, 4])
    static let gif = Data("GIF89a-test-image".utf8)
    static let workbook = Data("PK-embedded-workbook".utf8)

    static var docx: DocxBuilder {
        var builder = DocxBuilder()
        builder.parts = [
            .paragraph("杉塘镇人民政府关于公布镇级便民服务事项的通知", list: nil, heading: 1),
            .paragraph("杉政发〔2024〕7号", list: nil),
            .paragraph("各村（社区）：", list: nil),
            .paragraph("现将镇级便民服务事项公布如下，服务流程见下图。", list: nil),
            .image(name: "image1.png", vml: false),
            .paragraph("办理地点在镇便民服务中心一楼。", list: nil),
            .image(name: "image2.gif", vml: true),
            .paragraph("咨询电话见镇政府网站。", list: nil),
            .object(name: "Microsoft_Excel_Worksheet.xlsx"),
            .link(before: "事项清单下载：", text: "便民服务事项清单", target: "files/%E4%BE%BF%E6%B0%91%E6%9C%8D%E5%8A%A1%E4%BA%8B%E9%A1%B9%E6%B8%85%E5%8D%95.pdf"),
            .paragraph("附件：1.镇级便民服务事项目录", list: nil),
            .paragraph("2.便民服务事项清单", list: nil),
            .paragraph("3.办事指南模板", list: nil),
            .paragraph("4.服务评价表", list: nil),
            .paragraph("杉塘镇人民政府", list: nil),
            .paragraph("2024年4月8日", list: nil),
        ]
        builder.media = ["image1.png": png, "image2.gif": gif, "Microsoft_Excel_Worksheet.xlsx": workbook]
        return builder
    }

    @Test func imagesAndAttachmentsAreSavedBesideTheDocument() throws {
        let content = try TemporaryContent()
        let input = try content.input("通知.docx", try Self.docx.data())
        let folder = input.deletingLastPathComponent()
        // Attachment 2 is linked (files/便民服务事项清单.pdf); attachment 3 is a file beside the input.
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("files"), withIntermediateDirectories: true)
        try Data("%PDF-1.4 list".utf8).write(to: folder.appendingPathComponent("files/便民服务事项清单.pdf"))
        try Data("guide".utf8).write(to: folder.appendingPathComponent("办事指南模板.docx"))

        let prepared = try DocImport.prepare(file: input, display: "通知.docx", content: content.root, contentDisplay: "content", id: "shantang-7", column: "zcwj")
        let byPath = Dictionary(prepared.files.map { ($0.path, $0) }, uniquingKeysWith: { a, _ in a })
        #expect(byPath["zcwj/shantang-7/image1.png"]?.data == Self.png, "DrawingML image saved with its bytes")
        #expect(byPath["zcwj/shantang-7/image2.gif"]?.data == Self.gif, "VML image saved with its bytes")
        let text = try #require(byPath["zcwj/shantang-7.md"]?.text)
        let body = try #require(text.components(separatedBy: "\n---\n").last)
        // Each image at its place: after the paragraph before it, before the one after it.
        let order = ["服务流程见下图。", "![](shantang-7/image1.png)", "办理地点在镇便民服务中心一楼。", "![](shantang-7/image2.gif)", "咨询电话见镇政府网站。"]
        let positions = order.compactMap { body.range(of: $0)?.lowerBound }
        #expect(positions.count == order.count && positions == positions.sorted(), "images between the paragraphs they stand between")
        // A report line per image, naming the line of the written file that holds it.
        let lines = text.components(separatedBy: "\n")
        for image in ["image1.png", "image2.gif"] {
            let line = try #require(lines.firstIndex { $0.contains("(shantang-7/\(image))") }) + 1
            #expect(prepared.report.contains { $0.contains("content/zcwj/shantang-7.md 第 \(line) 行的图片 shantang-7/\(image)") && $0.contains("替代文字") })
        }
        // Attachments: 1 embedded, 2 linked, 3 beside the input, 4 missing (comment + report).
        #expect(byPath["zcwj/shantang-7/Microsoft_Excel_Worksheet.xlsx"]?.data == Self.workbook)
        #expect(byPath["zcwj/shantang-7/便民服务事项清单.pdf"] != nil)
        #expect(byPath["zcwj/shantang-7/办事指南模板.docx"]?.data == Data("guide".utf8))
        #expect(text.contains("原文附件（没有找到文件") && text.contains("#   服务评价表"))
        #expect(prepared.report.contains { $0.contains("没有找到“服务评价表”的文件") })

        _ = try prepared.write(to: content.root, contentDisplay: "content", force: false)
        let loaded = try ContentLoader(directory: content.root, display: "content").load()
        let document = try #require(loaded.site.documents.first)
        #expect(document.attachments.map(\.title) == ["镇级便民服务事项目录", "便民服务事项清单", "办事指南模板"])
        #expect(
            document.attachments.map(\.path) == [
                "zcwj/shantang-7/Microsoft_Excel_Worksheet.xlsx", "zcwj/shantang-7/便民服务事项清单.pdf", "zcwj/shantang-7/办事指南模板.docx",
            ])
        #expect(loaded.assets.contains("zcwj/shantang-7/image1.png"), "the images are the document's files for the loader")
        #expect(!loaded.warnings.contains { $0.severity == .error })
    }

    @Test func reportsCountParagraphsForWordFiles() throws {
        let content = try TemporaryContent()
        var builder = Self.docx
        builder.parts.removeAll { if case .paragraph(let text, _, _, _) = $0 { return text.hasPrefix("杉政发") } else { return false } }
        let input = try content.input("通知.docx", try builder.data())
        let prepared = try DocImport.prepare(file: input, display: "通知.docx", content: content.root, contentDisplay: "content", id: "shantang-x", column: "zcwj")
        let notes = prepared.report.filter { $0.hasPrefix("  提示：") }
        #expect(!notes.isEmpty && notes.allSatisfy { $0.contains(" 段：") }, "a Word file's notes count paragraphs (段), not lines")
        #expect(!notes.contains { $0.contains(" 行：") })
    }

    @Test func aPlanNoticesImagesAreSavedBesideTheNotice() throws {
        let content = try TemporaryContent()
        var builder = DocxBuilder.fromText(PlanCategoryTests.notice("青岚县2024年法治政府建设工作要点"))
        builder.parts.insert(.image(name: "image1.png", vml: false), at: 3)
        builder.media = ["image1.png": Self.png]
        let input = try content.input("要点.docx", try builder.data())
        let prepared = try PlanImport.prepare(file: input, display: "要点.docx", content: content.root, contentDisplay: "content", id: nil, column: nil)
        #expect(prepared.files.first { $0.path == "jhzj/qinglan-2024-fzzfjs/image1.png" }?.data == Self.png)
        let notice = try #require(prepared.files.first { $0.path == "jhzj/qinglan-2024-fzzfjs.md" }?.text)
        let line = try #require(notice.components(separatedBy: "\n").firstIndex { $0 == "![](qinglan-2024-fzzfjs/image1.png)" }) + 1
        #expect(prepared.report.contains { $0.contains("content/jhzj/qinglan-2024-fzzfjs.md 第 \(line) 行的图片") })
        _ = try prepared.write(to: content.root, contentDisplay: "content", force: false)
        let loaded = try ContentLoader(directory: content.root, display: "content").load()
        #expect(loaded.assets.contains("jhzj/qinglan-2024-fzzfjs/image1.png"))
        #expect(!loaded.warnings.contains { $0.severity == .error })
    }

    @Test func aPictureLinkedOutsideTheWordFileIsReported() throws {
        var builder = DocxBuilder()
        builder.parts = [.paragraph("桂山乡人民政府关于开展森林防火宣传的通知", list: nil, heading: 1), .image(name: "poster.png", vml: false)]
        builder.media = ["poster.png": Self.png]
        #expect(try DocxReader.read(try builder.data()).files.map(\.name) == ["poster.png"])
        builder.externalImages = true
        let external = try DocxReader.read(try builder.data())
        #expect(external.files.isEmpty)
        #expect(external.notes.contains { $0.line == 2 && $0.message.contains("链接到 Word 文档之外") })
    }
}
