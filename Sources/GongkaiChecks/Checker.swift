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
        let isPublished: @Sendable (String) -> Bool = { derived.isPublished($0) }
        let plans = derived.planBook.plans
        var dates = derived.reportDates
        for document in published { dates[document.columnPath, default: []].append(document.published.date) }
        let inspection = Inspection(site: site, dates: dates, asOf: rule.asOf, configFile: configFile)
        let faqs = derived.faqs
        // The rules read the site and nothing else: they run side by side, and their findings
        // are joined in this order before sorting, as if they had run one after another.
        let rules: [@Sendable () -> [Diagnostic]] = [
            { ContentRules.check(documents: published, plans: plans, catalogues: site.catalogues, faqs: faqs) },
            { staleCatalogues(site.catalogues, asOf: rule.asOf) },
            {
                WithheldReferences.check(
                    documents: published, faqs: faqs, plans: plans, site: site, rule: rule,
                    isPublished: isPublished)
            },
            { DocumentRules.check(documents: published, site: site, isPublished: isPublished) },
            { PlanRules.check(plans: plans, asOf: rule.asOf) },
            { Placeholders.check(documents: published) },
            { ValidityRules.check(documents: published) },
            { ConsultationRules.check(derived.consultationBook, isPublished: isPublished) },
            { inspection.diagnostics },
            { site.reports.flatMap(ReportArithmetic.check) },
            { BodyRules.check(derived, configFile: configFile) },
            { abolishedWithoutDate(published) },
        ]
        let diagnostics = rules.parallelMap { $0() }.flatMap { $0 }
        return CheckReport(diagnostics: Diagnostic.ordered(diagnostics), inspection: inspection)
    }

    /// Catalogues not updated for more than a year.
    static func staleCatalogues(_ catalogues: [Catalogue], asOf: CalendarDate) -> [Diagnostic] {
        catalogues.filter { asOf.ordinal - $0.updated.ordinal > 365 }.map { catalogue in
            .indicator(
                .staleCatalogue, catalogue.file, line: catalogue.fieldLines["updated"],
                "目录“\(catalogue.title)”的更新日期是 \(catalogue.updated.chinese)，已超过 1 年未更新。请核对内容并更新“更新日期”。",
                rule: "stale-catalogue")
        }
    }

    /// Normative documents that have ended without the date they ended.
    static func abolishedWithoutDate(_ published: [Document]) -> [Diagnostic] {
        published.filter {
            DocumentRules.isNormative($0) && $0.validity?.hasEnded == true && $0.validUntil == nil
        }.map { document in
            .warning(
                document.file, line: document.fieldLines["validity"],
                "\(document.validity == .expired ? "已失效" : "已废止")的\(document.type!)没有写“\(FieldSchema.document.key("valid_until"))”，年度报告无法统计它在哪一年废止。请写明废止或失效的日期。",
                rule: "abolished-without-date")
        }
    }
}
