import Foundation
import GongkaiModel

/// The default theme compiled into the program: every file of the repository's `templates/`
/// (layouts, partials, assets) at build time, by its path relative to that folder
/// (`layouts/base.mustache`). A site overrides it one file at a time.
public enum BuiltInTheme {
    /// The files, relative path → bytes.
    public static let files: [String: Data] = {
        var files: [String: Data] = [:]
        for entry in encoded {
            files[entry.path] = Data(base64Encoded: entry.base64) ?? Data()
        }
        return files
    }()

    /// How the built-in theme's files are named in messages.
    public static let display = "内置主题"

    /// A short stable hash of a file's bytes, recorded at export to tell later whether the
    /// built-in file changed.
    public static func hash(_ data: Data) -> String {
        var value = FNV1a.offset64
        FNV1a.hash64(data, into: &value)
        let hex = String(value, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
