import Dispatch
import Foundation

/// Turns a burst of change signals into one call: `action` runs once no signal has come for
/// `quiet` seconds, or `limit` seconds after the burst's first signal if the signals never stop
/// (a long copy), with every path signalled since the last call.
public final class Debouncer: @unchecked Sendable {
    public let quiet: Double
    public let limit: Double
    private let action: @Sendable (Set<String>) -> Void
    private let queue = DispatchQueue(label: "gongkai.debouncer")
    private let lock = NSLock()
    private var first: DispatchTime?
    private var last = DispatchTime.now()
    private var pending = Set<String>()

    public init(quiet: Double = 0.05, limit: Double = 1.0, action: @escaping @Sendable (Set<String>) -> Void) {
        self.quiet = quiet
        self.limit = limit
        self.action = action
    }

    public func signal(_ paths: Set<String>) {
        let deadline: DispatchTime = lock.withLock {
            let now = DispatchTime.now()
            pending.formUnion(paths)
            last = now
            if first == nil { first = now }
            return min(now + quiet, first! + limit)
        }
        queue.asyncAfter(deadline: deadline) { [self] in fire() }
    }

    /// Runs the action if the burst is over (or has lasted `limit`); otherwise a later
    /// scheduled call will. Calls left over from an earlier burst find nothing to do.
    private func fire() {
        let paths: Set<String>? = lock.withLock {
            guard let first else { return nil }
            let now = DispatchTime.now()
            // A little slack: the timer may fire a few microseconds early.
            let slack = 0.002
            guard now + slack >= last + quiet || now + slack >= first + limit else { return nil }
            defer {
                self.first = nil
                pending = []
            }
            return pending
        }
        if let paths { action(paths) }
    }
}
