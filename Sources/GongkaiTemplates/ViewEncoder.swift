import Mustache

/// Turns a view-model value into the dictionaries and arrays swift-mustache looks names up in,
/// through the view's `Encodable` conformance (reflection with `Mirror` cost a sixth of a
/// build). A nil optional becomes `NullValue`, so that a name whose value is missing renders
/// nothing instead of being looked up further out in the context stack.
/// A `Part` is rendered here, by its own template from `library`, and inserted as HTML.
enum ViewEncoder {
    static func encode(_ value: Any, library: MustacheLibrary? = nil) -> Any {
        guard let encodable = value as? any Encodable else { return value }
        return tree(encodable, library: library)
    }

    static func tree<T: Encodable>(_ value: T, library: MustacheLibrary?) -> Any {
        switch value {
        case let text as String: return Text(text)
        case let html as HTML: return html
        case let part as Part:
            var markup = library?.render(encode(part.view, library: library), withTemplate: part.template) ?? ""
            // The part's own last line break: the template that inserts it ends the line.
            if markup.hasSuffix("\n") { markup.removeLast() }
            return HTML(markup)
        case let flag as Bool: return flag
        case let number as Int: return number
        case let number as Double: return number
        default:
            let encoder = TreeEncoder(library: library)
            // The encoders below never throw; a view whose own `encode(to:)` throws renders empty.
            try? value.encode(to: encoder)
            return encoder.value
        }
    }
}

/// A text value. swift-mustache renders a plain `String` after trying it as a template, a
/// renderable, a lambda and an optional, then `String(describing:)`; a renderable is taken at the
/// second try. Sections and `{{.}}` treat it as they treat a string.
struct Text: MustacheCustomRenderable {
    let text: String
    init(_ text: String) { self.text = text }
    var renderText: String { text }
    var isNull: Bool { false }
}

/// A missing value: found by name (so lookup stops here) but rendering as nothing and false.
struct NullValue: MustacheCustomRepresentation {
    var representation: Any? { nil }
}

/// Collects what one value encodes: a keyed object, a list, or a single value.
final class TreeEncoder: Encoder {
    let library: MustacheLibrary?
    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }
    private var object: TreeObject?
    private var list: TreeList?
    private var single: Any?

    init(library: MustacheLibrary?) {
        self.library = library
    }

    var value: Any {
        if let object { return object.fields }
        if let list { return list.items }
        return single ?? NullValue()
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        let object = self.object ?? TreeObject()
        self.object = object
        return KeyedEncodingContainer(TreeKeyedContainer<Key>(object: object, library: library))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        let list = self.list ?? TreeList()
        self.list = list
        return TreeUnkeyedContainer(list: list, library: library)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        TreeSingleContainer(encoder: self)
    }

    fileprivate func set(_ value: Any) { single = value }
}

final class TreeObject {
    var fields: [String: Any] = [:]
}

final class TreeList {
    var items: [Any] = []
}

struct TreeKeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let object: TreeObject
    let library: MustacheLibrary?
    var codingPath: [any CodingKey] { [] }

    mutating func encodeNil(forKey key: Key) { object.fields[key.stringValue] = NullValue() }
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) { object.fields[key.stringValue] = ViewEncoder.tree(value, library: library) }
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
        object.fields[key.stringValue] = value.map { ViewEncoder.tree($0, library: library) } ?? NullValue()
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        let nested = TreeObject()
        object.fields[key.stringValue] = NestedObject(nested)
        return KeyedEncodingContainer(TreeKeyedContainer<NestedKey>(object: nested, library: library))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        let nested = TreeList()
        object.fields[key.stringValue] = NestedList(nested)
        return TreeUnkeyedContainer(list: nested, library: library)
    }

    mutating func superEncoder() -> any Encoder { TreeEncoder(library: library) }
    mutating func superEncoder(forKey key: Key) -> any Encoder { TreeEncoder(library: library) }
}

struct TreeUnkeyedContainer: UnkeyedEncodingContainer {
    let list: TreeList
    let library: MustacheLibrary?
    var codingPath: [any CodingKey] { [] }
    var count: Int { list.items.count }

    mutating func encodeNil() { list.items.append(NullValue()) }
    mutating func encode<T: Encodable>(_ value: T) { list.items.append(ViewEncoder.tree(value, library: library)) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        let nested = TreeObject()
        list.items.append(NestedObject(nested))
        return KeyedEncodingContainer(TreeKeyedContainer<NestedKey>(object: nested, library: library))
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        let nested = TreeList()
        list.items.append(NestedList(nested))
        return TreeUnkeyedContainer(list: nested, library: library)
    }

    mutating func superEncoder() -> any Encoder { TreeEncoder(library: library) }
}

struct TreeSingleContainer: SingleValueEncodingContainer {
    let encoder: TreeEncoder
    var codingPath: [any CodingKey] { [] }

    mutating func encodeNil() { encoder.set(NullValue()) }
    mutating func encode<T: Encodable>(_ value: T) { encoder.set(ViewEncoder.tree(value, library: encoder.library)) }
}

/// A nested container filled after it was stored (hand-written `encode(to:)` only); looked up
/// through the reference so later writes are seen.
struct NestedObject: MustacheParent {
    let object: TreeObject
    init(_ object: TreeObject) { self.object = object }
    func child(named name: String) -> Any? { object.fields[name] }
}

struct NestedList: MustacheCustomRepresentation {
    let list: TreeList
    init(_ list: TreeList) { self.list = list }
    var representation: Any? { list.items }
}
