import Foundation
import GongkaiSite
import GongkaiTemplates

/// The small script that makes open pages follow the preview's builds. It exists only in the
/// server's memory and is added to HTML responses as they are sent: `site/` never contains it.
public enum LiveScript {
    public static let path = "/__gongkai/live.js"
    public static let socketPath = "/__gongkai/live"

    /// Plain JavaScript, no third-party code. On a page of the site: `reload` → reload the page;
    /// `error` → go to the error page, remembering where from; `ok` with another build's token
    /// (a change missed while loading or while the server restarted) → reload. On the error
    /// page: `ok`/`reload` → back to where the browser came from; `error` with a newer token →
    /// reload to show the new diagnostics. The error page's link back (`.gk-preview-back`) lets
    /// the editor look at the last good site: pages then stay put for that failed build, and go
    /// to the error page again only on the next failure. Reconnects with growing delays when the
    /// server goes away.
    public static let source = """
        (function () {
          "use strict";
          var script = document.currentScript;
          var build = script ? script.getAttribute("data-build") : "";
          var errorPage = location.pathname === "\(ErrorPage.path)";
          var delay = 250;
          function back() {
            var from = new URLSearchParams(location.search).get("from") || "/";
            if (from.charAt(0) !== "/" || from.charAt(1) === "/" || from.charAt(1) === "\\\\") { from = "/"; }
            location.replace(from);
          }
          function toErrorPage() {
            location.replace("\(ErrorPage.path)?from=" + encodeURIComponent(location.pathname + location.search + location.hash));
          }
          function staying(token) {
            try { return sessionStorage.getItem("gongkai.stay") === token; } catch (e) { return false; }
          }
          if (errorPage) {
            document.addEventListener("click", function (event) {
              var link = event.target.closest && event.target.closest(".gk-preview-back");
              if (link) { try { sessionStorage.setItem("gongkai.stay", build); } catch (e) {} }
            });
          }
          function handle(message) {
            var parts = String(message).split(" ");
            var kind = parts[0], token = parts[1] || "";
            if (kind === "error") {
              if (!errorPage) { if (!staying(token)) { toErrorPage(); } } else if (token !== build) { location.reload(); }
            } else if (kind === "reload" || (kind === "ok" && token !== build)) {
              if (errorPage) { back(); } else { location.reload(); }
            } else if (kind === "ok" && errorPage) {
              back();
            }
          }
          function connect() {
            var socket;
            try {
              socket = new WebSocket((location.protocol === "https:" ? "wss://" : "ws://") + location.host + "\(socketPath)");
            } catch (e) {
              return;
            }
            socket.onopen = function () { delay = 250; };
            socket.onmessage = function (event) { handle(event.data); };
            socket.onclose = function () {
              setTimeout(connect, delay);
              delay = Math.min(delay * 2, 4000);
            };
          }
          connect();
        })();

        """

    /// The tag added before `</body>`; `token` is the build the page belongs to.
    public static func tag(token: String) -> String {
        "<script src=\"\(path)\" data-build=\"\(HTMLEscaping.escape(token))\" defer></script>"
    }

    /// The page with the script tag added before its last `</body>` (or at the end).
    public static func inject(into page: Data, token: String) -> Data {
        let tag = Data(tag(token: token).utf8)
        guard let close = lastCloseBody(in: page) else { return page + tag }
        var result = Data(page[page.startIndex..<close])
        result.append(tag)
        result.append(page[close...])
        return result
    }

    /// Index of the last `</body` in the bytes, ASCII case-insensitive.
    static func lastCloseBody(in page: Data) -> Data.Index? {
        let needle = Array("</body".utf8)
        let bytes = [UInt8](page)
        guard bytes.count >= needle.count else { return nil }
        var index = bytes.count - needle.count
        while index >= 0 {
            var match = true
            for offset in 0..<needle.count {
                var byte = bytes[index + offset]
                if byte >= 0x41 && byte <= 0x5A { byte += 0x20 }
                if byte != needle[offset] {
                    match = false
                    break
                }
            }
            if match { return page.startIndex + index }
            index -= 1
        }
        return nil
    }
}
