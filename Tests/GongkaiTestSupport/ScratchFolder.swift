import Foundation

/// An empty temporary folder to run `gongkai` in as an editor starting out would: no content,
/// no templates (what `gongkai new site` is for).
public struct ScratchFolder: FixtureFolder {
    public let root: URL

    public init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("gongkai-scratch-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    }

    public func url(_ path: String) -> URL { root.appendingPathComponent(path) }

    public func remove() { try? FileManager.default.removeItem(at: root) }

    /// Runs `gongkai` (or another program) with the folder `directory` under this one as its working directory.
    public func run(
        _ arguments: [String], in directory: String = ".", program: URL = Project.binary,
        environment: [String: String]? = nil
    ) throws -> (status: Int32, stdout: String, stderr: String) {
        let process = Process()
        process.executableURL = program
        process.arguments = arguments
        process.currentDirectoryURL = root.appendingPathComponent(directory)
        if let environment { process.environment = environment }
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // Read both pipes at once: a full stderr pipe must not block the program while stdout is read.
        nonisolated(unsafe) var stderr = Data()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async {
            stderr = err.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: stdout, as: UTF8.self), String(decoding: stderr, as: UTF8.self))
    }
}
