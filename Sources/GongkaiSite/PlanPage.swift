import GongkaiModel
import GongkaiPlans
import GongkaiTemplates

/// A work plan: overview of progress, preamble, sections and every item with who leads it,
/// by when, and how far it has got.
public struct PlanPageView: Codable, Sendable {
    let site: SiteView
    let page: PageInfo
    let meta: [MetaTag]
    let breadcrumb: [Crumb]
    let plan: PlanView
}

public struct PlanView: Codable, Sendable {
    let title: String
    let year: Int
    let region: String
    let level: String
    let kind: String
    let issuer: String?
    let notice: LinkView?
    /// Alignment pages: with the higher-level plan, and of lower-level plans with this one.
    let alignments: Listing<LinkView>?
    let overview: ProgressOverview
    let preamble: String?
    let sections: [SectionView]
}

public struct SectionView: Codable, Sendable {
    let number: String
    let title: String
    let items: [ItemView]
}

public struct ItemView: Codable, Sendable {
    /// Fragment id: item-3
    let anchor: String
    let number: String
    let title: String?
    let body: String
    let leads: Listing<UnitLink>?
    let partners: Listing<UnitLink>?
    let responsible: Listing<UnitLink>?
    let deadlines: Listing<DeadlineView>?
    /// Shown when the item states no deadline: the plan's year end applies.
    let implicitDue: String?
    let targets: Listing<String>?
    let status: String
    let statusModifier: String
    let overdue: Bool
    let progress: Listing<ProgressView>?
    /// Higher-level items this one carries out.
    let implements: Listing<ItemLink>?
    /// Lower-level items that carry this one out.
    let carriedOutBy: Listing<ItemLink>?
}

public struct DeadlineView: Codable, Sendable {
    let text: String
    let date: String
}

public struct ProgressView: Codable, Sendable {
    let date: String
    let status: String
    let note: String
    let evidence: LinkView?
}

extension PageFactory {
    public func planPage(_ plan: Plan) -> PlanPageView {
        var alignments: [LinkView] = []
        if let alignment = planBook.alignment(lower: plan) {
            alignments.append(LinkView(title: "与上级《\(alignment.higher.title)》对标", url: routes.alignment(lower: plan.id, higher: alignment.higher.id)))
        }
        for alignment in planBook.alignments(higher: plan) {
            alignments.append(LinkView(title: "下级《\(alignment.lower.title)》与本要点对标", url: routes.alignment(lower: alignment.lower.id, higher: plan.id)))
        }
        let notice = plan.notice.flatMap(site.document).map { LinkView(title: $0.title, url: routes.document($0)) }
        let view = PlanView(
            title: plan.title, year: plan.year, region: plan.region, level: plan.level.rawValue, kind: plan.kind.rawValue,
            issuer: plan.issuer, notice: notice, alignments: .of(alignments), overview: overview(plan),
            preamble: plan.preamble.isEmpty ? nil : plan.preamble,
            sections: plan.sections.map { section in
                SectionView(number: section.numberText, title: section.title, items: section.items.map { itemView($0, of: plan) })
            })
        return PlanPageView(
            site: siteView(currentColumn: nil, current: .plans),
            page: pageInfo(heading: plan.title, url: routes.plan(plan.id)),
            meta: metaTags(column: nil) + [MetaTag(name: "ArticleTitle", content: plan.title)],
            breadcrumb: planCrumbs(plan.title), plan: view)
    }

    func itemView(_ item: PlanItem, of plan: Plan) -> ItemView {
        let implements: [ItemLink] =
            (item.implements ?? planBook.alignment(lower: plan).map { alignment in
                alignment.links.filter { $0.lower == item.number }.map { "\(alignment.higher.id)/\($0.higher)" }
            } ?? []).compactMap { reference in
                site.planItem(reference).flatMap { found in planBook.plan(found.plan.id).map { itemLink(found.item, of: $0) } }
            }
        let carriedOut = planBook.carriedOut(by: plan.reference(item)).map { itemLink($0.item, of: $0.plan) }
        return ItemView(
            anchor: "item-\(item.number)", number: item.numberText, title: item.title, body: item.body,
            leads: unitLinks(item.leads, of: plan), partners: unitLinks(item.partners, of: plan),
            responsible: unitLinks(plan.responsible(for: item), of: plan),
            deadlines: .of(item.deadlines.map { DeadlineView(text: $0.text, date: $0.date.chinese) }),
            implicitDue: item.deadlines.isEmpty ? plan.due(item).chinese : nil,
            targets: .of(item.targets), status: item.status(asOf: planBook.asOf).rawValue,
            statusModifier: statusModifier(item.status(asOf: planBook.asOf)),
            overdue: planBook.isOverdue(item, of: plan),
            progress: .of(
                item.progress(asOf: planBook.asOf).map { entry in
                    ProgressView(
                        date: entry.date.chinese, status: entry.status.rawValue, note: entry.note,
                        evidence: entry.evidence.map(evidenceLink))
                }),
            implements: .of(implements), carriedOutBy: .of(carriedOut))
    }

    /// Evidence is a document of the site (by id) or a web address.
    func evidenceLink(_ evidence: String) -> LinkView {
        if let document = site.document(evidence), published.isPublished(document.id) {
            return LinkView(title: document.title, url: routes.document(document))
        }
        // The checks refused anything else; a withheld document's path is never shown as a link.
        guard site.document(evidence) == nil, URLPolicy.check(evidence) == .external else {
            return LinkView(title: "（佐证未公开）", url: routes.plans)
        }
        return LinkView(title: evidence, url: evidence)
    }
}

/// Each published work plan.
struct PlanPages: PageKind {
    let template = "plan"
    func pages(in site: PageFactory) -> [String] { site.planBook.plans.map(\.id) }
    func url(of key: String, in site: PageFactory) -> String { site.routes.plan(key) }
    func source(of key: String, in site: PageFactory) -> PageSource {
        let file = site.planBook.plan(key)!.file
        return PageSource(file: file, description: "工作要点文件 \(file)")
    }
    func view(of key: String, in site: PageFactory) -> (view: PlanPageView, warnings: [Diagnostic]) {
        (site.planPage(site.planBook.plan(key)!), [])
    }
    func sitemapEntries(in site: PageFactory) -> [SitemapEntry] { everyPage(in: site) }
}
