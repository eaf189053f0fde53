/// A list that is absent when empty, so a template can wrap it (`<ul>`, a heading) only when
/// there is something to show: `{{#documents}}<ul>{{#items}}…{{/items}}</ul>{{/documents}}`,
/// and say so when there is not: `{{^documents}}暂无信息。{{/documents}}`.
public struct Listing<Item: Codable & Sendable>: Codable, Sendable {
    let items: [Item]
    let count: Int

    static func of(_ items: [Item]) -> Listing? {
        items.isEmpty ? nil : Listing(items: items, count: items.count)
    }
}

/// Related documents under one heading (相关解读, 解读对象, 新版本, 旧版本).
public struct RelationGroup: Codable, Sendable {
    let title: String
    let documents: Listing<DocumentSummary>?
}
