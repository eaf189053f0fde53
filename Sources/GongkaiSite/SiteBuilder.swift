import Foundation
import GongkaiChecks
import GongkaiContent
import GongkaiMarkdown
import GongkaiModel

/// Where a build reads and writes, and the day it is judged on.
public struct BuildOptions: Sendable {
    public var contentDirectory: URL
    public var templatesDirectory: URL
    public var outputDirectory: URL
    /// The day that decides which 发布日期 have come (Beijing time); fixed in tests with `--as-of`.
    public var asOf: CalendarDate
    public var contentDisplay: String
    public var templatesDisplay: String

    public init(contentDirectory: URL, templatesDirectory: URL, outputDirectory: URL, asOf: CalendarDate,
                contentDisplay: String = "content", templatesDisplay: String = "templates") {
        self.contentDirectory = contentDirectory
        self.templatesDirectory = templatesDirectory
        self.outputDirectory = outputDirectory
        self.asOf = asOf
        self.contentDisplay = contentDisplay
        self.templatesDisplay = templatesDisplay
    }
}

public struct BuildReport: Sendable {
    /// Files rendered from templates.
    public let pages: Int
    /// Files copied (assets, attachments).
    public let copied: Int
    public let published: Int
    /// Documents held back, with the reason.
    public let withheld: [(file: String, reason: String)]
    public let warnings: [Diagnostic]
    /// The inspectors' view of the site on the build day.
    public let inspection: Inspection
    public let seconds: Double
    /// Seconds spent in each stage, in order, for `--timings`.
    public let phases: [(name: String, seconds: Double)]
}

/// What `SiteBuilder.prepare` hands on: the plan of pages and the checks' results.
public struct PreparedBuild: Sendable {
    public let plan: SitePlan
    public let content: LoadedContent
    public let warnings: [Diagnostic]
    public let inspection: Inspection
}

/// A build: load → check templates → derive what is published → render → write atomically.
public enum SiteBuilder {
    /// Loads and checks everything a build needs, collecting every problem of the run before
    /// failing once.
    public static func prepare(_ options: BuildOptions) throws -> PreparedBuild {
        MarkdownRenderer.prepare()
        var diagnostics: [Diagnostic] = []
        var content: LoadedContent?
        do {
            content = try ContentLoader(directory: options.contentDirectory, display: options.contentDisplay).load()
            diagnostics += content!.warnings
        } catch let error as DiagnosticError {
            diagnostics += error.diagnostics
        }
        var templates: TemplateSet?
        do {
            templates = try TemplateSet.load(from: options.templatesDirectory, display: options.templatesDisplay)
            diagnostics += templates!.validate(try PageKind.schemas())
        } catch let error as DiagnosticError {
            diagnostics += error.diagnostics
        }
        guard let content, let templates, !diagnostics.contains(where: { $0.severity == .error }) else {
            throw DiagnosticError(diagnostics)
        }
        let rule = PublicationRule(asOf: options.asOf)
        let published = PublishedSite(site: content.site, rule: rule)
        let check = Checker.run(site: content.site, rule: rule, configFile: "\(options.contentDisplay)/site.yml",
                                extraDates: published.reportDates)
        diagnostics += published.referencesToWithheld() + check.diagnostics
        if diagnostics.contains(where: { $0.severity == .error }) { throw DiagnosticError(diagnostics) }
        let plan = SitePlan(published: published, templates: templates, assets: Set(content.assets))
        return PreparedBuild(plan: plan, content: content, warnings: Diagnostic.ordered(diagnostics), inspection: check.inspection)
    }

    /// Renders every page in memory and collects what rendering finds (links that lead nowhere,
    /// images without alt text), without writing: what `gongkai check` runs.
    public static func renderCheck(_ prepared: PreparedBuild) -> [Diagnostic] {
        prepared.plan.pages.parallelMap { prepared.plan.renderWithWarnings($0).warnings }.flatMap { $0 }
    }

