import Mustache

/// Turns a view-model value into the dictionaries and arrays swift-mustache looks names up in:
/// one reflection per value instead of one per lookup. A nil optional becomes `NullValue`, so
/// that a name whose value is missing renders nothing instead of being looked up further out.
enum ViewEncoder {
    static func encode(_ value: Any) -> Any {
        switch value {
        case let text as String: return text
        case let html as HTML: return html
        case let flag as Bool: return flag
        case let number as Int: return number
        case let number as Double: return number
        default: break
        }
        let mirror = Mirror(reflecting: value)
        switch mirror.displayStyle {
        case .optional:
            guard let wrapped = mirror.children.first else { return NullValue() }
            return encode(wrapped.value)
        case .collection:
            return mirror.children.map { encode($0.value) }
        default:
            var fields: [String: Any] = [:]
            fields.reserveCapacity(Int(mirror.children.count))
            for child in mirror.children {
                if let label = child.label { fields[label] = encode(child.value) }
            }
            return fields
        }
    }
}

/// A missing value: found by name (so lookup stops here) but rendering as nothing and false.
struct NullValue: MustacheCustomRepresentation {
    var representation: Any? { nil }
}
