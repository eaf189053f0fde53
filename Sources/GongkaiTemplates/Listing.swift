/// A list that is absent when empty, so a template can wrap it (`<ul>`, a heading) only when
/// there is something to show: `{{#documents}}<ul>{{#items}}…{{/items}}</ul>{{/documents}}`,
/// and say so when there is not: `{{^documents}}暂无信息。{{/documents}}`.
public struct Listing<Item: Codable & Sendable>: Codable, Sendable {
    public let items: [Item]
    public let count: Int

    public static func of(_ items: [Item]) -> Listing? {
        items.isEmpty ? nil : Listing(items: items, count: items.count)
    }
}
