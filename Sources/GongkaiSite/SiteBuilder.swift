import Foundation
import GongkaiChecks
import GongkaiContent
import GongkaiMarkdown
import GongkaiModel
import GongkaiOutput
import GongkaiPublish
import GongkaiTemplates

/// Where a build reads and writes, and the day it is judged on.
public struct BuildOptions: Sendable {
    public var contentDirectory: URL
    public var templatesDirectory: URL
    public var outputDirectory: URL
    /// The day that decides which 发布日期 have come (Beijing time); fixed in tests with `--as-of`.
    public var asOf: CalendarDate
    public var contentDisplay: String
    public var templatesDisplay: String
    /// Where templates and assets the site's own folder lacks come from, in order (a theme
    /// folder named in site.yml, the built-in theme); empty: the site's folder alone.
    public var themeLayers: [TemplateLayer] = []
    /// Ignore the previous build's cache: render every page and replace the output folder whole.
    public var full = false
    /// The kinds of page the site is made of.
    public var registry = PageRegistry.standard
    /// Called as pages are made, with the number done and the total, from any thread.
    public var progress: (@Sendable (_ done: Int, _ total: Int) -> Void)?
    /// Called once the new output is in place and nothing can fail any more, before the build
    /// cache and the search state are written, with whether any output file changed:
    /// `gongkai serve` reloads the open pages then, not after the state files.
    public var committed: (@Sendable (_ changed: Bool) -> Void)?
    /// What the builds before this one in the same process kept (`gongkai serve`); nil: the
    /// state files beside the output alone, as a new process has.
    public var memory: BuildMemory?

    public init(
        contentDirectory: URL, templatesDirectory: URL, outputDirectory: URL, asOf: CalendarDate,
        contentDisplay: String = "content", templatesDisplay: String = "templates"
    ) {
        self.contentDirectory = contentDirectory
        self.templatesDirectory = templatesDirectory
        self.outputDirectory = outputDirectory
        self.asOf = asOf
        self.contentDisplay = contentDisplay
        self.templatesDisplay = templatesDisplay
    }
}

extension BuildOptions {
    /// The site's `templates/` first, then the theme layers: each file from the first that has it.
    public var templateLayers: [TemplateLayer] {
        [.folder(templatesDirectory, display: templatesDisplay)] + themeLayers
    }
}

public struct BuildReport: Sendable {
    /// Files rendered from templates.
    public let pages: Int
    /// Pages rendered in this build (the others were unchanged and kept).
    public let rendered: Int
    /// Pages whose view was made to compare its fingerprint, because what it is made from at
    /// all (the site's outline, the bodies it shows) changed since the previous build; the
    /// others were kept without making their views (all of them on a whole build).
    public var compared = 0
    /// True when the output folder was updated in place from the previous build's cache.
    public let incremental: Bool
    /// False when no document's search record changed and the index files were kept as they were.
    public let searchIndexRebuilt: Bool
    /// Documents segmented for the search index in this build; the others' analyses came from
    /// the state beside the output.
    public let searchAnalyzed: Int
    /// True when the search index was patched (only the shards of changed terms rewritten),
    /// not merged whole.
    public var searchPatched = false
    /// True when the patch found no record's metadata moved (a body edit) and kept the index's
    /// display chunks and facet files without making them.
    public var searchMetadataKept = false
    /// Documents read and parsed in this build; the others came from the state beside the
    /// output (`.site.content`) or from memory in `gongkai serve`.
    public let reread: Int
    /// Output files added, changed or deleted since the previous build, sorted by path.
    public let changes: [(change: OutputChange, path: String)]
    /// Files copied (assets, attachments).
    public let copied: Int
    public let published: Int
    /// Documents held back, with the reason.
    public let withheld: [(file: String, reason: String)]
    public let warnings: [Diagnostic]
    /// The inspectors' view of the site on the build day.
    public let inspection: Inspection
    public let seconds: Double
    /// Where the site lives on its server (`/` or `/portal/`), from its base URL.
    public let basePath: String
    /// Each stage, in order, for `--timings`: wall seconds, processor seconds (every thread's,
    /// user and system: whether the stage kept the cores busy) and the process's peak resident
    /// memory in bytes at its end.
    public let phases: [Phase]

