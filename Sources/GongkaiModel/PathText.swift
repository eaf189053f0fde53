/// Slash-separated relative paths as plain text. Foundation's `NSString.deletingLastPathComponent`
/// crashes on a one-character string (`"a"`, swift-corelibs-foundation in Swift 6.3), which a
/// file `content/a.md` or a folder `x/` reaches; these never do.
public enum PathText {
    /// Everything before the last `/`: `a/b/c.md` → `a/b`, `c.md` → ``.
    public static func parent(_ path: String) -> String {
        // Over the UTF-8 bytes: a `/` is never part of another character (runs for every file of every build).
        guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) else { return "" }
        return String(path[..<slash])
    }
}
