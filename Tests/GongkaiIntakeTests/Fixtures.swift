import Foundation
import GongkaiModel
import Testing
import ZIPFoundation

@testable import GongkaiIntake

/// The fixtures written for the intake tests (Tests/Fixtures/intake), and what was counted in
/// each by hand.
enum Fixture {
    static let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures/intake")

    static func text(_ name: String) throws -> String {
        try String(contentsOf: directory.appendingPathComponent(name + ".txt"), encoding: .utf8)
    }

    /// Hand counts: per plan, the sections, the item numbers, and each item's leads and partners.
    struct Expected {
        var title: String
        var year: Int
        var sections: [String]
        var numbers: [Int]
        var leads: [[String]]
        var partners: [[String]]
    }

    static let expected: [String: Expected] = [
        "two-level-labels": Expected(
            title: "青岚县2024年政务公开重点任务", year: 2024,
            sections: ["强化政策发布解读", "深化重点领域公开", "提升平台支撑能力"],
            numbers: [1, 2, 3, 4, 5, 7, 8],
            leads: [["县政府办公室", "县司法局"], ["县司法局"], ["县司法局"], ["县财政局"], ["县教育局"], ["县农业农村局"], ["县政务服务中心", "县大数据局"]],
            partners: [[], ["县委宣传部", "各乡镇人民政府"], ["县直各单位"], [], ["县发展改革局"], [], []]),
        "flattened-table": Expected(
            title: "桐溪区2023年政务服务重点工作任务清单", year: 2023,
            sections: ["优化审批服务", "提升平台效能"],
            numbers: [1, 2, 3, 4],
            leads: [["区行政审批局", "区市场监管局"], ["区行政审批局"], ["区大数据中心", "区行政审批局"], []],
            partners: [["区税务局", "各街道办事处"], ["区直有关单位"], ["各街道办事处"], ["区政务服务中心"]]),
        "sections-numbers": Expected(
            title: "松岭市2023年政务公开工作计划", year: 2023,
            sections: ["推进决策公开", "优化公开平台"],
            numbers: [1, 2, 3, 4, 5],
            leads: [["市司法局"], ["市政府办公室"], ["市政府办公室", "市信访局"], ["市委网信办"], ["市政府办公室"]],
            partners: [["市直有关单位"], [], ["各县区人民政府"], ["市直有关单位"], []]),
        "bar-table": Expected(
            title: "榆林镇2024年政务公开重点工作任务清单", year: 2024,
            sections: ["抓好财务信息公开。", "做好网站专栏维护。"],
            numbers: [1, 2, 3, 4],
            leads: [["财政所"], ["财政所"], ["党政办"], ["党政办", "综治中心"]],
            partners: [[], ["农业服务中心"], [], []]),
        "cell-lines": Expected(
            title: "枫桥街道2023年政务公开工作任务", year: 2023,
            sections: ["规范政策发布", "加强解读回应"],
            numbers: [1, 2],
            leads: [["街道党政办"], ["街道党政办", "社区服务中心"]],
            partners: [[], []]),
        "merged-table": Expected(
            title: "柏川区2023年政务公开任务分解表", year: 2023,
            sections: ["深化政务公开", "优化政务服务"],
            numbers: [1, 2, 3, 4],
            leads: [["区司法局", "区政府办公室"], ["区政府办公室"], ["区行政审批局"], []],
            partners: [["区直各部门", "各镇人民政府"], ["区直有关单位"], ["区公安分局", "区人社局"], ["区政务服务中心"]]),
    ]

    static func check(_ result: ImportResult, _ name: String, format: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let expected = expected[name]!
        #expect(result.failure == nil, "\(name).\(format)", sourceLocation: sourceLocation)
        guard result.plans.count == 1, let plan = result.plans.first else {
            Issue.record("\(name).\(format): \(result.plans.count) plans, \(result.notes)", sourceLocation: sourceLocation)
            return
        }
        #expect(plan.title == expected.title, "\(name).\(format)", sourceLocation: sourceLocation)
        #expect(plan.year == expected.year, "\(name).\(format)", sourceLocation: sourceLocation)
        #expect(plan.sections.map(\.title) == expected.sections, "\(name).\(format)", sourceLocation: sourceLocation)
        #expect(plan.items.map(\.number) == expected.numbers, "\(name).\(format)", sourceLocation: sourceLocation)
        #expect(plan.items.map(\.leads) == expected.leads, "\(name).\(format) leads", sourceLocation: sourceLocation)
        #expect(plan.items.map(\.partners) == expected.partners, "\(name).\(format) partners", sourceLocation: sourceLocation)
    }

