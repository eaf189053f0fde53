import GongkaiModel
import GongkaiTemplates

/// A card of documents on the home page: a column's latest, or the whole site's.
public struct HomeDocumentsView: Codable, Sendable {
    let title: String
    let url: String
    let documents: Listing<DocumentSummary>?
    let total: Int
    /// What the card says when it has no document yet.
    let empty: String
}

extension PageFactory {
    func homeDocuments(title: String, url: String, documents: [Document], count: Int, empty: String) -> HomeDocumentsView {
        HomeDocumentsView(
            title: title, url: url, documents: .of(documents.prefix(count).map(summary)), total: documents.count, empty: empty)
    }
}

/// 最新文件: the latest documents of the whole site, linking to the policy library.
struct LatestDocumentsSection: HomeSectionKind {
    let names = ["最新文件", "最新信息", "最新公开"]
    let partial = "home-documents"
    func views(_ setting: HomeSectionSetting, in site: PageFactory) -> [HomeDocumentsView] {
        [
            site.homeDocuments(
                title: setting.title ?? "最新文件", url: site.routes.library, documents: site.published.documents,
                count: setting.count ?? 8, empty: "暂无已发布的文件。")
        ]
    }
}

/// 栏目: one column's latest documents (its sub-columns' included); `栏目:` names it by path
/// or title, and a column's title alone under `首页:` (`- 通知公告`) means the same.
struct ColumnSection: HomeSectionKind {
    let names = ["栏目"]
    let partial = "home-documents"

    /// The columns a name means: the column of that path, else those of that title.
    static func columns(_ name: String, in site: Site) -> [Column] {
        if let column = site.column(name) { return [column] }
        return site.columns.filter { $0.title == name }
    }

    static func column(_ name: String, in site: Site) -> Column? { columns(name, in: site).first }

    func check(_ setting: HomeSectionSetting, in site: Site) -> [Diagnostic] {
        guard let name = setting.column else {
            return [.error(site.configFile, line: setting.line, "“栏目”板块要写明哪个栏目，例如 栏目: 通知公告（栏目的标题或路径）。")]
        }
        let found = Self.columns(name, in: site)
        if found.isEmpty {
            let hint = NearestName.nearest(to: name, in: site.columns.map(\.title)).map { "是不是“\($0)”？" } ?? ""
            return [.error(site.configFile, line: setting.line, "首页板块中的栏目“\(name)”不存在。\(hint)请写栏目的标题或完整路径，如 xxgk/fdzdgknr/tzgg。")]
        }
        if found.count > 1 {
            return [
                .error(
                    site.configFile, line: setting.line,
                    "有 \(found.count) 个栏目的标题是“\(name)”（\(found.map(\.path).joined(separator: "、"))），请改写其中一个的完整路径。")
            ]
        }
        return []
    }

    func views(_ setting: HomeSectionSetting, in site: PageFactory) -> [HomeDocumentsView] {
        guard let name = setting.column, let column = Self.column(name, in: site.site) else { return [] }
        return [site.columnCard(column, title: setting.title, count: setting.count)]
    }
}

extension PageFactory {
    /// How many documents a column's card lists.
    static let homeSectionSize = 6

    func columnCard(_ column: Column, title: String? = nil, count: Int? = nil) -> HomeDocumentsView {
        homeDocuments(
            title: title ?? column.title, url: routes.column(column.path), documents: published.documentsUnder[column.path] ?? [],
            count: count ?? Self.homeSectionSize, empty: "本栏目暂无信息。")
    }
}

/// 首页栏目: a card for each column marked `首页: 是`; when none is, the columns without
/// sub-columns that have documents. The home page's columns when site.yml names no blocks.
struct HomeColumnsSection: HomeSectionKind {
    let names = ["首页栏目"]
    let partial = "home-documents"
    func views(_ setting: HomeSectionSetting, in site: PageFactory) -> [HomeDocumentsView] {
        var columns = site.site.columns.filter(\.onHome)
        if columns.isEmpty {
            columns = site.site.columns.filter { $0.childPaths.isEmpty && !(site.published.documentsUnder[$0.path] ?? []).isEmpty }
        }
        return columns.map { site.columnCard($0, count: setting.count) }
    }
}
