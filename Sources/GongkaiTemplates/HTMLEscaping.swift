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
        return text.withUTF8 { bytes in
            guard bytes.contains(where: Self.needsEscape) else { return nil }
            var out = [UInt8]()
            out.reserveCapacity(bytes.count + 16)
            for byte in bytes {
                switch byte {
                case UInt8(ascii: "<"): out += Array("&lt;".utf8)
                case UInt8(ascii: ">"): out += Array("&gt;".utf8)
                case UInt8(ascii: "&"): out += Array("&amp;".utf8)
                case UInt8(ascii: "\""): out += Array("&quot;".utf8)
                case UInt8(ascii: "'"): out += Array("&#39;".utf8)
                default: out.append(byte)
                }
            }
            return String(decoding: out, as: UTF8.self)
        } ?? text
    }

    @inline(__always)
    private static func needsEscape(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "&")
            || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'")
    }
}
