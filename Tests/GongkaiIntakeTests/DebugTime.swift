import Foundation
@testable import GongkaiIntake
import Testing

@Suite struct DebugTime {
    @Test func time() throws {
        guard let path = ProcessInfo.processInfo.environment["GK_TIME"] else { return }
        let text = try String(contentsOfFile: path, encoding: .utf8)
        var t = Date()
        let document = TextBlocks.read(text)
        print("TIME blocks", Date().timeIntervalSince(t), document.blocks.count)
        t = Date()
        let lines = TextBlocks.cut(text)
        print("TIME cut", Date().timeIntervalSince(t), lines.count)
        t = Date()
        _ = TextBlocks.sequential(lines)
        print("TIME seq", Date().timeIntervalSince(t))
        t = Date()
        _ = PlanImporter(idPrefix: "x").run(document)
        print("TIME import", Date().timeIntervalSince(t))
        t = Date()
        _ = DocumentImporter.read(document)
        print("TIME doc", Date().timeIntervalSince(t))
    }
}
