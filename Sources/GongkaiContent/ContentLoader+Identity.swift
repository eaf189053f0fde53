import Foundation
import GongkaiModel

extension ContentLoader {
    /// The site's identity from `site.yml` alone (name, base URL…), without reading the
    /// documents: what the preview server needs to know where the site lives.
    public func identity() throws -> SiteIdentity {
        let display = "\(display)/site.yml"
        switch SourceText.read(directory.appendingPathComponent("site.yml"), display: display) {
        case .failure(let diagnostic): throw DiagnosticError([diagnostic])
        case .success(let text):
            let config = SiteConfigReader(display: display).read(text)
            guard let identity = config.identity, !config.diagnostics.contains(where: { $0.severity == .error }) else {
                throw DiagnosticError(config.diagnostics)
            }
            return identity
        }
    }
}
