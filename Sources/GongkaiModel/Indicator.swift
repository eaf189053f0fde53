/// An indicator of the national website inspection (国办秘函〔2019〕19号) that a finding counts
/// towards: inspector material rather than a mistake an editor fixes in one file. A diagnostic
/// carrying one is listed by `gongkai check` and counted by a build in one line per indicator,
/// in `order`; a new inspection rule declares its indicator here and needs no change elsewhere.
public struct Indicator: Sendable, Hashable {
    /// The indicator in the inspectors' words (栏目不更新).
    public let name: String
    /// Its place in the build's count line.
    public let order: Int

    public init(_ name: String, order: Int) {
        self.name = name
        self.order = order
    }

    public static let planOverdue = Indicator("工作要点任务逾期", order: 10)
    public static let staleColumn = Indicator("栏目不更新", order: 20)
    public static let blankColumn = Indicator("空白栏目", order: 30)
    public static let homeNotUpdated = Indicator("首页不更新", order: 40)
    public static let staleCatalogue = Indicator("公开目录超过 1 年未更新", order: 50)
}
