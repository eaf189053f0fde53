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

    /// Whether the UTF-8 bytes of `text` contain those of `part` (`memchr` and `memcmp` over the bytes in
    /// place: the generic search over `String.UTF8View` indices was most of this check).
    static func contains(_ text: some StringProtocol, _ part: String) -> Bool {
        var text = String(text)
        var part = part
        return text.withUTF8 { haystack in
            part.withUTF8 { needle in
                guard !needle.isEmpty else { return true }
                guard haystack.count >= needle.count, let base = haystack.baseAddress, let pattern = needle.baseAddress else { return false }
                let end = base + (haystack.count - needle.count + 1)
                var from = base
                while from < end, let found = memchr(from, Int32(pattern.pointee), end - from) {
                    let start = UnsafePointer(found.assumingMemoryBound(to: UInt8.self))
                    if memcmp(start, pattern, needle.count) == 0 { return true }
                    from = start + 1
                }
                return false
            }
        }
    }
}
