import Foundation
import GongkaiModel
import Testing

@testable import GongkaiIntake

/// Bad input: each a clear Chinese error naming the file, and nothing written.
@Suite struct IntakeBadInputTests {
    func failure(_ data: Data, _ name: String) -> Diagnostic? {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("gongkai-bad-\(UUID().uuidString)-\(name)")
        try? data.write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        if case .failure(let diagnostic) = SourceReader.read(url, display: name) { return diagnostic }
        return nil
    }

    @Test func truncatedDocx() throws {
        let whole = try DocxBuilder.fromText(try Fixture.text("two-level-labels")).data()
        let diagnostic = try #require(failure(whole.prefix(whole.count / 2), "通知.docx"))
        #expect(diagnostic.file == "通知.docx")
        #expect(diagnostic.message.contains("Word"))
        #expect(diagnostic.message.contains("另存为 .docx"))
    }

    @Test func scannedPDFHasNoTextLayer() throws {
        // A page with only an image and no text, printed by Chromium: what a scan looks like.
        let png = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="
        let pdf = try Chromium.print("<html><body><img src=\"data:image/png;base64,\(png)\" style=\"width:18cm;height:25cm\"></body></html>")
        let diagnostic = try #require(failure(pdf, "扫描件.pdf"))
        #expect(diagnostic.message.contains("扫描件"))
        #expect(diagnostic.file == "扫描件.pdf")
    }

    @Test func htmlWithoutArticle() throws {
        let page = "<html><head><title>栏目</title></head><body><div class=\"nav\"><a href=\"/\">首页</a><a href=\"/a\">政务公开</a></div><ul><li><a href=\"/1\">通知一</a></li></ul></body></html>"
        let diagnostic = try #require(failure(Data(page.utf8), "栏目.html"))
        #expect(diagnostic.message.contains("没有找到正文"))
    }

    @Test func emptyFile() throws {
        for name in ["空.txt", "空.docx", "空.pdf", "空.html"] {
            let diagnostic = try #require(failure(Data(), name))
            #expect(diagnostic.message.contains("空的"), "\(name)")
            #expect(diagnostic.file == name)
        }
    }

    @Test func binaryFileNamedTxt() throws {
        let pdf = try Chromium.print("<p>测试</p>")
        let diagnostic = try #require(failure(pdf, "通知.txt"))
        #expect(diagnostic.message.contains("不是文本文件"))
    }

    @Test func twoHundredMegabyteFile() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("gongkai-big-\(UUID().uuidString).txt")
        #expect(FileManager.default.createFile(atPath: url.path, contents: nil))
        let handle = try FileHandle(forWritingTo: url)
        try handle.truncate(atOffset: 200 * 1024 * 1024)  // sparse: 200 MB without writing them
        try handle.close()
        defer { try? FileManager.default.removeItem(at: url) }
        let started = Date()
        guard case .failure(let diagnostic) = SourceReader.read(url, display: "大文件.txt") else {
            Issue.record("a 200 MB file was read")
            return
        }
        #expect(diagnostic.message.contains("200 MB"))
        #expect(Date().timeIntervalSince(started) < 1, "refused before reading")
    }

    @Test func oldWordWithoutLibreOfficeSaysToSaveAsDocx() throws {
        // As on a machine without LibreOffice, whether or not this one has it.
        do {
            _ = try LegacyWord.read(Data("旧版文件".utf8), ext: "doc", soffice: nil)
            Issue.record("read without LibreOffice")
        } catch let error as IntakeError {
            #expect(error.message.contains("另存为 .docx") && error.message.contains(".doc"))
        }
    }

    @Test func pdfPageNumbersAndRunningHeadersAreDropped() throws {
        let page = { (n: Int) in "某县人民政府办公室文件\n第\(n)页的正文，内容各不相同\(String(repeating: "文", count: n))。\n- \(n) -" }
        let document = try PDFReader.blocks((1...4).map(page).joined(separator: "\u{0C}"))
        let texts = document.writtenTexts
        #expect(texts.count == 4)
        #expect(!texts.contains { $0.contains("文件") && $0.count < 15 })
        #expect(document.dropped.filter { $0.role == "页码" }.count == 4)
        #expect(document.dropped.filter { $0.role == "页眉页脚" }.count == 4)
    }
}
