import Foundation
import GongkaiModel
import GongkaiOutput
import Testing

/// A scratch folder for one test.
private struct Scratch {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("gongkai-output-\(UUID().uuidString)")
    init() throws { try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true) }
    func path(_ name: String) -> String { root.appendingPathComponent(name).path }
    func read(_ name: String) -> String? { try? String(contentsOfFile: path(name), encoding: .utf8) }
    func write(_ name: String, _ text: String) throws {
        let url = root.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }
    func names() -> [String] { (try? FileManager.default.contentsOfDirectory(atPath: root.path).sorted()) ?? [] }
}

@Suite struct BuildCacheTests {
    @Test func roundTripsRecordsWithEscapedTextLinksAndWarnings() throws {
        let scratch = try Scratch()
        var cache = BuildCache(folder: "12:34")
        cache.records["a/b.html"] = BuildCache.Record(
            fingerprint: 0xDEAD_BEEF, content: 42, size: 10, modified: 1_700_000_000_123_456_789,
            links: ["../x.md", "tab\there"],
            warnings: [.warning("content/a.md", line: 3, "多行\n说明\\反斜杠", rule: "image-without-alt")])
        cache.records["c.html"] = BuildCache.Record(fingerprint: 1, content: 2, size: 3, modified: 4)
        cache.records["d.html"] = BuildCache.Record(fingerprint: .max, content: 0, size: 0, modified: -5, inputs: 0xF)
        let url = URL(fileURLWithPath: scratch.path(".site.cache"))
        try cache.write(to: url)
        let read = try #require(BuildCache.decode(try Data(contentsOf: url)))
        #expect(read.folder == "12:34")
        #expect(read.records == cache.records)
        #expect(BuildCache.read(from: url) == cache)
        #expect(scratch.names() == [".site.cache"], "no temporary file is left beside the cache")
    }

    /// A byte changed in place (size and name as they were) fails the checksum.
    @Test func aChangedByteFailsTheChecksum() throws {
        let scratch = try Scratch()
        var cache = BuildCache(folder: "1:2")
        cache.records["a.html"] = BuildCache.Record(fingerprint: 0xABC, content: 7, size: 1, modified: 2)
        let url = URL(fileURLWithPath: scratch.path(".site.cache"))
        let written = try cache.write(to: url)
        #expect(written == (try Data(contentsOf: url)), "write returns the bytes it wrote")
        #expect(BuildCache.read(from: url) == cache)
        var bytes = try Data(contentsOf: url)
        let digit = try #require(bytes.firstIndex(of: UInt8(ascii: "c")))
        bytes[digit] = UInt8(ascii: "d")
        try bytes.write(to: url)
        #expect(BuildCache.read(from: url) == nil, "the checksum no longer holds")
    }

    @Test func refusesAnotherFormatOrABrokenLine() throws {
        let scratch = try Scratch()
        try scratch.write("old", "gongkai-cache 0\nfolder\t1:2\n")
        #expect(BuildCache.read(from: URL(fileURLWithPath: scratch.path("old"))) == nil)
        try scratch.write("broken", "\(BuildCache.header)\nfolder\t1:2\nP\ta.html\tzz\t1\t2\t3\n")
        #expect(BuildCache.read(from: URL(fileURLWithPath: scratch.path("broken"))) == nil)
        try scratch.write("orphan", "\(BuildCache.header)\nfolder\t1:2\nL\tx\n")
        #expect(BuildCache.read(from: URL(fileURLWithPath: scratch.path("orphan"))) == nil)
        #expect(BuildCache.read(from: URL(fileURLWithPath: scratch.path("missing"))) == nil)
    }

    /// A cache whose checksum matches but whose records are wrong is refused as a whole.
    @Test func refusesAChecksummedCacheWithABadRecord() {
        func signed(_ body: String) -> Data { Data((body + "sum\t\(String(StableHasher.hash(body), radix: 16))\n").utf8) }
        let good = "\(BuildCache.header)\nfolder\t1:2\nP\ta.html\tff\t10\t3\t-4\t9\nL\tx\\\\y\\tz\nW\twarning\t\t\t\t多行\\n说明\n"
        let read = BuildCache.decode(signed(good))
        #expect(
            read?.records["a.html"]
                == BuildCache.Record(fingerprint: 255, content: 16, size: 3, modified: -4, links: ["x\\y\tz"], warnings: [.warning(nil, "多行\n说明")], inputs: 9))
        for bad in [
            "P\ta.html\tzz\t1\t2\t3\t0\n", "P\ta.html\t1\t1\t2\t3\tzz\n", "P\ta.html\t1\t1\t2\t3\n", "P\t../a.html\t1\t1\t2\t3\t0\n",
            "P\ta.html\t1\t1\t2\t3\t0\nP\ta.html\t1\t1\t2\t3\t0\n", "L\tx\n", "P\ta.html\t1\t1\t2\t3\t0\nW\tloud\t\t\t\tx\n", "X\n",
        ] {
            #expect(BuildCache.decode(signed("\(BuildCache.header)\nfolder\t1:2\n" + bad)) == nil, "\(bad)")
        }
        #expect(BuildCache.decode(signed("gongkai-cache 2\nfolder\t1:2\nP\ta.html\t1\t1\t2\t3\n")) == nil)
    }

    @Test func livesBesideTheOutputFolder() {
        let location = BuildCache.location(of: URL(fileURLWithPath: "/tmp/x/site"))
        #expect(location.path == "/tmp/x/.site.cache")
    }
}

