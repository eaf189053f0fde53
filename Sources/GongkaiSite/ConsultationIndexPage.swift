import GongkaiModel
import GongkaiTemplates

/// 意见征集: open consultations first, then upcoming, then ended.
public struct ConsultationIndexView: Codable, Sendable {
    let site: SiteView
    let page: PageInfo
    let meta: [MetaTag]
    let breadcrumb: [Crumb]
    let groups: [ConsultationGroup]
}

public struct ConsultationGroup: Codable, Sendable {
    let title: String
    let id: String
    let consultations: Listing<ConsultationSummary>?
    let empty: String
}

extension PageFactory {
    public func consultationIndex() -> ConsultationIndexView {
        let book = published.consultationBook
        let groups: [(ConsultationStatus, String, String, String)] = [
            (.open, "正在征集", "open", "目前没有正在征集意见的事项。"),
            (.upcoming, "即将开始", "upcoming", "暂无即将开始的意见征集。"),
            (.ended, "已经结束", "ended", "暂无已结束的意见征集。"),
        ]
        return ConsultationIndexView(
            site: siteView(currentColumn: nil, current: .consultations),
            page: pageInfo(
                heading: "意见征集", url: routes.consultations,
                description: "向社会公开征求意见的决策草案、征集时间和提交方式，以及意见采纳情况的反馈。"),
            meta: metaTags(column: nil),
            breadcrumb: [Crumb(title: "首页", url: routes.home), Crumb(title: "意见征集", url: nil)],
            groups: groups.map { status, title, id, empty in
                ConsultationGroup(
                    title: title, id: id,
                    consultations: .of(book.consultations.filter { book.status($0) == status }.map(consultationSummary)), empty: empty)
            })
    }
}

/// The 意见征集 listing.
struct ConsultationIndexPages: SinglePageKind {
    let template = "consultations"
    let name = "意见征集页面"
    func exists(in site: PageFactory) -> Bool { !site.published.consultationBook.consultations.isEmpty }
    func url(in site: PageFactory) -> String { site.routes.consultations }
    func view(in site: PageFactory) -> ConsultationIndexView { site.consultationIndex() }
    func sitemapEntries(in site: PageFactory) -> [SitemapEntry] { everyPage(in: site) }
    func menuEntry(in site: PageFactory) -> MenuEntry? {
        site.published.consultationBook.consultations.isEmpty
            ? nil : MenuEntry(title: "意见征集", url: site.routes.consultations, section: .consultations, order: 35)
    }
}
