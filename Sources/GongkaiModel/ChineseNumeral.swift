/// Chinese numerals as plans number their sections and items: 一 … 九十九.
public enum ChineseNumeral {
    static let digits: [Character: Int] = ["零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9]

    public static func value(_ text: String) -> Int? {
        let characters = Array(text)
        guard !characters.isEmpty, characters.count <= 3 else { return nil }
        if let ten = characters.firstIndex(of: "十") {
            let tens = ten == 0 ? 1 : (characters.count > 0 && ten == 1 ? digits[characters[0]] : nil)
            guard let tens else { return nil }
            let rest = characters[(ten + 1)...]
            guard rest.count <= 1 else { return nil }
            let ones = rest.first.map { digits[$0] } ?? 0
            guard let ones else { return nil }
            return tens * 10 + ones
        }
        guard characters.count == 1, let value = digits[characters[0]], value > 0 else { return nil }
        return value
    }

    public static func text(_ value: Int) -> String {
        let names = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九"]
        guard value > 0, value < 100 else { return String(value) }
        if value < 10 { return names[value] }
        return (value / 10 == 1 ? "" : names[value / 10]) + "十" + names[value % 10]
    }

    public static let characters = Set("零一二三四五六七八九十两")
}
