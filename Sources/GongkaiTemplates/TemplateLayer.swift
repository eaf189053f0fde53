import Foundation
import GongkaiContent
import GongkaiModel

/// One place templates and assets come from: a folder on disk (the site's `templates/`, a theme
/// folder named in site.yml) or files held in memory (the built-in theme). A site's templates
/// are a list of layers; each file is taken from the first layer that has it.
public struct TemplateLayer: Sendable {
    public enum Storage: Sendable {
        case folder(URL)
        /// Relative path (`layouts/base.mustache`) → bytes.
        case files([String: Data])
    }

    public let storage: Storage
    /// How the layer's files are named in messages: `templates` gives `templates/layouts/…`.
    public let display: String

    public static func folder(_ url: URL, display: String) -> TemplateLayer {
        TemplateLayer(storage: .folder(url), display: display)
    }

    public static func files(_ files: [String: Data], display: String) -> TemplateLayer {
        TemplateLayer(storage: .files(files), display: display)
    }

    /// The folder of a layer on disk (nil for the built-in theme), for a preview to watch.
    public var folder: URL? {
        if case .folder(let url) = storage { return url }
        return nil
    }

    /// Paths relative to `folder` (`layouts`) of every file under it, sorted.
    public func files(under folder: String) -> [String] {
        switch storage {
        case .folder(let url):
            return (FileTree.files(under: url.appendingPathComponent(folder).path) ?? []).sorted()
        case .files(let files):
            let prefix = folder + "/"
            return files.keys.filter { $0.hasPrefix(prefix) }.map { String($0.dropFirst(prefix.count)) }.sorted()
        }
    }

    /// The file's text, or a message naming it when it cannot be read.
    func text(_ path: String) -> Result<String, Diagnostic> {
        let display = "\(self.display)/\(path)"
        switch storage {
        case .folder(let url):
            return SourceText.read(url.appendingPathComponent(path), display: display)
        case .files(let files):
            return .success(String(decoding: files[path] ?? Data(), as: UTF8.self))
        }
    }

    /// The file on disk, for a folder layer.
    public func url(_ path: String) -> URL? {
        if case .folder(let url) = storage { return url.appendingPathComponent(path) }
        return nil
    }

    /// The file's bytes, for an in-memory layer.
    public func data(_ path: String) -> Data? {
        if case .files(let files) = storage { return files[path] }
        return nil
    }
}

extension [TemplateLayer] {
    /// Every file under `folder` across the layers, each from the first layer that has it:
    /// relative path → the layer.
    public func resolved(under folder: String) -> [(path: String, layer: TemplateLayer)] {
        var seen = Set<String>()
        var result: [(path: String, layer: TemplateLayer)] = []
        for layer in self {
            for file in layer.files(under: folder) where seen.insert(file).inserted {
                result.append((file, layer))
            }
        }
        return result.sorted { $0.path < $1.path }
    }
}
