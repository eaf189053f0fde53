import GongkaiModel
import GongkaiPublish
import Testing

@testable import GongkaiChecks

/// 意见征集 rules (30 days, 反馈 within 30 days of the end) and validity as of the build day.
@Suite struct ParticipationRulesTests {
    static func date(_ text: String) -> CalendarDate { DateParser.date(text)! }

    static func consultation(start: String, end: String, feedback: String? = nil) -> Consultation {
        Consultation(
            id: "consultations/c", file: "content/consultations/c.md", slug: "c", title: "停车办法征求意见", issuer: nil, published: nil,
            start: date(start), end: date(end), draft: nil, attachments: [], email: "c@d.example", letter: nil, online: nil, phone: nil,
            feedback: feedback, body: "说明", bodyLine: 9, fieldLines: ["end": 5, "feedback": 6])
    }

    static func run(_ documents: [Document], consultations: [Consultation] = [], asOf: String) -> (CheckReport, PublishedSite) {
        let identity = SiteIdentity(
            name: "测试", baseURL: "https://t.example/", language: "zh-CN", host: "测试", operatorName: nil,
            siteCode: "4300000000", icp: nil, policeRecord: nil, indexPrefix: "x", phone: nil, address: nil,
            email: nil, pageSize: 20)
        var site = Site(
            identity: identity, columns: [RulesTests.column("zcwj", "政策文件", .irregular)], documents: documents)
        site.consultations = consultations
        let published = PublishedSite(site: site, rule: PublicationRule(asOf: date(asOf)))
        return (Checker.run(published, configFile: "content/site.yml"), published)
    }

    static func rules(_ report: CheckReport) -> [String] { report.diagnostics.compactMap(\.rule) }

    @Test func aPeriodShorterThan30DaysIsAWarningCitingTheRegulation() {
        let (short, _) = Self.run([], consultations: [Self.consultation(start: "2025-03-01", end: "2025-03-29")], asOf: "2025-03-10")
        let warning = short.diagnostics.first { $0.rule == "consultation-too-short" }
        #expect(warning?.severity == .warning)
        #expect(warning?.line == 5)
        #expect(warning?.message.contains("29 天") == true)
        #expect(warning?.message.contains("《重大行政决策程序暂行条例》第十五条") == true)
        let (enough, _) = Self.run([], consultations: [Self.consultation(start: "2025-03-01", end: "2025-03-30")], asOf: "2025-03-10")
        #expect(!Self.rules(enough).contains("consultation-too-short"), "1 to 30 March is 30 days")
    }

    @Test func endedMoreThan30DaysWithoutFeedbackIsAWarning() {
        let ended = Self.consultation(start: "2025-03-01", end: "2025-03-31")
        #expect(!Self.rules(Self.run([], consultations: [ended], asOf: "2025-04-30").0).contains("consultation-without-feedback"), "30 days after the end")
        let late = Self.run([], consultations: [ended], asOf: "2025-05-01").0
        #expect(Self.rules(late).contains("consultation-without-feedback"), "31 days after the end")
        #expect(late.diagnostics.first { $0.rule == "consultation-without-feedback" }?.line == 6)
        let feedback = RulesTests.document("zcwj/feedback", published: "2025-04-20")
        let answered = Self.consultation(start: "2025-03-01", end: "2025-03-31", feedback: "zcwj/feedback")
        #expect(!Self.rules(Self.run([feedback], consultations: [answered], asOf: "2025-06-01").0).contains("consultation-without-feedback"))
        // A 反馈 not published yet does not count.
        let future = RulesTests.document("zcwj/feedback", published: "2025-07-01")
        #expect(Self.rules(Self.run([future], consultations: [answered], asOf: "2025-06-01").0).contains("consultation-without-feedback"))
    }

