import Foundation
import GongkaiModel
import GongkaiTestSupport
import Testing

/// 意见征集 pages, the home notice, the 重大行政决策事项目录 links and validity as of the build
/// day, built end to end from small fixtures.
@Suite struct ParticipationPagesTests {
    static func consultation(_ fields: String, body: String = "请就草案提出意见。") -> String {
        "---\n\(fields)\n---\n\(body)\n"
    }

    /// A draft, its 反馈 and three consultations: open, upcoming and ended on 2025-03-15.
    static let files: [String: String] = [
        "zcwj/draft.md": Project.document("标题: 停车办法（征求意见稿）\n发布日期: 2025-01-01"),
        "zcwj/feedback.md": Project.document("标题: 停车办法意见采纳情况\n发布日期: 2025-02-20"),
        "zcwj/final.md": Project.document("标题: 停车办法\n文号: 测试发〔2025〕1号\n发布日期: 2025-03-01"),
        "consultations/ended.md": consultation(
            "标题: 停车办法征求意见\n开始日期: 2025-01-01\n截止日期: 2025-01-31\n征求意见稿: zcwj/draft\n电子邮箱: tc@test.example\n反馈: zcwj/feedback"),
        "consultations/open.md": consultation(
            "标题: 公园开放征求意见\n征集单位: 县园林局\n开始日期: 2025-03-01\n截止日期: 2025-03-31\n附件:\n  - 标题: 公园开放规定（征求意见稿）\n    文件: open-draft.txt\n网上提交: https://hd.test.example/yj\n通信地址: 县园林局"
        ),
        "consultations/open-draft.txt": "草案全文",
        "consultations/later.md": consultation(
            "标题: 公交线路征求意见\n开始日期: 2025-04-01\n截止日期: 2025-05-01\n征求意见稿: zcwj/draft\n电子邮箱: gj@test.example"),
    ]

    @Test func listingPagesHomeNoticeSearchAndLinksBothWays() throws {
        let project = try Project(files: Self.files, asOf: CalendarDate(year: 2025, month: 3, day: 15)!)
        defer { project.remove() }
        let report = try project.build()
        let listing = try project.read("site/consultations/index.html")
        let open = try #require(listing.range(of: "公园开放征求意见"))
        let later = try #require(listing.range(of: "公交线路征求意见"))
        let ended = try #require(listing.range(of: "停车办法征求意见"))
        #expect(open.lowerBound < later.lowerBound && later.lowerBound < ended.lowerBound, "open, then upcoming, then ended")
        #expect(listing.contains("<span class=\"gk-status gk-status--in-progress\">征集中</span>"))
        #expect(listing.contains("<span class=\"gk-status gk-status--not-started\">未开始</span>"))
        #expect(listing.contains("<span class=\"gk-status gk-status--done\">已结束</span>"))

        let openPage = try project.read("site/consultations/open.html")
        #expect(openPage.contains("截止日期为2025年3月31日（含当天，还有17天）"))
        #expect(openPage.contains("<a href=\"https://hd.test.example/yj\">https://hd.test.example/yj</a>"))
        #expect(openPage.contains("<a href=\"/portal/consultations/open-draft.txt\">公园开放规定（征求意见稿）</a>"))
        #expect(project.exists("site/consultations/open-draft.txt"), "the draft attachment is published")
        #expect(openPage.contains("<dt>信函</dt><dd>县园林局</dd>"))
        #expect(try project.read("site/consultations/later.html").contains("<a href=\"mailto:gj@test.example\">gj@test.example</a>"))

        // The consultation links its 反馈 and its draft; both documents link back.
        let endedPage = try project.read("site/consultations/ended.html")
        #expect(endedPage.contains("意见采纳情况：<a href=\"/portal/zcwj/feedback.html\">停车办法意见采纳情况</a>"))
        #expect(endedPage.contains("<a href=\"/portal/zcwj/draft.html\">停车办法（征求意见稿）</a>"))
        #expect(!endedPage.contains("提交意见的方式"), "an ended consultation no longer asks for comments")
        let feedback = try project.read("site/zcwj/feedback.html")
        #expect(feedback.contains("本文件反馈的意见征集：<a href=\"/portal/consultations/ended.html\">停车办法征求意见</a>"))
        let draft = try project.read("site/zcwj/draft.html")
        #expect(draft.contains("本文件的意见征集：<a href=\"/portal/consultations/ended.html\">停车办法征求意见</a>"))
        #expect(draft.contains("本文件的意见征集：<a href=\"/portal/consultations/later.html\">公交线路征求意见</a>"))

        let home = try project.read("site/index.html")
        #expect(home.contains("正在征集意见"))
        #expect(home.contains("<a href=\"/portal/consultations/open.html\">公园开放征求意见</a>（截止日期：2025年3月31日）"))
        #expect(!home.contains("公交线路征求意见"), "only open ones are on the home page")

        let chunks = try project.read("site/search/data/d/0.json")
        #expect(chunks.contains("\"/portal/consultations/open.html\""))
        #expect(chunks.contains("\"意见征集\""), "searchable with its type")
        #expect(try project.read("site/sitemap.xml").contains("https://test.example/portal/consultations/open.html"))
        #expect(report.warnings.allSatisfy { $0.rule != "consultation-without-feedback" })

        // After the open one ends and the upcoming one opens, the home notice and the listing follow.
        let afterwards = try project.build(asOf: CalendarDate(year: 2025, month: 4, day: 2)!)
        let nextHome = try project.read("site/index.html")
        #expect(nextHome.contains("公交线路征求意见") && !nextHome.contains("公园开放征求意见"))
        let moved = try project.read("site/consultations/index.html")
        let first = try #require(moved.range(of: "公交线路征求意见"))
        let park = try #require(moved.range(of: "公园开放征求意见"))
        #expect(first.lowerBound < park.lowerBound)
        #expect(afterwards.warnings.contains { $0.rule == "consultation-too-short" } == false)
        try project.build(asOf: CalendarDate(year: 2025, month: 6, day: 1)!)
        #expect(!(try project.read("site/index.html")).contains("正在征集意见"), "no notice when nothing is open")
    }

