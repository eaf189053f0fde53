/// The one rule for every address taken from content that ends up in an `href` or `src`
/// (a plan's 佐证, links in documents and 常见问题, attachments, site.yml): only `http:`,
/// `https:`, `mailto:` and `tel:` addresses and relative paths are allowed. Everything else
/// (`javascript:`, `data:`, `vbscript:`, `file:`, protocol-relative `//host`, …) is refused at
/// build time.
///
/// The scheme is read the way a browser reads it (WHATWG URL): leading spaces and control
/// characters are ignored and tabs and newlines anywhere are dropped, so `java\tscript:` and
/// ` javascript:` are refused like `javascript:`; `javascript://%0aalert(1)` is refused
/// although it contains `://`.
public enum URLPolicy {
    public enum Verdict: Equatable, Sendable {
        /// An `http:`, `https:`, `mailto:` or `tel:` address.
        case external
        /// A path within the site (`../zcjd/a.md`, `/plans/`, `附件.pdf`, `#item-3`).
        case relative
        /// Not allowed; the reason, in Chinese, for the message.
        case refused(String)
    }

    public static let allowedSchemes: Set<String> = ["http", "https", "mailto", "tel"]

    public static func check(_ address: String) -> Verdict {
        // What the browser parses: without leading/trailing C0 controls and spaces, without
        // tabs and newlines.
        var scalars = Array(address.unicodeScalars.filter { $0 != "\t" && $0 != "\n" && $0 != "\r" })
        while let first = scalars.first, first.value <= 0x20 { scalars.removeFirst() }
        while let last = scalars.last, last.value <= 0x20 { scalars.removeLast() }
        if scalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) {
            return .refused("网址中有控制字符")
        }
        if let scheme = scheme(of: scalars) {
            guard allowedSchemes.contains(scheme) else {
                return .refused("“\(scheme):”开头的地址不允许使用，只能用 https://、http://、mailto:、tel: 或本站路径")
            }
            if scheme == "http" || scheme == "https" {
                let rest = scalars.dropFirst(scheme.count + 1)
                guard rest.starts(with: ["/", "/"]), rest.count > 2 else {
                    return .refused("\(scheme): 之后应是 //网站域名，如 https://www.example.gov.cn/")
                }
            }
            return .external
        }
        // `//host/…` and `\\host` leave the site without saying how; browsers read `\` as `/`.
        if scalars.count >= 2, scalars[0] == "/" || scalars[0] == "\\", scalars[1] == "/" || scalars[1] == "\\" {
            return .refused("以 // 开头的地址会离开本站，请写完整的 https:// 网址")
        }
        return .relative
    }

    /// The lowercased scheme (`https`), or nil for a relative address: letters, digits, `+`,
    /// `-`, `.` starting with a letter, before the first `:` and before any `/`, `?`, `#`.
    static func scheme(of scalars: [Unicode.Scalar]) -> String? {
        var name = ""
        for scalar in scalars {
            if scalar == ":" { return name.isEmpty ? nil : name }
            let isLetter = (scalar >= "a" && scalar <= "z") || (scalar >= "A" && scalar <= "Z")
            let isOther = (scalar >= "0" && scalar <= "9") || scalar == "+" || scalar == "-" || scalar == "."
            guard isLetter || (!name.isEmpty && isOther) else { return nil }
            name.unicodeScalars.append(lower(scalar))
        }
        return nil
    }

    private static func lower(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        guard scalar >= "A" && scalar <= "Z", let lowered = Unicode.Scalar(scalar.value + 32) else { return scalar }
        return lowered
    }

    /// Percent-encodes a path within the site for use in an `href`: every byte outside the
    /// unreserved characters, `/` and non-ASCII letters (kept readable) is encoded, so a file
    /// named `a#1?.pdf` or `50%.pdf` or `"x".pdf` links to itself.
    public static func encodePath(_ path: String) -> String {
        var out = ""
        for scalar in path.unicodeScalars {
            let v = scalar.value
            let unreserved =
                (v >= 0x30 && v <= 0x39) || (v >= 0x41 && v <= 0x5A) || (v >= 0x61 && v <= 0x7A)
                || scalar == "-" || scalar == "." || scalar == "_" || scalar == "~" || scalar == "/"
            if unreserved || (v > 0x7F && !scalar.properties.isWhitespace && scalar.properties.generalCategory != .format) {
                out.unicodeScalars.append(scalar)
            } else {
                for byte in String(scalar).utf8 {
                    out += "%" + String(byte >> 4, radix: 16, uppercase: true) + String(byte & 0xF, radix: 16, uppercase: true)
                }
            }
        }
        return out
    }
}
