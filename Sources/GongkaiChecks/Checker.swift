import GongkaiModel
import GongkaiPublish

/// Every check over the loaded site on a given day: errors that must stop a build, and the
/// warnings and summary an inspector would give.
public struct CheckReport: Sendable {
    public let diagnostics: [Diagnostic]
    public let inspection: Inspection
}

public enum Checker {
    /// Checks what the derive stage says is published (and what it holds back).
    public static func run(_ derived: PublishedSite, configFile: String) -> CheckReport {
        let site = derived.site
        let rule = derived.rule
        let published = derived.documents
        let isPublished = derived.isPublished
        let plans = derived.planBook.plans
        var dates = derived.reportDates
        for document in published { dates[document.columnPath, default: []].append(document.published.date) }
        let inspection = Inspection(site: site, dates: dates, asOf: rule.asOf, configFile: configFile)
        let faqs = derived.faqs
        var diagnostics = ContentRules.check(documents: published, plans: plans, catalogues: site.catalogues, faqs: faqs)
        for catalogue in site.catalogues where rule.asOf.ordinal - catalogue.updated.ordinal > 365 {
            diagnostics.append(
                .indicator(
                    .staleCatalogue, catalogue.file, line: catalogue.fieldLines["updated"],
                    "目录“\(catalogue.title)”的更新日期是 \(catalogue.updated.chinese)，已超过 1 年未更新。请核对内容并更新“更新日期”。",
                    rule: "stale-catalogue"))
        }
        diagnostics += WithheldReferences.check(
            documents: published, faqs: faqs, plans: plans, site: site, rule: rule,
            isPublished: isPublished)
        diagnostics += DocumentRules.check(documents: published, site: site, isPublished: isPublished)
        diagnostics += PlanRules.check(plans: plans, asOf: rule.asOf)
        diagnostics += Placeholders.check(documents: published)
        diagnostics += ValidityRules.check(documents: published)
        diagnostics += ConsultationRules.check(derived.consultationBook, isPublished: isPublished)
        diagnostics += inspection.diagnostics
        for report in site.reports {
            diagnostics += ReportArithmetic.check(report)
        }
        diagnostics += BodyRules.check(derived, configFile: configFile)
        for document in published
        where DocumentRules.isNormative(document)
            && document.validity?.hasEnded == true && document.validUntil == nil
        {
            diagnostics.append(
                .warning(
                    document.file, line: document.fieldLines["validity"],
                    "\(document.validity == .expired ? "已失效" : "已废止")的\(document.type!)没有写“\(FieldSchema.document.key("valid_until"))”，年度报告无法统计它在哪一年废止。请写明废止或失效的日期。",
                    rule: "abolished-without-date"))
        }
        return CheckReport(diagnostics: Diagnostic.ordered(diagnostics), inspection: inspection)
    }
}
