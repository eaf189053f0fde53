import CLinux
import Foundation
import GongkaiModel

/// The build's output folder, replaced as a whole: pages are written into a staging folder
/// beside it, which is swapped in with one atomic rename when everything has been written.
/// A failed or interrupted build leaves the previous output exactly as it was.
public struct OutputDirectory: Sendable {
    /// Marks a folder as Gongkai's output, so a mistyped `--output` never replaces other files.
    static let marker = ".gongkai-site"

    public let target: URL

    public init(target: URL) {
        self.target = target.standardizedFileURL
    }

    var parent: URL { target.deletingLastPathComponent() }
    var stagingPrefix: String { ".\(target.lastPathComponent).building-" }

    /// Creates an empty staging folder, after removing those left by interrupted builds.
    public func makeStaging() throws -> URL {
        let fileManager = FileManager.default
        try checkTarget()
        try fileManager.createDirectory(at: parent, withIntermediateDirectories: true)
        for name in (try? fileManager.contentsOfDirectory(atPath: parent.path)) ?? [] where name.hasPrefix(stagingPrefix) {
            let pid = Int32(name.dropFirst(stagingPrefix.count).split(separator: "-").first ?? "") ?? 0
            if pid <= 0 || kill(pid, 0) != 0 {
                try? Self.removeTree(parent.appendingPathComponent(name))
            }
        }
        let staging = parent.appendingPathComponent("\(stagingPrefix)\(getpid())-\(UUID().uuidString.prefix(8))")
        try fileManager.createDirectory(at: staging, withIntermediateDirectories: false)
        try Data("gongkai\n".utf8).write(to: staging.appendingPathComponent(Self.marker))
        return staging
    }

    /// Puts the staging folder in place of the target in one step and removes the old output.
    public func commit(_ staging: URL) throws {
        let fileManager = FileManager.default
        if fileManager.fileExists(atPath: target.path) {
            guard gk_rename_exchange(staging.path, target.path) == 0 else {
                throw DiagnosticError([.error(target.path, "无法替换输出目录（\(String(cString: strerror(errno)))）。原网站未改动。")])
            }
            try Self.removeTree(staging)
        } else {
            try fileManager.moveItem(at: staging, to: target)
        }
    }

    public func discard(_ staging: URL) {
        try? Self.removeTree(staging)
    }

    /// Removes a folder and everything in it; Foundation's `removeItem` takes seconds on a site
    /// of ten thousand pages.
    static func removeTree(_ url: URL) throws {
        guard gk_remove_tree(url.path) == 0 else {
            throw DiagnosticError([.error(url.path, "无法删除旧的输出目录（\(String(cString: strerror(errno)))）。")])
        }
    }

    /// Refuses to replace a folder that has files but was not made by Gongkai.
    public func checkTarget() throws {
        let fileManager = FileManager.default
        var isDirectory: ObjCBool = false
        guard fileManager.fileExists(atPath: target.path, isDirectory: &isDirectory) else { return }
        guard isDirectory.boolValue else {
            throw DiagnosticError([.error(target.path, "输出路径已存在且是一个文件，不是目录。请换一个输出目录。")])
        }
        let entries = (try? fileManager.contentsOfDirectory(atPath: target.path)) ?? []
        if !entries.isEmpty && !entries.contains(Self.marker) {
            throw DiagnosticError([
                .error(
                    target.path,
                    "输出目录已存在，但不是 Gongkai 生成的（缺少 \(Self.marker) 标记）。为避免误删其中的文件，请换一个输出目录，或先手动清空它。")
            ])
        }
    }
}
