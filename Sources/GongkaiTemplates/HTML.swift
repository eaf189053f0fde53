/// Markup that templates insert as is with `{{{name}}}`: rendered Markdown and nothing else.
/// Every other view-model value is text and is escaped; the template validator enforces both.
public struct HTML: Sendable, Codable, Hashable {
    public let markup: String

    public init(_ markup: String) {
        self.markup = markup
    }

    public init(from decoder: any Decoder) throws {
        markup = try decoder.singleValueContainer().decode(String.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(markup)
    }
}
