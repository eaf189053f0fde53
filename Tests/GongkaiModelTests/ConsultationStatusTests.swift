import GongkaiModel
import Testing

/// 意见征集 status on the days before, on and after each of its boundaries.
@Suite struct ConsultationStatusTests {
    static func day(_ month: Int, _ day: Int) -> CalendarDate { CalendarDate(year: 2025, month: month, day: day)! }

    static let consultation = Consultation(
        id: "consultations/a", file: "content/consultations/a.md", slug: "a", title: "某办法征求意见", issuer: nil, published: nil,
        start: day(3, 1), end: day(3, 31), draft: nil, attachments: [], email: "a@b.example", letter: nil, online: nil, phone: nil,
        feedback: nil, body: "说明", bodyLine: 8, fieldLines: [:])

    @Test func statusAtEachBoundary() {
        let c = Self.consultation
        #expect(c.status(asOf: Self.day(2, 28)) == .upcoming)
        #expect(c.status(asOf: Self.day(3, 1)) == .open, "the first day is open")
        #expect(c.status(asOf: Self.day(3, 31)) == .open, "the last day is open")
        #expect(c.status(asOf: Self.day(4, 1)) == .ended)
        #expect(ConsultationStatus.open.rawValue == "征集中")
        #expect(ConsultationStatus.upcoming.rawValue == "未开始")
        #expect(ConsultationStatus.ended.rawValue == "已结束")
    }

    @Test func daysCountBothEnds() {
        #expect(Self.consultation.days == 31)
        var one = Self.consultation
        one.end = one.start
        #expect(one.days == 1)
    }
}
