import GongkaiModel

/// Limits on a Markdown body that no real document reaches but a hostile or broken file can:
/// a table with thousands of columns makes the Markdown renderer take tens of seconds and
/// hundreds of MB. Checked on the source lines before anything is rendered.
public enum BodyLimits {
    /// The most columns a Markdown table may have (a printed table has at most a few dozen).
    public static let maximumTableColumns = 100

    /// Errors for tables with too many columns, at the line of the table's delimiter row.
    public static func check(_ body: String, display: String, firstLine: Int) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var lineNumber = firstLine - 1
        for line in body.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            // A delimiter row: only | - : and spaces, with at least one | and one -.
            guard line.utf8.contains(UInt8(ascii: "|")), line.utf8.contains(UInt8(ascii: "-")),
                line.utf8.allSatisfy({ $0 == 124 || $0 == 45 || $0 == 58 || $0 == 32 || $0 == 9 })
            else { continue }
            let cells = line.split(separator: "|", omittingEmptySubsequences: true)
                .filter { $0.contains("-") }.count
            if cells > maximumTableColumns {
                diagnostics.append(
                    .error(
                        display, line: lineNumber,
                        "这个表格有 \(cells) 列，超过了 \(maximumTableColumns) 列的上限（过宽的表格会使生成极慢，网页上也无法阅读）。请拆成几个表格，或把数据放到附件（如 .xlsx）中。"))
            }
        }
        return diagnostics
    }
}
