import CLinux
import GongkaiModel

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Drafts that `gongkai new site` writes for a unit to rewrite (公开指南, 公开制度) carry the
/// marker 【待完善】; every check reports them until the marker is gone.
public enum Placeholders {
    public static let marker = "【待完善】"

    public static func check(documents: [Document]) -> [Diagnostic] {
        // Most documents have no marker: a search of the UTF-8 bytes tells, in parallel (Foundation's
        // `contains` was a tenth of an unchanged rebuild at ten thousand documents).
        documents.parallelMap { document -> Diagnostic? in
            let line: Int?
            if contains(document.title, marker) {
                line = document.fieldLines["title"]
            } else if contains(document.body, marker),
                let offset = document.body.split(separator: "\n", omittingEmptySubsequences: false).firstIndex(where: { contains($0, marker) })
            {
                line = document.bodyLine + offset
            } else {
                return nil
            }
            return .warning(
                document.file, line: line,
                "这份文件是新建网站时生成的样稿，标有“\(marker)”：请按本单位的实际情况改写内容，改好后删去文中所有的“\(marker)”。",
                rule: "placeholder")
        }.compactMap { $0 }
    }

    /// Whether the UTF-8 bytes of `text` contain those of `part` (glibc's `memmem` over the bytes in
    /// place: the generic search over `String.UTF8View` indices was most of this check, and a
    /// `memchr` for the marker's first byte stopped at nearly every 。 of a Chinese text).
    static func contains(_ text: some StringProtocol, _ part: String) -> Bool {
        var text = String(text)
        var part = part
        return text.withUTF8 { haystack in
            part.withUTF8 { needle in
                guard !needle.isEmpty else { return true }
                guard haystack.count >= needle.count, let base = haystack.baseAddress, let pattern = needle.baseAddress else { return false }
                return gk_contains_bytes(base, haystack.count, pattern, needle.count) != 0
            }
        }
    }
}
