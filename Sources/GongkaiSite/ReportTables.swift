import GongkaiModel

/// Tables 二, 三 and 四 of the annual report with the exact rows and columns of
/// 国办公开办函〔2021〕30号.
enum ReportTables {
    static func number(_ value: Int) -> String { String(value) }

    static func amount(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(format: "%.2f", value).replacingOccurrences(of: #"0+$"#, with: "", options: .regularExpression)
    }

    /// Table 二: four blocks, one per clause of article 20 of the 条例.
    static func decisions(_ report: AnnualReport, counts: [NormativeCounts.Kind: NormativeCounts]) -> [DataTable] {
        func block(_ clause: String, columns: [String], rows: [(String, [String])]) -> DataTable {
            let prefix = "t2-\(clause)"
            let head = DataRow(
                cells: [.head("信息内容", id: "\(prefix)-c0", scope: "col")]
                    + columns.enumerated().map { .head($1, id: "\(prefix)-c\($0 + 1)", scope: "col") })
            let body = rows.enumerated().map { index, row in
                DataRow(
                    cells: [.head(row.0, id: "\(prefix)-r\(index)", scope: "row")]
                        + row.1.enumerated().map { .value($1, headers: ["\(prefix)-r\(index)", "\(prefix)-c\($0 + 1)"]) })
            }
            return DataTable(caption: "第二十条第（\(clause)）项", head: [head], groups: [DataRowGroup(rows: body)])
        }
        let normative = NormativeCounts.Kind.allCases.map { kind -> (String, [String]) in
            let count = counts[kind]!
            return (kind.rawValue, [number(count.issued), number(count.abolished), number(count.inForce)])
        }
        func figure(_ key: String) -> String { report.decisions[key].map { amount($0.value) } ?? "0" }
        return [
            block("一", columns: ["本年制发件数", "本年废止件数", "现行有效件数"], rows: normative),
            block("五", columns: ["本年处理决定数量"], rows: [("行政许可", [figure("行政许可")])]),
            block("六", columns: ["本年处理决定数量"], rows: [("行政处罚", [figure("行政处罚")]), ("行政强制", [figure("行政强制")])]),
            block("八", columns: ["本年收费金额（单位：万元）"], rows: [("行政事业性收费", [figure("行政事业性收费")])]),
        ]
    }

    /// Table 三: 申请人情况 across, 一 to 四 down, with 三 and its groups nested.
    static func applications(_ report: AnnualReport) -> DataTable {
        let columnIDs = ["t3-natural", "t3-business", "t3-research", "t3-welfare", "t3-legal-service", "t3-other", "t3-total"]
        func columnHeaders(_ index: Int) -> [String] {
            (1...5).contains(index) ? ["t3-applicant", "t3-legal", columnIDs[index]] : ["t3-applicant", columnIDs[index]]
        }
        let head = [
            DataRow(cells: [
                .text("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", colspan: 3, rowspan: 3),
                .head("申请人情况", id: "t3-applicant", colspan: 7),
            ]),
            DataRow(cells: [
                .head("自然人", id: columnIDs[0], rowspan: 2, headers: ["t3-applicant"]),
                .head("法人或其他组织", id: "t3-legal", colspan: 5, headers: ["t3-applicant"]),
                .head("总计", id: columnIDs[6], rowspan: 2, headers: ["t3-applicant"]),
            ]),
            DataRow(cells: (1...5).map { .head(ApplicationTable.columns[$0], id: columnIDs[$0], headers: ["t3-applicant", "t3-legal"]) }),
        ]
        func values(_ key: String, rowHeaders: [String]) -> [DataCell] {
            let row = report.applications[key]?.values ?? Array(repeating: 0, count: 7)
            return row.enumerated().map { .value(number($1), headers: rowHeaders + columnHeaders($0)) }
        }
        func topRow(_ key: String, id: String) -> DataRow {
            DataRow(cells: [.head(ApplicationTable.label(key), id: id, scope: "row", colspan: 3)] + values(key, rowHeaders: [id]))
        }
        var resultRows: [DataRow] = []
        let results = ApplicationTable.results.filter { $0.key != "总计" }
        for (index, row) in results.enumerated() {
            var cells: [DataCell] = []
            if index == 0 {
                cells.append(.head("三、本年度办理结果", id: "t3-results", rowspan: ApplicationTable.results.count + 1))
            }
            var rowHeaders = ["t3-results"]
            if let group = row.group {
                let groupID = "t3-\(group)"
                if results.first(where: { $0.group == group })?.key == row.key {
                    let size = results.filter { $0.group == group }.count
                    cells.append(.head(ApplicationTable.groups.first { $0.key == group }!.label, id: groupID, rowspan: size, headers: ["t3-results"]))
                }
                rowHeaders.append(groupID)
                let id = "t3-r-\(row.key)"
                cells.append(.head(row.label, id: id, scope: "row", headers: rowHeaders))
                rowHeaders.append(id)
            } else {
                let id = "t3-r-\(row.key)"
                cells.append(.head(row.label, id: id, scope: "row", colspan: 2, headers: rowHeaders))
                rowHeaders.append(id)
            }
            resultRows.append(DataRow(cells: cells + values(row.key, rowHeaders: rowHeaders)))
        }
        resultRows.append(
            DataRow(
                cells: [.head("（七）总计", id: "t3-r-总计", scope: "row", colspan: 2, headers: ["t3-results"])]
                    + values("总计", rowHeaders: ["t3-results", "t3-r-总计"])))
        return DataTable(
            caption: "收到和处理政府信息公开申请情况", head: head,
            groups: [
                DataRowGroup(rows: [topRow("本年新收", id: "t3-r-本年新收"), topRow("上年结转", id: "t3-r-上年结转")]),
                DataRowGroup(rows: resultRows),
                DataRowGroup(rows: [topRow("结转下年度", id: "t3-r-结转下年度")]),
            ])
    }

    /// Table 四: 行政复议 and 行政诉讼 (未经复议直接起诉, 复议后起诉), five columns each.
    static func reviews(_ report: AnnualReport) -> DataTable {
        let groupIDs = ["t4-review", "t4-direct", "t4-after"]
        let head = [
            DataRow(cells: [.head("行政复议", id: "t4-review", colspan: 5), .head("行政诉讼", id: "t4-lawsuit", colspan: 10)]),
            DataRow(
                cells: ReviewTable.columns.enumerated().map { .head($1, id: "t4-review-\($0)", rowspan: 2, headers: ["t4-review"]) }
                    + [
                        .head("未经复议直接起诉", id: "t4-direct", colspan: 5, headers: ["t4-lawsuit"]),
                        .head("复议后起诉", id: "t4-after", colspan: 5, headers: ["t4-lawsuit"]),
                    ]),
            DataRow(
                cells: [1, 2].flatMap { group in
                    ReviewTable.columns.enumerated().map { .head($1, id: "\(groupIDs[group])-\($0)", headers: ["t4-lawsuit", groupIDs[group]]) }
                }),
        ]
        var cells: [DataCell] = []
        for (group, name) in ReviewTable.rows.enumerated() {
            let row = report.reviews[name]?.values ?? Array(repeating: 0, count: 5)
            for (index, value) in row.enumerated() {
                let headers = group == 0 ? ["t4-review", "t4-review-\(index)"] : ["t4-lawsuit", groupIDs[group], "\(groupIDs[group])-\(index)"]
                cells.append(.value(number(value), headers: headers))
            }
        }
        return DataTable(caption: "政府信息公开行政复议、行政诉讼情况", head: head, groups: [DataRowGroup(rows: [DataRow(cells: cells)])])
    }
}
