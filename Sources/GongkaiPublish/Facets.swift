import GongkaiModel

/// Everything the search index holds (published documents and answered 常见问题) grouped by
/// each search facet (年份, 发文机关, 文件类型, 主题分类, 有效性), once per build: the policy
/// library's lists and listings, the search page's filters and the index's facet files all
/// count the same entries.
public struct Facets: Sendable {
    public struct Group: Sendable {
        public let facet: SearchFacet
        public let value: String
        /// Newest first.
        public let entries: [SearchRecord]
    }

    /// The records grouped, without bodies: documents and questions merged newest first.
    public let records: [SearchRecord]
    /// Per facet, its values in order (years newest first, the others most common first).
    public let groups: [SearchFacet: [Group]]

    init(documents: [SearchRecord], faqs: [SearchRecord]) {
        let records = Self.merged(documents, faqs.sorted { $0.published > $1.published })
        var groups: [SearchFacet: [Group]] = [:]
        for facet in SearchFacet.allCases {
            let members = facet.members(in: records)
            groups[facet] = facet.values(of: members).map { entry in
                Group(facet: facet, value: entry.value, entries: members[entry.value]!.map { records[$0] })
            }
        }
        self.records = records
        self.groups = groups
    }

    public func group(_ facet: SearchFacet, _ value: String) -> Group? {
        groups[facet]?.first { $0.value == value }
    }

    /// Every group, facet by facet.
    public var allGroups: [Group] { SearchFacet.allCases.flatMap { groups[$0] ?? [] } }

    /// Two newest-first lists as one, keeping each list's order; on a tie documents come first.
    private static func merged(_ first: [SearchRecord], _ second: [SearchRecord]) -> [SearchRecord] {
        var merged: [SearchRecord] = []
        merged.reserveCapacity(first.count + second.count)
        var i = 0
        var j = 0
        while i < first.count || j < second.count {
            if j == second.count || (i < first.count && first[i].published >= second[j].published) {
                merged.append(first[i])
                i += 1
            } else {
                merged.append(second[j])
                j += 1
            }
        }
        return merged
    }
}
