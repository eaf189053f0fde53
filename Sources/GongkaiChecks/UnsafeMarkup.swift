#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Markup that could run code in a reader's browser: `<script>`, event-handler attributes
/// (`onclick=`…) and `javascript:` URLs. Gongkai never outputs raw HTML from content, but such
/// text in a document means something was pasted that should not be there. Scans bytes.
public enum UnsafeMarkup {
    public struct Finding: Sendable, Equatable {
        public let what: String
        /// 0-based line within the scanned text.
        public let line: Int
    }

    public static func find(in text: String) -> [Finding] {
        var text = text
        return text.withUTF8(find(in:))
    }

    /// The scan over the text's UTF-8 bytes in place (it runs over every document's body on
    /// every build): lines are counted only up to a finding.
    static func find(in bytes: UnsafeBufferPointer<UInt8>) -> [Finding] {
        // Most bodies have neither a `<` nor an ASCII `:` (a Chinese text's colon is `：`).
        guard let base = bytes.baseAddress,
            memchr(base, Int32(UInt8(ascii: "<")), bytes.count) != nil || memchr(base, Int32(UInt8(ascii: ":")), bytes.count) != nil
        else { return [] }
        var findings: [Finding] = []
        var line = 0
        var counted = 0
        func found(_ what: String, at index: Int) {
            while counted < index {
                if bytes[counted] == 10 { line += 1 }
                counted += 1
            }
            findings.append(Finding(what: what, line: line))
        }
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "<") {
                var name = index + 1
                while name < bytes.count, bytes[name] == 32 { name += 1 }
                if matches(bytes, at: name, "script"), name + 6 >= bytes.count || !isLetter(bytes[name + 6]) {
                    found("<script> 标签", at: index)
                } else if name < bytes.count, isLetter(bytes[name]), hasEventHandler(bytes, tagStart: name) {
                    found("事件属性（如 onclick=）", at: index)
                }
            } else if byte | 0x20 == UInt8(ascii: "j"), matches(bytes, at: index, "javascript") {
                var colon = index + 10
                while colon < bytes.count, bytes[colon] == 32 { colon += 1 }
                if colon < bytes.count, bytes[colon] == UInt8(ascii: ":") {
                    found("javascript: 链接", at: index)
                }
            }
            index += 1
        }
        return findings
    }

    static func isLetter(_ byte: UInt8) -> Bool { byte | 0x20 >= 97 && byte | 0x20 <= 122 }

    /// Case-insensitive ASCII match of a lowercase word.
    static func matches(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, _ word: StaticString) -> Bool {
        let count = word.utf8CodeUnitCount
        guard index + count <= bytes.count else { return false }
        let pattern = word.utf8Start
        for offset in 0..<count where bytes[index + offset] | 0x20 != pattern[offset] { return false }
        return true
    }

    /// Within the tag that starts at `tagStart` (up to `>` or the line's end): a whitespace,
    /// then `on` and letters, then optional spaces and `=`.
    static func hasEventHandler(_ bytes: UnsafeBufferPointer<UInt8>, tagStart: Int) -> Bool {
        var index = tagStart
        while index < bytes.count, bytes[index] != UInt8(ascii: ">"), bytes[index] != 10 {
            if bytes[index] == 32 || bytes[index] == 9, matches(bytes, at: index + 1, "on") {
                var end = index + 3
                while end < bytes.count, isLetter(bytes[end]) { end += 1 }
                while end < bytes.count, bytes[end] == 32 { end += 1 }
                if end > index + 3, end < bytes.count, bytes[end] == UInt8(ascii: "=") { return true }
            }
            index += 1
        }
        return false
    }
}
