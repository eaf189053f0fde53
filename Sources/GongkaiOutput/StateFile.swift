import Foundation
import GongkaiModel

#if canImport(Glibc)
    import Glibc
#endif

/// A binary file of build state kept beside the output folder (`site/` → `.site.<name>`),
/// fast to load: an eight-byte magic, the key of what made it (the program and the formats of
/// its contents), the payload's length, the payload and its `StableHasher` checksum.
/// `read` returns nil (and the build recomputes what the file held) when the file is missing,
/// from another program or format, truncated, or fails its checksum; the payload's own reader
/// must still check every length it reads (`ByteReader`), since a checksum is no protection
/// against a crafted file. Written through a temporary file and a rename, so a build killed at
/// any point leaves the old file or the new one, never half of one.
public enum StateFile {
    static let magic: [UInt8] = Array("GKSTATE1".utf8)

    /// Where the state file `name` of an output folder lives.
    public static func location(of output: URL, name: String) -> URL {
        output.deletingLastPathComponent().appendingPathComponent(".\(output.lastPathComponent).\(name)")
    }

    public enum Outcome {
        case missing
        /// The file is there but cannot be used (another program, truncated, corrupted).
        case discarded
        case loaded([UInt8])
    }

    /// The payload of the file at `url` if it was written with `key` and is intact. The file is
    /// read once into the array that is returned (no second copy of a large state).
    public static func read(from url: URL, key: UInt64) -> Outcome {
        guard let bytes = readBytes(url.path) else { return .missing }
        return decode(bytes, key: key).map(Outcome.loaded) ?? .discarded
    }

    /// The whole file, read with one buffer sized from `fstat`; nil when it cannot be read.
    public static func readBytes(_ path: String) -> [UInt8]? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, status.st_size >= 0, status.st_size < Int64(Int32.max) * 4 else { return nil }
        let size = Int(status.st_size)
        var failed = false
        let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
            guard let base = buffer.baseAddress else { return }
            while count < size {
                let got = Glibc.read(descriptor, base.advanced(by: count), size - count)
                if got < 0 && errno == EINTR { continue }
                if got <= 0 {
                    failed = got < 0
                    return
                }
                count += got
            }
        }
        return failed ? nil : bytes
    }

    /// The payload inside `bytes` (head and checksum removed in place: one shift, no second array).
    static func decode(_ bytes: consuming [UInt8], key: UInt64) -> [UInt8]? {
        guard isIntact(bytes, key: key) else { return nil }
        bytes.removeLast(8)
        bytes.removeFirst(24)
        return bytes
    }

    /// Whether `bytes` holds a state written with `key`, of its stated length and checksum.
    static func isIntact(_ bytes: [UInt8], key: UInt64) -> Bool {
        guard bytes.count >= 32 else { return false }
        var reader = ByteReader(bytes)
        guard let head = reader.bytes(magic.count), head.elementsEqual(magic), reader.u64() == key,
            let length = reader.u64(), length == UInt64(bytes.count - 32)
        else { return false }
        reader.offset = bytes.count - 8
        return reader.u64() == checksum(bytes[24..<(bytes.count - 8)])
    }

    /// `StableHasher` over the bytes, eight at a time.
    static func checksum(_ bytes: ArraySlice<UInt8>) -> UInt64 {
        var hasher = StableHasher()
        bytes.withUnsafeBytes { hasher.combineWords(bytes: $0) }
        return hasher.finalize()
    }

    /// The 24 bytes before the payload: magic, key, payload length.
    static func header(payloadCount: Int, key: UInt64) -> [UInt8] {
        var writer = ByteWriter(capacity: 24)
        writer.bytes(magic)
        writer.u64(key)
        writer.u64(UInt64(payloadCount))
        return writer.bytes
    }

    /// Writes the file through a draft renamed over it (`FileWriter.replace`).
    public static func write(_ payload: [UInt8], key: UInt64, to url: URL) throws {
        try write(count: payload.count, key: key, to: url) { put in try payload.withUnsafeBytes(put) }
    }

    /// Writes a payload of `count` bytes that `body` hands to `put` in chunks, with the checksum
    /// computed as they pass: a large state is never held as one buffer beside what it encodes.
    /// Throws, and leaves the old file, when `body` hands over another number of bytes.
    public static func write(
        count: Int, key: UInt64, to url: URL, _ body: ((UnsafeRawBufferPointer) throws -> Void) throws -> Void
    ) throws {
        let head = header(payloadCount: count, key: key)
        try FileWriter.replace(at: url) { put in
            try head.withUnsafeBytes(put)
            var checksum = Checksum()
            try withoutActuallyEscaping(put) { put in
                try body { chunk in
                    checksum.add(chunk)
                    try put(chunk)
                }
            }
            guard checksum.count == count else { throw LengthMismatch(stated: count, written: checksum.count) }
            var trailer = ByteWriter(capacity: 8)
            trailer.u64(checksum.finalize())
            try trailer.bytes.withUnsafeBytes(put)
        }
    }

    /// A payload that was not as long as its header says (a bug in its encoder).
    struct LengthMismatch: Error {
        let stated: Int
        let written: Int
    }

    /// `checksum(_:)` of bytes that arrive in chunks of any size: the same value as over the
    /// whole, because whole words are combined as they complete and the tail with the total length.
    struct Checksum {
        private var hasher = StableHasher()
        /// The bytes of an incomplete word, the first in the lowest byte.
        private var pending: UInt64 = 0
        private var pendingCount = 0
        private(set) var count = 0

        mutating func add(_ bytes: UnsafeRawBufferPointer) {
            count += bytes.count
            var index = 0
            while pendingCount > 0, pendingCount < 8, index < bytes.count {
                pending |= UInt64(bytes[index]) << UInt64(8 * pendingCount)
                pendingCount += 1
                index += 1
            }
            if pendingCount == 8 {
                hasher.combine(pending)
                pending = 0
                pendingCount = 0
            }
            while index + 8 <= bytes.count {
                hasher.combine(bytes.loadUnaligned(fromByteOffset: index, as: UInt64.self))
                index += 8
            }
            while index < bytes.count {
                pending |= UInt64(bytes[index]) << UInt64(8 * pendingCount)
                pendingCount += 1
                index += 1
            }
        }

        func finalize() -> UInt64 {
            var hasher = hasher
            hasher.combine(pending ^ (UInt64(count) << 56))
            return hasher.finalize()
        }
    }
}
