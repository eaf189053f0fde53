/// A view model as the compiled templates read it: the values of `Encodable` views, typed, with
/// each object's fields under the ids of the names templates use (`TemplateNames`). Built per
/// page by `ViewEncoder`, read by `TemplateRenderer`.
enum ViewValue {
    /// A missing value (a nil optional): found by name, so lookup stops here, but renders as
    /// nothing and is false.
    case null
    /// A `String` of the view.
    case text(String)
    /// The text inside a text or HTML value, named `text` or `markup` in a section over that
    /// value (swift-mustache finds the stored property by reflection): renders as text, has no
    /// names of its own.
    case string(String)
    case html(String)
    case bool(Bool)
    case int(Int)
    case double(Double)
    case object(ViewObject)
    case list(ViewList)
}

/// The fields of one object, by name id; a reference so that a nested container filled after it
/// was stored (hand-written `encode(to:)`) is seen.
final class ViewObject {
    private(set) var ids: [Int] = []
    private(set) var values: [ViewValue] = []

    func set(_ id: Int, _ value: ViewValue) {
        if let index = ids.firstIndex(of: id) {
            values[index] = value
        } else {
            ids.append(id)
            values.append(value)
        }
    }

    /// The field named by `id`, `nil` when the object has none.
    @inline(__always)
    func field(_ id: Int) -> ViewValue? {
        var index = 0
        while index < ids.count {
            if ids[index] == id { return values[index] }
            index += 1
        }
        return nil
    }
}

final class ViewList {
    var items: [ViewValue] = []
}
