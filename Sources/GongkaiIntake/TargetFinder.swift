import Foundation
import GongkaiModel

/// Finds quantitative targets and keeps them as written: the clause that holds a number with a
/// measure (项, 类, 万, %, 个, 次…) and a word that makes it a goal (达到, 超过, 突破, 不少于…).
/// Counts that describe the present ("已经发布的26个领域") are not targets.
public enum TargetFinder {
    // Possessive and anchored at the start of a digit run: a long run of digits without a
    // measure fails once instead of once per position (quadratic on hostile input).
    static let quantity = try! NSRegularExpression(
        pattern:
            "(?<![\\d.])\\d++(?:\\.\\d++)?(?:[—–-]\\d++)?\\s*+(?:%|％|项|类|个|万|亿|家|次|种|所|件|条|人|户|批|场|名|天|小时)|(?<![一二三四五六七八九十百千万])[一二三四五六七八九十百千万]++分之[一二三四五六七八九十]+")
    static let goalWords = [
        "达到", "超过", "突破", "不少于", "不低于", "以上", "降至", "降到", "提高到", "提升至", "控制在",
        "上线", "新增", "推出", "力争", "实现", "确保", "增长率", "覆盖率", "占比", "不超过",
    ]

    public static func targets(in text: String) -> [String] {
        var targets: [String] = []
        for clause in text.split(whereSeparator: { "，,；;。：:".contains($0) }) {
            let clause = String(clause).trimmingCharacters(in: .whitespaces)
            let ns = clause as NSString
            guard quantity.firstMatch(in: clause, range: NSRange(location: 0, length: ns.length)) != nil,
                goalWords.contains(where: clause.contains), !targets.contains(clause)
            else { continue }
            targets.append(clause)
        }
        return targets
    }
}
