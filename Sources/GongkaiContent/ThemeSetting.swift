import Foundation
import GongkaiModel

/// The theme folder a site names in site.yml (`主题: themes/县级`), read before the templates
/// are loaded: a path relative to the project folder (the folder that holds content/).
public enum ThemeSetting {
    /// The folder, or nil when site.yml names none (or cannot be read: the content loader reports that).
    public static func folder(contentDirectory: URL, display: String) throws -> (url: URL, display: String)? {
        let file = contentDirectory.appendingPathComponent("site.yml")
        let siteDisplay = "\(display)/site.yml"
        guard FileManager.default.fileExists(atPath: file.path),
            case .success(let text) = SourceText.read(file, display: siteDisplay)
        else { return nil }
        let source = YAMLSource(display: siteDisplay)
        guard case .success(let root) = source.parse(text),
            case .success(let pairs) = source.mapping(root, what: "site.yml ")
        else { return nil }
        guard let entry = pairs.first(where: { $0.key == "主题" || $0.key == "theme" }),
            let value = entry.value.string?.trimmingCharacters(in: .whitespaces), !value.isEmpty
        else { return nil }
        let project = contentDirectory.deletingLastPathComponent()
        let url = value.hasPrefix("/") ? URL(fileURLWithPath: value) : project.appendingPathComponent(value)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw DiagnosticError([
                .error(
                    siteDisplay, line: entry.keyLine,
                    "主题文件夹“\(value)”不存在。主题的路径从项目文件夹（content/ 所在的文件夹）算起，例如 主题: themes/县级；不用自己的主题时删除这一行，使用内置主题。")
            ])
        }
        return (url, value)
    }
}
