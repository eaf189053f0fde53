import Foundation
import Testing

@testable import GongkaiServe

/// Collects what a callback reports, for tests that wait for it.
final class Recorder: @unchecked Sendable {
    private let lock = NSLock()
    private var calls: [Set<String>] = []
    private var times: [Date] = []

    func record(_ paths: Set<String>) {
        lock.withLock {
            calls.append(paths)
            times.append(Date())
        }
    }

    var all: [Set<String>] { lock.withLock { calls } }
    var moments: [Date] { lock.withLock { times } }
    var paths: Set<String> { lock.withLock { calls.reduce(into: Set<String>()) { $0.formUnion($1) } } }

    /// Waits until `condition` holds (checked every 20 ms), at most `seconds`.
    func wait(_ seconds: Double = 15, until condition: (Recorder) -> Bool) async -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if condition(self) { return true }
            try? await Task.sleep(for: .milliseconds(20))
        }
        return condition(self)
    }
}

@Suite struct DebouncerTests {
    @Test func aBurstOfSignalsGivesOneCallWithEveryPath() async {
        let recorder = Recorder()
        let debouncer = Debouncer(quiet: 0.3, limit: 5) { recorder.record($0) }
        // Like an editor's save: several events in a few milliseconds.
        for index in 0..<8 {
            debouncer.signal(["file\(index)"])
            usleep(2_000)
        }
        #expect(await recorder.wait { !$0.all.isEmpty })
        try? await Task.sleep(for: .milliseconds(400))
        #expect(recorder.all.count == 1)
        #expect(recorder.paths == Set((0..<8).map { "file\($0)" }))
    }

    @Test func waitsForQuietBeforeCalling() async {
        let recorder = Recorder()
        let debouncer = Debouncer(quiet: 0.3, limit: 5) { recorder.record($0) }
        let start = Date()
        debouncer.signal(["a"])
        #expect(await recorder.wait { !$0.all.isEmpty })
        let waited = recorder.moments[0].timeIntervalSince(start)
        #expect(waited >= 0.29, "called after \(waited) s, before the quiet time")
    }

    @Test func signalsThatNeverStopStillCallAfterTheLimit() async {
        let recorder = Recorder()
        let debouncer = Debouncer(quiet: 0.2, limit: 0.4) { recorder.record($0) }
        // A signal every 50 ms for 2 s, from a thread of its own (not the test's, which may
        // wait long for its turn while other suites run): the quiet time never passes.
        let start = Date()
        let end: Date = await withCheckedContinuation { continuation in
            Thread {
                while Date().timeIntervalSince(start) < 2 {
                    debouncer.signal(["copying"])
                    usleep(50_000)
                }
                continuation.resume(returning: Date())
            }.start()
        }
        let during = recorder.moments.filter { $0 < end }
        #expect(during.count >= 2, "only \(during.count) calls while signals kept coming for 2 s")
        let first = during.first.map { $0.timeIntervalSince(start) } ?? 99
        #expect(first < 1.5, "first call after \(first) s")
    }
}

@Suite(.serialized) struct FileWatcherTests {
    /// A folder tree to watch: `content/` with a subfolder, and `content/_site` excluded.
    private func makeTree() throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("gongkai-watch-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("content/xxgk/zcwj"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: root.appendingPathComponent("content/_site"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: root.appendingPathComponent("templates"), withIntermediateDirectories: true)
        try Data("a".utf8).write(to: root.appendingPathComponent("content/xxgk/zcwj/a.md"))
        return root
    }

    @Test func reportsSavedFilesInNestedFolders() async throws {
        let root = try makeTree()
        defer { try? FileManager.default.removeItem(at: root) }
        let recorder = Recorder()
        let watcher = try FileWatcher(roots: [root.appendingPathComponent("content"), root.appendingPathComponent("templates")]) { recorder.record($0) }
        watcher.start()
        defer { watcher.stop() }
        let file = root.appendingPathComponent("content/xxgk/zcwj/a.md").path
        try Data("changed".utf8).write(to: URL(fileURLWithPath: file))
        #expect(await recorder.wait { $0.paths.contains(file) })
        let template = root.appendingPathComponent("templates/base.mustache").path
        try Data("<html>".utf8).write(to: URL(fileURLWithPath: template))
        #expect(await recorder.wait { $0.paths.contains(template) })
    }