    @Test func theMajorDecisionCatalogueLinksItsConsultationAndFinalDocument() throws {
        var files = Self.files
        files["catalogues/decisions.yml"] = """
            类型: 重大行政决策目录
            标题: 测试县重大行政决策事项目录
            责任单位: 测试县政府办
            更新日期: 2025-01-01
            行:
              - 事项名称: 制定停车办法
                承办单位: 县城管局
                决策依据: 有关条例
                履行程序: 公众参与、合法性审查、集体讨论决定
                计划完成时间: 2025年3月
                状态: 已完成
                意见征集: ended
                决策文件: 测试发〔2025〕1号
              - 事项名称: 调整公交线路
                承办单位: 县交通局
                决策依据: 有关条例
                履行程序: 公众参与、集体讨论决定
                计划完成时间: 2025年6月
                状态: 进行中
            """
        let project = try Project(files: files, asOf: CalendarDate(year: 2025, month: 3, day: 15)!)
        defer { project.remove() }
        try project.build()
        let page = try project.read("site/catalogues/decisions.html")
        #expect(page.contains("<a href=\"/portal/consultations/ended.html\">停车办法征求意见（已结束）</a>"))
        #expect(page.contains("<a href=\"/portal/zcwj/final.html\">停车办法</a>"))
        #expect(page.contains("<span class=\"gk-table__label\" aria-hidden=\"true\">意见征集：</span>无"), "a row without one says so")
        #expect(page.contains("<th scope=\"col\">计划完成时间</th>"))
    }

