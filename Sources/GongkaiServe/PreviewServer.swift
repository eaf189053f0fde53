import FlyingFox
import FlyingSocks
import Foundation
import GongkaiModel
import GongkaiSite

#if canImport(Glibc)
    import Glibc
#endif

/// `gongkai serve`: builds the site, serves it on a local address, watches `content/` and
/// `templates/`, rebuilds after each burst of saves and makes open pages follow.
public final class PreviewServer: Sendable {
    /// Why the preview could not start, in Chinese for the editor.
    public struct StartError: Error, CustomStringConvertible {
        public let description: String
    }

    public let session: PreviewSession
    public var live: LiveReload { session.live }
    /// The port the server listens on (the one asked for, or the one the system chose for 0).
    public let port: UInt16
    public let host: String
    private let server: HTTPServer
    private let task: Task<Void, any Error>
    private let watcher: FileWatcher
    private let stopping = StopFlag()

    private init(
        session: PreviewSession, host: String, port: UInt16, server: HTTPServer, task: Task<Void, any Error>,
        watcher: FileWatcher
    ) {
        self.session = session
        self.host = host
        self.port = port
        self.server = server
        self.task = task
        self.watcher = watcher
    }

    /// Checks the address, watches the project, builds the site once, then starts listening.
    /// - Parameters:
    ///   - port: 0 lets the system choose a free port (tests).
    ///   - quiet: seconds without a save before a rebuild starts.
    ///   - onBuild: told what each build did (on a background thread), for the terminal.
    public static func start(
        options: BuildOptions, host: String = "127.0.0.1", port: UInt16 = 8000, quiet: Double = 0.05,
        onBuild: @escaping @Sendable (PreviewSession.Outcome) -> Void = { _ in }
    ) async throws -> PreviewServer {
        let address = try socketAddress(host: host, port: port)
        try checkFree(address, host: host, port: port)

        let session = PreviewSession(options: options, onBuild: onBuild)
        let debouncer = Debouncer(quiet: quiet) { changed in
            Task { await session.requestBuild(changed) }
        }
        let output = options.outputDirectory.standardizedFileURL
        let watcher: FileWatcher
        do {
            watcher = try FileWatcher(
                // The theme folder named in site.yml (主题:) too; the built-in theme has no folder.
                roots: [options.contentDirectory] + options.templateLayers.compactMap(\.folder),
                excluding: [output],
                onChange: { debouncer.signal($0) })
        } catch let error as FileWatcher.WatchError {
            throw StartError(description: error.description)
        }
        // The build cache and staging folders beside the output have hidden names: never watched.
        // Watch before the first build, so that a save during it is not missed.
        watcher.start()
        await session.build()

        let server = HTTPServer(
            address: address, timeout: 60, logger: .disabled,
            handler: PreviewHandler(session: session, root: output))
        let task = Task { try await server.run() }
        do {
            try await server.waitUntilListening(timeout: 10)
        } catch {
            watcher.stop()
            task.cancel()
            throw StartError(description: "预览服务器无法在 \(host):\(port) 上启动（\(error.localizedDescription)）。")
        }
        var actual = port
        switch await server.listeningAddress {
        case .ip4(_, let listening), .ip6(_, let listening): actual = listening
        default: break
        }
        return PreviewServer(session: session, host: host, port: actual, server: server, task: task, watcher: watcher)
    }

    /// The address to open in a browser, e.g. `http://127.0.0.1:8000/`.
    public func url() async -> String {
        let shown = host.contains(":") ? "[\(host)]" : (host == "0.0.0.0" ? "127.0.0.1" : host)
        return "http://\(shown):\(port)\(await session.basePath)"
    }

    /// Problems the file watcher met (e.g. the system's watch limit), in Chinese.
    public var watchWarnings: [String] { watcher.warnings }

    /// Returns when the server stops (after `stop()`), or throws what stopped it otherwise.
    public func wait() async throws {
        do {
            try await task.value
        } catch {
            if !stopping.isSet { throw error }
        }
    }

    /// Stops watching, closes the live-reload connections and the server.
    public func stop() async {
        stopping.set()
        watcher.stop()
        await session.idle()
        await live.close()
        await server.stop(timeout: 0)
        task.cancel()
    }

    static func socketAddress(host: String, port: UInt16) throws -> any SocketAddress {
        let name = host == "localhost" ? "127.0.0.1" : host
        if let address = try? sockaddr_in.inet(ip4: name, port: port) { return address }
        if let address = try? sockaddr_in6.inet6(ip6: name.trimmingCharacters(in: CharacterSet(charactersIn: "[]")), port: port) {
            return address
        }
        throw StartError(description: "无法识别的地址“\(host)”。--host 请写 IP 地址，例如 127.0.0.1（只有本机可以访问）或 0.0.0.0（局域网内都可以访问）。")
    }

    /// Binds the address once and lets it go, so that a port in use is reported before building.
    static func checkFree(_ address: any SocketAddress, host: String, port: UInt16) throws {
        let socket = try Socket(domain: Int32(type(of: address).family))
        defer { try? socket.close() }
        try? socket.setValue(true, for: .localAddressReuse)
        do {
            try socket.bind(to: address)
        } catch SocketError.failed(_, let code, let message) {
            switch code {
            case EADDRINUSE:
                throw StartError(description: "端口 \(port) 已被占用（可能另一个 gongkai serve 或其他程序正在使用）。请用 --port 换一个端口，例如 gongkai serve --port \(port == 65535 ? 8001 : port + 1)。")
            case EACCES:
                throw StartError(description: "没有权限使用端口 \(port)（1024 以下的端口需要管理员权限）。请用 --port 换一个端口，例如 --port 8000。")
            case EADDRNOTAVAIL:
                throw StartError(description: "本机没有地址 \(host)。--host 请写本机的 IP 地址，例如 127.0.0.1。")
            default:
                throw StartError(description: "无法使用 \(host):\(port)（\(message)）。")
            }
        }
    }
}

/// Set once `stop()` has begun, so that the server's end is not reported as a failure.
private final class StopFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false

    var isSet: Bool { lock.withLock { value } }

    func set() { lock.withLock { value = true } }
}