    /// `changes` counted by kind, as summary lines show them: 新增 1、修改 2、删除 0.
    public var changeCounts: String {
        let counts = [OutputChange.added, .changed, .deleted].map { change in changes.filter { $0.change == change }.count }
        return "新增 \(counts[0])、修改 \(counts[1])、删除 \(counts[2])"
    }
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
    /// failing once. With the `SourceState` of a previous build, unchanged documents are not read again.
    public static func prepare(_ options: BuildOptions, sources: SourceState? = nil) throws -> PreparedBuild {
        var clock = PhaseClock()
        return try prepare(options, sources: sources, clock: &clock)
    }

    /// `prepare`, marking its stages on `clock`.
    static func prepare(_ options: BuildOptions, sources: SourceState?, clock: inout PhaseClock) throws -> PreparedBuild {
        MarkdownRenderer.prepare()
        var diagnostics: [Diagnostic] = []
        var content: LoadedContent?
        do {
            content = try ContentLoader(directory: options.contentDirectory, display: options.contentDisplay).load(reusing: sources)
            diagnostics += content!.warnings
            diagnostics += options.registry.homeSections.check(content!.site)
            // A file name that would make an unsafe output path (a newline breaks --changed-list).
            for path in content!.assets where !OutputPath.isSafe(path) {
                diagnostics.append(
                    .error(
                        "\(options.contentDisplay)/\(path)",
                        "文件名不能发布（\(OutputPath.problem(path) ?? "")）。请重命名这个文件，只用文字、数字、连字符和下划线。"))
            }
        } catch let error as DiagnosticError {
            diagnostics += error.diagnostics
        }
        var templates: TemplateSet?
        do {
            templates = try TemplateSet.load(layers: options.templateLayers)
            diagnostics += templates!.validate(try options.registry.schemas(), parts: try options.registry.homeSections.schemas())
        } catch let error as DiagnosticError {
            diagnostics += error.diagnostics
        }
        guard let content, let templates, !diagnostics.contains(where: { $0.severity == .error }) else {
            throw DiagnosticError(diagnostics)
        }
        clock.mark("读取内容和模板")
        let rule = PublicationRule(asOf: options.asOf)
        let published = PublishedSite(site: content.site, rule: rule)
        clock.mark("确定发布范围")
        let check = Checker.run(published, configFile: content.site.configFile)
        diagnostics += check.diagnostics
        clock.mark("检查内容")
        let plan = SitePlan(
            published: published, templates: templates, assets: Set(content.assets), registry: options.registry,
            contentOutline: content.outline)
        diagnostics += plan.collisions
        // content/assets/ (网站标志 and other site-wide images) shares assets/ with the theme's files.
        let themeAssets = Set(options.templateLayers.resolved(under: "assets").map { "assets/" + $0.0 })
        for path in content.assets.sorted() where themeAssets.contains(path) {
            diagnostics.append(
                .error(
                    "\(options.contentDisplay)/\(path)",
                    "文件 \(options.contentDisplay)/\(path) 与主题的 \(path) 都要生成网站文件 \(path)，后生成的会覆盖先生成的。请给 content/ 中的这个文件换一个文件名。",
                    rule: "output-collision"))
        }
        if diagnostics.contains(where: { $0.severity == .error }) { throw DiagnosticError(diagnostics) }
        let ordered = Diagnostic.ordered(diagnostics)
        clock.mark("规划页面")
        return PreparedBuild(plan: plan, content: content, warnings: ordered, inspection: check.inspection)
    }

