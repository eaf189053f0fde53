/// Little-endian binary encoding of state payloads. Inlinable: a state of ten thousand
/// documents is tens of millions of calls, which cost seconds as calls across modules.
@frozen public struct ByteWriter: Sendable {
    public var bytes: [UInt8] = []

    @inlinable public init(capacity: Int = 0) { bytes.reserveCapacity(capacity) }

    @inlinable public mutating func u8(_ value: UInt8) { bytes.append(value) }

    @inlinable public mutating func u16(_ value: UInt16) {
        bytes.append(UInt8(truncatingIfNeeded: value))
        bytes.append(UInt8(truncatingIfNeeded: value >> 8))
    }

    @inlinable public mutating func u32(_ value: UInt32) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    @inlinable public mutating func u64(_ value: UInt64) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    @inlinable public mutating func bytes<Bytes: Collection<UInt8>>(_ more: Bytes) { bytes.append(contentsOf: more) }

    /// A string as its UTF-8 length (u32) and bytes.
    @inlinable public mutating func string(_ text: String) {
        u32(UInt32(text.utf8.count))
        bytes.append(contentsOf: text.utf8)
    }
}

/// Reads what `ByteWriter` wrote; every read checks the length left and returns nil past the end.
@frozen public struct ByteReader: Sendable {
    public let buffer: [UInt8]
    public var offset = 0

    @inlinable public init(_ buffer: [UInt8]) { self.buffer = buffer }

    @inlinable public var atEnd: Bool { offset == buffer.count }
    @inlinable public var remaining: Int { buffer.count - offset }

    @inlinable public mutating func bytes(_ count: Int) -> ArraySlice<UInt8>? {
        guard count >= 0, count <= remaining else { return nil }
        defer { offset += count }
        return buffer[offset..<(offset + count)]
    }

    @inlinable public mutating func u8() -> UInt8? {
        guard remaining >= 1 else { return nil }
        defer { offset += 1 }
        return buffer[offset]
    }

    @inlinable public mutating func u16() -> UInt16? {
        guard remaining >= 2 else { return nil }
        defer { offset += 2 }
        return UInt16(buffer[offset]) | UInt16(buffer[offset + 1]) << 8
    }

    @inlinable public mutating func u32() -> UInt32? {
        guard remaining >= 4 else { return nil }
        defer { offset += 4 }
        return buffer.withUnsafeBytes { UInt32(littleEndian: $0.loadUnaligned(fromByteOffset: offset, as: UInt32.self)) }
    }

    @inlinable public mutating func u64() -> UInt64? {
        guard remaining >= 8 else { return nil }
        defer { offset += 8 }
        return buffer.withUnsafeBytes { UInt64(littleEndian: $0.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) }
    }

    /// A string written by `ByteWriter.string`; nil when truncated or not UTF-8.
    @inlinable public mutating func string() -> String? {
        guard let count = u32(), let slice = bytes(Int(count)) else { return nil }
        return String(validating: slice, as: UTF8.self)
    }
}
