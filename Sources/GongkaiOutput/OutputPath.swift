#if canImport(Glibc)
    import Glibc
#endif

/// The one check for a path inside the output folder that Gongkai did not just compute itself:
/// every path read back from disk (the build cache's records) and every path written to
/// `--changed-list` (which CI feeds to `rm -f` on the server). A safe path is relative, has no
/// empty, `.` or `..` segment, no control character or backslash, and no segment longer than a
/// file name may be; `isInside` also checks on disk that no folder on the way is a symbolic link,
/// so removing or replacing the file cannot reach outside the output folder.
public enum OutputPath {
    /// Why `path` is not a safe relative output path, or nil when it is.
    public static func problem(_ path: String) -> String? {
        if path.isEmpty { return "路径为空" }
        if path.utf8.count > 4096 { return "路径过长" }
        if path.hasPrefix("/") { return "是绝对路径" }
        for byte in path.utf8 where byte < 0x20 || byte == 0x7F || byte == UInt8(ascii: "\\") {
            return "含有控制字符或反斜杠"
        }
        // Segments by their bytes, as the file system splits the path: the length and the dots of each.
        var length = 0
        var dots = 0
        func segmentProblem() -> String? {
            if length == 0 { return "含有空的路径段（//）" }
            if dots == length && length <= 2 { return "含有 . 或 .. 路径段" }
            if length > 255 { return "文件名过长" }
            return nil
        }
        for byte in path.utf8 {
            if byte == UInt8(ascii: "/") {
                if let problem = segmentProblem() { return problem }
                length = 0
                dots = 0
            } else {
                length += 1
                if byte == UInt8(ascii: ".") { dots += 1 }
            }
        }
        return segmentProblem()
    }

    public static func isSafe(_ path: String) -> Bool { problem(path) == nil }

    /// Whether `path` is safe and, under `root`, every folder on the way to it is a real folder
    /// (not a symbolic link) or does not exist yet. The file itself may be missing.
    public static func isInside(_ path: String, root: String) -> Bool {
        guard isSafe(path) else { return false }
        var folder = root
        let segments = path.split(separator: "/")
        for segment in segments.dropLast() {
            folder += "/" + segment
            var info = stat()
            guard lstat(folder, &info) == 0 else { return errno == ENOENT }
            guard (info.st_mode & S_IFMT) == S_IFDIR else { return false }
        }
        return true
    }
}