    @Test func referencesToNothingAndBadDatesAreErrorsAtTheirLine() throws {
        var files = Self.files
        files["catalogues/decisions.yml"] = """
            类型: 重大行政决策事项目录
            标题: 目录
            责任单位: 县政府办
            更新日期: 2025-01-01
            行:
              - 事项名称: 某事项
                承办单位: 某局
                决策依据: 某条例
                履行程序: 集体讨论决定
                计划完成时间: 2025年3月
                状态: 进行中
                意见征集: no-such-consultation
            """
        files["consultations/backwards.md"] = Self.consultation("标题: 倒过来的征集\n开始日期: 2025-03-10\n截止日期: 2025-03-01\n电子邮箱: a@test.example\n征求意见稿: zcwj/draft")
        files["consultations/lost.md"] = Self.consultation("标题: 反馈丢了\n开始日期: 2025-01-01\n截止日期: 2025-02-01\n电子邮箱: a@test.example\n征求意见稿: zcwj/draft\n反馈: zcwj/nothing")
        files["consultations/nowhere.md"] = Self.consultation("标题: 没有方式\n开始日期: 2025-01-01\n截止日期: 2025-02-01\n征求意见稿: zcwj/draft")
        files["zcwj/until.md"] = Project.document("标题: 期限倒置\n发布日期: 2025-01-01\n施行日期: 2025-02-01\n有效期至: 2025-01-15")
        let project = try Project(files: files, asOf: CalendarDate(year: 2025, month: 3, day: 15)!)
        defer { project.remove() }
        let result = try project.run(["build", "--as-of", "2025-03-15"])
        #expect(result.status != 0)
        #expect(result.stderr.contains("content/catalogues/decisions.yml:6: 错误：“意见征集”中的“no-such-consultation”找不到对应的意见征集"), "\(result.stderr)")
        #expect(result.stderr.contains("content/consultations/backwards.md:4: 错误：“截止日期”（2025年3月1日）早于“开始日期”（2025年3月10日）"), "\(result.stderr)")
        #expect(result.stderr.contains("content/consultations/lost.md:7: 错误：“反馈”中的“zcwj/nothing”找不到对应的文件"), "\(result.stderr)")
        #expect(result.stderr.contains("content/consultations/nowhere.md:1: 错误：没有写征集方式"), "\(result.stderr)")
        #expect(result.stderr.contains("content/zcwj/until.md:5: 错误：“有效期至”（2025年1月15日）早于“施行日期”（2025年2月1日）"), "\(result.stderr)")
        #expect(!project.exists("site/index.html"), "nothing written")
    }

    @Test func validityOnThePageInTheLibraryAndInSearch() throws {
        let project = try Project(
            files: [
                "zcwj/lapsed.md": Project.document("标题: 暂行办法\n发布日期: 2024-01-01\n有效性: 现行有效\n有效期至: 2025-02-28"),
                "zcwj/coming.md": Project.document("标题: 新办法\n发布日期: 2025-03-01\n有效性: 现行有效\n施行日期: 2025-04-01"),
                "zcwj/current.md": Project.document("标题: 现行办法\n发布日期: 2024-06-01\n有效性: 现行有效\n有效期至: 2027-12-31"),
            ], asOf: CalendarDate(year: 2025, month: 3, day: 15)!)
        defer { project.remove() }
        let report = try project.build()
        let lapsed = try project.read("site/zcwj/lapsed.html")
        #expect(lapsed.contains("本文件已失效，不再执行。有效期至2025年2月28日。"))
        #expect(lapsed.contains("<dt class=\"gk-metadata__label\">有效性</dt><dd class=\"gk-metadata__value\">失效</dd>"))
        let coming = try project.read("site/zcwj/coming.html")
        #expect(coming.contains("尚未施行（自2025年4月1日起施行）"))
        #expect(coming.contains("<dt class=\"gk-metadata__label\">施行日期</dt><dd class=\"gk-metadata__value\">2025年4月1日</dd>"))
        #expect(!(try project.read("site/zcwj/current.html")).contains("gk-notice--warning"))
        let library = try project.read("site/library/index.html")
        #expect(library.contains(">失效</a>") && library.contains(">现行有效</a>"))
        #expect(try project.read("site/zcwj/index.html").contains("<span class=\"gk-badge gk-badge--warning\">失效</span>"))
        #expect(try project.read("site/search/data/d/0.json").contains("\"失效\""))
        #expect(try project.read("site/zcwj/feed.xml").contains("有效性：失效"))
        let warning = try #require(report.warnings.first { $0.rule == "validity-lapsed" })
        #expect(warning.file == "content/zcwj/lapsed.md" && warning.line == 4)
        #expect(warning.message.contains("请把“有效性”改为“失效”"))

        // On the last day of 有效期至 it is still in force; from 施行日期 the notice goes.
        try project.build(asOf: CalendarDate(year: 2025, month: 2, day: 28)!)
        #expect(!(try project.read("site/zcwj/lapsed.html")).contains("本文件已失效"))
        try project.build(asOf: CalendarDate(year: 2025, month: 4, day: 1)!)
        #expect(!(try project.read("site/zcwj/coming.html")).contains("尚未施行"))
    }
}
