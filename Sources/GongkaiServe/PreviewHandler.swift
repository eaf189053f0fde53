import FlyingFox
import Foundation
import GongkaiModel
import GongkaiSite
import GongkaiTemplates

/// Answers the preview's requests: the built site's files (HTML with the live-reload script
/// added), the live-reload socket and script, and the error page. GET and HEAD only; nothing
/// is ever cached by the browser, so a reload always shows the latest build.
struct PreviewHandler: HTTPHandler {
    let session: PreviewSession
    let live: LiveReload
    /// The site's output folder.
    let root: URL
    private let socket: WebSocketHTTPHandler

    init(session: PreviewSession, root: URL) {
        self.session = session
        self.live = session.live
        self.root = root.standardizedFileURL
        socket = .webSocket(LiveSocket(live: session.live))
    }

    func handleRequest(_ request: HTTPRequest) async throws -> HTTPResponse {
        let path = request.target.path(percentEncoded: true)
        if path == LiveScript.socketPath { return try await socket.handleRequest(request) }
        guard request.method == .GET || request.method == .HEAD else {
            var response = Self.response(
                .methodNotAllowed, Self.message("不支持的请求方法", "预览服务器只接受 GET 和 HEAD 请求。"),
                type: ContentType.html, head: false)
            response.headers[HTTPHeader("Allow")] = "GET, HEAD"
            return response
        }
        let head = request.method == .HEAD
        if path == LiveScript.path {
            return Self.response(.ok, Data(LiveScript.source.utf8), type: ContentType.javascript, head: head)
        }
        if path == ErrorPage.path {
            return await errorPage(from: request.query["from"], status: .ok, head: head)
        }
        if path.hasPrefix("/__gongkai/") {
            return Self.response(.notFound, Self.message("页面不存在", "预览服务器没有这个地址。"), type: ContentType.html, head: head)
        }
        // No good build yet and none left from before: every page is the error page.
        if await live.failed, !FileManager.default.fileExists(atPath: root.appendingPathComponent("index.html").path) {
            return await errorPage(from: path, status: .serviceUnavailable, head: head)
        }
        let files = StaticFiles(root: root, basePath: await session.basePath)
        switch files.resolve(path) {
        case .file(let real):
            return try await file(real, status: .ok, head: head)
        case .redirect(let location):
            let query = request.target.query(percentEncoded: true)
            var response = Self.response(.movedPermanently, Data(), type: ContentType.html, head: head)
            response.headers[.location] = query.isEmpty ? location : location + "?" + query
            return response
        case .notFound:
            if let page = files.notFoundPage { return try await file(page, status: .notFound, head: head) }
            return Self.response(.notFound, Self.message("页面不存在", "您要访问的页面不存在。"), type: ContentType.html, head: head)
        case .badRequest:
            return Self.response(
                .badRequest, Self.message("地址无效", "请求的地址无效：不能包含“..”、反斜杠、控制字符或连续的斜杠。"),
                type: ContentType.html, head: head)
        }
    }

    /// A file of the site. HTML is read whole to add the script; other files are streamed.
    private func file(_ path: String, status: HTTPStatusCode, head: Bool) async throws -> HTTPResponse {
        let type = ContentType.of(path)
        let url = URL(fileURLWithPath: path)
        if ContentType.isHTML(type) {
            let page = LiveScript.inject(into: try Data(contentsOf: url), token: await live.token)
            return Self.response(status, page, type: type, head: head)
        }
        let size = (try FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.intValue ?? 0
        var response: HTTPResponse
        if head {
            response = HTTPResponse(statusCode: status, body: Data())
        } else {
            response = HTTPResponse(statusCode: status, body: try HTTPBodySequence(file: url, suggestedBufferSize: 64 * 1024))
        }
        response.headers[.contentType] = type
        response.headers[.contentLength] = String(size)
        response.headers[.cacheControl] = "no-store"
        return response
    }

    private func errorPage(from: String?, status: HTTPStatusCode, head: Bool) async -> HTTPResponse {
        let home = await session.basePath
        let hasSite = FileManager.default.fileExists(atPath: root.appendingPathComponent("index.html").path)
        let page = ErrorPage.render(
            failed: await live.failed, diagnostics: await live.diagnostics, hasSite: hasSite,
            from: from, home: home, token: await live.token)
        return Self.response(status, Data(page.utf8), type: ContentType.html, head: head)
    }

    /// A response with its length; for HEAD the same headers without the body.
    static func response(_ status: HTTPStatusCode, _ body: Data, type: String, head: Bool) -> HTTPResponse {
        var response = HTTPResponse(statusCode: status, body: head ? Data() : body)
        response.headers[.contentType] = type
        response.headers[.contentLength] = String(body.count)
        response.headers[.cacheControl] = "no-store"
        return response
    }

    /// A small page for the server's own answers (bad request, unknown address).
    static func message(_ title: String, _ text: String) -> Data {
        Data(
            """
            <!DOCTYPE html>
            <html lang="zh-CN">
            <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">\
            <title>\(HTMLEscaping.escape(title))</title></head>
            <body><main><h1>\(HTMLEscaping.escape(title))</h1><p>\(HTMLEscaping.escape(text))</p></main></body>
            </html>

            """.utf8)
    }
}
