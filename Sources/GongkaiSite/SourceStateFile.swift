import Foundation
import GongkaiContent
import GongkaiModel
import GongkaiOutput

/// Where a build keeps what it read from `content/` (`SourceState`) for the next one: a state
/// file beside the output (`.site.content`), and in the builder's `BuildMemory` when it has one
/// (`gongkai serve`), so that a save reads one file again. Kept only after a build succeeded
/// and committed its output; a state that cannot be used is discarded with one notice.
enum SourceStateFile {
    static func location(of output: URL) -> URL { StateFile.location(of: output, name: "content") }

    /// The state file's key: the program that wrote it and the format of what it holds.
    static func key(program: UInt64) -> UInt64 {
        var hasher = StableHasher()
        hasher.combine("gongkai-content-state")
        hasher.combine(program)
        hasher.combine(SourceState.format)
        return hasher.finalize()
    }

    /// The state of the previous build of `output` (from memory, else from its file), and the
    /// notice when the file is there but cannot be used.
    static func read(output: URL, program: UInt64, memory: BuildMemory?) -> (state: SourceState?, notices: [Diagnostic]) {
        let url = location(of: output)
        let key = key(program: program)
        if let kept = memory?.sources(at: url, key: key) { return (kept, []) }
        switch SourceState.read(from: url, key: key) {
        case .missing: return (nil, [])
        case .discarded: return (nil, [discardedNotice(url)])
        case .loaded(let state): return (state, [])
        }
    }

    /// Keeps the state of a build that succeeded, in `memory` and, when it changed or the file is
    /// missing, in the file. A state that cannot be written costs the next build its speed only.
    static func keep(_ state: SourceState, output: URL, program: UInt64, memory: BuildMemory?) {
        let url = location(of: output)
        let key = key(program: program)
        var state = state
        if state.changed || !FileManager.default.fileExists(atPath: url.path) {
            // Entries that could not be written keep no location and are written next time.
            try? state.write(to: url, key: key)
        }
        memory?.keep(state, at: url, key: key)
    }

    static func discardedNotice(_ url: URL) -> Diagnostic {
        .warning(url.lastPathComponent, "内容读取状态来自其他版本、不完整或已损坏，没有使用；这次重新读取全部内容文件。", rule: "cache-discarded")
    }
}
