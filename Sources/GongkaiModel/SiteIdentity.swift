/// Who runs the site, as every page footer must show (政府网站发展指引).
public struct SiteIdentity: Sendable, Hashable {
    public let name: String
    /// Absolute base URL ending in `/`, e.g. `https://www.example.gov.cn/`.
    public let baseURL: String
    public let language: String
    /// 主办单位
    public let host: String
    /// 承办单位
    public let operatorName: String?
    /// 网站标识码
    public let siteCode: String
    /// ICP备案号
    public let icp: String?
    /// 公安机关备案号
    public let policeRecord: String?
    /// First part of generated 索引号 (机构代码 or 统一社会信用代码); defaults to the site code.
    public let indexPrefix: String
    public let phone: String?
    public let address: String?
    public let email: String?
    public let pageSize: Int
    /// 网站标志 (logo or emblem) shown in the header: a file under `content/assets/`.
    public let logo: String?
    /// 党政机关网站标识: the image issued for the site, a file under `content/assets/`.
    public let conacMark: String?
    /// The record page the 党政机关网站标识 links to (its 开办信息 on the registration site).
    public let conacURL: String?
    /// Files and folders (ending in `/`) under `content/` published as they are although no
    /// document lists them as attachments (静态文件), such as images shown in bodies.
    public var staticFiles: [String] = []
    /// The home page's blocks in order (`首页:`); nil: the built-in order (the plans of the
    /// current year, then the columns marked `首页: 是`).
    public var homeSections: [HomeSectionSetting]?

    public init(
        name: String, baseURL: String, language: String, host: String, operatorName: String?,
        siteCode: String, icp: String?, policeRecord: String?, indexPrefix: String,
        phone: String?, address: String?, email: String?, pageSize: Int,
        logo: String? = nil, conacMark: String? = nil, conacURL: String? = nil
    ) {
        self.logo = logo
        self.conacMark = conacMark
        self.conacURL = conacURL
        self.name = name
        self.baseURL = baseURL
        self.language = language
        self.host = host
        self.operatorName = operatorName
        self.siteCode = siteCode
        self.icp = icp
        self.policeRecord = policeRecord
        self.indexPrefix = indexPrefix
        self.phone = phone
        self.address = address
        self.email = email
        self.pageSize = pageSize
    }

    /// The path part of the base URL (`/` or `/portal/`), prefixed to every internal link.
    public var basePath: String {
        guard let schemeEnd = baseURL.range(of: "://") else { return "/" }
        let rest = baseURL[schemeEnd.upperBound...]
        guard let slash = rest.firstIndex(of: "/") else { return "/" }
        let path = String(rest[slash...])
        return path.hasSuffix("/") ? path : path + "/"
    }
}
