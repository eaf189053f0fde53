#if canImport(Glibc)
    import Glibc
#endif

/// Size, modification time and identity of a file, from one `stat`.
public struct FileStamp: Sendable, Equatable {
    public let size: Int
    /// Nanoseconds since 1970.
    public let modified: Int64
    /// Nanoseconds since 1970 of the last change of the file's inode (ctime): a hand edit
    /// that restores the size and modification time (`touch -d`) still changes it.
    public let changed: Int64
    public let device: UInt64
    public let inode: UInt64
    public let isDirectory: Bool

    public init?(path: String) {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        size = Int(info.st_size)
        modified = Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
        changed = Int64(info.st_ctim.tv_sec) * 1_000_000_000 + Int64(info.st_ctim.tv_nsec)
        device = UInt64(info.st_dev)
        inode = UInt64(info.st_ino)
        isDirectory = (info.st_mode & S_IFMT) == S_IFDIR
    }

    /// What the build cache records of a written file to know it is still the one it wrote:
    /// modification and inode-change time together (ctime cannot be set back by hand).
    public var version: Int64 { modified &* 31 &+ changed }

    /// `device:inode`, naming a folder as long as it is not replaced.
    public var identity: String { "\(device):\(inode)" }
}
