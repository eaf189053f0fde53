import Mustache

/// The escaping of `{{name}}` in every template: the same five characters as swift-mustache's
/// HTML content type (`<` `>` `&` `"` `'`), found by scanning UTF-8 bytes instead of hashing
/// each Character into a dictionary, which was a tenth of a build. Text without any of them,
/// most Chinese text, is returned as it is.
public struct HTMLEscaping: MustacheContentType {
    static let name = "GONGKAI_HTML"
    /// Put before each template's text so that its variables use this escaping; on a line of
    /// its own, which the parser removes whole, so the output is unchanged.
    static let pragma = "{{%CONTENT_TYPE:\(name)}}\n"

    /// Registers the content type once, before any template is parsed.
    static let registered: Void = MustacheContentTypes.register(HTMLEscaping(), named: name)

    /// Escapes text for HTML element content and quoted attribute values.
    public static func escape(_ text: String) -> String { HTMLEscaping().escapeText(text) }

    public func escapeText(_ text: String) -> String {
        var text = text
        let unchanged = text.withUTF8 { bytes in !bytes.contains(where: Self.needsEscape) }
        if unchanged { return text }
        var out = [UInt8]()
        Self.append(text, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends the UTF-8 of `text`, escaped, to `out` (the compiled templates' output).
    static func append(_ text: String, to out: inout [UInt8]) {
        var text = text
        text.withUTF8 { bytes in
            guard bytes.contains(where: Self.needsEscape) else {
                out.append(contentsOf: bytes)
                return
            }
            for byte in bytes {
                switch byte {
                case UInt8(ascii: "<"): out.append(contentsOf: "&lt;".utf8)
                case UInt8(ascii: ">"): out.append(contentsOf: "&gt;".utf8)
                case UInt8(ascii: "&"): out.append(contentsOf: "&amp;".utf8)
                case UInt8(ascii: "\""): out.append(contentsOf: "&quot;".utf8)
                case UInt8(ascii: "'"): out.append(contentsOf: "&#39;".utf8)
                default: out.append(byte)
                }
            }
        }
    }

    @inline(__always)
    private static func needsEscape(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "&")
            || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'")
    }
}
