import Foundation
import GongkaiModel
import Testing

@testable import GongkaiIntake

/// The same fixtures from Word, web pages and PDF: the same hand-counted plans.
@Suite struct FormatTests {
    static let textFixtures = ["two-level-labels", "sections-numbers"]

    func imported(_ data: Data, _ ext: String) throws -> (BlockDocument, ImportResult) {
        let document = try SourceReader.read(data, extension: ext, display: "通知.\(ext)").get()
        return (document, PlanImporter(idPrefix: "t").run(document))
    }

    static var mergedDocx: DocxBuilder {
        var builder = DocxBuilder()
        for line in Fixture.mergedNotice { builder.parts.append(.paragraph(line, list: nil)) }
        var rows = [Fixture.mergedHeader.map { DocxBuilder.Cell(paragraphs: [$0]) }]
        for (index, row) in Fixture.mergedRows.enumerated() {
            let mergesDown = index + 1 < Fixture.mergedRows.count && Fixture.mergedRows[index + 1].1 == nil
            let section = row.1.map { DocxBuilder.Cell(paragraphs: [$0], merge: mergesDown ? .restart : nil) } ?? DocxBuilder.Cell(paragraphs: [], merge: .continue)
            rows.append([
                DocxBuilder.Cell(paragraphs: [row.0]), section, DocxBuilder.Cell(paragraphs: [row.2]),
                DocxBuilder.Cell(paragraphs: row.3), DocxBuilder.Cell(paragraphs: [row.4]), DocxBuilder.Cell(paragraphs: [row.5]),
            ])
        }
        builder.parts.append(.table(rows))
        return builder
    }

    @Test(arguments: textFixtures)
    func docxWithAutomaticNumbering(_ name: String) throws {
        let data = try DocxBuilder.fromText(try Fixture.text(name)).data()
        let (document, result) = try imported(data, "docx")
        #expect(document.unit == "段")
        Fixture.check(result, name, format: "docx")
    }

