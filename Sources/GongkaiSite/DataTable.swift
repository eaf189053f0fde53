/// A table built in Swift and drawn by the `data-table` partial, for tables whose structure is
/// fixed by a national format (the annual report's tables 二, 三, 四). Cells carry `id`s and
/// `headers` so that nested row groups read correctly in screen readers.
public struct DataTable: Codable, Sendable {
    let caption: String
    let head: [DataRow]
    /// Row groups (`<tbody>`s).
    let groups: [DataRowGroup]

    /// A table whose cells are labelled for the card layout of narrow screens: each value gets
    /// the path of its column headings, each row heading the row groups above it, so that every
    /// number reads with its row and column when the grid is gone.
    init(caption: String, head: [DataRow], groups: [DataRowGroup]) {
        var texts: [String: String] = [:]
        var headIDs: Set<String> = []
        for row in head {
            for cell in row.cells {
                if let id = cell.id {
                    texts[id] = cell.text
                    headIDs.insert(id)
                }
            }
        }
        for group in groups { for row in group.rows { for cell in row.cells { if let id = cell.id { texts[id] = cell.text } } } }
        func ids(_ cell: DataCell) -> [String] { cell.headers?.split(separator: " ").map(String.init) ?? [] }
        self.caption = caption
        self.head = head
        self.groups = groups.map { group in
            DataRowGroup(
                rows: group.rows.map { row in
                    DataRow(
                        cells: row.cells.map { cell in
                            var cell = cell
                            if cell.header {
                                // A row group heading spanning rows is folded into each row's heading.
                                cell.group = cell.scope == nil && (cell.rowspan ?? 1) > 1
                                let above = cell.group ? [] : ids(cell).filter { !headIDs.contains($0) }.compactMap { texts[$0] }
                                cell.path = above.isEmpty ? nil : above.joined(separator: " › ") + " › "
                            } else if cell.numeric {
                                let columns = ids(cell).filter(headIDs.contains).compactMap { texts[$0] }
                                cell.label = columns.isEmpty ? nil : columns.joined(separator: " › ")
                            }
                            return cell
                        })
                })
        }
    }
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
    /// Column headings of a value, shown beside it on narrow screens.
    var label: String? = nil
    /// Row groups above a row heading, shown before it on narrow screens.
    var path: String? = nil
    /// A heading of a group of rows (hidden on narrow screens, where `path` repeats it).
    var group: Bool = false

    static func head(
        _ text: String, id: String? = nil, scope: String? = nil, colspan: Int? = nil, rowspan: Int? = nil,
        headers: [String] = []
    ) -> DataCell {
        DataCell(
            text: text, header: true, id: id, headers: headers.isEmpty ? nil : headers.joined(separator: " "),
            scope: scope, colspan: colspan, rowspan: rowspan, numeric: false)
    }

    static func value(_ text: String, headers: [String] = []) -> DataCell {
        DataCell(
            text: text, header: false, id: nil, headers: headers.isEmpty ? nil : headers.joined(separator: " "),
            scope: nil, colspan: nil, rowspan: nil, numeric: true)
    }

    static func text(_ text: String, colspan: Int? = nil, rowspan: Int? = nil) -> DataCell {
        DataCell(text: text, header: false, id: nil, headers: nil, scope: nil, colspan: colspan, rowspan: rowspan, numeric: false)
    }
}
