import GongkaiModel
import Testing

@Suite struct CalendarDateTests {
    @Test func rejectsDaysThatDoNotExist() {
        #expect(CalendarDate(year: 2023, month: 2, day: 29) == nil)
        #expect(CalendarDate(year: 2024, month: 2, day: 29) != nil)
        #expect(CalendarDate(year: 2023, month: 4, day: 31) == nil)
        #expect(CalendarDate(year: 2023, month: 13, day: 1) == nil)
    }

    @Test func formatsTheWaysPagesShowDates() {
        let date = CalendarDate(year: 2023, month: 3, day: 6)!
        #expect(date.iso == "2023-03-06")
        #expect(date.chinese == "2023年3月6日")
        let time = DateTime(date: date, minuteOfDay: 14 * 60 + 7)
        #expect(time.minutePrecision == "2023-03-06 14:07")
        #expect(time.rfc3339 == "2023-03-06T14:07:00+08:00")
    }

    @Test func addsDaysAcrossMonthsAndYears() {
        let date = CalendarDate(year: 2023, month: 12, day: 25)!
        #expect(date.adding(days: 10) == CalendarDate(year: 2024, month: 1, day: 4))
        #expect(date.adding(days: -25) == CalendarDate(year: 2023, month: 11, day: 30))
        #expect(CalendarDate(year: 2024, month: 3, day: 1)!.ordinal - CalendarDate(year: 2024, month: 2, day: 1)!.ordinal == 29)
    }
}

@Suite struct DateParserTests {
    @Test(arguments: ["2023-03-06", "2023-3-6", "2023/3/6", "2023.03.06", "2023年3月6日"])
    func readsEveryFormEditorsWrite(_ text: String) {
        #expect(DateParser.date(text) == CalendarDate(year: 2023, month: 3, day: 6))
    }

    @Test(arguments: ["2023-02-30", "2023-3", "06/03/2023", "2023-03/06", "明天", "", "2023年3月6", "23-03-06"])
    func rejectsWhatIsNotADate(_ text: String) {
        #expect(DateParser.date(text) == nil)
    }

    @Test func readsATimeOfDay() {
        let value = DateParser.dateTime("2023-03-23 14:07")
        #expect(value?.date == CalendarDate(year: 2023, month: 3, day: 23))
        #expect(value?.minuteOfDay == 14 * 60 + 7)
        #expect(DateParser.dateTime("2023-03-23 25:00") == nil)
        #expect(DateParser.date("2023-03-23 14:07") == nil, "a date field does not take a time")
    }
}

@Suite struct PublicationRuleTests {
    func document(disclosure: Disclosure, published: String) -> Document {
        Document(
            id: "a/b", file: "content/a/b.md", columnPath: "a", slug: "b", title: "t",
            indexNumber: "x", indexNumberGenerated: false, issuer: nil, docNumber: nil, written: nil,
            published: DateParser.dateTime(published)!, topic: nil, type: nil, validity: nil,
            validUntil: nil, disclosure: disclosure, interprets: [], interpretedBy: [], replaces: [],
            replacedBy: [], plans: [], attachments: [], tags: [], extra: [], body: "", bodyLine: 3,
            fieldLines: [:])
    }

    @Test func publishesOnlyProactiveDocumentsWhoseDayHasCome() {
        let rule = PublicationRule(asOf: CalendarDate(year: 2023, month: 6, day: 1)!)
        #expect(rule.isPublished(document(disclosure: .proactive, published: "2023-06-01")))
        #expect(!rule.isPublished(document(disclosure: .proactive, published: "2023-06-02")))
        #expect(!rule.isPublished(document(disclosure: .onRequest, published: "2023-01-01")))
        #expect(!rule.isPublished(document(disclosure: .withheld, published: "2023-01-01")))
        #expect(rule.reasonWithheld(document(disclosure: .onRequest, published: "2023-01-01"))?.contains("依申请公开") == true)
    }
}

@Suite struct DiagnosticTests {
    @Test func printsFileLineAndSeverityLikeACompiler() {
        let diagnostic = Diagnostic.error("content/a.md", line: 3, "缺少标题")
        #expect(diagnostic.description == "content/a.md:3: 错误：缺少标题")
        #expect(Diagnostic.warning(nil, "x").description == "警告：x")
    }

    @Test func ordersByFileThenLine() {
        let ordered = Diagnostic.ordered([.error("b", line: 1, "x"), .warning("a", line: 9, "y"), .error("a", line: 2, "z")])
        #expect(ordered.map { "\($0.file!):\($0.line!)" } == ["a:2", "a:9", "b:1"])
    }
}

@Suite struct HostileDateTests {
    @Test(arguments: [
        "99999999999999999999-01-01", "2023-99999999999999999999-01", "2023-01-99999999999999999999",
        "2023-06-01 99999999999999999999:00", "2023-06-01 14:99999999999999999999", "20230-01-01", "2023年99999999999999999999月1日",
    ])
    func refusesOverlongNumbersWithoutCrashing(_ text: String) {
        #expect(DateParser.dateTime(text) == nil)
    }
}
