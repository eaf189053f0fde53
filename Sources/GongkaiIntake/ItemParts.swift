import Foundation
import GongkaiModel

/// An item whose units are written after labels — `责任单位：…。` on its own line or at the end
/// of the item, `牵头单位：…；配合单位：…`, `完成时限：…`, also inside a closing parenthesis.
struct ItemParts {
    /// The item's text without the labels.
    var text: String
    /// The labels as written: `牵头单位：A；配合单位：B`.
    var assignment: String
    var leads: [String] = []
    var partners: [String] = []
    var deadline = ""

    static let label = try! NSRegularExpression(
        pattern:
            "(牵头单位|牵头部门|责任单位|责任部门|主责单位|配合单位|配合部门|协同单位|协办单位|参与单位|完成时限|完成时间|时间节点|完成期限|时限要求|时限)\\s*[：:]")

    /// True when a numbered part names who does it: a label, or a parenthesis saying 牵头/负责.
    static func hasUnits(_ text: String) -> Bool {
        let ns = text as NSString
        if label.firstMatch(in: text, range: NSRange(location: 0, length: ns.length)) != nil { return true }
        if let (group, _) = ItemText.closingGroup(text), Assignment.isAssignment(group) { return true }
        return false
    }

    init?(_ content: String, units: UnitCells) {
        let ns = content as NSString
        let matches = Self.label.matches(in: content, range: NSRange(location: 0, length: ns.length))
        guard let first = matches.first else { return nil }
        var head = ns.substring(to: first.range.location).trimmingCharacters(in: .whitespaces)
        var tailEnd = ns.length
        // `（牵头单位：…）` closing the item: the parenthesis goes with the labels.
        if let open = head.last, "（([【".contains(open) {
            head.removeLast()
            var end = ns.length
            while end > 0, "。 ".contains(ns.substring(with: NSRange(location: end - 1, length: 1))) { end -= 1 }
            if end > 0, "）)]】".contains(ns.substring(with: NSRange(location: end - 1, length: 1))) { tailEnd = end - 1 }
        }
        text = head.trimmingCharacters(in: .whitespaces)
        assignment = ns.substring(with: NSRange(location: first.range.location, length: tailEnd - first.range.location))
            .trimmingCharacters(in: CharacterSet(charactersIn: " 。"))
        var values: [(String, String)] = []
        for (index, match) in matches.enumerated() where match.range.location < tailEnd {
            let name = ns.substring(with: match.range(at: 1))
            let start = match.range.location + match.range.length
            let end = min(index + 1 < matches.count ? matches[index + 1].range.location : tailEnd, tailEnd)
            guard end >= start else { continue }
            let value = ns.substring(with: NSRange(location: start, length: end - start))
                .trimmingCharacters(in: CharacterSet(charactersIn: " ；;。，,\n"))
            values.append((name, value))
        }
        let hasLead = values.contains { $0.0.hasPrefix("牵头") || $0.0.hasPrefix("主责") }
        for (name, value) in values {
            switch name {
            case "完成时限", "完成时间", "时间节点", "完成期限", "时限要求", "时限":
                deadline += value
            case "牵头单位", "牵头部门", "主责单位":
                leads += units.units(value)
            case "责任单位", "责任部门":
                if hasLead { partners += units.units(value) } else { leads += units.units(value) }
            default:
                partners += units.units(value)
            }
        }
        if text.isEmpty { text = "" }
    }
}
