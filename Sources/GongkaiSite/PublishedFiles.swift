import GongkaiMarkdown
import GongkaiModel

/// The one rule for files under `content/` that are not documents (attachments, images,
/// drafts someone left beside them): a file is published only when a published document lists
/// it under 附件, links or shows it in its body, a published 常见问题 answer links it, or
/// site.yml declares it under 静态文件. Every other file in a column folder stays out of
/// `site/` and is reported as a warning, so a stray `draft-notes.txt` or the attachment of a
/// 依申请公开 document is never published without a word.
struct PublishedFiles {
    /// Published files, sorted, each with whether personal data is allowed in it (the
    /// documents listing it all say 允许个人信息: 是).
    let files: [(path: String, personalDataAllowed: Bool)]
    /// Files under column folders that are not published.
    let stray: [String]

    /// - Parameter linked: files reached by links in published document bodies (from the
    ///   pages' records), with the ids of the documents linking them.
    init(plan: SitePlan, candidates: [String], linked: [String: Set<String>]) {
        let published = plan.factory.published
        var owners: [String: [Document]] = [:]
        for document in published.documents {
            for attachment in document.attachments { owners[attachment.path, default: []].append(document) }
        }
        for (path, ids) in linked {
            for id in ids { if let document = published.site.document(id) { owners[path, default: []].append(document) } }
        }
        var chosen = Set(owners.keys)
        for consultation in published.consultationBook.consultations { chosen.formUnion(consultation.attachments.map(\.path)) }
        let resolver = LinkResolver(factory: plan.factory, folder: "faq")
        let renderer = MarkdownRenderer()
        for faq in published.faqs {
            let found = LinkCollector()
            _ = renderer.render(faq.body) { address in
                found.add(resolver.linkedFile(address))
                return .keep
            }
            chosen.formUnion(found.paths)
        }
        // Declared in site.yml: 静态文件, and the header's 网站标志 and 党政机关网站标识 images.
        let identity = published.site.identity
        let statics = identity.staticFiles + [identity.logo, identity.conacMark].compactMap { $0 }
        var files: [(String, Bool)] = []
        var stray: [String] = []
        for path in candidates {
            let declared = statics.contains { $0.hasSuffix("/") ? path.hasPrefix($0) : path == $0 }
            if chosen.contains(path) || declared {
                let documents = owners[path] ?? []
                files.append((path, !declared && !documents.isEmpty && documents.allSatisfy(\.allowsPersonalData)))
            } else {
                stray.append(path)
            }
        }
        self.files = files
        self.stray = stray
    }

    /// The warning for a file that is not published.
    static func strayWarning(_ path: String, contentDisplay: String, withheldOwner: Document?) -> Diagnostic? {
        if withheldOwner != nil { return nil }
        return .warning(
            "\(contentDisplay)/\(path)",
            "这个文件没有被任何发布的文件列为附件或在正文中链接，也没有在 site.yml 的“静态文件”中声明，因此不会发布。"
                + "如需发布，请在所属文件的“附件”中列出它；不需要的文件（草稿、旧版本）请移出 content/。",
            rule: "stray-file")
    }
}

/// Collects what a Markdown render's link callback saw.
final class LinkCollector: @unchecked Sendable {
    private(set) var paths: [String] = []
    func add(_ path: String?) { if let path { paths.append(path) } }
}
