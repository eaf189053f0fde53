import GongkaiModel
import GongkaiTemplates

/// 政府信息公开申请表 of one body: labelled fields to fill in on screen or by hand, one A4
/// sheet when printed. Nothing is sent anywhere: there is no form action; where the body has
/// an email address a small script composes a `mailto:` from the fields.
public struct ApplicationFormView: Codable, Sendable {
    let site: SiteView
    let page: PageInfo
    let meta: [MetaTag]
    let breadcrumb: [Crumb]
    let bodyName: String
    /// The address the email button writes to; nil hides the button.
    let email: String?
    let mailSubject: String
    let onlineURL: String?
    let applicationURL: String
    let formScriptURL: String
}

extension PageFactory {
    public func applicationForm(_ body: DisclosingBody) -> ApplicationFormView {
        ApplicationFormView(
            site: siteView(currentColumn: bodyTreeColumn(body)),
            page: pageInfo(
                heading: "政府信息公开申请表", url: routes.applicationForm(body),
                description: "向\(body.name)申请政府信息公开的申请表，可在线填写后打印或通过电子邮件发送。"),
            meta: metaTags(column: site.column(body.folder)),
            breadcrumb: bodyCrumbs(body, current: "政府信息公开申请表"),
            bodyName: body.name, email: body.channels.email, mailSubject: "政府信息公开申请（\(body.name)）",
            onlineURL: body.channels.online, applicationURL: routes.application(body),
            formScriptURL: routes.asset("application-form.js"))
    }
}

/// Each body's application form.
struct ApplicationFormPages: PageKind {
    let template = "application-form"
    func pages(in site: PageFactory) -> [String] { site.site.bodies.map(\.slug) }
    func url(of key: String, in site: PageFactory) -> String { site.routes.applicationForm(site.site.body(key)!) }
    func source(of key: String, in site: PageFactory) -> PageSource {
        .generated("公开主体“\(site.site.body(key)!.name)”的政府信息公开申请表")
    }
    func view(of key: String, in site: PageFactory) -> (view: ApplicationFormView, warnings: [Diagnostic]) {
        (site.applicationForm(site.site.body(key)!), [])
    }
    func sitemapEntries(in site: PageFactory) -> [SitemapEntry] { everyPage(in: site) }
}