    @Test func theBookListsOpenThenUpcomingThenEndedAndLinksBothWays() {
        var open = Self.consultation(start: "2025-03-01", end: "2025-03-31")
        open.id = "consultations/open"
        var upcoming = Self.consultation(start: "2025-04-01", end: "2025-05-01")
        upcoming.id = "consultations/upcoming"
        var ended = Self.consultation(start: "2025-01-01", end: "2025-02-01", feedback: "zcwj/feedback")
        ended.id = "consultations/ended"
        let feedback = RulesTests.document("zcwj/feedback", published: "2025-02-20")
        let (_, published) = Self.run([feedback], consultations: [ended, upcoming, open], asOf: "2025-03-15")
        let book = published.consultationBook
        #expect(book.consultations.map(\.id) == ["consultations/open", "consultations/upcoming", "consultations/ended"])
        #expect(book.open.map(\.id) == ["consultations/open"])
        #expect(book.consultations(withFeedback: "zcwj/feedback").map(\.id) == ["consultations/ended"])
        // 发布日期 after the build day holds a consultation back.
        var later = upcoming
        later.published = Self.date("2025-03-20")
        let (_, held) = Self.run([], consultations: [later], asOf: "2025-03-15")
        #expect(held.consultationBook.consultations.isEmpty && held.consultationBook.withheld.count == 1)
    }

    @Test func validityIsDerivedOnTheBuildDay() {
        var lapsing = RulesTests.document("zcwj/a", published: "2024-01-01", validity: .current, validUntil: "2025-03-31")
        lapsing.effective = Self.date("2024-02-01")
        let onLastDay = ValidityDerivation.derive(lapsing, asOf: Self.date("2025-03-31"))
        #expect(onLastDay.validity == .current && !onLastDay.validityLapsed, "有效期至 is the last day in force")
        let after = ValidityDerivation.derive(lapsing, asOf: Self.date("2025-04-01"))
        #expect(after.validity == .expired && after.validityLapsed)
        let before = ValidityDerivation.derive(lapsing, asOf: Self.date("2024-01-31"))
        #expect(before.notYetInForce, "the day before 施行日期")
        #expect(!ValidityDerivation.derive(lapsing, asOf: Self.date("2024-02-01")).notYetInForce, "in force from 施行日期")
        let repealed = RulesTests.document("zcwj/b", published: "2024-01-01", validity: .repealed, validUntil: "2024-06-30")
        #expect(!ValidityDerivation.derive(repealed, asOf: Self.date("2025-01-01")).validityLapsed, "only 现行有效 lapses")
        // The derive stage applies it to the site, so that the library and search see 失效.
        let (report, published) = Self.run([lapsing], asOf: "2025-04-01")
        #expect(published.documents.first?.validity == .expired)
        #expect(published.site.document("zcwj/a")?.validity == .expired)
        #expect(SearchData.metadataRecord(published.documents[0], routes: published.routes).validity == "失效")
        #expect(published.facets.groups[.validity]?.map(\.value) == ["失效"])
        let warning = report.diagnostics.first { $0.rule == "validity-lapsed" }
        #expect(warning?.file == "content/zcwj/a.md" && warning?.line == 5)
        #expect(!Self.rules(Self.run([lapsing], asOf: "2025-03-31").0).contains("validity-lapsed"))
    }

    @Test func amendedOrRepealedWithoutAReplacementIsAWarning() {
        let alone = RulesTests.document("zcwj/old", published: "2023-01-01", validity: .repealed, validUntil: "2024-06-30")
        #expect(Self.rules(Self.run([alone], asOf: "2025-01-01").0).contains("ended-without-replacement"))
        var replaced = alone
        replaced.replacedBy = ["zcwj/new"]
        var newer = RulesTests.document("zcwj/new", published: "2024-06-01", validity: .current)
        newer.replaces = ["zcwj/old"]
        #expect(!Self.rules(Self.run([replaced, newer], asOf: "2025-01-01").0).contains("ended-without-replacement"))
        let amended = RulesTests.document("zcwj/amended", published: "2023-01-01", validity: .amended)
        #expect(Self.rules(Self.run([amended], asOf: "2025-01-01").0).contains("ended-without-replacement"))
        let current = RulesTests.document("zcwj/current", published: "2023-01-01", validity: .current)
        #expect(!Self.rules(Self.run([current], asOf: "2025-01-01").0).contains("ended-without-replacement"))
    }
}
