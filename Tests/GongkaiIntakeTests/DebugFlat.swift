import Foundation
@testable import GongkaiIntake
import Testing

@Suite struct DebugFlat {
    @Test func flat() throws {
        guard ProcessInfo.processInfo.environment["GK_FLAT"] != nil else { return }
        let h = FlatTable.header("工作任务工作要求牵头单位配合/责任单位完成时限")
        print("HEADER", h as Any, h.map { TaskTable.roles($0.names) } as Any)
        let roles: [TaskColumn] = [.section, .task, .lead, .partner, .deadline]
        print("PARSE", FlatTable.parse("优化审批服务 推行企业开办全程网办，压缩办理时限至1个工作日。区行政审批局区市场监管局 区税务局，各街道办事处 2023年6月底前", roles: roles, units: UnitCells()))
    }
}
@Suite struct DebugCut {
    @Test func cut() throws {
        guard let name = ProcessInfo.processInfo.environment["GK_CUT"] else { return }
        let lines = try Fixture.text(name).split(separator: "\n").map(String.init)
        var collapsed = ""
        for (index, line) in lines.enumerated() { collapsed += (index == 0 ? "" : index % 2 == 0 ? "" : " ") + line }
        for p in TextBlocks.cut(collapsed) { print("PIECE", p) }
    }
}