    /// Renders every page in memory and collects what rendering finds (links that lead nowhere,
    /// images without alt text), without writing: what `gongkai check` runs.
    /// With `options`, also the personal-data check of everything that would be published.
    public static func renderCheck(_ prepared: PreparedBuild, options: BuildOptions? = nil) -> [Diagnostic] {
        let plan = prepared.plan
        let made = Array(zip(plan.pages, plan.paths)).parallelMap { page, path -> ([Diagnostic], [PersonalDataGuard.Exposure]) in
            let (text, warnings) = plan.renderWithWarnings(page)
            return (warnings, options == nil ? [] : PersonalDataGuard.scan(path: path, text: text))
        }
        var diagnostics = made.flatMap(\.0)
        guard let options else { return diagnostics }
        let guardian = PersonalDataGuard(
            contentDirectory: options.contentDirectory, contentDisplay: options.contentDisplay,
            outputDisplay: options.outputDirectory.lastPathComponent, site: prepared.content.site)
        let files = PublishedFiles(plan: plan, candidates: prepared.content.assets, linked: [:])
        diagnostics += guardian.diagnostics(made.flatMap(\.1) + files.files.flatMap { PersonalDataGuard.scan(path: $0.path, text: nil) })
        diagnostics += guardian.attachmentDiagnostics(files.files)
        return diagnostics
    }

    /// The previous build's cache: the one in `memory` while the file holds the bytes it was
    /// kept with, else the file's, parsed and verified.
    static func readCache(_ url: URL, memory: BuildMemory?) -> BuildCache? {
        guard let data = FileManager.default.contents(atPath: url.path) else { return nil }
        if let kept = memory?.cache(at: url, data: data) { return kept }
        let cache = BuildCache.decode(data)
        if let cache { memory?.keep(cache, data: data, at: url) }
        return cache
    }

