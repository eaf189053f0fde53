import GongkaiModel
import GongkaiTemplates

/// One kind of block of the home page that `首页:` in site.yml may name (最新文件, 栏目,
/// 工作要点落实情况…). A kind is one Swift file (its view type and this declaration) and one
/// partial, `templates/partials/<partial>.mustache`, which renders one block from `View` alone
/// and is validated against it; then one line in `HomeSectionRegistry.standard`.
public protocol HomeSectionKind: Sendable {
    associatedtype View: Codable & Sendable
    /// The names site.yml may write, the usual one first.
    var names: [String] { get }
    /// The partial that renders one block of this kind.
    var partial: String { get }
    /// True for a block across the page; false for a card, set in a grid with the cards next to it.
    var wide: Bool { get }
    /// What is wrong with a setting of this kind (a column that does not exist, a bad link), at its line.
    func check(_ setting: HomeSectionSetting, in site: Site) -> [Diagnostic]
    /// The blocks a setting makes: usually one, none when the site has nothing of the kind to show.
    func views(_ setting: HomeSectionSetting, in site: PageFactory) -> [View]
}

extension HomeSectionKind {
    public var wide: Bool { false }
    public func check(_ setting: HomeSectionSetting, in site: Site) -> [Diagnostic] { [] }

    func parts(_ setting: HomeSectionSetting, in site: PageFactory) -> [Part] {
        views(setting, in: site).map { Part($0, template: partial) }
    }

    func schema(_ builder: SchemaBuilder) throws -> ViewSchema { try builder.schema(for: View.self) }
}

/// Every kind of home-page block, and how the names in site.yml are resolved to them.
public struct HomeSectionRegistry: Sendable {
    public let kinds: [any HomeSectionKind]

    /// The schemas of `kinds`, derived once per registry: they depend on the program alone.
    private let schemaMemo = Memo<Int, Result<[(template: String, schema: ViewSchema)], any Error>>()

    public init(_ kinds: [any HomeSectionKind]) {
        self.kinds = kinds
    }

    public static let standard = HomeSectionRegistry([
        LatestDocumentsSection(), ColumnSection(), HomeColumnsSection(), PlansSection(),
        FAQSection(), CataloguesSection(), LinksSection(),
    ])

    /// The registry with one more kind at the end.
    public func adding(_ kind: any HomeSectionKind) -> HomeSectionRegistry { HomeSectionRegistry(kinds + [kind]) }

    /// The blocks of a site whose site.yml has no `首页:`: the current year's plans, then the
    /// columns marked `首页: 是`.
    static let builtIn = [HomeSectionSetting(name: "工作要点落实情况", line: 1), HomeSectionSetting(name: "首页栏目", line: 1)]

    /// Partial and view schema of every kind, for `TemplateSet.validate`; made the first time
    /// they are asked for.
    public func schemas() throws -> [(template: String, schema: ViewSchema)] {
        try schemaMemo.value(0) {
            Result {
                let builder = SchemaBuilder()
                return try kinds.map { ($0.partial, try $0.schema(builder)) }
            }
        }.get()
    }

    /// The kind a setting names: by one of its names, else a column named by title or path
    /// (`- 通知公告`) is a 栏目 block.
    func resolve(_ setting: HomeSectionSetting, in site: Site) -> (kind: any HomeSectionKind, setting: HomeSectionSetting)? {
        if let kind = kinds.first(where: { $0.names.contains(setting.name) }) { return (kind, setting) }
        guard ColumnSection.column(setting.name, in: site) != nil, let kind = kinds.first(where: { $0 is ColumnSection }) else { return nil }
        let named = HomeSectionSetting(
            name: kind.names[0], title: setting.title, count: setting.count, column: setting.name, links: setting.links, line: setting.line)
        return (kind, named)
    }

    /// The site's blocks in order, as kinds and settings.
    func blocks(of site: Site) -> [(kind: any HomeSectionKind, setting: HomeSectionSetting)] {
        (site.identity.homeSections ?? Self.builtIn).compactMap { resolve($0, in: site) }
    }

    /// Errors of `首页:` in site.yml: a name that is no block and no column (with the nearest
    /// valid one), and each kind's own checks.
    public func check(_ site: Site) -> [Diagnostic] {
        guard let settings = site.identity.homeSections else { return [] }
        var diagnostics: [Diagnostic] = []
        for setting in settings {
            guard let block = resolve(setting, in: site) else {
                let names = kinds.map { $0.names[0] }
                let candidates = kinds.flatMap(\.names) + site.columns.map(\.title)
                let hint = NearestName.nearest(to: setting.name, in: candidates).map { "是不是“\($0)”？" } ?? ""
                diagnostics.append(
                    .error(
                        site.configFile, line: setting.line,
                        "首页没有“\(setting.name)”这种板块，也没有叫这个名字的栏目。\(hint)可用的板块：\(names.joined(separator: "、"))；或写栏目的标题或路径，如 栏目: 通知公告。"))
                continue
            }
            diagnostics += block.kind.check(block.setting, in: site)
        }
        return diagnostics
    }
}
