/// 公开主体: an organ that discloses through the portal (政府信息公开条例 第十条), declared in
/// `site.yml` under `公开主体`. A body of kind 部门 or 乡镇街道 (and a 本级政府 without `栏目`)
/// gets the 信息公开 columns of the site's column template under `content/bodies/<path>/`; its
/// documents, reports and 索引号 are its own. A site without bodies is itself the one body.
public struct DisclosingBody: Sendable, Hashable {
    public enum Kind: String, CaseIterable, Sendable {
        case government = "本级政府"
        case department = "部门"
        case township = "乡镇街道"

        /// The last day (month, day) of the year after the reported one by which the report must
        /// be out: 部门 (and 乡镇街道, which report like them) by 1月31日, the government by 3月31日
        /// (政府信息公开条例 第四十九条).
        public var reportDeadline: (month: Int, day: Int) { self == .government ? (3, 31) : (1, 31) }
    }

    /// Where and how a request for disclosure (依申请公开) can be made.
    public struct Channels: Sendable, Hashable {
        /// 当面申请: the reception address.
        public var inPerson: String?
        /// 邮寄申请: the postal address.
        public var post: String?
        public var postcode: String?
        /// 网络申请: the online application system (often the province's).
        public var online: String?
        public var fax: String?
        public var email: String?

        public init(inPerson: String? = nil, post: String? = nil, postcode: String? = nil, online: String? = nil, fax: String? = nil, email: String? = nil) {
            self.inPerson = inPerson
            self.post = post
            self.postcode = postcode
            self.online = online
            self.fax = fax
            self.email = email
        }

        public var isEmpty: Bool { [inPerson, post, online, fax, email].allSatisfy { $0 == nil } }
    }

    /// The folder and URL segment (`jyj`): `content/bodies/jyj/`, `/bodies/jyj/`.
    public let slug: String
    public let name: String
    public let shortName: String?
    public let kind: Kind
    /// 机构代码 (or 统一社会信用代码): the first part of the body's generated 索引号.
    public let code: String
    public let address: String?
    public let phone: String?
    public let hours: String?
    public let channels: Channels
    /// A column of the site's own tree that is this body's 信息公开 (the government's `xxgk`);
    /// nil when the body has the template columns under `bodies/<slug>/`.
    public let ownColumn: String?
    /// Where the body is declared in `site.yml`.
    public let line: Int

    public init(
        slug: String, name: String, shortName: String?, kind: Kind, code: String, address: String?, phone: String?,
        hours: String?, channels: Channels, ownColumn: String?, line: Int
    ) {
        self.slug = slug
        self.name = name
        self.shortName = shortName
        self.kind = kind
        self.code = code
        self.address = address
        self.phone = phone
        self.hours = hours
        self.channels = channels
        self.ownColumn = ownColumn
        self.line = line
    }

    /// The folder under `content/` (and the path of its home column): `bodies/<slug>`.
    public var folder: String { Self.root + "/" + slug }

    /// The column path under which the body's 信息公开 columns live.
    public var columnRoot: String { ownColumn ?? folder }

    /// The body a column belongs to: the body whose folder or own column holds it, else the
    /// 本级政府 (which discloses everything outside the bodies' folders); nil without bodies.
    public static func owner(ofColumn path: String, among bodies: [DisclosingBody]) -> DisclosingBody? {
        guard !bodies.isEmpty, path != root else { return nil }
        return bodies.first { Site.isWithin(path, $0.columnRoot) || Site.isWithin(path, $0.folder) }
            ?? bodies.first { $0.kind == .government }
    }

    /// The body folder a path under `content/` lies in (`bodies/<slug>/…` → slug); nil outside `bodies/`.
    public static func slug(ofPath path: String) -> String? {
        guard path.hasPrefix(root + "/") else { return nil }
        return path.split(separator: "/").dropFirst().first.map(String.init)
    }

    /// The column of all bodies (the 公开主体 index) and the folder of their content.
    public static let root = "bodies"
    /// Folders inside a body's folder that hold data files, not a column's documents.
    public static let reportsFolder = "reports"
    /// The folder of a body's own catalogues (its 主动公开目录 and other lists).
    public static let cataloguesFolder = "catalogues"
}
