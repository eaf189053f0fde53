import GongkaiModel
import Testing

@testable import GongkaiChecks

@Suite struct ReportArithmeticTests {
    /// A table 三 that balances: new 5 + carried 1 = handled 5 + carried over 1, for 自然人 only.
    static func balanced() -> [String: ReportRow] {
        var rows: [String: ReportRow] = [:]
        for (index, row) in ApplicationTable.rows.enumerated() {
            rows[row.key] = ReportRow(values: Array(repeating: 0, count: 7), line: 10 + index)
        }
        func set(_ key: String, _ natural: Int) {
            rows[key] = ReportRow(values: [natural, 0, 0, 0, 0, 0, natural], line: rows[key]!.line)
        }
        set("本年新收", 5)
        set("上年结转", 1)
        set("予以公开", 3)
        set("属于国家秘密", 1)
        set("其他", 1)
        set("总计", 5)
        set("结转下年度", 1)
        return rows
    }

    static func report(_ applications: [String: ReportRow], reviews: [String: ReportRow] = [:]) -> AnnualReport {
        AnnualReport(
            year: 2023, file: "content/reports/2023.yml", title: "年报", issuer: nil,
            published: DateTime(date: CalendarDate(year: 2024, month: 1, day: 20)!), overview: [:], problems: "", otherMatters: "",
            decisions: [:], applications: applications, reviews: reviews)
    }

    @Test func acceptsATableThatBalances() {
        #expect(ReportArithmetic.check(Self.report(Self.balanced())).isEmpty)
    }

    @Test func namesARowWhoseTotalIsNotTheSumOfItsColumns() {
        var rows = Self.balanced()
        rows["予以公开"] = ReportRow(values: [3, 1, 0, 0, 0, 0, 3], line: rows["予以公开"]!.line)
        let errors = ReportArithmetic.check(Self.report(rows))
        #expect(errors.contains { $0.line == 12 && $0.message.contains("“（一）予以公开”行的“总计”列应为 4") })
    }

    @Test func namesTheTotalCellThatIsNotTheSumOfTheResults() {
        var rows = Self.balanced()
        rows["总计"] = ReportRow(values: [4, 0, 0, 0, 0, 0, 4], line: rows["总计"]!.line)
        let errors = ReportArithmetic.check(Self.report(rows))
        #expect(errors.contains { $0.message.contains("“（七）总计”行的“自然人”列应为 5") })
        #expect(errors.contains { $0.message.contains("“自然人”列不平衡") }, "一 + 二 = 6 but 三（七）+ 四 = 5")
        #expect(errors.allSatisfy { $0.severity == .error && $0.file == "content/reports/2023.yml" })
    }

    @Test func checksTableFourTotals() {
        let reviews = ["行政复议": ReportRow(values: [1, 1, 0, 0, 1], line: 40)]
        let errors = ReportArithmetic.check(Self.report(Self.balanced(), reviews: reviews))
        #expect(errors.map(\.line) == [40])
        #expect(errors.first?.message.contains("“行政复议”的“总计”应为 2") == true)
    }
}

@Suite struct NormativeCountsTests {
    func document(_ type: String, written: String, validity: Validity?, until: String? = nil) -> Document {
        RulesTests.document("zcwj/\(written)", published: written, type: type, validity: validity, validUntil: until)
            .with(written: DateParser.date(written))
    }

    @Test func countsIssuedAbolishedAndInForceInTheYear() {
        let documents = [
            document("行政规范性文件", written: "2023-04-10", validity: .current),
            document("行政规范性文件", written: "2023-08-01", validity: .amended),
            document("行政规范性文件", written: "2019-05-20", validity: .repealed, until: "2023-06-30"),
            document("行政规范性文件", written: "2020-01-01", validity: .current),
            document("行政规范性文件", written: "2024-02-01", validity: .current),
            document("规章", written: "2021-03-01", validity: .expired, until: "2024-03-01"),
            document("通知", written: "2023-01-01", validity: .current),
        ]
        #expect(NormativeCounts(.normative, documents: documents, year: 2023) == NormativeCounts(issued: 2, abolished: 1, inForce: 3))
        #expect(
            NormativeCounts(.rule, documents: documents, year: 2023) == NormativeCounts(issued: 0, abolished: 0, inForce: 1),
            "a 规章 that expires in 2024 was still in force at the end of 2023")
    }
}

extension Document {
    func with(written: CalendarDate?) -> Document {
        var copy = self
        copy.written = written
        return copy
    }
}
