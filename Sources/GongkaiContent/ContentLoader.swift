import Foundation
import GongkaiModel

/// What the loader read from `content/`.
public struct LoadedContent: Sendable {
    public let site: Site
    /// Files under column folders that are not documents (attachments, images), as paths
    /// under `content/`; they are copied to the same path in the output.
    public let assets: [String]
    /// Warnings found while loading (errors make `load` throw instead).
    public let warnings: [Diagnostic]
}

/// Reads `content/` into a `Site`: `site.yml`, then every document in parallel, then the checks
/// that need all documents (unknown columns, duplicate slugs and 索引号, references, attachments).
/// All problems are collected; if any is an error, `load` throws them all together.
public struct ContentLoader: Sendable {
    public let directory: URL
    /// How paths are shown in messages: `content` gives `content/xxgk/foo.md`.
    public let display: String

    public init(directory: URL, display: String = "content") {
        self.directory = directory.standardizedFileURL
        self.display = display
    }

    public func load() throws -> LoadedContent {
        var diagnostics: [Diagnostic] = []
        let configDisplay = "\(display)/site.yml"
        let configURL = directory.appendingPathComponent("site.yml")
        guard FileManager.default.fileExists(atPath: configURL.path) else {
            throw DiagnosticError([.error(configDisplay,
                "找不到网站配置文件。请在 \(display)/ 下创建 site.yml，写明网站名称、网址、主办单位、网站标识码和栏目。")])
        }
        var identity: SiteIdentity?
        var columns: [Column] = []
        switch SourceText.read(configURL, display: configDisplay) {
        case .failure(let diagnostic):
            diagnostics.append(diagnostic)
        case .success(let text):
            let config = SiteConfigReader(display: configDisplay).read(text)
            identity = config.identity
            columns = config.columns
            diagnostics += config.diagnostics
        }

        let files = try listFiles()
        let columnPaths = Set(columns.map(\.path))
        var documentPaths: [String] = []
        var planPaths: [String] = []
        var reportPaths: [String] = []
        var assets: [String] = []
        for path in files {
            let directoryPath = (path as NSString).deletingLastPathComponent
            let top = path.split(separator: "/").first.map(String.init) ?? ""
            if directoryPath == "plans" && (path.hasSuffix(".yml") || path.hasSuffix(".yaml")) {
                planPaths.append(path)
                continue
            }
            if directoryPath == "reports" && (path.hasSuffix(".yml") || path.hasSuffix(".yaml")) {
                reportPaths.append(path)
                continue
            }
            if path == "site.yml" || (SiteConfigReader.reservedSegments.contains(top) && directoryPath != "") {
                continue
            }
            if path.hasSuffix(".md") {
                documentPaths.append(path)
            } else if let column = columnPaths.first(where: { Site.isWithin(directoryPath, $0) }), !column.isEmpty {
                assets.append(path)
            } else {
                diagnostics.append(.warning("\(display)/\(path)",
                    "这个文件不在任何栏目文件夹中，不会发布。附件和图片请放在所属文件的栏目文件夹内。"))
            }
        }

        let reader = DocumentReader(contentDisplay: display)
        let root = directory
        let contentDisplay = display
        let results = documentPaths.parallelMap { path -> (DocumentDraft?, [Diagnostic]) in
            switch SourceText.read(root.appendingPathComponent(path), display: "\(contentDisplay)/\(path)") {
            case .failure(let diagnostic): return (nil, [diagnostic])
            case .success(let text): return reader.read(text: text, relativePath: path)
            }
        }
        var drafts: [DocumentDraft] = []
        for (draft, found) in results {
            diagnostics += found
            if let draft { drafts.append(draft) }
        }

        drafts = drafts.filter { draft in
            guard columnPaths.contains(draft.document.columnPath) else {
                let folder = draft.document.columnPath.isEmpty ? "\(display)/" : "\(display)/\(draft.document.columnPath)/"
                diagnostics.append(.error(draft.document.file,
                    "文件所在的文件夹 \(folder) 不是 site.yml 中定义的栏目。请把文件移到某个栏目文件夹中，或在 site.yml 中添加这个栏目。现有栏目：\(columns.map(\.path).joined(separator: "、"))。"))
                return false
            }
            return true
        }
        diagnostics += checkSlugs(drafts)
        diagnostics += IndexNumbering.assign(&drafts, prefix: identity?.indexPrefix ?? "")
        diagnostics += resolveReferences(&drafts)
        diagnostics += checkAttachments(drafts, assets: Set(assets))

        let planResults = planPaths.parallelMap { path -> (Plan?, [Diagnostic]) in
            let display = "\(contentDisplay)/\(path)"
            let id = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
            switch SourceText.read(root.appendingPathComponent(path), display: display) {
            case .failure(let diagnostic): return (nil, [diagnostic])
            case .success(let text): return PlanReader(display: display, id: id).read(text)
            }
        }
        let plans = planResults.compactMap(\.0)
        diagnostics += planResults.flatMap(\.1)
        diagnostics += PlanReferences.check(plans: plans, documents: drafts.map(\.document))

        var reports: [AnnualReport] = []
        for path in reportPaths {
            let display = "\(contentDisplay)/\(path)"
            switch SourceText.read(root.appendingPathComponent(path), display: display) {
            case .failure(let diagnostic): diagnostics.append(diagnostic)
            case .success(let text):
                let (report, found) = ReportReader(display: display).read(text, siteHost: identity?.host ?? "")
                diagnostics += found
                if let report {
                    if let other = reports.first(where: { $0.year == report.year }) {
                        diagnostics.append(.error(display, line: 1, "\(report.year)年的年度报告与 \(other.file) 重复。"))
                    } else {
                        reports.append(report)
                    }
                }
            }
        }

        if diagnostics.contains(where: { $0.severity == .error }) || identity == nil {
            throw DiagnosticError(diagnostics)
        }
        let site = Site(identity: identity!, columns: columns, documents: drafts.map(\.document), plans: plans,
                        reports: reports.sorted { $0.year > $1.year })
        return LoadedContent(site: site, assets: assets, warnings: Diagnostic.ordered(diagnostics))
    }

