import GongkaiModel

/// Personal data that must not reach a public page (个人信息保护): 居民身份证号码 with a valid
/// check digit and birth date, mainland mobile numbers, bank card numbers that pass the Luhn
/// check. Masked numbers (138****5678) and numbers inside longer runs of letters and digits are
/// not matches. Scans UTF-8 bytes: it runs over every public text of every build.
public enum PersonalData {
    public enum Kind: String, Sendable {
        case idNumber = "居民身份证号码"
        case mobile = "手机号码"
        case bankCard = "银行卡号"
    }

    public struct Finding: Sendable, Equatable {
        public let kind: Kind
        public let text: String
        /// 0-based line within the scanned text.
        public let line: Int
    }

    public static func find(in text: String) -> [Finding] {
        var findings: [Finding] = []
        let bytes = Array(text.utf8)
        var line = 0
        var index = 0
        func isDigit(_ byte: UInt8) -> Bool { byte >= 48 && byte <= 57 }
        func isWord(_ byte: UInt8) -> Bool { isDigit(byte) || (byte | 0x20 >= 97 && byte | 0x20 <= 122) }
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 10 { line += 1 }
            guard isDigit(byte), index == 0 || !isWord(bytes[index - 1]) else {
                index += 1
                continue
            }
            var end = index
            while end < bytes.count, isDigit(bytes[end]) { end += 1 }
            if end < bytes.count, bytes[end] | 0x20 == UInt8(ascii: "x"), end - index == 17 { end += 1 }
            defer { index = end }
            guard end == bytes.count || !isWord(bytes[end]) else {
                while end < bytes.count, isWord(bytes[end]) { end += 1 }
                continue
            }
            let run = String(decoding: bytes[index..<end], as: UTF8.self)
            if run.count == 18, isIDNumber(run) {
                findings.append(Finding(kind: .idNumber, text: run, line: line))
            } else if run.count == 11, isMobile(run) {
                findings.append(Finding(kind: .mobile, text: run, line: line))
            } else if (16...19).contains(run.count), run.utf8.allSatisfy(isDigit), passesLuhn(run) {
                findings.append(Finding(kind: .bankCard, text: run, line: line))
            }
        }
        return findings
    }

    /// GB 11643: 17 digits, then a check character from ISO 7064 MOD 11-2; the birth date
    /// (digits 7–14) must be a real day.
    public static func isIDNumber(_ text: String) -> Bool {
        let characters = Array(text.uppercased())
        guard characters.count == 18, characters[0..<17].allSatisfy({ $0.isASCII && $0.isNumber }),
            (characters[17].isASCII && characters[17].isNumber) || characters[17] == "X"
        else { return false }
        let digits = characters[0..<17].compactMap(\.wholeNumberValue)
        guard digits.count == 17 else { return false }
        let weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
        let sum = zip(digits, weights).reduce(0) { $0 + $1.0 * $1.1 }
        let check = Array("10X98765432")[sum % 11]
        guard check == characters[17] else { return false }
        let year = digits[6...9].reduce(0) { $0 * 10 + $1 }
        let month = digits[10] * 10 + digits[11]
        let day = digits[12] * 10 + digits[13]
        return (1900...2100).contains(year) && CalendarDate(year: year, month: month, day: day) != nil
    }

    /// 11 digits starting 13–19, the mainland mobile ranges.
    public static func isMobile(_ text: String) -> Bool {
        let characters = Array(text)
        return characters.count == 11 && characters.allSatisfy(\.isNumber) && characters[0] == "1"
            && "3456789".contains(characters[1])
    }

    public static func passesLuhn(_ text: String) -> Bool {
        var sum = 0
        for (index, character) in text.reversed().enumerated() {
            guard var digit = character.wholeNumberValue else { return false }
            if index % 2 == 1 {
                digit *= 2
                if digit > 9 { digit -= 9 }
            }
            sum += digit
        }
        return sum % 10 == 0
    }

    /// The number as shown in a message: enough to find it, not enough to copy it.
    public static func masked(_ text: String) -> String {
        guard text.count > 7 else { return text }
        return String(text.prefix(3)) + String(repeating: "*", count: text.count - 7) + String(text.suffix(4))
    }
}
