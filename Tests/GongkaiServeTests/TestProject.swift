import Foundation
import GongkaiModel
import GongkaiSite

/// A copy of the repository's demo project (`content/`, `templates/`) in a temporary folder,
/// built into `site/`. (A small cousin of GongkaiSiteTests' `Project`: test targets cannot share code.)
struct TestProject {
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let demoDay = CalendarDate(year: 2024, month: 6, day: 1)!

    let root: URL
    var content: URL { root.appendingPathComponent("content") }
    var templates: URL { root.appendingPathComponent("templates") }
    var site: URL { root.appendingPathComponent("site") }

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("gongkai-serve-\(UUID().uuidString)")
        let fileManager = FileManager.default
        try fileManager.createDirectory(at: root, withIntermediateDirectories: true)
        try fileManager.copyItem(at: Self.repository.appendingPathComponent("templates"), to: templates)
        try fileManager.copyItem(at: Self.repository.appendingPathComponent("content"), to: content)
    }

    var options: BuildOptions {
        BuildOptions(contentDirectory: content, templatesDirectory: templates, outputDirectory: site, asOf: Self.demoDay)
    }

    func write(_ path: String, _ text: String) throws {
        try write(path, Data(text.utf8))
    }

    func write(_ path: String, _ data: Data) throws {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: url)
    }

    func read(_ path: String) throws -> String {
        try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
    }

    func remove() {
        try? FileManager.default.removeItem(at: root)
    }

    /// Every regular file under `site/`, relative path → bytes.
    func siteFiles() -> [String: Data] {
        var files: [String: Data] = [:]
        let base = site.standardizedFileURL.path + "/"
        guard let enumerator = FileManager.default.enumerator(at: site, includingPropertiesForKeys: [.isRegularFileKey]) else { return [:] }
        for case let url as URL in enumerator where (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true {
            files[String(url.standardizedFileURL.path.dropFirst(base.count))] = try? Data(contentsOf: url)
        }
        return files
    }
}