    /// The merged table: a section cell spanning two rows, a lead cell with two units on two
    /// lines, an empty lead cell. Rows: number, section (nil = merged with the one above), task,
    /// leads (one per line), partners, deadline.
    static let mergedRows: [(String, String?, String, [String], String, String)] = [
        ("1", "一、深化政务公开", "主动公开规范性文件，做到应公开尽公开。", ["区司法局", "区政府办公室"], "区直各部门、各镇人民政府", "2023年6月底前"),
        ("2", nil, "开展政策解读不少于5次。", ["区政府办公室"], "区直有关单位", "2023年底前"),
        ("3", "二、优化政务服务", "推进高频事项“跨省通办”。", ["区行政审批局"], "区公安分局，区人社局", "第三季度"),
        ("4", nil, "完善政务服务评价机制。", [], "区政务服务中心", "持续推进"),
    ]
    static let mergedHeader = ["序号", "重点任务", "具体措施", "牵头单位", "责任单位", "完成时限"]
    static let mergedNotice = [
        "关于印发《柏川区2023年政务公开任务分解表》的通知",
        "柏政办发〔2023〕4号",
        "各镇人民政府，区直各部门：",
        "现将《柏川区2023年政务公开任务分解表》印发给你们，请认真组织实施。",
        "柏川区人民政府办公室",
        "2023年2月20日",
        "柏川区2023年政务公开任务分解表",
    ]

    /// The merged table flattened into text as a web page copy gives it.
    static var mergedFlattened: String {
        var lines = mergedNotice
        lines.append(mergedHeader.joined())
        for row in mergedRows {
            lines.append([row.0, row.1 ?? "", row.2, row.3.joined(), row.4, row.5].filter { !$0.isEmpty }.joined(separator: " "))
        }
        return lines.joined(separator: "\n")
    }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
    }

    /// The merged table as a saved web page, with navigation, page information and a footer.
    static var mergedHTML: String {
        page(title: mergedNotice[0], paragraphs: Array(mergedNotice.dropFirst()), table: mergedTable)
    }

    /// The merged table as an HTML table (rowspan for the section cells, <br> between units).
    static var mergedTable: String {
        var rows = "<tr>" + mergedHeader.map { "<th>\($0)</th>" }.joined() + "</tr>\n"
        for (index, row) in mergedRows.enumerated() {
            rows += "<tr><td>\(row.0)</td>"
            if let section = row.1 {
                let span = index + 1 < mergedRows.count && mergedRows[index + 1].1 == nil ? " rowspan=\"2\"" : ""
                rows += "<td\(span)>\(escape(section))</td>"
            }
            rows += "<td>\(escape(row.2))</td><td>\(row.3.map(escape).joined(separator: "<br>"))</td><td>\(escape(row.4))</td><td>\(row.5)</td></tr>\n"
        }
        return "<table border=\"1\">\n\(rows)</table>"
    }

    static func page(title: String, paragraphs: [String], table: String = "") -> String {
        """
        <!DOCTYPE html>
        <html><head><meta charset="utf-8"><title>\(escape(title))_某区人民政府门户网站</title></head>
        <body>
        <div class="header"><a href="/">首页</a> <a href="/zwgk">政务公开</a> <a href="/hdjl">互动交流</a></div>
        <div class="nav">网站首页 | 政务公开 | 政务服务 | 互动交流</div>
        <div class="position">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk">政务公开</a> &gt; 通知公告</div>
        <div class="main">
        <h1>\(escape(title))</h1>
        <div class="info">发布时间：2023-02-22 10:30 来源：区政府办公室</div>
        <div class="article-content" id="zoom">
        \(paragraphs.map { "<p>\(escape($0))</p>" }.joined(separator: "\n"))
        \(table)
        </div>
        </div>
        <div class="footer">主办单位：某区人民政府办公室 网站标识码：0000000000 备案号：某ICP备00000000号</div>
        </body></html>
        """
    }

    /// A text fixture as a web page: one paragraph per line.
    static func html(_ text: String) -> String {
        let lines = text.split(separator: "\n").map(String.init).filter { !LineKind.isFurnitureLine($0) }
        return page(title: lines[0], paragraphs: Array(lines.dropFirst()))
    }
}

extension LineKind {
    static func isFurnitureLine(_ line: String) -> Bool {
        if case .furniture = classify(line) { return true }
        if case .publishedAt = classify(line) { return true }
        return false
    }
}
