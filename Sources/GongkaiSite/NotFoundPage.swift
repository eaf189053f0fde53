/// The page a web server shows for a missing address.
public struct NotFoundPageView: Codable, Sendable {
    let site: SiteView
    let page: PageInfo
    let meta: [MetaTag]
    let breadcrumb: [Crumb]
}

extension PageFactory {
    public func notFoundPage() -> NotFoundPageView {
        NotFoundPageView(
            site: siteView(currentColumn: nil, current: .other),
            page: pageInfo(heading: "页面不存在", url: routes.notFound),
            meta: metaTags(column: nil),
            breadcrumb: breadcrumb(column: nil, current: "页面不存在"))
    }
}
