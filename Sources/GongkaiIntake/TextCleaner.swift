/// Tidies text extracted from web pages and PDFs without changing what it says: removes the
/// spaces PDF extraction puts between Chinese characters and digits (`开福区 2023 年` →
/// `开福区2023年`), turns full-width spaces into spaces, keeps spaces between Latin words.
public enum TextCleaner {
    public static func clean(_ text: String) -> String {
        var output: [Character] = []
        var pendingSpace = false
        for character in text {
            if character == " " || character == "\u{3000}" || character == "\t" || character == "\u{a0}" {
                pendingSpace = !output.isEmpty
                continue
            }
            if pendingSpace, let previous = output.last, !isWide(previous), !isWide(character) {
                output.append(" ")
            }
            pendingSpace = false
            output.append(character)
        }
        return String(output)
    }

    /// Joins a line broken by PDF extraction onto the text before it.
    public static func join(_ head: String, _ tail: String) -> String {
        guard let last = head.last, let first = tail.first else { return head + tail }
        return !isWide(last) && !isWide(first) && last != "(" && first != ")" ? head + " " + tail : head + tail
    }

    /// Text with every kind of whitespace removed, for comparing what lines say.
    public static func squeezed(_ text: String) -> String {
        String(text.filter { !$0.isWhitespace })
    }

    /// A Chinese character (not punctuation).
    static func isHan(_ character: Character) -> Bool {
        guard let scalar = character.unicodeScalars.first else { return false }
        switch scalar.value {
        case 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x2FA1F, 0x3007: return true
        default: return false
        }
    }

    /// Chinese characters and full-width punctuation, around which no space belongs.
    static func isWide(_ character: Character) -> Bool {
        guard let scalar = character.unicodeScalars.first else { return false }
        switch scalar.value {
        case 0x2E80...0x9FFF, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFFEF, 0x20000...0x2FA1F, 0x2018...0x201F, 0x2014, 0x2026:
            return true
        default:
            return false
        }
    }
}
