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
/// folder itself (an incremental build), where every file is replaced by rename so that a reader
/// never sees half a file, and a file whose bytes did not change is not touched at all.
struct OutputWriter: Sendable {
    let root: String
    /// The previous build's records when writing in place.
    let previous: BuildCache?

    var inPlace: Bool { previous != nil }

    /// Writes a rendered page (or keeps the file when its bytes are unchanged) and returns its
    /// final record and how it changed.
    func write(_ result: PageRenderer.Result) throws -> (record: BuildCache.Record, change: OutputChange?) {
        var record = result.record
        guard let text = result.text else { return (record, nil) }
        let old = previous?.records[result.path]
        if let old, old.content == record.content, let stamp = FileStamp(path: root + "/" + result.path),
           stamp.size == old.size, stamp.modified == old.modified {
            record.size = old.size
            record.modified = old.modified
            return (record, nil)
        }
        let target = root + "/" + result.path
        if inPlace {
            let temporary = Self.temporaryPath(for: target)
            try FileWriter.write(text, to: temporary)
            try Self.rename(temporary, to: target)
        } else {
            try FileWriter.write(text, to: target)
        }
        try stamp(&record, target)
        return (record, inPlace ? (old == nil ? .added : .changed) : nil)
    }

    /// Copies a file (a template asset or an attachment) when it is new or its source changed.
    func copy(from source: String, to path: String, fingerprint: UInt64) throws -> (record: BuildCache.Record, change: OutputChange?) {
        let target = root + "/" + path
        let old = previous?.records[path]
        if let old, old.fingerprint == fingerprint, let stamp = FileStamp(path: target),
           stamp.size == old.size, stamp.modified == old.modified {
            return (old, nil)
        }
        var record = BuildCache.Record(fingerprint: fingerprint, content: fingerprint, size: 0, modified: 0)
        let written = inPlace ? Self.temporaryPath(for: target) : target
        let data = try Data(contentsOf: URL(fileURLWithPath: source))
        try data.withUnsafeBytes { bytes in
            try FileWriter.write(bytes, to: written)
        }
        if inPlace { try Self.rename(written, to: target) }
        try stamp(&record, target)
        return (record, inPlace ? (old == nil ? .added : .changed) : nil)
    }

    /// Creates the folders the given files go in.
    func makeFolders(for paths: [String]) throws {
        let folders = Set(paths.map { ($0 as NSString).deletingLastPathComponent }.filter { !$0.isEmpty })
        for folder in folders.sorted() {
            try FileManager.default.createDirectory(atPath: root + "/" + folder, withIntermediateDirectories: true)
        }
    }

    /// Removes files the build no longer makes, and the folders they leave empty.
    func delete(_ paths: [String]) throws {
        var folders = Set<String>()
        for path in paths {
            guard unlink(root + "/" + path) == 0 || errno == ENOENT else { throw FileWriter.POSIXError(errno, root + "/" + path) }
            var folder = (path as NSString).deletingLastPathComponent
            while !folder.isEmpty {
                folders.insert(folder)
                folder = (folder as NSString).deletingLastPathComponent
            }
        }
        // Deepest first, so a parent is tried after its children; rmdir fails on a non-empty folder.
        for folder in folders.sorted(by: { $0.count > $1.count }) {
            rmdir(root + "/" + folder)
        }
    }

    private func stamp(_ record: inout BuildCache.Record, _ path: String) throws {
        guard let stamp = FileStamp(path: path) else { throw FileWriter.POSIXError(errno, path) }
        record.size = stamp.size
        record.modified = stamp.modified
    }

    private static func temporaryPath(for target: String) -> String {
        let folder = (target as NSString).deletingLastPathComponent
        return folder + "/.gk-writing-\(getpid())-" + (target as NSString).lastPathComponent
    }

    private static func rename(_ from: String, to target: String) throws {
        guard Glibc.rename(from, target) == 0 else {
            let code = errno
            unlink(from)
            throw FileWriter.POSIXError(code, target)
        }
    }
}