    /// Builds the site. With the previous build's cache and output folder, only pages whose
    /// inputs changed are rendered and only files whose bytes changed are written, in place;
    /// otherwise (first build, `full`, unreadable cache) everything is written to a staging
    /// folder that replaces the output in one rename. Either way a failed build changes nothing.
    public static func build(_ options: BuildOptions) throws -> BuildReport {
        let start = Date()
        var clock = PhaseClock()
        let program = programKey()
        let (sources, sourceNotices) = options.full ? (nil, []) : SourceStateFile.read(output: options.outputDirectory, program: program, memory: options.memory)
        clock.mark("读取内容状态")
        let prepared = try prepare(options, sources: sources, clock: &clock)
        let plan = prepared.plan
        let content = prepared.content
        let output = OutputDirectory(target: options.outputDirectory)
        try output.checkTarget()
        BuildLeftovers.remove(for: output)
        let cacheURL = BuildCache.location(of: output.target)
        let previous = readCache(cacheURL, memory: options.memory)
        // A cache that fails its checksum or names a path outside the output is not used at all.
        let cacheWarnings: [Diagnostic] =
            sourceNotices
            + (previous == nil && FileManager.default.fileExists(atPath: cacheURL.path)
                ? [.warning(cacheURL.lastPathComponent, "构建缓存来自旧版本、已损坏或被改动（校验和不符，或含有指向输出目录之外的路径），没有使用；这次完整重建。", rule: "cache-discarded")]
                : [])
        let folder = FileStamp(path: output.target.path).flatMap { $0.isDirectory ? $0.identity : nil }
        let reusable = options.full ? nil : previous.flatMap { $0.folder == folder ? $0 : nil }

        let pages = plan.pages
        let paths = plan.paths
        // Which documents allow personal data decides what the output scan accepts: a change
        // makes every page again, so no page that was accepted before is kept unchecked.
        var keyHasher = StableHasher()
        keyHasher.combine(buildKey(plan.templates, program: program))
        for document in content.site.documents where document.allowsPersonalData { keyHasher.combine(document.id) }
        let renderer = PageRenderer(
            plan: plan, buildKey: keyHasher.finalize(), previous: reusable,
            outputPath: reusable == nil ? nil : output.target.path)
        clock.mark("读取构建缓存")
        // A whole build writes into a staging folder; an incremental one into temporary files
        // beside their targets, renamed into place only when the whole build has succeeded.
        // Either way each page is written as soon as it is made, so pages are not all held in memory.
        let staging = reusable == nil ? try output.makeStaging() : nil
        let writer = OutputWriter(root: staging?.path ?? output.target.path, previous: reusable)
        let counter = ProgressCounter(total: pages.count, report: options.progress)
        // Each page is scanned for personal data as written: what reaches the output is checked,
        // whichever field or template put it there.
        let made = Array(zip(pages, paths)).parallelMap { page, path -> (OutputWriter.Written, [PersonalDataGuard.Exposure]) in
            defer { counter.step() }
            let result = renderer.make(page, path: path)
            let exposures = PersonalDataGuard.scan(path: path, text: result.text)
            return (writer.write(result), exposures)
        }
        let written = made.map(\.0)
        var exposures = made.flatMap(\.1)
        clock.mark("生成并写入页面")
        var renderWarnings = cacheWarnings + written.flatMap(\.record.warnings)
        func fail(_ diagnostics: [Diagnostic], _ made: [OutputWriter.Written]) -> DiagnosticError {
            if let staging { output.discard(staging) } else { writer.abandon(made) }
            return DiagnosticError(diagnostics)
        }
        if renderWarnings.contains(where: { $0.severity == .error }) {
            throw fail(prepared.warnings + renderWarnings, written)
        }
        let searchOutputs = SearchIndexOutputs(
            renderer: renderer, programKey: program, stateURL: SearchIndexOutputs.stateURL(of: output.target),
            readState: !options.full)
        let search = searchOutputs.make()
        let indexFiles = search.files
        renderWarnings += search.warnings
        clock.mark("建立检索索引")
        exposures += indexFiles.parallelMap { PersonalDataGuard.scan(path: $0.path, text: $0.text) }.flatMap { $0 }
        let index = indexFiles.parallelMap(writer.write)
        clock.mark("写入检索索引")
        // Files from content/ are published only when a published document lists or links them.
        let files = publishedFiles(plan: plan, content: content, pages: pages, written: written, contentDisplay: options.contentDisplay)
        clock.mark("确定发布的附件")
        renderWarnings += files.warnings
        let copies = assetFiles(options: options, content: content, files: files.selection.files.map(\.path)).parallelMap(writer.copy)
        exposures += copies.flatMap { PersonalDataGuard.scan(path: $0.path, text: nil) }
        let guardian = PersonalDataGuard(
            contentDirectory: options.contentDirectory, contentDisplay: options.contentDisplay,
            outputDisplay: options.outputDirectory.lastPathComponent, site: content.site)
        let copied = Set(copies.filter { $0.change != nil || staging != nil }.map(\.path))
        let exposed = guardian.diagnostics(exposures) + guardian.attachmentDiagnostics(files.selection.files.filter { copied.contains($0.path) })
        let all = written + index + copies
        if exposed.contains(where: { $0.severity == .error }) {
            throw fail(prepared.warnings + renderWarnings + exposed, all)
        }
        renderWarnings += exposed
        let failures = all.compactMap(\.failure)
        if !failures.isEmpty {
            throw fail(failures.map { .error(options.outputDirectory.path, "无法写入 \($0)") }, all)
        }
        clock.mark("复制附件、检查个人信息")
        var cache = BuildCache(folder: "")
        for item in all { cache.records[item.path] = item.record }
        var changes: [(change: OutputChange, path: String)] = all.compactMap { item in item.change.map { ($0, item.path) } }
        if let reusable {
            try writer.commit(all)
            for (path, version) in writer.versionsAfterCommit(all) { cache.records[path]?.modified = version }
            let gone = reusable.records.keys.filter { cache.records[$0] == nil }.sorted()
            try writer.delete(gone)
            changes += gone.map { (.deleted, $0) }
            cache.folder = reusable.folder
            clock.mark("替换有变化的文件")
        } else if let staging {
            changes = wholeChanges(new: cache, old: previous?.folder == folder ? previous : nil, oldFolder: output.target)
            do {
                try output.commit(staging)
            } catch {
                output.discard(staging)
                throw error
            }
            cache.folder = FileStamp(path: output.target.path)?.identity ?? ""
            clock.mark("替换输出目录")
        }
        options.committed?(!changes.isEmpty)
        // A cache that cannot be written costs the next build its speed, never its correctness.
        // One that says what the file beside the output already says is not written again.
        if cache != previous, let data = try? cache.write(to: cacheURL) { options.memory?.keep(cache, data: data, at: cacheURL) }
        clock.mark("写入构建缓存")
        // Two files that depend on nothing of each other: written side by side.
        let readState = content.sources
        [0, 1].parallelMap { part in
            if part == 0 {
                searchOutputs.keep(search)
            } else {
                SourceStateFile.keep(readState, output: options.outputDirectory, program: program, memory: options.memory)
            }
        }
        clock.mark("保存检索分析状态和内容读取状态")
        changes.sort { $0.path < $1.path }
        let warnings = Diagnostic.ordered(prepared.warnings + renderWarnings)
        clock.mark("整理结果")
        var report = BuildReport(
            pages: pages.count, rendered: written.filter(\.rendered).count, incremental: reusable != nil,
            searchIndexRebuilt: search.rebuilt, searchAnalyzed: search.analyzed, reread: content.reread, changes: changes,
            copied: copies.count, published: plan.factory.published.documents.count,
            withheld: plan.factory.published.withheld.map { ($0.document.file, $0.reason) },
            warnings: warnings, inspection: prepared.inspection,
            seconds: Date().timeIntervalSince(start), basePath: plan.routes.basePath, phases: clock.phases)
        report.searchPatched = search.patched
        report.searchMetadataKept = search.metadataKept
        report.compared = reusable.map { before in written.count(where: { before.records[$0.path]?.inputs != $0.record.inputs }) } ?? pages.count
        return report
    }

