import ArgumentParser
import Foundation
import GongkaiModel
import GongkaiTemplates
import GongkaiTheme

struct Theme: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "theme",
        abstract: "内置主题：导出模板以便修改，查看网站改写了哪些模板。",
        discussion: """
            网站的每个模板文件依次从三处查找：网站的 templates/ 文件夹、site.yml 中“主题:”指定的主题文件夹、程序内置的主题。
            要改某个页面的样子，只需把那一个文件导出到 templates/ 再修改，例如：
              gongkai theme export templates layouts/document.mustache
            程序升级后运行 gongkai theme diff，查看改写的文件中哪些在新的内置主题中也有变化。
            """,
        subcommands: [ThemeExport.self, ThemeDiff.self])
}

/// The record an export leaves beside the files: each exported file's hash in the built-in
/// theme at that time, so that `theme diff` can tell which built-in files changed since.
enum ExportRecord {
    static let fileName = ".gongkai-theme"

    static func read(_ directory: URL) -> [String: String] {
        guard let text = try? String(contentsOf: directory.appendingPathComponent(fileName), encoding: .utf8) else { return [:] }
        var hashes: [String: String] = [:]
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            let parts = line.split(separator: "\t", maxSplits: 1)
            if parts.count == 2 { hashes[String(parts[1])] = String(parts[0]) }
        }
        return hashes
    }

    static func write(_ hashes: [String: String], to directory: URL) throws {
        var text = "# gongkai theme export 导出时内置主题各文件的指纹（gongkai \(GongkaiVersion.current)），供 gongkai theme diff 使用。请勿手工修改。\n"
        for path in hashes.keys.sorted() { text += "\(hashes[path]!)\t\(path)\n" }
        try Data(text.utf8).write(to: directory.appendingPathComponent(fileName))
    }
}

struct ThemeExport: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "把内置主题写入一个文件夹（路径与改写时相同：layouts/、partials/、assets/）。",
        discussion: """
            不写文件名时导出全部文件；写了文件名时只导出这些文件，例如
              gongkai theme export templates layouts/document.mustache partials/footer.mustache
            已存在的文件不会被覆盖，除非加 --force。
            """)

    @Argument(help: ArgumentHelp("写入哪个文件夹，例如 templates。", valueName: "目录"))
    var directory: String

    @Argument(help: ArgumentHelp("只导出这些文件（相对路径，如 layouts/document.mustache）。", valueName: "文件"))
    var files: [String] = []

    @Flag(help: "覆盖已存在的文件。")
    var force = false

    func run() throws {
        let theme = BuiltInTheme.files
        let wanted = files.isEmpty ? theme.keys.sorted() : files
        let unknown = wanted.filter { theme[$0] == nil }
        if !unknown.isEmpty {
            throw DiagnosticError(
                unknown.map {
                    .error(
                        nil,
                        "内置主题中没有“\($0)”。可以导出的文件有：\(theme.keys.sorted().joined(separator: "、"))。")
                })
        }
        let root = URL(fileURLWithPath: directory)
        let display = ProjectOptions.display(directory)
        let fileManager = FileManager.default
        if !force {
            let existing = wanted.filter { fileManager.fileExists(atPath: root.appendingPathComponent($0).path) }
            if !existing.isEmpty {
                throw DiagnosticError(existing.map { .error("\(display)/\($0)", "文件已存在，没有覆盖。确认要覆盖请加 --force。") })
            }
        }
        var record = ExportRecord.read(root)
        for path in wanted {
            let url = root.appendingPathComponent(path)
            try fileManager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try theme[path]!.write(to: url)
            record[path] = BuiltInTheme.hash(theme[path]!)
        }
        try ExportRecord.write(record, to: root)
        print("已导出 \(wanted.count) 个文件到 \(display)/\(wanted.count == 1 ? "：\(wanted[0])" : "")")
    }
}

struct ThemeDiff: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "列出网站改写了内置主题的哪些文件，以及其中哪些在内置主题中自导出以来有了变化（需要对照新版本修改）。")

    @Option(name: .customLong("templates"), help: ArgumentHelp("网站的模板目录。", valueName: "目录"))
    var templates = "templates"

    func run() throws {
        let root = URL(fileURLWithPath: templates)
        let display = ProjectOptions.display(templates)
        let theme = BuiltInTheme.files
        let record = ExportRecord.read(root)
        let layer = TemplateLayer.folder(root, display: display)
        let own = ["layouts", "partials", "assets"].flatMap { folder in layer.files(under: folder).map { "\(folder)/\($0)" } }
        guard !own.isEmpty else {
            print("\(display)/ 中没有模板文件：网站完全使用内置主题。")
            return
        }
        var changed = 0
        print("\(display)/ 中的文件：")
        for path in own.sorted() {
            let mine = (try? Data(contentsOf: root.appendingPathComponent(path))) ?? Data()
            let state: String
            if let builtIn = theme[path] {
                let now = BuiltInTheme.hash(builtIn)
                let edited = BuiltInTheme.hash(mine) != now
                if let exported = record[path] {
                    if exported != now {
                        changed += 1
                        state = "改写；内置主题中的这个文件自导出以来有变化，请对照新版本（gongkai theme export 其他目录 \(path)）修改"
                    } else {
                        state = edited ? "改写（导出后内置主题未变）" : "与内置主题相同，可以删除"
                    }
                } else {
                    state = edited ? "改写（没有导出记录，无法判断内置主题是否有变化）" : "与内置主题相同，可以删除"
                }
            } else {
                state = "内置主题中没有这个文件（网站自己新增的）"
            }
            print("  \(path)：\(state)")
        }
        print(changed == 0 ? "内置主题中没有需要对照的变化。" : "共 \(changed) 个改写的文件在内置主题中有变化。")
    }
}
