import GongkaiMarkdown
import GongkaiModel
import GongkaiOutput
import GongkaiTemplates

/// Makes one output page, or finds that the previous build's file is still right. The
/// fingerprint of a page is the hash of the build key (program, templates), the page's
/// template and path, and the inputs its kind declares (by default its whole view model).
public struct PageRenderer: Sendable {
    let plan: SitePlan
    /// Hash of what every page depends on: Gongkai itself and the templates.
    let buildKey: UInt64
    /// The records of the previous build, when the output folder is updated in place.
    let previous: BuildCache?
    /// The output folder updated in place, to check that a reused file is still as written.
    let outputPath: String?

    func make(_ page: OutputPage, path: String) -> OutputFile {
        let kind = plan.kind(of: page)
        var hasher = StableHasher()
        hasher.combine(buildKey)
        hasher.combine(kind.template)
        hasher.combine(path)
        guard let outline = plan.outline else { return kind.erasedMake(page.key, path: path, renderer: self, base: hasher) }
        // What the page is made from at all: the outline and the bodies it shows. Unchanged,
        // the previous file stands without its view being made.
        var inputs = hasher
        inputs.combine(outline)
        for document in kind.erasedBodiesShown(page.key, in: plan.factory) { inputs.combine(document.digest) }
        let key = inputs.finalize()
        if let kept = reusable(path, inputs: key) { return OutputFile(path: path, record: kept, text: nil) }
        var made = kind.erasedMake(page.key, path: path, renderer: self, base: hasher)
        made.record.inputs = key
        return made
    }

    /// A page fingerprinted by its whole view.
    func make<View: Encodable & Sendable>(
        _ made: (view: View, warnings: [Diagnostic]), template: String, path: String,
        base: StableHasher
    ) -> OutputFile {
        var hasher = base
        FingerprintEncoder.fingerprint(made.view, into: &hasher)
        let fingerprint = hasher.finalize()
        if let kept = reusable(path, fingerprint) {
            return OutputFile(
                path: path,
                record: BuildCache.Record(
                    fingerprint: fingerprint, content: kept.content, size: kept.size,
                    modified: kept.modified, warnings: made.warnings), text: nil)
        }
        let text = plan.templates.render(made.view, template: template)
        return OutputFile(
            path: path,
            record: BuildCache.Record(
                fingerprint: fingerprint, content: StableHasher.hash(text), size: 0,
                modified: 0, warnings: made.warnings), text: text)
    }

    /// A document page, fingerprinted by the inputs of its shell (the document itself with its
    /// Markdown, its column, what it relates to) and where the links of its body lead.
    func makeDocument(_ document: Document, template: String, path: String, base: StableHasher) -> OutputFile {
        let factory = plan.factory
        var hasher = base
        factory.fingerprintShellInputs(of: document, into: &hasher)
        let resolver = LinkResolver(factory: factory, document: document)
        if let record = previous?.records[path] {
            let fingerprint = Self.adding(links: record.links, resolver: resolver, to: hasher)
            if let kept = reusable(path, fingerprint) { return OutputFile(path: path, record: kept, text: nil) }
        }
        let made = factory.completeDocumentPage(factory.documentShell(document), document: document)
        let text = plan.templates.render(made.view, template: template)
        let fingerprint = Self.adding(links: made.links, resolver: resolver, to: hasher)
        return OutputFile(
            path: path,
            record: BuildCache.Record(
                fingerprint: fingerprint, content: StableHasher.hash(text), size: 0,
                modified: 0, links: made.links, warnings: made.warnings), text: text)
    }

    private static func adding(links: [String], resolver: LinkResolver, to base: StableHasher) -> UInt64 {
        var hasher = base
        for link in links {
            hasher.combine(link)
            switch resolver.resolve(link) {
            case .keep: hasher.combine("keep")
            case .rewrite(let address):
                hasher.combine("rewrite")
                hasher.combine(address)
            case .broken(let reason):
                hasher.combine("broken")
                hasher.combine(reason)
            }
        }
        return hasher.finalize()
    }

    /// The previous record of `path` when its fingerprint is unchanged and the file on disk is
    /// still the one that build wrote.
    func reusable(_ path: String, _ fingerprint: UInt64) -> BuildCache.Record? {
        guard let record = previous?.records[path], record.fingerprint == fingerprint else { return nil }
        return stillWritten(path, record)
    }

    /// The previous record of `path` when it was made from the same `inputs` (`make`) and the
    /// file on disk is still the one that build wrote.
    private func reusable(_ path: String, inputs: UInt64) -> BuildCache.Record? {
        guard let record = previous?.records[path], record.inputs == inputs else { return nil }
        return stillWritten(path, record)
    }

    private func stillWritten(_ path: String, _ record: BuildCache.Record) -> BuildCache.Record? {
        guard let outputPath, let stamp = FileStamp(path: outputPath + "/" + path), stamp.size == record.size,
            stamp.version == record.modified
        else { return nil }
        return record
    }
}
