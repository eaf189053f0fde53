import Foundation
import GongkaiModel

/// How an output file differs from the previous build's, for `--changed-list` and publishing.
public enum OutputChange: String, Sendable, Comparable {
    case added = "A"
    case changed = "M"
    case deleted = "D"

    public static func < (lhs: OutputChange, rhs: OutputChange) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// Writes a build's files into a folder: a fresh staging folder (a whole build), or the output
/// folder itself (an incremental build). In place, every file is first written beside its
/// target under a temporary name and renamed over it by `commit` once the whole build has
/// succeeded (`abandon` removes them otherwise), so a failed build changes nothing and a
/// reader never sees half a file; a file whose bytes did not change is not touched at all.
public struct OutputWriter: Sendable {
    public let root: String
    /// The previous build's records when writing in place.
    public let previous: BuildCache?

    public init(root: String, previous: BuildCache?) {
        self.root = root
        self.previous = previous
    }

    var inPlace: Bool { previous != nil }

    /// One output after writing.
    public struct Written: Sendable {
        public let path: String
        public var record: BuildCache.Record
        public var change: OutputChange?
        /// True when the page was rendered in this build.
        public var rendered = false
        /// In place: the temporary file to rename over the target.
        public var pending: String?
        /// Why it could not be written.
        public var failure: String?
    }

    /// Writes a rendered page, or keeps the file when it was not rendered or its bytes did not change.
    public func write(_ result: OutputFile) -> Written {
        var written = Written(path: result.path, record: result.record, rendered: result.text != nil)
        guard let text = result.text else { return written }
        let old = previous?.records[result.path]
        if let old, old.content == written.record.content, unchanged(result.path, old) {
            written.record.size = old.size
            written.record.modified = old.modified
            return written
        }
        return put(&written, old: old) { path in try FileWriter.write(text, to: path) }
    }

    /// Copies a file (a template asset or an attachment) when it is new or its source changed.
    public func copy(_ file: AssetFile) -> Written {
        let old = previous?.records[file.path]
        if let old, old.fingerprint == file.fingerprint, unchanged(file.path, old) {
            return Written(path: file.path, record: old)
        }
        var written = Written(
            path: file.path,
            record: BuildCache.Record(
                fingerprint: file.fingerprint, content: file.fingerprint,
                size: 0, modified: 0))
        return put(&written, old: old) { path in
            let data = try file.bytes ?? Data(contentsOf: URL(fileURLWithPath: file.source))
            try data.withUnsafeBytes { try FileWriter.write($0, to: path) }
        }
    }

    /// Renames every pending file over its target.
    public func commit(_ items: [Written]) throws {
        for item in items {
            guard let pending = item.pending else { continue }
            let target = root + "/" + item.path
            guard rename(pending, target) == 0 else {
                let code = errno
                abandon(items)
                throw FileWriter.POSIXError(code, target)
            }
        }
    }

    /// The versions (`FileStamp.version`) of the files `commit` renamed into place: renaming
    /// changes a file's ctime, so the stamp taken before is not the one the next build sees.
    public func versionsAfterCommit(_ items: [Written]) -> [String: Int64] {
        var versions: [String: Int64] = [:]
        for item in items where item.pending != nil {
            if let stamp = FileStamp(path: root + "/" + item.path) { versions[item.path] = stamp.version }
        }
        return versions
    }

    /// Removes the pending files of a build that failed.
    public func abandon(_ items: [Written]) {
        for item in items { if let pending = item.pending { unlink(pending) } }
    }

    /// Removes files the build no longer makes, and the folders they leave empty.
    public func delete(_ paths: [String]) throws {
        var folders = Set<String>()
        // The paths come from the previous build's cache: never follow one out of the folder.
        for path in paths where OutputPath.isInside(path, root: root) {
            guard unlink(root + "/" + path) == 0 || errno == ENOENT else { throw FileWriter.POSIXError(errno, root + "/" + path) }
            var folder = PathText.parent(path)
            while !folder.isEmpty {
                folders.insert(folder)
                folder = PathText.parent(folder)
            }
        }
        // Deepest first, so a parent is tried after its children; rmdir fails on a non-empty folder.
        for folder in folders.sorted(by: { $0.count > $1.count }) {
            rmdir(root + "/" + folder)
        }
    }

    /// Whether the file on disk is still the one the previous build wrote.
    private func unchanged(_ path: String, _ old: BuildCache.Record) -> Bool {
        guard let stamp = FileStamp(path: root + "/" + path) else { return false }
        return stamp.size == old.size && stamp.version == old.modified
    }

    /// Writes through `make` to the target (staging) or to a temporary file beside it (in
    /// place), creating folders as needed; records size, time and how the file changed.
    private func put(_ written: inout Written, old: BuildCache.Record?, _ make: (String) throws -> Void) -> Written {
        let target = root + "/" + written.path
        if inPlace, !OutputPath.isInside(written.path, root: root) {
            written.failure = "\(written.path)：路径经过符号链接或不在输出目录内，拒绝写入"
            return written
        }
        let path = inPlace ? Self.temporaryPath(for: target) : target
        do {
            do {
                try make(path)
            } catch let error as FileWriter.POSIXError where error.code == ENOENT {
                try FileManager.default.createDirectory(
                    atPath: PathText.parent(path),
                    withIntermediateDirectories: true)
                try make(path)
            }
            guard let stamp = FileStamp(path: path) else { throw FileWriter.POSIXError(errno, path) }
            written.record.size = stamp.size
            written.record.modified = stamp.version
        } catch {
            if inPlace { unlink(path) }
            written.failure = "\(written.path)：\(error.localizedDescription)"
            return written
        }
        if inPlace {
            written.pending = path
            written.change = old == nil ? .added : .changed
        }
        return written
    }

    private static func temporaryPath(for target: String) -> String {
        let folder = PathText.parent(target)
        return folder + "/.gk-writing-\(getpid())-" + (target as NSString).lastPathComponent
    }
}
