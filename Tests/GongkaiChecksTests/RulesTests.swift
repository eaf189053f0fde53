import GongkaiModel
import GongkaiPublish
import Testing

@testable import GongkaiChecks

/// Each rule on a small site: one fixture that must trigger it, one that must not.
@Suite struct RulesTests {
    static let day = CalendarDate(year: 2024, month: 1, day: 1)!

    static func column(_ path: String, _ title: String, _ update: UpdateClass, line: Int = 5, children: [String] = []) -> Column {
        Column(
            path: path, title: title, description: nil, updateClass: update, onHome: false, parentPath: nil,
            childPaths: children, line: line)
    }

    static func document(
        _ id: String, published: String, type: String? = nil, validity: Validity? = nil, body: String = "正文",
        interpretedBy: [String] = [], interprets: [String] = [], allows: Bool = false, title: String = "标题",
        validUntil: String? = nil
    ) -> Document {
        var document = Document(
            id: id, file: "content/\(id).md", columnPath: String(id.split(separator: "/").dropLast().joined(separator: "/")),
            slug: String(id.split(separator: "/").last!), title: title, indexNumber: "x/\(id)", indexNumberGenerated: false,
            issuer: nil, docNumber: nil, written: nil, published: DateParser.dateTime(published)!, topic: nil, type: type,
            validity: validity, validUntil: validUntil.flatMap(DateParser.date), disclosure: .proactive, interprets: interprets,
            interpretedBy: interpretedBy, replaces: [], replacedBy: [], plans: [], attachments: [], tags: [], extra: [],
            body: body, bodyLine: 6, fieldLines: ["title": 2, "type": 4, "validity": 5])
        document.allowsPersonalData = allows
        return document
    }

    /// The 【待完善】 marker is found in a title or on its body line, and nowhere else: not in
    /// part, not across lines, not in a document without it.
    @Test func placeholdersAreFoundByTheirBytes() {
        let marker = Placeholders.marker
        let found = Placeholders.check(documents: [
            Self.document("zcwj/a", published: "2023-01-01", title: "指南\(marker)"),
            Self.document("zcwj/b", published: "2023-01-01", body: "第一行\n第二行\n改写\(marker)后删去"),
            Self.document("zcwj/c", published: "2023-01-01", body: "【待完\n善】 【待完善 待完善】"),
            Self.document("zcwj/d", published: "2023-01-01", body: ""),
        ])
        #expect(found.map(\.file) == ["content/zcwj/a.md", "content/zcwj/b.md"])
        #expect(found.map(\.line) == [2, 8])
        #expect(Placeholders.contains("abc", "") && Placeholders.contains("x【待完善】", marker) && !Placeholders.contains("", marker))
        #expect(Placeholders.contains("ab\nc".split(separator: "\n")[1], "c") && !Placeholders.contains("ab", "abc"))
    }

    static func run(_ documents: [Document], columns: [Column]? = nil, plans: [Plan] = [], reports: [AnnualReport] = []) -> CheckReport {
        let identity = SiteIdentity(
            name: "测试", baseURL: "https://t.example/", language: "zh-CN", host: "测试", operatorName: nil,
            siteCode: "4300000000", icp: nil, policeRecord: nil, indexPrefix: "x", phone: nil, address: nil,
            email: nil, pageSize: 20)
        let site = Site(
            identity: identity, columns: columns ?? [column("zcwj", "政策文件", .policies), column("zcjd", "政策解读", .irregular, line: 9)],
            documents: documents, plans: plans, reports: reports)
        return Checker.run(PublishedSite(site: site, rule: PublicationRule(asOf: day)), configFile: "content/site.yml")
    }

    static func rules(_ report: CheckReport) -> [String] { report.diagnostics.compactMap(\.rule) }

    @Test func personalDataIsNotCheckedFieldByFieldAnyMore() {
        // The build scans what reaches the output instead (PersonalDataScanner, HostileInputTests).
        let report = Self.run([Self.document("zcwj/a", published: "2023-12-20", body: "联系电话13812345678", title: "关于11010519491231002X的公示")])
        #expect(!Self.rules(report).contains("personal-data"))
    }

    @Test func unsafeMarkupIsAnError() {
        let markup = Self.run([Self.document("zcwj/a", published: "2023-12-20", body: "<a href=\"javascript:void(0)\">点此</a>")])
        #expect(markup.diagnostics.filter { $0.rule == "unsafe-markup" }.count == 1)
        #expect(!Self.rules(Self.run([Self.document("zcwj/a", published: "2023-12-20", body: "[政府网站](https://www.gov.cn/)")])).contains("unsafe-markup"))
    }

    @Test func normativeDocumentsNeedAValidity() {
        #expect(Self.rules(Self.run([Self.document("zcwj/a", published: "2023-12-20", type: "行政规范性文件")])).contains("normative-without-validity"))
        #expect(!Self.rules(Self.run([Self.document("zcwj/a", published: "2023-12-20", type: "行政规范性文件", validity: .current)])).contains("normative-without-validity"))
    }

