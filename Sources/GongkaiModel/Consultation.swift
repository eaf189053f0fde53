/// 意见征集: a draft put to the public for comment between two dates, how to send comments,
/// and, once it has ended, the 反馈 (a document on which comments were adopted and why).
public struct Consultation: Sendable, Hashable {
    /// Path under `content/` without `.md`: `consultations/parking-2026`.
    public var id: String
    /// The source file as messages name it: `content/consultations/parking-2026.md`.
    public var file: String
    public var slug: String
    public var title: String
    /// 征集单位
    public var issuer: String?
    /// 发布日期; when it is after the build day the consultation is not published yet.
    public var published: CalendarDate?
    /// 开始日期 and 截止日期, both days included.
    public var start: CalendarDate
    public var end: CalendarDate
    /// 征求意见稿 as a document of the site (its id), when the draft is one.
    public var draft: String?
    /// 征求意见稿 and other material as files beside the consultation.
    public var attachments: [Attachment]
    /// 征集方式
    public var email: String?
    public var letter: String?
    public var online: String?
    public var phone: String?
    /// 反馈: the id of the document that reports on the comments.
    public var feedback: String?
    public var body: String
    public var bodyLine: Int
    public var fieldLines: [String: Int]

    public init(
        id: String, file: String, slug: String, title: String, issuer: String?, published: CalendarDate?,
        start: CalendarDate, end: CalendarDate, draft: String?, attachments: [Attachment], email: String?,
        letter: String?, online: String?, phone: String?, feedback: String?, body: String, bodyLine: Int,
        fieldLines: [String: Int]
    ) {
        self.id = id
        self.file = file
        self.slug = slug
        self.title = title
        self.issuer = issuer
        self.published = published
        self.start = start
        self.end = end
        self.draft = draft
        self.attachments = attachments
        self.email = email
        self.letter = letter
        self.online = online
        self.phone = phone
        self.feedback = feedback
        self.body = body
        self.bodyLine = bodyLine
        self.fieldLines = fieldLines
    }

    /// Days the public has, both ends included (1 November to 30 November is 30 days).
    public var days: Int { end.ordinal - start.ordinal + 1 }

    public func status(asOf day: CalendarDate) -> ConsultationStatus {
        if day < start { return .upcoming }
        if day > end { return .ended }
        return .open
    }
}

/// Where a consultation stands on the build day.
public enum ConsultationStatus: String, Sendable, CaseIterable {
    case open = "征集中"
    case upcoming = "未开始"
    case ended = "已结束"

    /// Listing order: open ones first, then upcoming, then ended.
    public var rank: Int {
        switch self {
        case .open: return 0
        case .upcoming: return 1
        case .ended: return 2
        }
    }
}
