import Foundation
import GongkaiModel
import GongkaiSite
import GongkaiTestSupport
import Testing

@testable import GongkaiServe

/// End to end: `PreviewServer` over a copy of the demo portal, spoken to over real sockets.
@Suite(.serialized) struct PreviewServerTests {
    static let page = "/xxgk/gkzn/guide-2021.html"
    static let source = "content/xxgk/gkzn/guide-2021.md"

    /// Runs `body` with a preview of a fresh copy of the demo project on a free port, then
    /// stops the server and removes the project, whatever happened.
    private func withPreview(
        _ prepare: (Project) throws -> Void = { _ in },
        options adjust: (inout BuildOptions, Project) -> Void = { _, _ in },
        _ body: (Project, PreviewServer, RawHTTP) async throws -> Void
    ) async throws {
        let project = try Project(asOf: serveDay)
        defer { project.remove() }
        try prepare(project)
        var options = project.options()
        adjust(&options, project)
        let server = try await PreviewServer.start(options: options, port: 0, quiet: 0.05)
        #expect(server.port != 0)
        do {
            try await body(project, server, RawHTTP(port: server.port))
        } catch {
            await server.stop()
            throw error
        }
        await server.stop()
    }

    @Test func servesPagesWithTheirTypesAndTheLiveScript() async throws {
        try await withPreview({ project in
            // Files of each kind, copied by the build from a column folder: published because
            // site.yml declares the folder's files static (unlisted files are not published).
            try project.write("content/site.yml", try project.read("content/site.yml") + "\n静态文件: [xxgk/gkzn/]\n")
            try project.write("content/xxgk/gkzn/图表.png", Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3]))
            try project.write("content/xxgk/gkzn/附件.pdf", "%PDF-1.4 test")
            try project.write("content/xxgk/gkzn/logo.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>")
            try project.write("content/xxgk/gkzn/data.json", "{\"a\": 1}")
        }) { project, server, http in

            let home = try await http.get("/")
            #expect(home.status == 200)
            #expect(home.header("Content-Type") == "text/html; charset=utf-8")
            #expect(home.header("Cache-Control") == "no-store")
            #expect(home.text.contains("<script src=\"/__gongkai/live.js\" data-build=\"\(await server.live.token)\" defer></script></body>"))
            #expect(home.header("Content-Length") == String(home.body.count))

            let expectations: [(String, String)] = [
                ("/xxgk/", "text/html; charset=utf-8"),
                (Self.page, "text/html; charset=utf-8"),
                ("/assets/gongkai.css", "text/css; charset=utf-8"),
                ("/assets/care.js", "text/javascript; charset=utf-8"),
                ("/sitemap.xml", "application/xml; charset=utf-8"),
                ("/xxgk/gkzn/%E5%9B%BE%E8%A1%A8.png", "image/png"),
                ("/xxgk/gkzn/%E9%99%84%E4%BB%B6.pdf", "application/pdf"),
                ("/xxgk/gkzn/logo.svg", "image/svg+xml; charset=utf-8"),
                ("/xxgk/gkzn/data.json", "application/json; charset=utf-8"),
                ("/__gongkai/live.js", "text/javascript; charset=utf-8"),
            ]
            for (path, type) in expectations {
                let response = try await http.get(path)
                #expect(response.status == 200, "\(path)")
                #expect(response.header("Content-Type") == type, "\(path)")
            }
            // Files other than HTML are sent byte for byte.
            let png = try await http.get("/xxgk/gkzn/%E5%9B%BE%E8%A1%A8.png")
            #expect(png.body == Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3]))
            #expect(try await http.get("/assets/gongkai.css").body == Data(contentsOf: project.site.appendingPathComponent("assets/gongkai.css")))

            // HEAD: the same headers, no body.
            let head = try await http.head(Self.page)
            let get = try await http.get(Self.page)
            #expect(head.status == 200)
            #expect(head.body.isEmpty)
            #expect(head.header("Content-Length") == String(get.body.count))
            #expect(head.header("Content-Type") == "text/html; charset=utf-8")
            let headPDF = try await http.head("/xxgk/gkzn/%E9%99%84%E4%BB%B6.pdf")
            #expect(headPDF.body.isEmpty && headPDF.header("Content-Length") == "13")

            // A folder without its slash is redirected, keeping the query.
            let redirect = try await http.get("/xxgk?from=test")
            #expect(redirect.status == 301)
            #expect(redirect.header("Location") == "/xxgk/?from=test")

            // Unknown pages get the site's own 404 page, with status 404.
            let missing = try await http.get("/xxgk/no-such-page.html")
            #expect(missing.status == 404)
            #expect(missing.text.contains("您要访问的页面不存在"))
            #expect(missing.text.contains("/__gongkai/live.js"))
            let missingHead = try await http.head("/no-such-page.html")
            #expect(missingHead.status == 404 && missingHead.body.isEmpty)

            // Only GET and HEAD.
            let post = try await http.send("POST", "/", headers: ["Content-Length: 0"])
            #expect(post.status == 405)
            #expect(post.header("Allow") == "GET, HEAD")

            // The script is added to responses only: no file of the site contains it.
            let files = project.siteFiles()
            #expect(files.count > 100)
            let marker = Data("__gongkai".utf8)
            #expect(files.filter { $0.value.range(of: marker) != nil }.map(\.key) == [])
        }
    }

    @Test func refusesEveryWayOutOfTheSite() async throws {
        try await withPreview { project, server, http in
            // A secret beside the site, and a link to it inside the site.
            try project.write("secret.txt", "root:x:0:0:secret-beside-the-site")
            try FileManager.default.createSymbolicLink(
                atPath: project.site.appendingPathComponent("leak.txt").path,
                withDestinationPath: project.root.appendingPathComponent("secret.txt").path)
            try FileManager.default.createSymbolicLink(atPath: project.site.appendingPathComponent("etc").path, withDestinationPath: "/etc")
            let attempts = [
                "/../secret.txt", "/../../../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/%2E%2E%2Fsecret.txt",
                "/%2E%2E%2F%2E%2E%2F%2E%2E%2Fetc%2Fpasswd", "//etc/passwd", "/assets/../../secret.txt",
                "/assets/%2e%2e/%2e%2e/secret.txt", "/..%5csecret.txt", "/index.html%00.txt", "/leak.txt", "/etc/passwd",
                "/etc/", "/.gongkai-site", "/%2egongkai-site", "/xxgk/./index.html", "http://127.0.0.1/../etc/passwd",
            ]
            for attempt in attempts {
                let response = try await http.get(attempt)
                #expect([400, 404].contains(response.status), "\(attempt) answered \(response.status)")
                #expect(!response.text.contains("root:x:0:0"), "\(attempt) leaked a file outside the site")
            }
            #expect(try await http.get("/../secret.txt").status == 400)
            #expect(try await http.get("/leak.txt").status == 404)
        }
    }

    @Test func aSavedEditRebuildsAndReloadsOpenPages() async throws {
        try await withPreview { project, server, http in
            var events = await server.live.subscribe().makeAsyncIterator()
            let first = await next(&events, within: 30)
            guard case .ready(let before) = first else {
                Issue.record("the first event is \(String(describing: first)), not ready")
                return
            }
            #expect(try await http.get(Self.page).text.contains("data-build=\"\(before)\""))

            let started = Date()
            var text = try project.read(Self.source)
            text += "\n实时预览测试：新增的一段话。\n"
            try project.write(Self.source, text)
            let event = await next(&events, within: 30)
            let seconds = Date().timeIntervalSince(started)
            guard case .reload(let after) = event else {
                Issue.record("after the edit the event is \(String(describing: event)), not reload")
                return
            }
            #expect(after != before)
            print("save → reload event: \(String(format: "%.3f", seconds)) s")
            let page = try await http.get(Self.page)
            #expect(page.text.contains("实时预览测试：新增的一段话。"))
            #expect(page.text.contains("data-build=\"\(after)\""))
            // The reload comes before the build writes its state files: one more build, once it ends.
            await server.session.idle()
            #expect(await server.session.buildCount == 2)
        }
    }

    @Test func anEditInTheThemeFolderOfSiteYmlRebuildsToo() async throws {
        try await withPreview(
            { project in
                // The site's templates/ is empty: every template comes from the theme folder.
                try FileManager.default.moveItem(at: project.templates, to: project.root.appendingPathComponent("theme"))
                try FileManager.default.createDirectory(at: project.templates, withIntermediateDirectories: true)
            },
            options: { options, project in
                options.themeLayers = [.folder(project.root.appendingPathComponent("theme"), display: "theme")]
            }
        ) { project, server, http in
            var events = await server.live.subscribe().makeAsyncIterator()
            guard case .ready = await next(&events, within: 30) else {
                Issue.record("no first build")
                return
            }
            let footer = "theme/partials/footer.mustache"
            try project.write(footer, try project.read(footer) + "<p>主题文件夹中的改动</p>\n")
            guard case .reload = await next(&events, within: 30) else {
                Issue.record("an edit in the theme folder did not rebuild")
                return
            }
            #expect(try await http.get(Self.page).text.contains("主题文件夹中的改动"))
        }
    }

    @Test func aBrokenEditShowsTheErrorPageAndKeepsTheLastGoodSite() async throws {
        try await withPreview { project, server, http in
            var events = await server.live.subscribe().makeAsyncIterator()
            _ = await next(&events, within: 30)
            let good = try await http.get(Self.page).text
            let goodFile = try Data(contentsOf: project.site.appendingPathComponent(String(Self.page.dropFirst())))
            let original = try project.read(Self.source)

            // Line 2 of the front matter becomes malformed YAML.
            var lines = original.components(separatedBy: "\n")
            lines.insert("标题: [没有闭合的括号", at: 1)
            try project.write(Self.source, lines.joined(separator: "\n"))
            let failed = await next(&events, within: 30)
            guard case .failed(let token) = failed else {
                Issue.record("after the broken edit the event is \(String(describing: failed)), not failed")
                return
            }
            let errorPage = try await http.get("/__gongkai/error?from=%2Fxxgk%2Fgkzn%2Fguide-2021.html")
            #expect(errorPage.status == 200)
            #expect(errorPage.text.contains("网站生成失败"))
            #expect(errorPage.text.contains("<code>\(Self.source)</code> 第 2 行"))
            #expect(errorPage.text.contains("方括号"))
            #expect(errorPage.text.contains("<a class=\"gk-preview-back\" href=\"/xxgk/gkzn/guide-2021.html\">"))
            #expect(errorPage.text.contains("data-build=\"\(token)\""))

            // The last good page is still served, unchanged on disk, with the script that leads to the error page.
            let stale = try await http.get(Self.page)
            #expect(stale.status == 200)
            #expect(try Data(contentsOf: project.site.appendingPathComponent(String(Self.page.dropFirst()))) == goodFile)
            let strip = { (page: String) in page.replacingOccurrences(of: #"data-build="[^"]*""#, with: "", options: .regularExpression) }
            #expect(strip(stale.text) == strip(good))

            // Fixing the file recovers: the open pages reload, the error page says all is well.
            try project.write(Self.source, original)
            // A slow machine may have built the broken file twice (events read in two batches):
            // what counts is that the fix reloads the open pages.
            var recovered = await next(&events, within: 30)
            while case .failed = recovered { recovered = await next(&events, within: 30) }
            guard case .reload = recovered else {
                Issue.record("after the fix the event is \(String(describing: recovered)), not reload")
                return
            }
            #expect(try await http.get("/__gongkai/error").text.contains("当前没有生成错误"))
            #expect(try await http.get(Self.page).status == 200)
        }
    }

    @Test func aFirstBuildThatFailsShowsTheErrorPageForEveryPage() async throws {
        try await withPreview({ project in
            try project.write("content/site.yml", "网站名称: [坏的\n")
        }) { project, server, http in
            #expect(await server.live.failed)
            let home = try await http.get("/")
            #expect(home.status == 503)
            #expect(home.text.contains("网站还没有成功生成过"))
            #expect(home.text.contains("content/site.yml"))
            let other = try await http.get("/xxgk/")
            #expect(other.status == 503)

            var events = await server.live.subscribe().makeAsyncIterator()
            _ = await next(&events, within: 30)
            try FileManager.default.removeItem(at: project.content.appendingPathComponent("site.yml"))
            try FileManager.default.copyItem(
                at: Project.repository.appendingPathComponent("content/site.yml"),
                to: project.content.appendingPathComponent("site.yml"))
            guard case .reload = await next(&events, within: 30) else {
                Issue.record("no reload after site.yml was fixed")
                return
            }
            #expect(try await http.get("/").status == 200)
        }
    }

    @Test func theLiveSocketTellsTheStateOnConnect() async throws {
        try await withPreview { project, server, http in
            let handshake =
                [
                    "GET /__gongkai/live HTTP/1.1", "Host: 127.0.0.1:\(server.port)", "Upgrade: websocket", "Connection: Upgrade",
                    "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==", "Sec-WebSocket-Version: 13",
                ].joined(separator: "\r\n") + "\r\n\r\n"
            let token = await server.live.token
            let expected = Array("ok \(token)".utf8)
            let bytes = try await http.exchange(handshake) { received in
                guard let end = Self.headerEnd(received) else { return false }
                return received.count >= end + 2 + expected.count
            }
            let end = try #require(Self.headerEnd(bytes))
            let header = String(decoding: bytes[0..<end], as: UTF8.self)
            #expect(header.hasPrefix("HTTP/1.1 101"))
            #expect(header.contains("Sec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo="))
            // One unmasked text frame: FIN + opcode 1, then the length, then "ok <token>".
            let frame = Array(bytes[end...])
            #expect(frame.first == 0x81)
            #expect(frame.count > 1 && Int(frame[1]) == expected.count)
            #expect(Array(frame.dropFirst(2).prefix(expected.count)) == expected)
        }
    }

    @Test func aPortInUseIsAClearError() async throws {
        try await withPreview { project, server, _ in
            await #expect(throws: PreviewServer.StartError.self) {
                _ = try await PreviewServer.start(options: project.options(), port: server.port)
            }
            do {
                _ = try await PreviewServer.start(options: project.options(), port: server.port)
            } catch let error as PreviewServer.StartError {
                #expect(error.description.contains("端口 \(server.port) 已被占用"))
                #expect(error.description.contains("--port"))
            }
        }
    }

    static func headerEnd(_ bytes: [UInt8]) -> Int? {
        guard bytes.count >= 4 else { return nil }
        for index in 0...(bytes.count - 4) where bytes[index] == 13 && bytes[index + 1] == 10 && bytes[index + 2] == 13 && bytes[index + 3] == 10 {
            return index + 4
        }
        return nil
    }
}
