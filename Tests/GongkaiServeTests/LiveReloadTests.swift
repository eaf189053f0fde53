import Foundation
import GongkaiModel
import Testing

@testable import GongkaiServe

/// The next element of an async stream, or nil after `seconds`.
func next<Element: Sendable>(_ iterator: inout AsyncStream<Element>.Iterator, within seconds: Double) async -> Element? {
    let box = IteratorBox(iterator)
    let result = await withTaskGroup(of: Element?.self) { group in
        group.addTask { await box.next() }
        group.addTask {
            try? await Task.sleep(for: .seconds(seconds))
            return nil
        }
        let first = await group.next() ?? nil
        group.cancelAll()
        return first
    }
    iterator = box.iterator
    return result
}

/// Lets a child task advance an iterator that the caller keeps.
final class IteratorBox<Element: Sendable>: @unchecked Sendable {
    var iterator: AsyncStream<Element>.Iterator
    init(_ iterator: AsyncStream<Element>.Iterator) { self.iterator = iterator }
    func next() async -> Element? { await iterator.next() }
}

@Suite struct LiveReloadTests {
    @Test func listenersHearTheStateOnConnectAndEveryChange() async {
        let live = LiveReload()
        var events = await live.subscribe().makeAsyncIterator()
        let first = await next(&events, within: 2)
        #expect(first == .ready(await live.token))

        await live.succeeded(changed: true)
        let reload = await next(&events, within: 2)
        #expect(reload == .reload(await live.token))
        #expect(reload?.token != first?.token)

        await live.failed([.error("content/a.md", line: 3, "坏了")])
        let failed = await next(&events, within: 2)
        #expect(failed == .failed(await live.token))
        #expect(await live.failed)
        #expect(await live.diagnostics.map(\.file) == ["content/a.md"])

        // A late listener is told at once that the site is broken.
        var late = await live.subscribe().makeAsyncIterator()
        #expect(await next(&late, within: 2) == .failed(await live.token))

        // A good build ends the failure even when its output did not change.
        await live.succeeded(changed: false)
        #expect(await next(&events, within: 2) == .reload(await live.token))
        #expect(await next(&late, within: 2) == .reload(await live.token))
        #expect(await !live.failed)
        #expect(await live.diagnostics.isEmpty)
    }

    @Test func aGoodBuildThatChangedNothingIsNotAnnounced() async {
        let live = LiveReload()
        var events = await live.subscribe().makeAsyncIterator()
        _ = await next(&events, within: 2)
        let before = await live.token
        await live.succeeded(changed: false)
        #expect(await next(&events, within: 0.3) == nil)
        #expect(await live.token == before)
    }

    @Test func closingEndsEveryStreamAndForgetsListeners() async {
        let live = LiveReload()
        var events = await live.subscribe().makeAsyncIterator()
        _ = await next(&events, within: 2)
        #expect(await live.listenerCount == 1)
        await live.close()
        #expect(await next(&events, within: 2) == nil)
        #expect(await live.listenerCount == 0)
    }

    @Test func eventsAreTheMessagesTheScriptReads() {
        #expect(LiveReload.Event.ready("a-1").message == "ok a-1")
        #expect(LiveReload.Event.reload("a-2").message == "reload a-2")
        #expect(LiveReload.Event.failed("a-3").message == "error a-3")
        // The script understands exactly these three words.
        for word in ["\"error\"", "\"reload\"", "\"ok\""] { #expect(LiveScript.source.contains(word)) }
    }
}

@Suite struct LiveScriptTests {
    @Test func theTagGoesBeforeTheLastClosingBody() {
        let page = Data("<html><body><p>&lt;/body&gt; in text</p>\n</BODY>\n</html>\n".utf8)
        let result = String(decoding: LiveScript.inject(into: page, token: "x-1"), as: UTF8.self)
        #expect(result == "<html><body><p>&lt;/body&gt; in text</p>\n<script src=\"/__gongkai/live.js\" data-build=\"x-1\" defer></script></BODY>\n</html>\n")
    }

    @Test func aPageWithoutBodyGetsTheTagAtTheEnd() {
        let result = String(decoding: LiveScript.inject(into: Data("<p>片段</p>".utf8), token: "t"), as: UTF8.self)
        #expect(result == "<p>片段</p><script src=\"/__gongkai/live.js\" data-build=\"t\" defer></script>")
    }

    @Test func theTokenIsEscaped() {
        #expect(LiveScript.tag(token: "\"><script>").contains("data-build=\"&quot;&gt;&lt;script&gt;\""))
    }
}

@Suite struct ErrorPageTests {
    @Test func listsEveryErrorWithFileAndLineAndEscapesText() {
        let page = ErrorPage.render(
            failed: true,
            diagnostics: [
                .error("content/xxgk/a.md", line: 4, "YAML 格式错误：<script>alert(1)</script> & 引号"),
                .error(nil, "模板目录缺少 layouts/"),
                .warning("content/b.md", line: 2, "图片没有替代文字"),
            ],
            hasSite: true, from: "/xxgk/a.html", home: "/", token: "s-2")
        #expect(page.contains("<html lang=\"zh-CN\">"))
        #expect(page.contains("<h1>网站生成失败</h1>"))
        #expect(page.contains("<code>content/xxgk/a.md</code> 第 4 行"))
        #expect(page.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; 引号"))
        #expect(!page.contains("<script>alert(1)"))
        #expect(page.contains("整个网站"))
        #expect(page.contains("共发现 2 个错误、1 个警告"))
        #expect(page.contains("预览中仍是上次成功生成的网站；修改保存后会自动重新生成"))
        #expect(page.contains("<a class=\"gk-preview-back\" href=\"/xxgk/a.html\">查看刚才的页面"))
        #expect(page.contains("data-build=\"s-2\""))
    }

    @Test func withoutAnySiteThereIsNoWayBack() {
        let page = ErrorPage.render(
            failed: true, diagnostics: [.error("content/site.yml", line: 1, "坏了")],
            hasSite: false, from: "/", home: "/", token: "t")
        #expect(page.contains("网站还没有成功生成过"))
        #expect(!page.contains("查看刚才的页面"))
    }

    @Test func aGoodStateSaysSo() {
        let page = ErrorPage.render(failed: false, diagnostics: [], hasSite: true, from: nil, home: "/portal/", token: "t")
        #expect(page.contains("当前没有生成错误"))
        #expect(page.contains("<a href=\"/portal/\">"))
    }

    @Test(arguments: [
        ("/xxgk/a.html?x=1#top", "/xxgk/a.html?x=1#top"), ("//evil.example/", "/"), ("/\\evil.example", "/"),
        ("https://evil.example/", "/"), ("javascript:alert(1)", "/"), ("/a\nb", "/"), ("", "/"),
    ])
    func returnsOnlyToPathsOnThisServer(from: String, expected: String) {
        #expect(ErrorPage.returnPath(from, home: "/") == expected)
    }
}
