import GongkaiModel

/// Where the policy library, the search page and the search index live.
extension Routes {
    /// 政策文件库: every facet with its values.
    public var library: String { basePath + "library/" }
    /// The search page; the header's search box sends `?q=` here.
    public var search: String { basePath + "search/" }
    /// The directory of the static index (a root-relative URL ending in `/`).
    public var searchData: String { basePath + "search/data/" }
    /// The output path (under `site/`) of an index file.
    public func searchDataFile(_ path: String) -> String { String(searchData.dropFirst(basePath.count)) + path }

    /// A single-facet listing: `/library/year/2023/`, `/library/issuer/1a2b3c4d/index_2.html`.
    /// Years are their own name; other values are Chinese text and are named by a stable hash.
    public func facet(_ facet: SearchFacet, _ value: String, page: Int = 1) -> String {
        let name = facet == .year ? value : FNV1a.hex32(value)
        return basePath + "library/\(facet.rawValue)/\(name)/" + (page <= 1 ? "" : "index_\(page).html")
    }
}
