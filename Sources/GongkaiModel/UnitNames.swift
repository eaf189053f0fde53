/// What one unit's name means across plans: groups of units (各…, …相关单位) and the key under
/// which short and long forms of a name are one unit. Shared by the importer (GongkaiIntake),
/// which splits names out of a plan's text, and the ledger (GongkaiPlans), which groups them.
public enum UnitNames {
    /// "区直相关单位", "各市州、县市区人民政府": groups of units, not one unit with a ledger.
    public static func isCollective(_ name: String) -> Bool {
        name.hasPrefix("各") || name.contains("相关单位") || name.contains("相关部门") || name.contains("有关单位")
            || name.hasSuffix("相应行政主管部门") || name == "单位" || name == "部门"
    }

    /// Short and long forms of the same unit, compared after this mapping.
    static let aliases: [(String, String)] = [
        ("人力资源和社会保障", "人社"), ("人力资源社会保障", "人社"),
        ("市场监督管理", "市场监管"), ("市监", "市场监管"),
        ("发展和改革", "发改"), ("发展改革", "发改"),
        ("卫生健康", "卫健"), ("住房和城乡建设", "住建"), ("住房城乡建设", "住建"),
        ("工业和信息化", "工信"), ("自然资源和规划", "自然资源"),
        ("税务分局", "税务局"),
    ]

    /// The key under which variants of one unit's name are grouped: 区人力资源和社会保障局 and
    /// 区人社局 share one.
    public static func key(_ name: String) -> String {
        var key = String(name.filter { !$0.isWhitespace })
        for (long, short) in aliases { key = key.replacingOccurrences(of: long, with: short) }
        return key
    }

    /// The full name of a unit of a region: 区行政审批服务局 of 开福区 → 开福区行政审批服务局,
    /// 省政务局 of 湖南省 → 湖南省政务局.
    public static func fullName(_ name: String, region: String) -> String {
        guard let level = region.last, name.first == level, name.count > 1 else { return name }
        return region + name.dropFirst()
    }
}
