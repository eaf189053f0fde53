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
