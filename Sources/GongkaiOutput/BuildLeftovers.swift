import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// What a killed build leaves behind, removed by the next build of any kind: temporary files
/// `.gk-writing-<pid>-<name>` inside the output folder (an incremental build), staging folders
/// `.site.building-<pid>-…`, and drafts of the state beside it (`..site.cache.tmp-<pid>`,
/// `..site.search.tmp-<pid>`, a new generation of a log `..site.search-<generation>.tmp-<pid>`).
/// Only leftovers of processes that no longer run are removed, so two builds started at the
/// same time do not remove each other's files.
public enum BuildLeftovers {
    static let writingPrefix = ".gk-writing-"

    /// Removes the leftovers of dead builds; returns how many were removed.
    @discardableResult
    public static func remove(for output: OutputDirectory) -> Int {
        var removed = 0
        let parent = output.parent.path
        // Drafts of the files beside the output (`FileWriter.replace`): `..site.cache.tmp-<pid>`, `..site.search.tmp-<pid>`.
        let draftPrefix = "..\(output.target.lastPathComponent)."
        for name in (try? FileManager.default.contentsOfDirectory(atPath: parent)) ?? [] {
            if name.hasPrefix(output.stagingPrefix), isDead(name.dropFirst(output.stagingPrefix.count)) {
                if (try? OutputDirectory.removeTree(output.parent.appendingPathComponent(name))) != nil { removed += 1 }
            } else if name.hasPrefix(draftPrefix), let draft = name.range(of: FileWriter.draftMarker), isDead(name[draft.upperBound...]) {
                if unlink(parent + "/" + name) == 0 { removed += 1 }
            }
        }
        removed += removeWriting(in: output.target.path, depth: 0)
        return removed
    }

    /// Whether the pid that starts `rest` (`1234-…`) names no running process.
    static func isDead(_ rest: Substring) -> Bool {
        guard let pid = Int32(rest.prefix(while: { $0 != "-" })), pid > 0 else { return true }
        if pid == getpid() { return false }
        return kill(pid, 0) != 0 && errno == ESRCH
    }

    /// Walks real folders only (no symbolic links), removing dead builds' temporary files.
    private static func removeWriting(in directory: String, depth: Int) -> Int {
        guard depth < 64, let handle = opendir(directory) else { return 0 }
        defer { closedir(handle) }
        var removed = 0
        var folders: [String] = []
        while let entry = readdir(handle) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
            }
            if name == "." || name == ".." { continue }
            // The entry's type as the folder records it; a stat only where the file system does
            // not say (DT_UNKNOWN): a walk of the whole output on every build, so no stat per page.
            let recorded = entry.pointee.d_type
            guard recorded == UInt8(DT_DIR) || recorded == UInt8(DT_UNKNOWN) || name.hasPrefix(writingPrefix) else { continue }
            let path = directory + "/" + name
            var info = stat()
            guard lstat(path, &info) == 0 else { continue }
            let type = info.st_mode & S_IFMT
            if type == S_IFDIR {
                folders.append(path)
            } else if type == S_IFREG, name.hasPrefix(writingPrefix), isDead(name.dropFirst(writingPrefix.count)) {
                if unlink(path) == 0 { removed += 1 }
            }
        }
        for folder in folders { removed += removeWriting(in: folder, depth: depth + 1) }
        return removed
    }
}
