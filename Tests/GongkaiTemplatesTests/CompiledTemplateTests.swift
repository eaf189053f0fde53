import Foundation
import GongkaiModel
import Testing

@testable import GongkaiTemplates

private struct Entry: Codable, Sendable {
    let title: String
    let url: String?
    let text: String?
}

private struct Inner: Codable, Sendable {
    let title: String?
    let name: String
}

private struct Sample: Codable, Sendable {
    var title = "标题 <b>&\"'</b>"
    var text = "外层文字"
    var name = "名称"
    var count = 0
    var ratio = 2.5
    var flag = false
    var yes = true
    var empty = ""
    var markup = HTML("<p>正文</p>")
    var blank = HTML("")
    var missing: String? = nil
    var items: [Entry] = [
        Entry(title: "一", url: "/a.html", text: nil), Entry(title: "二 <i>", url: nil, text: "条目文字"),
        Entry(title: "三", url: "/c.html?x=1&y=2", text: "三的文字"),
    ]
    var none: [Entry] = []
    var words = ["甲", "乙", "丙"]
    var inner = Inner(title: nil, name: "内层")
    var listing = Listing.of(["x", "y"])
    var nothing = Listing<String>.of([])
}

private struct PartView: Codable, Sendable {
    let heading: String
    let words: [String]
}

private struct Home: Encodable, Sendable {
    let title = "首页"
    let blocks: [Part]
}

/// Each Mustache feature the templates use, rendered by the compiled templates and by
/// swift-mustache, which must agree byte for byte.
@Suite struct CompiledTemplateTests {
    static func set(_ files: [String: String]) throws -> TemplateSet {
        var data: [String: Data] = [:]
        for (path, text) in files { data[path] = Data(text.utf8) }
        return try TemplateSet.load(layers: [.files(data, display: "templates")])
    }

