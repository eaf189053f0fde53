import GongkaiModel
import GongkaiTemplates

/// 依申请公开 of one body: where and how to apply, what the request must contain, and the
/// time limits of the 政府信息公开条例, with the application form to print or send.
public struct ApplicationPageView: Codable, Sendable {
    let site: SiteView
    let page: PageInfo
    let meta: [MetaTag]
    let breadcrumb: [Crumb]
    let body: BodyCardView
    let rules: [ApplicationRule]
    let formURL: String
    let guideURL: String?
    let onlineURL: String?
}

/// One rule of the procedure: a heading and its text, with the article it rests on.
public struct ApplicationRule: Codable, Sendable {
    let title: String
    let text: String
    let article: String
}

extension PageFactory {
    /// The procedure of 第二十七条 to 第四十二条, as a 指南 states it.
    static let applicationRules = [
        ApplicationRule(
            title: "申请内容", text: "申请应当写明申请人的姓名或者名称、身份证明、联系方式，所需政府信息的名称、文号或者便于查询的其他特征性描述，以及获取信息的方式（纸面、电子数据等）。",
            article: "第二十九条"),
        ApplicationRule(
            title: "申请日期", text: "当面提交的，以提交之日为收到申请之日；邮寄的，以签收之日为收到申请之日；通过互联网渠道、传真或电子邮件提交的，以双方确认之日为收到申请之日。",
            article: "第三十一条"),
        ApplicationRule(
            title: "补正", text: "申请内容不明确的，行政机关自收到申请之日起 7 个工作日内一次性告知需要补正的事项和合理的补正期限；答复期限自收到补正的申请之日起计算。",
            article: "第三十条"),
        ApplicationRule(
            title: "答复期限", text: "能够当场答复的，当场予以答复；不能当场答复的，自收到申请之日起 20 个工作日内予以答复；需要延长的，经负责人同意并告知申请人，延长的期限最长不超过 20 个工作日。",
            article: "第三十三条"),
        ApplicationRule(
            title: "征求第三方意见", text: "公开可能损害第三方合法权益的，书面征求第三方的意见，第三方应当自收到征求意见书之日起 15 个工作日内提出意见；征求意见所需时间不计算在答复期限内。",
            article: "第三十二条、第三十三条"),
        ApplicationRule(
            title: "费用", text: "提供政府信息不收取费用；申请公开政府信息的数量、频次明显超过合理范围的，可以收取信息处理费。",
            article: "第四十二条"),
        ApplicationRule(
            title: "救济途径", text: "认为行政机关在政府信息公开工作中侵犯其合法权益的，可以向上一级行政机关或者政府信息公开工作主管部门投诉、举报，也可以依法申请行政复议或者提起行政诉讼。",
            article: "第五十一条"),
    ]

    public func applicationPage(_ body: DisclosingBody) -> ApplicationPageView {
        ApplicationPageView(
            site: siteView(currentColumn: bodyTreeColumn(body)),
            page: pageInfo(
                heading: "\(body.name)依申请公开", url: routes.application(body),
                description: "向\(body.name)申请获取政府信息的渠道、办理程序和期限。"),
            meta: metaTags(column: site.column(body.folder)),
            breadcrumb: bodyCrumbs(body, current: "依申请公开"),
            body: bodyCard(body), rules: Self.applicationRules, formURL: routes.applicationForm(body),
            guideURL: published.guideColumn(of: body).map { routes.column($0.path) }, onlineURL: body.channels.online)
    }
}

/// Each body's 依申请公开 page.
struct ApplicationPages: PageKind {
    let template = "application"
    func pages(in site: PageFactory) -> [String] { site.site.bodies.map(\.slug) }
    func url(of key: String, in site: PageFactory) -> String { site.routes.application(site.site.body(key)!) }
    func source(of key: String, in site: PageFactory) -> PageSource {
        .generated("公开主体“\(site.site.body(key)!.name)”的依申请公开页面")
    }
    func view(of key: String, in site: PageFactory) -> (view: ApplicationPageView, warnings: [Diagnostic]) {
        (site.applicationPage(site.site.body(key)!), [])
    }
    func sitemapEntries(in site: PageFactory) -> [SitemapEntry] { everyPage(in: site) }
}
