import Foundation
import GongkaiModel

#if canImport(Glibc)
    import Glibc
#endif

/// An append-only file of state entries beside the output, read a few entries at a time, so
/// that the state of a large site (the search analyses of every document) is neither loaded nor
/// rewritten whole when one document changed. Entries are found through `Location`s kept in a
/// small `StateFile` (the log's directory); a location carries its entry's checksum, so an entry
/// that was damaged, cut off or overwritten is never trusted.
///
/// A log is named by its generation: `.site.search-<generation>` beside `.site.search`. A build
/// appends the entries it made to the generation its directory names (a build killed meanwhile
/// leaves bytes no directory names), then replaces the directory. When a log holds more dead
/// bytes than live ones, a build writes a new generation with the live entries only (through a
/// draft renamed into place), replaces the directory with one that names it, and only then
/// deletes the older generations: at every moment the directory names a log that holds its entries.
public struct StateLog: Sendable {
    /// Where an entry is, and the checksum of its bytes.
    public struct Location: Sendable, Equatable {
        public let offset: UInt64
        public let length: UInt64
        public let checksum: UInt64

        public init(offset: UInt64, length: UInt64, checksum: UInt64) {
            self.offset = offset
            self.length = length
            self.checksum = checksum
        }

        public func write(to writer: inout ByteWriter) {
            writer.u64(offset)
            writer.u64(length)
            writer.u64(checksum)
        }

        public static func read(from reader: inout ByteReader) -> Location? {
            guard let offset = reader.u64(), let length = reader.u64(), let checksum = reader.u64(),
                offset >= UInt64(StateLog.headerCount), length < UInt64(Int32.max)
            else { return nil }
            return Location(offset: offset, length: length, checksum: checksum)
        }

        /// Bytes of `write(to:)`.
        public static let encodedCount = 24
    }

    /// The directory's path (`StateFile.location`); the log's name is derived from it.
    public let base: URL
    /// What the log's entries were made by, as in `StateFile`.
    public let key: UInt64
    public let generation: UInt64

    static let magic: [UInt8] = Array("GKSLOG01".utf8)
    /// Magic, key and generation.
    static let headerCount = 24

    public init(base: URL, key: UInt64, generation: UInt64) {
        self.base = base
        self.key = key
        self.generation = generation
    }

    /// The log file: `<directory>-<generation in hex>`.
    public var url: URL {
        let hex = String(generation, radix: 16)
        return base.deletingLastPathComponent().appendingPathComponent(
            base.lastPathComponent + "-" + String(repeating: "0", count: 16 - hex.count) + hex)
    }

    /// The checksum a location of `bytes` carries.
    public static func checksum(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        var hasher = StableHasher()
        hasher.combine(bytes: bytes)
        return hasher.finalize()
    }

