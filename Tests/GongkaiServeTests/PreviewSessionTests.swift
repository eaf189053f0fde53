import Foundation
import GongkaiSite
import GongkaiTestSupport
import Synchronization
import Testing

@testable import GongkaiServe

/// What the session reported, with the time each build ended.
private final class Outcomes: @unchecked Sendable {
    private let lock = NSLock()
    private var list: [(end: Date, seconds: Double, files: [String], failed: Bool)] = []

    func record(_ outcome: PreviewSession.Outcome) {
        let entry: (Date, Double, [String], Bool)
        switch outcome {
        case .succeeded(let report, let files): entry = (Date(), report.seconds, files, false)
        case .failed(_, let files): entry = (Date(), 0, files, true)
        }
        lock.withLock { list.append(entry) }
    }

    var all: [(end: Date, seconds: Double, files: [String], failed: Bool)] { lock.withLock { list } }
}

@Suite(.serialized) struct PreviewSessionTests {
    @Test func buildsNeverOverlapAndEveryChangeIsBuilt() async throws {
        let project = try Project(asOf: serveDay)
        defer { project.remove() }
        let outcomes = Outcomes()
        let session = PreviewSession(options: project.options()) { outcomes.record($0) }
        await session.build()
        #expect(outcomes.all.count == 1)

        // Six requests 40 ms apart: several arrive while a build runs.
        let names = (1...6).map { "content/change-\($0).md" }
        for name in names {
            await session.requestBuild([project.root.appendingPathComponent(name).path])
            usleep(40_000)
        }
        await session.idle()

        let builds = Array(outcomes.all.dropFirst())
        #expect(!builds.isEmpty)
        #expect(builds.count <= names.count)
        #expect(builds.allSatisfy { !$0.failed })
        // Every change was part of some build, and each build started after the one before it ended.
        #expect(Set(builds.flatMap(\.files)) == Set(names))
        let all = outcomes.all
        for index in 1..<all.count {
            let started = all[index].end.addingTimeInterval(-all[index].seconds)
            #expect(
                started >= all[index - 1].end.addingTimeInterval(-0.02),
                "build \(index) started \(all[index - 1].end.timeIntervalSince(started)) s before build \(index - 1) ended")
        }
        #expect(await session.buildCount == all.count)
    }

    /// The session keeps what it read in memory: a save reads that one file again, even with
    /// the state file beside the output gone.
    @Test func aSaveReadsOnlyTheSavedDocumentAgain() async throws {
        let project = try Project(asOf: serveDay)
        defer { project.remove() }
        let rereads = Mutex<[Int]>([])
        let session = PreviewSession(options: project.options()) { outcome in
            if case .succeeded(let report, _) = outcome { rereads.withLock { $0.append(report.reread) } }
        }
        await session.build()
        try FileManager.default.removeItem(at: project.root.appendingPathComponent(".site.content"))
        let path = "content/xxgk/fdzdgknr/zcwj/application-rules-2023.md"
        try project.write(path, try project.read(path) + "\n预览时保存的一句。\n")
        await session.build([project.root.appendingPathComponent(path).path])
        let counts = rereads.withLock { $0 }
        #expect(counts.count == 2)
        #expect((counts.first ?? 0) > 20, "the first build reads every document")
        #expect(counts.last == 1, "\(counts)")
    }
}