    @Test func docxNumberingIsWrittenOutAsTheReaderSeesIt() throws {
        var builder = DocxBuilder()
        builder.parts = [
            .paragraph("推进决策公开", list: (2, 0), heading: 1), .paragraph("第一组", list: (1, 0)), .paragraph("任务甲", list: (1, 1)),
            .paragraph("任务乙", list: (1, 1)), .paragraph("第二组", list: (1, 0)), .paragraph("任务丙", list: (1, 1)),
            .paragraph("优化平台", list: (2, 0)), .paragraph("第一行\n第二行", list: nil, bold: true),
        ]
        let document = try SourceReader.read(try builder.data(), extension: "docx", display: "x.docx").get()
        let texts = document.blocks.compactMap { block -> String? in
            if case .paragraph(let p) = block { return p.text }
            return nil
        }
        #expect(texts == ["一、推进决策公开", "（一）第一组", "1.任务甲", "2.任务乙", "（二）第二组", "1.任务丙", "二、优化平台", "第一行\n第二行"])
        if case .paragraph(let first) = document.blocks[0] { #expect(first.headingLevel == 1) }
        if case .paragraph(let last) = document.blocks.last! { #expect(last.bold) }
    }

    @Test(arguments: textFixtures + ["flattened-table"])
    func htmlPage(_ name: String) throws {
        let (document, result) = try imported(Data(Fixture.html(try Fixture.text(name)).utf8), "html")
        Fixture.check(result, name, format: "html")
        // Navigation and footer are not in the body; kept as comments.
        #expect(!document.writtenTexts.contains { $0.contains("网站首页") || $0.contains("备案号") })
        #expect(document.dropped.contains { $0.text.contains("备案号") })
        #expect(result.notice.published?.minutePrecision == "2023-02-22 10:30")
    }

    /// One table with a merged section cell, a two-unit cell and an empty lead cell, from
    /// Word, from a web page and flattened into text: the same plan.
    @Test func mergedTableIsTheSamePlanFromEveryFormat() throws {
        let docx = try imported(try Self.mergedDocx.data(), "docx").1
        let html = try imported(Data(Fixture.mergedHTML.utf8), "html").1
        let text = PlanImporter(idPrefix: "t").run(Fixture.mergedFlattened)
        for (format, result) in [("docx", docx), ("html", html), ("flattened", text)] {
            Fixture.check(result, "merged-table", format: format)
            #expect(result.notice.documentNumber == "柏政办发〔2023〕4号", "\(format)")
            #expect(result.plans.first?.items.first?.deadlines.map(\.date.iso) == ["2023-06-30"], "\(format)")
        }
        // Everything but source lines and the units' written form is identical.
        func projection(_ result: ImportResult) -> [String] {
            result.plans.flatMap { plan in
                [plan.id, plan.title] + plan.sections.map { "\($0.numberText) \($0.title)" }
                    + plan.items.map {
                        "\($0.numberText)|\($0.title ?? "")|\($0.body)|\($0.leads)|\($0.partners)|\($0.deadlines.map(\.date.iso))"
                    }
            }
        }
        #expect(projection(docx) == projection(html))
        #expect(projection(html) == projection(text))
    }

    @Test(arguments: textFixtures + ["flattened-table"])
    func pdfPrintedByChromium(_ name: String) throws {
        // A PDF is the document itself: no site navigation or footer around it. Landscape, so
        // that a flattened table row fits one line (rows wrapped by the page are not rejoined).
        let lines = try Fixture.text(name).split(separator: "\n").map { "<p>\(Fixture.escape(String($0)))</p>" }
        let html = "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><style>@page{size:A4 landscape}body{font-size:10pt}</style></head><body>\(lines.joined())</body></html>"
        let pdf = try Chromium.print(html)
        let (document, result) = try imported(pdf, "pdf")
        #expect(!document.blocks.isEmpty)
        Fixture.check(result, name, format: "pdf")
    }
}

/// A 任务分解表 printed to PDF in a narrow table, so that its cells wrap over several lines:
/// rebuilt from poppler's word boxes into the same plan as from Word, HTML and flattened text.
@Suite struct PDFTableTests {
    @Test func wrappedCellsAreJoinedIntoTheSamePlan() throws {
        let paragraphs = Fixture.mergedNotice.map { "<p>\(Fixture.escape($0))</p>" }.joined()
        let html = """
            <!DOCTYPE html><html><head><meta charset="utf-8"><style>body{font-size:10pt}table{border-collapse:collapse;width:11cm}
            td,th{border:1px solid #000;padding:2pt}</style></head><body>\(paragraphs)\(Fixture.mergedTable)<p>（此件主动公开）</p></body></html>
            """
        let pdf = try Chromium.print(html)
        let layout = try External.run("pdftotext", ["-layout", "-enc", "UTF-8", "-q", "{input}", "-"], input: pdf, suffix: ".pdf", missing: "pdftotext")
        #expect(!layout.contains("主动公开规范性文件，做到应公开尽公开。"), "the task cell wraps in the PDF (else this test proves nothing)")
        let document = try SourceReader.read(pdf, extension: "pdf", display: "表.pdf").get()
        let tables = document.blocks.compactMap { block -> Table? in
            if case .table(let table) = block { return table }
            return nil
        }
        #expect(tables.count == 1)
        #expect(tables.first?.rows.count == 5, "header and four rows")
        #expect(tables.first?.rows.first?.map(\.text) == Fixture.mergedHeader)
        let result = PlanImporter(idPrefix: "t").run(document)
        Fixture.check(result, "merged-table", format: "pdf")
        let docx = PlanImporter(idPrefix: "t").run(try SourceReader.read(try FormatTests.mergedDocx.data(), extension: "docx", display: "表.docx").get())
        func projection(_ result: ImportResult) -> [String] {
            result.plans.flatMap { plan in
                [plan.id, plan.title] + plan.sections.map { "\($0.numberText) \($0.title)" }
                    + plan.items.map { "\($0.numberText)|\($0.body)|\($0.leads)|\($0.partners)|\($0.deadlines.map(\.date.iso))" }
            }
        }
        #expect(projection(result) == projection(docx))
        #expect(result.notice.body.contains("此件主动公开"), "the paragraph after the table is text again")
    }
}

/// Old binary Word files: a .doc made by LibreOffice from a test-built .docx imports to the same
/// plan as the .docx (scripts/test installs libreoffice-writer-nogui). The plan is one of
/// numbered paragraphs with Word's automatic numbering: LibreOffice 7.4's Word 97 export drops
/// tables, so a table would test LibreOffice, not the importer.
@Suite struct LegacyWordTests {
    @Test func docConvertedByLibreOfficeIsTheSamePlan() throws {
        let soffice = try #require(External.find("soffice") ?? External.find("libreoffice"), "LibreOffice is not installed (scripts/test installs libreoffice-writer-nogui)")
        let docx = try DocxBuilder.fromText(try Fixture.text("two-level-labels")).data()
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("gongkai-doc-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try docx.write(to: directory.appendingPathComponent("表.docx"))
        let process = Process()
        process.executableURL = soffice
        process.arguments = [
            "-env:UserInstallation=\(directory.appendingPathComponent("profile").absoluteString)", "--headless", "--convert-to", "doc", "--outdir", directory.path,
            directory.appendingPathComponent("表.docx").path,
        ]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        let doc = try Data(contentsOf: directory.appendingPathComponent("表.doc"))
        #expect(doc.starts(with: [0xD0, 0xCF, 0x11, 0xE0]), "a real binary Word file (OLE compound document)")
        let fromDoc = PlanImporter(idPrefix: "t").run(try SourceReader.read(doc, extension: "doc", display: "表.doc").get())
        let fromDocx = PlanImporter(idPrefix: "t").run(try SourceReader.read(docx, extension: "docx", display: "表.docx").get())
        Fixture.check(fromDoc, "two-level-labels", format: "doc")
        func projection(_ result: ImportResult) -> [String] {
            result.plans.flatMap { plan in
                [plan.id, plan.title] + plan.sections.map { "\($0.numberText) \($0.title)" }
                    + plan.items.map { "\($0.numberText)|\($0.body)|\($0.leads)|\($0.partners)|\($0.deadlines.map(\.date.iso))" }
            }
        }
        #expect(projection(fromDoc) == projection(fromDocx))
        #expect(fromDoc.notice.issuer == fromDocx.notice.issuer && fromDoc.notice.written == fromDocx.notice.written)
    }
}

/// Headless Chromium (Debian's chromium, installed by scripts/test as for the browser tests),
/// printing a page to PDF.
enum Chromium {
    static func executable() throws -> URL {
        for name in ["chromium", "chromium-browser", "google-chrome"] {
            if let url = External.find(name) { return url }
        }
        throw IntakeError("chromium is not installed (scripts/test installs it)")
    }

    static func print(_ html: String) throws -> Data {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("gongkai-pdf-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let page = directory.appendingPathComponent("page.html")
        try html.write(to: page, atomically: true, encoding: .utf8)
        let output = directory.appendingPathComponent("page.pdf")
        let process = Process()
        process.executableURL = try executable()
        process.arguments = [
            "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer", "--user-data-dir=\(directory.path)/profile",
            "--print-to-pdf=\(output.path)", page.absoluteString,
        ]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return try Data(contentsOf: output)
    }
}
