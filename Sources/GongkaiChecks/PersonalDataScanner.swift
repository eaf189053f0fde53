/// Finds personal data (居民身份证号码, 手机号码, 银行卡号, as `PersonalData` defines them) in text
/// *as a reader sees it*, whatever the text is: a rendered page, a feed, the search index, a
/// CSV download, an attachment, or a content source file (to find where a number came from).
///
/// Before matching, the text is read the way a browser or a reader would show it:
/// - character references are decoded (`&#49;`, `&#x31;`, `&amp;`, `&nbsp;`) in HTML and XML,
///   `\uXXXX` escapes in JSON;
/// - NFKC folding of what matters here: full-width and other decimal digits (`１３８`, `𝟏`)
///   become ASCII digits, full-width letters become ASCII letters;
/// - invisible characters (zero-width space and joiners, soft hyphen, BOM, bidi marks) are removed;
/// - formatting between digits is removed: inline tags (`<b>`, `<span>`, `<!-- … -->`) in HTML,
///   `*`, `_`, `~`, `` ` `` and comments in Markdown;
/// - digit groups separated by up to three spaces, dashes or dots (`138-1234-5678`,
///   `138 1234 5678`) are read together.
/// Attribute values (`href`, `content`, `alt`…, percent-decoded) are scanned too, so a number
/// in a URL is found. Block boundaries (`</td><td>`, `<p>`) separate numbers.
public enum PersonalDataScanner {
    public enum Format: Sendable {
        /// HTML or XML (pages, feeds, sitemaps).
        case markup
        /// JSON (the search index).
        case json
        /// Markdown or YAML as an editor wrote it (content files).
        case source
        /// Plain text (CSV, text attachments, paths).
        case text
        /// The XML inside Word, Excel and PowerPoint files: a paragraph's text is split over
        /// runs (`<w:r><w:t>138</w:t></w:r><w:r><w:t>1234…`), so only paragraph, cell and
        /// row tags separate text.
        case officeXML
    }

    public struct Hit: Sendable, Hashable {
        public let kind: PersonalData.Kind
        /// The number as the reader sees it, in ASCII digits (and X).
        public let number: String
        /// 1-based line in the scanned text.
        public let line: Int
    }

    /// The format a file is scanned in, by its name.
    public static func format(ofFile name: String) -> Format {
        let lowered = name.lowercased()
        if lowered.hasSuffix(".html") || lowered.hasSuffix(".htm") || lowered.hasSuffix(".xml") || lowered.hasSuffix(".svg") { return .markup }
        if lowered.hasSuffix(".json") { return .json }
        if lowered.hasSuffix(".md") || lowered.hasSuffix(".yml") || lowered.hasSuffix(".yaml") { return .source }
        return .text
    }

    public static func scan(_ text: String, format: Format) -> [Hit] {
        var reader = Reader(format: format)
        reader.read(Array(text.utf8))
        var hits = Matcher.find(reader.out, lines: reader.lineOfByte, separatorsIncludeNewline: format == .markup)
        for segment in reader.attributes {
            var inner = Reader(format: .text)
            inner.read(segment.bytes)
            hits += Matcher.find(inner.out, lines: inner.lineOfByte, separatorsIncludeNewline: true).map {
                Hit(kind: $0.kind, number: $0.number, line: segment.line)
            }
        }
        return hits
    }

    // MARK: Reading as a reader sees it

    /// Bytes of the normalised text: ASCII letters and digits, `space` and `-` as separators,
    /// `\n`, `boundary` (block edges) and `other` (any other character).
    static let boundary: UInt8 = 1
    static let other: UInt8 = 2

    static let inlineTags: Set<String> = [
        "a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "del", "dfn", "em", "font", "i",
        "ins", "kbd", "mark", "q", "s", "samp", "small", "span", "strike", "strong", "sub",
        "sup", "time", "u", "var", "wbr", "tt", "big", "nobr",
    ]

