import Foundation
import Testing

@testable import GongkaiServe

/// A hand-made site folder with a secret file beside it and symbolic links in and out.
private struct SiteFolder {
    let base: URL
    var site: URL { base.appendingPathComponent("site") }
    var outside: URL { base.appendingPathComponent("outside") }

    init() throws {
        base = FileManager.default.temporaryDirectory.appendingPathComponent("gongkai-static-\(UUID().uuidString)")
        let files = [
            "site/index.html": "<html><body>首页</body></html>",
            "site/404.html": "<html><body>页面不存在</body></html>",
            "site/.gongkai-site": "gongkai\n",
            "site/xxgk/index.html": "<html><body>信息公开</body></html>",
            "site/xxgk/a.html": "<html><body>文件</body></html>",
            "site/assets/gongkai.css": "body{}",
            "site/empty/readme.txt": "这个文件夹没有 index.html",
            "site/中文/页面.html": "<html><body>中文路径</body></html>",
            "outside/secret.txt": "root:x:0:0:secret",
            "outside/folder/index.html": "secret folder",
        ]
        for (path, text) in files {
            let url = base.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        let fileManager = FileManager.default
        try fileManager.createSymbolicLink(atPath: site.appendingPathComponent("leak.txt").path, withDestinationPath: outside.appendingPathComponent("secret.txt").path)
        try fileManager.createSymbolicLink(atPath: site.appendingPathComponent("leakdir").path, withDestinationPath: outside.appendingPathComponent("folder").path)
        try fileManager.createSymbolicLink(atPath: site.appendingPathComponent("relative-leak.txt").path, withDestinationPath: "../outside/secret.txt")
        try fileManager.createSymbolicLink(atPath: site.appendingPathComponent("alias.html").path, withDestinationPath: "xxgk/a.html")
    }

    func real(_ path: String) -> String {
        StaticFiles.realPath(site.appendingPathComponent(path).path)!
    }
}

@Suite struct StaticFilesTests {
    @Test func answersPagesAndFolderIndexes() throws {
        let folder = try SiteFolder()
        defer { try? FileManager.default.removeItem(at: folder.base) }
        let files = StaticFiles(root: folder.site)
        #expect(files.resolve("/") == .file(folder.real("index.html")))
        #expect(files.resolve("/xxgk/") == .file(folder.real("xxgk/index.html")))
        #expect(files.resolve("/xxgk/a.html") == .file(folder.real("xxgk/a.html")))
        #expect(files.resolve("/assets/gongkai.css") == .file(folder.real("assets/gongkai.css")))
        #expect(files.resolve("/%E4%B8%AD%E6%96%87/%E9%A1%B5%E9%9D%A2.html") == .file(folder.real("中文/页面.html")))
        // A link that stays inside the site is followed.
        #expect(files.resolve("/alias.html") == .file(folder.real("xxgk/a.html")))
        #expect(files.notFoundPage == folder.real("404.html"))
    }

    @Test func redirectsFoldersWithoutTheSlashAndNeverListsThem() throws {
        let folder = try SiteFolder()
        defer { try? FileManager.default.removeItem(at: folder.base) }
        let files = StaticFiles(root: folder.site)
        #expect(files.resolve("/xxgk") == .redirect("/xxgk/"))
        #expect(files.resolve("/%E4%B8%AD%E6%96%87") == .redirect("/%E4%B8%AD%E6%96%87/"))
        // A folder without index.html is not listed.
        #expect(files.resolve("/empty/") == .notFound)
        // A file named with a trailing slash is not a folder.
        #expect(files.resolve("/xxgk/a.html/") == .notFound)
    }

    @Test func missingAndHiddenFilesAreNotFound() throws {
        let folder = try SiteFolder()
        defer { try? FileManager.default.removeItem(at: folder.base) }
        let files = StaticFiles(root: folder.site)
        #expect(files.resolve("/missing") == .notFound)
        #expect(files.resolve("/missing/") == .notFound)
        #expect(files.resolve("/.gongkai-site") == .notFound)
        #expect(files.resolve("/%2Egongkai-site") == .notFound)
    }

    @Test(arguments: [
        "/../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/%2E%2E%2Fetc", "/%2E%2E%2F%2E%2E%2Fetc%2Fpasswd",
        "//etc/passwd", "/assets/../../x", "/assets/%2e%2e/%2e%2e/outside/secret.txt", "/xxgk/..",
        "/./index.html", "/..%5c..%5coutside%5csecret.txt", "/a\\b", "/index.html%00.txt", "/%00",
        "etc/passwd", "/%zz", "/xxgk//a.html",
    ])
    func refusesPathsThatClimbOutOrAreMalformed(path: String) throws {
        let folder = try SiteFolder()
        defer { try? FileManager.default.removeItem(at: folder.base) }
        #expect(StaticFiles(root: folder.site).resolve(path) == .badRequest)
    }

    @Test func refusesSymbolicLinksThatLeadOutOfTheSite() throws {
        let folder = try SiteFolder()
        defer { try? FileManager.default.removeItem(at: folder.base) }
        let files = StaticFiles(root: folder.site)
        #expect(files.resolve("/leak.txt") == .notFound)
        #expect(files.resolve("/relative-leak.txt") == .notFound)
        #expect(files.resolve("/leakdir/") == .notFound)
        #expect(files.resolve("/leakdir") == .notFound)
        #expect(files.resolve("/leakdir/index.html") == .notFound)
    }

    @Test func servesUnderTheBasePathOfTheSite() throws {
        let folder = try SiteFolder()
        defer { try? FileManager.default.removeItem(at: folder.base) }
        let files = StaticFiles(root: folder.site, basePath: "/portal/")
        #expect(files.resolve("/portal/") == .file(folder.real("index.html")))
        #expect(files.resolve("/portal/xxgk/a.html") == .file(folder.real("xxgk/a.html")))
        #expect(files.resolve("/portal") == .redirect("/portal/"))
        #expect(files.resolve("/xxgk/a.html") == .notFound)
        #expect(files.resolve("/portal/../portal/index.html") == .badRequest)
    }

    @Test(arguments: [
        ("index.html", "text/html; charset=utf-8"), ("assets/gongkai.css", "text/css; charset=utf-8"),
        ("assets/care.js", "text/javascript; charset=utf-8"), ("qr.svg", "image/svg+xml; charset=utf-8"),
        ("feed.xml", "application/xml; charset=utf-8"), ("sitemap.xml", "application/xml; charset=utf-8"),
        ("search/index.json", "application/json; charset=utf-8"), ("a/附件.PNG", "image/png"),
        ("photo.jpg", "image/jpeg"), ("附件1.pdf", "application/pdf"), ("目录.csv", "text/csv; charset=utf-8"),
        ("robots.txt", "text/plain; charset=utf-8"), ("font.woff2", "font/woff2"), ("favicon.ico", "image/x-icon"),
        ("archive.unknown", "application/octet-stream"), ("Makefile", "application/octet-stream"),
        (".hidden", "application/octet-stream"),
    ])
    func contentTypesFollowTheExtension(name: String, type: String) {
        #expect(ContentType.of(name) == type)
    }
}
