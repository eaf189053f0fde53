import ArgumentParser
import Foundation
import GongkaiModel
import GongkaiContent
import GongkaiSite
import GongkaiTemplates
import GongkaiTheme

/// Options shared by the commands that read a project.
struct ProjectOptions: ParsableArguments {
    @Option(name: .customLong("content"), help: ArgumentHelp("内容目录（site.yml 和各栏目的 Markdown 文件）。", valueName: "目录"))
    var content = "content"

    @Option(name: .customLong("templates"), help: ArgumentHelp("模板目录（layouts/、partials/、assets/）。", valueName: "目录"))
    var templates = "templates"

    @Option(name: .customLong("as-of"), help: ArgumentHelp("按这一天判断哪些文件已到发布日期（默认今天，北京时间），例如 2024-01-01。", valueName: "日期"))
    var asOf: String?

    func day() throws -> CalendarDate {
        guard let asOf else { return Self.todayInBeijing() }
        guard let date = DateParser.date(asOf) else {
            throw ValidationError("--as-of 的日期“\(asOf)”无效，请写成 2024-01-01。")
        }
        return date
    }

    func buildOptions(output: String) throws -> BuildOptions {
        var options = BuildOptions(
            contentDirectory: URL(fileURLWithPath: content), templatesDirectory: URL(fileURLWithPath: templates),
            outputDirectory: URL(fileURLWithPath: output), asOf: try day(),
            contentDisplay: Self.display(content), templatesDisplay: Self.display(templates))
        options.themeLayers = try themeLayers()
        return options
    }

    /// What the site's `templates/` does not hold comes from the theme folder named in
    /// site.yml (`主题:`), then from the theme built into the program.
    func themeLayers() throws -> [TemplateLayer] {
        var layers: [TemplateLayer] = []
        if let theme = try ThemeSetting.folder(contentDirectory: URL(fileURLWithPath: content), display: Self.display(content)) {
            layers.append(.folder(theme.url, display: Self.display(theme.display)))
        }
        layers.append(.files(BuiltInTheme.files, display: BuiltInTheme.display))
        return layers
    }

    static func display(_ path: String) -> String {
        var path = path
        while path.hasSuffix("/") && path.count > 1 { path.removeLast() }
        if path.hasPrefix("./") { path.removeFirst(2) }
        return path
    }

    static func todayInBeijing() -> CalendarDate {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Asia/Shanghai") ?? TimeZone(secondsFromGMT: 8 * 3600)!
        let parts = calendar.dateComponents([.year, .month, .day], from: Date())
        return CalendarDate(year: parts.year!, month: parts.month!, day: parts.day!)!
    }
}

/// Prints diagnostics to standard error: every error, and warnings grouped so that one rule
/// repeated in one file takes two lines and a count rather than a screen.
enum DiagnosticPrinter {
    static let shownPerGroup = 2

    static func print(_ diagnostics: [Diagnostic], quiet: Bool = false) {
        let ordered = Diagnostic.ordered(diagnostics)
        let errors = ordered.filter { $0.severity == .error }
        let warnings = ordered.filter { $0.severity == .warning }
        var lines = errors.map(\.description)
        if !quiet || !errors.isEmpty { lines += grouped(warnings) }
        if !errors.isEmpty {
            lines.append("共 \(errors.count) 个错误\(warnings.isEmpty ? "" : "、\(warnings.count) 个警告")。请按提示修改后重试；原有的输出没有改动。")
        }
        write(lines)
    }

    static func grouped(_ warnings: [Diagnostic]) -> [String] {
        var lines: [String] = []
        var index = 0
        while index < warnings.count {
            let first = warnings[index]
            var end = index + 1
            while end < warnings.count, first.rule != nil, warnings[end].rule == first.rule, warnings[end].file == first.file { end += 1 }
            let group = warnings[index..<end]
            lines += group.prefix(shownPerGroup).map(\.description)
            if group.count > shownPerGroup {
                let rest = group.dropFirst(shownPerGroup).compactMap(\.line).map(String.init)
                lines.append("    ……同一文件还有 \(group.count - shownPerGroup) 处同类警告（第 \(rest.joined(separator: "、")) 行）")
            }
            index = end
        }
        return lines
    }

    static func write(_ lines: [String]) {
        guard !lines.isEmpty else { return }
        FileHandle.standardError.write(Data((lines.joined(separator: "\n") + "\n").utf8))
    }
}
