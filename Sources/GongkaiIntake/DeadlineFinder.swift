import Foundation
import GongkaiModel

/// Finds the deadlines an item states (6月底前, 年底前, 2022年底前, 到2022年底, 第二季度, 年内,
/// 上半年) and resolves each to a day of the plan's year (or of the year it names).
public enum DeadlineFinder {
    private static let patterns: [(NSRegularExpression, @Sendable (NSTextCheckingResult, NSString, Int) -> CalendarDate?)] = [
        (
            regex("(?:到)?(\\d{4})年底前?"),
            { match, text, _ in
                Int(text.substring(with: match.range(at: 1))).flatMap { CalendarDate(year: $0, month: 12, day: 31) }
            }
        ),
        (
            regex("(\\d{1,2}|[一二三四五六七八九十]{1,2})月(?:底|末)前?"),
            { match, text, year in
                let raw = text.substring(with: match.range(at: 1))
                guard let month = Int(raw) ?? ChineseNumeral.value(raw), (1...12).contains(month) else { return nil }
                return CalendarDate(year: year, month: month, day: CalendarDate.daysIn(month: month, year: year))
            }
        ),
        (
            regex("(\\d{1,2}|[一二三四五六七八九十]{1,2})月份?前"),
            { match, text, year in
                // "6月份前": before June begins.
                let raw = text.substring(with: match.range(at: 1))
                guard let month = Int(raw) ?? ChineseNumeral.value(raw), (1...12).contains(month) else { return nil }
                return CalendarDate(year: year, month: month, day: 1)?.adding(days: -1)
            }
        ),
        (
            regex("第([一二三四])季度"),
            { match, text, year in
                guard let quarter = ChineseNumeral.value(text.substring(with: match.range(at: 1))) else { return nil }
                let month = quarter * 3
                return CalendarDate(year: year, month: month, day: CalendarDate.daysIn(month: month, year: year))
            }
        ),
        (regex("上半年"), { _, _, year in CalendarDate(year: year, month: 6, day: 30) }),
        (regex("(?<!\\d)年(?:底前|底|内)|下半年"), { _, _, year in CalendarDate(year: year, month: 12, day: 31) }),
    ]

    static func regex(_ pattern: String) -> NSRegularExpression {
        try! NSRegularExpression(pattern: pattern)
    }

    public static func deadlines(in text: String, year: Int) -> [Deadline] {
        let ns = text as NSString
        var found: [(location: Int, deadline: Deadline)] = []
        var covered = IndexSet()
        for (expression, resolve) in patterns {
            for match in expression.matches(in: text, range: NSRange(location: 0, length: ns.length)) {
                let range = match.range
                guard !covered.intersects(integersIn: range.location..<range.location + range.length),
                    let date = resolve(match, ns, year)
                else { continue }
                covered.insert(integersIn: range.location..<range.location + range.length)
                found.append((range.location, Deadline(text: ns.substring(with: range), date: date)))
            }
        }
        var seen = Set<String>()
        return found.sorted { $0.location < $1.location }.map(\.deadline).filter { seen.insert($0.text).inserted }
    }
}
