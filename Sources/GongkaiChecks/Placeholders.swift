import GongkaiModel

/// Drafts that `gongkai new site` writes for a unit to rewrite (公开指南, 公开制度) carry the
/// marker 【待完善】; every check reports them until the marker is gone.
public enum Placeholders {
    public static let marker = "【待完善】"

    public static func check(documents: [Document]) -> [Diagnostic] {
        documents.compactMap { document in
            let line: Int?
            if document.title.contains(marker) {
                line = document.fieldLines["title"]
            } else if let offset = document.body.split(separator: "\n", omittingEmptySubsequences: false)
                .firstIndex(where: { $0.contains(marker) })
            {
                line = document.bodyLine + offset
            } else {
                return nil
            }
            return .warning(
                document.file, line: line,
                "这份文件是新建网站时生成的样稿，标有“\(marker)”：请按本单位的实际情况改写内容，改好后删去文中所有的“\(marker)”。",
                rule: "placeholder")
        }
    }
}