@Suite struct OutputPathTests {
    @Test func acceptsRelativePathsAndNamesWhatIsWrongWithOthers() {
        for path in ["a.html", "文件/第1号.html", "a/.well-known/b", "a/...", "x..y/z"] {
            #expect(OutputPath.problem(path) == nil, "\(path)")
        }
        let problems: [(String, String)] = [
            ("", "路径为空"), ("/etc/passwd", "是绝对路径"), ("a\\b", "含有控制字符或反斜杠"), ("a\nb", "含有控制字符或反斜杠"),
            ("a//b", "含有空的路径段（//）"), ("a/", "含有空的路径段（//）"), ("../x", "含有 . 或 .. 路径段"),
            ("a/./b", "含有 . 或 .. 路径段"), ("a/..", "含有 . 或 .. 路径段"), (String(repeating: "长", count: 86) + "/a", "文件名过长"),
        ]
        for (path, problem) in problems { #expect(OutputPath.problem(path) == problem, "\(path)") }
        #expect(OutputPath.problem(String(repeating: "长", count: 85) + "/a") == nil, "255 bytes is a file name's limit")
    }
}

@Suite struct OutputWriterTests {
    private func record(_ text: String) -> BuildCache.Record {
        BuildCache.Record(fingerprint: 7, content: StableHasher.hash(text), size: 0, modified: 0)
    }

    @Test func writesInPlaceOnlyOnCommitAndKeepsUnchangedFiles() throws {
        let scratch = try Scratch()
        // A first (staging) build.
        let first = OutputWriter(root: scratch.root.path, previous: nil)
        let a = first.write(OutputFile(path: "a.html", record: record("A"), text: "A"))
        let b = first.write(OutputFile(path: "deep/b.html", record: record("B"), text: "B"))
        #expect(a.failure == nil && b.failure == nil)
        #expect(scratch.read("deep/b.html") == "B", "folders are created as needed")
        var cache = BuildCache(folder: "f")
        for item in [a, b] { cache.records[item.path] = item.record }

        // An incremental build: a changes, b keeps its bytes.
        let stampBefore = try FileManager.default.attributesOfItem(atPath: scratch.path("deep/b.html"))[.modificationDate] as? Date
        let second = OutputWriter(root: scratch.root.path, previous: cache)
        let a2 = second.write(OutputFile(path: "a.html", record: record("A2"), text: "A2"))
        let b2 = second.write(OutputFile(path: "deep/b.html", record: record("B"), text: "B"))
        #expect(scratch.read("a.html") == "A", "nothing replaces a file before commit")
        #expect(a2.change == .changed && b2.change == nil && b2.pending == nil)
        try second.commit([a2, b2])
        #expect(scratch.read("a.html") == "A2")
        let stampAfter = try FileManager.default.attributesOfItem(atPath: scratch.path("deep/b.html"))[.modificationDate] as? Date
        #expect(stampBefore == stampAfter, "an unchanged file is not touched")
        #expect(!scratch.names().contains { $0.hasPrefix(".gk-writing-") })
    }

    @Test func abandonRemovesPendingFilesAndLeavesTheOldOnes() throws {
        let scratch = try Scratch()
        try scratch.write("a.html", "old")
        var cache = BuildCache(folder: "f")
        cache.records["a.html"] = BuildCache.Record(fingerprint: 1, content: 1, size: 3, modified: 0)
        let writer = OutputWriter(root: scratch.root.path, previous: cache)
        let made = writer.write(OutputFile(path: "a.html", record: record("new"), text: "new"))
        #expect(made.pending != nil)
        writer.abandon([made])
        #expect(scratch.read("a.html") == "old")
        #expect(scratch.names() == ["a.html"])
    }

    @Test func deleteRemovesFilesAndTheFoldersTheyEmpty() throws {
        let scratch = try Scratch()
        try scratch.write("x/y/gone.html", "1")
        try scratch.write("x/kept.html", "2")
        let writer = OutputWriter(root: scratch.root.path, previous: BuildCache(folder: "f"))
        try writer.delete(["x/y/gone.html"])
        #expect(scratch.read("x/kept.html") == "2")
        #expect(!FileManager.default.fileExists(atPath: scratch.path("x/y")))
    }

    @Test func copiesAFileOnlyWhenItsSourceChanged() throws {
        let scratch = try Scratch()
        try scratch.write("source.pdf", "%PDF")
        let file = AssetFile(source: scratch.path("source.pdf"), path: "out/a.pdf", fingerprint: 99)
        let first = OutputWriter(root: scratch.root.path, previous: nil).copy(file)
        #expect(scratch.read("out/a.pdf") == "%PDF")
        var cache = BuildCache(folder: "f")
        cache.records[first.path] = first.record
        let again = OutputWriter(root: scratch.root.path, previous: cache).copy(file)
        #expect(again.pending == nil && again.change == nil, "same fingerprint, same file: nothing to do")
    }
}

@Suite struct OutputDirectoryTests {
    @Test func swapsTheStagingFolderInAndRemovesTheOldOutput() throws {
        let scratch = try Scratch()
        let output = OutputDirectory(target: scratch.root.appendingPathComponent("site"))
        let first = try output.makeStaging()
        try Data("one".utf8).write(to: first.appendingPathComponent("index.html"))
        try output.commit(first)
        let second = try output.makeStaging()
        try Data("two".utf8).write(to: second.appendingPathComponent("index.html"))
        try output.commit(second)
        #expect(scratch.read("site/index.html") == "two")
        #expect(scratch.names() == ["site"], "no staging folder is left")
    }

    @Test func refusesAFolderGongkaiDidNotMake() throws {
        let scratch = try Scratch()
        try scratch.write("home/notes.txt", "keep me")
        let output = OutputDirectory(target: scratch.root.appendingPathComponent("home"))
        #expect(throws: DiagnosticError.self) { try output.makeStaging() }
        #expect(scratch.read("home/notes.txt") == "keep me")
    }
}
