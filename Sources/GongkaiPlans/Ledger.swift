import GongkaiModel

/// 工作台账: for each unit, every item of every plan it leads, shares or is responsible for.
/// Units are told apart by region and by name, with long and short forms of a name merged
/// (区人力资源和社会保障局 = 区人社局); groups such as 省直相关单位 have no ledger of their own.
public struct Ledger: Sendable {
    public enum Role: String, Sendable, Comparable {
        case lead = "牵头"
        case partner = "配合"
        case responsible = "责任单位"

        public static func < (lhs: Role, rhs: Role) -> Bool {
            let order: [Role] = [.lead, .partner, .responsible]
            return order.firstIndex(of: lhs)! < order.firstIndex(of: rhs)!
        }
    }

    public struct Entry: Sendable, Hashable {
        public let planID: String
        public let item: Int
        public let role: Role
    }

    public struct Unit: Sendable, Hashable {
        /// Region and normalised name.
        public let key: String
        public let region: String
        /// The full name: 湖南省政务局, 开福区行政审批服务局.
        public let name: String
        /// The names as written in the plans.
        public let writtenNames: [String]
        /// Stable URL slug: the plans' id prefix and a hash of the key.
        public let slug: String
        public let entries: [Entry]
    }

    public let units: [Unit]
    private let byName: [String: Int]

    public init(plans: [Plan]) {
        var entries: [String: [Entry]] = [:]
        var written: [String: [String: Int]] = [:]
        var regions: [String: (region: String, prefix: String)] = [:]
        for plan in plans {
            let prefix = plan.id.split(separator: "-").first.map(String.init) ?? plan.id
            for item in plan.items {
                var roles: [String: (Role, String)] = [:]
                let named: [(Role, [String])] = [(.lead, item.leads), (.partner, item.partners), (.responsible, plan.responsible(for: item))]
                for (role, units) in named {
                    for unit in units where !UnitNames.isCollective(unit) {
                        let key = "\(plan.region)|\(UnitNames.key(unit))"
                        if let existing = roles[key], existing.0 <= role { continue }
                        roles[key] = (role, unit)
                    }
                }
                for (key, value) in roles {
                    entries[key, default: []].append(Entry(planID: plan.id, item: item.number, role: value.0))
                    written[key, default: [:]][value.1, default: 0] += 1
                    regions[key] = (plan.region, prefix)
                }
            }
        }
        units = entries.keys.sorted().map { key in
            let names = written[key]!.sorted { ($0.value, $0.key.count, $0.key) > ($1.value, $1.key.count, $1.key) }.map(\.key)
            let region = regions[key]!
            return Unit(
                key: key, region: region.region, name: UnitNames.fullName(names[0], region: region.region),
                writtenNames: names.sorted(), slug: "\(region.prefix)-\(FNV1a.hex32(key))",
                entries: entries[key]!.sorted { ($0.planID, $0.item) < ($1.planID, $1.item) })
        }
        var byName: [String: Int] = [:]
        for (index, unit) in units.enumerated() {
            for name in unit.writtenNames { byName["\(unit.region)|\(name)"] = index }
        }
        self.byName = byName
    }

    /// The ledger unit of a name as written in a plan of a region (nil for groups of units).
    public func unit(named name: String, region: String) -> Unit? {
        byName["\(region)|\(name)"].map { units[$0] }
    }
}
