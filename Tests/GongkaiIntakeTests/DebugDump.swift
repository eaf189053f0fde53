import Foundation
@testable import GongkaiIntake
import Testing

@Suite struct DebugDump {
    @Test func dump() throws {
        guard let path = ProcessInfo.processInfo.environment["GK_DUMP"] else { return }
        let url = URL(fileURLWithPath: path)
        let document = try SourceReader.read(url, display: path).get()
        let result = PlanImporter(idPrefix: "x").run(document)
        var out = "notice: \(result.notice.title) | \(result.notice.issuer ?? "-") | \(result.notice.documentNumber ?? "-") | \(result.notice.written?.iso ?? "-")\n"
        for plan in result.plans {
            out += "PLAN \(plan.id) \(plan.title) year=\(plan.year) region=\(plan.region) sections=\(plan.sections.count) items=\(plan.items.count)\n"
            for s in plan.sections {
                out += " S \(s.numberText) \(s.title)\n"
                for i in s.items { out += "   I \(i.numberText) [\(i.title ?? "")] \(i.body.prefix(40)) L=\(i.leads) P=\(i.partners) D=\(i.deadlines.map(\.text))\n" }
            }
        }
        out += result.notes.map(\.description).joined(separator: "\n")
        if let failure = result.failure { out += "\nFAIL \(failure)" }
        try out.write(toFile: "/tmp/gk/dump.txt", atomically: true, encoding: .utf8)
    }
}
