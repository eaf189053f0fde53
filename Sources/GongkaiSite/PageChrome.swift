import GongkaiTemplates

/// What every HTML page shows around its content: site identity, navigation, breadcrumb and
/// the `<meta>` tags government sites carry. Pages of one part of the site share one, made and
/// fingerprinted once per build (`PageFactory.siteView`).
public typealias SiteView = Shared<SiteChrome>

/// The fields of `SiteView`: the site's identity, the main menu and the side tree.
public struct SiteChrome: Codable, Sendable {
    let name: String
    let language: String
    let homeURL: String
    let sitemapURL: String
    let accessibilityURL: String
    let stylesheetURL: String
    /// The care-mode script (关怀模式).
    let scriptURL: String
    /// The search page, which the header's search box submits to.
    let searchURL: String
    let libraryURL: String
    /// 主办单位
    let host: String
    /// 承办单位
    let operatorName: String?
    /// 网站标识码
    let siteCode: String
    let icp: String?
    let policeRecord: String?
    let phone: String?
    let address: String?
    let email: String?
    let navigation: [NavigationItem]
    /// False on pages whose own content is a search form (the search page, 政策文件库): one
    /// search box per page.
    let searchBox: Bool
    /// 网站标志 in the header, when site.yml names one.
    let logoURL: String?
    /// 党政机关网站标识: image and the record page it links to.
    let conacMarkURL: String?
    let conacURL: String?
    let icpURL: String
    /// The 公安机关备案 record page of the site's number.
    let policeRecordURL: String?
    /// 我为政府网站找错: the national error-report entry for this site's 网站标识码.
    let errorReportURL: String
    /// 信息公开目录: the column tree of the section the page lies in, on column, document and
    /// report pages.
    let sectionTree: Listing<SideColumn>?
}

/// One column in the left-hand 信息公开 tree.
public struct SideColumn: Codable, Sendable {
    let title: String
    let url: String
    /// This column is the page shown.
    let current: Bool
    /// The page shown lies within this column.
    let open: Bool
    let columns: Listing<SideColumn>?
}

public struct NavigationItem: Codable, Sendable {
    let title: String
    let url: String
    /// The page shown is this item or lies within it.
    let current: Bool
}

/// One step of 当前位置; the last one (the page itself) has no URL.
public struct Crumb: Codable, Sendable {
    let title: String
    let url: String?
}

public struct MetaTag: Codable, Sendable {
    let name: String
    let content: String
}

public struct PageInfo: Codable, Sendable {
    /// The `<title>`: page title and site name.
    let title: String
    let heading: String
    let canonicalURL: String
    let description: String?
}

/// A link to another document, as lists and relations show it: made once per build for each
/// document (`PageFactory.summary`), shared by the listings that show it.
public typealias DocumentSummary = Shared<DocumentEntry>

/// The fields of `DocumentSummary`.
public struct DocumentEntry: Codable, Sendable {
    let title: String
    let url: String
    let date: String
    let docNumber: String?
    let validity: String?
    /// True when the document is not 现行有效 and lists should say so.
    let notCurrent: Bool
}

public struct LinkView: Codable, Sendable {
    let title: String
    let url: String
}
