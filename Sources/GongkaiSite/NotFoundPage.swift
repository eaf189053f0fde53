import GongkaiModel

/// The page a web server shows for a missing address.
public struct NotFoundPageView: Codable, Sendable {
    let site: SiteView
    let page: PageInfo
    let meta: [MetaTag]
    let breadcrumb: [Crumb]
}

/// 关怀模式与无障碍: what the site offers and how to use it, readable without JavaScript.
public struct AccessibilityPageView: Codable, Sendable {
    let site: SiteView
    let page: PageInfo
    let meta: [MetaTag]
    let breadcrumb: [Crumb]
}

extension PageFactory {
    public func accessibilityPage() -> AccessibilityPageView {
        AccessibilityPageView(
            site: siteView(currentColumn: nil, current: .other),
            page: pageInfo(heading: "关怀模式与无障碍说明", url: routes.accessibility),
            meta: metaTags(column: nil),
            breadcrumb: breadcrumb(column: nil, current: "关怀模式与无障碍说明"))
    }

    public func notFoundPage() -> NotFoundPageView {
        NotFoundPageView(
            site: siteView(currentColumn: nil, current: .other),
            page: pageInfo(heading: "页面不存在", url: routes.notFound),
            meta: metaTags(column: nil),
            breadcrumb: breadcrumb(column: nil, current: "页面不存在"))
    }
}

/// 无障碍说明.
struct AccessibilityPages: SinglePageKind {
    let template = "accessibility"
    let name = "无障碍说明页面"
    func url(in site: PageFactory) -> String { site.routes.accessibility }
    func view(in site: PageFactory) -> AccessibilityPageView { site.accessibilityPage() }
    func sitemapEntries(in site: PageFactory) -> [SitemapEntry] { everyPage(in: site) }
}

/// The page a web server shows for an address that does not exist.
struct NotFoundPages: SinglePageKind {
    let template = "404"
    let name = "“页面不存在”页面"
    func url(in site: PageFactory) -> String { site.routes.notFound }
    func view(in site: PageFactory) -> NotFoundPageView { site.notFoundPage() }
}
