import Foundation

/// What an editor does about an image that cannot be found: the file to put under content/,
/// not a site address.
enum MissingImage {
    /// `document` is the document's path as messages name it (`content/zcwj/a.md`).
    static func fix(_ target: String, in document: String) -> String {
        let address = target.split(separator: "#", maxSplits: 1).first.map(String.init) ?? target
        guard !address.contains("://"), !address.hasPrefix("/"), !address.hasPrefix("data:"), !address.isEmpty else {
            return "请更正图片地址；本站的图片请放在文件所在的文件夹中，用文件名引用，如 ![说明](图片.png)。"
        }
        var parts = document.split(separator: "/").dropLast().map(String.init)
        for segment in (address.removingPercentEncoding ?? address).split(separator: "/") {
            switch segment {
            case ".": continue
            case "..": if parts.count > 1 { parts.removeLast() }
            default: parts.append(String(segment))
            }
        }
        return "请把图片文件放到 \(parts.joined(separator: "/"))（与本文件在同一文件夹时直接写文件名），或更正文件名。"
    }
}