    /// What `Reader.tag` looks for in the bytes of a tag, by byte: 0 for most (letters,
    /// `/`, spaces), so they are passed over with one look.
    enum TagByte {
        /// An ASCII digit, `&` (a reference), `%` (an encoded byte) or the first byte of a
        /// multi-byte character that is no CJK one (E3–E9: no decimal digit lies in U+3000–U+9FFF).
        static let mayBeDigit: UInt8 = 1
        static let quote: UInt8 = 2
        /// `>`, `=` and the newline.
        static let syntax: UInt8 = 4
    }

    static let tagByte: [UInt8] = (0..<256).map { value in
        let byte = UInt8(value)
        var kind: UInt8 = 0
        if (byte >= 48 && byte <= 57) || byte == UInt8(ascii: "&") || byte == UInt8(ascii: "%") || (byte >= 0xC0 && (byte < 0xE3 || byte > 0xE9)) {
            kind |= TagByte.mayBeDigit
        }
        if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") { kind |= TagByte.quote }
        if byte == UInt8(ascii: ">") || byte == UInt8(ascii: "=") || byte == 10 { kind |= TagByte.syntax }
        return kind
    }

    /// What an ASCII byte reads as in every format (`Reader.ascii`), or `notPlain` for the
    /// bytes some format reads otherwise: the newline, `<`, `&`, the backslash and Markdown's `*_~` and `` ` ``.
    static let plainByte: [UInt8] = (0..<128).map { value in
        let byte = UInt8(value)
        return [10, UInt8(ascii: "<"), UInt8(ascii: "&"), UInt8(ascii: "\\"), UInt8(ascii: "*"), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "`")]
            .contains(byte) ? notPlain : Reader.ascii(byte)
    }
    static let notPlain: UInt8 = 0xFF

    /// The fewest digits a number `Matcher` finds is made of (a mobile number's eleven).
    static let fewestDigits = 11

    /// The inline tag names, lowercased and packed a byte each into a number (none is longer
    /// than eight letters): a page's hundreds of tags are looked up without making a string.
    static let inlineTagKeys = Set(inlineTags.compactMap { packed(Array($0.utf8)[...]) })

    /// Letters and digits packed a byte each, letters lowercased; nil for more than eight.
    static func packed(_ name: ArraySlice<UInt8>) -> UInt64? {
        guard name.count <= 8 else { return nil }
        var key: UInt64 = 0
        for byte in name { key = key << 8 | UInt64(byte | 0x20) }
        return key
    }

    /// Whether a tag name (ASCII letters and digits, any case) is an inline tag.
    static func isInlineTag(_ name: ArraySlice<UInt8>) -> Bool {
        packed(name).map(inlineTagKeys.contains) ?? false
    }

    /// Office XML tags that end a piece of text: paragraphs, table cells and rows, breaks,
    /// tabs, spreadsheet cells and shared strings, slides' paragraphs.
    static let officeBoundaries: Set<String> = ["p", "tc", "tr", "br", "cr", "tab", "c", "row", "si", "v", "h", "sp", "txbody", "table-cell", "table-row", "line-break"]

    struct Reader {
        let format: Format
        /// The normalised text, once `read` has run.
        private(set) var out: [UInt8] = []
        /// Line of each byte of `out` is found by counting: the out offsets where lines start.
        var lineOfByte: [Int] = [0]
        var attributes: [(bytes: [UInt8], line: Int)] = []
        var line = 1
        /// Where `read` writes `out`: no byte read makes more than one byte of it, so `out`
        /// is made once at the size of the input and filled without growing or copying.
        private var sink: UnsafeMutablePointer<UInt8>?
        private var capacity = 0
        private var written = 0

        init(format: Format) { self.format = format }

        mutating func put(_ byte: UInt8) {
            assert(written < capacity, "the normalised text outgrew its input")
            sink.unsafelyUnwrapped[written] = byte
            written += 1
        }

        mutating func newline() {
            line += 1
            put(10)
            lineOfByte.append(written)
        }

        mutating func read(_ bytes: [UInt8]) {
            let read = [UInt8](unsafeUninitializedCapacity: bytes.count + 1) { buffer, initialized in
                (sink, capacity, written) = (buffer.baseAddress, buffer.count, 0)
                readInto(bytes)
                initialized = written
                (sink, capacity) = (nil, 0)
            }
            out = read
        }

        private mutating func readInto(_ bytes: [UInt8]) {
            let plainByte = PersonalDataScanner.plainByte
            var index = 0
            let count = bytes.count
            while index < count {
                let byte = bytes[index]
                if byte < 0x80 {
                    let plain = plainByte[Int(byte)]
                    if plain != PersonalDataScanner.notPlain {
                        put(plain)
                        index += 1
                        continue
                    }
                    switch byte {
                    case 10:
                        newline()
                        index += 1
                    case UInt8(ascii: "<") where format == .markup || format == .source || format == .officeXML:
                        index = tag(bytes, at: index)
                    case UInt8(ascii: "&") where format == .markup || format == .source || format == .officeXML:
                        if let (scalar, next) = Self.entity(bytes, at: index) {
                            emit(scalar)
                            index = next
                        } else {
                            put(PersonalDataScanner.other)
                            index += 1
                        }
                    case UInt8(ascii: "\\") where format == .json:
                        if index + 5 < count, bytes[index + 1] == UInt8(ascii: "u"),
                            let value = Self.hex(bytes[(index + 2)...(index + 5)]), let scalar = Unicode.Scalar(value)
                        {
                            emit(scalar)
                            index += 6
                        } else if index + 1 < count, bytes[index + 1] == UInt8(ascii: "n") {
                            put(32)
                            index += 2
                        } else {
                            put(PersonalDataScanner.other)
                            index += 2
                        }
                    case UInt8(ascii: "*"), UInt8(ascii: "_"), UInt8(ascii: "~"),
                        UInt8(ascii: "`") where format == .source:
                        index += 1
                    default:
                        put(Self.ascii(byte))
                        index += 1
                    }
                    continue
                }
                // Most of a page: a CJK character from U+4000 to U+9FFF, which separates numbers
                // (what `emit` makes of it; also of a broken sequence with this first byte).
                if byte >= 0xE4 && byte <= 0xE9 {
                    put(PersonalDataScanner.other)
                    index += 3
                    continue
                }
                // A multi-byte UTF-8 sequence (the input is valid UTF-8: it came from a String).
                let length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2
                var value = UInt32(byte) & (length == 4 ? 0x07 : length == 3 ? 0x0F : 0x1F)
                var offset = 1
                while offset < length, index + offset < count {
                    value = value << 6 | UInt32(bytes[index + offset] & 0x3F)
                    offset += 1
                }
                index += length
                if let scalar = Unicode.Scalar(value) { emit(scalar) } else { put(PersonalDataScanner.other) }
            }
        }

        static func ascii(_ byte: UInt8) -> UInt8 {
            switch byte {
            case 48...57, 65...90, 97...122: return byte
            case 32, 9, 13: return 32
            case UInt8(ascii: "-"), UInt8(ascii: "."): return UInt8(ascii: "-")
            default: return other
            }
        }

        /// One decoded character, folded as NFKC would for digits, letters and spaces.
        mutating func emit(_ scalar: Unicode.Scalar) {
            let value = scalar.value
            if value < 0x80 {
                if value == 10 { newline() } else { put(Self.ascii(UInt8(value))) }
                return
            }
            switch value {
            case 0x4E00...0x9FFF, 0x3400...0x4DBF, 0x3001...0x303F:
                put(PersonalDataScanner.other)
            case 0xFF10...0xFF19:
                put(UInt8(value - 0xFF10) + 48)
            case 0xFF21...0xFF3A:
                put(UInt8(value - 0xFF21) + 65)
            case 0xFF41...0xFF5A:
                put(UInt8(value - 0xFF41) + 97)
            case 0xFF0D, 0xFF0E, 0x2010...0x2015, 0x2212, 0x2043, 0xFE58, 0xFE63:
                put(UInt8(ascii: "-"))
            case 0x00A0, 0x3000, 0x2000...0x200A, 0x202F, 0x205F:
                put(32)
            case 0x00AD, 0x034F, 0x061C, 0x180E, 0x200B...0x200F, 0x202A...0x202E, 0x2060...0x2064, 0x2066...0x206F,
                0xFE00...0xFE0F, 0xFEFF, 0xE0000...0xE0FFF:
                break  // invisible
            default:
                if scalar.properties.numericType == .decimal, let digit = scalar.properties.numericValue,
                    digit >= 0, digit <= 9
                {
                    put(UInt8(digit) + 48)
                } else if scalar.properties.isDefaultIgnorableCodePoint {
                    break
                } else {
                    put(PersonalDataScanner.other)
                }
            }
        }

        /// Skips a tag or comment at `index`: an inline tag leaves nothing (so `1<b>3</b>8`
        /// reads 138), any other tag a boundary; attribute text is kept for its own scan.
        mutating func tag(_ bytes: [UInt8], at index: Int) -> Int {
            let count = bytes.count
            if index + 3 < count, bytes[index + 1] == UInt8(ascii: "!"), bytes[index + 2] == UInt8(ascii: "-"), bytes[index + 3] == UInt8(ascii: "-") {
                var end = index + 4
                while end + 2 < count, !(bytes[end] == UInt8(ascii: "-") && bytes[end + 1] == UInt8(ascii: "-") && bytes[end + 2] == UInt8(ascii: ">")) {
                    if bytes[end] == 10 {
                        line += 1
                        lineOfByteAppendNewline()
                    }
                    end += 1
                }
                return min(count, end + 3)
            }
            var nameStart = index + 1
            if nameStart < count, bytes[nameStart] == UInt8(ascii: "/") { nameStart += 1 }
            var nameEnd = nameStart
            while nameEnd < count, Self.isLetterOrDigit(bytes[nameEnd]) { nameEnd += 1 }
            guard nameEnd > nameStart, nameEnd - nameStart < 16 else {
                // Not a tag (`a < b`): the `<` is just a character.
                put(PersonalDataScanner.other)
                return index + 1
            }
            let tagByte = PersonalDataScanner.tagByte
            var end = nameEnd
            var quote: UInt8 = 0
            var sawAttribute = false
            // Only attribute text that may make as many digits as the shortest number can hold
            // one; `class="gk-nav"` and `href="/2024/05/a.html"` are not read again. Each digit
            // read comes from one `TagByte.mayBeDigit` byte at least, so counting those never
            // counts fewer digits than the reading finds.
            var mayBeDigits = 0
            let tagLine = line
            while end < count {
                let byte = bytes[end]
                let kind = tagByte[Int(byte)]
                end += 1
                if kind == 0 { continue }
                if kind & TagByte.mayBeDigit != 0 { mayBeDigits += 1 }
                if quote != 0 {
                    if byte == quote { quote = 0 }
                } else if kind & TagByte.quote != 0 {
                    quote = byte
                    sawAttribute = true
                } else if byte == UInt8(ascii: ">") {
                    end -= 1
                    break
                } else if byte == UInt8(ascii: "=") {
                    sawAttribute = true
                }
                if byte == 10 {
                    line += 1
                    lineOfByteAppendNewline()
                }
            }
            if sawAttribute, mayBeDigits >= PersonalDataScanner.fewestDigits {
                var text: [UInt8] = []
                var position = nameEnd
                while position < min(end, count) {
                    let byte = bytes[position]
                    if byte == UInt8(ascii: "%"), position + 2 < count, let value = Self.hex(bytes[(position + 1)...(position + 2)]) {
                        text.append(UInt8(value))
                        position += 3
                        continue
                    }
                    text.append(byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") || byte == UInt8(ascii: "=") ? 32 : byte)
                    position += 1
                }
                // Entities inside attributes: decode through a markup reader of their own.
                var decoded = Reader(format: .markup)
                decoded.read(text)
                attributes.append((Self.plain(decoded.out), tagLine))
            }
            if format == .officeXML {
                let name = String(decoding: bytes[nameStart..<nameEnd], as: UTF8.self).lowercased()
                // `w:p` → `p`: the local name after the namespace prefix.
                var local = name
                if nameEnd < count, bytes[nameEnd] == UInt8(ascii: ":") {
                    var localEnd = nameEnd + 1
                    while localEnd < count, Self.isLetterOrDigit(bytes[localEnd]) { localEnd += 1 }
                    local = String(decoding: bytes[(nameEnd + 1)..<localEnd], as: UTF8.self).lowercased()
                }
                if PersonalDataScanner.officeBoundaries.contains(local) { put(PersonalDataScanner.boundary) }
            } else if !PersonalDataScanner.isInlineTag(bytes[nameStart..<nameEnd]) {
                put(PersonalDataScanner.boundary)
            }
            return min(count, end + 1)
        }

        /// A newline inside a skipped tag still starts a new line for line numbers, without
        /// adding a byte between the digits around the tag.
        mutating func lineOfByteAppendNewline() {
            lineOfByte.append(written)
        }

        /// Normalised bytes back to text for a second read (letters, digits, separators).
        static func plain(_ bytes: [UInt8]) -> [UInt8] {
            bytes.map { $0 == boundary || $0 == other ? UInt8(ascii: "|") : $0 }
        }

        static func isLetterOrDigit(_ byte: UInt8) -> Bool {
            (byte >= 48 && byte <= 57) || (byte | 0x20 >= 97 && byte | 0x20 <= 122)
        }

        static func hex(_ digits: ArraySlice<UInt8>) -> UInt32? {
            var value: UInt32 = 0
            for byte in digits {
                let digit: UInt32
                switch byte {
                case 48...57: digit = UInt32(byte - 48)
                case 65...70: digit = UInt32(byte - 55)
                case 97...102: digit = UInt32(byte - 87)
                default: return nil
                }
                value = value << 4 | digit
            }
            return value
        }

        static let named: [String: Unicode.Scalar] = [
            "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{A0}", "ensp": "\u{2002}", "emsp": "\u{2003}",
            "thinsp": "\u{2009}", "zwsp": "\u{200B}", "zwj": "\u{200D}", "zwnj": "\u{200C}", "shy": "\u{AD}", "ndash": "\u{2013}",
            "mdash": "\u{2014}", "minus": "\u{2212}", "hyphen": "\u{2010}", "dash": "\u{2010}", "period": ".", "colon": ":",
        ]

        /// A character reference at `index` (`&#49;`, `&#x31;`, `&nbsp;`): the character and where it ends.
        static func entity(_ bytes: [UInt8], at index: Int) -> (Unicode.Scalar, Int)? {
            var end = index + 1
            while end < bytes.count, end - index < 12, bytes[end] != UInt8(ascii: ";") { end += 1 }
            guard end < bytes.count, bytes[end] == UInt8(ascii: ";"), end > index + 1 else { return nil }
            let body = bytes[(index + 1)..<end]
            if body.first == UInt8(ascii: "#") {
                let digits = body.dropFirst()
                let value: UInt32?
                if digits.first == UInt8(ascii: "x") || digits.first == UInt8(ascii: "X") {
                    value = digits.count > 1 && digits.count <= 7 ? hex(digits.dropFirst()) : nil
                } else {
                    var decimal: UInt32 = 0
                    var valid = !digits.isEmpty && digits.count <= 7
                    for byte in digits where valid {
                        guard byte >= 48, byte <= 57 else {
                            valid = false
                            break
                        }
                        decimal = decimal * 10 + UInt32(byte - 48)
                    }
                    value = valid ? decimal : nil
                }
                guard let value, let scalar = Unicode.Scalar(value) else { return nil }
                return (scalar, end + 1)
            }
            guard let scalar = named[String(decoding: body, as: UTF8.self)] else { return nil }
            return (scalar, end + 1)
        }
    }

    // MARK: Matching

    enum Matcher {
        static func isDigit(_ byte: UInt8) -> Bool { byte >= 48 && byte <= 57 }
        static func isWord(_ byte: UInt8) -> Bool { isDigit(byte) || (byte | 0x20 >= 97 && byte | 0x20 <= 122) }

        static func find(_ bytes: [UInt8], lines: [Int], separatorsIncludeNewline: Bool) -> [Hit] {
            var hits: [Hit] = []
            var index = 0
            let count = bytes.count
            func line(of offset: Int) -> Int {
                // Binary search in the line starts.
                var low = 0
                var high = lines.count - 1
                while low < high {
                    let middle = (low + high + 1) / 2
                    if lines[middle] <= offset { low = middle } else { high = middle - 1 }
                }
                return low + 1
            }
            func isSeparator(_ byte: UInt8) -> Bool {
                byte == 32 || byte == UInt8(ascii: "-") || (separatorsIncludeNewline && byte == 10)
            }
            while index < count {
                guard isDigit(bytes[index]), index == 0 || !isWord(bytes[index - 1]) else {
                    index += 1
                    continue
                }
                // The chain of digit groups from here, joined across short runs of separators.
                var groups: [(start: Int, end: Int)] = []
                var position = index
                var total = 0
                while position < count, isDigit(bytes[position]), groups.count < 8 {
                    var end = position
                    while end < count, isDigit(bytes[end]) { end += 1 }
                    // An ID number may end in X.
                    if end < count, bytes[end] | 0x20 == UInt8(ascii: "x"), total + end - position == 17 { end += 1 }
                    if end < count, isWord(bytes[end]) {
                        // Digits running into letters (an identifier, a hash): not a number.
                        if groups.isEmpty {
                            while end < count, isWord(bytes[end]) { end += 1 }
                            position = end
                        }
                        break
                    }
                    groups.append((position, end))
                    total += end - position
                    guard total <= 19, end < count else {
                        position = end
                        break
                    }
                    var gap = end
                    while gap < count, gap - end < 3, isSeparator(bytes[gap]) { gap += 1 }
                    guard gap > end, gap < count, isDigit(bytes[gap]) else {
                        position = end
                        break
                    }
                    position = gap
                }
                guard !groups.isEmpty else {
                    index = max(position, index + 1)
                    continue
                }
                var first = 0
                while first < groups.count {
                    var matched = false
                    var digits = ""
                    for last in first..<groups.count {
                        digits += String(decoding: bytes[groups[last].start..<groups[last].end], as: UTF8.self)
                        guard digits.utf8.count <= 19 else { break }
                        if let kind = kind(of: digits, joined: last > first) {
                            hits.append(Hit(kind: kind, number: digits.uppercased(), line: line(of: groups[first].start)))
                            first = last + 1
                            matched = true
                            break
                        }
                    }
                    if !matched { first += 1 }
                }
                index = groups[groups.count - 1].end
            }
            return hits
        }

        /// What a run of digits is; runs joined from groups must look like a number someone
        /// would write in groups (bank cards by their issuer's first digit).
        static func kind(of digits: String, joined: Bool) -> PersonalData.Kind? {
            let count = digits.utf8.count
            if count == 18, PersonalData.isIDNumber(digits) { return .idNumber }
            if count == 11, PersonalData.isMobile(digits) { return .mobile }
            if (16...19).contains(count), digits.utf8.allSatisfy(isDigit), PersonalData.passesLuhn(digits) {
                if !joined { return .bankCard }
                if let first = digits.utf8.first, [UInt8(ascii: "3"), UInt8(ascii: "4"), UInt8(ascii: "5"), UInt8(ascii: "6")].contains(first) {
                    return .bankCard
                }
            }
            return nil
        }
    }
}
