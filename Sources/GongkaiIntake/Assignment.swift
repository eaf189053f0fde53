import Foundation
import GongkaiModel

/// Who does an item, read from the parenthesis at its end, in every form the seeds use:
/// - `A、B牵头，C按职责分工负责。D均为责任单位，以下不再（一一）列出`
/// - `A、B等区直相关单位牵头`, `A和B牵头`
/// - `A、B…等单位按职责分别牵头负责`, `X按职责牵头负责`
/// - `A、B按职责分工负责` without any 牵头 (partners only)
/// - `A牵头，C、各区县人民政府按职责分工负责。以下均需各区县人民政府负责，不再列出`
public struct Assignment: Sendable, Equatable {
    public var leads: [String] = []
    public var partners: [String] = []
    /// Responsible for this item and every later one of the plan.
    public var responsible: [String] = []
    /// Clauses that fit no form, for the import report.
    public var unread: [String] = []

    public init(_ text: String) {
        let sentences = text.split(whereSeparator: { $0 == "。" }).map { String($0).trimmingCharacters(in: .whitespaces) }
        var index = 0
        while index < sentences.count {
            let sentence = sentences[index]
            index += 1
            guard !sentence.isEmpty else { continue }
            if let responsible = Self.responsibleUnits(sentence) {
                self.responsible += responsible
                continue
            }
            // "以下不再列出" may come as its own sentence after "X均为责任单位".
            for clause in sentence.split(whereSeparator: { "，,；;".contains($0) }).map(String.init) {
                read(clause: TextCleaner.clean(clause))
            }
        }
    }

    private mutating func read(clause: String) {
        guard !clause.isEmpty else { return }
        for ending in ["按职责分别牵头负责", "按职责牵头负责", "分别牵头负责", "牵头负责", "牵头"] where clause.hasSuffix(ending) {
            leads += UnitNames.split(String(clause.dropLast(ending.count)))
            return
        }
        for ending in ["按职责分工负责", "按职责负责", "分工负责", "负责"] where clause.hasSuffix(ending) {
            partners += UnitNames.split(String(clause.dropLast(ending.count)))
            return
        }
        if clause.hasPrefix("以下") && clause.contains("列出") { return }
        unread.append(clause)
    }

    /// `D均为责任单位，以下不再列出` or `以下均需D负责，不再列出`.
    static func responsibleUnits(_ sentence: String) -> [String]? {
        let text = TextCleaner.clean(sentence)
        if let range = text.range(of: "均为责任单位") {
            return UnitNames.split(String(text[..<range.lowerBound]))
        }
        if let start = text.range(of: "以下均需"), let end = text.range(of: "负责", range: start.upperBound..<text.endIndex) {
            return UnitNames.split(String(text[start.upperBound..<end.lowerBound]))
        }
        return nil
    }

    /// True when a parenthesis says who does the item (not a remark such as “（试行）”).
    public static func isAssignment(_ text: String) -> Bool {
        text.contains("牵头") || text.contains("负责")
    }
}
