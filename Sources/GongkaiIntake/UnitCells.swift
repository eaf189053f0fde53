import Foundation
import GongkaiModel

/// Unit names as tables and flattened tables give them: one per line, separated by 、，or
/// spaces, or glued together (`区经济发展局区行政审批局`). Glued names are cut where a name
/// ends (局, 委, 办, 中心, 政府…) and the next one begins with a region (省, 市, 区, 县, 各…) or is a
/// unit the site's plans already know.
public struct UnitCells: Sendable {
    public var known: Set<String>

    public init(known: Set<String> = []) {
        self.known = known
    }

    static let endings = [
        "办事处", "管委会", "委员会", "中心", "政府", "公司", "单位", "部门", "街道", "分局", "支行", "银行", "监委", "机构",
        "局", "委", "厅", "办", "处", "室", "所", "院", "队", "站", "部", "组", "会", "社", "馆", "台", "团", "行", "园", "镇", "乡",
    ]
    static let starts = Set("省市区县州镇乡各")

    /// The units of a cell, in order, without repeats.
    public func units(_ cell: String) -> [String] {
        var units: [String] = []
        let pieces = cell.split(whereSeparator: { "\n；;/／ \u{3000}\t".contains($0) }).flatMap { UnitNames.splitOutsideBrackets(String($0)) }
        for piece in pieces {
            var text = String(piece).trimmingCharacters(in: CharacterSet(charactersIn: "。.：:"))
            text = TextCleaner.clean(text)
            // 办公室牵头，各科室配合: the role words are not part of the name.
            for word in ["按职责分工负责", "按职责负责", "牵头负责", "牵头", "配合", "负责", "参与"] where text.hasSuffix(word) && text.count > word.count + 1 {
                text = String(text.dropLast(word.count))
                break
            }
            guard !text.isEmpty else { continue }
            for part in UnitNames.split(text) {
                for unit in unglue(part) where !units.contains(unit) { units.append(unit) }
            }
        }
        return units
    }

    /// Whether a piece of text reads as unit names only (a cell of a flattened table).
    public func isUnits(_ text: String) -> Bool {
        let pieces = text.split(whereSeparator: { "；;/／".contains($0) }).flatMap { UnitNames.splitOutsideBrackets(String($0)) }.map { TextCleaner.clean($0) }
        guard !pieces.isEmpty else { return false }
        return pieces.allSatisfy(isUnitName)
    }

    func isUnitName(_ name: String) -> Bool {
        guard (2...40).contains(name.count), !name.contains(where: { "。：:“”《》".contains($0) }),
            !name.contains(where: \.isNumber)
        else { return false }
        if known.contains(name) || UnitNames.isCollective(name) { return true }
        let trimmed = name.hasSuffix("等") ? String(name.dropLast()) : name
        return Self.endings.contains { trimmed.hasSuffix($0) } && !trimmed.contains("推进") && !trimmed.contains("加强")
    }

    /// `区经济发展局区行政审批局` → 区经济发展局, 区行政审批局.
    func unglue(_ text: String) -> [String] {
        let characters = Array(text)
        guard characters.count > 4 else { return [text] }
        var parts: [String] = []
        var start = 0
        var index = 1
        while index < characters.count {
            let head = String(characters[start..<index])
            let rest = String(characters[index...])
            let endsName = head.count >= 3 && Self.endings.contains { head.hasSuffix($0) }
            let nextStarts = Self.starts.contains(characters[index]) || known.contains { rest.hasPrefix($0) }
            // The depth of brackets: 各乡镇（街道、园区）人民政府 is one name.
            let open = head.filter { "（(".contains($0) }.count - head.filter { "）)".contains($0) }.count
            if endsName, nextStarts, open == 0, rest.count >= 2 {
                parts.append(head)
                start = index
            }
            index += 1
        }
        parts.append(String(characters[start...]))
        return parts
    }
}
