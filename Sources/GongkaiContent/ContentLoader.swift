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
    /// What was read from each document, for the next load (`load(reusing:)`).
    public var sources = SourceState()
    /// Documents read and parsed by this load (the others came from the state it was given).
    public var reread = 0
    /// A hash of everything read from `content/` except the documents: the path of every file,
    /// and the bytes of every file that is neither a document nor an attachment (site.yml, the
    /// data folders). With the documents' fields but their bodies (`Document.outlineDigest`)
    /// it covers all that a page other than a document's own can show (`SitePlan.outline`).
    public var outline: UInt64 = 0
}

/// Reads `content/` into a `Site`: `site.yml`, then every document in parallel, then the checks
/// that need all documents (unknown columns, duplicate slugs and 索引号, references, attachments).
/// All problems are collected; if any is an error, `load` throws them all together.
public struct ContentLoader: Sendable {
    public let directory: URL
    /// How paths are shown in messages: `content` gives `content/xxgk/foo.md`.
    public let display: String

    /// Folders of `content/` that hold data files rather than a column's documents, with what
    /// they hold (for the message when a column is given one of their names).
    public static let dataFolders: [String: String] = [
        "plans": "工作要点数据", "reports": "政府信息公开工作年度报告", "catalogues": "公开目录和清单", "faq": "常见问题",
        "consultations": "意见征集", "assets": "网站标志等全站图片",
    ]

    public init(directory: URL, display: String = "content") {
        self.directory = directory.standardizedFileURL
        self.display = display
    }