    /// The entries at `locations`, read with one open file; nil when the log is missing, is not
    /// this key's and generation's, or any entry is out of the file or fails its checksum.
    public func read(_ locations: [Location]) -> [[UInt8]]? {
        let descriptor = open(url.path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        guard let head = Self.pread(descriptor, count: Self.headerCount, at: 0), head == header else { return nil }
        var entries: [[UInt8]] = []
        entries.reserveCapacity(locations.count)
        for location in locations {
            guard let bytes = Self.pread(descriptor, count: Int(location.length), at: location.offset),
                bytes.withUnsafeBytes(Self.checksum) == location.checksum
            else { return nil }
            entries.append(bytes)
        }
        return entries
    }

    /// The whole log, to take most of its entries (`entry(_:in:)`): one read instead of many;
    /// nil when it is missing or not this key's and generation's.
    public func readAll() -> [UInt8]? {
        guard let bytes = StateFile.readBytes(url.path), bytes.count >= Self.headerCount, bytes.prefix(Self.headerCount).elementsEqual(header)
        else { return nil }
        return bytes
    }

    /// The entry at `location` in what `readAll` returned, if it is there and intact.
    public static func entry(_ location: Location, in log: [UInt8]) -> ArraySlice<UInt8>? {
        guard location.offset <= UInt64(log.count), location.length <= UInt64(log.count) - location.offset else { return nil }
        let slice = log[Int(location.offset)..<Int(location.offset + location.length)]
        return slice.withUnsafeBytes(checksum) == location.checksum ? slice : nil
    }

    /// The log's size in bytes, or nil when it cannot be read.
    public var size: UInt64? {
        var status = stat()
        return stat(url.path, &status) == 0 ? UInt64(status.st_size) : nil
    }

    /// Appends `entries` to the log (which must exist with this key and generation) and returns
    /// where they are. A failure can leave bytes at the end that no location names, nothing else.
    public func append(_ entries: [[UInt8]]) throws -> [Location] {
        let descriptor = open(url.path, O_RDWR | O_APPEND | O_CLOEXEC)
        guard descriptor >= 0 else { throw FileWriter.POSIXError(errno, url.path) }
        defer { close(descriptor) }
        guard let head = Self.pread(descriptor, count: Self.headerCount, at: 0), head == header else {
            throw FileWriter.POSIXError(EINVAL, url.path)
        }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw FileWriter.POSIXError(errno, url.path) }
        var offset = UInt64(status.st_size)
        var locations: [Location] = []
        locations.reserveCapacity(entries.count)
        var pending: [UInt8] = []
        for entry in entries {
            locations.append(Location(offset: offset, length: UInt64(entry.count), checksum: entry.withUnsafeBytes(Self.checksum)))
            offset += UInt64(entry.count)
            pending += entry
        }
        try pending.withUnsafeBytes { try FileWriter.writeAll(descriptor, $0, path: url.path) }
        return locations
    }

    /// Writes a new generation holding `entries`, through a draft renamed into place.
    public static func create(base: URL, key: UInt64, entries: some Sequence<[UInt8]>) throws -> (log: StateLog, locations: [Location]) {
        var generation: UInt64
        repeat {
            generation = UInt64.random(in: 1...UInt64.max)
        } while FileManager.default.fileExists(
            atPath: StateLog(base: base, key: key, generation: generation).url.path)
        let log = StateLog(base: base, key: key, generation: generation)
        var locations: [Location] = []
        try FileWriter.replace(at: log.url) { put in
            try log.header.withUnsafeBytes(put)
            var offset = UInt64(headerCount)
            for entry in entries {
                try entry.withUnsafeBytes { bytes in
                    locations.append(Location(offset: offset, length: UInt64(bytes.count), checksum: checksum(bytes)))
                    try put(bytes)
                }
                offset += UInt64(entry.count)
            }
        }
        return (log, locations)
    }

    /// Deletes every generation of this directory's log but this one. (Drafts of killed builds
    /// are `BuildLeftovers`' to remove: only those of processes that no longer run.)
    public func removeOtherGenerations() {
        let folder = base.deletingLastPathComponent()
        let prefix = base.lastPathComponent + "-"
        let current = url.lastPathComponent
        for name in (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        where name.hasPrefix(prefix) && name.count == prefix.count + 16 && name != current {
            unlink(folder.appendingPathComponent(name).path)
        }
    }

    private var header: [UInt8] {
        var writer = ByteWriter(capacity: Self.headerCount)
        writer.bytes(Self.magic)
        writer.u64(key)
        writer.u64(generation)
        return writer.bytes
    }

    private static func pread(_ descriptor: Int32, count: Int, at offset: UInt64) -> [UInt8]? {
        var failed = false
        let bytes = [UInt8](unsafeUninitializedCapacity: count) { buffer, got in
            guard let base = buffer.baseAddress else { return }
            while got < count {
                let read = Glibc.pread(descriptor, base.advanced(by: got), count - got, off_t(offset) + off_t(got))
                if read < 0 && errno == EINTR { continue }
                if read <= 0 {
                    failed = true
                    return
                }
                got += read
            }
        }
        return failed ? nil : bytes
    }
}
