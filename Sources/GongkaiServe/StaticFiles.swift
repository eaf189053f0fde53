import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Maps a request path onto a file of the built site, and refuses everything that could reach
/// outside it: `..` segments (written plainly or percent-encoded), backslashes, NUL bytes,
/// empty segments (`//etc/passwd`), hidden names (`.gongkai-site`) and symbolic links whose
/// target lies outside the site. Folders are never listed: `/dir/` answers `dir/index.html`,
/// `/dir` redirects to `/dir/`.
public struct StaticFiles: Sendable {
    public enum Resolution: Sendable, Equatable {
        /// A regular file inside the site: its real path (symbolic links resolved).
        case file(String)
        /// The path names a folder (or the site's base path) without the final slash.
        case redirect(String)
        case notFound
        /// The path is malformed or tries to climb out of the site.
        case badRequest
    }

    /// The site's output folder.
    public let root: URL
    /// Where the site lives on its server, from the base URL of `site.yml`: `/` or `/portal/`.
    public let basePath: String

    public init(root: URL, basePath: String = "/") {
        self.root = root.standardizedFileURL
        var base = basePath.hasPrefix("/") ? basePath : "/" + basePath
        if !base.hasSuffix("/") { base += "/" }
        self.basePath = base
    }

    /// The site's own 404 page, when it has one.
    public var notFoundPage: String? {
        let path = root.appendingPathComponent("404.html").path
        return Self.realPath(path).flatMap { Self.isRegularFile($0) ? $0 : nil }
    }

    /// Resolves the percent-encoded path of a request target (without its query).
    public func resolve(_ rawPath: String) -> Resolution {
        guard rawPath.hasPrefix("/"), Self.isClean(rawPath) else { return .badRequest }
        guard let decoded = rawPath.removingPercentEncoding, Self.isClean(decoded) else { return .badRequest }
        // Any empty segment but the last (`//etc`, `/a//b`) is refused rather than collapsed.
        let segments = decoded.dropFirst().split(separator: "/", omittingEmptySubsequences: false)
        if segments.dropLast().contains(where: \.isEmpty) { return .badRequest }

        if decoded + "/" == basePath { return .redirect(rawPath + "/") }
        guard decoded.hasPrefix(basePath) else { return .notFound }
        let relative = String(decoded.dropFirst(basePath.count))
        let parts = relative.split(separator: "/").map(String.init)
        if parts.contains(where: { $0.hasPrefix(".") }) { return .notFound }

        var candidate = root.path
        for part in parts { candidate += "/" + part }
        guard let realRoot = Self.realPath(root.path), let real = Self.realPath(candidate),
            Self.contains(realRoot, real)
        else { return .notFound }
        if Self.isDirectory(real) {
            guard relative.isEmpty || relative.hasSuffix("/") else { return .redirect(rawPath + "/") }
            guard let index = Self.realPath(real + "/index.html"), Self.contains(realRoot, index),
                Self.isRegularFile(index)
            else { return .notFound }
            return .file(index)
        }
        guard !relative.hasSuffix("/"), Self.isRegularFile(real) else { return .notFound }
        return .file(real)
    }

    /// True when `path` (a real path) is `root` or lies below it, and no name on the way down is hidden.
    static func contains(_ root: String, _ path: String) -> Bool {
        guard path == root || path.hasPrefix(root == "/" ? "/" : root + "/") else { return false }
        return !path.dropFirst(root.count).split(separator: "/").contains { $0.hasPrefix(".") }
    }

    /// No NUL or other control character, no backslash, and no `.` or `..` segment.
    static func isClean(_ path: String) -> Bool {
        if path.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F || $0 == "\\" }) { return false }
        return !path.split(separator: "/", omittingEmptySubsequences: false).contains { $0 == ".." || $0 == "." }
    }

    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    static func isDirectory(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }

    static func isRegularFile(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG
    }
}
