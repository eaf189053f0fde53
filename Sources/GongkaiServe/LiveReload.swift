import Foundation
import GongkaiModel

/// The state of the preview's builds and the browsers (or tests) listening for changes.
///
/// Each build that changes what the browser should show gets a new build token. Pages are
/// served with the token current when they were sent; a listener is told the state on connect
/// (`ok <token>` or `error <token>`) and every change after it (`reload <token>`,
/// `error <token>`), so a page that missed a change while it was loading or while the server
/// restarted still catches up.
public actor LiveReload {
    public enum Event: Sendable, Equatable {
        /// Sent on connect while the last build succeeded.
        case ready(String)
        /// A build succeeded and changed the site (or recovered from a failure).
        case reload(String)
        /// The last build failed: its diagnostics are on the error page.
        case failed(String)

        public var token: String {
            switch self {
            case .ready(let token), .reload(let token), .failed(let token): return token
            }
        }

        /// The text sent over the WebSocket, read by `live.js`.
        public var message: String {
            switch self {
            case .ready(let token): return "ok \(token)"
            case .reload(let token): return "reload \(token)"
            case .failed(let token): return "error \(token)"
            }
        }
    }

    /// Identifies this server run, so that pages from an earlier run reload after reconnecting.
    private let session = String(UInt32.random(in: .min ... .max), radix: 16)
    private var generation = 0
    /// The token of the current state; pages carry it in the script tag.
    public var token: String { "\(session)-\(generation)" }
    /// True while the last build failed.
    public private(set) var failed = false
    /// The last failed build's diagnostics (errors and warnings), ordered by file and line.
    public private(set) var diagnostics: [Diagnostic] = []
    /// True once a build has succeeded in this run.
    public private(set) var hasSucceeded = false
    private var listeners: [UUID: AsyncStream<Event>.Continuation] = [:]

    public init() {}

    /// The number of connected listeners (open pages and in-process subscribers).
    public var listenerCount: Int { listeners.count }

    /// Events from now on, starting with the current state.
    public func subscribe() -> AsyncStream<Event> {
        let id = UUID()
        let (stream, continuation) = AsyncStream<Event>.makeStream(bufferingPolicy: .bufferingNewest(16))
        continuation.yield(failed ? .failed(token) : .ready(token))
        continuation.onTermination = { [weak self] _ in
            Task { await self?.remove(id) }
        }
        listeners[id] = continuation
        return stream
    }

    private func remove(_ id: UUID) {
        listeners[id] = nil
    }

    /// Records a good build. Listeners reload when the output changed or a failure is over.
    public func succeeded(changed: Bool) {
        hasSucceeded = true
        guard changed || failed else { return }
        failed = false
        diagnostics = []
        generation += 1
        broadcast(.reload(token))
    }

    /// Records a failed build: listeners go to the error page.
    public func failed(_ diagnostics: [Diagnostic]) {
        failed = true
        self.diagnostics = Diagnostic.ordered(diagnostics)
        generation += 1
        broadcast(.failed(token))
    }

    /// Ends every listener's stream (the server is stopping).
    public func close() {
        for continuation in listeners.values { continuation.finish() }
        listeners = [:]
    }

    private func broadcast(_ event: Event) {
        for continuation in listeners.values { continuation.yield(event) }
    }
}
