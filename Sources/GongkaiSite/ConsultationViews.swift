import GongkaiModel
import GongkaiPublish
import GongkaiTemplates

/// One 意见征集 in a list: the listing page and the home page's notice.
public struct ConsultationSummary: Codable, Sendable {
    let title: String
    let url: String
    let status: String
    /// `gk-status--…`: in-progress (征集中), not-started (未开始), done (已结束).
    let statusModifier: String
    let period: String
    let end: String
    let issuer: String?
    let feedback: LinkView?
}

/// A 意见征集 page: the facts, how to send comments, the draft, the explanation and the 反馈.
public struct ConsultationPageView: Codable, Sendable {
    let site: SiteView
    let page: PageInfo
    let meta: [MetaTag]
    let breadcrumb: [Crumb]
    let consultation: ConsultationView
}

public struct ConsultationView: Codable, Sendable {
    let title: String
    let status: String
    let statusModifier: String
    /// What the status means for a visitor today.
    let notice: String
    let facts: [MetadataRow]
    let methods: Listing<ConsultationMethod>?
    let draft: LinkView?
    let attachments: Listing<LinkView>?
    var body: HTML
    let feedback: LinkView?
    /// Said when the consultation has ended and its 反馈 is not published yet.
    let feedbackPending: String?
}

/// One way of sending comments (电子邮件, 信函, 网上提交, 联系电话).
public struct ConsultationMethod: Codable, Sendable {
    let label: String
    /// The address as a link (e-mail, web page, telephone), or `plain` text (a postal address).
    let link: LinkView?
    let plain: String?

    init(label: String, text: String, url: String?) {
        self.label = label
        link = url.map { LinkView(title: text, url: $0) }
        plain = url == nil ? text : nil
    }
}

/// On a document's page: the consultation it is the draft or the 反馈 of.
public struct ConsultationLink: Codable, Sendable {
    let role: String
    let title: String
    let url: String
}

extension Section {
    public static let consultations = Section("consultations")
}

extension PageFactory {
    static func statusModifier(_ status: ConsultationStatus) -> String {
        switch status {
        case .open: return "in-progress"
        case .upcoming: return "not-started"
        case .ended: return "done"
        }
    }

    func consultationPeriod(_ consultation: Consultation) -> String {
        "\(consultation.start.chinese)至\(consultation.end.chinese)（共\(consultation.days)天）"
    }

    /// The 反馈 document when it is published.
    func feedbackLink(_ consultation: Consultation) -> LinkView? {
        guard let id = consultation.feedback, published.isPublished(id), let document = site.document(id) else { return nil }
        return LinkView(title: document.title, url: routes.document(document))
    }

    func consultationSummary(_ consultation: Consultation) -> ConsultationSummary {
        let status = published.consultationBook.status(consultation)
        return ConsultationSummary(
            title: consultation.title, url: routes.consultation(consultation.slug), status: status.rawValue,
            statusModifier: Self.statusModifier(status), period: consultationPeriod(consultation), end: consultation.end.chinese,
            issuer: consultation.issuer, feedback: feedbackLink(consultation))
    }

    /// The consultations a document is the draft or the 反馈 of.
    func consultationLinks(of document: Document) -> [ConsultationLink] {
        let book = published.consultationBook
        return book.consultations(withDraft: document.id).map {
            ConsultationLink(role: "本文件的意见征集", title: $0.title, url: routes.consultation($0.slug))
        }
            + book.consultations(withFeedback: document.id).map {
                ConsultationLink(role: "本文件反馈的意见征集", title: $0.title, url: routes.consultation($0.slug))
            }
    }

    public func consultationPageWithWarnings(_ consultation: Consultation) -> (view: ConsultationPageView, warnings: [Diagnostic]) {
        let status = published.consultationBook.status(consultation)
        let asOf = published.rule.asOf
        let notice: String
        switch status {
        case .open:
            let left = consultation.end.ordinal - asOf.ordinal + 1
            notice = "正在征集意见，截止日期为\(consultation.end.chinese)（含当天，还有\(left)天）。欢迎通过下列方式提出意见。"
        case .upcoming: notice = "尚未开始，将于\(consultation.start.chinese)开始征集意见。"
        case .ended: notice = "意见征集已于\(consultation.end.chinese)结束，感谢参与。"
        }
        let schema = FieldSchema.consultation
        var facts: [MetadataRow] = [
            MetadataRow(label: "征集状态", value: status.rawValue),
            MetadataRow(label: "征集时间", value: consultationPeriod(consultation)),
        ]
        if let issuer = consultation.issuer { facts.append(MetadataRow(label: schema["issuer"].label!, value: issuer)) }
        if let date = consultation.published { facts.append(MetadataRow(label: schema["published"].label!, value: date.chinese)) }
        var methods: [ConsultationMethod] = []
        if let email = consultation.email {
            methods.append(ConsultationMethod(label: schema["email"].label!, text: email, url: "mailto:\(email)"))
        }
        if let letter = consultation.letter { methods.append(ConsultationMethod(label: schema["letter"].label!, text: letter, url: nil)) }
        if let online = consultation.online {
            methods.append(ConsultationMethod(label: schema["online"].label!, text: online, url: online))
        }
        if let phone = consultation.phone {
            let digits = phone.filter { $0.isNumber || $0 == "-" || $0 == "+" }
            methods.append(ConsultationMethod(label: schema["phone"].label!, text: phone, url: digits.isEmpty ? nil : "tel:\(digits)"))
        }
        let draft = consultation.draft.flatMap { id -> LinkView? in
            guard published.isPublished(id), let document = site.document(id) else { return nil }
            return LinkView(title: document.title, url: routes.document(document))
        }
        let resolver = LinkResolver(factory: self, folder: PathText.parent(consultation.id))
        let body = markdown.render(consultation.body, links: resolver.resolve)
        let warnings = body.brokenLinks.map { link in
            Diagnostic.error(
                consultation.file, line: consultation.bodyLine + link.line - 1,
                "\(link.isImage ? "图片" : "链接")“\(link.target)”无法打开：\(link.reason)。", rule: "broken-link")
        }
        let feedback = feedbackLink(consultation)
        let view = ConsultationView(
            title: consultation.title, status: status.rawValue, statusModifier: Self.statusModifier(status), notice: notice,
            facts: facts, methods: status == .ended ? nil : .of(methods), draft: draft,
            attachments: .of(consultation.attachments.map { LinkView(title: $0.title, url: routes.contentFile($0.path)) }),
            body: HTML(body.html), feedback: feedback,
            feedbackPending: status == .ended && feedback == nil ? "意见采纳情况正在整理，将在本页公布。" : nil)
        let url = routes.consultation(consultation.slug)
        return (
            ConsultationPageView(
                site: siteView(currentColumn: nil, current: .consultations),
                page: pageInfo(heading: consultation.title, url: url),
                meta: metaTags(column: nil) + [
                    MetaTag(name: "ArticleTitle", content: consultation.title),
                    MetaTag(name: "PubDate", content: DateTime(date: consultation.published ?? consultation.start).minutePrecision),
                ],
                breadcrumb: [
                    Crumb(title: "首页", url: routes.home), Crumb(title: "意见征集", url: routes.consultations), Crumb(title: "正文", url: nil),
                ],
                consultation: view), warnings
        )
    }
}
