import GongkaiModel
import GongkaiPublish

/// 意见征集 as 《重大行政决策程序暂行条例》 (国务院令第713号) asks: 第十五条 — a public
/// consultation lasts in general at least 30 days (a shorter one must say why, 因情况紧急等原因);
/// the comments and what was adopted are reported back (反馈).
enum ConsultationRules {
    /// Days a consultation lasts at least (第十五条：公开征求意见的期限一般不少于30日).
    static let minimumDays = 30
    /// Days after the end by which the 反馈 is expected on the site.
    static let feedbackDays = 30

    static func check(_ book: ConsultationBook, isPublished: (String) -> Bool) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let schema = FieldSchema.consultation
        for consultation in book.consultations {
            if consultation.days < minimumDays {
                diagnostics.append(
                    .warning(
                        consultation.file, line: consultation.fieldLines["end"],
                        "意见征集“\(consultation.title)”只有 \(consultation.days) 天（\(consultation.start.chinese)至\(consultation.end.chinese)）。《重大行政决策程序暂行条例》第十五条规定公开征求意见的期限一般不少于30日；因情况紧急等原因需要缩短的，请在正文中说明理由，或延后“\(schema.key("end"))”。",
                        rule: "consultation-too-short"))
            }
            let overdue = book.asOf.ordinal - consultation.end.ordinal
            if overdue > feedbackDays, consultation.feedback.map(isPublished) != true {
                diagnostics.append(
                    .warning(
                        consultation.file, line: consultation.fieldLines["feedback"] ?? 1,
                        "意见征集“\(consultation.title)”已于\(consultation.end.chinese)结束 \(overdue) 天，还没有公布意见反馈。请发布意见采纳情况（采纳了哪些意见、未采纳的理由），并在“\(schema.key("feedback"))”中写明该文件的路径、文号或索引号。",
                        rule: "consultation-without-feedback"))
            }
        }
        return diagnostics
    }
}
