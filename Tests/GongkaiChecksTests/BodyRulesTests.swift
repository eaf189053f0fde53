import GongkaiModel
import GongkaiPublish
import Testing

@testable import GongkaiChecks

/// 第四十九条 deadlines and the 指南's contacts, for each 公开主体.
@Suite struct BodyRulesTests {
    static let identity = SiteIdentity(
        name: "样例门户", baseURL: "https://test.example/", language: "zh-CN", host: "样例单位", operatorName: nil, siteCode: "4300000000",
        icp: nil, policeRecord: nil, indexPrefix: "000", phone: nil, address: nil, email: nil, pageSize: 20)

    static func body(_ slug: String, _ kind: DisclosingBody.Kind, line: Int, phone: String? = "0000-7654321", channels: Bool = true) -> DisclosingBody {
        DisclosingBody(
            slug: slug, name: "样例\(slug)", shortName: nil, kind: kind, code: "code-\(slug)", address: "样例路\(line)号", phone: phone,
            hours: nil, channels: channels ? .init(post: "样例路\(line)号") : .init(), ownColumn: nil, line: line)
    }

    static func report(_ body: String, year: Int, published: CalendarDate) -> AnnualReport {
        var report = AnnualReport(
            year: year, file: "content/bodies/\(body)/reports/\(year).yml", title: "年报", issuer: nil, published: DateTime(date: published),
            overview: [:], problems: "", otherMatters: "", decisions: [:], applications: [:], reviews: [:])
        report.body = body
        return report
    }

    static func column(_ path: String, _ title: String, parent: String?) -> Column {
        Column(path: path, title: title, description: nil, updateClass: .irregular, onHome: false, parentPath: parent, childPaths: [], line: 1)
    }

    static func published(
        _ bodies: [DisclosingBody], reports: [AnnualReport] = [], documents: [Document] = [], asOf: CalendarDate, guide: Bool = false
    ) -> PublishedSite {
        var columns = [column("xxgk", "政府信息公开", parent: nil)]
        for body in bodies {
            columns.append(column(body.folder, body.name, parent: "bodies"))
            if guide { columns.append(column(body.folder + "/gkzn", "政府信息公开指南", parent: body.folder)) }
        }
        var site = Site(identity: identity, columns: columns, documents: documents, reports: reports)
        site.bodies = bodies
        return PublishedSite(site: site, rule: PublicationRule(asOf: asOf))
    }

    static func day(_ year: Int, _ month: Int, _ day: Int) -> CalendarDate { CalendarDate(year: year, month: month, day: day)! }

    static func deadlineWarnings(_ derived: PublishedSite) -> [Diagnostic] {
        BodyRules.check(derived, configFile: "content/site.yml").filter { $0.rule == "report-deadline" }
    }

    @Test func aDepartmentHasUntilTheEndOfJanuary() {
        let department = Self.body("jtj", .department, line: 12)
        #expect(Self.deadlineWarnings(Self.published([department], asOf: Self.day(2025, 1, 31))).isEmpty, "on the deadline: not late yet")
        let late = Self.deadlineWarnings(Self.published([department], asOf: Self.day(2025, 2, 1)))
        #expect(late.count == 1)
        #expect(late.first?.file == "content/site.yml" && late.first?.line == 12)
        #expect(late.first?.message.contains("2024年政府信息公开工作年度报告") == true)
        #expect(late.first?.message.contains("第四十九条") == true)
        #expect(late.first?.message.contains("content/bodies/jtj/reports/2024.yml") == true)
    }

    @Test func aTownshipReportsLikeADepartment() {
        let township = Self.body("xiang", .township, line: 20)
        #expect(Self.deadlineWarnings(Self.published([township], asOf: Self.day(2025, 1, 31))).isEmpty)
        #expect(Self.deadlineWarnings(Self.published([township], asOf: Self.day(2025, 2, 1))).count == 1)
    }

    @Test func theGovernmentHasUntilTheEndOfMarch() {
        let government = Self.body("gov", .government, line: 5)
        #expect(Self.deadlineWarnings(Self.published([government], asOf: Self.day(2025, 2, 1))).isEmpty)
        #expect(Self.deadlineWarnings(Self.published([government], asOf: Self.day(2025, 3, 31))).isEmpty)
        let late = Self.deadlineWarnings(Self.published([government], asOf: Self.day(2025, 4, 1)))
        #expect(late.count == 1)
        #expect(late.first?.message.contains("3月31日前公布本级政府上一年度") == true)
    }

    @Test func aPublishedReportSatisfiesTheDeadline() {
        let department = Self.body("jtj", .department, line: 12)
        let report = Self.report("jtj", year: 2024, published: Self.day(2025, 1, 20))
        #expect(Self.deadlineWarnings(Self.published([department], reports: [report], asOf: Self.day(2025, 6, 1))).isEmpty)
    }

    @Test func aReportDatedAfterTheBuildDayIsNotYetOut() {
        let department = Self.body("jtj", .department, line: 12)
        let report = Self.report("jtj", year: 2024, published: Self.day(2025, 7, 1))
        #expect(Self.deadlineWarnings(Self.published([department], reports: [report], asOf: Self.day(2025, 6, 1))).count == 1)
    }

    @Test func anOlderReportDoesNotCountForLastYear() {
        let department = Self.body("jtj", .department, line: 12)
        let report = Self.report("jtj", year: 2023, published: Self.day(2024, 1, 20))
        #expect(Self.deadlineWarnings(Self.published([department], reports: [report], asOf: Self.day(2025, 6, 1))).count == 1)
    }

    @Test func aGuideWithoutThePhoneOrChannelsIsNamed() {
        let bare = Self.body("jtj", .department, line: 12, phone: nil, channels: false)
        let warnings = BodyRules.guideContacts(bare, derived: Self.published([bare], asOf: Self.day(2024, 6, 1), guide: true), configFile: "content/site.yml")
        #expect(warnings.count == 1)
        #expect(warnings.first?.line == 12)
        #expect(warnings.first?.message.contains("指南缺少联系电话、依申请公开渠道") == true)
        #expect(warnings.first?.message.contains("缺少办公地址") == false, "the address is given")
    }

    @Test func aBodyWithEverythingOrWithoutAGuideColumnPasses() {
        let full = Self.body("jtj", .department, line: 12)
        #expect(BodyRules.guideContacts(full, derived: Self.published([full], asOf: Self.day(2024, 6, 1), guide: true), configFile: "s").isEmpty)
        let bare = Self.body("jtj", .department, line: 12, phone: nil, channels: false)
        #expect(BodyRules.guideContacts(bare, derived: Self.published([bare], asOf: Self.day(2024, 6, 1)), configFile: "s").isEmpty)
    }

    @Test func aGuideWhoseTextLeavesOutThePhoneIsNamed() {
        let body = Self.body("jtj", .department, line: 12)
        func guide(_ text: String) -> Document {
            RulesTests.document("bodies/jtj/gkzn/guide", published: "2024-01-05", body: text)
        }
        let without = BodyRules.guideContacts(
            body, derived: Self.published([body], documents: [guide("地址：样例路12号。")], asOf: Self.day(2024, 6, 1), guide: true), configFile: "s")
        #expect(without.map(\.file) == ["content/bodies/jtj/gkzn/guide.md"])
        #expect(without.first?.message.contains("联系电话“0000-7654321”") == true)
        let with = BodyRules.guideContacts(
            body, derived: Self.published([body], documents: [guide("地址：样例路12号，电话 0000-7654321。")], asOf: Self.day(2024, 6, 1), guide: true),
            configFile: "s")
        #expect(with.isEmpty)
    }
}
