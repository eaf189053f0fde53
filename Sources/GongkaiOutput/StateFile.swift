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

    /// The payload of the file at `url` if it was written with `key` and is intact.
    public static func read(from url: URL, key: UInt64) -> Outcome {
        guard let data = FileManager.default.contents(atPath: url.path) else { return .missing }
        return decode([UInt8](data), key: key).map(Outcome.loaded) ?? .discarded
    }

    static func decode(_ bytes: [UInt8], key: UInt64) -> [UInt8]? {
        var reader = ByteReader(bytes)
        guard let head = reader.bytes(magic.count), head.elementsEqual(magic), reader.u64() == key,
            let length = reader.u64(), bytes.count >= 32, length == UInt64(bytes.count - 32)
        else { return nil }
        var tail = ByteReader(Array(bytes[(bytes.count - 8)...]))
        guard tail.u64() == checksum(bytes[24..<(bytes.count - 8)]) else { return nil }
        var payload = bytes
        payload.removeLast(8)
        payload.removeFirst(24)
        return payload
    }

    /// `StableHasher` over the bytes, eight at a time.
    static func checksum(_ bytes: ArraySlice<UInt8>) -> UInt64 {
        var hasher = StableHasher()
        bytes.withUnsafeBytes { hasher.combine(bytes: $0) }
        return hasher.finalize()
    }

    static func encode(_ payload: [UInt8], key: UInt64) -> [UInt8] {
        var writer = ByteWriter(capacity: payload.count + 32)
        writer.bytes(magic)
        writer.u64(key)
        writer.u64(UInt64(payload.count))
        writer.bytes(payload)
        writer.u64(checksum(payload[...]))
        return writer.bytes
    }

    /// Writes the file through a temporary file renamed over it.
    public static func write(_ payload: [UInt8], key: UInt64, to url: URL) throws {
        let temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).tmp-\(getpid())")
        let bytes = encode(payload, key: key)
        try bytes.withUnsafeBytes { try FileWriter.write($0, to: temporary.path) }
        guard rename(temporary.path, url.path) == 0 else {
            unlink(temporary.path)
            throw FileWriter.POSIXError(errno, url.path)
        }
    }
}
