/// Table 二, 第二十条第（一）项: 规章 and 行政规范性文件 issued, abolished and in force in a year,
/// counted from the documents themselves.
public struct NormativeCounts: Sendable, Equatable {
    public let issued: Int
    public let abolished: Int
    public let inForce: Int

    public init(issued: Int, abolished: Int, inForce: Int) {
        self.issued = issued
        self.abolished = abolished
        self.inForce = inForce
    }

    public enum Kind: String, Sendable, CaseIterable {
        case rule = "规章"
        case normative = "行政规范性文件"

        public func matches(_ document: Document) -> Bool {
            guard let type = document.type else { return false }
            switch self {
            case .rule: return type == "规章"
            case .normative: return type.contains("规范性文件")
            }
        }
    }

    /// - issued: 成文日期 (or 发布日期) in the year;
    /// - abolished: 已废止 or 失效 with 有效期至 in the year;
    /// - in force: issued by the year's end and not abolished or expired by then (已修改 ones
    ///   stay in force in their amended form).
    public init(_ kind: Kind, documents: [Document], year: Int) {
        let end = CalendarDate(year: year, month: 12, day: 31)!
        let matching = documents.filter(kind.matches)
        func issuedOn(_ document: Document) -> CalendarDate { document.written ?? document.published.date }
        func ended(_ document: Document) -> Bool {
            guard let validity = document.validity, validity.hasEnded else { return false }
            return document.validUntil.map { $0 <= end } ?? true
        }
        issued = matching.filter { issuedOn($0).year == year }.count
        abolished = matching.filter { $0.validity?.hasEnded == true && $0.validUntil?.year == year }.count
        inForce = matching.filter { issuedOn($0) <= end && !ended($0) }.count
    }
}
