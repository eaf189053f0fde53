/// The character rules that the index builder and the browser client (templates/assets/search.js)
/// share. Both sides normalise text one character at a time, then cut it into CJK runs and
/// runs of letters and digits; only the word boundaries inside a CJK run come from a word
/// segmenter (ICU here, `Intl.Segmenter` in the browser). Change one side, change the other.
public enum SearchText {
    /// Single characters that are too common to be worth a term of their own. They still count
    /// inside bigrams (目的, 和谐); a query made of one of them alone is ignored.
    public static let stopCharacters = "的了和与及等在是对为于或并之其也把被将就都而"

    static let stopSet = Set(stopCharacters.unicodeScalars)

    /// Full-width ASCII to ASCII, the ideographic space to a space, A–Z to a–z.
    @inline(__always)
    public static func normalize(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        var value = scalar.value
        if value >= 0xFF01 && value <= 0xFF5E { value -= 0xFEE0 } else if value == 0x3000 { value = 0x20 }
        if value >= 0x41 && value <= 0x5A { value += 0x20 }
        return Unicode.Scalar(value) ?? scalar
    }

    /// Han ideographs (and 〇): the characters that are segmented into words and bigrams.
    @inline(__always)
    public static func isCJK(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        return (value >= 0x4E00 && value <= 0x9FFF) || (value >= 0x3400 && value <= 0x4DBF)
            || (value >= 0xF900 && value <= 0xFAFF) || (value >= 0x20000 && value <= 0x3134F) || value == 0x3007
    }

    /// Letters and digits outside the CJK ranges (`\p{L}` and `\p{N}` in JavaScript).
    @inline(__always)
    public static func isAlphanumeric(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.value < 0x80 {
            let value = scalar.value
            return (value >= 0x30 && value <= 0x39) || (value >= 0x61 && value <= 0x7A) || (value >= 0x41 && value <= 0x5A)
        }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
            .decimalNumber, .letterNumber, .otherNumber:
            return true
        default:
            return false
        }
    }

    /// Longest letter-or-digit token that is indexed; longer ones are codes or garbage.
    static let maximumTokenLength = 32

    /// A letter-or-digit token as terms: a run of 5 to 8 digits that starts with 19 or 20 is a
    /// year run together with a number (文号 typed without brackets, 湘政办发202311号), and is
    /// cut after the year, so that it meets the 2023 and 11 of 湘政办发〔2023〕11号.
    public static func tokenTerms(_ token: String) -> [String] {
        let scalars = Array(token.unicodeScalars)
        if scalars.count >= 5 && scalars.count <= 8, scalars.allSatisfy({ $0.value >= 0x30 && $0.value <= 0x39 }),
            token.hasPrefix("19") || token.hasPrefix("20")
        {
            return [String(token.prefix(4)), String(token.dropFirst(4))]
        }
        return scalars.count <= maximumTokenLength ? [token] : []
    }
}
