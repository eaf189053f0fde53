import ArgumentParser
import Foundation
import GongkaiContent
import GongkaiModel
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

/// Prints diagnostics to standard error. Errors always in full. Warnings, by default, as one
/// line per rule with its count and the first place (`calm`), the inspectors' indicators
/// (overdue plan items, stale or blank columns) counted in one line; `all` lists every one.
enum DiagnosticPrinter {
    enum Mode { case calm, all }

    /// The rule of errors that follow from another file's error (`BrokenTargets` in GongkaiContent).
    static let followOnRule = "target-has-error"
    /// Warnings without a rule shown in calm mode before the rest are counted.
    static let shownWithoutRule = 5

    static func print(_ diagnostics: [Diagnostic], quiet: Bool = false, mode: Mode = .calm) {
        let ordered = Diagnostic.ordered(diagnostics)
        // Root causes first: an error that only follows from another file's error comes after it.
        let errors =
            ordered.filter { $0.severity == .error && $0.rule != followOnRule }
            + ordered.filter { $0.severity == .error && $0.rule == followOnRule }
        let warnings = ordered.filter { $0.severity == .warning }
        var lines = errors.map(\.description)
        if !quiet || !errors.isEmpty { lines += mode == .all ? warnings.map(\.description) : calm(warnings) }
        if !errors.isEmpty {
            lines.append("共 \(errors.count) 个错误\(warnings.isEmpty ? "" : "、\(warnings.count) 个警告")。请按提示修改后重试；原有的输出没有改动。")
        }
        write(lines)
    }

    /// One line per rule (its first place, with the count), the indicators in one line.
    static func calm(_ warnings: [Diagnostic]) -> [String] {
        var lines: [String] = []
        var byRule: [String: [Diagnostic]] = [:]
        var order: [String] = []
        var withoutRule: [Diagnostic] = []
        var byIndicator: [Indicator: Int] = [:]
        for warning in warnings {
            // Inspector material (its `indicator`): counted in one line, listed by gongkai check.
            if let indicator = warning.indicator {
                byIndicator[indicator, default: 0] += 1
                continue
            }
            guard let rule = warning.rule else {
                withoutRule.append(warning)
                continue
            }
            if byRule[rule] == nil { order.append(rule) }
            byRule[rule, default: []].append(warning)
        }
        for rule in order {
            let group = byRule[rule]!
            lines.append(group[0].description + (group.count > 1 ? "（同类警告共 \(group.count) 处，运行 gongkai check 查看全部）" : ""))
        }
        lines += withoutRule.prefix(shownWithoutRule).map(\.description)
        if withoutRule.count > shownWithoutRule {
            lines.append("……另有 \(withoutRule.count - shownWithoutRule) 个警告（运行 gongkai check 查看全部）")
        }
        let counted = byIndicator.sorted { ($0.key.order, $0.key.name) < ($1.key.order, $1.key.name) }.map { "\($0.key.name) \($0.value) 处" }
        if !counted.isEmpty {
            lines.append("检查指标：\(counted.joined(separator: "、"))（运行 gongkai check 查看每一处）")
        }
        return lines
    }

    static func write(_ lines: [String]) {
        guard !lines.isEmpty else { return }
        FileHandle.standardError.write(Data((lines.joined(separator: "\n") + "\n").utf8))
    }
}
