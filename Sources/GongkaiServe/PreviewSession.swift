import Foundation
import GongkaiContent
import GongkaiModel
import GongkaiSite

/// The builds of one preview: the first, then one after each burst of saved changes.
///
/// Builds never overlap: changes that arrive while a build runs are collected and start exactly
/// one more build when it ends. A build runs on a Dispatch thread (it uses every core), never on
/// the threads that answer browsers. A good build tells `live` to reload the open pages; a failed
/// one stores its diagnostics there for the error page, and the output folder keeps the last good
/// site (`SiteBuilder.build` changes nothing when it fails).
public actor PreviewSession {
    /// What a build did, for the terminal.
    public enum Outcome: Sendable {
        case succeeded(BuildReport, changedFiles: [String])
        case failed([Diagnostic], changedFiles: [String])
    }

    public nonisolated let options: BuildOptions
    public nonisolated let live: LiveReload
    private let onBuild: @Sendable (Outcome) -> Void
    private var building = false
    /// Files changed since the last build started; nil when no build is wanted.
    private var pending: Set<String>?
    private var idleWaiters: [CheckedContinuation<Void, Never>] = []
    /// Where the site lives on its server (`/` or `/portal/`): the last good build's, or before
    /// any build succeeded, what `site.yml` says.
    public private(set) var basePath = "/"
    /// Builds finished in this session, good or failed.
    public private(set) var buildCount = 0

    /// The session's builds share one `BuildMemory` (the options' own, else a new one): a save
    /// reads the saved file again, not every state file.
    public init(options: BuildOptions, live: LiveReload = LiveReload(), onBuild: @escaping @Sendable (Outcome) -> Void = { _ in }) {
        var options = options
        if options.memory == nil { options.memory = BuildMemory() }
        self.options = options
        self.live = live
        self.onBuild = onBuild
        if let identity = try? ContentLoader(directory: options.contentDirectory, display: options.contentDisplay).identity() {
            basePath = identity.basePath
        }
    }

    /// Asks for a build because these files changed. Returns at once; the build runs after the
    /// current one, if any, together with every other change asked for meanwhile.
    public func requestBuild(_ changed: Set<String> = []) {
        pending = (pending ?? []).union(changed)
        guard !building else { return }
        building = true
        Task { await runPending() }
    }

    /// Builds now (or after the current build) and returns when no build is left to run.
    public func build(_ changed: Set<String> = []) async {
        requestBuild(changed)
        await idle()
    }

    /// Returns when no build is running or waiting.
    public func idle() async {
        guard building else { return }
        await withCheckedContinuation { idleWaiters.append($0) }
    }

    private func runPending() async {
        while let changed = pending {
            pending = nil
            let files = changed.map(display).sorted()
            let result = await Self.runBuild(options, live: live)
            buildCount += 1
            switch result {
            case .success(let report):
                // The open pages were told to reload as soon as the output was in place.
                basePath = report.basePath
                onBuild(.succeeded(report, changedFiles: files))
            case .failure(let error):
                let diagnostics =
                    (error as? DiagnosticError)?.diagnostics
                    ?? [.error(nil, "生成网站时出错：\(error)")]
                onBuild(.failed(diagnostics, changedFiles: files))
                await live.failed(diagnostics)
            }
        }
        building = false
        let waiters = idleWaiters
        idleWaiters = []
        for waiter in waiters { waiter.resume() }
    }

    /// Runs a build on a Dispatch thread; `live` reloads the open pages once the output is in
    /// place, before the build writes its cache and search state (the build thread waits for it).
    private static func runBuild(_ options: BuildOptions, live: LiveReload) async -> Result<BuildReport, any Error> {
        var withReload = options
        withReload.committed = { changed in
            let told = DispatchSemaphore(value: 0)
            Task {
                await live.succeeded(changed: changed)
                told.signal()
            }
            told.wait()
        }
        let options = withReload
        return await withCheckedContinuation { continuation in
            DispatchQueue.global(qos: .userInitiated).async {
                continuation.resume(returning: Result { try SiteBuilder.build(options) })
            }
        }
    }

    /// A watched path as the editor knows it: `content/xxgk/a.md` rather than the absolute path.
    nonisolated func display(_ path: String) -> String {
        let layers = options.templateLayers.compactMap { layer in layer.folder.map { ($0, layer.display) } }
        for (directory, shown) in [(options.contentDirectory, options.contentDisplay)] + layers {
            let base = directory.standardizedFileURL.path
            if path == base { return shown }
            if path.hasPrefix(base + "/") { return shown + path.dropFirst(base.count) }
        }
        return path
    }
}
