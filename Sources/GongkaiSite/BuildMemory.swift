import Foundation
import GongkaiContent
import GongkaiOutput
import Synchronization

/// What one long-running process (`gongkai serve`) keeps between the builds of its one output
/// folder, so that a save does not read every state file back: the content read (`SourceState`)
/// and the build cache with the bytes it was written as. Owned by whoever builds again and
/// again and passed in `BuildOptions.memory`; a build without one reads the state files alone.
/// Each slot names the file it stands for, so a memory handed another output is not used.
public final class BuildMemory: Sendable {
    private struct Sources { let path: String, key: UInt64, state: SourceState }
    private struct Cache { let path: String, data: Data, cache: BuildCache }

    private let sources = Mutex<Sources?>(nil)
    private let cache = Mutex<Cache?>(nil)

    public init() {}

    /// The content state kept for the state file at `url`, when it was made under `key`.
    func sources(at url: URL, key: UInt64) -> SourceState? {
        sources.withLock { kept in kept.flatMap { $0.path == url.path && $0.key == key ? $0.state : nil } }
    }

    func keep(_ state: SourceState, at url: URL, key: UInt64) {
        sources.withLock { $0 = Sources(path: url.path, key: key, state: state) }
    }

    /// The cache kept for the file at `url` when the file still holds exactly the bytes it was
    /// read from or written as; any other bytes are for `BuildCache.decode` to verify.
    func cache(at url: URL, data: Data) -> BuildCache? {
        cache.withLock { kept in kept.flatMap { $0.path == url.path && $0.data == data ? $0.cache : nil } }
    }

    func keep(_ cache: BuildCache, data: Data, at url: URL) {
        self.cache.withLock { $0 = Cache(path: url.path, data: data, cache: cache) }
    }
}
