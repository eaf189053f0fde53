import GongkaiModel
import GongkaiSearch

/// The published documents grouped by each search facet (年份, 发文机关, 文件类型, 主题分类,
/// 有效性), in the order the search page's filters use: what the library page and the
/// single-facet listings show, so that everything can be browsed without JavaScript.
public struct Library: Sendable {
    public struct Group: Sendable {
        public let facet: SearchFacet
        public let value: String
        /// Newest first.
        public let documents: [Document]
    }

    /// Per facet, its values in order.
    public let groups: [SearchFacet: [Group]]

    init(published: PublishedSite) {
        let records = published.documents.map { SearchData.metadataRecord($0, routes: published.routes) }
        var groups: [SearchFacet: [Group]] = [:]
        for facet in SearchFacet.allCases {
            let members = facet.members(in: records)
            groups[facet] = facet.values(in: records).map { entry in
                Group(facet: facet, value: entry.value, documents: members[entry.value]!.map { published.documents[$0] })
            }
        }
        self.groups = groups
    }

    public func group(_ facet: SearchFacet, _ value: String) -> Group? {
        groups[facet]?.first { $0.value == value }
    }

    /// Every group, facet by facet.
    public var allGroups: [Group] { SearchFacet.allCases.flatMap { groups[$0] ?? [] } }
}
