/// The `Content-Type` a preview response carries, chosen by the file's extension.
public enum ContentType {
    static let html = "text/html; charset=utf-8"
    static let javascript = "text/javascript; charset=utf-8"

    /// Extension (lower case, without the dot) → media type. Text types carry `charset=utf-8`,
    /// since everything Gongkai writes is UTF-8.
    static let byExtension: [String: String] = [
        "html": html,
        "htm": html,
        "css": "text/css; charset=utf-8",
        "js": javascript,
        "mjs": javascript,
        "json": "application/json; charset=utf-8",
        "xml": "application/xml; charset=utf-8",
        "atom": "application/atom+xml; charset=utf-8",
        "svg": "image/svg+xml; charset=utf-8",
        "txt": "text/plain; charset=utf-8",
        "md": "text/plain; charset=utf-8",
        "csv": "text/csv; charset=utf-8",
        "png": "image/png",
        "jpg": "image/jpeg",
        "jpeg": "image/jpeg",
        "gif": "image/gif",
        "webp": "image/webp",
        "ico": "image/x-icon",
        "pdf": "application/pdf",
        "woff2": "font/woff2",
        "woff": "font/woff",
        "zip": "application/zip",
        "doc": "application/msword",
        "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "xls": "application/vnd.ms-excel",
        "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "ofd": "application/ofd",
    ]

    public static let fallback = "application/octet-stream"

    /// The media type for a file name or path, e.g. `feed.xml` → `application/xml; charset=utf-8`.
    public static func of(_ path: String) -> String {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return fallback }
        return byExtension[name[name.index(after: dot)...].lowercased()] ?? fallback
    }

    /// True for HTML, the only responses the live-reload script is added to.
    public static func isHTML(_ type: String) -> Bool {
        type.hasPrefix("text/html")
    }
}
