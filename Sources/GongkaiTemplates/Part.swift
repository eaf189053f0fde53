/// A view rendered by a partial template of its own, inserted where a template writes
/// `{{{name}}}`: the home page's blocks are parts, each kind with its view type and partial
/// (`templates/partials/<template>.mustache`), which is validated against that type as a page's
/// layout is against its view. A part sees only its own view, not the page around it.
public struct Part: Codable, Sendable {
    public let template: String
    public let view: any Encodable & Sendable

    public init<View: Encodable & Sendable>(_ view: View, template: String) {
        self.view = view
        self.template = template
    }

    private enum Keys: String, CodingKey { case template, view }

    private struct Erased: Encodable {
        let value: any Encodable
        func encode(to encoder: any Encoder) throws { try value.encode(to: encoder) }
    }

    /// For fingerprints: the template and the whole view.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(template, forKey: .template)
        try container.encode(Erased(value: view), forKey: .view)
    }

    /// Parts are made by page kinds, never read back; the schema builder knows them as HTML.
    public init(from decoder: any Decoder) throws {
        throw SchemaError(message: "Part is not decodable")
    }
}
