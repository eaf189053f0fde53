import Foundation
import GongkaiModel
import GongkaiTestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// The findings of the red-team pass (issue 14) that are not a refused input: what is
/// published, what a crafted cache can do, CSV downloads, leftovers of killed builds, hand
/// edits, file names that need encoding. Each runs the real `gongkai` executable.
@Suite struct HardeningTests {
    static let asOf = "2024-06-01"

    static func project(_ extra: [String: String] = [:]) throws -> Project {
        var files = HostileInputTests.good
        for (path, text) in extra { files[path] = text }
        return try Project(files: files, site: HostileInputTests.site)
    }

    static func build(_ project: Project, _ extra: [String] = []) throws -> (status: Int32, stdout: String, stderr: String) {
        try project.run(["build", "--as-of", asOf] + extra)
    }

    // MARK: Finding 3: files beside documents

    @Test func publishesOnlyListedOrLinkedFilesAndWarnsAboutTheRest() throws {
        let project = try Self.project([
            "zcwj/draft-notes.txt": "草稿 身份证 11010519491231002X\n",
            "zcwj/old.docx": "not really a docx",
            "zcwj/internal.md": Project.document("标题: 内部\n发布日期: 2023-06-01\n公开方式: 依申请公开\n附件:\n  - internal.pdf"),
            "zcwj/internal.pdf": "%PDF-1.4 internal",
            "zcjd/reading.md": Project.document("标题: 解读\n发布日期: 2023-06-02\n解读对象: 测政发〔2023〕1号", body: "见![图表](chart.png)。"),
            "zcjd/chart.png": "png",
        ])
        defer { try? FileManager.default.removeItem(at: project.root) }
        // --verbose: a build otherwise prints one line per warning rule.
        let result = try Self.build(project, ["--verbose"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(project.exists("site/zcwj/notes.txt"), "an attachment of a published document")
        #expect(project.exists("site/zcjd/chart.png"), "an image shown in a published body")
        for path in ["site/zcwj/draft-notes.txt", "site/zcwj/old.docx", "site/zcwj/internal.pdf", "site/zcwj/internal.html"] {
            #expect(!project.exists(path), "\(path) must not be published")
        }
        #expect(result.stderr.contains("content/zcwj/draft-notes.txt: 警告：这个文件没有被任何发布的文件列为附件"))
        #expect(result.stderr.contains("content/zcwj/old.docx: 警告："))
        #expect(!result.stderr.contains("content/zcwj/internal.pdf: 警告"), "a withheld document's attachment is held back with it")
    }

    @Test func aStaticFileDeclaredInSiteYMLIsPublished() throws {
        let project = try Project(
            files: HostileInputTests.good.merging(["zcwj/images/logo.png": "png"]) { $1 },
            site: HostileInputTests.site + "\n静态文件: [zcwj/images/]")
        defer { try? FileManager.default.removeItem(at: project.root) }
        let result = try Self.build(project)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(project.exists("site/zcwj/images/logo.png"))
        #expect(!result.stderr.contains("logo.png"))
    }

    @Test(arguments: [
        ("word.docx", "word/document.xml", "<w:document><w:body><w:p><w:r><w:t>联系人电话</w:t></w:r><w:r><w:t>138</w:t></w:r><w:r><w:t>12345678</w:t></w:r></w:p></w:body></w:document>", "手机号码"),
        ("table.xlsx", "xl/sharedStrings.xml", "<sst><si><t>11010519491231002X</t></si></sst>", "居民身份证号码"),
    ])
    func scansOfficeAttachmentsForPersonalData(_ name: String, _ part: String, _ xml: String, _ kind: String) throws {
        let project = try Self.project(["zcwj/policy.md": HostileInputTests.policy.replacingOccurrences(of: "notes.txt", with: name)])
        defer { try? FileManager.default.removeItem(at: project.root) }
        try project.write("content/zcwj/\(name)", ZipFile.stored([("[Content_Types].xml", "<Types/>"), (part, xml)]))
        let result = try Self.build(project)
        #expect(result.status == 1)
        #expect(result.stderr.contains("content/zcwj/\(name): 错误：附件中有疑似\(kind)"), "\(result.stderr)")
        #expect(!project.exists("site/zcwj/\(name)"))
    }

    @Test func scansTheTextLayerOfPDFAttachments() throws {
        let project = try Self.project(["zcwj/policy.md": HostileInputTests.policy.replacingOccurrences(of: "notes.txt", with: "scan.pdf")])
        defer { try? FileManager.default.removeItem(at: project.root) }
        try project.write("content/zcwj/scan.pdf", MinimalPDF.with(text: "Tel 13812345678"))
        let result = try Self.build(project)
        #expect(result.status == 1)
        #expect(result.stderr.contains("content/zcwj/scan.pdf: 错误：附件中有疑似手机号码（138****5678）"), "\(result.stderr)")
        try project.write("content/zcwj/scan.pdf", MinimalPDF.with(text: "Tel 0731-88888888"))
        let fixed = try Self.build(project)
        #expect(fixed.status == 0, "\(fixed.stderr)")
        #expect(project.exists("site/zcwj/scan.pdf"))
    }

    @Test func personalDataIsAllowedWhereTheDocumentSaysSo() throws {
        let project = try Self.project(["zcwj/policy.md": HostileInputTests.policy(fields: "允许个人信息: 是").replacingOccurrences(of: "正文。", with: "公示：138-1234-5678。")])
        defer { try? FileManager.default.removeItem(at: project.root) }
        let result = try Self.build(project)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try project.read("site/zcwj/policy.html").contains("138-1234-5678"))
    }

    // MARK: Finding 5: the cache

    /// The cache beside `site/` with one more record, its checksum made right again.
    static func craftCache(_ project: Project, adding record: String) throws {
        let url = project.root.appendingPathComponent(".site.cache")
        var text = try String(contentsOf: url, encoding: .utf8)
        let sum = try #require(text.range(of: "sum\t", options: .backwards))
        text = String(text[..<sum.lowerBound]) + record + "\n"
        text += "sum\t\(String(StableHasher.hash(text), radix: 16))\n"
        try Data(text.utf8).write(to: url)
    }

    @Test(arguments: ["../victim.txt", "VICTIM"])
    func aCraftedCacheRecordCannotDeleteOutsideTheSite(_ form: String) throws {
        let project = try Self.project()
        defer { try? FileManager.default.removeItem(at: project.root) }
        #expect(try Self.build(project).status == 0)
        let victim = project.root.appendingPathComponent("victim.txt")
        try Data("keep me".utf8).write(to: victim)
        let path = form == "VICTIM" ? victim.path : form
        try Self.craftCache(project, adding: "P\t\(path)\t1\t2\t7\t1\t0")
        try project.write("content/zcwj/policy.md", HostileInputTests.policy(body: "改过的正文。"))
        let result = try Self.build(project, ["--changed-list", "changes.txt"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(FileManager.default.fileExists(atPath: victim.path), "the file outside site/ was deleted")
        #expect(result.stderr.contains(".site.cache: 警告：构建缓存来自旧版本、已损坏或被改动"), "\(result.stderr)")
        let changes = try project.read("changes.txt")
        #expect(!changes.contains("..") && !changes.contains("\t/"), "\(changes)")
        #expect(changes.contains("M\tzcwj/policy.html"))
    }

    @Test func aCacheRecordUnderASymbolicLinkCannotDeleteItsTarget() throws {
        let project = try Self.project()
        defer { try? FileManager.default.removeItem(at: project.root) }
        #expect(try Self.build(project).status == 0)
        let outside = project.root.appendingPathComponent("outside")
        try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
        try Data("keep me".utf8).write(to: outside.appendingPathComponent("victim.txt"))
        try FileManager.default.createSymbolicLink(at: project.site.appendingPathComponent("linked"), withDestinationURL: outside)
        try Self.craftCache(project, adding: "P\tlinked/victim.txt\t1\t2\t7\t1\t0")
        let result = try Self.build(project)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(FileManager.default.fileExists(atPath: outside.appendingPathComponent("victim.txt").path), "followed a symbolic link out of site/")
    }

    @Test func aCacheThatFailsItsChecksumIsNotUsed() throws {
        let project = try Self.project()
        defer { try? FileManager.default.removeItem(at: project.root) }
        #expect(try Self.build(project).status == 0)
        let url = project.root.appendingPathComponent(".site.cache")
        let text = try String(contentsOf: url, encoding: .utf8)
        try Data((text.replacingOccurrences(of: "P\tzcwj/policy.html", with: "P\t../zcwj/policy.html")).utf8).write(to: url)
        let result = try Self.build(project)
        #expect(result.status == 0)
        #expect(result.stderr.contains("构建缓存来自旧版本、已损坏或被改动"))
        #expect(result.stdout.contains("全部重新生成"))
    }

    // MARK: Finding 7: CSV formula injection

    @Test func csvCellsThatASpreadsheetWouldRunAreNeutralised() throws {
        let catalogue = HostileInputTests.catalogue
            .replacingOccurrences(of: "公开内容: 机关职能", with: "公开内容: '=HYPERLINK(\"https://evil.example\",\"点击\")'")
            .replacingOccurrences(of: "公开事项: 机构职能", with: "公开事项: '@SUM(1+1)'")
            .replacingOccurrences(of: "公开途径: 政府网站", with: "公开途径: '-2+3'")
        let project = try Self.project(["catalogues/c.yml": catalogue])
        defer { try? FileManager.default.removeItem(at: project.root) }
        let result = try Self.build(project)
        #expect(result.status == 0, "\(result.stderr)")
        let csv = try project.read("site/catalogues/c.csv")
        #expect(csv.contains("\"'=HYPERLINK(\"\"https://evil.example\"\",\"\"点击\"\")\""), "\(csv)")
        #expect(csv.contains("'@SUM(1+1)"))
        #expect(csv.contains("'-2+3"))
        #expect(!csv.contains(",=") && !csv.contains(",@") && !csv.contains("\n="))
        let html = try project.read("site/catalogues/c.html")
        #expect(html.contains("@SUM(1+1)") && !html.contains("'@SUM"), "the page shows the cell as written")
    }

    // MARK: Finding 8: leftovers of killed builds

    @Test func anyBuildRemovesWhatDeadBuildsLeft() throws {
        let project = try Self.project()
        defer { try? FileManager.default.removeItem(at: project.root) }
        #expect(try Self.build(project).status == 0)
        let dead = "4194000"
        try project.write("site/zcwj/.gk-writing-\(dead)-policy.html", "half a page")
        try project.write("site/.gk-writing-\(dead)-index.html", "half a page")
        try project.write(".site.building-\(dead)-abcd1234/index.html", "a staging folder")
        try project.write("..site.cache.tmp-\(dead)", "half a cache")
        let alive = "\(getpid())"
        try project.write("site/zcwj/.gk-writing-\(alive)-policy.html", "a running build's file")
        let result = try Self.build(project)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(!result.stdout.contains("全部重新生成"), "an incremental build")
        for path in ["site/zcwj/.gk-writing-\(dead)-policy.html", "site/.gk-writing-\(dead)-index.html", ".site.building-\(dead)-abcd1234", "..site.cache.tmp-\(dead)"] {
            #expect(!project.exists(path), "\(path) left behind")
        }
        #expect(project.exists("site/zcwj/.gk-writing-\(alive)-policy.html"), "a live build's file is not touched")
    }

    // MARK: Finding 9

    @Test func aHandEditThatKeepsSizeAndModificationTimeIsRepaired() throws {
        let project = try Self.project()
        defer { try? FileManager.default.removeItem(at: project.root) }
        #expect(try Self.build(project).status == 0)
        let page = project.site.appendingPathComponent("zcwj/policy.html")
        let original = try Data(contentsOf: page)
        var info = stat()
        #expect(stat(page.path, &info) == 0)
        var edited = original
        let index = try #require(edited.firstIndex(of: UInt8(ascii: "<")))
        edited[index + 1] = edited[index + 1] == UInt8(ascii: "x") ? UInt8(ascii: "y") : UInt8(ascii: "x")
        try edited.write(to: page)
        var times = [info.st_atim, info.st_mtim]
        #expect(utimensat(AT_FDCWD, page.path, &times, 0) == 0)
        var after = stat()
        #expect(stat(page.path, &after) == 0 && after.st_size == info.st_size && after.st_mtim.tv_nsec == info.st_mtim.tv_nsec)
        let result = try Self.build(project)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try Data(contentsOf: page) == original, "the hand edit survived")
    }

    @Test func fileNamesWithURLCharactersArePercentEncodedInLinks() throws {
        let name = "a#1 ?%\"x.txt"
        let project = try Self.project([
            "zcwj/policy.md": HostileInputTests.policy.replacingOccurrences(of: "文件: notes.txt", with: "文件: 'a#1 ?%\"x.txt'"),
            "zcwj/\(name)": "附件",
        ])
        defer { try? FileManager.default.removeItem(at: project.root) }
        let result = try Self.build(project)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(project.exists("site/zcwj/\(name)"))
        let html = try project.read("site/zcwj/policy.html")
        #expect(html.contains("href=\"/portal/zcwj/a%231%20%3F%25%22x.txt\""), "\(html.components(separatedBy: "\n").filter { $0.contains("x.txt") })")
    }

    @Test func aWithheldDocumentNamedAsEvidenceIsNeverALink() throws {
        // The check refuses it (HostileInputTests); the page never shows its path either way.
        let project = try Self.project()
        defer { try? FileManager.default.removeItem(at: project.root) }
        #expect(try Self.build(project).status == 0)
        let plan = try project.read("site/plans/p.html")
        #expect(plan.contains("href=\"https://test.example/a\""))
    }
}

/// A ZIP archive with stored (uncompressed) entries, enough for `unzip` to read an Office file.
enum ZipFile {
    static func crc32(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
        }
        return ~crc
    }

    static func stored(_ entries: [(name: String, text: String)]) -> Data {
        var out: [UInt8] = []
        var central: [UInt8] = []
        func le16(_ value: Int, _ into: inout [UInt8]) { into += [UInt8(value & 0xFF), UInt8(value >> 8 & 0xFF)] }
        func le32(_ value: UInt32, _ into: inout [UInt8]) { for shift in [0, 8, 16, 24] { into.append(UInt8(value >> UInt32(shift) & 0xFF)) } }
        for entry in entries {
            let name = Array(entry.name.utf8)
            let data = Array(entry.text.utf8)
            let crc = crc32(data)
            let offset = UInt32(out.count)
            le32(0x0403_4B50, &out)
            le16(20, &out)
            le16(0x0800, &out)
            le16(0, &out)
            le16(0, &out)
            le16(0, &out)
            le32(crc, &out)
            le32(UInt32(data.count), &out)
            le32(UInt32(data.count), &out)
            le16(name.count, &out)
            le16(0, &out)
            out += name + data
            le32(0x0201_4B50, &central)
            le16(20, &central)
            le16(20, &central)
            le16(0x0800, &central)
            le16(0, &central)
            le16(0, &central)
            le16(0, &central)
            le32(crc, &central)
            le32(UInt32(data.count), &central)
            le32(UInt32(data.count), &central)
            le16(name.count, &central)
            le16(0, &central)
            le16(0, &central)
            le16(0, &central)
            le16(0, &central)
            le32(0, &central)
            le32(offset, &central)
            central += name
        }
        let centralOffset = UInt32(out.count)
        out += central
        le32(0x0605_4B50, &out)
        le16(0, &out)
        le16(0, &out)
        le16(entries.count, &out)
        le16(entries.count, &out)
        le32(UInt32(central.count), &out)
        le32(centralOffset, &out)
        le16(0, &out)
        return Data(out)
    }
}

/// A one-page PDF whose text layer is `text` (Helvetica), with a correct cross-reference table.
enum MinimalPDF {
    static func with(text: String) -> Data {
        let stream = "BT /F1 12 Tf 10 50 Td (\(text)) Tj ET"
        let objects = [
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 100] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
            "<< /Length \(stream.utf8.count) >>\nstream\n\(stream)\nendstream",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        ]
        var out = "%PDF-1.4\n"
        var offsets: [Int] = []
        for (index, object) in objects.enumerated() {
            offsets.append(out.utf8.count)
            out += "\(index + 1) 0 obj\n\(object)\nendobj\n"
        }
        let xref = out.utf8.count
        out += "xref\n0 \(objects.count + 1)\n0000000000 65535 f \n"
        for offset in offsets { out += String(format: "%010d 00000 n \n", offset) }
        out += "trailer\n<< /Size \(objects.count + 1) /Root 1 0 R >>\nstartxref\n\(xref)\n%%EOF\n"
        return Data(out.utf8)
    }
}
