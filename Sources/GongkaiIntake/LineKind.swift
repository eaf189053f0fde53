import Foundation
import GongkaiModel

/// What a line of a pasted notice is, judged from the line alone.
enum LineKind: Equatable {
    /// Page furniture copied with the text: 当前位置, 作者, 访问量, 扫一扫…, 相关解读.
    case furniture
    /// `发布时间:2023-03-23 14:07` or `时间:2022-05-20`.
    case publishedAt(DateTime)
    case documentNumber(String)
    /// 2023年3月6日, 2022 年 5 月 12 日, 2022519.
    case date(CalendarDate, ambiguous: Bool)
    /// (此件主动公开)
    case disclosureMark
    /// 一、深化重点领域信息公开
    case section(number: Int, text: String, title: String)
    /// （一）… or (一)…
    case item(number: Int, text: String, rest: String)
    /// 1. 1、 1．…
    case arabic(number: Int, text: String, rest: String)
    /// （1）… or (1)…
    case parenArabic(number: Int, text: String, rest: String)
    /// 附件1, 附件：
    case attachmentMark
    case text

    /// The numbering level of a numbered line: 1 for 一、, 2 for （一）, 3 for 1., 4 for （1）.
    var level: Int? {
        switch self {
        case .section: 1
        case .item: 2
        case .arabic: 3
        case .parenArabic: 4
        default: nil
        }
    }

    var numbered: (number: Int, text: String, rest: String)? {
        switch self {
        case .section(let number, let text, let title): (number, text, title)
        case .item(let number, let text, let rest), .arabic(let number, let text, let rest), .parenArabic(let number, let text, let rest):
            (number, text, rest)
        default: nil
        }
    }

    static func classify(_ line: String) -> LineKind {
        if let furniture = furnitureKind(line) { return furniture }
        if let number = documentNumber(line), number == line { return .documentNumber(number) }
        if let date = date(line) { return date }
        if line.hasPrefix("(此件") || line.hasPrefix("（此件") { return .disclosureMark }
        if let section = section(line) { return section }
        if let item = item(line) { return item }
        if let numbered = arabic(line) { return numbered }
        if line.hasPrefix("附件"), line.count <= 6 || line.dropFirst(2).allSatisfy({ $0.isNumber || ":：".contains($0) || $0 == " " }) {
            return .attachmentMark
        }
        return .text
    }

    static func furnitureKind(_ line: String) -> LineKind? {
        let informative = line.utf8.count <= 300 && Self.informationStarts.contains { line.hasPrefix($0) }
        for prefix in Self.timeLabels where informative && (line.hasPrefix(prefix) || line.contains(prefix)) {
            let rest = line[line.range(of: prefix)!.upperBound...]
            let value = rest.components(separatedBy: "信息来源").first ?? String(rest)
            if let moment = DateParser.dateTime(TextCleaner.clean(value).replacingOccurrences(of: "-", with: "-")) {
                return .publishedAt(moment)
            }
            if let match = value.firstMatch(of: /\d{4}[-年\/.]\d{1,2}[-月\/.]\d{1,2}日?(?:\s*\d{1,2}:\d{2}(?::\d{2})?)?/),
                let moment = DateParser.dateTime(String(match.0)) ?? DateParser.date(String(match.0)).map({ DateTime(date: $0) })
            {
                return .publishedAt(moment)
            }
            let parts = value.split(separator: " ")
            if let first = parts.first, let day = DateParser.dateTime(String(first)) { return .publishedAt(day) }
        }
        if line.utf8.count > 300 { return nil }
        let prefixes = [
            "当前位置", "您当前的位置", "您的位置", "作者:", "作者：", "访问量", "字号:", "字号：", "扫一扫", "来源:", "来源：", "信息来源",
            "打印本页", "关闭窗口", "浏览次数", "阅读次数", "点击数", "点击量", "责任编辑", "分享到", "【打印", "【关闭", "[打印", "【字体",
            "-->", "<!--", "首页 >", "首页>", "首页 ›",
        ]
        if prefixes.contains(where: { line.hasPrefix($0) }) || line == "相关解读" || line == "作者" || line == "字号" {
            return .furniture
        }
        if line.hasSuffix("附件下载") || line.hasSuffix("-->")
            || (line.count <= 60 && line.contains(".") && line.lowercased().range(of: "\\.(pdf|docx?|wps|xlsx?|ofd|zip|rar)$", options: .regularExpression) != nil)
        {
            return .furniture
        }
        // A line made only of page controls: 微信 微博 QQ空间, 全真版 文字版, 【大 中 小】
        if line.count <= 40 {
            var rest = TextCleaner.squeezed(line)
            for control in controls where rest.contains(control) { rest = rest.replacingOccurrences(of: control, with: "") }
            if rest.isEmpty { return .furniture }
        }
        return nil
    }

    static let informationStarts = ["发布时间", "时间", "来源", "信息来源", "发布机构", "作者", "发布日期"]
    static let timeLabels = ["发布时间:", "发布时间：", "发布日期:", "发布日期：", "时间:", "时间："]

    /// Page controls a line may be made of: 微信 微博 QQ空间, 全真版 文字版, 【大 中 小】 (longest first).
    static let controls = [
        "视力保护色", "QQ空间", "qq空间", "全真版", "文字版", "返回顶部", "我要纠错", "上一篇", "下一篇", "无障碍",
        "微信", "微博", "打印", "关闭", "收藏", "分享", "字体", "字号", "默认", "繁体", "简体",
        "大", "中", "小", "【", "】", "[", "]", "|", "：", ":",
    ]

