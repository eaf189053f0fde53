/// Derives a `ViewSchema` from a `Decodable` view-model type without an instance: it decodes the
/// type from a decoder that records every key the synthesised `init(from:)` asks for and answers
/// with placeholder values. View models may use String, Int, Double, Bool, `HTML`, Optional,
/// Array and nested structs; anything else is reported as a programming error.
///
/// A type shows its shape by the container its `init(from:)` asks for (keyed: a struct; unkeyed:
/// a list, whose element type it names when it decodes the first element; single value: an
/// optional or a wrapper), so the builder needs no dynamic cast to a protocol: such a cast scans
/// every conformance of the program the first time it meets each type, which cost more than
/// all the rest of a no-op build's checking. Each type is decoded once; its schema and
/// placeholder are kept for every later field of that type.
public final class SchemaBuilder {
    /// The schema of every type met so far; an object's while its fields are still being recorded.
    private var schemas: [ObjectIdentifier: ViewSchema] = [:]
    /// A placeholder value of every type whose decoding finished.
    private var placeholders: [ObjectIdentifier: Any] = [:]

    public init() {}

    public func schema<T: Decodable>(for type: T.Type) throws -> ViewSchema {
        if let primitive = Self.primitive(type) { return primitive.schema }
        if let known = schemas[ObjectIdentifier(type)] { return known }
        return try make(type).schema
    }

    private static func primitive<T>(_ type: T.Type) -> (schema: ViewSchema, value: T)? {
        switch type {
        case is String.Type: return (.text, "" as! T)
        case is Bool.Type: return (.bool, false as! T)
        case is Int.Type: return (.number, 0 as! T)
        case is Double.Type: return (.number, 0.0 as! T)
        case is HTML.Type: return (.html, HTML("") as! T)
        case is Part.Type: return (.html, Part(HTML(""), template: "") as! T)
        default: return nil
        }
    }

    /// The schema of a type and a placeholder value of it. Lists get their schema without
    /// building a value inside them, and optional fields without building the value they wrap,
    /// which keeps recursive types finite.
    func make<T: Decodable>(_ type: T.Type) throws -> (schema: ViewSchema, value: T) {
        if let primitive = Self.primitive(type) { return primitive }
        let id = ObjectIdentifier(type)
        if let placeholder = placeholders[id], let schema = schemas[id] { return (schema, placeholder as! T) }
        guard schemas[id] == nil else {
            throw SchemaError(message: "视图模型 \(type) 不经过可选值或数组就包含了自己")
        }
        let shape = Shape(type: type)
        do {
            let value: T
            do {
                value = try T(from: RecordingDecoder(builder: self, shape: shape))
            } catch is ElementRecorded {
                value = try T(from: RecordingDecoder(builder: self, shape: shape, emptyList: true))
            }
            let schema = shape.schema ?? shape.object(in: self)
            schemas[id] = schema
            placeholders[id] = value
            return (schema, value)
        } catch {
            throw SchemaError(message: "视图模型 \(type) 含有模板不支持的类型（只能用 String、Int、Double、Bool、HTML、可选值、数组和结构体）：\(error)")
        }
    }

    fileprivate func register(_ schema: ViewSchema, of type: Any.Type) {
        schemas[ObjectIdentifier(type)] = schema
    }
}

public struct SchemaError: Error, CustomStringConvertible {
    public let message: String
    public var description: String { message }
}

/// What the decoding of one type found out about it.
private final class Shape {
    let type: Any.Type
    var schema: ViewSchema?

    init(type: Any.Type) {
        self.type = type
    }

    /// The type's object schema, made and registered the first time it is asked for (before its
    /// fields are decoded, so that a field of a list of this type finds it).
    func object(in builder: SchemaBuilder) -> ViewSchema {
        if let schema { return schema }
        let made = ViewSchema.object(ObjectSchema(type: type))
        schema = made
        builder.register(made, of: type)
        return made
    }
}

/// Thrown by a list's container once it has recorded the element type: the list is then decoded
/// again, empty.
private struct ElementRecorded: Error {}

/// The decoder handed to a view model's `init(from:)`: records what the type asks for into
/// `shape` and returns placeholders.
private struct RecordingDecoder: Decoder {
    let builder: SchemaBuilder
    let shape: Shape
    var emptyList = false
    var codingPath: [any CodingKey] = []
    var userInfo: [CodingUserInfoKey: Any] = [:]

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        guard case .object(let object) = shape.object(in: builder) else { throw SchemaError(message: "keyed container") }
        return KeyedDecodingContainer(RecordingContainer<Key>(builder: builder, object: object))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        RecordingList(builder: builder, shape: shape, isAtEnd: emptyList)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer {
        PlaceholderValue(builder: builder, shape: shape)
    }
}

private struct RecordingContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let builder: SchemaBuilder
    let object: ObjectSchema
    var codingPath: [any CodingKey] = []
    var allKeys: [Key] = []

    func contains(_ key: Key) -> Bool { true }
    func decodeNil(forKey key: Key) throws -> Bool { false }

    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
        let made = try builder.make(type)
        object.record(key.stringValue, made.schema)
        return made.value
    }

    /// An optional field: its schema is the wrapped type's, and its placeholder nil.
    func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
        object.record(key.stringValue, try builder.schema(for: type))
        return nil
    }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
        throw SchemaError(message: "nested containers")
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        throw SchemaError(message: "nested containers")
    }

    func superDecoder() throws -> any Decoder { throw SchemaError(message: "superDecoder") }
    func superDecoder(forKey key: Key) throws -> any Decoder { throw SchemaError(message: "superDecoder") }
}

/// A list's container: not at its end until it has recorded the element type the list asks
/// for, then (`isAtEnd`) empty.
private struct RecordingList: UnkeyedDecodingContainer {
    let builder: SchemaBuilder
    let shape: Shape
    var isAtEnd: Bool
    var codingPath: [any CodingKey] = []
    var count: Int? { isAtEnd ? 0 : nil }
    var currentIndex: Int { 0 }

    mutating func decodeNil() throws -> Bool { false }
    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
        shape.schema = .list(try builder.schema(for: type))
        throw ElementRecorded()
    }
    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
        throw SchemaError(message: "nested containers")
    }
    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer { throw SchemaError(message: "nested containers") }
    mutating func superDecoder() throws -> any Decoder { throw SchemaError(message: "superDecoder") }
}

/// An optional (its schema is the wrapped type's) or a type that wraps one value.
private struct PlaceholderValue: SingleValueDecodingContainer {
    let builder: SchemaBuilder
    let shape: Shape
    var codingPath: [any CodingKey] = []

    func decodeNil() -> Bool { false }
    func decode<T: Decodable>(_ type: T.Type) throws -> T {
        let made = try builder.make(type)
        shape.schema = made.schema
        return made.value
    }
}
