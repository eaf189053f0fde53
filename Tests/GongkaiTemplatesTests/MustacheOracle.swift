import Foundation
import Mustache

@testable import GongkaiTemplates

/// swift-mustache's rendering of a view, to hold the compiled templates to: the view's tree
/// turned into what swift-mustache looks names up in (dictionaries, arrays, values it casts),
/// each `Part` in it rendered by swift-mustache too.
extension TemplateSet {
    func mustacheRender(_ view: any Encodable, template: String) -> String {
        let tree = self.tree(of: view) { mustacheRender($0.view, template: $0.template) }
        return library.render(mustacheValue(tree), withTemplate: template) ?? ""
    }

    func mustacheValue(_ value: ViewValue) -> Any {
        switch value {
        case .null: return MustacheNull()
        case .text(let text): return MustacheText(text: text)
        case .string(let text): return text
        case .html(let markup): return MustacheHTML(markup: markup)
        case .bool(let flag): return flag
        case .int(let number): return number
        case .double(let number): return number
        case .object(let object):
            var fields: [String: Any] = [:]
            for (id, field) in zip(object.ids, object.values) { fields[program.names.names[id]] = mustacheValue(field) }
            return fields
        case .list(let list): return list.items.map(mustacheValue)
        }
    }
}

/// A text value (a stored `text`, which swift-mustache finds by reflection).
struct MustacheText: MustacheCustomRenderable {
    let text: String
    var renderText: String { text }
    var isNull: Bool { false }
}

struct MustacheHTML: MustacheCustomRenderable {
    let markup: String
    var renderText: String { markup }
    var isNull: Bool { markup.isEmpty }
}

/// A missing value: found by name (so lookup stops here) but rendering as nothing and false.
struct MustacheNull: MustacheCustomRepresentation {
    var representation: Any? { nil }
}
