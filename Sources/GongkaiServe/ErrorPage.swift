import GongkaiModel
import GongkaiSite
import GongkaiTemplates

/// The page at `/__gongkai/error`: the last build's diagnostics for the editor, in Chinese, with
/// file and line. It stands alone (its styles are inline), since the site may never have been
/// built; all text is escaped.
public enum ErrorPage {
    public static let path = "/__gongkai/error"

    /// - Parameters:
    ///   - diagnostics: the failed build's diagnostics; ignored when `failed` is false.
    ///   - hasSite: whether a good build exists that the preview still shows.
    ///   - from: where the browser came from, as sent in `?from=`; only a path on this server is used.
    public static func render(
        failed: Bool, diagnostics: [Diagnostic], hasSite: Bool, from: String?, home: String,
        token: String
    ) -> String {
        let back = returnPath(from, home: home)
        var body: [String] = []
        body.append("<p class=\"gk-preview-tag\">Gongkai 本地预览</p>")
        let title: String
        if failed {
            title = "网站生成失败"
            let errors = diagnostics.filter { $0.severity == .error }
            let warnings = diagnostics.filter { $0.severity == .warning }
            body.append("<h1>\(title)</h1>")
            var count = "共发现 \(errors.count) 个错误"
            if !warnings.isEmpty { count += "、\(warnings.count) 个警告" }
            body.append("<p>\(count)。请按下面的提示修改文件并保存。</p>")
            let note =
                hasSite
                ? "预览中仍是上次成功生成的网站；修改保存后会自动重新生成，成功后本页会自动回到原来的页面。"
                : "网站还没有成功生成过，暂时没有页面可以预览；修改保存后会自动重新生成，成功后本页会自动打开网站。"
            body.append("<p class=\"gk-preview-note\">\(note)</p>")
            body.append("<h2>错误（\(errors.count) 个）</h2>")
            body.append(list(errors))
            if !warnings.isEmpty {
                body.append("<details class=\"gk-preview-warnings\"><summary>警告（\(warnings.count) 个，不影响生成）</summary>")
                body.append(list(warnings))
                body.append("</details>")
            }
            if hasSite {
                body.append("<p><a class=\"gk-preview-back\" href=\"\(HTMLEscaping.escape(back))\">查看刚才的页面（上次成功生成的版本）</a></p>")
            }
        } else {
            title = "网站已成功生成"
            body.append("<h1>\(title)</h1>")
            body.append("<p>当前没有生成错误。</p>")
            body.append("<p><a href=\"\(HTMLEscaping.escape(back))\">返回刚才的页面</a></p>")
        }
        return """
            <!DOCTYPE html>
            <html lang="zh-CN">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="robots" content="noindex">
            <title>\(title) - Gongkai 预览</title>
            <style>\(style)</style>
            </head>
            <body>
            <main id="main">
            \(body.joined(separator: "\n"))
            </main>
            \(LiveScript.tag(token: token))
            </body>
            </html>

            """
    }

    static func list(_ diagnostics: [Diagnostic]) -> String {
        var lines = ["<ol class=\"gk-preview-list\">"]
        for diagnostic in diagnostics {
            let kind = diagnostic.severity == .error ? "error" : "warning"
            var place = ""
            if let file = diagnostic.file {
                place = "<code>\(HTMLEscaping.escape(file))</code>"
                if let line = diagnostic.line { place += " 第 \(line) 行" }
            } else {
                place = "整个网站"
            }
            lines.append(
                """
                <li class="gk-preview-item gk-preview-item--\(kind)"><p class="gk-preview-where">\
                <span class="gk-preview-label">\(diagnostic.severity.label)</span> \(place)</p>\
                <p class="gk-preview-message">\(HTMLEscaping.escape(diagnostic.message))</p></li>
                """)
        }
        lines.append("</ol>")
        return lines.joined(separator: "\n")
    }

    /// `from` when it is a path on this server (`/…`, not `//host` or `/\host`); otherwise the home page.
    public static func returnPath(_ from: String?, home: String) -> String {
        guard let from, from.hasPrefix("/"), !from.hasPrefix("//"), !from.hasPrefix("/\\"),
            !from.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F })
        else { return home }
        return from
    }

    /// Large, high-contrast text like the portal's own pages (18 px, line height 1.75, ≥ 7:1).
    static let style = """
        *,*::before,*::after{box-sizing:border-box}\
        html{font-size:112.5%}\
        body{margin:0;font-family:"PingFang SC","Hiragino Sans GB","Microsoft YaHei","Noto Sans CJK SC",sans-serif;\
        font-size:1rem;line-height:1.75;color:#1a1a1a;background:#fff;overflow-wrap:anywhere}\
        main{max-width:60rem;margin:0 auto;padding:1.5rem 1rem 3rem}\
        h1{color:#9e1b1b;line-height:1.4;margin:0.25rem 0 1rem}\
        h2{line-height:1.4;margin-top:2rem}\
        a{color:#0b4a8b;text-underline-offset:0.2em}\
        :focus-visible{outline:3px solid #1a1a1a;outline-offset:2px;box-shadow:0 0 0 6px #ffbf47}\
        code{font-family:ui-monospace,"DejaVu Sans Mono",monospace;font-size:0.95em;background:#f3f5f8;padding:0 0.25em}\
        .gk-preview-tag{margin:0;color:#404040}\
        .gk-preview-note{padding:1rem 1.25rem;border-left:6px solid #b34700;background:#fff4e5}\
        .gk-preview-list{padding-left:1.5rem}\
        .gk-preview-item{margin:0 0 1rem;padding:0.5rem 0.75rem;border:1px solid #c4c9d0;background:#fff}\
        .gk-preview-item--error{border-left:6px solid #9e1b1b}\
        .gk-preview-item--warning{border-left:6px solid #b34700}\
        .gk-preview-where,.gk-preview-message{margin:0}\
        .gk-preview-message{white-space:pre-wrap}\
        .gk-preview-label{font-weight:bold}\
        .gk-preview-item--error .gk-preview-label{color:#9e1b1b}\
        .gk-preview-item--warning .gk-preview-label{color:#8a3700}\
        summary{cursor:pointer;color:#0b4a8b;text-decoration:underline;margin:1.5rem 0 0.5rem}
        """
}
