#if canImport(Glibc)
import Glibc
#endif

/// Size, modification time and identity of a file, from one `stat`.
public struct FileStamp: Sendable, Equatable {
    public let size: Int
    /// Nanoseconds since 1970.
    public let modified: Int64
    public let device: UInt64
    public let inode: UInt64
    public let isDirectory: Bool

    public init?(path: String) {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        size = Int(info.st_size)
        modified = Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
        device = UInt64(info.st_dev)
        inode = UInt64(info.st_ino)
        isDirectory = (info.st_mode & S_IFMT) == S_IFDIR
    }

    /// `device:inode`, naming a folder as long as it is not replaced.
    public var identity: String { "\(device):\(inode)" }
}
