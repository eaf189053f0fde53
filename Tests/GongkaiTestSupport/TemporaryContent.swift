import Foundation
import GongkaiContent
import GongkaiModel

/// A `content/` folder in a temporary directory, written from a dictionary of files.
public struct TemporaryContent: FixtureFolder {
    public static let siteYAML = """
        网站名称: 测试门户
        网址: https://test.example/
        主办单位: 测试单位
        网站标识码: "4300000000"
        机构代码: "006939000"
        每页条数: 2
        栏目:
          - 标题: 政府信息公开
            路径: xxgk
            子栏目:
              - 标题: 政策文件
                路径: zcwj
                更新类别: 政策文件
              - 标题: 政策解读
                路径: zcjd
        """

    public let root: URL

    public init(_ files: [String: String], site: String = TemporaryContent.siteYAML) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("gongkai-content-\(UUID().uuidString)")
        try write("site.yml", site)
        for (path, text) in files { try write(path, text) }
    }

    public func load() throws -> LoadedContent {
        try ContentLoader(directory: root).load()
    }

    /// The diagnostics of a load that must fail.
    public func errors() -> [Diagnostic] {
        do {
            _ = try load()
            return []
        } catch let error as DiagnosticError {
            return error.errors
        } catch {
            return [.error(nil, "\(error)")]
        }
    }

    public static func document(_ fields: String, body: String = "正文。") -> String {
        "---\n\(fields)\n---\n\(body)\n"
    }
}