    /// The compiled rendering of `layout`, after checking it against swift-mustache's.
    @discardableResult
    static func agree(
        _ layout: String, partials: [String: String] = [:], view: any Encodable = Sample(),
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> String {
        var files = ["layouts/page.mustache": layout]
        for (name, text) in partials { files["partials/\(name).mustache"] = text }
        let templates = try set(files)
        let compiled = templates.render(view, template: "page")
        let oracle = templates.mustacheRender(view, template: "page")
        #expect(compiled == oracle, "template:\n\(layout)", sourceLocation: sourceLocation)
        return compiled
    }

    @Test func variablesEscapeTextAndTripleMustachesDoNot() throws {
        let out = try Self.agree("{{title}}|{{{title}}}|{{&title}}|{{markup}}|{{{markup}}}|{{count}}|{{ratio}}|{{flag}}|{{yes}}|{{missing}}|{{absent}}\n")
        #expect(out == "标题 &lt;b&gt;&amp;&quot;&#39;&lt;/b&gt;|标题 <b>&\"'</b>|标题 <b>&\"'</b>|&lt;p&gt;正文&lt;/p&gt;|<p>正文</p>|0|2.5|false|true||\n")
    }

    @Test func standaloneTagsRemoveTheirLines() throws {
        let out = try Self.agree(
            """
            <ul>
              {{#items}}
              <li>{{title}}</li>
              {{/items}}
            </ul>
            {{! a comment alone on its line }}
              {{^none}}
              暂无
              {{/none}}
            \t{{#flag}}\t
            never
            {{/flag}}  
            end {{#yes}}
            inline{{/yes}} tail
            {{#words}}{{.}}{{/words}}
            """)
        #expect(out.hasPrefix("<ul>\n  <li>一</li>\n  <li>二 &lt;i&gt;</li>\n"))
        #expect(out.contains("  暂无\n"))
        #expect(!out.contains("never"))
        #expect(out.hasSuffix("甲乙丙"))
    }

    @Test func carriageReturnLineEnds() throws {
        try Self.agree("<p>\r\n  {{#items}}\r\n  <i>{{title}}</i>\r\n  {{/items}}\r\n</p>\r\n{{! c }}\r\nend\r\n")
        try Self.agree("<div>\r\n  {{>list}}\r\n</div>\r\n", partials: ["list": "{{#words}}\r\n<b>{{.}}</b>\r\n{{/words}}\r\nlast\r\n"])
    }

    @Test func aStandalonePartialIsIndented() throws {
        let list = "<ol>\n{{#items}}\n<li>{{title}}</li>\n{{/items}}\n</ol>\n{{#words}}{{.}}\n{{/words}}\n<p>\n{{count}}\n</p>\n"
        let out = try Self.agree(
            "<div>\n    {{>list}}\n  <span>{{>list}}</span>\n\t{{>nested}}\n</div>\n",
            partials: ["list": list, "nested": "<section>\n  {{>list}}\n</section>\n"])
        #expect(out.contains("\n    <ol>\n"))
        try Self.agree("{{#items}}\n  {{>entry}}\n{{/items}}\n", partials: ["entry": "<a>\n{{title}}\n</a>\n"])
        try Self.agree("  {{>missing}}\nafter\n")
    }

    @Test func parentsAndBlocks() throws {
        let base = """
            <html>
            <title>{{$title}}默认标题{{/title}}</title>
            <body>
              {{$main}}
              <p>默认正文</p>
              {{/main}}
              {{>footer}}
            </body>
            """
        let partials = ["base": base, "footer": "<footer>\n  {{$foot}}页脚{{/foot}}\n</footer>\n"]
        let out = try Self.agree(
            """
            {{<base}}
            {{$title}}{{name}}{{/title}}
            {{$main}}
                <main>
                  {{#items}}
                  <h2>{{title}}</h2>
                  {{/items}}
                </main>
            {{/main}}
            {{$foot}}子页脚 {{count}}{{/foot}}
            {{/base}}
            """, partials: partials)
        #expect(out.contains("<title>名称</title>"))
        #expect(out.contains("子页脚 0"))
        try Self.agree("{{<base}}{{/base}}", partials: partials)
        // A parent that is itself a child: the outermost filling of a block wins.
        try Self.agree(
            "{{<middle}}\n{{$title}}最外层{{/title}}\n{{/middle}}\n",
            partials: partials.merging(["middle": "{{<base}}\n{{$title}}中间{{/title}}\n{{$main}}中间正文{{/main}}\n{{/base}}\n"]) { a, _ in a })
    }

    @Test func namesAreLookedUpTheStackAndANullStopsThem() throws {
        let out = try Self.agree(
            "{{#inner}}[{{title}}|{{name}}|{{count}}|{{.name}}|{{.count}}]{{/inner}}{{inner.name}}|{{inner.title}}|{{inner.absent}}|{{#items}}{{title}}:{{text}};{{/items}}")
        #expect(out.hasPrefix("[|内层|0|内层|]内层||"))
        // The first entry has no text of its own: its nil stops the lookup of the outer `text`.
        #expect(out.hasSuffix("一:;二 &lt;i&gt;:条目文字;三:三的文字;"))
    }

    @Test func aTextValueInItsOwnSectionIsNamedText() throws {
        // Known quirk: inside {{#url}}, `text` is the url (swift-mustache reflects the value).
        let out = try Self.agree(
            "{{#items}}{{#url}}<a href=\"{{url}}\">{{text}}|{{title}}</a>{{/url}}{{^url}}{{text}}{{/url}};{{/items}}{{#markup}}{{markup}}{{/markup}}{{#title}}{{#text}}{{text}}{{/text}}{{/title}}")
        #expect(out.hasPrefix("<a href=\"/a.html\">/a.html|一</a>;"))
    }

    @Test func truthiness() throws {
        let out = try Self.agree(
            """
            {{#count}}zero:{{.}}{{/count}}{{^count}}no-zero{{/count}}
            {{#empty}}empty:[{{.}}]{{/empty}}{{^empty}}no-empty{{/empty}}
            {{#none}}list{{/none}}{{^none}}no-list{{count}}{{/none}}
            {{#missing}}m{{/missing}}{{^missing}}no-missing{{/missing}}
            {{#absent}}a{{/absent}}{{^absent}}no-absent{{/absent}}
            {{#blank}}b{{/blank}}{{^blank}}no-blank{{/blank}}
            {{#markup}}html{{/markup}}{{^markup}}no-html{{/markup}}
            {{#flag}}f{{/flag}}{{^flag}}no-flag{{/flag}}
            {{#yes}}y{{title}}{{/yes}}{{^yes}}no-yes{{/yes}}
            {{#ratio}}r{{.}}{{/ratio}}
            {{#listing}}{{count}}:{{#items}}{{.}}{{/items}}{{/listing}}{{^nothing}}nothing{{/nothing}}
            {{#inner}}inner{{/inner}}
            """)
        #expect(out.contains("zero:0\n"))
        #expect(out.contains("empty:[]\n"))
        #expect(out.contains("no-list0\n"))
        #expect(out.contains("no-blank\n"))
        #expect(out.contains("2:xy"))
    }

    @Test func positionsInAList() throws {
        let out = try Self.agree(
            "{{#words}}{{.}}{{^last()}}、{{/last()}}{{#first()}}<{{/first()}}{{index()}}{{#even()}}e{{/even()}}{{#odd()}}o{{/odd()}}{{#yes}}{{#last()}}!{{/last()}}{{/yes}}{{/words}}{{^last()}}outside{{/last()}}"
        )
        #expect(out.hasPrefix("甲、<0e乙、1o丙2e!"))
    }

    @Test func partsAreRenderedByTheirOwnTemplates() throws {
        let home = Home(blocks: [
            Part(PartView(heading: "栏目 & 一", words: ["a", "b"]), template: "block"),
            Part(PartView(heading: "二", words: []), template: "block"),
        ])
        let out = try Self.agree(
            "<main>\n  {{#blocks}}\n  {{{.}}}\n  {{/blocks}}\n</main>\n{{title}}\n", partials: ["block": "<h2>{{heading}}</h2>\n<ul>\n{{#words}}\n  <li>{{.}}</li>\n{{/words}}\n</ul>\n"],
            view: home)
        #expect(out.contains("<h2>栏目 &amp; 一</h2>"))
    }

    @Test func aTextContentTypeIsNotEscaped() throws {
        try Self.agree("{{title}}\n{{%CONTENT_TYPE:TEXT}}\n{{title}}\n  {{>list}}\n{{#inner}}{{name}}{{title}}{{/inner}}\n", partials: ["list": "{{title}}\n"])
    }
}