    /// What a whole build changed compared with the previous output: by content hash when the
    /// previous cache describes it, otherwise every file counts as changed.
    private static func wholeChanges(new: BuildCache, old: BuildCache?, oldFolder: URL) -> [(change: OutputChange, path: String)] {
        let oldPaths: [String: UInt64?]
        if let old {
            oldPaths = old.records.mapValues { Optional($0.content) }
        } else {
            oldPaths = Dictionary(uniqueKeysWithValues: (FileTree.files(under: oldFolder.path) ?? []).map { ($0, nil as UInt64?) })
        }
        var changes: [(change: OutputChange, path: String)] = []
        for (path, record) in new.records {
            switch oldPaths[path] {
            case .none: changes.append((.added, path))
            case .some(let content): if content != record.content { changes.append((.changed, path)) }
            }
        }
        changes += oldPaths.keys.filter { new.records[$0] == nil }.map { (.deleted, $0) }
        return changes
    }

    /// Hash of the program that renders: a new Gongkai makes every output again.
    static func programKey() -> UInt64 {
        var hasher = StableHasher()
        hasher.combine("gongkai-build 1")
        if let program = FileStamp(path: "/proc/self/exe") {
            hasher.combine(program.size)
            hasher.combine(Int(program.modified))
        }
        return hasher.finalize()
    }

    /// Hash of what every page depends on besides its own view: the program and the templates.
    static func buildKey(_ templates: TemplateSet, program: UInt64) -> UInt64 {
        var hasher = StableHasher()
        hasher.combine(program)
        for name in templates.sources.keys.sorted() {
            hasher.combine(name)
            hasher.combine(templates.sources[name]!)
        }
        return hasher.finalize()
    }

