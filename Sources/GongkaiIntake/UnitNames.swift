import Foundation
import GongkaiModel

/// Splits and normalises the unit names of a plan's parentheses, so that one unit has one name
/// across items and plans.
extension UnitNames {
    /// Endings of a complete unit name; a fragment without one (`各市州`) belongs with the next.
    static let suffixes = [
        "局", "厅", "委", "办", "中心", "政府", "单位", "管委会", "部门", "公司", "行", "院", "所", "队",
        "会", "站", "处", "室", "社", "馆", "台", "团", "组", "监委", "分局", "街道", "办事处", "机构", "支行", "银行",
    ]

    /// Splits `A、B和C` into units. `和` separates units only when what follows starts a new
    /// unit name (省政务局和省直相关单位), never inside one (省政务服务和大数据中心).
    public static func split(_ text: String) -> [String] {
        var parts: [String] = []
        for piece in splitOutsideBrackets(text) {
            parts += splitOnAnd(piece)
        }
        var units: [String] = []
        var pending = ""
        for part in parts.map({ TextCleaner.clean($0) }).filter({ !$0.isEmpty }) {
            let candidate = pending.isEmpty ? part : pending + "、" + part
            if isComplete(candidate) {
                units.append(candidate)
                pending = ""
            } else {
                pending = candidate
            }
        }
        if !pending.isEmpty { units.append(pending) }
        return units.flatMap(splitOnDeng)
    }

    /// Splits at 、 and commas that are not inside brackets: 各乡镇（街道、园区）人民政府 is one name.
    static func splitOutsideBrackets(_ text: String) -> [String] {
        var pieces: [String] = []
        var current = ""
        var depth = 0
        for character in text {
            if "（([【".contains(character) { depth += 1 }
            if "）)]】".contains(character) { depth = max(0, depth - 1) }
            if depth == 0, "、,，".contains(character) {
                pieces.append(current)
                current = ""
            } else {
                current.append(character)
            }
        }
        pieces.append(current)
        return pieces
    }

    /// `A等区直相关单位` names A and, collectively, the others.
    static func splitOnDeng(_ unit: String) -> [String] {
        guard let range = unit.range(of: "等", options: .backwards), range.lowerBound != unit.startIndex else { return [unit] }
        let head = String(unit[..<range.lowerBound])
        let tail = String(unit[range.upperBound...])
        guard isCollective(tail), isComplete(head) else { return [unit] }
        // "A等单位": the others are unnamed, there is nothing to list.
        return tail == "单位" || tail == "部门" ? [head] : [head, tail]
    }

    static func splitOnAnd(_ text: String) -> [String] {
        var parts: [String] = []
        var start = text.startIndex
        var search = text.startIndex
        while let range = text[search...].range(of: "和") {
            let before = String(text[start..<range.lowerBound])
            if let next = text[range.upperBound...].first, "省市区县各".contains(next), isComplete(before) {
                parts.append(before)
                start = range.upperBound
            }
            search = range.upperBound
        }
        parts.append(String(text[start...]))
        return parts
    }

    static func isComplete(_ name: String) -> Bool {
        suffixes.contains { name.hasSuffix($0) }
    }
}
