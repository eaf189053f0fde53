import Foundation

/// Reads the date forms editors write: `2023-03-06`, `2023-3-6`, `2023/3/6`, `2023.3.6`,
/// `2023年3月6日`, `二〇二三年三月六日`, each optionally followed by a time `14:07`. Forms whose
/// order could be read two ways (`6/3/2023`, `23.3.6`) are refused.
public enum DateParser {
    public static func date(_ text: String) -> CalendarDate? {
        guard let value = dateTime(text), value.minuteOfDay == nil else { return nil }
        return value.date
    }

    public static func dateTime(_ text: String) -> DateTime? {
        let separators: Set<Character> = [" ", "\t", "T", "\u{3000}"]
        var parts: [String] = text.split(whereSeparator: { separators.contains($0) }).map { String($0) }
        guard !parts.isEmpty, parts.count <= 2 else { return nil }
        guard let day = calendarDate(parts.removeFirst()) else { return nil }
        guard let time = parts.first else { return DateTime(date: day) }
        let hm = time.split(separator: ":", omittingEmptySubsequences: false)
        guard hm.count == 2 || hm.count == 3, hm.allSatisfy({ $0.utf8.count <= 2 }),
            let hour = Int(hm[0]), let minute = Int(hm[1]),
            (0..<24).contains(hour), (0..<60).contains(minute),
            hm.count == 2 || Int(hm[2]).map({ (0..<60).contains($0) }) == true
        else { return nil }
        return DateTime(date: day, minuteOfDay: hour * 60 + minute)
    }

    private static func calendarDate(_ written: String) -> CalendarDate? {
        let text = arabic(written) ?? written
        var numbers: [Int] = []
        var current = ""
        var separators: [Character] = []
        for character in text {
            if character.isASCII, character.isNumber {
                current.append(character)
            } else {
                // A part longer than a year is no date (and `Int` of 19+ digits overflows).
                guard !current.isEmpty, current.utf8.count <= 4, let number = Int(current) else { return nil }
                numbers.append(number)
                current = ""
                separators.append(character)
            }
        }
        if !current.isEmpty {
            guard current.utf8.count <= 4, let number = Int(current) else { return nil }
            numbers.append(number)
        }
        guard numbers.count == 3 else { return nil }
        let chinese = separators == ["年", "月", "日"]
        let uniform = separators.count == 2 && separators[0] == separators[1] && "-/.".contains(separators[0])
        guard chinese || uniform else { return nil }
        guard String(numbers[0]).count == 4 else { return nil }
        return CalendarDate(year: numbers[0], month: numbers[1], day: numbers[2])
    }

    /// 二〇二三年三月六日 (as documents date themselves) as 2023年3月6日; nil for other text.
    static func arabic(_ text: String) -> String? {
        guard text.contains(where: { $0 == "〇" || ChineseNumeral.characters.contains($0) }),
            let year = text.firstIndex(of: "年"), let month = text.firstIndex(of: "月"), year < month,
            text.hasSuffix("日")
        else { return nil }
        var yearDigits = ""
        for character in text[..<year] {
            if character == "〇" || character == "零" {
                yearDigits.append("0")
                continue
            }
            if character.isASCII && character.isNumber {
                yearDigits.append(character)
                continue
            }
            guard let digit = ChineseNumeral.value(String(character)), digit < 10 else { return nil }
            yearDigits.append(String(digit))
        }
        func number(_ part: Substring) -> Int? { Int(part) ?? ChineseNumeral.value(String(part)) }
        guard let monthValue = number(text[text.index(after: year)..<month]),
            let dayValue = number(text[text.index(after: month)..<text.index(before: text.endIndex)])
        else { return nil }
        return "\(yearDigits)年\(monthValue)月\(dayValue)日"
    }
}
