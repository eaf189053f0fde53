import GongkaiModel
import GongkaiTemplates

/// What every 公开主体 page shows of the body: who it is and how to reach it.
public struct BodyCardView: Codable, Sendable {
    let name: String
    let shortName: String?
    let kind: String
    let code: String
    let url: String
    let address: String?
    let phone: String?
    let hours: String?
    /// 依申请公开 channels, in the 指南's usual order.
    let channels: Listing<ChannelView>?
}

/// One way to apply: its label, what to write or where to go.
public struct ChannelView: Codable, Sendable {
    let label: String
    let value: String
    /// A link for the online system or the email address.
    let url: String?
}

extension PageFactory {
    func bodyCard(_ body: DisclosingBody) -> BodyCardView {
        BodyCardView(
            name: body.name, shortName: body.shortName, kind: body.kind.rawValue, code: body.code, url: routes.body(body),
            address: body.address, phone: body.phone, hours: body.hours, channels: .of(channels(body)))
    }

    func channels(_ body: DisclosingBody) -> [ChannelView] {
        let channels = body.channels
        var views: [ChannelView] = []
        if let place = channels.inPerson { views.append(ChannelView(label: "当面申请", value: place, url: nil)) }
        if let post = channels.post {
            views.append(ChannelView(label: "邮寄申请", value: post + (channels.postcode.map { "（邮政编码 \($0)）" } ?? ""), url: nil))
        }
        if let online = channels.online { views.append(ChannelView(label: "网络申请", value: online, url: online)) }
        if let fax = channels.fax { views.append(ChannelView(label: "传真申请", value: fax, url: nil)) }
        if let email = channels.email { views.append(ChannelView(label: "电子邮件申请", value: email, url: "mailto:" + email)) }
        return views
    }

    /// 首页 › 公开主体 › body (› current).
    func bodyCrumbs(_ body: DisclosingBody, current: String?) -> [Crumb] {
        breadcrumb(column: body.folder, current: current)
    }

    /// The column the side tree of a body's pages opens at: its own column or its home.
    func bodyTreeColumn(_ body: DisclosingBody) -> String { body.ownColumn ?? body.folder }
}
