import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Watches folder trees with inotify and reports the paths that changed.
///
/// Every folder under each root gets a watch; folders created (or moved in) later get one as
/// soon as their creation is read, together with the folders already inside them. Events are
/// read by a thread of its own that sleeps in `poll` until the kernel has something or `stop()`
/// wakes it. Editors' temporary files (`.name`, `name~`, `*.swp`, Vim's `4913`, Emacs's `#name#`)
/// and the excluded trees (the build's output, when it lies inside a watched folder) are ignored.
public final class FileWatcher: @unchecked Sendable {
    /// Events that say a file's contents, name or presence changed.
    static let mask: UInt32 = UInt32(
        IN_CREATE | IN_DELETE | IN_MODIFY | IN_CLOSE_WRITE | IN_MOVED_FROM | IN_MOVED_TO
            | IN_DELETE_SELF | IN_MOVE_SELF | IN_ATTRIB | IN_ONLYDIR)

    private let roots: [String]
    private let excluded: [String]
    private let onChange: @Sendable (Set<String>) -> Void
    private let inotify: Int32
    private let wake: (read: Int32, write: Int32)
    private let lock = NSLock()
    /// Watch descriptor → folder path. Only the reading thread changes it after `init`.
    private var folders: [Int32: String] = [:]
    private var thread: Thread?
    private var stopped = false
    private var problems: [String] = []

    /// - Parameters:
    ///   - roots: folders watched recursively; a root that does not exist yet is picked up when it appears.
    ///   - excluded: folders (and files) whose changes never count, such as the build's output.
    ///   - onChange: called on the watcher's thread with the changed paths of one read.
    public init(roots: [URL], excluding excluded: [URL] = [], onChange: @escaping @Sendable (Set<String>) -> Void) throws {
        self.roots = roots.map { $0.standardizedFileURL.path }
        self.excluded = excluded.map { $0.standardizedFileURL.path }
        self.onChange = onChange
        inotify = inotify_init1(Int32(IN_CLOEXEC | IN_NONBLOCK))
        guard inotify >= 0 else { throw WatchError("无法启动文件监视（inotify_init1：\(String(cString: strerror(errno)))）。") }
        var pipeEnds: [Int32] = [0, 0]
        guard pipe(&pipeEnds) == 0 else {
            close(inotify)
            throw WatchError("无法启动文件监视（pipe：\(String(cString: strerror(errno)))）。")
        }
        wake = (pipeEnds[0], pipeEnds[1])
        for end in pipeEnds {
            _ = fcntl(end, F_SETFD, FD_CLOEXEC)
            _ = fcntl(end, F_SETFL, O_NONBLOCK)
        }
        for root in self.roots { addTree(root) }
    }

    deinit {
        close(inotify)
        close(wake.read)
        close(wake.write)
    }

    /// Problems adding watches (e.g. the system's watch limit), each once, in Chinese.
    public var warnings: [String] {
        lock.withLock { problems }
    }

    /// The folders being watched, sorted (for tests and diagnostics).
    public var watchedFolders: [String] {
        lock.withLock { folders.values.sorted() }
    }

    public func start() {
        let thread = Thread { [self] in run() }
        thread.name = "gongkai-watcher"
        lock.withLock { self.thread = thread }
        thread.start()
    }

    /// Wakes the reading thread and lets it end; no callback runs after it returns to `poll`.
    public func stop() {
        lock.withLock { stopped = true }
        var byte: UInt8 = 1
        _ = write(wake.write, &byte, 1)
    }

    private var isStopped: Bool { lock.withLock { stopped } }

    private func run() {
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        var descriptors = [
            pollfd(fd: inotify, events: Int16(POLLIN), revents: 0),
            pollfd(fd: wake.read, events: Int16(POLLIN), revents: 0),
        ]
        while !isStopped {
            // Wake at least once a second to pick up a root that appeared or came back.
            let ready = poll(&descriptors, 2, 1000)
            if isStopped { return }
            var changed = Set<String>()
            if ready < 0 && errno != EINTR { return }
            if ready > 0 && descriptors[0].revents & Int16(POLLIN) != 0 {
                while true {
                    let count = buffer.withUnsafeMutableBytes { read(inotify, $0.baseAddress, $0.count) }
                    if count <= 0 { break }
                    changed.formUnion(handle(buffer, count: count))
                }
            }
            changed.formUnion(watchMissingRoots())
            if !changed.isEmpty && !isStopped { onChange(changed) }
        }
    }

