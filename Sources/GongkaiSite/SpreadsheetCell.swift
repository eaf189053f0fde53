/// Neutralises a CSV cell that a spreadsheet would run as a formula (CSV injection, OWASP):
/// a cell starting with `=`, `+`, `-`, `@`, a tab or a carriage return (or their full-width
/// forms, which spreadsheets may fold) gets a leading `'`, which Excel and LibreOffice show as
/// text and do not display. Only the CSV download is changed; the page shows the cell as written.
enum SpreadsheetCell {
    static let triggers: Set<Unicode.Scalar> = ["=", "+", "-", "@", "\t", "\r", "\u{FF1D}", "\u{FF0B}", "\u{FF0D}", "\u{FF20}"]

    static func neutralised(_ cell: String) -> String {
        guard let first = cell.unicodeScalars.first, triggers.contains(first) else { return cell }
        return "'" + cell
    }
}