    @Test func policiesNeedAPublishedInterpretation() {
        let lonely = Self.run([Self.document("zcwj/a", published: "2023-12-20", type: "行政规范性文件", validity: .current)])
        #expect(Self.rules(lonely).contains("policy-without-interpretation"))
        let paired = Self.run([
            Self.document("zcwj/a", published: "2023-12-20", type: "行政规范性文件", validity: .current, interpretedBy: ["zcjd/b"]),
            Self.document("zcjd/b", published: "2023-12-20", type: "政策解读", interprets: ["zcwj/a"]),
        ])
        #expect(!Self.rules(paired).contains("policy-without-interpretation"))
        #expect(
            !Self.rules(Self.run([Self.document("zcwj/a", published: "2023-12-20", type: "行政规范性文件", validity: .repealed, validUntil: "2023-06-30")]))
                .contains("policy-without-interpretation"), "an abolished policy needs no new interpretation")
    }

    @Test func staleAndBlankColumnsAndTheHomePage() {
        let columns = [
            Self.column("gzdt", "工作动态", .news, line: 3), Self.column("tzgg", "通知公告", .notices, line: 7),
            Self.column("ghjh", "规划计划", .planning, line: 11), Self.column("gkzd", "公开制度", .irregular, line: 15),
        ]
        let report = Self.run(
            [
                Self.document("gzdt/a", published: "2023-12-01"), Self.document("tzgg/a", published: "2023-05-01"),
                Self.document("ghjh/a", published: "2023-05-01"),
            ], columns: columns)
        let stale = report.diagnostics.filter { $0.rule == "stale-column" }
        #expect(stale.map(\.line) == [3, 7], "动态 after 31 days and 通知 after 245 days; 规划计划 has a year")
        #expect(report.diagnostics.first { $0.rule == "blank-column" }?.line == 15)
        #expect(report.diagnostics.contains { $0.rule == "home-not-updated" }, "latest 2023-12-01 is 31 days before the check")
        let fresh = Self.run(
            [
                Self.document("gzdt/a", published: "2023-12-25"), Self.document("tzgg/a", published: "2023-10-01"),
                Self.document("ghjh/a", published: "2023-05-01"), Self.document("gkzd/a", published: "2020-01-01"),
            ], columns: columns)
        #expect(fresh.diagnostics.filter { ["stale-column", "blank-column", "home-not-updated"].contains($0.rule ?? "") }.isEmpty)
        #expect(fresh.inspection.vetoRisks.isEmpty)
        #expect(fresh.inspection.summary.last == "  单项否决风险：未发现")
    }

    @Test func fiveStaleOrBlankColumnsAreASingleVetoRisk() {
        let columns = (1...5).map { Self.column("c\($0)", "栏目\($0)", .notices, line: $0) } + [Self.column("news", "要闻", .news, line: 9)]
        let stale = Self.run((1...5).map { Self.document("c\($0)/a", published: "2023-01-01") } + [Self.document("news/a", published: "2023-12-30")], columns: columns)
        #expect(stale.inspection.vetoRisks.count == 1)
        #expect(stale.inspection.summary.last?.contains("单项否决风险：有") == true)
        let blank = Self.run([Self.document("news/a", published: "2023-12-30")], columns: columns)
        #expect(blank.inspection.blank.count == 5)
        #expect(blank.inspection.vetoRisks.first?.contains("空白栏目有 5 个") == true)
        let four = Self.run(
            (1...4).map { Self.document("c\($0)/a", published: "2023-01-01") }
                + [Self.document("c5/a", published: "2023-12-30"), Self.document("news/a", published: "2023-12-30")], columns: columns)
        #expect(four.inspection.vetoRisks.isEmpty, "four stale columns are not yet a veto")
    }

    @Test func overduePlanItemsAreWarnings() {
        let due = PlanItem(
            number: 1, numberText: "（一）", title: "任务甲", body: "内容", assignment: nil, leads: [], partners: [], responsible: [],
            deadlines: [Deadline(text: "6月底前", date: CalendarDate(year: 2023, month: 6, day: 30)!)], targets: [],
            implements: nil, progress: [], line: 12)
        var done = due
        done.number = 2
        done.line = 20
        done.progress = [ProgressEntry(date: CalendarDate(year: 2023, month: 6, day: 1)!, status: .done, note: "", evidence: nil)]
        let plan = Plan(
            id: "p-2023-zwgk", file: "content/plans/p-2023-zwgk.yml", title: "要点", year: 2023, issuer: nil, region: "某县",
            level: .county, kind: .disclosure, notice: nil, parent: nil, preamble: "",
            sections: [PlanSection(number: 1, numberText: "一", title: "部分", items: [due, done])])
        let overdue = Self.run([], plans: [plan]).diagnostics.filter { $0.rule == "plan-overdue" }
        #expect(overdue.map(\.line) == [12])
        #expect(overdue.first?.message.contains("2023年6月30日") == true)
    }
}
