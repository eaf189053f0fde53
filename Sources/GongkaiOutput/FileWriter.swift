import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Writes output files with plain open/write/close. Foundation's `Data.write` syncs every file
/// to disk, which made a build spend most of its time waiting on the disk; a whole build is
/// swapped in at once and an incremental one renames each file into place, so per-file
/// durability buys nothing.
public enum FileWriter {
    public static func write(_ text: String, to path: String) throws {
        var text = text
        try text.withUTF8 { try write(UnsafeRawBufferPointer($0), to: path) }
    }

    public static func write(_ bytes: UnsafeRawBufferPointer, to path: String) throws {
        try write(to: path) { put in try put(bytes) }
    }

    /// Writes the file from the chunks `body` hands to `put`, in order, so that a large
    /// file made of parts (a header, a payload, a checksum) need not be copied into one buffer.
    public static func write(to path: String, _ body: ((UnsafeRawBufferPointer) throws -> Void) throws -> Void) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw POSIXError(errno, path) }
        defer { close(descriptor) }
        try body { bytes in try writeAll(descriptor, bytes, path: path) }
    }

    /// Writes all of `bytes` to an open file, however many calls it takes.
    static func writeAll(_ descriptor: Int32, _ bytes: UnsafeRawBufferPointer, path: String) throws {
        guard let base = bytes.baseAddress else { return }
        var offset = 0
        while offset < bytes.count {
            let written = Glibc.write(descriptor, base.advanced(by: offset), bytes.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                throw POSIXError(errno, path)
            }
            offset += written
        }
    }

    /// The marker in the name of a draft that `replace` renames over its file: `.<name>.tmp-<pid>`.
    public static let draftMarker = ".tmp-"

    /// Replaces the file at `url` with the chunks `body` hands to `put`, through a draft beside it
    /// renamed over it, so a build killed at any point leaves the old file or the new one.
    public static func replace(at url: URL, _ body: ((UnsafeRawBufferPointer) throws -> Void) throws -> Void) throws {
        let draft = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent)\(draftMarker)\(getpid())")
        do { try write(to: draft.path, body) } catch {
            unlink(draft.path)
            throw error
        }
        guard rename(draft.path, url.path) == 0 else {
            unlink(draft.path)
            throw POSIXError(errno, url.path)
        }
    }

    public struct POSIXError: Error, LocalizedError {
        public let code: Int32
        public let path: String
        public init(_ code: Int32, _ path: String) {
            self.code = code
            self.path = path
        }
        public var errorDescription: String? { "\(path)：\(String(cString: strerror(code)))" }
    }
}
