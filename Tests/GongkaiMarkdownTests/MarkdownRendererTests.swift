import GongkaiMarkdown
import GongkaiModel
import Testing

@Suite struct MarkdownRendererTests {
    let renderer = MarkdownRenderer()

    @Test func rendersGitHubTables() {
        let html = renderer.html("| 指标 | 目标 |\n|---|---|\n| 用户数 | 3000万 |\n")
        #expect(html.contains("<table>"))
        #expect(html.contains("<th scope=\"col\">指标</th>"))
        #expect(html.contains("<td>3000万</td>"))
    }

    @Test func strikesThroughOnlyWithDoubleTildes() {
        #expect(renderer.html("~~旧规定~~").contains("<del>旧规定</del>"))
        let range = renderer.html("办理时限3~5个工作日，费用10~20元")
        #expect(!range.contains("<del>"), "a single tilde is a range in Chinese text")
    }

    @Test func linksBareURLsAndRendersTaskListsAndFootnotes() {
        #expect(renderer.html("见 https://www.gov.cn/ 。").contains("<a href=\"https://www.gov.cn/\">"))
        let tasks = renderer.html("- [x] 已完成\n- [ ] 未完成\n")
        #expect(tasks.contains("type=\"checkbox\""))
        #expect(tasks.contains("checked"))
        let notes = renderer.html("依据条例[^1]。\n\n[^1]: 《政府信息公开条例》。\n")
        #expect(notes.contains("footnote"))
    }

    @Test func neverPassesRawHTMLThrough() {
        let html = renderer.html("<script>alert(1)</script>\n\n段落<b onclick=\"x()\">粗</b>")
        #expect(!html.contains("<script"))
        #expect(!html.contains("onclick"))
        #expect(html.contains("raw HTML omitted"))
    }

    @Test func joinsLinesBrokenBetweenChineseCharacters() {
        let html = renderer.html("利用好“长\n沙市政策问答平台”\nand English\nwords")
        #expect(html.contains("利用好“长沙市政策问答平台”"))
        #expect(html.contains("English\nwords"), "line breaks between Latin words stay spaces")
    }
}

@Suite struct MarkdownConcurrencyTests {
    /// cmark-gfm keeps the characters its extensions react to (`~`, `|`) in one global table that
    /// every parser adds to and removes from; parsing on several threads must not lose them.
    @Test func rendersExtensionsCorrectlyFromManyThreads() {
        let renderer = MarkdownRenderer()
        let source = "~~旧规定~~ 与新规定\n\n| 甲 | 乙 |\n|---|---|\n| 1 | 2 |\n"
        let results = Array(0..<4000).parallelMap { _ in renderer.html(source) }
        let broken = results.filter { !$0.contains("<del>旧规定</del>") || !$0.contains("<table>") }
        #expect(broken.isEmpty, "\(broken.count) of \(results.count) renders lost an extension")
    }
}

@Suite struct AccessibleMarkdownTests {
    let renderer = MarkdownRenderer()

    @Test func givesHeadingsStableIDs() {
        let html = renderer.html("## 一、强化重点领域信息公开\n\n文字\n\n## 二、Open Data 2023\n\n## 一、强化重点领域信息公开\n")
        #expect(html.contains("<h2 id=\"一-强化重点领域信息公开\">"))
        #expect(html.contains("<h2 id=\"二-open-data-2023\">"))
        #expect(html.contains("<h2 id=\"一-强化重点领域信息公开-2\">"), "a repeated heading gets a distinct id")
        #expect(renderer.html("## 一、强化重点领域信息公开\n") == renderer.html("## 一、强化重点领域信息公开\n"))
    }

    @Test func scopesTableHeaders() {
        let html = renderer.html("| 指标 | 目标 |\n|:---|---:|\n| 用户数 | 3000万 |\n")
        #expect(html.contains("<th scope=\"col\" style=\"text-align: left\">指标</th>"))
        #expect(html.contains("<th scope=\"col\" style=\"text-align: right\">目标</th>"))
        #expect(html.contains("<td style=\"text-align: right\">3000万</td>"))
        #expect(!html.contains("<td scope") && !html.contains(" align="))
        #expect(html.contains("<thead>") && !html.contains("<th scope=\"col\"ead"), "<thead> is not a header cell")
        #expect(html.hasPrefix("<div class=\"gk-table-scroll\" role=\"region\" tabindex=\"0\""))
    }

    @Test func labelsTaskCheckboxesWithTheirText() {
        let html = renderer.html("- [x] 完成目录编制\n- [ ] 完成适老化改造\n")
        #expect(html.contains("aria-label=\"完成目录编制\""))
        #expect(html.contains("aria-label=\"完成适老化改造\""))
    }

    @Test func reportsImagesWithoutAltText() {
        let rendered = renderer.render("第一段\n\n![](a.png)\n\n![柱状图](b.png)\n\n![ ](c.png)\n")
        #expect(rendered.imagesWithoutAlt == [3, 7])
    }
}