    /// Reads `content/`. With the `SourceState` of a previous load, documents whose files did
    /// not change are taken from it instead of read again; the result is the same.
    public func load(reusing previous: SourceState? = nil) throws -> LoadedContent {
        var diagnostics: [Diagnostic] = []
        let configDisplay = "\(display)/site.yml"
        let configURL = directory.appendingPathComponent("site.yml")
        guard FileManager.default.fileExists(atPath: configURL.path) else {
            throw DiagnosticError([
                .error(
                    configDisplay,
                    "找不到网站配置文件。请在 \(display)/ 下创建 site.yml，写明网站名称、网址、主办单位、网站标识码和栏目。")
            ])
        }
        var identity: SiteIdentity?
        var columns: [Column] = []
        var bodies: [DisclosingBody] = []
        switch SourceText.read(configURL, display: configDisplay) {
        case .failure(let diagnostic):
            diagnostics.append(diagnostic)
        case .success(let text):
            let config = SiteConfigReader(display: configDisplay).read(text)
            identity = config.identity
            columns = config.columns
            bodies = config.bodies
            diagnostics += config.diagnostics
        }
        // Without a readable site.yml every document would be reported as outside any column:
        // the root cause alone, not a cascade of errors it caused.
        if diagnostics.contains(where: { $0.severity == .error }) {
            throw DiagnosticError(diagnostics)
        }

        let files = try listFiles()
        let columnPaths = Set(columns.map(\.path))
        var documentPaths: [String] = []
        var planPaths: [String] = []
        var reportPaths: [String] = []
        var unknownBodies: Set<String> = []
        var cataloguePaths: [String] = []
        var faqPaths: [String] = []
        var consultationPaths: [String] = []
        var assets: [String] = []
        for path in files {
            let directoryPath = PathText.parent(path)
            let top = path.utf8.firstIndex(of: UInt8(ascii: "/")).map { String(path[..<$0]) } ?? path
            if directoryPath == "plans" && (path.hasSuffix(".yml") || path.hasSuffix(".yaml")) {
                planPaths.append(path)
                continue
            }
            if top == DisclosingBody.root, let slug = path.split(separator: "/").dropFirst().first.map(String.init), directoryPath != "" {
                if !bodies.contains(where: { $0.slug == slug }) {
                    if unknownBodies.insert(slug).inserted {
                        diagnostics.append(
                            .error(
                                "\(display)/\(DisclosingBody.root)/\(slug)/",
                                "文件夹 \(display)/\(DisclosingBody.root)/\(slug)/ 不属于任何公开主体：site.yml 的“公开主体”中没有路径为“\(slug)”的主体。请在 site.yml 中声明这个主体，或改正文件夹名。"
                                    + (bodies.isEmpty ? "" : "现有主体路径：\(bodies.map(\.slug).joined(separator: "、"))。")))
                    }
                    continue
                }
                if directoryPath == "\(DisclosingBody.root)/\(slug)/\(DisclosingBody.reportsFolder)" {
                    if path.hasSuffix(".yml") || path.hasSuffix(".yaml") { reportPaths.append(path) }
                    continue
                }
                if directoryPath == "\(DisclosingBody.root)/\(slug)/\(DisclosingBody.cataloguesFolder)" {
                    if path.hasSuffix(".yml") || path.hasSuffix(".yaml") { cataloguePaths.append(path) }
                    continue
                }
            }
            if directoryPath == "reports" && (path.hasSuffix(".yml") || path.hasSuffix(".yaml")) {
                reportPaths.append(path)
                continue
            }
            if directoryPath == "catalogues" {
                if path.hasSuffix(".yml") || path.hasSuffix(".yaml") { cataloguePaths.append(path) }
                continue
            }
            if directoryPath == "faq" && path.hasSuffix(".md") {
                faqPaths.append(path)
                continue
            }
            if directoryPath == "consultations" {
                if path.hasSuffix(".md") { consultationPaths.append(path) } else { assets.append(path) }
                continue
            }
            if top == "assets" && directoryPath != "" {
                // Site-wide images named in site.yml (网站标志, 党政机关网站标识).
                assets.append(path)
                continue
            }
            if path == "site.yml" || (Self.dataFolders[top] != nil && directoryPath != "") {
                continue
            }
            if path.hasSuffix(".md") {
                documentPaths.append(path)
            } else if let column = columnPaths.first(where: { Site.isWithin(directoryPath, $0) }), !column.isEmpty {
                assets.append(path)
            } else {
                diagnostics.append(
                    .warning(
                        "\(display)/\(path)",
                        "这个文件不在任何栏目文件夹中，不会发布。附件和图片请放在所属文件的栏目文件夹内。"))
            }
        }

        var documentReader = DocumentReader(contentDisplay: display)
        for column in columns {
            documentReader.columnFields[column.path] = (column.parentPath.flatMap { documentReader.columnFields[$0] } ?? []) + column.fields
        }
        let reader = documentReader
        let root = directory
        let contentDisplay = display
        let keys = Dictionary(uniqueKeysWithValues: Set(documentPaths.map(PathText.parent)).map { ($0, readerKey(documentReader, folder: $0)) })
        let kept = previous?.documents ?? [:]
        let now = SourceState.now()
        let rootPath = root.path
        let results = documentPaths.parallelMap { path in
            SourceState.document(
                path, root: rootPath, display: "\(contentDisplay)/\(path)", key: keys[PathText.parent(path)]!,
                previous: kept[path], reader: reader, now: now)
        }
        var drafts: [DocumentDraft] = []
        var broken = BrokenTargets(contentDisplay: display)
        var state = SourceState()
        state.generation = previous?.generation
        state.documents.reserveCapacity(documentPaths.count)
        state.changed = previous == nil || kept.count != documentPaths.count
        var reread = 0
        for (path, (draft, found, entry, source)) in zip(documentPaths, results) {
            diagnostics += found
            if let draft { drafts.append(draft) }
            if let entry { state.documents[path] = entry }
            if source != .kept || entry == nil { state.changed = true }
            if source == .parsed { reread += 1 }
            if draft == nil, found.contains(where: { $0.severity == .error }) {
                broken.add(path: path, text: try? String(contentsOf: root.appendingPathComponent(path), encoding: .utf8))
            }
        }

        let homeColumns = Set(columns.filter { !$0.holdsDocuments }.map(\.path))
        drafts = drafts.filter { draft in
            if homeColumns.contains(draft.document.columnPath) {
                diagnostics.append(
                    .error(
                        draft.document.file,
                        "\(display)/\(draft.document.columnPath)/ 是公开主体的文件夹，文件应放在它的某个栏目文件夹中（如 \(display)/\(draft.document.columnPath)/\(columns.first { $0.parentPath == draft.document.columnPath }?.path.split(separator: "/").last.map(String.init) ?? "gkzn")/）。"
                    ))
                return false
            }
            guard columnPaths.contains(draft.document.columnPath) else {
                let folder = draft.document.columnPath.isEmpty ? "\(display)/" : "\(display)/\(draft.document.columnPath)/"
                diagnostics.append(
                    .error(
                        draft.document.file,
                        "文件所在的文件夹 \(folder) 不是 site.yml 中定义的栏目。请把文件移到某个栏目文件夹中，或在 site.yml 中添加这个栏目。现有栏目：\(columns.map(\.path).joined(separator: "、"))。"))
                return false
            }
            return true
        }
        diagnostics += checkSlugs(drafts)
        let sitePrefix = identity?.indexPrefix ?? ""
        diagnostics += IndexNumbering.assign(&drafts) { DisclosingBody.owner(ofColumn: $0.columnPath, among: bodies)?.code ?? sitePrefix }
        // Ids, 文号 and 索引号 are final now; resolving references changes only relations.
        let lookup = DocumentLookup(documents: drafts.map(\.document), contentDisplay: display)
        diagnostics += resolveReferences(&drafts, lookup: lookup, broken: broken)
        diagnostics += checkAttachments(drafts, assets: Set(assets))
        for (label, path) in [("网站标志", identity?.logo), ("党政机关网站标识", identity?.conacMark)] {
            if let path, path.hasPrefix("assets/"), !assets.contains(path) {
                diagnostics.append(
                    .error(
                        configDisplay,
                        "\(label)图片“\(path)”找不到。请把图片放到 \(display)/\(path)，或改正 site.yml 中的文件名。"))
            }
        }

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
                let (read, found) = ReportReader(display: display).read(text, siteHost: identity?.host ?? "")
                diagnostics += found
                if var report = read {
                    report.body = DisclosingBody.slug(ofPath: path)
                    if let other = reports.first(where: { $0.year == report.year && $0.body == report.body }) {
                        diagnostics.append(.error(display, line: 1, "\(report.year)年的年度报告与 \(other.file) 重复。"))
                    } else {
                        reports.append(report)
                    }
                }
            }
        }

        var catalogues: [Catalogue] = []
        for path in cataloguePaths {
            let display = "\(contentDisplay)/\(path)"
            let folder = PathText.parent(path)
            // A body's catalogues (bodies/<slug>/catalogues/x.yml) are named <slug>-x, so two
            // bodies may both have a 主动公开目录.yml.
            let body = DisclosingBody.slug(ofPath: path)
            let name = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
            let id = body.map { "\($0)-\(name)" } ?? name
            switch SourceText.read(root.appendingPathComponent(path), display: display) {
            case .failure(let diagnostic): diagnostics.append(diagnostic)
            case .success(let text):
                let reader = CatalogueReader(display: display, id: id) { name in
                    SourceText.read(
                        root.appendingPathComponent(folder).appendingPathComponent(name),
                        display: "\(contentDisplay)/\(folder)/\(name)")
                }
                let (catalogue, found) = reader.read(text)
                diagnostics += found
                if var catalogue {
                    catalogue.body = body
                    catalogues.append(catalogue)
                }
            }
        }

        var faqs: [FAQEntry] = []
        for path in faqPaths {
            let display = "\(contentDisplay)/\(path)"
            switch SourceText.read(root.appendingPathComponent(path), display: display) {
            case .failure(let diagnostic): diagnostics.append(diagnostic)
            case .success(let text):
                let (entry, references, found) = FAQReader(display: display, relativePath: path).read(text)
                diagnostics += found
                guard var entry else { continue }
                entry.related = Self.unique(
                    references.compactMap {
                        resolve($0.text, key: "相关政策", line: $0.line, file: display, lookup: lookup, broken: broken, diagnostics: &diagnostics)
                    })
                faqs.append(entry)
            }
        }

        let consultations = readConsultations(consultationPaths, lookup: lookup, broken: broken, assets: Set(assets), diagnostics: &diagnostics)
        resolveCatalogueReferences(&catalogues, consultations: consultations, lookup: lookup, broken: broken, diagnostics: &diagnostics)

        if diagnostics.contains(where: { $0.severity == .error }) || identity == nil {
            throw DiagnosticError(diagnostics)
        }
        var site = Site(
            identity: identity!, columns: columns, documents: drafts.map(\.document), plans: plans,
            reports: reports.sorted { $0.year > $1.year }, catalogues: catalogues, faqs: faqs)
        site.contentDisplay = display
        site.consultations = consultations
        site.bodies = bodies
        return LoadedContent(
            site: site, assets: assets, warnings: Diagnostic.ordered(diagnostics), sources: state, reread: reread,
            outline: outline(files: files, documents: Set(documentPaths), assets: Set(assets)))
    }

    /// `LoadedContent.outline`: the file list, and the bytes of the files that are read whole
    /// into the site (all but documents and attachments), in the list's sorted order.
    private func outline(files: [String], documents: Set<String>, assets: Set<String>) -> UInt64 {
        let root = directory
        let hashes = files.filter { !documents.contains($0) && !assets.contains($0) }.parallelMap { path -> (String, UInt64) in
            guard let data = FileManager.default.contents(atPath: root.appendingPathComponent(path).path) else { return (path, 0) }
            var hasher = StableHasher()
            data.withUnsafeBytes { hasher.combine(bytes: $0) }
            return (path, hasher.finalize())
        }
        var hasher = StableHasher()
        hasher.combine(SourceState.format)
        hasher.combine(display)
        for path in files { hasher.combine(path) }
        for (path, hash) in hashes {
            hasher.combine(path)
            hasher.combine(hash)
        }
        return hasher.finalize()
    }

    /// What reading a document of `folder` depends on besides its file: the fields the column
    /// declares in site.yml (its ancestors' included) and how paths are shown.
    private func readerKey(_ reader: DocumentReader, folder: String) -> UInt64 {
        var hasher = StableHasher()
        hasher.combine(SourceState.format)
        hasher.combine(display)
        for field in reader.columnFields[folder] ?? [] {
            hasher.combine(field.key)
            hasher.combine(field.label)
            hasher.combine(field.kind.rawValue)
            hasher.combine(field.line)
        }
        return hasher.finalize()
    }

    /// Every regular file under `content/`, as sorted relative paths; hidden files are skipped.
    private func listFiles() throws -> [String] {
        guard let paths = FileTree.files(under: directory.path) else {
            throw DiagnosticError([.error(display, "无法读取内容文件夹 \(display)/。")])
        }
        return paths
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
            let (culprit, kept) =
                other.fieldLines["slug"] != nil && draft.document.fieldLines["slug"] == nil
                ? (other, draft.document) : (draft.document, other)
            diagnostics.append(
                .error(
                    culprit.file, line: culprit.fieldLines["slug"],
                    "网址“\(culprit.columnPath)/\(culprit.slug).html”与 \(kept.file) 重复（不区分大小写）。请修改其中一个文件的文件名或“网址名”。"))
        }
        return diagnostics
    }

    /// Resolves `interprets`, `replaces` and `replaced_by` written as a document path, 文号 or
    /// 索引号, and fills in the reverse relations so both pages can link to each other.
    private func resolveReferences(_ drafts: inout [DocumentDraft], lookup: DocumentLookup, broken: BrokenTargets) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let indexOf = Dictionary(uniqueKeysWithValues: drafts.enumerated().map { ($1.document.id, $0) })
        for index in drafts.indices {
            for reference in drafts[index].references {
                let file = drafts[index].document.file
                guard
                    let targetID = resolve(
                        reference.text, key: reference.key, line: reference.line, file: file,
                        lookup: lookup, broken: broken, diagnostics: &diagnostics)
                else { continue }
                let target = indexOf[targetID]!
                guard target != index else {
                    diagnostics.append(.error(file, line: reference.line, "“\(reference.key)”指向了文件自身，请删除。"))
                    continue
                }
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

    /// The id a reference names, or nil after reporting why it names none.
    func resolve(
        _ text: String, key: String, line: Int, file: String, lookup: DocumentLookup,
        broken: BrokenTargets, diagnostics: inout [Diagnostic]
    ) -> String? {
        switch lookup.find(text) {
        case .found(let id):
            return id
        case .ambiguous(let ids):
            diagnostics.append(
                .error(
                    file, line: line,
                    "“\(text)”对应多个文件（\(ids.map { "\(display)/\($0).md" }.joined(separator: "、"))），请改写为文件路径。"))
        case .missing:
            if let target = broken.find(text) {
                diagnostics.append(
                    .error(
                        file, line: line,
                        "“\(key)”中的“\(text)”指向的文件 \(target) 本身有错误，无法读取（见该文件的错误）。改正那个文件后，这里就会正常。",
                        rule: BrokenTargets.rule))
                return nil
            }
            diagnostics.append(
                .error(
                    file, line: line,
                    "“\(key)”中的“\(text)”找不到对应的文件。请填写文件路径（如 xxgk/fdzdgknr/zcwj/example）、文号或索引号。"))
        }
        return nil
    }

    private func checkAttachments(_ drafts: [DocumentDraft], assets: Set<String>) -> [Diagnostic] {
        drafts.flatMap { draft in
            draft.document.attachments.compactMap { attachment in
                assets.contains(attachment.path)
                    ? nil
                    : Diagnostic.error(
                        draft.document.file,
                        line: draft.document.fieldLines["attachments"],
                        "附件“\(attachment.path)”不存在。请把文件放到 \(display)/\(attachment.path)，或更正文件名。")
            }
        }
    }

    private static func unique(_ ids: [String]) -> [String] {
        Array(Set(ids)).sorted()
    }
}