    /// The columns of `site.yml` alone, for commands that place new files into a column.
    public func columns() throws -> [Column] {
        let display = "\(display)/site.yml"
        switch SourceText.read(directory.appendingPathComponent("site.yml"), display: display) {
        case .failure(let diagnostic): throw DiagnosticError([diagnostic])
        case .success(let text):
            let config = SiteConfigReader(display: display).read(text)
            if config.diagnostics.contains(where: { $0.severity == .error }) { throw DiagnosticError(config.diagnostics) }
            return config.columns
        }
    }

    /// Every regular file under `content/`, as sorted relative paths; hidden files are skipped.
    private func listFiles() throws -> [String] {
        guard let enumerator = FileManager.default.enumerator(
            at: directory, includingPropertiesForKeys: [.isRegularFileKey],
            options: [.skipsHiddenFiles]) else {
            throw DiagnosticError([.error(display, "无法读取内容文件夹 \(display)/。")])
        }
        let rootPath = directory.path.hasSuffix("/") ? directory.path : directory.path + "/"
        var paths: [String] = []
        for case let url as URL in enumerator {
            guard (try? url.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true else { continue }
            let path = url.standardizedFileURL.path
            guard path.hasPrefix(rootPath) else { continue }
            paths.append(String(path.dropFirst(rootPath.count)))
        }
        return paths.sorted()
    }

    /// Two documents may not share a URL. The file that set `网址名` is the one reported.
    private func checkSlugs(_ drafts: [DocumentDraft]) -> [Diagnostic] {
        var seen: [String: Document] = [:]
        var diagnostics: [Diagnostic] = []
        for draft in drafts {
            let key = "\(draft.document.columnPath)/\(draft.document.slug)".lowercased()
            guard let other = seen[key] else {
                seen[key] = draft.document
                continue
            }
            let (culprit, kept) = other.fieldLines["slug"] != nil && draft.document.fieldLines["slug"] == nil
                ? (other, draft.document) : (draft.document, other)
            diagnostics.append(.error(culprit.file, line: culprit.fieldLines["slug"],
                "网址“\(culprit.columnPath)/\(culprit.slug).html”与 \(kept.file) 重复（不区分大小写）。请修改其中一个文件的文件名或“网址名”。"))
        }
        return diagnostics
    }

    /// Resolves `interprets`, `replaces` and `replaced_by` written as a document path, 文号 or
    /// 索引号, and fills in the reverse relations so both pages can link to each other.
    private func resolveReferences(_ drafts: inout [DocumentDraft]) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var byID: [String: Int] = [:]
        var byNumber: [String: [Int]] = [:]
        var byIndex: [String: Int] = [:]
        for (index, draft) in drafts.enumerated() {
            byID[draft.document.id] = index
            if let number = draft.document.docNumber { byNumber[Self.normalisedNumber(number), default: []].append(index) }
            byIndex[draft.document.indexNumber] = index
        }
        for index in drafts.indices {
            for reference in drafts[index].references {
                var key = reference.text
                if key.hasPrefix("\(display)/") { key.removeFirst(display.count + 1) }
                if key.hasPrefix("/") { key.removeFirst() }
                if key.hasSuffix(".md") { key.removeLast(3) }
                var target = byID[key] ?? byIndex[key]
                if target == nil, let matches = byNumber[Self.normalisedNumber(key)] {
                    if matches.count == 1 {
                        target = matches[0]
                    } else {
                        diagnostics.append(.error(drafts[index].document.file, line: reference.line,
                            "“\(reference.text)”对应多个文件（\(matches.map { drafts[$0].document.file }.joined(separator: "、"))），请改写为文件路径。"))
                        continue
                    }
                }
                guard let target else {
                    diagnostics.append(.error(drafts[index].document.file, line: reference.line,
                        "“\(reference.key)”中的“\(reference.text)”找不到对应的文件。请填写文件路径（如 xxgk/fdzdgknr/zcwj/example）、文号或索引号。"))
                    continue
                }
                guard target != index else {
                    diagnostics.append(.error(drafts[index].document.file, line: reference.line,
                        "“\(reference.key)”指向了文件自身，请删除。"))
                    continue
                }
                let targetID = drafts[target].document.id
                let sourceID = drafts[index].document.id
                switch reference.field {
                case "interprets":
                    drafts[index].document.interprets.append(targetID)
                    drafts[target].document.interpretedBy.append(sourceID)
                case "replaces":
                    drafts[index].document.replaces.append(targetID)
                    drafts[target].document.replacedBy.append(sourceID)
                default:
                    drafts[index].document.replacedBy.append(targetID)
                    drafts[target].document.replaces.append(sourceID)
                }
            }
        }
        for index in drafts.indices {
            drafts[index].document.interprets = Self.unique(drafts[index].document.interprets)
            drafts[index].document.interpretedBy = Self.unique(drafts[index].document.interpretedBy)
            drafts[index].document.replaces = Self.unique(drafts[index].document.replaces)
            drafts[index].document.replacedBy = Self.unique(drafts[index].document.replacedBy)
        }
        return diagnostics
    }

    private func checkAttachments(_ drafts: [DocumentDraft], assets: Set<String>) -> [Diagnostic] {
        drafts.flatMap { draft in
            draft.document.attachments.compactMap { attachment in
                assets.contains(attachment.path) ? nil : Diagnostic.error(draft.document.file,
                    line: draft.document.fieldLines["attachments"],
                    "附件“\(attachment.path)”不存在。请把文件放到 \(display)/\(attachment.path)，或更正文件名。")
            }
        }
    }

    /// 文号 compared without bracket style or spaces: 湘政办发〔2023〕11号 = 湘政办发[2023]11号.
    static func normalisedNumber(_ number: String) -> String {
        String(number.filter { !" 　〔〕[]［］()（）【】".contains($0) })
    }

    private static func unique(_ ids: [String]) -> [String] {
        Array(Set(ids)).sorted()
    }
}
