/// A table built in Swift and drawn by the `data-table` partial, for tables whose structure is
/// fixed by a national format (the annual report's tables 二, 三, 四). Cells carry `id`s and
/// `headers` so that nested row groups read correctly in screen readers.
public struct DataTable: Codable, Sendable {
    let caption: String
    let head: [DataRow]
    /// Row groups (`<tbody>`s).
    let groups: [DataRowGroup]
}

public struct DataRowGroup: Codable, Sendable {
    let rows: [DataRow]
}

public struct DataRow: Codable, Sendable {
    let cells: [DataCell]
}

public struct DataCell: Codable, Sendable {
    let text: String
    let header: Bool
    let id: String?
    /// Space-separated ids of the header cells that describe this cell.
    let headers: String?
    let scope: String?
    let colspan: Int?
    let rowspan: Int?
    let numeric: Bool

    static func head(_ text: String, id: String? = nil, scope: String? = nil, colspan: Int? = nil, rowspan: Int? = nil,
                     headers: [String] = []) -> DataCell {
        DataCell(text: text, header: true, id: id, headers: headers.isEmpty ? nil : headers.joined(separator: " "),
                 scope: scope, colspan: colspan, rowspan: rowspan, numeric: false)
    }

    static func value(_ text: String, headers: [String] = []) -> DataCell {
        DataCell(text: text, header: false, id: nil, headers: headers.isEmpty ? nil : headers.joined(separator: " "),
                 scope: nil, colspan: nil, rowspan: nil, numeric: true)
    }

    static func text(_ text: String, colspan: Int? = nil, rowspan: Int? = nil) -> DataCell {
        DataCell(text: text, header: false, id: nil, headers: nil, scope: nil, colspan: colspan, rowspan: rowspan, numeric: false)
    }
}
