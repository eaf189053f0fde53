import GongkaiModel

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

    /// Whether the UTF-8 bytes of `text` contain those of `part`.
    static func contains(_ text: some StringProtocol, _ part: String) -> Bool {
        let needle = Array(part.utf8)
        guard let first = needle.first else { return true }
        let bytes = text.utf8
        var index = bytes.startIndex
        while let found = bytes[index...].firstIndex(of: first) {
            if bytes[found...].starts(with: needle) { return true }
            index = bytes.index(after: found)
        }
        return false
    }
}
