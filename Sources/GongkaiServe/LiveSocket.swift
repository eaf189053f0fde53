import FlyingFox
import Foundation

/// The WebSocket at `/__gongkai/live`: forwards the live-reload events to one browser page,
/// until the page goes away or the server stops.
struct LiveSocket: WSMessageHandler {
    let live: LiveReload

    func makeMessages(for client: AsyncStream<WSMessage>) async throws -> AsyncStream<WSMessage> {
        let events = await live.subscribe()
        return AsyncStream { continuation in
            let forward = Task {
                for await event in events { continuation.yield(.text(event.message)) }
                continuation.finish()
            }
            // The page sends nothing; its stream ends when it closes the connection.
            let watch = Task {
                for await _ in client {}
                forward.cancel()
                continuation.finish()
            }
            continuation.onTermination = { _ in
                forward.cancel()
                watch.cancel()
            }
        }
    }
}
