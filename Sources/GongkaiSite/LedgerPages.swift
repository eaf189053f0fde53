import GongkaiModel
import GongkaiPlans
import GongkaiTemplates

/// 工作台账: all units with their number of items, grouped by region.
public struct LedgerIndexView: Codable, Sendable {
    let site: SiteView
    let page: PageInfo
    let meta: [MetaTag]
    let breadcrumb: [Crumb]
    let asOf: String
    let regions: Listing<LedgerRegion>?
}

public struct LedgerRegion: Codable, Sendable {
    let region: String
    let units: [LedgerUnitLink]
}

public struct LedgerUnitLink: Codable, Sendable {
    let name: String
    let url: String
    let leads: Int
    let total: Int
    let overdue: Int
}

/// One unit's ledger: every item it leads, shares or answers for, across plans.
public struct LedgerPageView: Codable, Sendable {
    let site: SiteView
    let page: PageInfo
    let meta: [MetaTag]
    let breadcrumb: [Crumb]
    let unit: LedgerUnitView
    let plans: [LedgerPlanGroup]
}

public struct LedgerUnitView: Codable, Sendable {
    let name: String
    let region: String
    /// The names the plans use for this unit, when they differ from the full name.
    let writtenNames: String?
    let asOf: String
    let total: Int
    let leads: Int
    let overdue: Int
}

public struct LedgerPlanGroup: Codable, Sendable {
    let title: String
    let url: String
    let rows: [LedgerRow]
}

public struct LedgerRow: Codable, Sendable {
    let item: ItemLink
    let role: String
}

extension PageFactory {
    public func ledgerIndex() -> LedgerIndexView {
        let units = planBook.ledger.units
        let regions = Dictionary(grouping: units, by: \.region)
        let order = planBook.plans.map(\.region).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
        let groups = order.compactMap { region -> LedgerRegion? in
            guard let members = regions[region] else { return nil }
            let links = members.sorted { ($0.entries.count, $1.name) > ($1.entries.count, $0.name) }.map { unit in
                LedgerUnitLink(
                    name: unit.name, url: routes.ledger(unit.slug),
                    leads: unit.entries.filter { $0.role == .lead }.count, total: unit.entries.count,
                    overdue: overdueEntries(unit).count)
            }
            return LedgerRegion(region: region, units: links)
        }
        return LedgerIndexView(
            site: siteView(currentColumn: nil, current: .ledger),
            page: pageInfo(
                heading: "工作台账", url: routes.ledgers,
                description: "各单位在工作要点中牵头、配合或负责的全部任务及完成情况。"),
            meta: metaTags(column: nil), breadcrumb: [Crumb(title: "首页", url: routes.home), Crumb(title: "工作台账", url: nil)],
            asOf: planBook.asOf.chinese, regions: .of(groups))
    }

    public func ledgerPage(_ unit: Ledger.Unit) -> LedgerPageView {
        var groups: [LedgerPlanGroup] = []
        for plan in planBook.plans {
            let rows = unit.entries.filter { $0.planID == plan.id }.compactMap { entry -> LedgerRow? in
                plan.item(entry.item).map { LedgerRow(item: itemLink($0, of: plan), role: entry.role.rawValue) }
            }
            if !rows.isEmpty { groups.append(LedgerPlanGroup(title: plan.displayTitle, url: routes.plan(plan.id), rows: rows)) }
        }
        let written = unit.writtenNames.filter { $0 != unit.name }
        let view = LedgerUnitView(
            name: unit.name, region: unit.region,
            writtenNames: written.isEmpty ? nil : written.joined(separator: "、"),
            asOf: planBook.asOf.chinese, total: unit.entries.count,
            leads: unit.entries.filter { $0.role == .lead }.count, overdue: overdueEntries(unit).count)
        return LedgerPageView(
            site: siteView(currentColumn: nil, current: .ledger),
            page: pageInfo(heading: "\(unit.name)工作台账", url: routes.ledger(unit.slug)),
            meta: metaTags(column: nil),
            breadcrumb: [Crumb(title: "首页", url: routes.home), Crumb(title: "工作台账", url: routes.ledgers), Crumb(title: unit.name, url: nil)],
            unit: view, plans: groups)
    }

    func overdueEntries(_ unit: Ledger.Unit) -> [Ledger.Entry] {
        unit.entries.filter { entry in
            guard let plan = planBook.plan(entry.planID), let item = plan.item(entry.item) else { return false }
            return planBook.isOverdue(item, of: plan)
        }
    }
}

/// 工作台账: every unit with its tasks.
struct LedgerIndexPages: SinglePageKind {
    let template = "ledgers"
    let name = "工作台账页面"
    func exists(in site: PageFactory) -> Bool { !site.planBook.plans.isEmpty }
    func url(in site: PageFactory) -> String { site.routes.ledgers }
    func view(in site: PageFactory) -> LedgerIndexView { site.ledgerIndex() }
    func sitemapEntries(in site: PageFactory) -> [SitemapEntry] { everyPage(in: site) }
    func menuEntry(in site: PageFactory) -> MenuEntry? {
        site.planBook.plans.isEmpty ? nil : MenuEntry(title: "工作台账", url: site.routes.ledgers, section: .ledger, order: 20)
    }
}

/// One unit's ledger.
struct LedgerPages: PageKind {
    let template = "ledger"
    func pages(in site: PageFactory) -> [String] { site.planBook.ledger.units.map(\.slug) }
    func url(of key: String, in site: PageFactory) -> String { site.routes.ledger(key) }
    func source(of key: String, in site: PageFactory) -> PageSource { .generated("工作台账页面 \(key)") }
    func view(of key: String, in site: PageFactory) -> (view: LedgerPageView, warnings: [Diagnostic]) {
        (site.ledgerPage(site.planBook.ledger.units.first { $0.slug == key }!), [])
    }
    func sitemapEntries(in site: PageFactory) -> [SitemapEntry] { everyPage(in: site) }
}
