/// One block of the home page as `首页:` in site.yml names it (`- 最新文件`, or a mapping with
/// 板块, 标题, 条数, 栏目, 链接), read before Gongkai knows which kinds of block exist: the page
/// stage resolves the name against its registry and reports an unknown one at `line`.
public struct HomeSectionSetting: Sendable, Hashable {
    /// The block's name as written (`最新文件`, `栏目`, or a column's title or path).
    public let name: String
    /// The heading to show instead of the kind's own.
    public let title: String?
    /// How many items to list instead of the kind's default.
    public let count: Int?
    /// The column a 栏目 block lists (its path or title), as written.
    public let column: String?
    /// The links of a 快速入口 block.
    public let links: [HomeLink]
    /// Where the block is named in site.yml.
    public let line: Int

    public init(name: String, title: String? = nil, count: Int? = nil, column: String? = nil, links: [HomeLink] = [], line: Int) {
        self.name = name
        self.title = title
        self.count = count
        self.column = column
        self.links = links
        self.line = line
    }
}

/// A link of a 快速入口 block: a site address (`xxgk/gkzn/`, from the site's base) or a full
/// `https://` address.
public struct HomeLink: Sendable, Hashable {
    public let title: String
    public let url: String
    public let line: Int

    public init(title: String, url: String, line: Int) {
        self.title = title
        self.url = url
        self.line = line
    }
}
