import Foundation
import GongkaiModel

/// A plan's 类别 read from its title, as written: 湖南省2023年政务公开工作要点 → 政务公开,
/// 2024年法治政府建设工作要点 → 法治政府建设, 优化营商环境重点任务清单 → 优化营商环境.
enum PlanCategory {
    /// What a plan is called after its topic, longest first so that 重点任务清单 wins over 任务清单.
    static let planWords = [
        "重点工作任务分解表", "重点工作任务清单", "重点工作任务", "重点任务分解表", "工作任务分解表", "任务分解表", "重点任务清单", "工作任务清单", "任务清单",
        "工作要点", "重点工作", "主要任务", "重点任务", "工作任务", "实施方案", "工作方案", "工作计划", "行动方案", "行动计划", "要点", "计划", "方案",
    ]

    static func of(title: String, region: String, allText: [String]) -> PlanKind {
        var topic = TextCleaner.squeezed(title)
        // 关于印发《…》的通知 and 附件1 prefixes: the plan's own name is inside.
        if let inner = topic.firstMatch(of: /《(.+?)》/) { topic = String(inner.1) }
        topic = topic.replacingOccurrences(of: "^(?:附件\\s*\\d*\\s*[:：]?|关于印发)", with: "", options: .regularExpression)
        topic = topic.replacingOccurrences(of: "的通知$", with: "", options: .regularExpression)
        if let year = topic.firstMatch(of: /\d{4}\s*(?:年度|年)/) { topic = String(topic[year.range.upperBound...]) }
        if !region.isEmpty, topic.hasPrefix(region) { topic = String(topic.dropFirst(region.count)) }
        topic = topic.replacingOccurrences(of: "^(?:全[省市区县州]|本[省市区县])", with: "", options: .regularExpression)
        for word in planWords where topic.hasSuffix(word) {
            topic = String(topic.dropLast(word.count))
            break
        }
        topic = topic.replacingOccurrences(of: "(?:的|之)$", with: "", options: .regularExpression)
        if topic.contains("政务公开") { return .disclosure }
        if topic.contains("政务管理服务") || topic.contains("政务服务管理") { return .service }
        if topic != "未命名", topic.count >= 2, let kind = PlanKind(name: topic) { return kind }
        // A title naming no topic (工作要点 alone): the well-known category its text names most.
        let text = allText.joined()
        return text.components(separatedBy: "公开").count >= text.components(separatedBy: "服务").count ? .disclosure : .service
    }

    /// The category part of a plan id: zwgk, zwfw, else the pinyin initials of the category
    /// (法治政府建设 → fzzfjs).
    static func slug(_ kind: PlanKind) -> String {
        if let slug = kind.slug { return slug }
        let initials = StableID.transliterate(kind.rawValue).split(whereSeparator: { !$0.isLetter && !$0.isNumber }).compactMap { $0.first.map { String($0).lowercased() } }
        let slug = initials.joined().filter { $0.isASCII && ($0.isLetter || $0.isNumber) }
        return slug.isEmpty ? "plan" : String(slug.prefix(12))
    }
}
