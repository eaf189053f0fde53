/// The filters of the search page and the facet listings of the policy library.
public enum SearchFacet: String, CaseIterable, Sendable {
    /// 公开主体: on a portal of several bodies, whose document it is.
    case body
    case year
    case issuer
    case type
    case topic
    case validity

    /// The label a visitor reads.
    public var label: String {
        switch self {
        case .body: return "公开主体"
        case .year: return "年份"
        case .issuer: return "发文机关"
        case .type: return "文件类型"
        case .topic: return "主题分类"
        case .validity: return "有效性"
        }
    }

    public func value(of record: SearchRecord) -> String? {
        switch self {
        case .body: return record.discloser
        case .year: return record.year
        case .issuer: return record.issuer
        case .type: return record.type
        case .topic: return record.topic
        case .validity: return record.validity
        }
    }
}

extension SearchFacet {
    /// The positions in `records` of each value's records (records without a value are in none).
    public func members(in records: [SearchRecord]) -> [String: [Int]] {
        var members: [String: [Int]] = [:]
        for (index, record) in records.enumerated() {
            if let value = value(of: record), !value.isEmpty { members[value, default: []].append(index) }
        }
        return members
    }

    /// The values of this facet among records with their counts, from the records'
    /// `members(in:)`: years newest first, the others most common first, ties by name. The
    /// search page's filters, the library page's lists and the index manifest all use this order.
    public func values(of members: [String: [Int]]) -> [(value: String, count: Int)] {
        let pairs = members.map { (value: $0.key, count: $0.value.count) }
        if self == .year { return pairs.sorted { $0.value > $1.value } }
        return pairs.sorted { $0.count != $1.count ? $0.count > $1.count : $0.value < $1.value }
    }
}
