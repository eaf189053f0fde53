import Foundation
import GongkaiMarkdown
import GongkaiModel

/// Decides where a link written in a document's Markdown leads. Editors link to other
/// documents by their file (`../zcjd/a.md`), to attachments and images beside the document, or
/// to pages of the site (`/plans/`); external addresses are left alone.
struct LinkResolver {
    let factory: PageFactory
    /// The folder under `content/` relative links start from.
    let folder: String

    init(factory: PageFactory, folder: String) {
        self.factory = factory
        self.folder = folder
    }

    init(factory: PageFactory, document: Document) {
        self.init(factory: factory, folder: document.columnPath)
    }

    func resolve(_ address: String) -> LinkTarget {
        switch URLPolicy.check(address) {
        case .refused(let reason): return .broken(reason)
        case .external: return .keep
        case .relative: break
        }
        if address.isEmpty || address.hasPrefix("#") { return .keep }
        var path = address
        var suffix = ""
        if let index = path.firstIndex(where: { $0 == "#" || $0 == "?" }) {
            suffix = String(path[index...])
            path = String(path[..<index])
        }
        path = path.removingPercentEncoding ?? path
        let routes = factory.routes
        let contentPath: String
        if path.hasPrefix("/") {
            let relative = path.hasPrefix(routes.basePath) ? String(path.dropFirst(routes.basePath.count)) : String(path.dropFirst())
            contentPath = Self.normalised(relative)
        } else {
            contentPath = Self.normalised(folder.isEmpty ? path : "\(folder)/\(path)")
        }
        if contentPath.hasSuffix(".md") {
            let id = String(contentPath.dropLast(3))
            guard let target = factory.site.document(id) else { return .broken("找不到文件 \(id).md") }
            if let reason = factory.published.rule.reasonWithheld(target) {
                return .broken("\(target.file) 不会发布（\(reason)）")
            }
            return .rewrite(routes.document(target) + suffix)
        }
        if factory.assets.contains(contentPath) { return .rewrite(routes.contentFile(contentPath) + suffix) }
        if factory.pagePaths.contains(contentPath) || factory.pagePaths.contains(contentPath + (contentPath.isEmpty || contentPath.hasSuffix("/") ? "" : "/") + "index.html")
            || contentPath.hasPrefix("assets/")
        {
            return .rewrite(routes.basePath + contentPath + suffix)
        }
        return .broken("本站没有 /\(contentPath)")
    }

    /// The file under `content/` a link leads to when it is an attachment or image beside the
    /// documents (not a page), for the publishing rule; nil otherwise.
    func linkedFile(_ address: String) -> String? {
        guard URLPolicy.check(address) == .relative, !address.isEmpty, !address.hasPrefix("#") else { return nil }
        var path = address
        if let index = path.firstIndex(where: { $0 == "#" || $0 == "?" }) { path = String(path[..<index]) }
        path = path.removingPercentEncoding ?? path
        let routes = factory.routes
        let contentPath: String
        if path.hasPrefix("/") {
            contentPath = Self.normalised(path.hasPrefix(routes.basePath) ? String(path.dropFirst(routes.basePath.count)) : String(path.dropFirst()))
        } else {
            contentPath = Self.normalised(folder.isEmpty ? path : "\(folder)/\(path)")
        }
        return factory.assets.contains(contentPath) ? contentPath : nil
    }

    /// Resolves `.` and `..` segments; nil segments above the root are dropped.
    static func normalised(_ path: String) -> String {
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == ".." {
                _ = parts.popLast()
                continue
            }
            parts.append(part)
        }
        return parts.joined(separator: "/") + (path.hasSuffix("/") && !parts.isEmpty ? "/" : "")
    }
}
