import Foundation
import GongkaiContent
import GongkaiModel
import Testing

@Suite struct SourceTextTests {
    @Test func explainsGBKFilesWithTheLineAndTheFix() throws {
        // "标题: 通知" in GBK on line 2: B1EA CCE2 = 标题, CDA8 D6AA = 通知.
        let bytes: [UInt8] = Array("---\n".utf8) + [0xB1, 0xEA, 0xCC, 0xE2] + Array(": ".utf8) + [0xCD, 0xA8, 0xD6, 0xAA, 0x0A]
        let result = SourceText.decode(Data(bytes), display: "content/x/a.md")
        guard case .failure(let diagnostic) = result else {
            Issue.record("GBK accepted as UTF-8")
            return
        }
        #expect(diagnostic.file == "content/x/a.md")
        #expect(diagnostic.line == 2)
        #expect(diagnostic.message.contains("UTF-8"))
        #expect(diagnostic.message.contains("GBK"))
        #expect(diagnostic.message.contains("iconv"))
    }

    @Test func acceptsUTF8WithBOMAndWindowsLineEndings() throws {
        let data = Data([0xEF, 0xBB, 0xBF] + Array("a\r\nb\r\n".utf8))
        guard case .success(let text) = SourceText.decode(data, display: "x") else {
            Issue.record("rejected")
            return
        }
        #expect(text == "a\nb\n")
    }
}

@Suite struct FrontMatterTests {
    @Test func splitsAndCountsLines() throws {
        let result = FrontMatter.split("---\n标题: 甲\n发布日期: 2023-01-01\n---\n正文第一行\n", display: "f")
        guard case .success(let matter) = result else {
            Issue.record("failed")
            return
        }
        #expect(matter.yaml == "标题: 甲\n发布日期: 2023-01-01")
        #expect(matter.yamlLine == 2)
        #expect(matter.bodyLine == 5)
        #expect(matter.body == "正文第一行")
    }

    @Test func reportsAMissingOrUnclosedBlock() {
        guard case .failure(let missing) = FrontMatter.split("标题: 甲\n", display: "f") else {
            Issue.record("accepted")
            return
        }
        #expect(missing.message.contains("缺少文件信息"))
        guard case .failure(let open) = FrontMatter.split("---\n标题: 甲\n正文\n", display: "f") else {
            Issue.record("accepted")
            return
        }
        #expect(open.message.contains("没有结束"))
    }
}

@Suite struct FieldTableTests {
    @Test func mapsEnglishAndChineseKeysToOneField() {
        let table = FieldTable.document
        #expect(table.field(forKey: "title") == "title")
        #expect(table.field(forKey: "标题") == "title")
        #expect(table.field(forKey: "发文机关") == "issuer")
        #expect(table.field(forKey: "发布机构") == "issuer")
        #expect(table.field(forKey: "文号") == "doc_no")
        #expect(table.field(forKey: "有效性") == "validity")
        #expect(table.field(forKey: "解读对象") == "interprets")
        #expect(table.field(forKey: "作者") == nil)
    }
}
