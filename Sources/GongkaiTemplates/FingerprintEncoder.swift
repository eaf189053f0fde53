import GongkaiModel

/// Hashes an `Encodable` value (a page's view model) without building it into anything: two
/// views give the same fingerprint exactly when they encode the same keys and values in the same
/// order, which for the synthesized conformances of view structs means they render the same.
public enum FingerprintEncoder {
    public static func fingerprint<T: Encodable>(_ value: T, into hasher: inout StableHasher) {
        let sink = HashSink(hasher)
        sink.value(value)
        hasher = sink.hasher
    }

    public static func fingerprint(any value: any Encodable, into hasher: inout StableHasher) {
        func open<T: Encodable>(_ value: T) { fingerprint(value, into: &hasher) }
        open(value)
    }
}

/// The hasher the containers of one fingerprint share.
final class HashSink: Encoder {
    var hasher: StableHasher
    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    init(_ hasher: StableHasher) { self.hasher = hasher }

    enum Marker: UInt64 {
        case null = 0xA1
        case string, bool, int, double, object, list, end, html
        /// A `Shared` part, by the fingerprint it was given when made.
        case shared
    }

    func mark(_ marker: Marker) { hasher.combine(marker.rawValue) }

    /// The leaves by their exact type: comparing metatypes costs a pointer comparison where a
    /// dynamic cast (`as? String`) costs a few hundred instructions for every value of a view.
    func value<T: Encodable>(_ value: T) {
        if T.self == String.self {
            mark(.string)
            hasher.combine(Self.leaf(value, as: String.self))
        } else if T.self == HTML.self {
            mark(.html)
            hasher.combine(Self.leaf(value, as: HTML.self).markup)
        } else if T.self == Bool.self {
            mark(.bool)
            hasher.combine(Self.leaf(value, as: Bool.self))
        } else if T.self == Int.self {
            mark(.int)
            hasher.combine(Self.leaf(value, as: Int.self))
        } else if T.self == Double.self {
            mark(.double)
            hasher.combine(Self.leaf(value, as: Double.self).bitPattern)
        } else {
            try? value.encode(to: self)
            mark(.end)
        }
    }

    /// `value` as `Leaf`, which is its type: a copy of it (with its references retained), not a cast.
    @inline(__always)
    private static func leaf<T, Leaf>(_ value: T, as type: Leaf.Type) -> Leaf {
        withUnsafePointer(to: value) { $0.withMemoryRebound(to: Leaf.self, capacity: 1) { $0.pointee } }
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        mark(.object)
        return KeyedEncodingContainer(HashKeyedContainer<Key>(sink: self))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        mark(.list)
        return HashUnkeyedContainer(sink: self)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer { HashSingleContainer(sink: self) }
}

struct HashKeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let sink: HashSink
    var codingPath: [any CodingKey] { [] }

    private func key(_ key: Key) { sink.hasher.combine(key.stringValue) }

    mutating func encodeNil(forKey key: Key) {
        self.key(key)
        sink.mark(.null)
    }
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) {
        self.key(key)
        sink.value(value)
    }
    mutating func encode(_ value: String, forKey key: Key) {
        self.key(key)
        sink.mark(.string)
        sink.hasher.combine(value)
    }
    mutating func encode(_ value: Bool, forKey key: Key) {
        self.key(key)
        sink.mark(.bool)
        sink.hasher.combine(value)
    }
    mutating func encode(_ value: Int, forKey key: Key) {
        self.key(key)
        sink.mark(.int)
        sink.hasher.combine(value)
    }
    // The optionals of view models, without the detour through the protocol's generic default.
    mutating func encodeIfPresent(_ value: String?, forKey key: Key) { if let value { encode(value, forKey: key) } }
    mutating func encodeIfPresent(_ value: Bool?, forKey key: Key) { if let value { encode(value, forKey: key) } }
    mutating func encodeIfPresent(_ value: Int?, forKey key: Key) { if let value { encode(value, forKey: key) } }
    mutating func encodeIfPresent<T: Encodable>(_ value: T?, forKey key: Key) { if let value { encode(value, forKey: key) } }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        self.key(key)
        sink.mark(.object)
        return KeyedEncodingContainer(HashKeyedContainer<NestedKey>(sink: sink))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        self.key(key)
        sink.mark(.list)
        return HashUnkeyedContainer(sink: sink)
    }

    mutating func superEncoder() -> any Encoder { sink }
    mutating func superEncoder(forKey key: Key) -> any Encoder {
        self.key(key)
        return sink
    }
}

struct HashUnkeyedContainer: UnkeyedEncodingContainer {
    let sink: HashSink
    var codingPath: [any CodingKey] { [] }
    private(set) var count = 0

    init(sink: HashSink) { self.sink = sink }

    mutating func encodeNil() {
        count += 1
        sink.mark(.null)
    }
    mutating func encode<T: Encodable>(_ value: T) {
        count += 1
        sink.value(value)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        count += 1
        sink.mark(.object)
        return KeyedEncodingContainer(HashKeyedContainer<NestedKey>(sink: sink))
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        count += 1
        sink.mark(.list)
        return HashUnkeyedContainer(sink: sink)
    }

    mutating func superEncoder() -> any Encoder { sink }
}

struct HashSingleContainer: SingleValueEncodingContainer {
    let sink: HashSink
    var codingPath: [any CodingKey] { [] }

    mutating func encodeNil() { sink.mark(.null) }
    mutating func encode<T: Encodable>(_ value: T) { sink.value(value) }
}
