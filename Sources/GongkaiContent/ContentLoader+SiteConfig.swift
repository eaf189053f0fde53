import Foundation
import GongkaiModel

extension ContentLoader {
    /// The site's identity from `site.yml` alone (name, base URL…), without reading the
    /// documents: what the preview server needs to know where the site lives.
    public func identity() throws -> SiteIdentity {
        let config = try siteConfig()
        guard let identity = config.identity else { throw DiagnosticError(config.diagnostics) }
        return identity
    }

    /// The columns of `site.yml` alone, for commands that place new files into a column.
    public func columns() throws -> [Column] {
        try siteConfig().columns
    }

    /// `site.yml` read on its own; its errors are thrown.
    private func siteConfig() throws -> (identity: SiteIdentity?, columns: [Column], diagnostics: [Diagnostic], bodies: [DisclosingBody]) {
        let display = "\(display)/site.yml"
        switch SourceText.read(directory.appendingPathComponent("site.yml"), display: display) {
        case .failure(let diagnostic): throw DiagnosticError([diagnostic])
        case .success(let text):
            let config = SiteConfigReader(display: display).read(text)
            if config.diagnostics.contains(where: { $0.severity == .error }) { throw DiagnosticError(config.diagnostics) }
            return config
        }
    }
}