    /// Which files from content/ are published (`PublishedFiles`), and the warnings for the others.
    static func publishedFiles(plan: SitePlan, content: LoadedContent, pages: [OutputPage], written: [OutputWriter.Written], contentDisplay: String)
        -> (selection: PublishedFiles, warnings: [Diagnostic])
    {
        var linked: [String: Set<String>] = [:]
        for (page, item) in zip(pages, written) {
            guard let id = plan.documentID(of: page), !item.record.links.isEmpty, let document = plan.factory.site.document(id) else { continue }
            let resolver = LinkResolver(factory: plan.factory, document: document)
            for link in item.record.links {
                if let file = resolver.linkedFile(link) { linked[file, default: []].insert(id) }
            }
        }
        let selection = PublishedFiles(plan: plan, candidates: content.assets, linked: linked)
        var withheldOwners: [String: Document] = [:]
        for (document, _) in plan.factory.published.withheld {
            for attachment in document.attachments { withheldOwners[attachment.path] = document }
        }
        // Drafts of a 意见征集 not published yet wait for it, as a withheld document's attachments do.
        let waiting = Set(plan.factory.published.consultationBook.withheld.flatMap { $0.attachments.map(\.path) })
        let warnings = selection.stray.filter { !waiting.contains($0) }.compactMap {
            PublishedFiles.strayWarning($0, contentDisplay: contentDisplay, withheldOwner: withheldOwners[$0])
        }
        return (selection, warnings)
    }

    /// `templates/assets/` go to `assets/`; each published content file to its own path.
    private static func assetFiles(options: BuildOptions, content: LoadedContent, files: [String]) -> [AssetFile] {
        var embedded: [AssetFile] = []
        var sources: [(String, String)] = []
        for (file, layer) in options.templateLayers.resolved(under: "assets") {
            if let url = layer.url("assets/" + file) {
                sources.append((url.path, "assets/" + file))
            } else if let data = layer.data("assets/" + file) {
                var hasher = StableHasher()
                hasher.combine(layer.display + "/assets/" + file)
                data.withUnsafeBytes { hasher.combine(bytes: $0) }
                embedded.append(
                    AssetFile(
                        source: layer.display + "/assets/" + file, path: "assets/" + file,
                        fingerprint: hasher.finalize(), bytes: data))
            }
        }
        sources += files.map { (options.contentDirectory.appendingPathComponent($0).path, $0) }
        return embedded
            + sources.compactMap { source, path in
                guard let stamp = FileStamp(path: source) else { return nil }
                var hasher = StableHasher()
                hasher.combine(source)
                hasher.combine(stamp.size)
                hasher.combine(Int(stamp.modified))
                hasher.combine(Int(truncatingIfNeeded: stamp.inode))
                return AssetFile(source: source, path: path, fingerprint: hasher.finalize())
            }
    }
}

/// One stage of a build, as `--timings` shows it.
public struct Phase: Sendable {
    public let name: String
    public let seconds: Double
    /// User and system seconds of every thread during the stage.
    public let processor: Double
    /// The process's peak resident memory so far, in bytes.
    public let peakMemory: Int
}

/// Measures the stages of a build: wall time, the process's processor time and peak memory.
struct PhaseClock {
    private var last = Date()
    private var lastProcessor = PhaseClock.usage().processor
    private(set) var phases: [Phase] = []

    mutating func mark(_ name: String) {
        let now = Date()
        let (processor, peak) = Self.usage()
        phases.append(Phase(name: name, seconds: now.timeIntervalSince(last), processor: processor - lastProcessor, peakMemory: peak))
        last = now
        lastProcessor = processor
    }

    /// User and system seconds of every thread of the process so far, and its peak resident size.
    private static func usage() -> (processor: Double, peak: Int) {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        func seconds(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) / 1_000_000 }
        // ru_maxrss is in kilobytes on Linux.
        return (seconds(usage.ru_utime) + seconds(usage.ru_stime), usage.ru_maxrss * 1024)
    }
}
