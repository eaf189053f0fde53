import GongkaiModel
import GongkaiTemplates

/// A card of links an editor lists in site.yml.
public struct HomeLinksView: Codable, Sendable {
    let title: String
    let links: [LinkView]
}

/// 快速入口: the links of `链接:` (each 标题 and 网址: a site address such as xxgk/gkzn/, or a
/// full https:// address).
struct LinksSection: HomeSectionKind {
    let names = ["快速入口", "链接", "常用链接"]
    let partial = "home-links"

    func check(_ setting: HomeSectionSetting, in site: Site) -> [Diagnostic] {
        if setting.links.isEmpty {
            return [
                .error(
                    site.configFile, line: setting.line,
                    "“快速入口”板块要列出链接，例如：\n  - 板块: 快速入口\n    链接:\n      - 标题: 政府信息公开指南\n        网址: xxgk/gkzn/")
            ]
        }
        return setting.links.compactMap { link in
            if link.url.hasPrefix("https://") || link.url.hasPrefix("http://") {
                return link.url.contains(where: \.isWhitespace) ? .error(site.configFile, line: link.line, "网址“\(link.url)”中有空格，请删去。") : nil
            }
            if link.url.contains(where: \.isWhitespace) || link.url.contains("://") || link.url.split(separator: "/").contains("..") || link.url.hasPrefix("//") {
                return .error(
                    site.configFile, line: link.line,
                    "网址“\(link.url)”无法识别。请写本站的地址（从网站首页算起，如 xxgk/gkzn/），或以 https:// 开头的完整网址。")
            }
            return nil
        }
    }

    func views(_ setting: HomeSectionSetting, in site: PageFactory) -> [HomeLinksView] {
        let links = setting.links.map { link in
            let external = link.url.hasPrefix("https://") || link.url.hasPrefix("http://")
            let path = link.url.hasPrefix("/") ? String(link.url.dropFirst()) : link.url
            return LinkView(title: link.title, url: external ? link.url : site.routes.basePath + path)
        }
        guard !links.isEmpty else { return [] }
        return [HomeLinksView(title: setting.title ?? "快速入口", links: links)]
    }
}