    @Test func aFileCountsOnceItIsClosedNotWhileItIsBeingWritten() async throws {
        let root = try makeTree()
        defer { try? FileManager.default.removeItem(at: root) }
        let recorder = Recorder()
        let watcher = try FileWatcher(roots: [root.appendingPathComponent("content")]) { recorder.record($0) }
        watcher.start()
        defer { watcher.stop() }
        let file = root.appendingPathComponent("content/xxgk/zcwj/a.md").path
        // An editor's save that truncates, writes in two parts and only then closes the file.
        let handle = try #require(FileHandle(forWritingAtPath: file))
        try handle.truncate(atOffset: 0)
        try handle.write(contentsOf: Data("---\n标题: 写".utf8))
        try await Task.sleep(for: .milliseconds(300))
        #expect(!recorder.paths.contains(file), "reported while still open: \(recorder.all)")
        try handle.write(contentsOf: Data("完\n---\n".utf8))
        try handle.close()
        #expect(await recorder.wait { $0.paths.contains(file) })
    }

    @Test func watchesFoldersCreatedLater() async throws {
        let root = try makeTree()
        defer { try? FileManager.default.removeItem(at: root) }
        let recorder = Recorder()
        let content = root.appendingPathComponent("content")
        let watcher = try FileWatcher(roots: [content]) { recorder.record($0) }
        watcher.start()
        defer { watcher.stop() }
        // A new column folder, with a folder already inside it when it is moved in.
        let staging = root.appendingPathComponent("staging/new/deeper")
        try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: true)
        try FileManager.default.moveItem(at: root.appendingPathComponent("staging/new"), to: content.appendingPathComponent("new"))
        let created = content.appendingPathComponent("made/inside")
        try FileManager.default.createDirectory(at: created, withIntermediateDirectories: true)
        #expect(
            await recorder.wait { _ in
                Set(watcher.watchedFolders).isSuperset(of: [content.appendingPathComponent("new/deeper").path, created.path])
            })
        // Files saved in the new folders are reported.
        let deep = content.appendingPathComponent("new/deeper/b.md").path
        try Data("b".utf8).write(to: URL(fileURLWithPath: deep))
        let inside = created.appendingPathComponent("c.md").path
        try Data("c".utf8).write(to: URL(fileURLWithPath: inside))
        #expect(await recorder.wait { $0.paths.isSuperset(of: [deep, inside]) })
        // A folder moved out is no longer watched.
        try FileManager.default.moveItem(at: content.appendingPathComponent("new"), to: root.appendingPathComponent("gone"))
        #expect(await recorder.wait { _ in !watcher.watchedFolders.contains { $0.hasPrefix(content.appendingPathComponent("new").path) } })
    }

    @Test func ignoresEditorTemporaryFilesAndTheOutput() async throws {
        let root = try makeTree()
        defer { try? FileManager.default.removeItem(at: root) }
        let recorder = Recorder()
        let content = root.appendingPathComponent("content")
        let watcher = try FileWatcher(roots: [content], excluding: [content.appendingPathComponent("_site")]) { recorder.record($0) }
        watcher.start()
        defer { watcher.stop() }
        for name in [".a.md.swp", "a.md~", "4913", "#a.md#", "_site/index.html", ".hidden/x.md"] {
            let url = content.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data("x".utf8).write(to: url)
        }
        // Then a real save, so that we know the earlier events have been read.
        let real = content.appendingPathComponent("xxgk/zcwj/a.md").path
        try Data("real".utf8).write(to: URL(fileURLWithPath: real))
        #expect(await recorder.wait { $0.paths.contains(real) })
        #expect(recorder.paths == [real])
        #expect(!watcher.watchedFolders.contains { $0.contains("_site") || $0.contains(".hidden") })
    }

    @Test func stopsCallingAfterStop() async throws {
        let root = try makeTree()
        defer { try? FileManager.default.removeItem(at: root) }
        let recorder = Recorder()
        let watcher = try FileWatcher(roots: [root.appendingPathComponent("content")]) { recorder.record($0) }
        watcher.start()
        watcher.stop()
        try? await Task.sleep(for: .milliseconds(100))
        try Data("late".utf8).write(to: root.appendingPathComponent("content/xxgk/zcwj/a.md"))
        try? await Task.sleep(for: .milliseconds(400))
        #expect(recorder.all.isEmpty)
    }
}
