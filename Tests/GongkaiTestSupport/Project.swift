import Foundation
import GongkaiModel
import GongkaiSite
import Synchronization

/// A Gongkai project in a temporary directory: `content/`, `templates/` and `site/`. Shared by
/// every test target that builds a site or runs the program.
public struct Project: FixtureFolder {
    /// The repository this test belongs to.
    public static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The `gongkai` executable built beside the tests.
    public static let binary: URL = {
        // To run the end-to-end suites against another build of the program (e.g. an older one).
        if let path = ProcessInfo.processInfo.environment["GONGKAI_BINARY"], !path.isEmpty {
            return URL(fileURLWithPath: path)
        }
        let runner = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        var directory = runner.deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = directory.appendingPathComponent("gongkai")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            directory = directory.deletingLastPathComponent()
        }
        return repository.appendingPathComponent(".build/debug/gongkai")
    }()

    public static let demoDay = CalendarDate(year: 2024, month: 1, day: 1)!

    public let root: URL
    /// The day builds are judged on unless a test says otherwise.
    public let asOf: CalendarDate
    public var content: URL { root.appendingPathComponent("content") }
    public var templates: URL { root.appendingPathComponent("templates") }
    public var site: URL { root.appendingPathComponent("site") }
    /// What this project's builds into `site/` keep between them, as one `gongkai serve`'s do;
    /// `newProcess()` forgets it, as a new process starts with the state files alone.
    private let kept = Kept()

    private final class Kept: Sendable {
        let memory = Mutex(BuildMemory())
    }

    /// A project with the repository's templates and either its demo content or the given files.
    public init(files: [String: String]? = nil, site siteYAML: String = Project.smallSite, asOf: CalendarDate = Project.demoDay) throws {
        self.asOf = asOf
        root = FileManager.default.temporaryDirectory.appendingPathComponent("gongkai-project-\(UUID().uuidString)")
        let fileManager = FileManager.default
        try fileManager.createDirectory(at: root, withIntermediateDirectories: true)
        try fileManager.copyItem(at: Self.repository.appendingPathComponent("templates"), to: templates)
        if let files {
            try write("content/site.yml", siteYAML)
            for (path, text) in files { try write("content/\(path)", text) }
        } else {
            try fileManager.copyItem(at: Self.repository.appendingPathComponent("content"), to: content)
        }
    }

    public func options(output: URL? = nil, asOf: CalendarDate? = nil) -> BuildOptions {
        var options = BuildOptions(contentDirectory: content, templatesDirectory: templates, outputDirectory: output ?? site, asOf: asOf ?? self.asOf)
        // The memory stands for `site/`: a build into another folder keeps nothing there.
        options.memory = output == nil ? kept.memory.withLock { $0 } : nil
        return options
    }

    /// Forgets what earlier builds kept in memory: the next build reads the state files alone.
    public func newProcess() {
        kept.memory.withLock { $0 = BuildMemory() }
    }

    @discardableResult
    public func build(asOf: CalendarDate? = nil) throws -> BuildReport {
        try SiteBuilder.build(options(asOf: asOf))
    }

    /// Removes the project's folder.
    public func remove() {
        try? FileManager.default.removeItem(at: root)
    }

    /// Every regular file under `site/`, relative path → bytes.
    public func siteFiles() -> [String: Data] { Self.tree(site) }

    /// Runs the `gongkai` executable in the project directory.
    public func run(_ arguments: [String]) throws -> (status: Int32, stdout: String, stderr: String) {
        let process = Process()
        process.executableURL = Self.binary
        process.arguments = arguments
        process.currentDirectoryURL = root
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // A hostile input must not hang the test run: a build still running after two minutes is killed
        // (and fails the test by its status).
        let watchdog = DispatchWorkItem { if process.isRunning { process.terminate() } }
        DispatchQueue.global().asyncAfter(deadline: .now() + 120, execute: watchdog)
        defer { watchdog.cancel() }
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: stdout, as: UTF8.self), String(decoding: stderr, as: UTF8.self))
    }

    /// Every file under a directory with its bytes, for comparing outputs.
    public static func tree(_ directory: URL) -> [String: Data] {
        var files: [String: Data] = [:]
        let base = directory.standardizedFileURL.path + "/"
        guard let enumerator = FileManager.default.enumerator(at: directory, includingPropertiesForKeys: [.isRegularFileKey]) else { return [:] }
        for case let url as URL in enumerator where (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true {
            files[String(url.standardizedFileURL.path.dropFirst(base.count))] = try? Data(contentsOf: url)
        }
        return files
    }

    public static let smallSite = """
        网站名称: 测试门户
        网址: https://test.example/portal/
        主办单位: 测试单位
        网站标识码: "4300000000"
        每页条数: 20
        栏目:
          - 标题: 政策文件
            路径: zcwj
            更新类别: 政策文件
            首页: 是
          - 标题: 政策解读
            路径: zcjd
        """

    public static func document(_ fields: String, body: String = "正文。") -> String {
        "---\n\(fields)\n---\n\(body)\n"
    }
}
