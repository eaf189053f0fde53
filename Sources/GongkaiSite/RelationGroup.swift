import GongkaiTemplates

/// Related documents under one heading (相关解读, 解读对象, 新版本, 旧版本).
public struct RelationGroup: Codable, Sendable {
    let title: String
    let documents: Listing<DocumentSummary>?
}