    public static func build(_ options: BuildOptions) throws -> BuildReport {
        let start = Date()
        var clock = PhaseClock()
        let prepared = try prepare(options)
        clock.mark("读取、检查")
        let plan = prepared.plan, content = prepared.content, warnings = prepared.warnings
        let output = OutputDirectory(target: options.outputDirectory)
        let staging = try output.makeStaging()
        do {
            let pages = plan.pages
            let paths = pages.map(plan.path)
            try createDirectories(for: paths + content.assets, in: staging)
            clock.mark("规划页面")
            let results = Array(zip(pages, paths)).parallelMap { page, path -> (failure: String?, warnings: [Diagnostic]) in
                let rendered = plan.renderWithWarnings(page)
                do {
                    try FileWriter.write(rendered.text, to: staging.appendingPathComponent(path).path)
                    return (nil, rendered.warnings)
                } catch {
                    return ("\(path)：\(error.localizedDescription)", rendered.warnings)
                }
            }
            clock.mark("生成并写入页面")
            let failures = results.compactMap(\.failure)
            let renderWarnings = results.flatMap(\.warnings)
            if renderWarnings.contains(where: { $0.severity == .error }) {
                throw DiagnosticError(warnings + renderWarnings)
            }
            if !failures.isEmpty {
                throw DiagnosticError(failures.map { .error(options.outputDirectory.path, "无法写入 \($0)") })
            }
            let searchFiles = SearchData.files(plan.factory)
            clock.mark("建立检索索引")
            try SearchData.write(searchFiles, to: staging)
            clock.mark("写入检索索引")
            let copied = try copyAssets(options: options, assets: content.assets, to: staging)
            clock.mark("复制文件")
            try output.commit(staging)
            clock.mark("替换输出目录")
            return BuildReport(
                pages: pages.count, copied: copied, published: plan.factory.published.documents.count,
                withheld: plan.factory.published.withheld.map { ($0.document.file, $0.reason) },
                warnings: Diagnostic.ordered(warnings + renderWarnings), inspection: prepared.inspection,
                seconds: Date().timeIntervalSince(start), phases: clock.phases)
        } catch {
            output.discard(staging)
            throw error
        }
    }

    private static func createDirectories(for paths: [String], in root: URL) throws {
        let directories = Set(paths.map { ($0 as NSString).deletingLastPathComponent }.filter { !$0.isEmpty })
        for directory in directories.sorted() {
            try FileManager.default.createDirectory(at: root.appendingPathComponent(directory), withIntermediateDirectories: true)
        }
    }

    /// Copies `templates/assets/` to `assets/` and each content file to its own path.
    private static func copyAssets(options: BuildOptions, assets: [String], to staging: URL) throws -> Int {
        let fileManager = FileManager.default
        var copied = 0
        let templateAssets = options.templatesDirectory.appendingPathComponent("assets")
        if let files = fileManager.enumerator(atPath: templateAssets.path)?.compactMap({ $0 as? String }) {
            for file in files.sorted() {
                let source = templateAssets.appendingPathComponent(file)
                var isDirectory: ObjCBool = false
                guard fileManager.fileExists(atPath: source.path, isDirectory: &isDirectory), !isDirectory.boolValue else { continue }
                let destination = staging.appendingPathComponent("assets").appendingPathComponent(file)
                try fileManager.createDirectory(at: destination.deletingLastPathComponent(), withIntermediateDirectories: true)
                try fileManager.copyItem(at: source, to: destination)
                copied += 1
            }
        }
        for path in assets {
            try fileManager.copyItem(at: options.contentDirectory.appendingPathComponent(path),
                                     to: staging.appendingPathComponent(path))
            copied += 1
        }
        return copied
    }
}

/// Measures the stages of a build.
struct PhaseClock {
    private var last = Date()
    private(set) var phases: [(name: String, seconds: Double)] = []

    mutating func mark(_ name: String) {
        let now = Date()
        phases.append((name, now.timeIntervalSince(last)))
        last = now
    }
}
