import GongkaiModel
import GongkaiTemplates

/// The latest answered questions, as a card.
public struct HomeFAQView: Codable, Sendable {
    let title: String
    let url: String
    let questions: Listing<FAQSummary>?
    let total: Int
}

/// 常见问题: the questions answered last, linking to the 常见问题 page (none while no question
/// is answered: that page does not exist yet).
struct FAQSection: HomeSectionKind {
    let names = ["常见问题", "政策问答"]
    let partial = "home-faq"
    func views(_ setting: HomeSectionSetting, in site: PageFactory) -> [HomeFAQView] {
        let entries = site.published.faqs.sorted { ($0.answered, $1.id) > ($1.answered, $0.id) }
        guard !entries.isEmpty else { return [] }
        let shown = entries.prefix(setting.count ?? PageFactory.homeSectionSize).map {
            FAQSummary(question: $0.question, url: site.routes.faq($0.slug), answered: $0.answered.chinese)
        }
        return [HomeFAQView(title: setting.title ?? "常见问题", url: site.routes.faqs, questions: .of(Array(shown)), total: entries.count)]
    }
}
