import Foundation
import GongkaiModel
import Testing

@testable import GongkaiIntake

/// Each layout of the issue, from text written for these tests; every expected value was
/// counted by hand from the fixture (Fixtures.swift).
@Suite struct TextLayoutTests {
    func run(_ text: String) -> ImportResult { PlanImporter(idPrefix: "t").run(text) }

    @Test(arguments: ["two-level-labels", "flattened-table", "sections-numbers", "bar-table", "cell-lines"])
    func importsTheHandCountedPlan(_ name: String) throws {
        Fixture.check(run(try Fixture.text(name)), name, format: "txt")
    }

    @Test func twoLevelsKeepTheGroupsAndReportTheMissingNumber() throws {
        let result = run(try Fixture.text("two-level-labels"))
        let plan = try #require(result.plans.first)
        #expect(plan.items.map(\.numberText) == ["1.", "2.", "3.", "4.", "5.", "7.", "8."], "numbers kept as written, 6 missing")
        #expect(result.notes.contains { $0.message.contains("任务编号7.与上一项不连续") })
        #expect(plan.id == "t-2024-zwgk")
        #expect(plan.region == "青岚县")
        #expect(plan.preamble.hasPrefix("为深入推进基层政务公开"))
        // 完成时限 labels are deadlines; brackets that are not units stay in the text.
        #expect(plan.items[0].deadlines.map(\.date.iso) == ["2024-06-30"])
        #expect(plan.items[5].deadlines.map(\.date.iso) == ["2024-12-31"])
        #expect(plan.items[1].body.contains("刑法修正案（十一）"))
        #expect(plan.items[2].body.contains("规定（试行）》"))
        #expect(plan.items[0].body.contains("《中华人民共和国政府信息公开条例》"))
        // Missing 文号 is a note, never an error.
        #expect(result.notes.contains { $0.message.contains("没有文号") })
        // Half-width , : ( ) between Chinese: 2 in the salutation, 1 in the notice, 2 around 十一, 1 after 》.
        #expect(result.punctuationFixes == 6)
        #expect(result.notice.body.hasPrefix("各乡镇人民政府，县直各单位："))
        #expect(result.notice.issuer == "青岚县人民政府办公室")
    }

    @Test func flattenedTableKeepsPageFurnitureAsComments() throws {
        let result = run(try Fixture.text("flattened-table"))
        let kept = result.notice.kept.map(\.text)
        for furniture in ["当前位置：首页 > 政务公开 > 通知公告", "微信 微博 QQ空间", "全真版 文字版", "-->", "任务清单.pdf 附件下载"] {
            #expect(kept.contains { TextCleaner.squeezed($0) == TextCleaner.squeezed(furniture) }, "\(furniture) kept")
        }
        #expect(result.notice.published?.date == CalendarDate(year: 2023, month: 4, day: 10), "时间： inside the 来源 line")
        #expect(result.plans.first?.kind.rawValue == "政务服务", "类别 as the title writes it")
        #expect(result.plans.first?.kind.family == PlanKind.service.family)
        let units = result.plans.flatMap(\.items).flatMap { $0.leads + $0.partners }
        #expect(!units.contains { $0.contains("微信") || $0.contains("附件") })
    }

    @Test func planOnlyTextWithSignatureAtTheEnd() throws {
        let result = run(try Fixture.text("sections-numbers"))
        #expect(result.notice.written == CalendarDate(year: 2023, month: 3, day: 6), "二〇二三年三月六日")
        #expect(result.notice.documentNumber == "松政办函〔2023〕9号")
        #expect(result.notice.issuer == "松岭市人民政府办公室")
        let plan = try #require(result.plans.first)
        #expect(plan.sections.count == 2, "the repeated 一、 heading is one section")
        #expect(plan.item(4)?.body.contains("（1）开展政务新媒体季度检查；（2）清理整合功能相近的账号。") == true, "（1） sub-points stay in their item")
        #expect(!(plan.items.last?.body.contains("松岭市人民政府办公室") ?? true), "the signature is not part of the last item")
    }

    /// Layout 6: the whole notice on one line, paragraphs separated by a space or by nothing.
    @Test(arguments: ["two-level-labels", "sections-numbers"])
    func textWithoutLineBreaks(_ name: String) throws {
        let lines = try Fixture.text(name).split(separator: "\n").map(String.init)
        // Alternate: a space, then nothing, between paragraphs.
        var collapsed = ""
        for (index, line) in lines.enumerated() { collapsed += (index == 0 ? "" : index % 2 == 0 ? "" : " ") + line }
        #expect(!collapsed.contains("\n"))
        Fixture.check(run(collapsed), name, format: "one-line")
    }

    @Test func gbkTextIsDetectedAndConverted() throws {
        let text = try Fixture.text("two-level-labels")
        let gbk = try #require(TextDecoding.convertFromUTF8(text, to: "GB18030"))
        #expect(String(data: gbk, encoding: .utf8) == nil, "really not UTF-8")
        let document = try SourceReader.read(gbk, extension: "txt", display: "通知.txt").get()
        #expect(document.notes.first?.message.contains("GBK") == true)
        Fixture.check(PlanImporter(idPrefix: "t").run(document), "two-level-labels", format: "gbk")
    }

    @Test func textWithoutNumberedStructureFailsSayingWhatWasLookedFor() {
        let result = run("关于做好春节期间值班工作的通知\n各单位：\n请做好值班安排，确保信息畅通。\n某县人民政府办公室\n2024年2月1日")
        let failure = result.failure
        #expect(failure != nil)
        #expect(failure?.message.contains("“一、”“（一）”“1.”") == true)
        #expect(failure?.message.contains("各单位：") == true, "says where the text starts")
        #expect(result.plans.isEmpty)
    }

    @Test func gluedUnitNamesAreCutWhereANameEnds() {
        let units = UnitCells()
        #expect(units.units("区经济发展局区行政审批局") == ["区经济发展局", "区行政审批局"])
        #expect(units.units("市委办市政府办") == ["市委办", "市政府办"])
        #expect(units.units("区委宣传部") == ["区委宣传部"])
        #expect(units.units("区政务服务中心\n区大数据局") == ["区政务服务中心", "区大数据局"])
        #expect(units.units("各乡镇（街道、园区）人民政府") == ["各乡镇（街道、园区）人民政府"])
        #expect(UnitCells(known: ["开发区管委会"]).units("区住建局开发区管委会") == ["区住建局", "开发区管委会"])
    }

    @Test func punctuationBetweenChineseIsMadeFullWidth() {
        var fix = PunctuationFix()
        #expect(fix.fix("政务公开,政务服务;公开:内容(试行)") == "政务公开，政务服务；公开：内容（试行）")
        #expect(fix.changes == 5)
        #expect(fix.fix("湘政办发(2023)11号, version 1.5: ok") == "湘政办发(2023)11号, version 1.5: ok", "numbers and Latin text keep their marks")
        #expect(fix.changes == 5)
    }

    @Test func idFromTheRegionByTransliteration() {
        #expect(StableID.region("平潭综合实验区") == "pingtan")
        #expect(StableID.region("湖南省") == "hunan")
        #expect(StableID.region("张家界市") == "zhangjiajie")
    }
}
