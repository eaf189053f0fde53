/// Derives a `ViewSchema` from a `Decodable` view-model type without an instance: it decodes the
/// type from a decoder that records every key the synthesised `init(from:)` asks for and answers
/// with placeholder values. View models may use String, Int, Double, Bool, `HTML`, Optional,
/// Array and nested structs; anything else is reported as a programming error.
public final class SchemaBuilder {
    private var objects: [ObjectIdentifier: ObjectSchema] = [:]

    public init() {}

    public func schema<T: Decodable>(for type: T.Type) throws -> ViewSchema {
        if let primitive = Self.primitive(type) { return primitive.schema }
        if let optional = type as? any SchemaOptional.Type { return try optional.wrappedSchema(self) }
        if let list = type as? any SchemaList.Type { return .list(try list.elementSchema(self)) }
        if let existing = objects[ObjectIdentifier(type)] { return .object(existing) }
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

    /// The schema of a type and a placeholder value of it. Optionals and lists get their
    /// schema without building a value inside them, which keeps recursive types finite.
    func make<T: Decodable>(_ type: T.Type) throws -> (schema: ViewSchema, value: T) {
        if let primitive = Self.primitive(type) { return primitive }
        if let optional = type as? any SchemaOptional.Type {
            return (try optional.wrappedSchema(self), optional.none as! T)
        }
        if let list = type as? any SchemaList.Type {
            return (.list(try list.elementSchema(self)), list.empty as! T)
        }
        let id = ObjectIdentifier(type)
        if let existing = objects[id] {
            return (.object(existing), try T(from: RecordingDecoder(builder: self, object: nil)))
        }
        let object = ObjectSchema(typeName: String(describing: type))
        objects[id] = object
        do {
            let value = try T(from: RecordingDecoder(builder: self, object: object))
            return (.object(object), value)
        } catch {
            throw SchemaError(message: "视图模型 \(type) 含有模板不支持的类型（只能用 String、Int、Double、Bool、HTML、可选值、数组和结构体）：\(error)")
        }
    }
}

public struct SchemaError: Error, CustomStringConvertible {
    public let message: String
    public var description: String { message }
}

protocol SchemaOptional {
    static func wrappedSchema(_ builder: SchemaBuilder) throws -> ViewSchema
    static var none: Any { get }
}

extension Optional: SchemaOptional where Wrapped: Decodable {
    static func wrappedSchema(_ builder: SchemaBuilder) throws -> ViewSchema {
        try builder.schema(for: Wrapped.self)
    }
    /// `nil` of this optional type. (`Wrapped?.none` would name this property itself.)
    static var none: Any {
        let empty: Wrapped? = nil
        return empty as Any
    }
}

protocol SchemaList {
    static func elementSchema(_ builder: SchemaBuilder) throws -> ViewSchema
    static var empty: Any { get }
}

extension Array: SchemaList where Element: Decodable {
    static func elementSchema(_ builder: SchemaBuilder) throws -> ViewSchema {
        try builder.schema(for: Element.self)
    }
    static var empty: Any { [Element]() }
}

/// The decoder handed to a view model's `init(from:)`: records keys into `object` (when given)
/// and returns placeholders.
private struct RecordingDecoder: Decoder {
    let builder: SchemaBuilder
    let object: ObjectSchema?
    var codingPath: [any CodingKey] = []
    var userInfo: [CodingUserInfoKey: Any] = [:]

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        KeyedDecodingContainer(RecordingContainer<Key>(builder: builder, object: object))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        EmptyUnkeyedContainer()
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer {
        PlaceholderValue(builder: builder)
    }
}

private struct RecordingContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let builder: SchemaBuilder
    let object: ObjectSchema?
    var codingPath: [any CodingKey] = []
    var allKeys: [Key] = []

    func contains(_ key: Key) -> Bool { true }
    func decodeNil(forKey key: Key) throws -> Bool { false }

    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
        let made = try builder.make(type)
        object?.record(key.stringValue, made.schema)
        return made.value
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

private struct EmptyUnkeyedContainer: UnkeyedDecodingContainer {
    var codingPath: [any CodingKey] = []
    var count: Int? { 0 }
    var isAtEnd: Bool { true }
    var currentIndex: Int { 0 }

    mutating func decodeNil() throws -> Bool { true }
    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T { throw SchemaError(message: "empty list") }
    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
        throw SchemaError(message: "empty list")
    }
    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer { throw SchemaError(message: "empty list") }
    mutating func superDecoder() throws -> any Decoder { throw SchemaError(message: "empty list") }
}

private struct PlaceholderValue: SingleValueDecodingContainer {
    let builder: SchemaBuilder
    var codingPath: [any CodingKey] = []

    func decodeNil() -> Bool { false }
    func decode<T: Decodable>(_ type: T.Type) throws -> T { try builder.make(type).value }
}