    static let documentNumberPattern = try! NSRegularExpression(pattern: "[\\p{Han}]{1,12}[〔\\[［(（]\\d{4}[〕\\]］)）]\\d{1,4}号")

    static func documentNumber(_ line: String) -> String? {
        guard line.contains("号") else { return nil }
        let ns = line as NSString
        guard let match = documentNumberPattern.firstMatch(in: line, range: NSRange(location: 0, length: ns.length)) else { return nil }
        return ns.substring(with: match.range)
    }

    static func date(_ line: String) -> LineKind? {
        // A date line is short: 2023年3月6日, 二〇二三年三月六日, 2022519.
        guard line.utf8.count <= 64 else { return nil }
        let squeezed = TextCleaner.squeezed(line)
        if let date = DateParser.date(squeezed), squeezed.hasSuffix("日") { return .date(date, ambiguous: false) }
        if let date = chineseDate(squeezed) { return .date(date, ambiguous: false) }
        guard squeezed.count == 7 || squeezed.count == 8, squeezed.allSatisfy({ $0.isASCII && $0.isNumber }),
            let year = Int(squeezed.prefix(4)), (1990...2100).contains(year)
        else { return nil }
        let rest = Array(squeezed.dropFirst(4)).map { Int(String($0))! }
        var readings: [CalendarDate] = []
        if rest.count == 4, let date = CalendarDate(year: year, month: rest[0] * 10 + rest[1], day: rest[2] * 10 + rest[3]) {
            readings.append(date)
        }
        if rest.count == 3 {
            if let date = CalendarDate(year: year, month: rest[0], day: rest[1] * 10 + rest[2]) { readings.append(date) }
            if let date = CalendarDate(year: year, month: rest[0] * 10 + rest[1], day: rest[2]) { readings.append(date) }
        }
        guard let first = readings.first else { return nil }
        return .date(first, ambiguous: true)
    }

    /// 二〇二三年三月六日, as signatures write it.
    static func chineseDate(_ text: String) -> CalendarDate? {
        guard text.count >= 8, text.count <= 12, text.last == "日" else { return nil }
        let characters = Array(text)
        guard characters[4] == "年", let monthEnd = characters.firstIndex(of: "月"), monthEnd > 5 else { return nil }
        var year = 0
        for character in characters[0..<4] {
            guard let digit = yearDigits[character] else { return nil }
            year = year * 10 + digit
        }
        let month = String(characters[5..<monthEnd])
        let day = String(characters[(monthEnd + 1)..<(characters.count - 1)])
        guard (1...2).contains(month.count), (1...3).contains(day.count),
            let m = ChineseNumeral.value(month), let d = ChineseNumeral.value(day)
        else { return nil }
        return CalendarDate(year: year, month: m, day: d)
    }

    static let yearDigits: [Character: Int] = ["〇": 0, "○": 0, "零": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9]

    static func isPlanTitle(_ line: String) -> Bool {
        line.hasSuffix("工作要点") && line.count <= 40 && !line.hasPrefix("《") && !line.contains("关于") && !line.contains("印发")
    }

    static func section(_ line: String) -> LineKind? {
        guard let mark = line.firstIndex(of: "、"), mark > line.startIndex,
            line[..<mark].allSatisfy(ChineseNumeral.characters.contains),
            let number = ChineseNumeral.value(String(line[..<mark]))
        else { return nil }
        return .section(
            number: number, text: String(line[..<line.index(after: mark)]),
            title: TextCleaner.clean(String(line[line.index(after: mark)...])))
    }

    /// `1.`, `1、`, `1．` before text that is not a number (1.5亿 is not numbering); `（1）`, `(1)`.
    static func arabic(_ line: String) -> LineKind? {
        var characters = Array(line.prefix(12))
        if let open = characters.first, "（(".contains(open) {
            characters.removeFirst()
            let digits = characters.prefix { $0.isASCII && $0.isNumber }
            guard (1...3).contains(digits.count), digits.count < characters.count, "）)".contains(characters[digits.count]),
                let number = Int(String(digits))
            else { return nil }
            let text = "\(open)\(String(digits))\(characters[digits.count])"
            return .parenArabic(number: number, text: text, rest: TextCleaner.clean(String(line.dropFirst(text.count))))
        }
        let digits = characters.prefix { $0.isASCII && $0.isNumber }
        guard (1...3).contains(digits.count), digits.count + 1 < characters.count, ".．、".contains(characters[digits.count]),
            !characters[digits.count + 1].isNumber, let number = Int(String(digits))
        else { return nil }
        let text = String(characters[0...digits.count])
        return .arabic(number: number, text: text, rest: TextCleaner.clean(String(line.dropFirst(text.count))))
    }

    /// `（一）`, `(一)`, `(六) `, `[一]`, `【一】` at the start of a line.
    static func item(_ line: String) -> LineKind? {
        guard let open = line.first, "（([【".contains(open) else { return nil }
        var index = line.index(after: line.startIndex)
        var digits = ""
        while index < line.endIndex, line[index] == " " { index = line.index(after: index) }
        while index < line.endIndex, ChineseNumeral.characters.contains(line[index]) {
            digits.append(line[index])
            index = line.index(after: index)
        }
        while index < line.endIndex, line[index] == " " { index = line.index(after: index) }
        guard index < line.endIndex, "）)]】".contains(line[index]), let number = ChineseNumeral.value(digits) else { return nil }
        let text = "\(open)\(digits)\(line[index])"
        let rest = TextCleaner.clean(String(line[line.index(after: index)...]))
        return .item(number: number, text: text, rest: rest)
    }
}
