import Foundation
import GongkaiModel

/// Public entry points to each content reader, from raw bytes as they would be read from disk
/// (UTF-8 check included): for the fuzz driver (`bench/fuzz`) and other tools. Each returns
/// the diagnostics the reader gave.
public enum ContentReaders {
    public static func document(_ data: Data) -> [Diagnostic] {
        read(data, "content/zcwj/fuzz.md") { DocumentReader(contentDisplay: "content").read(text: $0, relativePath: "zcwj/fuzz.md").1 }
    }

    public static func plan(_ data: Data) -> [Diagnostic] {
        read(data, "content/plans/fuzz.yml") { PlanReader(display: "content/plans/fuzz.yml", id: "fuzz").read($0).1 }
    }

    public static func siteConfig(_ data: Data) -> [Diagnostic] {
        read(data, "content/site.yml") { SiteConfigReader(display: "content/site.yml").read($0).diagnostics }
    }

    public static func catalogue(_ data: Data) -> [Diagnostic] {
        read(data, "content/catalogues/fuzz.yml") { text in
            CatalogueReader(display: "content/catalogues/fuzz.yml", id: "fuzz") { name in
                // The CSV beside the catalogue: the same bytes, read as CSV.
                SourceText.decode(data, display: "content/catalogues/\(name)")
            }.read(text).1
        }
    }

    public static func faq(_ data: Data) -> [Diagnostic] {
        read(data, "content/faq/fuzz.md") { FAQReader(display: "content/faq/fuzz.md", relativePath: "faq/fuzz.md").read($0).2 }
    }

    public static func report(_ data: Data) -> [Diagnostic] {
        read(data, "content/reports/fuzz.yml") { ReportReader(display: "content/reports/fuzz.yml").read($0, siteHost: "测试单位").1 }
    }

    private static func read(_ data: Data, _ display: String, _ reader: (String) -> [Diagnostic]) -> [Diagnostic] {
        switch SourceText.decode(data, display: display) {
        case .failure(let diagnostic): return [diagnostic]
        case .success(let text): return reader(text)
        }
    }
}
