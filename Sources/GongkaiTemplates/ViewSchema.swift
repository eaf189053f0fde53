/// The shape of a view model as templates see it: which names exist and what each one is.
/// Derived from the Swift type itself (see `SchemaBuilder`), so it needs no example values.
public indirect enum ViewSchema: Sendable {
    case text
    case number
    case bool
    case html
    case list(ViewSchema)
    case object(ObjectSchema)

    /// What a name refers to, in words for an error message.
    var kindDescription: String {
        switch self {
        case .text: return "文字"
        case .number: return "数字"
        case .bool: return "真假值"
        case .html: return "HTML 片段"
        case .list: return "列表"
        case .object: return "对象"
        }
    }
}

/// The fields of one view-model type. A class so that recursive types (a column tree) can refer
/// to their own schema.
public final class ObjectSchema: @unchecked Sendable {
    /// The view-model type. (Its name is made only when asked for: `String(describing:)` looks
    /// for conformances of each type it meets, which costs more than the schema itself.)
    public let type: Any.Type
    public var typeName: String { String(describing: type) }
    public private(set) var fields: [String: ViewSchema] = [:]
    public private(set) var fieldOrder: [String] = []

    init(type: Any.Type) {
        self.type = type
    }

    func record(_ name: String, _ schema: ViewSchema) {
        if fields[name] == nil { fieldOrder.append(name) }
        fields[name] = schema
    }
}