    /// Reads the events in the first `count` bytes of `buffer`; returns the paths that count as changes.
    private func handle(_ buffer: [UInt8], count: Int) -> Set<String> {
        var changed = Set<String>()
        var offset = 0
        buffer.withUnsafeBytes { bytes in
            while offset + 16 <= count {
                let descriptor = bytes.loadUnaligned(fromByteOffset: offset, as: Int32.self)
                let mask = bytes.loadUnaligned(fromByteOffset: offset + 4, as: UInt32.self)
                let length = Int(bytes.loadUnaligned(fromByteOffset: offset + 12, as: UInt32.self))
                let nameBytes = bytes[(offset + 16)..<min(offset + 16 + length, count)].prefix { $0 != 0 }
                let name = String(decoding: nameBytes, as: UTF8.self)
                offset += 16 + length
                if let path = event(descriptor: descriptor, mask: mask, name: name) { changed.insert(path) }
            }
        }
        return changed
    }

    private func event(descriptor: Int32, mask: UInt32, name: String) -> String? {
        if mask & UInt32(IN_Q_OVERFLOW) != 0 {
            // Events were lost: watch everything again and rebuild.
            for root in roots { addTree(root) }
            return roots.first
        }
        guard let folder = lock.withLock({ folders[descriptor] }) else { return nil }
        if mask & UInt32(IN_IGNORED) != 0 {
            // The folder was deleted or moved away; its watch is gone.
            lock.withLock { _ = folders.removeValue(forKey: descriptor) }
            return roots.contains(folder) ? folder : nil
        }
        if mask & UInt32(IN_DELETE_SELF | IN_MOVE_SELF) != 0 {
            if mask & UInt32(IN_MOVE_SELF) != 0, !roots.contains(folder) { removeTree(folder) }
            return roots.contains(folder) ? folder : nil
        }
        guard !name.isEmpty else { return isExcluded(folder) ? nil : folder }
        let path = folder + "/" + name
        if Self.isTemporary(name) || isExcluded(path) { return nil }
        if mask & UInt32(IN_ISDIR) != 0 {
            if mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0 { addTree(path) }
            if mask & UInt32(IN_MOVED_FROM) != 0 { removeTree(path) }
        } else if mask & UInt32(IN_CLOSE_WRITE | IN_MOVED_FROM | IN_MOVED_TO | IN_DELETE | IN_ATTRIB) == 0 {
            // A file being written (created, truncated, written to) counts once it is closed:
            // a build started between an editor's truncate and its write would read half a file.
            return nil
        }
        return path
    }

    /// Adds a watch for `path` and every folder below it (not following symbolic links).
    private func addTree(_ path: String) {
        guard !isExcluded(path) else { return }
        let descriptor = inotify_add_watch(inotify, path, Self.mask)
        guard descriptor >= 0 else {
            let reason = errno
            if reason != ENOENT && reason != ENOTDIR {
                let message =
                    reason == ENOSPC
                    ? "无法监视 \(path)：已达到系统的 inotify 监视数量上限，请提高 /proc/sys/fs/inotify/max_user_watches。"
                    : "无法监视 \(path)（\(String(cString: strerror(reason)))）。"
                lock.withLock { if !problems.contains(message) { problems.append(message) } }
            }
            return
        }
        lock.withLock { folders[descriptor] = path }
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: path) else { return }
        for name in names.sorted() where !Self.isTemporary(name) {
            let child = path + "/" + name
            var info = stat()
            if lstat(child, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR { addTree(child) }
        }
    }

    /// Drops the watches of `path` and the folders below it (moved out of the watched tree).
    private func removeTree(_ path: String) {
        let gone = lock.withLock { folders.filter { $0.value == path || $0.value.hasPrefix(path + "/") } }
        for (descriptor, _) in gone {
            inotify_rm_watch(inotify, descriptor)
            lock.withLock { _ = folders.removeValue(forKey: descriptor) }
        }
    }

    /// Watches roots that were missing or deleted and exist now; returns them as changed.
    private func watchMissingRoots() -> Set<String> {
        let watched = Set(lock.withLock { folders.values })
        var added = Set<String>()
        for root in roots where !watched.contains(root) && FileManager.default.fileExists(atPath: root) {
            addTree(root)
            if lock.withLock({ folders.values.contains(root) }) { added.insert(root) }
        }
        return added
    }

    private func isExcluded(_ path: String) -> Bool {
        excluded.contains { path == $0 || path.hasPrefix($0 + "/") }
    }

    /// Names that editors write and delete around a save, and hidden files.
    static func isTemporary(_ name: String) -> Bool {
        name.hasPrefix(".") || name.hasSuffix("~") || name.hasSuffix(".swp") || name.hasSuffix(".swx")
            || name == "4913" || (name.hasPrefix("#") && name.hasSuffix("#"))
    }

    public struct WatchError: Error, CustomStringConvertible {
        public let description: String
        init(_ description: String) { self.description = description }
    }
}
