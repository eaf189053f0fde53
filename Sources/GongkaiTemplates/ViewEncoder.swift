/// Turns a view-model value into the `ViewValue` tree the compiled templates read, through the
/// view's `Encodable` conformance. A nil optional becomes `.null`, so that a name whose value is
/// missing renders nothing instead of being looked up further out in the context stack. Only
/// the fields whose names some template uses are kept (the others cannot be looked up); their
/// values are not encoded at all.
/// A `Part` is rendered by `parts` (its own template) and inserted as HTML.
struct ViewEncoder {
    let names: TemplateNames
    let parts: (Part) -> String

    func tree<T: Encodable>(_ value: T) -> ViewValue {
        // Each kind known by its type, not by a cast: six failed casts for every object and list
        // of a view were a tenth of making it. An optional takes the last path: its
        // `encode(to:)` hands the wrapped value (or nil) back here.
        if T.self == String.self { return .text(unsafeBitCast(value, to: String.self)) }
        if T.self == HTML.self { return .html(unsafeBitCast(value, to: HTML.self).markup) }
        if T.self == Part.self {
            var markup = parts(unsafeBitCast(value, to: Part.self))
            // The part's own last line break: the template that inserts it ends the line.
            if markup.hasSuffix("\n") { markup.removeLast() }
            return .html(markup)
        }
        if T.self == Bool.self { return .bool(unsafeBitCast(value, to: Bool.self)) }
        if T.self == Int.self { return .int(unsafeBitCast(value, to: Int.self)) }
        if T.self == Double.self { return .double(unsafeBitCast(value, to: Double.self)) }
        let encoder = TreeEncoder(self)
        // The encoders below never throw; a view whose own `encode(to:)` throws renders empty.
        try? value.encode(to: encoder)
        return encoder.value
    }

    func tree(any value: any Encodable) -> ViewValue {
        func open<T: Encodable>(_ value: T) -> ViewValue { tree(value) }
        return open(value)
    }
}

/// Collects what one value encodes: a keyed object, a list, or a single value.
final class TreeEncoder: Encoder {
    let encoding: ViewEncoder
    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }
    private var object: ViewObject?
    private var list: ViewList?
    private var single: ViewValue?

    init(_ encoding: ViewEncoder) {
        self.encoding = encoding
    }

    var value: ViewValue {
        if let object { return .object(object) }
        if let list { return .list(list) }
        return single ?? .null
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        let object = self.object ?? ViewObject()
        self.object = object
        return KeyedEncodingContainer(TreeKeyedContainer<Key>(object: object, encoding: encoding))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        let list = self.list ?? ViewList()
        self.list = list
        return TreeUnkeyedContainer(list: list, encoding: encoding)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        TreeSingleContainer(encoder: self)
    }

    fileprivate func set(_ value: ViewValue) { single = value }
}

struct TreeKeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let object: ViewObject
    let encoding: ViewEncoder
    var codingPath: [any CodingKey] { [] }

    /// The id of the key's name, nil when no template uses it.
    @inline(__always)
    private func id(_ key: Key) -> Int? { encoding.names.id(key.stringValue) }

    mutating func encodeNil(forKey key: Key) { if let id = id(key) { object.set(id, .null) } }
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) { if let id = id(key) { object.set(id, encoding.tree(value)) } }
    mutating func encode(_ value: String, forKey key: Key) { if let id = id(key) { object.set(id, .text(value)) } }
    mutating func encode(_ value: Bool, forKey key: Key) { if let id = id(key) { object.set(id, .bool(value)) } }
    mutating func encode(_ value: Int, forKey key: Key) { if let id = id(key) { object.set(id, .int(value)) } }
    mutating func encodeIfPresent<T: Encodable>(_ value: T?, forKey key: Key) { store(value, key) }
    // Every concrete overload too: their default implementations skip nil, which would let a
    // missing value be looked up in an enclosing view.
    mutating func encodeIfPresent(_ value: String?, forKey key: Key) { store(value, key) }
    mutating func encodeIfPresent(_ value: Bool?, forKey key: Key) { store(value, key) }
    mutating func encodeIfPresent(_ value: Int?, forKey key: Key) { store(value, key) }
    mutating func encodeIfPresent(_ value: Double?, forKey key: Key) { store(value, key) }
    mutating func encodeIfPresent(_ value: Float?, forKey key: Key) { store(value, key) }
    mutating func encodeIfPresent(_ value: Int8?, forKey key: Key) { store(value, key) }
    mutating func encodeIfPresent(_ value: Int16?, forKey key: Key) { store(value, key) }
    mutating func encodeIfPresent(_ value: Int32?, forKey key: Key) { store(value, key) }
    mutating func encodeIfPresent(_ value: Int64?, forKey key: Key) { store(value, key) }
    mutating func encodeIfPresent(_ value: UInt?, forKey key: Key) { store(value, key) }
    mutating func encodeIfPresent(_ value: UInt8?, forKey key: Key) { store(value, key) }
    mutating func encodeIfPresent(_ value: UInt16?, forKey key: Key) { store(value, key) }
    mutating func encodeIfPresent(_ value: UInt32?, forKey key: Key) { store(value, key) }
    mutating func encodeIfPresent(_ value: UInt64?, forKey key: Key) { store(value, key) }

    private func store<T: Encodable>(_ value: T?, _ key: Key) {
        guard let id = id(key) else { return }
        object.set(id, value.map { encoding.tree($0) } ?? .null)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        let nested = ViewObject()
        if let id = id(key) { object.set(id, .object(nested)) }
        return KeyedEncodingContainer(TreeKeyedContainer<NestedKey>(object: nested, encoding: encoding))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        let nested = ViewList()
        if let id = id(key) { object.set(id, .list(nested)) }
        return TreeUnkeyedContainer(list: nested, encoding: encoding)
    }

    mutating func superEncoder() -> any Encoder { TreeEncoder(encoding) }
    mutating func superEncoder(forKey key: Key) -> any Encoder { TreeEncoder(encoding) }
}

struct TreeUnkeyedContainer: UnkeyedEncodingContainer {
    let list: ViewList
    let encoding: ViewEncoder
    var codingPath: [any CodingKey] { [] }
    var count: Int { list.items.count }

    mutating func encodeNil() { list.items.append(.null) }
    mutating func encode<T: Encodable>(_ value: T) { list.items.append(encoding.tree(value)) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        let nested = ViewObject()
        list.items.append(.object(nested))
        return KeyedEncodingContainer(TreeKeyedContainer<NestedKey>(object: nested, encoding: encoding))
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        let nested = ViewList()
        list.items.append(.list(nested))
        return TreeUnkeyedContainer(list: nested, encoding: encoding)
    }

    mutating func superEncoder() -> any Encoder { TreeEncoder(encoding) }
}

struct TreeSingleContainer: SingleValueEncodingContainer {
    let encoder: TreeEncoder
    var codingPath: [any CodingKey] { [] }

    mutating func encodeNil() { encoder.set(.null) }
    mutating func encode<T: Encodable>(_ value: T) { encoder.set(encoder.encoding.tree(value)) }
}
