/// Half-width punctuation between Chinese characters (`政务公开,政务服务`, `刑法修正案(十一)`)
/// is what reviewers flag as 标点不规范: the importer writes the full-width mark and counts
/// each change for the report.
public struct PunctuationFix: Sendable {
    public private(set) var changes = 0

    public init() {}

    static let pairs: [Character: Character] = [",": "，", ";": "；", ":": "：", "(": "（", ")": "）", "?": "？", "!": "！"]

    public mutating func fix(_ text: String) -> String {
        guard text.contains(where: { Self.pairs[$0] != nil }) else { return text }
        var characters = Array(text)
        // Brackets first, as pairs: the group is Chinese when it holds a Chinese character.
        var opens: [Int] = []
        for index in characters.indices {
            let character = characters[index]
            if character == "(" || character == "（" { opens.append(index) }
            if character == ")" || character == "）", let open = opens.popLast() {
                let inner = characters[(open + 1)..<index]
                let chinese = inner.contains(where: TextCleaner.isHan) || characters[open] == "（" || character == "）"
                guard chinese else { continue }
                if characters[open] == "(" {
                    characters[open] = "（"
                    changes += 1
                }
                if characters[index] == ")" {
                    characters[index] = "）"
                    changes += 1
                }
            }
        }
        for index in characters.indices where ",;:?!".contains(characters[index]) {
            let before = previous(characters, index)
            let after = next(characters, index)
            guard let before, TextCleaner.isWide(before), !before.isNumber else { continue }
            if let after, !TextCleaner.isWide(after) { continue }
            if after == nil, characters[index] == "," { continue }
            characters[index] = Self.pairs[characters[index]]!
            changes += 1
        }
        return String(characters)
    }

    private func previous(_ characters: [Character], _ index: Int) -> Character? {
        var position = index - 1
        while position >= 0, characters[position] == " " { position -= 1 }
        return position >= 0 ? characters[position] : nil
    }

    private func next(_ characters: [Character], _ index: Int) -> Character? {
        var position = index + 1
        while position < characters.count, characters[position] == " " { position += 1 }
        return position < characters.count ? characters[position] : nil
    }
}
