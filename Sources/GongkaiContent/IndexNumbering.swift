import GongkaiModel

/// Gives every document without a 索引号 one of the form `<prefix>/<year>-<5-digit serial>`.
///
/// Serials are assigned per 发布日期 year in order of (发布日期, id), over all documents
/// (withheld and future ones too) and skipping serials that written numbers already use. So a
/// number never changes when documents are published later, the normal way a portal grows.
enum IndexNumbering {
    /// `prefix` gives each document's prefix: the 机构代码 of its body, or the site's.
    static func assign(_ drafts: inout [DocumentDraft], prefix: (Document) -> String) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var owner: [String: Int] = [:]
        var reserved: [String: [Int: Set<Int>]] = [:]
        for index in drafts.indices where drafts[index].hasIndexNumber {
            let document = drafts[index].document
            if let first = owner[document.indexNumber] {
                diagnostics.append(
                    .error(
                        document.file, line: document.fieldLines["index_no"],
                        "索引号“\(document.indexNumber)”与 \(drafts[first].document.file) 重复。每个文件的索引号必须唯一；删除此行即可自动生成。"))
                continue
            }
            owner[document.indexNumber] = index
            let own = prefix(document)
            if let (year, serial) = parse(document.indexNumber, prefix: own) {
                reserved[own, default: [:]][year, default: []].insert(serial)
            }
        }
        // Sorted by keys read once per document, not twice per comparison.
        let missing = drafts.indices.filter { !drafts[$0].hasIndexNumber }
            .map { (index: $0, published: drafts[$0].document.published, id: drafts[$0].document.id) }
            .sorted { ($0.published, $0.id) < ($1.published, $1.id) }.map(\.index)
        var next: [String: [Int: Int]] = [:]
        for index in missing {
            let own = prefix(drafts[index].document)
            let year = drafts[index].document.published.date.year
            var serial = next[own]?[year] ?? 1
            while reserved[own]?[year]?.contains(serial) == true { serial += 1 }
            next[own, default: [:]][year] = serial + 1
            drafts[index].document.indexNumber = format(prefix: own, year: year, serial: serial)
        }
        return diagnostics
    }

    static func format(prefix: String, year: Int, serial: Int) -> String {
        "\(prefix)/\(year)-\(CalendarDate.pad(serial, 5))"
    }

    /// The year and serial of a number written in this site's own form.
    static func parse(_ number: String, prefix: String) -> (Int, Int)? {
        guard number.hasPrefix(prefix + "/") else { return nil }
        let rest = number.dropFirst(prefix.count + 1).split(separator: "-")
        guard rest.count == 2, rest[0].count == 4, let year = Int(rest[0]), let serial = Int(rest[1]) else { return nil }
        return (year, serial)
    }
}
